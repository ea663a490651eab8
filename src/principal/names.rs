//! Principal names written in templates (`Guest`, `BUILTIN\Administrators`,
//! `CONTOSO\Domain Users`, `NT SERVICE\MSSQLSERVER`) turned into SIDs.

mod table;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::{DOMAIN_RIDS, PrincipalKind, Sid, WELL_KNOWN, app_pool_sid, service_sid};

/// How a principal name written in a template resolves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResolvedSid {
    /// A well-known fixed SID, or a computed NT SERVICE / IIS APPPOOL SID.
    Fixed(Sid),
    /// A local account of the machine, e.g. `Guest` = `<machine SID>-501`.
    MachineRelative(u32),
    /// A domain principal known by RID, e.g. `CONTOSO\Domain Users` =
    /// `<domain SID>-513`.
    DomainRelative(u32),
}

/// A resolved name: where it points, its canonical spelling and its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The SID, or how to build it once the machine or domain is known.
    pub sid: ResolvedSid,
    /// Canonical name, e.g. `NT AUTHORITY\SYSTEM` for `LocalSystem`.
    pub name: Cow<'static, str>,
    /// How the principal takes part in rights checks.
    pub kind: PrincipalKind,
}

static NAMES: LazyLock<HashMap<String, Resolved>> = LazyLock::new(table::build);

/// The authorities of the fixed table, as [`table::key`] spells them:
/// built once, since every `DOMAIN\account` name is checked against them.
static AUTHORITIES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    WELL_KNOWN
        .iter()
        .filter_map(|entry| entry.name.split_once('\\'))
        .map(|(authority, _)| table::key(authority))
        .collect()
});

/// Resolves an English principal name, ignoring case and surrounding
/// whitespace. `None` for names gplint cannot tie to a SID without asking
/// a directory (`CONTOSO\svc_sql`, localized names, placeholders).
pub fn resolve_name(name: &str) -> Option<Resolved> {
    let name = name.trim();
    if let Some(found) = lookup(name) {
        return Some(found.clone());
    }
    let (domain, account) = name.split_once('\\')?;
    if account.is_empty() || account.contains('\\') {
        return None;
    }
    qualified(domain, account)
}

/// Longest name looked up without allocating its key; the longest
/// fixed name is well under it.
const SHORT_NAME: usize = 96;

/// The fixed table's entry for `name`. Templates name principals millions
/// of times in a forest, so a short ASCII name (every name of the table)
/// is upper-cased on the stack; any other goes through [`table::key`],
/// whose Unicode upper-casing can turn a non-ASCII letter into an ASCII one.
fn lookup(name: &str) -> Option<&'static Resolved> {
    let mut buffer = [0u8; SHORT_NAME];
    let short = buffer.get_mut(..name.len()).filter(|_| name.is_ascii());
    let Some(key) = short else {
        return NAMES.get(&table::key(name));
    };
    key.copy_from_slice(name.as_bytes());
    key.make_ascii_uppercase();
    std::str::from_utf8(key).ok().and_then(|key| NAMES.get(key))
}

/// `DOMAIN\account` forms that are not in the fixed lookup.
fn qualified(domain: &str, account: &str) -> Option<Resolved> {
    match table::key(domain).as_str() {
        "NT SERVICE" => Some(hashed(service_sid(account), "NT SERVICE", account)),
        "IIS APPPOOL" => Some(hashed(app_pool_sid(account), "IIS APPPOOL", account)),
        // `.\Guest` is how tools spell "this machine's Guest".
        "." => machine_account(account),
        "" => None,
        upper if is_authority(upper) => None,
        _ => domain_account(domain, account),
    }
}

fn hashed(sid: Sid, prefix: &str, account: &str) -> Resolved {
    Resolved {
        sid: ResolvedSid::Fixed(sid),
        name: Cow::Owned(format!("{prefix}\\{account}")),
        kind: PrincipalKind::Account,
    }
}

fn machine_account(account: &str) -> Option<Resolved> {
    let entry = DOMAIN_RIDS
        .iter()
        .filter(|entry| table::MACHINE_ACCOUNT_RIDS.contains(&entry.rid))
        .find(|entry| entry.name.eq_ignore_ascii_case(account))?;
    Some(Resolved {
        sid: ResolvedSid::MachineRelative(entry.rid),
        name: Cow::Borrowed(entry.name),
        kind: entry.kind,
    })
}

