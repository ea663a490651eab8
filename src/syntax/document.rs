//! The lossless syntax tree of a security template.
//!
//! Every physical line is kept, in order, with its terminator, so the text
//! can be rebuilt byte for byte; sections, keys, values and each list item
//! carry their span. Nothing here knows what a right or a SID is.

use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// A parsed template: its lines, its sections merged by name, and warnings.
#[derive(Debug)]
pub struct Document<'a> {
    /// Every physical line, in order.
    pub lines: Vec<Line<'a>>,
    /// Sections in order of first appearance; a repeated header merges into
    /// the first section of that name (INF rules, case-insensitive).
    pub sections: Vec<Section<'a>>,
    /// Problems found while parsing; parsing always goes on.
    pub warnings: Vec<Diagnostic>,
}

/// One physical line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// The line's content, without its terminator.
    pub text: &'a str,
    /// The span of `text`.
    pub span: Span,
    /// `"\r\n"`, `"\n"`, `"\r"`, or `""` on a last line without one.
    pub ending: &'a str,
    /// What the line is.
    pub kind: LineKind<'a>,
    /// Its `;` comment, whole-line or after the line's code.
    pub comment: Option<Comment<'a>>,
}

/// A `;` comment: from the `;` outside quotes to the end of the line. The
/// line's code before it is read as if the comment were not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment<'a> {
    /// The comment as written, `;` included.
    pub written: &'a str,
    /// The span of `written`.
    pub span: Span,
}

impl<'a> Comment<'a> {
    /// The comment's words: without the `;` and surrounding white space.
    pub fn text(&self) -> &'a str {
        self.written
            .strip_prefix(';')
            .unwrap_or(self.written)
            .trim()
    }
}

/// What a line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind<'a> {
    /// Only white space.
    Blank,
    /// Only a `;` comment, and white space before it.
    Comment,
    /// A `[Section]` header.
    Header(Header<'a>),
    /// A `key = value, value` line.
    Entry(Entry<'a>),
    /// A line of values without `=`, as in `[Registry Keys]` and
    /// `[File Security]`.
    Values(ValueList<'a>),
    /// Text before the first section header, which INF files ignore.
    Stray,
}

/// A `[Name]` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<'a> {
    /// The name between the brackets, trimmed.
    pub name: &'a str,
    /// The span of `name`.
    pub name_span: Span,
    /// Whether the closing `]` is there.
    pub closed: bool,
}

/// A `key = value` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The key, trimmed.
    pub key: &'a str,
    /// The span of `key`.
    pub key_span: Span,
    /// Everything after the `=`, up to a comment.
    pub value: ValueList<'a>,
    /// Index of this entry's line in [`Document::lines`].
    pub line: usize,
}

impl Entry<'_> {
    /// From the key to the end of the value.
    pub fn span(&self) -> Span {
        if self.value.span.is_empty() {
            self.key_span
        } else {
            self.key_span.to(self.value.span)
        }
    }
}

/// A comma-separated list of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueList<'a> {
    /// The whole value text, trimmed.
    pub raw: &'a str,
    /// The span of `raw`; empty, at the end of the line's code (before a
    /// comment), when there is no value.
    pub span: Span,
    /// Each item; an empty value gives no items, a trailing comma an empty
    /// last item.
    pub items: Vec<Item<'a>>,
}

/// One item of a value list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'a> {
    /// The item's text, trimmed, without its quotes.
    pub text: &'a str,
    /// The span of the item as written, quotes included.
    pub span: Span,
    /// Whether it was written in double quotes.
    pub quoted: bool,
}

/// A section: every line under every header of one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section<'a> {
    /// The name as first written.
    pub name: &'a str,
    /// The span of each header of this name, in order.
    pub headers: Vec<Span>,
    /// Indices into [`Document::lines`] of the lines under its headers.
    pub lines: Vec<usize>,
}

impl<'a> Document<'a> {
    /// The section of that name, compared case-insensitively.
    pub fn section(&self, name: &str) -> Option<&Section<'a>> {
        self.sections
            .iter()
            .find(|section| section.name.eq_ignore_ascii_case(name))
    }

    /// The `key = value` entries of a section, in order.
    pub fn entries<'d>(&'d self, section: &'d Section<'a>) -> impl Iterator<Item = &'d Entry<'a>> {
        self.section_lines(section)
            .filter_map(|line| match &line.kind {
                LineKind::Entry(entry) => Some(entry),
                _ => None,
            })
    }

    /// Every line of a section, in order.
    pub fn section_lines<'d>(
        &'d self,
        section: &'d Section<'a>,
    ) -> impl Iterator<Item = &'d Line<'a>> {
        section
            .lines
            .iter()
            .filter_map(|&index| self.lines.get(index))
    }

    /// The text rebuilt from the lines; equal to the parsed text.
    pub fn reconstruct(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            out.push_str(line.text);
            out.push_str(line.ending);
        }
        out
    }
}
