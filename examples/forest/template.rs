//! One GPO's `GptTmpl.inf`, shaped like the ones Windows writes: the usual
//! sections, 20 or more `[Privilege Rights]` lines with 1–30 holders each
//! (few holders on most lines, as in real GPOs), padded with
//! `[Registry Values]` to a size drawn between 2 and 20 KB on disk.

use std::fmt::Write;

use super::names::{self, ALLOW, DENY, PRIVILEGES};
use super::rng::Rng;

/// What kind of GPO the template belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The domain-wide GPO every scope starts with: it defines every allow
    /// logon right, with the logon groups.
    Domain,
    /// Any other GPO.
    Ordinary,
}

const SYSTEM_ACCESS: [(&str, usize); 8] = [
    ("MinimumPasswordAge", 1),
    ("MaximumPasswordAge", 42),
    ("MinimumPasswordLength", 14),
    ("PasswordComplexity", 1),
    ("PasswordHistorySize", 24),
    ("LockoutBadCount", 5),
    ("RequireLogonToChangePassword", 0),
    ("LSAAnonymousNameLookup", 0),
];

const REGISTRY_KEYS: [&str; 5] = [
    "MACHINE\\System\\CurrentControlSet\\Control\\Lsa",
    "MACHINE\\System\\CurrentControlSet\\Services\\LanManServer\\Parameters",
    "MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
    "MACHINE\\System\\CurrentControlSet\\Services\\Netlogon\\Parameters",
    "MACHINE\\Software\\Policies\\Microsoft\\Windows NT\\Terminal Services",
];

/// The template's text, CRLF line ends.
pub fn text(rng: &mut Rng, kind: Kind) -> String {
    let target_chars = rng.range(1_000, 10_000);
    let mut head = String::from("[Unicode]\r\nUnicode=yes\r\n");
    system_access(rng, &mut head);
    let mut tail = String::new();
    // Bigger templates have more lines and longer lists, as real ones do.
    let scale = (target_chars - 1_000) as f64 / 9_000.0;
    privilege_rights(rng, kind, scale, &mut tail);
    group_membership(rng, &mut tail);
    tail.push_str("[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n");
    let budget = target_chars.saturating_sub(head.len() + tail.len());
    registry_values(rng, budget, &mut head);
    head + &tail
}

/// UTF-16LE with a byte-order mark, as `secedit` and GPMC write.
pub fn utf16le(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + text.len() * 2);
    out.extend_from_slice(&[0xFF, 0xFE]);
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn system_access(rng: &mut Rng, out: &mut String) {
    out.push_str("[System Access]\r\n");
    for (key, value) in SYSTEM_ACCESS {
        if rng.chance(0.6) {
            let _ = write!(out, "{key} = {value}\r\n");
        }
    }
}

fn registry_values(rng: &mut Rng, budget: usize, out: &mut String) {
    out.push_str("[Registry Values]\r\n");
    let start = out.len();
    let mut n = 0;
    while out.len() - start < budget {
        let key = rng.pick(&REGISTRY_KEYS);
        let _ = write!(out, "{key}\\Setting{n}=4,{}\r\n", rng.range(0, 5));
        n += 1;
    }
}

fn privilege_rights(rng: &mut Rng, kind: Kind, scale: f64, out: &mut String) {
    out.push_str("[Privilege Rights]\r\n");
    let all = ALLOW.len() + DENY.len() + PRIVILEGES.len();
    let lines = 20 + ((all - 20) as f64 * scale * rng.unit()) as usize;
    let mut written = 0;
    for (t, right) in ALLOW.iter().enumerate() {
        if kind == Kind::Domain || rng.chance(0.15) {
            let _ = write!(out, "{right} = {}\r\n", allow_holders(rng, t));
            written += 1;
        }
    }
    for right in DENY {
        if rng.chance(0.1) {
            let _ = write!(out, "{right} = {}\r\n", deny_holders(rng));
            written += 1;
        }
    }
    let mut privileges: Vec<&str> = PRIVILEGES.to_vec();
    rng.shuffle(&mut privileges);
    for right in privileges.iter().take(lines.saturating_sub(written)) {
        let count = 1 + (29.0 * scale * rng.unit().powi(3)) as usize;
        let holders: Vec<String> = (0..count).map(|_| names::random_holder(rng)).collect();
        let _ = write!(out, "{right} = {}\r\n", holders.join(","));
    }
}

/// The logon group of the type (left out of one line in a hundred, which
/// breaks the scopes the GPO wins in), plus a few others.
fn allow_holders(rng: &mut Rng, logon_type: usize) -> String {
    let mut holders = vec!["*S-1-5-32-544".to_owned()];
    if rng.chance(0.99) {
        holders.push(names::group_ref(rng, logon_type));
    }
    for _ in 0..rng.range(0, 5) {
        holders.push(names::narrow_holder(rng));
    }
    holders.join(",")
}

/// Guest, Guests and undeclared SIDs: never a declared principal.
fn deny_holders(rng: &mut Rng) -> String {
    let mut holders = vec!["Guest".to_owned(), "*S-1-5-32-546".to_owned()];
    for _ in 0..rng.range(0, 3) {
        holders.push(names::star_sid(rng.range(9000, 99_999)));
    }
    holders.join(",")
}

fn group_membership(rng: &mut Rng, out: &mut String) {
    out.push_str("[Group Membership]\r\n");
    if rng.chance(0.3) {
        let group = rng.range(5, names::GROUPS - 1);
        let member = names::group_ref(rng, group);
        let _ = write!(
            out,
            "*S-1-5-32-551__Memberof =\r\n*S-1-5-32-551__Members = {member}\r\n"
        );
    }
    // Distinct groups, so that no key is written twice.
    let first = rng.range(5, names::GROUPS - 3);
    for group in first..first + rng.range(0, 2) {
        let rid = names::group_rid(group);
        let _ = write!(
            out,
            "*{}-{rid}__Memberof = *S-1-5-32-555\r\n",
            names::DOMAIN
        );
    }
}
