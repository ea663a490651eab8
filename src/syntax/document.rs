//! The lossless syntax tree of a security template.
//!
//! Every physical line can be had, in order, with its terminator, so the
//! text can be rebuilt byte for byte; sections, keys, values and each list
//! item carry their span. Nothing here knows what a right or a SID is.
//!
//! The document keeps the sections and where their lines are, not the
//! lines: a line is parsed when it is read, from the text the document
//! borrows. A record per line (about 190 bytes) made a 40 MB file of empty
//! lines cost 6 GB; the document now costs its sections and warnings.

use crate::diagnostic::Diagnostic;
use crate::span::Span;

use super::builder::{line_at, span_of};
use super::grammar;

/// A parsed template: its sections merged by name, and warnings; its
/// lines are read from the text on demand ([`Document::lines`],
/// [`Document::section_lines`]).
#[derive(Debug)]
pub struct Document<'a> {
    /// The text the lines are read from.
    pub(super) text: &'a str,
    /// Sections in order of first appearance; a repeated header merges into
    /// the first section of that name (INF rules, case-insensitive).
    pub sections: Vec<Section<'a>>,
    /// Problems found while parsing; parsing always goes on.
    pub warnings: Vec<Diagnostic>,
    /// Number of physical lines.
    pub(super) line_count: usize,
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
    /// last item. Read from the text as they are iterated.
    pub items: Items<'a>,
}

/// The items of a value list, read from the text each time they are
/// iterated: a line of a thousand holders is typed without a list of its
/// items being built first.
#[derive(Clone, Copy)]
pub struct Items<'a> {
    /// The whole text, which spans are offsets into.
    text: &'a str,
    /// The list as written after the `=`; empty when blank.
    list: &'a str,
}

impl<'a> Items<'a> {
    /// The items of `list`, a slice of `text` that is empty or not blank.
    pub(super) fn new(text: &'a str, list: &'a str) -> Self {
        Items { text, list }
    }

    /// The items in order.
    pub fn iter(&self) -> ItemIter<'a> {
        ItemIter {
            text: self.text,
            rest: (!self.list.is_empty()).then_some(self.list),
        }
    }

    /// Whether the list has no item (an empty or blank value).
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// How many items, counted by reading them.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// At most how many items: one more than the commas, which is exact
    /// unless a quoted item holds a comma. For sizing a list at once.
    pub fn len_bound(&self) -> usize {
        if self.list.is_empty() {
            0
        } else {
            self.list.bytes().filter(|b| *b == b',').count() + 1
        }
    }
}

impl<'a> IntoIterator for &Items<'a> {
    type Item = Item<'a>;
    type IntoIter = ItemIter<'a>;

    fn into_iter(self) -> ItemIter<'a> {
        self.iter()
    }
}

/// Two lists are equal when their items are: text, place and quoting.
impl PartialEq for Items<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Items<'_> {}

impl std::fmt::Debug for Items<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The items of a value list, parsed one at a time.
#[derive(Clone)]
pub struct ItemIter<'a> {
    text: &'a str,
    /// What is left of the list; `None` after the last item.
    rest: Option<&'a str>,
}

impl<'a> Iterator for ItemIter<'a> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        let (raw, rest) = grammar::next_item(self.rest?);
        self.rest = rest;
        let (written, unquoted, quoted) = grammar::unquote(raw);
        Some(Item {
            text: unquoted,
            span: span_of(self.text, written),
            quoted,
        })
    }
}

/// One item of a value list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The lines under its headers: one run of lines per header that has
    /// any.
    pub(super) runs: Vec<Run>,
}

/// Consecutive lines under one header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Run {
    /// Where the first line starts.
    pub(super) start: usize,
    /// Where the run ends: the next header's line, or the end of the text.
    pub(super) end: usize,
    /// Index of the first line among all the document's lines.
    pub(super) first_line: usize,
}

impl<'a> Document<'a> {
    /// The section of that name, compared case-insensitively.
    pub fn section(&self, name: &str) -> Option<&Section<'a>> {
        self.sections
            .iter()
            .find(|section| section.name.eq_ignore_ascii_case(name))
    }

    /// The `key = value` entries of a section, in order.
    pub fn entries<'d>(&'d self, section: &'d Section<'a>) -> impl Iterator<Item = Entry<'a>> + 'd {
        self.section_lines(section)
            .filter_map(|line| match line.kind {
                LineKind::Entry(entry) => Some(entry),
                _ => None,
            })
    }

    /// Every line of a section, in order, parsed as it is read.
    pub fn section_lines<'d>(
        &'d self,
        section: &'d Section<'a>,
    ) -> impl Iterator<Item = Line<'a>> + 'd {
        let text = self.text;
        section.runs.iter().flat_map(move |run| {
            let lines = Lines {
                text,
                at: run.start,
                end: run.end,
                index: run.first_line,
                in_section: true,
            };
            lines.map(|(line, _)| line)
        })
    }

    /// Every physical line, in order, parsed as it is read.
    pub fn lines(&self) -> impl Iterator<Item = Line<'a>> + '_ {
        Lines {
            text: self.text,
            at: 0,
            end: self.text.len(),
            index: 0,
            in_section: false,
        }
        .map(|(line, _)| line)
    }

    /// Number of physical lines.
    pub fn line_count(&self) -> usize {
        self.line_count
    }

    /// The text rebuilt from the lines; equal to the parsed text.
    pub fn reconstruct(&self) -> String {
        let mut out = String::new();
        for line in self.lines() {
            out.push_str(line.text);
            out.push_str(line.ending);
        }
        out
    }
}

/// Lines parsed one by one from `at` to `end`; a header puts the lines
/// after it in a section.
struct Lines<'a> {
    text: &'a str,
    at: usize,
    end: usize,
    index: usize,
    in_section: bool,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (Line<'a>, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.at >= self.end {
            return None;
        }
        let rest = self.text.get(self.at..self.end)?;
        let (content, ending) = match grammar::line(rest) {
            Ok((_, found)) => found,
            Err(_) => (rest, ""),
        };
        let line = line_at(self.text, content, ending, self.index, self.in_section);
        if matches!(line.kind, LineKind::Header(_)) {
            self.in_section = true;
        }
        let index = self.index;
        self.at += content.len() + ending.len();
        self.index += 1;
        Some((line, index))
    }
}
