//! Sections gplint does not interpret, kept line by line.

use crate::span::Span;
use crate::syntax::{Document, LineKind, Section};

/// A section kept as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawSection<'a> {
    /// The name as first written.
    pub name: &'a str,
    /// Each non-blank, non-comment line.
    pub lines: Vec<RawLine<'a>>,
}

/// One line of a raw section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawLine<'a> {
    /// The key, for a `key = value` line.
    pub key: Option<&'a str>,
    /// The value text (the whole line for a line of values).
    pub value: &'a str,
    /// Where the line's content is written.
    pub span: Span,
}

/// Keeps the lines of a section gplint does not interpret.
pub fn read<'a>(doc: &Document<'a>, section: &Section<'a>) -> RawSection<'a> {
    let lines = doc
        .section_lines(section)
        .filter_map(|line| match line.kind {
            LineKind::Entry(entry) => Some(RawLine {
                key: Some(entry.key),
                value: entry.value.raw,
                span: entry.span(),
            }),
            LineKind::Values(values) => Some(RawLine {
                key: None,
                value: values.raw,
                span: values.span,
            }),
            _ => None,
        })
        .collect();
    RawSection {
        name: section.name,
        lines,
    }
}
