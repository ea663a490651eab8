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
pub struct ParseExcerpt {
    name: String,
    quoted: LineExcerpt,
    /// The excerpt and a line end: miette draws a pointer at the end of
    /// a line only when a line end follows it.
    data: String,
}

impl ParseExcerpt {
    /// The excerpt of `text`'s line around byte `offset`.
    pub fn around(name: &str, text: &str, offset: usize) -> ParseExcerpt {
        let quoted = line_excerpt(text, offset);
        let data = format!("{}\n", quoted.text);
        ParseExcerpt {
            name: name.to_owned(),
            quoted,
            data,
        }
    }

    /// Where the place is in the excerpt: the span a label gets.
    pub fn span(&self) -> Span {
        Span::new(self.quoted.at, self.quoted.at + self.quoted.width)
    }
}

impl SourceCode for ParseExcerpt {
    /// The whole excerpt, whatever is asked: it is one short line.
    fn read_span<'a>(
        &'a self,
        _: &SourceSpan,
        _: usize,
        _: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.data.as_bytes();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Diagnostic};
    use crate::report::{Style, render_excerpt};

    #[test]
    fn a_place_at_the_end_of_the_line_still_gets_its_pointer() {
        let text = "target: x\naccounts: [\n";
        let at = text.find('[').unwrap() + 1;
        let error = Diagnostic::new(Code::SyntaxLineWithoutEquals, "unclosed", Span::new(at, at))
            .with_label("here");
        let out = render_excerpt(&error, "s.yaml", text, Style::PLAIN);
        assert!(out.contains("[s.yaml:2:12]"), "{out}");
        assert!(out.contains("╰── here"), "{out}");
        assert!(!out.contains("target"), "{out}");
    }

    #[test]
    fn a_long_line_is_quoted_around_the_place_under_its_true_position() {
        let text = format!("a: {}\u{1b}: b\n", "x".repeat(5000));
        let at = text.find('\u{1b}').unwrap();
        let error = Diagnostic::new(Code::SyntaxLineWithoutEquals, "bad", Span::new(at, at + 1))
            .with_label("this");
        let out = render_excerpt(&error, "s.yaml", &text, Style::PLAIN);
        assert!(out.contains("[s.yaml:1:5004]"), "{out}");
        assert!(out.contains("…"), "{out}");
        assert!(out.contains("\\u{1b}"), "{out}");
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(!out.contains(&"x".repeat(81)), "{out}");
    }
}
