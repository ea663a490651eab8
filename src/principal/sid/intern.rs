//! The run-wide set of SIDs: each distinct SID is stored once, and a
//! [`Sid`](super::Sid) is a reference to its one copy.
//!
//! Templates of a forest repeat a few thousand SIDs millions of times; one
//! stored copy each makes a holder a pointer rather than 80 bytes, and
//! makes equality a pointer comparison. The crate forbids unsafe code, so
//! a copy lives for the run by [`Box::leak`]: memory grows with the number
//! of *distinct* SIDs read, which is bounded by the size of the input (a
//! hostile file of a million distinct SIDs costs a million copies, no
//! more), and never with how often they repeat.

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::sync::{LazyLock, Mutex, PoisonError};

use rustc_hash::{FxBuildHasher, FxHashSet};

use super::Value;

/// Shards of the set, so threads reading templates in parallel rarely
/// wait on each other's lock.
const SHARDS: usize = 32;

/// Slots of each thread's cache of recently seen SIDs, which spares the
/// lock for the SIDs a forest repeats. A slot is overwritten on a
/// collision, so the cache stays this small however many SIDs are read.
const CACHE_SLOTS: usize = 1024;

type Shard = Mutex<FxHashSet<&'static Value>>;

static SET: LazyLock<Vec<Shard>> =
    LazyLock::new(|| (0..SHARDS).map(|_| Shard::default()).collect());

thread_local! {
    static CACHE: RefCell<Vec<Option<&'static Value>>> =
        RefCell::new(vec![None; CACHE_SLOTS]);
}

/// The one stored copy of `value`.
pub(super) fn intern(value: Value) -> &'static Value {
    let hash = FxBuildHasher.hash_one(value);
    // The low bits pick the cache slot, the high bits the shard.
    let slot = usize::try_from(hash % CACHE_SLOTS as u64).unwrap_or(0);
    let cached = CACHE.with(|cache| cache.borrow().get(slot).copied().flatten());
    if let Some(found) = cached.filter(|found| **found == value) {
        return found;
    }
    let found = shared(value, hash);
    CACHE.with(|cache| {
        if let Some(entry) = cache.borrow_mut().get_mut(slot) {
            *entry = Some(found);
        }
    });
    found
}

/// The copy in the shared set, stored on first sight.
fn shared(value: Value, hash: u64) -> &'static Value {
    let index = usize::try_from((hash >> 32) % SHARDS as u64).unwrap_or(0);
    let Some(shard) = SET.get(index) else {
        return Box::leak(Box::new(value));
    };
    let mut set = shard.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(found) = set.get(&value) {
        return found;
    }
    let stored: &'static Value = Box::leak(Box::new(value));
    set.insert(stored);
    stored
}

/// How many distinct SIDs are stored, for tests.
#[cfg(test)]
pub(super) fn stored_count() -> usize {
    SET.iter()
        .map(|shard| shard.lock().unwrap_or_else(PoisonError::into_inner).len())
        .sum()
}
