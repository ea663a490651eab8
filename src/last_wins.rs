//! A keyed list where the last item with a key wins, as INF sections and
//! template precedence want.

use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};

/// A key compared without regard to ASCII case, as INF keys are, that
/// borrows its text rather than keeping a lower-cased copy.
#[derive(Clone, Copy, Debug)]
pub struct AsciiFolded<'a>(pub &'a str);

impl PartialEq for AsciiFolded<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for AsciiFolded<'_> {}

impl Hash for AsciiFolded<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for byte in self.0.bytes() {
            state.write_u8(byte.to_ascii_lowercase());
        }
        state.write_usize(self.0.len());
    }
}

/// Items in order where a later item with the same key replaces the
/// earlier one, in time linear in the number of items: the replaced slot
/// is emptied, not removed, so no line is shifted or searched for.
pub struct LastWins<K, T> {
    slots: Vec<Option<T>>,
    index: HashMap<K, usize>,
}

impl<K: Hash + Eq, T> Default for LastWins<K, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Hash + Eq, T> LastWins<K, T> {
    /// An empty list.
    pub fn new() -> Self {
        LastWins {
            slots: Vec::new(),
            index: HashMap::default(),
        }
    }

    /// Adds `item` under `key` (a name's case folded first);
    /// returns the item it replaced, if any.
    pub fn push(&mut self, key: K, item: T) -> Option<T> {
        let earlier = self
            .index
            .insert(key, self.slots.len())
            .and_then(|at| self.slots.get_mut(at))
            .and_then(Option::take);
        self.slots.push(Some(item));
        earlier
    }

    /// The surviving items, in the order they were last pushed.
    pub fn into_vec(self) -> Vec<T> {
        self.slots.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_key_in_any_case_replaces_the_earlier_in_its_place() {
        let mut list = LastWins::new();
        assert!(list.push(AsciiFolded("Key"), 1).is_none());
        assert!(list.push(AsciiFolded("other"), 2).is_none());
        assert_eq!(list.push(AsciiFolded("KEY"), 3), Some(1));
        assert_eq!(list.into_vec(), vec![2, 3]);
    }

    #[test]
    fn folded_keys_hash_alike() {
        let hash = |key: AsciiFolded<'_>| {
            let mut hasher = rustc_hash::FxHasher::default();
            key.hash(&mut hasher);
            hasher.finish()
        };
        assert_eq!(
            hash(AsciiFolded("MaximumPasswordAge")),
            hash(AsciiFolded("maximumpasswordage"))
        );
        assert_ne!(AsciiFolded("a"), AsciiFolded("ab"));
    }
}
