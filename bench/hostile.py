#!/usr/bin/env python3
"""Issue 12, items 14-18 and 20: the inputs that cost more than their size,
generated at the sizes the issue reports, each run under /usr/bin/time with
one or more gplint binaries. Prints a Markdown table: wall seconds, peak
resident memory, and bytes written to stdout and stderr.

Usage: bench/hostile.py [--only NAME] [--timeout S] [--dir D] GPLINT...
       (e.g. an old build and target/release/gplint)
"""

import argparse
import os
import subprocess
import sys


def template(body, utf16=False):
    text = "[Unicode]\r\nUnicode=yes\r\n" + body + "[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n"
    return ("\ufeff" + text).encode("utf-16-le") if utf16 else text.encode()


def right(name, holders):
    return f"[Privilege Rights]\r\n{name} = {','.join(holders)}\r\n"


def accounts(n, extra="", logon="logon: [service]"):
    return "".join(f"  - name: CONTOSO\\a{i}\n    {logon}\n{extra}" for i in range(n))


ONE = "accounts:\n  - name: CONTOSO\\svc_a\n    logon: [service]\n"


def cases(d):
    """(name, what, [args], {file: bytes}) for each reproduction."""
    out = []
    for n in (20_000, 40_000, 80_000):
        body = "[System Access]\r\n" + "".join(f"badline{i}\r\n" for i in range(n))
        out.append((f"14-bad-lines-{n // 1000}k", f"dump, {n:,} lines without `=`",
                    ["dump", "t.inf"], {"t.inf": template(body)}))
    for n in (50_000, 100_000):
        body = "[System Access]\r\n" + "".join(f"Key{i} = {i}\r\n" for i in range(n))
        out.append((f"15-system-access-{n // 1000}k", f"check, {n:,} `[System Access]` keys",
                    ["check", "t.inf", "--expect", "s.yaml"], {"t.inf": template(body), "s.yaml": ONE.encode()}))
    # 16k accounts x 80k holders: two lists of 40k, the earlier of services
    # (SHA-1 each); no account is on either, as its expectations want.
    n_acc, n_hold = 16_000, 40_000
    out.append(("16-accounts-x-holders", f"check, {n_acc:,} accounts × {2 * n_hold:,} holders",
                ["check", "a.inf", "b.inf", "--expect", "s.yaml", "--max-holders", "50000", "--format", "json"],
                {"a.inf": template(right("SeServiceLogonRight", [f"NT SERVICE\\s{i}" for i in range(n_hold)])),
                 "b.inf": template(right("SeServiceLogonRight", [f"CONTOSO\\h{i}" for i in range(n_hold)])),
                 "s.yaml": ("accounts:\n" + accounts(n_acc, logon="no_logon: [service]")).encode()}))
    n = 8_000
    waivers = "".join(f"  - rule: GPL101\n    account: CONTOSO\\a{i}\n    reason: r\n    expires: 2099-12-31\n" for i in range(n))
    out.append(("17-waivers", f"check, {n:,} waivers × {n:,} findings",
                ["check", "t.inf", "--expect", "s.yaml", "--format", "json"],
                {"t.inf": template(right("SeServiceLogonRight", ["*S-1-5-32-544"])),
                 "s.yaml": ("accounts:\n" + accounts(n, "    password_never_expires: true\n") + "waivers:\n" + waivers).encode()}))
    n = 2_000
    scopes = "scopes:\n" + "".join(f"  - name: s{i}\n    gpos: [t.inf]\n" for i in range(n))
    one_scope = "".join(f"  - name: CONTOSO\\a{i}\n    logon: [service]\n    scopes: [s{i}]\n    password_never_expires: true\n" for i in range(n))
    every = "".join(f"  - name: CONTOSO\\a{i}\n    logon: [service]\n    password_never_expires: true\n" for i in range(n))
    granted = template(right("SeServiceLogonRight", ["*S-1-1-0"]))
    out.append(("17-scopes-one-each", f"check, {n:,} scopes × {n:,} accounts, one scope each",
                ["check", "t.inf", "--expect", "s.yaml", "--format", "junit"],
                {"t.inf": granted, "s.yaml": (scopes + "accounts:\n" + one_scope).encode()}))
    out.append(("17-scopes-every", f"check, {n:,} scopes × {n:,} accounts in every scope",
                ["check", "t.inf", "--expect", "s.yaml", "--format", "json"],
                {"t.inf": granted, "s.yaml": (scopes + "accounts:\n" + every).encode()}))
    n = 4_000
    groups = "groups:\n" + "".join(f"  - name: CONTOSO\\g{i}\n    member_of: [CONTOSO\\g{i + 1}]\n" for i in range(n - 1)) + f"  - name: CONTOSO\\g{n - 1}\n"
    deep = "".join(f"  - name: CONTOSO\\a{i}\n    logon: [batch]\n    member_of: [CONTOSO\\g0]\n    password_never_expires: true\n" for i in range(n))
    out.append(("17-deep-chain", f"check, {n:,} accounts in a {n:,}-deep chain",
                ["check", "t.inf", "--expect", "s.yaml", "--format", "json"],
                {"t.inf": template(right("SeBatchLogonRight", [f"CONTOSO\\g{n - 1}"])),
                 "s.yaml": (groups + "accounts:\n" + deep).encode()}))
    n = 4_000
    loops = "groups:\n" + "".join(f"  - name: CONTOSO\\g{i}\n    member_of: [CONTOSO\\g{(i + 1) % n}, CONTOSO\\g0]\n" for i in range(n))
    out.append(("18-group-loops", f"check, {n:,} groups each closing the loop",
                ["check", "t.inf", "--expect", "s.yaml"],
                {"t.inf": template(right("SeBatchLogonRight", ["CONTOSO\\g0"])),
                 "s.yaml": (loops + "accounts:\n  - name: CONTOSO\\a\n    logon: [batch]\n    member_of: [CONTOSO\\g0]\n").encode()}))
    newlines = template(right("SeServiceLogonRight", ["*S-1-5-20"]) + "\n" * (40 * 1024 * 1024))
    for cmd in ("check", "explain", "dump"):
        args = [cmd, "t.inf"] + (["--expect", "s.yaml"] if cmd != "dump" else [])
        out.append((f"20-newlines-{cmd}", f"{cmd}, 40 MB of newlines", args,
                    {"t.inf": newlines, "s.yaml": ONE.encode()}))
    return out


