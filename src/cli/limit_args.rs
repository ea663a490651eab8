//! The `--max-…` flags: how much input one run accepts.

use crate::discover::{DEFAULT_MAX_FILES, TreeLimits};
use crate::source::ReadLimits;

/// The limits of one run, shared by the commands that read templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::Args)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
    /// Refuse an input file larger than SIZE (bytes, or with K, M or G).
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_file_size: u64,
    /// Refuse a file with a line longer than SIZE (bytes, or with K or M).
    #[arg(long, value_name = "SIZE", default_value = "1M", value_parser = parse_size)]
    pub max_line_length: u64,
    /// Refuse a file with a line of more than N entries (a right's holders).
    #[arg(long, value_name = "N", default_value_t = ReadLimits::DEFAULT_ENTRIES)]
    pub max_holders: usize,
    /// Refuse a folder that holds more than N files and folders.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_FILES)]
    pub max_files: usize,
}

impl LimitArgs {
    /// The limits for reading one file.
    pub fn read(&self) -> ReadLimits {
        ReadLimits {
            max_file_size: self.max_file_size,
            max_line_length: usize::try_from(self.max_line_length).unwrap_or(usize::MAX),
            max_entries: self.max_holders,
        }
    }
}

impl LimitArgs {
    /// The limits for walking one tree and reading its metadata files.
    pub fn tree(&self) -> TreeLimits {
        TreeLimits {
            max_files: self.max_files,
            max_file_size: self.max_file_size,
        }
    }
}

impl Default for LimitArgs {
    fn default() -> Self {
        let read = ReadLimits::default();
        LimitArgs {
            max_file_size: read.max_file_size,
            max_line_length: u64::try_from(read.max_line_length).unwrap_or(u64::MAX),
            max_holders: read.max_entries,
            max_files: DEFAULT_MAX_FILES,
        }
    }
}

/// `1048576`, `512K`, `256M`, `1G` (binary multiples, case ignored).
pub(super) fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => text.split_at(at),
        None => (text, ""),
    };
    let scale: u64 = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("`{unit}` is not a unit: use K, M or G")),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{text}` is not a size: write a number of bytes, e.g. 256M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_units() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("512K"), Ok(512 * 1024));
        assert_eq!(parse_size("256m"), Ok(256 << 20));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert!(parse_size("12X").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("M").is_err());
    }

    #[test]
    fn defaults_agree_with_the_library() {
        assert_eq!(LimitArgs::default().read(), ReadLimits::default());
    }
}
