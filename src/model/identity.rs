//! How two spellings of a principal are found to be one: by folded name
//! or by SID, as Windows compares them, and a lookup of declared
//! principals by either in constant time, so checks over a file stay
//! linear in its size.

use std::collections::HashMap;

use crate::principal::{ResolvedSid, Sid, resolve_name};

/// How a declared principal or a `member_of` entry is recognised: two
/// are the same when their folded names or their SIDs are equal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Identity {
    /// The name folded for comparison; empty for an entry written as a SID.
    key: String,
    /// The SID, declared or known from the name.
    sid: Option<Sid>,
}

impl Identity {
    /// A declared principal: its name, and its SID when declared or fixed
    /// by the name (`LocalSystem` and `NT AUTHORITY\SYSTEM` are one).
    pub(crate) fn of(name: &str, sid: Option<&Sid>) -> Self {
        Identity {
            key: name_key(name),
            sid: sid.copied().or_else(|| fixed_sid(name)),
        }
    }

    /// A `member_of` entry, written as a name or as a SID.
    pub(crate) fn of_entry(entry: &str) -> Self {
        match Sid::parse(entry) {
            Ok(sid) => Identity {
                key: String::new(),
                sid: Some(sid),
            },
            Err(_) => Identity::of(entry, None),
        }
    }

    /// The SID, if known.
    pub(crate) fn sid(&self) -> Option<Sid> {
        self.sid
    }

    /// The folded name: equal for two spellings of one name.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }
}

/// Windows compares account names without regard to case; `.\x` is how
/// tools spell the local `x`.
fn name_key(name: &str) -> String {
    let name = name.trim();
    name.strip_prefix(".\\").unwrap_or(name).to_lowercase()
}

/// The SID a name stands for on every machine: well-known names and the
/// computed `NT SERVICE\x` / `IIS APPPOOL\x` SIDs.
pub(crate) fn fixed_sid(name: &str) -> Option<Sid> {
    match resolve_name(name)?.sid {
        ResolvedSid::Fixed(sid) => Some(sid),
        ResolvedSid::MachineRelative(_) | ResolvedSid::DomainRelative(_) => None,
    }
}

/// Positions of identities by folded name and by SID; the first
/// declaration wins both.
pub(crate) struct Index {
    by_key: HashMap<String, usize>,
    by_sid: HashMap<Sid, usize>,
}

impl Index {
    /// Indexes `identities` by their position.
    pub(crate) fn new<'a>(identities: impl IntoIterator<Item = &'a Identity>) -> Self {
        let mut index = Index {
            by_key: HashMap::new(),
            by_sid: HashMap::new(),
        };
        for (at, identity) in identities.into_iter().enumerate() {
            if !identity.key().is_empty() {
                index.by_key.entry(identity.key().to_owned()).or_insert(at);
            }
            if let Some(sid) = identity.sid() {
                index.by_sid.entry(sid).or_insert(at);
            }
        }
        index
    }

    /// The first identity with the same folded name as `wanted`, else the
    /// first with the same SID.
    pub(crate) fn find(&self, wanted: &Identity) -> Option<usize> {
        let by_name = self.by_key.get(wanted.key()).copied();
        by_name.or_else(|| wanted.sid().and_then(|sid| self.by_sid.get(&sid).copied()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_name_or_sid_first_declaration_first() {
        let sid = Sid::parse("S-1-5-21-1-2-3-1107").unwrap();
        let identities = [
            Identity::of("CONTOSO\\A", None),
            Identity::of("CONTOSO\\B", Some(&sid)),
            Identity::of("contoso\\a", None),
        ];
        let index = Index::new(&identities);
        assert_eq!(index.find(&Identity::of_entry("CONTOSO\\a")), Some(0));
        assert_eq!(
            index.find(&Identity::of_entry("S-1-5-21-1-2-3-1107")),
            Some(1)
        );
        assert_eq!(index.find(&Identity::of_entry("CONTOSO\\C")), None);
        assert_eq!(index.find(&Identity::of_entry("S-1-5-18")), None);
    }

    fn sid(text: &str) -> Sid {
        Sid::parse(text).unwrap()
    }

    #[test]
    fn names_fold_case_and_dot() {
        let declared = Identity::of("CONTOSO\\SQL Admins", None);
        assert_eq!(
            declared.key(),
            Identity::of_entry("contoso\\sql admins").key()
        );
        assert_eq!(Identity::of(".\\Svc", None).key(), "svc");
        assert_eq!(declared.sid(), None);
    }

    #[test]
    fn sids_come_from_the_declaration_the_entry_or_the_name() {
        let group = sid("S-1-5-21-1-2-3-1107");
        assert_eq!(Identity::of("CONTOSO\\A", Some(&group)).sid(), Some(group));
        let entry = Identity::of_entry("S-1-5-21-1-2-3-1107");
        assert_eq!((entry.key(), entry.sid()), ("", Some(group)));
        let system = Identity::of("LocalSystem", None);
        assert_eq!(
            system.sid(),
            Identity::of("NT AUTHORITY\\SYSTEM", None).sid()
        );
        assert_eq!(system.sid(), Some(sid("S-1-5-18")));
    }
}
