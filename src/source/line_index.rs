//! Byte offset to line and column.
//!
//! The index keeps a mark every `LINES_PER_MARK` (32) lines or
//! `BYTES_PER_MARK` (2,048) bytes, whichever comes first, inside long lines too,
//! rather than the start of every line: a file of 40 million empty lines
//! would need 320 MB for the starts alone. Each mark knows its line and
//! column, so a lookup scans at most that far from the mark before it:
//! 80,000 findings on one 500 KB line no longer count the line's
//! characters from its start each.

/// Most lines between two marks.
const LINES_PER_MARK: usize = 32;
/// Most bytes between two marks (a mark goes at a character's start).
const BYTES_PER_MARK: usize = 2048;

/// A place in the text with its 0-based line and column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Mark {
    offset: usize,
    line: usize,
    column: usize,
}

/// Line starts of a text, for offset → line/column. Handles CRLF, LF and lone CR.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Ascending; always starts at offset 0.
    marks: Vec<Mark>,
    /// Number of lines.
    count: usize,
}

/// Whether the byte at `i` ends a line: `\n`, or `\r` not before `\n`.
fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// Whether the byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

impl LineIndex {
    /// Indexes `text`. A line end is `\r\n`, `\n` or a lone `\r`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        crate::work::add(crate::work::Counter::LineIndexBytes, bytes.len());
        let mut marks = vec![Mark::default()];
        let mut last = Mark::default();
        let (mut line, mut column) = (0, 0);
        for (i, &byte) in bytes.iter().enumerate() {
            if ends_line(bytes, i) {
                line += 1;
                column = 0;
                let start = i + 1;
                if line - last.line >= LINES_PER_MARK || start - last.offset >= BYTES_PER_MARK {
                    last = Mark {
                        offset: start,
                        line,
                        column,
                    };
                    marks.push(last);
                }
            } else if starts_char(byte) {
                if i - last.offset >= BYTES_PER_MARK {
                    last = Mark {
                        offset: i,
                        line,
                        column,
                    };
                    marks.push(last);
                }
                column += 1;
            }
        }
        marks.shrink_to_fit();
        LineIndex {
            marks,
            count: line + 1,
        }
    }

    /// 1-based line and 1-based column (in Unicode scalar values) of the byte
    /// `offset` in `text`, the text this index was built from. Offsets past
    /// the end clamp to the end; an offset inside a character counts as that
    /// character.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let at = self.marks.partition_point(|mark| mark.offset <= offset);
        let mark = self
            .marks
            .get(at.saturating_sub(1))
            .copied()
            .unwrap_or_default();
        let (mut line, mut column) = (mark.line, mark.column);
        let bytes = text.as_bytes();
        crate::work::add(crate::work::Counter::LineIndexBytes, offset - mark.offset);
        for i in mark.offset..offset {
            if ends_line(bytes, i) {
                line += 1;
                column = 0;
            } else if bytes.get(i).is_some_and(|&b| starts_char(b)) {
                column += 1;
            }
        }
        (line + 1, column + 1)
    }

    /// The 1-based line holding the byte `offset`, as [`LineIndex::line_col`]
    /// finds it; offsets past the end are on the last line. `text` is the
    /// text this index was built from.
    pub fn line_of(&self, text: &str, offset: usize) -> usize {
        self.line_col(text, offset.min(text.len())).0
    }

    /// Number of lines; text after the last line end, even none, is a line.
    pub fn line_count(&self) -> usize {
        self.count
    }

    /// Byte offset where the 1-based `line` begins, if the text has it.
    /// `text` is the text this index was built from.
    pub fn line_start(&self, text: &str, line: usize) -> Option<usize> {
        let wanted = line.checked_sub(1)?;
        if wanted >= self.count {
            return None;
        }
        let at = self
            .marks
            .partition_point(|mark| (mark.line, mark.column) <= (wanted, 0));
        let mark = self.marks.get(at.checked_sub(1)?).copied()?;
        if mark.line == wanted {
            return Some(mark.offset);
        }
        let bytes = text.as_bytes();
        let mut current = mark.line;
        for i in mark.offset..bytes.len() {
            if ends_line(bytes, i) {
                current += 1;
                if current == wanted {
                    crate::work::add(crate::work::Counter::LineIndexBytes, i - mark.offset);
                    return Some(i + 1);
                }
            }
        }
        None
    }
}