def run(binary, args, cwd, timeout):
    cmd = ["/usr/bin/time", "-f", "%e %M", "timeout", str(timeout), binary] + args
    with open(os.path.join(cwd, "out"), "wb") as out, open(os.path.join(cwd, "err"), "wb") as err:
        subprocess.run(cmd, cwd=cwd, stdout=out, stderr=err)
    with open(os.path.join(cwd, "err"), "rb") as f:
        err = f.read()
    last = err.rstrip().split(b"\n")[-1].decode(errors="replace").split()
    seconds, kb = (last + ["?", "?"])[:2]
    out_size = os.path.getsize(os.path.join(cwd, "out"))
    err_size = len(err) - len(err.rstrip().split(b"\n")[-1]) - 1
    timed_out = b"Command exited with non-zero status 124" in err
    return seconds, kb, out_size, max(err_size, 0), timed_out


def size(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--only")
    p.add_argument("--timeout", type=int, default=120)
    p.add_argument("--dir", default="/tmp/gplint-hostile")
    p.add_argument("binaries", nargs="+")
    a = p.parse_args()
    print("| case | what | binary | wall (s) | peak RSS | stdout | stderr |")
    print("|---|---|---|---:|---:|---:|---:|")
    for name, what, args, files in cases(a.dir):
        if a.only and a.only not in name:
            continue
        d = os.path.join(a.dir, name)
        os.makedirs(d, exist_ok=True)
        for file, data in files.items():
            with open(os.path.join(d, file), "wb") as f:
                f.write(data)
        for binary in a.binaries:
            seconds, kb, out, err, timed_out = run(os.path.abspath(binary), args, d, a.timeout)
            wall = f">{a.timeout}" if timed_out else seconds
            peak = size(int(kb) * 1024) if kb.isdigit() else kb
            print(f"| {name} | {what} | {binary} | {wall} | {peak} | {size(out)} | {size(err)} |", flush=True)
        for file in files:
            os.remove(os.path.join(d, file))
        for file in ("out", "err"):
            os.remove(os.path.join(d, file))
    return 0


if __name__ == "__main__":
    sys.exit(main())
