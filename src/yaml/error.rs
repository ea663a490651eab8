//! Why a text could not be read into a tree, for each caller to word in
//! terms of its own kind of file.

use saphyr_parser::ScanError;

use super::offsets::Offsets;
use crate::source::excerpt;
use crate::span::Span;

/// A text that is not valid YAML, or that the dialect refuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum YamlError {
    /// The parser's first error; reading stops there.
    Syntax(SyntaxError),
    /// A construct the dialect refuses, written at `span`.
    Unsupported {
        /// Which one.
        construct: Construct,
        /// The alias, or the node that carries the anchor or tag.
        span: Span,
    },
    /// A collection that would nest deeper than the dialect allows; the
    /// span is where it starts.
    TooDeep(Span),
    /// The start of a second document.
    SecondDocument(Span),
}

/// The YAML constructs a dialect can refuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Construct {
    /// `*name`: refused always, as expanding aliases is how a few lines
    /// of YAML ("billion laughs") become gigabytes.
    Alias,
    /// `&name`, refused by plain-data dialects.
    Anchor,
    /// `!tag`, refused by plain-data dialects.
    Tag,
}

/// Where the parser gave up, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// The character the parser stopped at, in bytes; empty at the end of
    /// the text.
    pub(crate) span: Span,
    /// The parser's own description.
    pub(crate) info: String,
}

impl SyntaxError {
    /// The error the parser reported, with its position in bytes.
    pub(super) fn new(error: &ScanError, offsets: &Offsets) -> Self {
        let index = error.marker().index();
        SyntaxError {
            span: Span::new(offsets.byte(index), offsets.byte(index + 1)),
            // The parser may quote the character it stopped at.
            info: excerpt(error.info()),
        }
    }
}
