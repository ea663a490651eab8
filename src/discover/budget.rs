//! How many entries one tree may hold (`--max-files`), counted as they
//! are read.

use std::path::{Path, PathBuf};

use super::error::DiscoverError;

/// The entries left to read below one root.
pub(super) struct Budget {
    root: PathBuf,
    limit: usize,
    spent: usize,
}

impl Budget {
    /// `limit` entries below `root`, which errors name.
    pub(super) fn new(root: &Path, limit: usize) -> Budget {
        Budget {
            root: root.to_path_buf(),
            limit,
            spent: 0,
        }
    }

    /// Counts one entry; past the limit, the tree is refused at once,
    /// whatever order the file system lists entries in.
    pub(super) fn spend(&mut self) -> Result<(), DiscoverError> {
        self.spent += 1;
        if self.spent > self.limit {
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
        self.spent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_past_the_limit_is_refused() {
        let mut budget = Budget::new(Path::new("t"), 2);
        assert!(budget.spend().is_ok());
        assert!(budget.spend().is_ok());
        let err = budget.spend().unwrap_err();
        assert!(matches!(err, DiscoverError::TooManyFiles { limit: 2, .. }));
        assert_eq!(budget.spent(), 3);
    }
}
