//! Character positions to byte offsets.
//!
//! The YAML parser counts characters, spans count bytes; the two differ as
//! soon as a rule file holds `é` or `→`.

/// Converts character indexes of one text into byte offsets.
pub(super) struct CharOffsets {
    /// Byte offset of each character, then the text's length; empty for an
    /// ASCII text, where the two counts agree.
    starts: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    /// The table for `text`.
    pub(super) fn new(text: &str) -> Self {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(offset, _)| offset)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        CharOffsets {
            starts,
            len: text.len(),
        }
    }

    /// The byte offset of character `index`; the text's end past it.
    pub(super) fn byte(&self, index: usize) -> usize {
        if self.starts.is_empty() {
            index.min(self.len)
        } else {
            self.starts.get(index).copied().unwrap_or(self.len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_indexes_are_offsets() {
        let offsets = CharOffsets::new("abc");
        assert_eq!(offsets.byte(2), 2);
        assert_eq!(offsets.byte(3), 3);
        assert_eq!(offsets.byte(99), 3);
    }

    #[test]
    fn multibyte_characters_shift_later_offsets() {
        let text = "é→x";
        let offsets = CharOffsets::new(text);
        assert_eq!(offsets.byte(1), 2);
        assert_eq!(offsets.byte(2), 5);
        assert_eq!(&text[offsets.byte(2)..offsets.byte(3)], "x");
        assert_eq!(offsets.byte(10), text.len());
    }
}
