//! The holder lists of a chain's logon rights, indexed once per chain.
//!
//! Every account looks for the first holder of a list that its token
//! holds. Scanning the list for each account costs accounts × holders
//! (16,000 accounts and 80,000 holders took 35 s); with each list's
//! holders indexed by canonical key, an account looks up its token's keys
//! instead, or scans the list when that is the shorter. The lists a later
//! input replaced (needed to say which earlier grant was lost) are
//! resolved, `NT SERVICE\` hashes included, once per chain and only when
//! an account needs them, not once per account.

use std::cell::{Cell, OnceCell};

use rustc_hash::FxHashMap as HashMap;

use super::directory::Directory;
use super::token::Token;
use crate::policy::{ResolvedHolder, Resultant, ResultantRight, RightOrigin};
use crate::principal::PrincipalKey;
use crate::rights::LogonEffect;
use crate::work::{self, Counter};

/// One list's holders by canonical key.
#[derive(Debug, Default)]
pub struct HolderIndex {
    /// The canonical key of each holder, in list order.
    keys: Vec<PrincipalKey>,
    /// For each key, the first holder that has it.
    first: HashMap<PrincipalKey, usize>,
    /// Keys compared so far, added to [`Counter::HolderProbes`] once, when
    /// the index is dropped, not at every lookup.
    probes: Cell<usize>,
}

impl Drop for HolderIndex {
    fn drop(&mut self) {
        work::add(Counter::HolderProbes, self.probes.get());
    }
}

impl HolderIndex {
    /// Indexes `holders` under the directory's canonical keys.
    pub fn new(holders: &[ResolvedHolder], directory: &Directory) -> Self {
        let keys: Vec<PrincipalKey> = holders
            .iter()
            .map(|holder| directory.canonical(&holder.key))
            .collect();
        let mut first = HashMap::default();
        for (at, key) in keys.iter().enumerate().rev() {
            first.insert(key.clone(), at);
        }
        HolderIndex {
            keys,
            first,
            probes: Cell::new(0),
        }
    }

    fn count(&self, probes: usize) {
        self.probes.set(self.probes.get().saturating_add(probes));
    }

    /// The position of the first holder whose key the token holds, and
    /// that key: what a scan of the list in order would find.
    pub fn first_in(&self, token: &Token) -> Option<(usize, &PrincipalKey)> {
        if self.keys.len() <= token.len() {
            let found = self.keys.iter().position(|key| token.contains(key));
            self.count(found.map_or(self.keys.len(), |at| at + 1));
            let at = found?;
            return Some((at, self.keys.get(at)?));
        }
        self.count(token.len());
        let at = token
            .keys()
            .filter_map(|key| self.first.get(key).copied())
            .min()?;
        Some((at, self.keys.get(at)?))
    }
}

/// A holder list with its index.
#[derive(Debug)]
pub struct IndexedList<'l> {
    /// The holders as resolved.
    pub holders: &'l [ResolvedHolder],
    /// Their index.
    pub index: &'l HolderIndex,
}

impl<'l> IndexedList<'l> {
    /// The first holder whose key the token holds, with its canonical key.
    pub fn first_match(&self, token: &Token) -> Option<(&'l ResolvedHolder, PrincipalKey)> {
        let (at, key) = self.index.first_in(token)?;
        Some((self.holders.get(at)?, key.clone()))
    }
}

/// An earlier input's list of a right, which a later input replaced.
#[derive(Debug)]
pub struct ReplacedList {
    /// The input that holds it.
    pub input: usize,
    /// Its holders, resolved.
    pub holders: Vec<ResolvedHolder>,
    /// Their index.
    pub index: HolderIndex,
}

impl ReplacedList {
    /// The list with its index.
    pub fn list(&self) -> IndexedList<'_> {
        IndexedList {
            holders: &self.holders,
            index: &self.index,
        }
    }
}

/// The indexed lists of one chain: each resultant logon right's, and,
/// computed on first use, the lists each one replaced.
pub struct ChainLists<'r> {
    resultant: &'r Resultant<'r>,
    directory: &'r Directory,
    current: Vec<HolderIndex>,
    replaced: Vec<OnceCell<Vec<ReplacedList>>>,
}

