//! A source for miette that reads only near the span it is asked for.
//!
//! miette's own `[u8]` source counts lines from the start of the file on
//! every snippet, so rendering a finding in a large `services.yaml` costs
//! the whole file, and a run with many findings the square of it. This
//! source starts miette's scan at the line the snippet starts on, found
//! with the file's line index, and adds back the lines before it: the
//! contents, and so the output, are the same.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::LineIndex;

/// A named text with its line index.
pub struct Window<'t> {
    /// The file name shown in the snippet header.
    pub name: &'t str,
    /// The whole text.
    pub text: &'t str,
    /// Line starts of `text`.
    pub lines: &'t LineIndex,
}

impl SourceCode for Window<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (base, base_line) = self.snippet_start(span.offset(), context_lines_before);
        let rest = self
            .text
            .as_bytes()
            .get(base..)
            .ok_or(MietteError::OutOfBounds)?;
        let local = SourceSpan::new((span.offset() - base).into(), span.len());
        let found = rest.read_span(&local, context_lines_before, context_lines_after)?;
        let at = SourceSpan::new((found.span().offset() + base).into(), found.span().len());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            found.data(),
            at,
            found.line() + base_line,
            found.column(),
            found.line_count() + base_line,
        )))
    }
}

impl Window<'_> {
    /// The start of the line `before` lines above the one holding
    /// `offset`, and how many lines precede it (0-based line number).
    fn snippet_start(&self, offset: usize, before: usize) -> (usize, usize) {
        if offset > self.text.len() {
            // Past the end: let miette's scan report it, from the start.
            return (0, 0);
        }
        let line = self.lines.line_col(self.text, offset).0 - 1;
        let first = line.saturating_sub(before);
        let start = self.lines.line_start(self.text, first + 1).unwrap_or(0);
        (start.min(offset), if start <= offset { first } else { 0 })
    }
}
