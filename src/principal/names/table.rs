//! The name → principal lookup built once from the well-known tables.
//!
//! Bare short names ("Administrators" for `BUILTIN\Administrators`) are only
//! kept when exactly one principal claims them. No short name in today's
//! tables is ambiguous; any that becomes so (say a new `X\Users`) is dropped
//! from the bare form and must then be written with its prefix.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{Resolved, ResolvedSid};
use crate::principal::{DOMAIN_RIDS, DomainRid, PrincipalKind, Sid, WELL_KNOWN, WellKnown};

/// Other spellings tools and people use for well-known principals.
const ALIASES: &[(&str, &str)] = &[
    ("LocalSystem", "S-1-5-18"),
    ("NT AUTHORITY\\LocalSystem", "S-1-5-18"),
    ("LocalService", "S-1-5-19"),
    ("NT AUTHORITY\\LocalService", "S-1-5-19"),
    ("NetworkService", "S-1-5-20"),
    ("NT AUTHORITY\\NetworkService", "S-1-5-20"),
];

/// Local accounts secedit exports write by bare name, e.g. `Guest`.
pub(super) const MACHINE_ACCOUNT_RIDS: &[u32] = &[500, 501, 503, 504];

/// The key every lookup uses, so matching is case-insensitive.
pub(super) fn key(name: &str) -> String {
    name.to_uppercase()
}

/// Builds the lookup: exact names and aliases first, then the unambiguous
/// bare names that no exact name already claims.
pub(super) fn build() -> HashMap<String, Resolved> {
    let mut names = HashMap::new();
    for entry in WELL_KNOWN {
        if let Some(resolved) = fixed(entry) {
            names.insert(key(entry.name), resolved);
        }
    }
    for (alias, sid) in ALIASES {
        if let Some(resolved) = WELL_KNOWN.iter().find(|e| e.sid == *sid).and_then(fixed) {
            names.insert(key(alias), resolved);
        }
    }
    let (bare, _ambiguous) = split_ambiguous(bare_candidates());
    for (name, resolved) in bare {
        names.entry(name).or_insert(resolved);
    }
    names
}

fn fixed(entry: &'static WellKnown) -> Option<Resolved> {
    Some(Resolved {
        sid: ResolvedSid::Fixed(Sid::parse(entry.sid).ok()?),
        name: Cow::Borrowed(entry.name),
        kind: entry.kind,
    })
}

/// Every short name, local account and domain group that may be written
/// without a prefix; a name may appear more than once.
fn bare_candidates() -> Vec<(&'static str, Resolved)> {
    let short = WELL_KNOWN.iter().filter_map(|entry| {
        let (_, short) = entry.name.split_once('\\')?;
        Some((short, fixed(entry)?))
    });
    let relative = DOMAIN_RIDS
        .iter()
        .filter_map(|entry| Some((entry.name, relative(entry)?)));
    short.chain(relative).collect()
}

/// Bare local account names mean the machine's own account; bare group
/// names mean the domain's group, since machines have no such groups.
fn relative(entry: &DomainRid) -> Option<Resolved> {
    let sid = if MACHINE_ACCOUNT_RIDS.contains(&entry.rid) {
        ResolvedSid::MachineRelative(entry.rid)
    } else if entry.kind == PrincipalKind::Group {
        ResolvedSid::DomainRelative(entry.rid)
    } else {
        return None;
    };
    Some(Resolved {
        sid,
        name: Cow::Borrowed(entry.name),
        kind: entry.kind,
    })
}

/// Separates names that resolve one way from names claimed by two
/// different principals (returned as upper-cased keys).
fn split_ambiguous(candidates: Vec<(&str, Resolved)>) -> (HashMap<String, Resolved>, Vec<String>) {
    let mut seen: HashMap<String, Option<Resolved>> = HashMap::new();
    for (name, resolved) in candidates {
        match seen.entry(key(name)) {
            Entry::Vacant(slot) => {
                slot.insert(Some(resolved));
            }
            Entry::Occupied(mut slot) if slot.get().as_ref() != Some(&resolved) => {
                slot.insert(None);
            }
            Entry::Occupied(_) => {}
        }
    }
    let mut unique = HashMap::new();
    let mut ambiguous = Vec::new();
    for (name, resolved) in seen {
        match resolved {
            Some(resolved) => {
                unique.insert(name, resolved);
            }
            None => ambiguous.push(name),
        }
    }
    (unique, ambiguous)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed_sid(text: &str, name: &'static str) -> Resolved {
        Resolved {
            sid: ResolvedSid::Fixed(Sid::parse(text).unwrap()),
            name: Cow::Borrowed(name),
            kind: PrincipalKind::Group,
        }
    }

    #[test]
    fn a_name_claimed_twice_is_dropped() {
        let candidates = vec![
            ("Users", fixed_sid("S-1-5-32-545", "BUILTIN\\Users")),
            ("users", fixed_sid("S-1-5-99-9", "OTHER\\Users")),
            ("Guests", fixed_sid("S-1-5-32-546", "BUILTIN\\Guests")),
        ];
        let (unique, ambiguous) = split_ambiguous(candidates);
        assert_eq!(ambiguous, ["USERS"]);
        assert_eq!(unique.len(), 1);
        assert!(unique.contains_key("GUESTS"));
    }

    #[test]
    fn the_same_principal_offered_twice_is_not_ambiguous() {
        let twice = vec![
            ("SYSTEM", fixed_sid("S-1-5-18", "NT AUTHORITY\\SYSTEM")),
            ("system", fixed_sid("S-1-5-18", "NT AUTHORITY\\SYSTEM")),
        ];
        let (unique, ambiguous) = split_ambiguous(twice);
        assert!(ambiguous.is_empty());
        assert_eq!(unique.len(), 1);
    }

    #[test]
    fn todays_tables_have_no_ambiguous_bare_names() {
        let (_, ambiguous) = split_ambiguous(bare_candidates());
        assert_eq!(ambiguous, Vec::<String>::new());
    }

    #[test]
    fn aliases_point_at_table_entries_and_do_not_shadow_names() {
        for (alias, sid) in ALIASES {
            assert!(WELL_KNOWN.iter().any(|e| e.sid == *sid), "{alias}");
            assert!(
                !WELL_KNOWN.iter().any(|e| key(e.name) == key(alias)),
                "{alias}"
            );
        }
    }

    #[test]
    fn build_contains_full_short_and_alias_forms() {
        let names = build();
        for name in [
            "BUILTIN\\ADMINISTRATORS",
            "ADMINISTRATORS",
            "LOCALSYSTEM",
            "DOMAIN USERS",
            "GUEST",
        ] {
            assert!(names.contains_key(name), "{name}");
        }
    }
}
