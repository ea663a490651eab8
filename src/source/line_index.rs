//! Byte offset to line and column.

/// Line starts of a text, for offset → line/column. Handles CRLF, LF and lone CR.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset where each line begins; always starts with 0.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`. A line end is `\r\n`, `\n` or a lone `\r`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        crate::work::add(crate::work::Counter::LineIndexBytes, bytes.len());
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line and 1-based column (in Unicode scalar values) of the byte
    /// `offset` in `text`, the text this index was built from. Offsets past
    /// the end clamp to the end; an offset inside a character counts as that
    /// character.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line, column)
    }

    /// Number of lines; text after the last line end, even none, is a line.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where the 1-based `line` begins, if the text has it.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
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
        assert_eq!(idx.line_start(1), Some(0));
        assert_eq!(idx.line_start(2), Some(3));
        assert_eq!(idx.line_start(3), Some(6));
        assert_eq!(idx.line_start(4), Some(9));
        assert_eq!(idx.line_start(5), None);
        assert_eq!(idx.line_start(0), None);
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
}
