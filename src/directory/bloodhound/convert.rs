//! SharpHound records turned into the [`Object`]s and [`Domain`]s of an
//! export.
//!
//! SharpHound writes BUILTIN and well-known SIDs with the domain in
//! front (`ESC1.LOCAL-S-1-5-32-544`), since BUILTIN groups of different
//! domains share one SID; the prefix is stripped here, and the group's
//! domain stays known by its DN (`CN=ADMINISTRATORS,CN=BUILTIN,DC=ESC1,…`).

use super::format::{Duration, Properties, Record};
use crate::directory::{Domain, Object, ObjectKind, Origin, Reference, UserAccountControl};
use crate::principal::Sid;

/// `ACCOUNTDISABLE`, `DONT_EXPIRE_PASSWORD`, `SMARTCARD_REQUIRED`.
const UF_DISABLED: i64 = 0x2;
const UF_DONT_EXPIRE: i64 = 0x1_0000;
const UF_SMARTCARD: i64 = 0x4_0000;

/// 100-ns intervals in a day, for AD's raw durations.
const TICKS_PER_DAY: i64 = 864_000_000_000;

/// What a SharpHound file holds, by its `meta.type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FileKind {
    /// `users`: users and managed service accounts.
    Users,
    /// `groups`.
    Groups,
    /// `computers`.
    Computers,
    /// `domains`.
    Domains,
}

impl FileKind {
    /// The kind for `meta.type`; `None` for types gplint does not read
    /// (`gpos`, `ous`, `containers`, `certtemplates`, …).
    pub fn of(meta_type: &str) -> Option<FileKind> {
        match meta_type.to_ascii_lowercase().as_str() {
            "users" => Some(FileKind::Users),
            "groups" => Some(FileKind::Groups),
            "computers" => Some(FileKind::Computers),
            "domains" => Some(FileKind::Domains),
            _ => None,
        }
    }
}

/// The SID SharpHound wrote, without its `DOMAIN-` prefix; `None` when it
/// is no SID (an OU's or GPO's GUID, a broken value).
pub(super) fn sid_of(written: &str) -> Option<Sid> {
    let upper = written.trim().to_ascii_uppercase();
    let bare = match upper.rfind("-S-1-") {
        Some(at) if !upper.starts_with("S-1-") => upper.get(at + 1..)?,
        _ => upper.as_str(),
    };
    Sid::parse(bare).ok()
}

/// Whether an object with this SID is a directory object gplint keeps:
/// a domain account or group (`S-1-5-21-…`) or a BUILTIN group
/// (`S-1-5-32-…`). BloodHound also lists well-known principals
/// (`Everyone`, `NETWORK SERVICE`, `ENTERPRISE DOMAIN CONTROLLERS`) as
/// stub users and groups; they are no directory objects, and gplint
/// knows them by SID already.
pub(super) fn is_directory_sid(sid: &Sid) -> bool {
    let text = sid.to_string();
    text.starts_with("S-1-5-21-") || text.starts_with("S-1-5-32-")
}

/// The object a users, groups or computers record stands for, read at
/// `origin`; `None` for a record without a directory SID.
pub(super) fn object(kind: FileKind, record: &Record, origin: Origin) -> Option<Object> {
    let sid = record.object_identifier.as_deref().and_then(sid_of)?;
    if !is_directory_sid(&sid) {
        return None;
    }
    let none = Properties::default();
    let props = record.properties.as_ref().unwrap_or(&none);
    let object_kind = object_kind(kind, props);
    let name = sam_account_name(object_kind, props)?;
    let mut object = Object::new(object_kind, name, origin);
    object.sid = Some(sid);
    object.dn = props.distinguishedname.clone();
    object.upn = props.userprincipalname.clone().filter(|u| !u.is_empty());
    object.primary_group_rid = record
        .primary_group_sid
        .as_deref()
        .and_then(sid_of)
        .and_then(|s| s.rid());
    object.account_control = account_control(props);
    object.password_last_set = props.pwdlastset.filter(|&t| t >= 0);
    object.has_spn = props.hasspn.unwrap_or(false)
        || props
            .serviceprincipalnames
            .as_ref()
            .is_some_and(|s| !s.is_empty());
    object.members = members(record);
    object.lines = fact_lines(&object, origin.line);
    Some(object)
}

