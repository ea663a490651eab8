//! A keyed list where the last item with a key wins, as INF sections and
//! template precedence want.

use rustc_hash::FxHashMap as HashMap;
use std::hash::Hash;

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
