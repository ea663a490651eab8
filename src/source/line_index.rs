//! Byte offset to line and column.
//!
//! The index keeps a mark every [`LINES_PER_MARK`] lines or
//! [`BYTES_PER_MARK`] bytes, whichever comes first, rather than the start
//! of every line: a file of 40 million empty lines would need 320 MB for
//! the starts alone. A lookup scans from the mark before it, at most that
//! many lines and bytes plus the line it lands in (whose columns are
//! counted anyway).

/// Most lines between two marks.
const LINES_PER_MARK: usize = 32;
/// Most bytes between two marks, unless one line is longer.
const BYTES_PER_MARK: usize = 2048;

/// Line starts of a text, for offset → line/column. Handles CRLF, LF and lone CR.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Some line starts: (byte offset, 0-based line), ascending; always
    /// starts with (0, 0).
    marks: Vec<(usize, usize)>,
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

impl LineIndex {
    /// Indexes `text`. A line end is `\r\n`, `\n` or a lone `\r`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        crate::work::add(crate::work::Counter::LineIndexBytes, bytes.len());
        let mut marks = vec![(0, 0)];
        let mut last = (0, 0);
        let mut line = 0;
        for i in 0..bytes.len() {
            if !ends_line(bytes, i) {
                continue;
            }
            line += 1;
            let start = i + 1;
            if line - last.1 >= LINES_PER_MARK || start - last.0 >= BYTES_PER_MARK {
                last = (start, line);
                marks.push(last);
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
        let at = self.marks.partition_point(|&(start, _)| start <= offset);
        let (mark, mut line) = self
            .marks
            .get(at.saturating_sub(1))
            .copied()
            .unwrap_or((0, 0));
        let bytes = text.as_bytes();
        let mut start = mark;
        for i in mark..offset {
            if ends_line(bytes, i) {
                line += 1;
                start = i + 1;
            }
        }
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line + 1, column)
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
        let at = self.marks.partition_point(|&(_, l)| l <= wanted);
        let (mut start, mut current) = self.marks.get(at.checked_sub(1)?).copied()?;
        let bytes = text.as_bytes();
        let mut i = start;
        while current < wanted && i < bytes.len() {
            if ends_line(bytes, i) {
                current += 1;
                start = i + 1;
            }
            i += 1;
        }
        (current == wanted).then_some(start)
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

    #[test]
    fn a_file_of_empty_lines_keeps_a_mark_per_32_lines() {
        let text = "\n".repeat(32 * 1000);
        let idx = LineIndex::new(&text);
        assert_eq!(idx.line_count(), 32 * 1000 + 1);
        assert!(idx.marks.len() <= 1001, "{}", idx.marks.len());
    }
}
