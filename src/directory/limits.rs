//! How much of a directory export gplint reads before refusing it.
//!
//! An LDIF of a 100,000-object domain is hundreds of megabytes, far past
//! the limit for one template, so an export has its own size limit. The
//! other limits are the templates' own: a line (after unfolding) is at
//! most `--max-line-length`, so one hostile line cannot take the memory.

use crate::source::ReadLimits;

/// The limits for reading one directory export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DirectoryLimits {
    /// Largest export file, or member of a zip once inflated, in bytes
    /// (`--max-directory-size`).
    pub max_file_size: u64,
    /// Longest logical line (an LDIF line with its continuations), in
    /// bytes (`--max-line-length`).
    pub max_line_length: usize,
}

impl DirectoryLimits {
    /// 4 GiB per export file.
    pub const DEFAULT_FILE_SIZE: u64 = 4 * 1024 * 1024 * 1024;

    /// The directory limits that go with the templates' `limits`.
    pub fn with(limits: &ReadLimits) -> Self {
        DirectoryLimits {
            max_line_length: limits.max_line_length,
            ..DirectoryLimits::default()
        }
    }
}

impl Default for DirectoryLimits {
    fn default() -> Self {
        DirectoryLimits {
            max_file_size: Self::DEFAULT_FILE_SIZE,
            max_line_length: ReadLimits::DEFAULT_LINE_LENGTH,
        }
    }
}
