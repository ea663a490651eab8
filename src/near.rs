//! Names one typo apart, found without comparing every name with every
//! other: each candidate is indexed under itself and each way of deleting
//! one of its characters, so a query looks up its own few deletions. Two
//! names one insertion, deletion, substitution or swap apart share a key
//! (the symmetric-deletion scheme of SymSpell); what shares a key is then
//! checked with [`crate::suggest::did_you_mean`]'s measure. Building and
//! querying cost the names' lengths, whatever the number of names.

use std::collections::HashMap;

/// How many candidates one key may hold before more are left out: names
/// that differ in one character by the thousand are a list, not typos,
/// and a query must not walk them all.
const BUCKET: usize = 16;

/// Candidates indexed for near lookups; `T` is what a hit gives back.
pub struct NearIndex<T> {
    keys: HashMap<String, Vec<usize>>,
    items: Vec<(String, T)>,
}

impl<T> NearIndex<T> {
    /// An empty index.
    pub fn new() -> Self {
        NearIndex {
            keys: HashMap::new(),
            items: Vec::new(),
        }
    }

    /// Adds `name` (compared without regard to case) standing for `item`.
    pub fn insert(&mut self, name: &str, item: T) {
        let folded = fold(name);
        let index = self.items.len();
        for key in keys(&folded) {
            let bucket = self.keys.entry(key).or_default();
            if bucket.len() < BUCKET && !bucket.contains(&index) {
                bucket.push(index);
            }
        }
        self.items.push((folded, item));
    }

    /// The closest candidate one typo from `name`, not `name` itself;
    /// ties go to the first inserted.
    pub fn nearest(&self, name: &str) -> Option<&T> {
        let folded = fold(name);
        let mut best: Option<(f64, usize)> = None;
        let mut compared = 0;
        for key in keys(&folded) {
            for &index in self.keys.get(&key).into_iter().flatten() {
                compared += 1;
                let Some((candidate, _)) = self.items.get(index) else {
                    continue;
                };
                if *candidate == folded {
                    continue;
                }
                let score = strsim::normalized_damerau_levenshtein(&folded, candidate);
                let better =
                    best.is_none_or(|(top, at)| score > top || (score == top && index < at));
                if score >= crate::suggest::THRESHOLD && better {
                    best = Some((score, index));
                }
            }
        }
        crate::work::add(crate::work::Counter::NearComparisons, compared);
        best.and_then(|(_, index)| self.items.get(index).map(|(_, item)| item))
    }
}

impl<T> Default for NearIndex<T> {
    fn default() -> Self {
        NearIndex::new()
    }
}

/// `name` compared without regard to case, as `crate::model::fold` does
/// (not imported: this sits below the model).
fn fold(name: &str) -> String {
    name.chars().flat_map(char::to_lowercase).collect()
}

/// `name` and each string one character shorter.
fn keys(name: &str) -> impl Iterator<Item = String> + '_ {
    let deletions = name.char_indices().map(move |(at, c)| {
        let mut key = String::with_capacity(name.len());
        key.push_str(name.get(..at).unwrap_or_default());
        key.push_str(name.get(at + c.len_utf8()..).unwrap_or_default());
        key
    });
    std::iter::once(name.to_owned()).chain(deletions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(names: &[&'static str]) -> NearIndex<&'static str> {
        let mut index = NearIndex::new();
        for name in names {
            index.insert(name, *name);
        }
        index
    }

    #[test]
    fn one_typo_finds_the_name() {
        let names = index(&["CONTOSO\\svc_sql", "CONTOSO\\alice", "FABRIKAM\\svc_web"]);
        for typo in [
            "CONTOSO\\svc_sqll",
            "contoso\\svc_sq",
            "CONTOS0\\svc_sql",
            "CONTOSO\\scv_sql",
        ] {
            assert_eq!(names.nearest(typo), Some(&"CONTOSO\\svc_sql"), "{typo}");
        }
    }

    #[test]
    fn the_name_itself_and_strangers_are_not_near() {
        let names = index(&["CONTOSO\\svc_sql"]);
        assert_eq!(names.nearest("contoso\\SVC_SQL"), None);
        assert_eq!(names.nearest("CONTOSO\\bob"), None);
        assert_eq!(names.nearest(""), None);
    }
}
