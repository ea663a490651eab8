#!/usr/bin/env bash
# The GitHub Action's download step (action/download.sh) run for real on a
# locally built binary packed by the release's own script
# (packaging/archive.sh), served from a file:// "releases" folder laid out
# as GitHub serves them. It must install a binary that runs the quickstart,
# and refuse an archive whose checksum does not match, a release that does
# not exist and a runner it has no binary for.
#
# Usage: tests/action_download.sh [BINARY]   (default target/debug/gplint)
# .ci/run passes the static (musl) binary it builds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
binary="${1:-target/debug/gplint}"
[ -x "$binary" ] || { echo "no binary at $binary: build it first" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
not_ok() { echo "FAILED: $*"; failed=$((failed + 1)); }

# What the release workflow uploads for tag v9.9.9, and for "latest".
tag=v9.9.9
releases="$tmp/releases"
for target in x86_64-unknown-linux-musl x86_64-pc-windows-msvc; do
  packaging/archive.sh "$target" "$binary" "$releases/download/$tag" > /dev/null
done
mkdir -p "$releases/latest"
cp -r "$releases/download/$tag" "$releases/latest/download"

install() { # VERSION OS ARCH DIR
  GPLINT_VERSION="$1" RUNNER_OS="$2" RUNNER_ARCH="$3" GPLINT_INSTALL_DIR="$4" \
    GPLINT_RELEASES="file://$releases" GITHUB_PATH="$tmp/github_path" \
    action/download.sh
}

quickstart() { # BINARY: exit 1 with the quickstart's GPL101 finding
  local status=0 out
  out=$("$1" check examples/quickstart/GptTmpl.inf \
    --expect examples/quickstart/services.yaml 2>&1) || status=$?
  [ "$status" = 1 ] && grep -q GPL101 <<< "$out"
}

if install "$tag" Linux X64 "$tmp/bin" > "$tmp/log" 2>&1 \
  && "$tmp/bin/gplint" --version | grep -q '^gplint ' \
  && quickstart "$tmp/bin/gplint" \
  && grep -qx "$tmp/bin" "$tmp/github_path"; then
  ok "a tagged release installs, runs the quickstart and is put on PATH"
else
  not_ok "tagged install: $(cat "$tmp/log")"
fi

if install latest Linux X64 "$tmp/latest" > "$tmp/log" 2>&1 \
  && cmp -s "$binary" "$tmp/latest/gplint"; then
  ok "latest installs the same binary"
else
  not_ok "latest install: $(cat "$tmp/log")"
fi

# The Windows asset is a zip holding gplint.exe.
if command -v unzip > /dev/null; then
  if install "$tag" Windows X64 "$tmp/win" > "$tmp/log" 2>&1 \
    && cmp -s "$binary" "$tmp/win/gplint.exe"; then
    ok "the Windows zip unpacks gplint.exe"
  else
    not_ok "Windows install: $(cat "$tmp/log")"
  fi
else
  echo "skip: no unzip here, the Windows asset is not unpacked"
fi

# A tampered archive: its checksum no longer matches, nothing is installed.
asset="$releases/download/$tag/gplint-x86_64-unknown-linux-musl.tar.gz"
cp "$asset" "$tmp/asset.bak"
echo tampered >> "$asset"
if ! install "$tag" Linux X64 "$tmp/bad" > "$tmp/log" 2>&1 \
  && grep -q "SHA-256" "$tmp/log" && [ ! -e "$tmp/bad/gplint" ]; then
  ok "a tampered archive is refused"
else
  not_ok "tampered archive accepted: $(cat "$tmp/log")"
fi
cp "$tmp/asset.bak" "$asset"

if ! install v0.0.0-missing Linux X64 "$tmp/missing" > "$tmp/log" 2>&1 \
  && grep -q "is v0.0.0-missing a gplint release" "$tmp/log"; then
  ok "a release that does not exist is named in the error"
else
  not_ok "missing release: $(cat "$tmp/log")"
fi

if ! install "$tag" FreeBSD X64 "$tmp/bsd" > "$tmp/log" 2>&1 \
  && grep -q "cargo install --locked gplint" "$tmp/log"; then
  ok "a runner without a release binary is told how to build one"
else
  not_ok "unknown runner: $(cat "$tmp/log")"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
