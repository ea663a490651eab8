//! Declared principals looked up by name or SID in constant time, so the
//! checks stay linear in the size of the file.

use std::collections::HashMap;

use crate::expect::names::Identity;
use crate::principal::Sid;

/// Positions of identities by folded name and by SID; the first
/// declaration wins both.
pub(super) struct Index {
    by_key: HashMap<String, usize>,
    by_sid: HashMap<Sid, usize>,
}

impl Index {
    /// Indexes `identities` by their position.
    pub(super) fn new<'a>(identities: impl IntoIterator<Item = &'a Identity>) -> Self {
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
    pub(super) fn find(&self, wanted: &Identity) -> Option<usize> {
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
}