/// Users are users unless SharpHound CE marks them `gmsa` or `msa`; v5
/// has no such mark and lists managed service accounts as computers.
fn object_kind(kind: FileKind, props: &Properties) -> ObjectKind {
    match kind {
        FileKind::Groups => ObjectKind::Group,
        FileKind::Computers => ObjectKind::Computer,
        FileKind::Users | FileKind::Domains => {
            if props.gmsa == Some(true) {
                ObjectKind::Gmsa
            } else if props.msa == Some(true) {
                ObjectKind::Smsa
            } else {
                ObjectKind::User
            }
        }
    }
}

/// `samaccountname`, or for v5 files, which lack it, the name before
/// the `@` (users, groups) or the host label plus `$` (computers), as
/// SharpHound upper-cases them.
fn sam_account_name(kind: ObjectKind, props: &Properties) -> Option<String> {
    if let Some(sam) = props.samaccountname.as_deref().filter(|s| !s.is_empty()) {
        return Some(sam.to_owned());
    }
    let name = props.name.as_deref()?;
    let derived = match kind {
        ObjectKind::Computer => {
            let host = name.split('.').next().unwrap_or(name);
            format!("{}$", host.trim_end_matches('$'))
        }
        _ => name
            .rsplit_once('@')
            .map_or(name, |(sam, _)| sam)
            .to_owned(),
    };
    (!derived.is_empty() && derived != "$").then_some(derived)
}

/// The account flags: from the raw `useraccountcontrol` when present,
/// else from the booleans SharpHound derives from it.
fn account_control(props: &Properties) -> Option<UserAccountControl> {
    if let Some(uac) = props.useraccountcontrol {
        return Some(UserAccountControl {
            disabled: uac & UF_DISABLED != 0,
            password_never_expires: uac & UF_DONT_EXPIRE != 0,
            smartcard_required: uac & UF_SMARTCARD != 0,
        });
    }
    if props.enabled.is_none() && props.pwdneverexpires.is_none() {
        return None;
    }
    Some(UserAccountControl {
        disabled: props.enabled == Some(false),
        password_never_expires: props.pwdneverexpires == Some(true),
        smartcard_required: props.smartcardrequired == Some(true),
    })
}

/// A group's members by SID; members without a SID are dropped.
fn members(record: &Record) -> Vec<Reference> {
    let Some(members) = &record.members else {
        return Vec::new();
    };
    // A set, not `Vec::contains`: Domain Users can list 100,000 members.
    let mut seen = std::collections::HashSet::with_capacity(members.len());
    members
        .iter()
        .filter_map(|m| m.object_identifier.as_deref().and_then(sid_of))
        .filter(|sid| seen.insert(*sid))
        .map(Reference::Sid)
        .collect()
}

/// Every fact of a JSON record is on the record's own "line" (its
/// position in `data`); memberships come from the groups' lists, so
/// `member_of` points at the object itself.
fn fact_lines(object: &Object, line: u32) -> crate::directory::FactLines {
    crate::directory::FactLines {
        account_control: object.account_control.map(|_| line),
        password_last_set: object.password_last_set.map(|_| line),
        member_of: (object.kind != ObjectKind::Group).then_some(line),
        ..Default::default()
    }
}

/// The domain a domains record stands for; `None` without a SID.
pub(super) fn domain(record: &Record, origin: Origin) -> Option<Domain> {
    let sid = record.object_identifier.as_deref().and_then(sid_of)?;
    let none = Properties::default();
    let props = record.properties.as_ref().unwrap_or(&none);
    let dns_name = props
        .name
        .clone()
        .or_else(|| props.domain.clone())
        .or_else(|| props.distinguishedname.as_deref().and_then(dns_of_dn))
        .unwrap_or_default();
    Some(Domain {
        dns_name,
        netbios_name: props.netbios.clone().filter(|n| !n.is_empty()),
        sid: Some(sid),
        dn: props.distinguishedname.clone(),
        max_password_age_days: props.maxpwdage.as_ref().and_then(days),
        lockout_threshold: props.lockoutthreshold,
        origin,
    })
}

/// `DC=ESC1,DC=LOCAL` → `ESC1.LOCAL`.
fn dns_of_dn(dn: &str) -> Option<String> {
    let labels: Vec<&str> = dn
        .split(',')
        .filter_map(|rdn| {
            let (key, value) = rdn.trim().split_once('=')?;
            key.eq_ignore_ascii_case("DC").then_some(value)
        })
        .collect();
    (!labels.is_empty()).then(|| labels.join("."))
}

