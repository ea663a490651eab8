//! How many entries one tree may hold (`--max-files`), counted as they
//! are read.
//!
//! The count is shared by the threads that walk one tree: it is the
//! number of entries listed in all, whatever the order, so a tree is
//! refused (with the same message) on every run and at every thread
//! count, or on none.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::error::DiscoverError;

/// The entries left to read below one root.
pub(super) struct Budget {
    root: PathBuf,
    limit: usize,
    spent: AtomicUsize,
}

impl Budget {
    /// `limit` entries below `root`, which errors name.
    pub(super) fn new(root: &Path, limit: usize) -> Budget {
        Budget {
            root: root.to_path_buf(),
            limit,
            spent: AtomicUsize::new(0),
        }
    }

    /// Counts one entry; past the limit, the tree is refused at once,
    /// whatever order the file system lists entries in.
    pub(super) fn spend(&self) -> Result<(), DiscoverError> {
        self.spend_many(1)
    }

    /// Counts `count` entries at once: those of a listing read before,
    /// listed again where the walk used to read it twice.
    pub(super) fn spend_many(&self, count: usize) -> Result<(), DiscoverError> {
        // Relaxed: the count is all that is shared, and the total is the
        // same in any order. Once past the limit it stays past it, so
        // every thread stops at its next entry.
        let before = self.spent.fetch_add(count, Ordering::Relaxed);
        if before.saturating_add(count) > self.limit {
            return Err(DiscoverError::TooManyFiles {
                path: self.root.clone(),
                limit: self.limit,
            });
        }
        Ok(())
    }

    /// How many entries have been counted.
    #[cfg(test)]
    pub(super) fn spent(&self) -> usize {
        self.spent.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_past_the_limit_is_refused() {
        let budget = Budget::new(Path::new("t"), 2);
        assert!(budget.spend().is_ok());
        assert!(budget.spend().is_ok());
        let err = budget.spend().unwrap_err();
        assert!(matches!(err, DiscoverError::TooManyFiles { limit: 2, .. }));
        assert_eq!(budget.spent(), 3);
    }

    #[test]
    fn many_at_once_count_as_many() {
        let budget = Budget::new(Path::new("t"), 3);
        assert!(budget.spend_many(3).is_ok());
        assert!(budget.spend_many(0).is_ok());
        assert!(budget.spend_many(1).is_err());
        assert!(budget.spend().is_err(), "past the limit it stays past");
    }
}