/// Any prefix that is not a fixed authority is taken as a domain; it may
/// also be a machine name, which gplint cannot tell apart.
fn domain_account(domain: &str, account: &str) -> Option<Resolved> {
    let entry = DOMAIN_RIDS
        .iter()
        .find(|entry| entry.name.eq_ignore_ascii_case(account))?;
    Some(Resolved {
        sid: ResolvedSid::DomainRelative(entry.rid),
        name: Cow::Owned(format!("{domain}\\{}", entry.name)),
        kind: entry.kind,
    })
}

/// `BUILTIN`, `NT AUTHORITY` and the other prefixes of the fixed table;
/// an unknown name under them is a typo, not a domain account.
fn is_authority(upper_domain: &str) -> bool {
    AUTHORITIES.contains(upper_domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> ResolvedSid {
        ResolvedSid::Fixed(Sid::parse(text).unwrap())
    }

    fn sid_of(name: &str) -> Option<ResolvedSid> {
        resolve_name(name).map(|resolved| resolved.sid)
    }

    #[test]
    fn full_names_resolve_to_fixed_sids() {
        let found = resolve_name("NT AUTHORITY\\NETWORK SERVICE").unwrap();
        assert_eq!(found.sid, fixed("S-1-5-20"));
        assert_eq!(found.name, "NT AUTHORITY\\NETWORK SERVICE");
        assert_eq!(found.kind, PrincipalKind::Account);
        assert_eq!(
            sid_of("BUILTIN\\Administrators"),
            Some(fixed("S-1-5-32-544"))
        );
        assert_eq!(sid_of("Everyone"), Some(fixed("S-1-1-0")));
    }

    #[test]
    fn matching_ignores_case_and_surrounding_whitespace() {
        assert_eq!(
            sid_of("  builtin\\remote desktop USERS\t"),
            Some(fixed("S-1-5-32-555"))
        );
        let found = resolve_name("everyone").unwrap();
        assert_eq!(found.name, "Everyone");
    }

    #[test]
    fn short_names_resolve_without_prefix() {
        let expected = [
            ("NETWORK SERVICE", "S-1-5-20"),
            ("Administrators", "S-1-5-32-544"),
            ("Authenticated Users", "S-1-5-11"),
            ("Remote Desktop Users", "S-1-5-32-555"),
            ("Backup Operators", "S-1-5-32-551"),
            ("Users", "S-1-5-32-545"),
            ("Guests", "S-1-5-32-546"),
            ("SYSTEM", "S-1-5-18"),
            ("LOCAL SERVICE", "S-1-5-19"),
            ("INTERACTIVE", "S-1-5-4"),
            ("SERVICE", "S-1-5-6"),
            ("Anonymous Logon", "S-1-5-7"),
        ];
        for (name, sid) in expected {
            assert_eq!(sid_of(name), Some(fixed(sid)), "{name}");
        }
        assert_eq!(resolve_name("Users").unwrap().name, "BUILTIN\\Users");
    }

    #[test]
    fn aliases_resolve_to_canonical_names() {
        let system = resolve_name("LocalSystem").unwrap();
        assert_eq!(
            (system.sid, system.name.as_ref()),
            (fixed("S-1-5-18"), "NT AUTHORITY\\SYSTEM")
        );
        assert_eq!(sid_of("NT AUTHORITY\\LocalSystem"), Some(fixed("S-1-5-18")));
        assert_eq!(sid_of("LocalService"), Some(fixed("S-1-5-19")));
        assert_eq!(sid_of("networkservice"), Some(fixed("S-1-5-20")));
        assert_eq!(
            sid_of("NT AUTHORITY\\ANONYMOUS LOGON"),
            Some(fixed("S-1-5-7"))
        );
    }

    #[test]
    fn all_services_is_fixed_not_hashed() {
        for name in [
            "ALL SERVICES",
            "NT SERVICE\\ALL SERVICES",
            "nt service\\all services",
        ] {
            let found = resolve_name(name).unwrap();
            assert_eq!(found.sid, fixed("S-1-5-80-0"), "{name}");
            assert_eq!(found.kind, PrincipalKind::Group);
        }
    }

    #[test]
    fn service_names_are_hashed_and_keep_their_spelling() {
        let expected = fixed("S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003");
        let upper = resolve_name("NT SERVICE\\MSSQLSERVER").unwrap();
        assert_eq!(upper.sid, expected);
        assert_eq!(upper.kind, PrincipalKind::Account);
        let lower = resolve_name("nt service\\mssqlserver").unwrap();
        assert_eq!(lower.sid, expected);
        assert_eq!(lower.name, "NT SERVICE\\mssqlserver");
    }

    #[test]
    fn app_pools_are_hashed() {
        let found = resolve_name("IIS APPPOOL\\DefaultAppPool").unwrap();
        let expected = "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415";
        assert_eq!(found.sid, fixed(expected));
        assert_eq!(found.name, "IIS APPPOOL\\DefaultAppPool");
        assert_eq!(found.kind, PrincipalKind::Account);
    }

    #[test]
    fn bare_local_accounts_are_machine_relative() {
        let expected = [
            ("Guest", 501),
            ("administrator", 500),
            ("DefaultAccount", 503),
            ("WDAGUtilityAccount", 504),
        ];
        for (name, rid) in expected {
            let found = resolve_name(name).unwrap();
            assert_eq!(found.sid, ResolvedSid::MachineRelative(rid), "{name}");
            assert_eq!(found.kind, PrincipalKind::Account);
        }
        assert_eq!(sid_of(".\\Guest"), Some(ResolvedSid::MachineRelative(501)));
        assert_eq!(sid_of(".\\Domain Users"), None);
    }

    #[test]
    fn domain_groups_resolve_by_rid() {
        let found = resolve_name("CONTOSO\\domain users").unwrap();
        assert_eq!(found.sid, ResolvedSid::DomainRelative(513));
        assert_eq!(found.name, "CONTOSO\\Domain Users");
        assert_eq!(found.kind, PrincipalKind::Group);
        assert_eq!(
            sid_of("Domain Admins"),
            Some(ResolvedSid::DomainRelative(512))
        );
        assert_eq!(
            sid_of("enterprise read-only domain controllers"),
            Some(ResolvedSid::DomainRelative(498))
        );
        assert_eq!(
            sid_of("CONTOSO\\Denied RODC Password Replication Group"),
            Some(ResolvedSid::DomainRelative(572))
        );
    }

    #[test]
    fn domain_qualified_builtin_accounts_are_domain_relative() {
        assert_eq!(
            sid_of("CONTOSO\\Administrator"),
            Some(ResolvedSid::DomainRelative(500))
        );
        assert_eq!(
            sid_of("contoso\\guest"),
            Some(ResolvedSid::DomainRelative(501))
        );
        assert_eq!(sid_of("BUILTIN\\Administrator"), None);
        assert_eq!(sid_of("NT AUTHORITY\\Guest"), None);
    }

    #[test]
    fn long_and_non_ascii_names_are_looked_up_like_short_ones() {
        let long = format!("{}Everyone", " ".repeat(200));
        assert_eq!(sid_of(&long), Some(fixed("S-1-1-0")));
        // U+017F (long s) upper-cases to `S`, as Windows' own comparison
        // would not; kept as gplint always read it.
        assert_eq!(sid_of("\u{17f}YSTEM"), Some(fixed("S-1-5-18")));
        let padded = format!("CONTOSO\\{}", "x".repeat(120));
        assert_eq!(sid_of(&padded), None);
    }

    #[test]
    fn unknown_names_do_not_resolve() {
        let unknown = [
            "CONTOSO\\svc_sql",
            "ADD YOUR DOMAIN ADMINS",
            "Invitado",
            "",
            "   ",
            "NT SERVICE\\",
            "IIS APPPOOL\\",
            "\\Domain Users",
            "CONTOSO\\Domain Users\\x",
            "BUILTIN\\Nobody",
        ];
        for name in unknown {
            assert_eq!(resolve_name(name), None, "{name:?}");
        }
    }
}
