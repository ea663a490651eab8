//! Byte ranges into a decoded source text.
//!
//! Every stage after decoding refers to the text through spans, so a
//! diagnostic raised anywhere can point back at `file:line:col`.

use serde::Serialize;

/// A half-open byte range `start..end` into a decoded source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span that covers both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A value with the byte range it was read from, so a later check can
/// point back at the text that said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    /// The value, cleaned up (trimmed, `*` stripped from SIDs).
    pub value: T,
    /// Where the value is written in the source text.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// `value` read from `span`.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        (span.start, span.len()).into()
    }
}
