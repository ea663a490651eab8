//! Character positions to byte offsets.
//!
//! saphyr-parser counts characters; spans count bytes, so a file with `é`
//! or a BOM would point one byte off per such character without this.

use crate::span::Span;

/// Converts the parser's character indexes into byte offsets of one text.
pub(super) struct Offsets {
    /// Byte offset of each character; `None` for ASCII text, where the two
    /// are the same and a table would only cost memory.
    table: Option<Vec<usize>>,
    len: usize,
}

impl Offsets {
    /// The converter for `text`.
    pub(super) fn new(text: &str) -> Self {
        let table = (!text.is_ascii()).then(|| text.char_indices().map(|(at, _)| at).collect());
        Offsets {
            table,
            len: text.len(),
        }
    }

    /// The byte offset of character `index`; the end of the text for an
    /// index past its last character.
    pub(super) fn byte(&self, index: usize) -> usize {
        match &self.table {
            None => index.min(self.len),
            Some(table) => table.get(index).copied().unwrap_or(self.len),
        }
    }

    /// The byte span of a parser span, never reversed.
    pub(super) fn span(&self, span: saphyr_parser::Span) -> Span {
        let start = self.byte(span.start.index());
        Span::new(start, self.byte(span.end.index()).max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity_clamped_to_the_end() {
        let offsets = Offsets::new("abc");
        assert_eq!(offsets.byte(2), 2);
        assert_eq!(offsets.byte(3), 3);
        assert_eq!(offsets.byte(9), 3);
    }

    #[test]
    fn multibyte_characters_count_their_bytes() {
        let text = "\u{feff}é€x";
        let offsets = Offsets::new(text);
        assert_eq!(offsets.byte(1), 3);
        assert_eq!(offsets.byte(2), 5);
        assert_eq!(offsets.byte(3), 8);
        assert_eq!(offsets.byte(4), text.len());
        assert_eq!(offsets.byte(10), text.len());
        assert_eq!(&text[offsets.byte(3)..], "x");
    }
}
