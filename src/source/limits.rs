//! How much of one input file gplint reads before refusing it.
//!
//! Real exports are far below every default: a domain's largest
//! `GptTmpl.inf` is tens of kilobytes, its longest line a right with a few
//! hundred holders. The limits are there so that a hostile or broken file
//! fails fast with a message, instead of exhausting memory or time.

/// The limits for reading one file. Each has a command-line flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadLimits {
    /// Largest file, in bytes, as stored (`--max-file-size`).
    pub max_file_size: u64,
    /// Longest line, in bytes of decoded text (`--max-line-length`).
    pub max_line_length: usize,
    /// Most comma-separated entries on one line: a right's holders or a
    /// group's members (`--max-holders`).
    pub max_entries: usize,
}

impl ReadLimits {
    /// 256 MiB per file.
    pub const DEFAULT_FILE_SIZE: u64 = 256 * 1024 * 1024;
    /// 1 MiB per line.
    pub const DEFAULT_LINE_LENGTH: usize = 1024 * 1024;
    /// 10,000 holders per right.
    pub const DEFAULT_ENTRIES: usize = 10_000;
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_file_size: Self::DEFAULT_FILE_SIZE,
            max_line_length: Self::DEFAULT_LINE_LENGTH,
            max_entries: Self::DEFAULT_ENTRIES,
        }
    }
}

/// A line over a limit: its 1-based number and what it measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineOver {
    /// The line is longer than allowed, in bytes.
    Length {
        /// 1-based line number.
        line: usize,
        /// The line's length in bytes.
        length: usize,
    },
    /// The line lists more entries than allowed.
    Entries {
        /// 1-based line number.
        line: usize,
        /// How many comma-separated entries it has.
        entries: usize,
    },
}

/// The first line of `text` over a limit, in one pass.
pub fn first_line_over(text: &str, limits: &ReadLimits) -> Option<LineOver> {
    let bytes = text.as_bytes();
    let (mut line, mut start, mut commas) = (1usize, 0usize, 0usize);
    for (at, &byte) in bytes.iter().enumerate() {
        if byte == b'\n' || byte == b'\r' {
            let crlf = byte == b'\r' && bytes.get(at + 1) == Some(&b'\n');
            if !crlf {
                line += 1;
                start = at + 1;
                commas = 0;
            }
            continue;
        }
        commas += usize::from(byte == b',');
        if at + 1 - start > limits.max_line_length {
            let length = whole_line(bytes, start).len();
            return Some(LineOver::Length { line, length });
        }
        if commas >= limits.max_entries {
            let entries = whole_line(bytes, start)
                .iter()
                .filter(|&&b| b == b',')
                .count()
                + 1;
            return Some(LineOver::Entries { line, entries });
        }
    }
    None
}

/// The line that begins at `start`, without its end: the scan stops at
/// the limit, but the message gives the whole line's measure.
fn whole_line(bytes: &[u8], start: usize) -> &[u8] {
    let rest = bytes.get(start..).unwrap_or_default();
    let end = rest
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(line: usize, entries: usize) -> ReadLimits {
        ReadLimits {
            max_file_size: 1024,
            max_line_length: line,
            max_entries: entries,
        }
    }

    #[test]
    fn a_long_line_is_found_with_its_number() {
        let text = format!("[A]\r\nx=1\r\ny={}\r\n", "a".repeat(30));
        assert_eq!(
            first_line_over(&text, &limits(20, 100)),
            Some(LineOver::Length {
                line: 3,
                length: 32
            })
        );
        assert_eq!(first_line_over(&text, &limits(32, 100)), None);
    }

    #[test]
    fn too_many_entries_are_found() {
        let text = "[A]\nx=a,b,c,d\n";
        assert_eq!(
            first_line_over(text, &limits(100, 3)),
            Some(LineOver::Entries {
                line: 2,
                entries: 4
            })
        );
        assert_eq!(first_line_over(text, &limits(100, 4)), None);
    }
}