/// Whole days of a `maxpwdage`; 0 when passwords never expire
/// (`"Forever"`, AD's 0 and its minimum). A duration under a day that is
/// not 0 counts as 1 day, so it never reads as "never expires".
/// `None` for words gplint cannot read.
pub(super) fn days(duration: &Duration) -> Option<i64> {
    match duration {
        Duration::Ticks(ticks) => {
            if *ticks == i64::MIN || *ticks >= 0 {
                return Some(0);
            }
            let magnitude = ticks.checked_neg()?;
            Some((magnitude / TICKS_PER_DAY).max(1))
        }
        Duration::Text(text) => days_of_words(text),
    }
}

/// `"42 days, 3 hours"` → 42; `"Forever"` and `""` → 0.
fn days_of_words(text: &str) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("forever") {
        return Some(0);
    }
    let mut days = 0i64;
    let mut rest_non_zero = false;
    for part in text.split(',') {
        let mut words = part.split_whitespace();
        let count: i64 = words.next()?.parse().ok()?;
        let unit = words.next()?.to_ascii_lowercase();
        match unit.trim_end_matches('s') {
            "day" => days = count,
            "hour" | "minute" | "second" => rest_non_zero |= count > 0,
            _ => return None,
        }
    }
    Some(if days == 0 && rest_non_zero { 1 } else { days })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_prefix_is_stripped() {
        let sid = sid_of("ESC1.LOCAL-S-1-5-32-544").unwrap();
        assert_eq!(sid.to_string(), "S-1-5-32-544");
        let odd = sid_of("A-S-1-B.LOCAL-S-1-5-32-545").unwrap();
        assert_eq!(odd.to_string(), "S-1-5-32-545");
        let plain = sid_of("S-1-5-21-1-2-3-500").unwrap();
        assert_eq!(plain.rid(), Some(500));
        assert!(sid_of("C8C7B7E0-C0F7-4FAC-8CCB-4B7C1CD03996").is_none());
        assert!(sid_of("").is_none());
    }

    #[test]
    fn well_known_principals_are_not_directory_objects() {
        assert!(!is_directory_sid(&sid_of("ESC1.LOCAL-S-1-5-20").unwrap()));
        assert!(!is_directory_sid(&sid_of("ESC1.LOCAL-S-1-1-0").unwrap()));
        assert!(is_directory_sid(
            &sid_of("ESC1.LOCAL-S-1-5-32-544").unwrap()
        ));
    }

    #[test]
    fn durations_in_sharphound_words() {
        let text = |s: &str| days(&Duration::Text(s.to_owned()));
        assert_eq!(text("42 days"), Some(42));
        assert_eq!(text("1 day, 2 hours"), Some(1));
        assert_eq!(text("3 hours"), Some(1));
        assert_eq!(text("Forever"), Some(0));
        assert_eq!(text(""), Some(0));
        assert_eq!(text("many days"), None);
        assert_eq!(text("4 fortnights"), None);
        assert_eq!(days(&Duration::Ticks(-36_288_000_000_000)), Some(42));
        assert_eq!(days(&Duration::Ticks(i64::MIN)), Some(0));
    }

    #[test]
    fn v5_names_are_derived() {
        let props = |name: &str| Properties {
            name: Some(name.to_owned()),
            ..Properties::default()
        };
        let user = sam_account_name(ObjectKind::User, &props("JOE@TESTLAB.LOCAL"));
        assert_eq!(user.as_deref(), Some("JOE"));
        let host = sam_account_name(ObjectKind::Computer, &props("WIN10.TESTLAB.LOCAL"));
        assert_eq!(host.as_deref(), Some("WIN10$"));
        assert_eq!(sam_account_name(ObjectKind::User, &props("")), None);
    }

    #[test]
    fn raw_account_control_wins() {
        let props = Properties {
            useraccountcontrol: Some(0x2 | 0x1_0000),
            enabled: Some(true),
            ..Properties::default()
        };
        let flags = account_control(&props).unwrap();
        assert!(flags.disabled && flags.password_never_expires && !flags.smartcard_required);
        assert_eq!(account_control(&Properties::default()), None);
    }

    #[test]
    fn dns_name_from_dn() {
        assert_eq!(dns_of_dn("DC=ESC1,DC=LOCAL").as_deref(), Some("ESC1.LOCAL"));
        assert_eq!(dns_of_dn("CN=X"), None);
    }
}
