//! Naming a SID: what gplint can say about `*S-1-…` in a report.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::{DOMAIN_RIDS, PrincipalKind, Sid, WELL_KNOWN, WellKnown};

/// First sub-authorities of the SID families recognised by shape.
const LOGON_SESSION: u32 = 5;
const SERVICE: u32 = 80;
const APP_POOL: u32 = 82;
const VIRTUAL_MACHINE: u32 = 83;

/// What gplint knows about a SID: its name and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Described {
    /// Display name, e.g. `BUILTIN\Administrators` or `Domain Users`.
    pub name: Cow<'static, str>,
    /// How the principal takes part in rights checks.
    pub kind: PrincipalKind,
}

/// The table parsed once, so lookups compare `Sid`s instead of strings.
static BY_SID: LazyLock<HashMap<Sid, &'static WellKnown>> = LazyLock::new(|| {
    WELL_KNOWN
        .iter()
        .filter_map(|entry| Some((Sid::parse(entry.sid).ok()?, entry)))
        .collect()
});

/// Names `sid` when it is well known, a well-known domain RID, or one of
/// the computed families (service, app pool, logon session, virtual
/// machine). `None` for ordinary domain accounts and anything else.
pub fn describe(sid: &Sid) -> Option<Described> {
    if let Some(entry) = BY_SID.get(sid) {
        return Some(described(entry.name, entry.kind));
    }
    domain_rid(sid).or_else(|| by_shape(sid))
}

fn described(name: &'static str, kind: PrincipalKind) -> Described {
    Described {
        name: Cow::Borrowed(name),
        kind,
    }
}

/// Domain SIDs differ per domain, so only the RID is named.
fn domain_rid(sid: &Sid) -> Option<Described> {
    if !sid.is_domain_relative() {
        return None;
    }
    let rid = sid.rid()?;
    let entry = DOMAIN_RIDS.iter().find(|entry| entry.rid == rid)?;
    Some(described(entry.name, entry.kind))
}

/// Hashed and per-session SIDs cannot be named, only recognised.
fn by_shape(sid: &Sid) -> Option<Described> {
    if sid.authority() != 5 {
        return None;
    }
    let subs = sid.sub_authorities();
    let first = *subs.first()?;
    let second = subs.get(1).copied();
    match (first, subs.len()) {
        (SERVICE, 6) => Some(described(
            "NT SERVICE\\(service SID)",
            PrincipalKind::Account,
        )),
        (APP_POOL, 6) => Some(described("IIS APPPOOL\\(app pool)", PrincipalKind::Account)),
        (LOGON_SESSION, 3) => Some(described("Logon session", PrincipalKind::Group)),
        (VIRTUAL_MACHINE, 6) if second == Some(1) => Some(described(
            "NT VIRTUAL MACHINE\\(virtual machine)",
            PrincipalKind::Account,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe_text(text: &str) -> Option<(String, PrincipalKind)> {
        describe(&Sid::parse(text).unwrap()).map(|found| (found.name.into_owned(), found.kind))
    }

    fn named(name: &str, kind: PrincipalKind) -> Option<(String, PrincipalKind)> {
        Some((name.to_owned(), kind))
    }

    #[test]
    fn fixed_sids_use_the_table() {
        use PrincipalKind::*;
        assert_eq!(
            describe_text("S-1-5-32-544"),
            named("BUILTIN\\Administrators", Group)
        );
        assert_eq!(
            describe_text("S-1-5-20"),
            named("NT AUTHORITY\\NETWORK SERVICE", Account)
        );
        assert_eq!(
            describe_text("S-1-5-80-0"),
            named("NT SERVICE\\ALL SERVICES", Group)
        );
        assert_eq!(
            describe_text("S-1-3-0"),
            named("CREATOR OWNER", Placeholder)
        );
        assert_eq!(
            describe_text("S-1-16-12288"),
            named("Mandatory Label\\High Mandatory Level", Label)
        );
    }

    #[test]
    fn every_table_entry_describes_itself() {
        for entry in WELL_KNOWN {
            let found = describe(&Sid::parse(entry.sid).unwrap()).unwrap();
            assert_eq!((found.name.as_ref(), found.kind), (entry.name, entry.kind));
        }
    }

    #[test]
    fn domain_rids_are_named_without_the_domain() {
        let domain = "S-1-5-21-1004336348-1177238915-682003330";
        assert_eq!(
            describe_text(&format!("{domain}-513")),
            named("Domain Users", PrincipalKind::Group)
        );
        assert_eq!(
            describe_text(&format!("{domain}-501")),
            named("Guest", PrincipalKind::Account)
        );
        assert_eq!(describe_text(&format!("{domain}-1105")), None);
        assert_eq!(describe_text("S-1-5-32-513"), None);
    }

    #[test]
    fn computed_families_are_recognised_by_shape() {
        use PrincipalKind::*;
        let service = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464";
        assert_eq!(
            describe_text(service),
            named("NT SERVICE\\(service SID)", Account)
        );
        let pool = "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415";
        assert_eq!(
            describe_text(pool),
            named("IIS APPPOOL\\(app pool)", Account)
        );
        assert_eq!(
            describe_text("S-1-5-5-0-123456"),
            named("Logon session", Group)
        );
        let vm = "S-1-5-83-1-1-2-3-4";
        assert_eq!(
            describe_text(vm),
            named("NT VIRTUAL MACHINE\\(virtual machine)", Account)
        );
    }

    #[test]
    fn near_misses_are_unknown() {
        for text in [
            "S-1-5-80-1-2-3",
            "S-1-5-83-2-1-2-3-4",
            "S-1-5-5-1",
            "S-1-9-80-1-2-3-4-5",
            "S-1-5-16",
        ] {
            assert_eq!(describe_text(text), None, "{text}");
        }
    }
}
