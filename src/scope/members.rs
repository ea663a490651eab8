//! Which accounts and which declared scope each chain gets, by scope name,
//! indexed once per run: filtering every account for every chain cost
//! scopes × accounts even when each account is in one scope.

use rustc_hash::FxHashMap as HashMap;

use super::Chain;
use crate::expect::{Expectations, fold_name};
use crate::work::{self, Counter};

/// The accounts of each declared scope, by folded scope name.
#[derive(Debug, Default)]
pub struct ScopeMembers {
    /// Folded name → the scope's index and the accounts naming it, in
    /// file order.
    scopes: HashMap<String, (usize, Vec<usize>)>,
    /// Accounts without `scopes:`: in every chain.
    everywhere: Vec<usize>,
}

impl ScopeMembers {
    /// Indexes the scopes and accounts of `expect`.
    pub fn new(expect: &Expectations) -> Self {
        let mut scopes: HashMap<String, (usize, Vec<usize>)> = HashMap::default();
        for (at, scope) in expect.scopes.iter().enumerate() {
            // A name declared twice is an error of the file; the first counts.
            scopes
                .entry(fold_name(&scope.name.value))
                .or_insert((at, Vec::new()));
        }
        let mut everywhere = Vec::new();
        for (at, account) in expect.accounts.iter().enumerate() {
            if account.scopes.is_empty() {
                everywhere.push(at);
            }
            for name in &account.scopes {
                if let Some((_, members)) = scopes.get_mut(&fold_name(&name.value)) {
                    // An account naming a scope twice is in it once.
                    if members.last() != Some(&at) {
                        members.push(at);
                    }
                }
            }
        }
        ScopeMembers { scopes, everywhere }
    }

    /// The declared scope the chain evaluates, if it evaluates one.
    pub fn scope_of(&self, chain: &Chain) -> Option<usize> {
        let name = chain.scope.as_deref().filter(|_| chain.declared)?;
        self.scopes.get(&fold_name(name)).map(|(at, _)| *at)
    }

    /// The indices of the accounts the chain evaluates, in file order:
    /// every account for a chain of no declared scope, else those in it.
    pub fn accounts_of(&self, expect: &Expectations, chain: &Chain) -> Vec<usize> {
        let declared = chain.scope.as_deref().filter(|_| chain.declared);
        let Some(name) = declared else {
            work::add(Counter::ScopeAccountPairs, expect.accounts.len());
            return (0..expect.accounts.len()).collect();
        };
        let named: &[usize] = self
            .scopes
            .get(&fold_name(name))
            .map_or(&[], |(_, members)| members.as_slice());
        work::add(
            Counter::ScopeAccountPairs,
            named.len() + self.everywhere.len(),
        );
        merge(&self.everywhere, named)
    }
}

/// Two ascending lists of distinct indices merged into one.
fn merge(a: &[usize], b: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x <= y {
            out.push(x);
            i += 1;
            j += usize::from(x == y);
        } else {
            out.push(y);
            j += 1;
        }
    }
    out.extend(a.get(i..).unwrap_or_default());
    out.extend(b.get(j..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_lists_keep_order_and_drop_repeats() {
        assert_eq!(merge(&[0, 3, 5], &[1, 3, 4, 9]), vec![0, 1, 3, 4, 5, 9]);
        assert_eq!(merge(&[], &[2]), vec![2]);
        assert_eq!(merge(&[2], &[]), vec![2]);
    }
}