/// The largest char boundary at or before `offset` (which is ≤ `text.len()`).
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    (0..=offset)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_crlf_lf_and_lone_cr() {
        let text = "a\r\nbb\ncc\rd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_start(text, 1), Some(0));
        assert_eq!(idx.line_start(text, 2), Some(3));
        assert_eq!(idx.line_start(text, 3), Some(6));
        assert_eq!(idx.line_start(text, 4), Some(9));
        assert_eq!(idx.line_start(text, 5), None);
        assert_eq!(idx.line_start(text, 0), None);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 4), (2, 2));
        assert_eq!(idx.line_col(text, 9), (4, 1));
        assert_eq!(idx.line_of(text, 0), 1);
        assert_eq!(idx.line_of(text, 4), 2);
        assert_eq!(idx.line_of(text, 9), 4);
        assert_eq!(idx.line_of(text, 999), 4);
    }

    #[test]
    fn crlf_belongs_to_the_line_it_ends() {
        let text = "ab\r\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 2), (1, 3));
        assert_eq!(idx.line_col(text, 3), (1, 4));
        assert_eq!(idx.line_col(text, 4), (2, 1));
    }

    #[test]
    fn columns_count_characters_and_offsets_clamp() {
        let text = "x=Jürgen\n€y";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, "x=Jü".len()), (1, 5));
        assert_eq!(idx.line_col(text, "x=Jürgen\n€".len()), (2, 2));
        // Inside the two bytes of "ü": counts as that character.
        assert_eq!(idx.line_col(text, "x=J".len() + 1), (1, 4));
        assert_eq!(idx.line_col(text, 999), (2, 3));
    }

    #[test]
    fn trailing_newline_starts_an_empty_line() {
        let text = "a\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 2);
        assert_eq!(idx.line_col(text, 2), (2, 1));
        assert_eq!(LineIndex::new("").line_count(), 1);
    }

    /// The index answers as a list of every line start would, across marks.
    #[test]
    fn marks_give_the_same_answers_as_every_start() {
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(&"x".repeat(i * 7 % 300));
            text.push_str(["\n", "\r\n", "\r"][i % 3]);
        }
        text.push_str("tail");
        let idx = LineIndex::new(&text);
        assert!(idx.marks.len() > 5, "{}", idx.marks.len());
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            (0..bytes.len())
                .filter(|&i| ends_line(bytes, i))
                .map(|i| i + 1),
        );
        assert_eq!(idx.line_count(), starts.len());
        for (line, &start) in starts.iter().enumerate() {
            assert_eq!(idx.line_start(&text, line + 1), Some(start));
            assert_eq!(idx.line_col(&text, start), (line + 1, 1));
        }
        assert_eq!(idx.line_start(&text, starts.len() + 1), None);
        for offset in 0..=text.len() {
            let line = starts.partition_point(|&s| s <= offset);
            assert_eq!(idx.line_col(&text, offset).0, line, "offset {offset}");
        }
    }

    /// Inside a long line, marks keep the column: every offset answers as
    /// counting from the line's start does.
    #[test]
    fn long_lines_with_wide_characters_count_columns_from_marks() {
        let text = format!("[A]\r\nk = {}\r\nnext", "é,€,x𝄞,".repeat(2000));
        let idx = LineIndex::new(&text);
        assert!(idx.marks.len() > 10, "{}", idx.marks.len());
        let start = text.find("k = ").unwrap();
        for offset in (start..text.len()).step_by(7) {
            let boundary = (0..=offset)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap();
            let (line, column) = idx.line_col(&text, offset);
            let line_start = text[..boundary].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[line_start..boundary].chars().count() + 1;
            assert_eq!(
                (line, column),
                (text[..boundary].matches('\n').count() + 1, expected),
                "offset {offset}"
            );
        }
        assert_eq!(idx.line_start(&text, 3), Some(text.rfind("next").unwrap()));
        assert_eq!(idx.line_start(&text, 2), Some(start));
    }

    #[test]
    fn a_file_of_empty_lines_keeps_a_mark_per_32_lines() {
        let text = "\n".repeat(32 * 1000);
        let idx = LineIndex::new(&text);
        assert_eq!(idx.line_count(), 32 * 1000 + 1);
        assert!(idx.marks.len() <= 1001, "{}", idx.marks.len());
    }
}
