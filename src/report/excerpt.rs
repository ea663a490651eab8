//! A source for miette that shows one short, printable excerpt of a line.
//!
//! A file that does not parse may hold anything: a binary, a line of
//! megabytes, a link's target such as `/proc/self/environ`. Its parse
//! error quotes only [`line_excerpt`]'s few printable bytes around the
//! place, under the place's true line and column.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::{LineExcerpt, line_excerpt};
use crate::span::Span;

/// The excerpt of one line of a named text.
pub struct Excerpt {
    name: String,
    quoted: LineExcerpt,
}

impl Excerpt {
    /// The excerpt of `text`'s line around byte `offset`.
    pub fn around(name: &str, text: &str, offset: usize) -> Excerpt {
        Excerpt {
            name: name.to_owned(),
            quoted: line_excerpt(text, offset),
        }
    }

    /// Where the place is in the excerpt: the span a label gets.
    pub fn span(&self) -> Span {
        Span::new(self.quoted.at, self.quoted.at + self.quoted.width)
    }
}

impl SourceCode for Excerpt {
    /// The whole excerpt, whatever is asked: it is one short line.
    fn read_span<'a>(
        &'a self,
        _: &SourceSpan,
        _: usize,
        _: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.quoted.text.as_bytes();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            text,
            SourceSpan::new(0.into(), text.len()),
            self.quoted.line,
            self.quoted.column,
            1,
        )))
    }
}
