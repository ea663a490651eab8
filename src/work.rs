//! Counts of the work the hot loops do, for the doubling tests
//! (`tests/doubling.rs`): each doubles an input and checks that the work
//! counted here no more than doubles, which wall time on a shared machine
//! cannot show reliably.
//!
//! The counters are process-wide and always on: a relaxed atomic add,
//! made once per call (a batch), not once per element, so the cost does
//! not show in a profile. They are not part of the supported API.

use std::sync::atomic::{AtomicU64, Ordering};

/// What is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    /// Bytes scanned to build line indexes and to look offsets up in them
    /// (item 14 of issue 12).
    LineIndexBytes,
    /// Settings compared by key in `[System Access]` and the like.
    SettingComparisons,
    /// Holders compared against a token, and holders resolved again.
    HolderProbes,
    /// Waiver × finding pairs compared.
    WaiverComparisons,
    /// Accounts and scope names looked at to give each chain its accounts
    /// and to check scope references.
    ScopeAccountPairs,
    /// Membership edges followed while closing tokens.
    TokenEdges,
    /// Names compared while looking for near misses (issue 14 item 3).
    NearComparisons,
    /// Hash-map insertions and probes building the directory index, and
    /// membership edges followed in it (issue 17).
    DirectoryWork,
}

const COUNTERS: usize = 8;

static COUNTS: [AtomicU64; COUNTERS] = [const { AtomicU64::new(0) }; COUNTERS];

fn slot(counter: Counter) -> &'static AtomicU64 {
    let index = match counter {
        Counter::LineIndexBytes => 0,
        Counter::SettingComparisons => 1,
        Counter::HolderProbes => 2,
        Counter::WaiverComparisons => 3,
        Counter::ScopeAccountPairs => 4,
        Counter::TokenEdges => 5,
        Counter::NearComparisons => 6,
        Counter::DirectoryWork => 7,
    };
    &COUNTS[index]
}

/// Adds `n` to a counter.
pub fn add(counter: Counter, n: usize) {
    slot(counter).fetch_add(n as u64, Ordering::Relaxed);
}

/// The counter's value.
pub fn get(counter: Counter) -> u64 {
    slot(counter).load(Ordering::Relaxed)
}

/// Sets every counter to zero.
pub fn reset() {
    for count in &COUNTS {
        count.store(0, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_add_up_separately() {
        // Other unit tests in this process may add too: compare differences.
        let before = get(Counter::TokenEdges);
        add(Counter::TokenEdges, 3);
        add(Counter::TokenEdges, 4);
        assert!(get(Counter::TokenEdges) >= before + 7);
    }
}