impl<'r> ChainLists<'r> {
    /// Indexes the resultant rights' lists of the chain.
    pub fn new(resultant: &'r Resultant<'r>, directory: &'r Directory) -> Self {
        let current = resultant
            .rights
            .iter()
            .map(|right| HolderIndex::new(&right.holders, directory))
            .collect();
        ChainLists {
            resultant,
            directory,
            current,
            replaced: resultant.rights.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The chain's folded policy.
    pub fn resultant(&self) -> &'r Resultant<'r> {
        self.resultant
    }

    fn position(&self, effect: LogonEffect) -> Option<usize> {
        self.resultant
            .rights
            .iter()
            .position(|r| r.right.logon == Some(effect))
    }

    /// The resultant right that allows or denies a logon type, with its
    /// indexed list.
    pub fn right(&self, effect: LogonEffect) -> Option<(&'r ResultantRight<'r>, IndexedList<'_>)> {
        let at = self.position(effect)?;
        let right = self.resultant.rights.get(at)?;
        let index = self.current.get(at)?;
        let list = IndexedList {
            holders: &right.holders,
            index,
        };
        Some((right, list))
    }

    /// The lists of earlier inputs that the winning line of the right
    /// replaced, latest first, each resolved and indexed once.
    pub fn replaced(&self, effect: LogonEffect) -> &[ReplacedList] {
        let Some(at) = self.position(effect) else {
            return &[];
        };
        let (Some(cell), Some(right)) = (self.replaced.get(at), self.resultant.rights.get(at))
        else {
            return &[];
        };
        cell.get_or_init(|| self.resolve_replaced(right))
    }

    fn resolve_replaced(&self, right: &ResultantRight<'_>) -> Vec<ReplacedList> {
        let RightOrigin::Policy { overrides, .. } = &right.origin else {
            return Vec::new();
        };
        overrides
            .iter()
            .rev()
            .filter_map(|&input| {
                let assignment = self
                    .resultant
                    .inputs
                    .get(input)?
                    .template
                    .right(right.right.constant)?;
                work::add(Counter::HolderProbes, assignment.holders.len());
                let holders = crate::policy::resolve(&assignment.holders, self.directory.domain);
                let index = HolderIndex::new(&holders, self.directory);
                Some(ReplacedList {
                    input,
                    holders,
                    index,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::principal::Sid;
    use std::str::FromStr;

    fn holder(sid: &str) -> ResolvedHolder {
        ResolvedHolder {
            key: PrincipalKey::Sid(Sid::from_str(sid).unwrap()),
            written: format!("*{sid}"),
            span: None,
        }
    }

    #[test]
    fn the_first_holder_in_list_order_is_found_from_either_side() {
        let directory = Directory::default();
        // Everyone twice, Users once: the first Everyone is at 1.
        let holders = [
            holder("S-1-5-32-544"),
            holder("S-1-1-0"),
            holder("S-1-5-32-545"),
            holder("S-1-1-0"),
        ];
        let index = HolderIndex::new(&holders, &directory);
        let subject = super::super::Subject {
            display: "x".to_owned(),
            key: PrincipalKey::Name("X".to_owned()),
            sid: None,
            kind: crate::model::AccountKind::Local,
            member_of: Vec::new(),
        };
        let graph = super::super::MembershipGraph::default();
        // A local account's token (the account, Everyone, Authenticated
        // Users, Local account) is as long as the first list, so the list
        // is scanned, and shorter than the second, so its keys are
        // looked up: both find the first holder in list order.
        let cache = super::super::TokenCache::new();
        let token = super::super::token::base_token(&subject, &directory, &graph, &cache);
        let (at, key) = index.first_in(&token).unwrap();
        assert_eq!(at, 1);
        assert_eq!(*key, holders[1].key);
        let long: Vec<ResolvedHolder> = (0..20)
            .map(|i| holder(&format!("S-1-5-21-1-2-3-{}", 1000 + i)))
            .chain([holder("S-1-5-113"), holder("S-1-1-0")])
            .collect();
        let index = HolderIndex::new(&long, &directory);
        assert!(long.len() > token.len());
        assert_eq!(index.first_in(&token).map(|(at, _)| at), Some(20));
    }
}
