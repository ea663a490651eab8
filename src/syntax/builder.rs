//! Finds the sections of a text in one pass, merging them by name, and
//! parses single lines for [`Document`]'s readers.

use std::collections::HashMap;

use nom::Offset;

use super::document::{
    Comment, Document, Entry, Header, Items, Line, LineKind, Run, Section, ValueList,
};
use super::grammar::{self, Classified};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::excerpt;
use crate::span::Span;

/// Accumulates sections in one pass, keeping no record per line.
pub struct Builder<'a> {
    text: &'a str,
    line_count: usize,
    sections: Vec<Section<'a>>,
    by_name: HashMap<String, usize>,
    /// The section being read and where its current run starts.
    current: Option<(usize, usize, usize)>,
    warnings: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    /// A builder over the whole text that lines are slices of.
    pub fn new(text: &'a str) -> Self {
        Builder {
            text,
            line_count: 0,
            sections: Vec::new(),
            by_name: HashMap::new(),
            current: None,
            warnings: Vec::new(),
        }
    }

    /// Adds one physical line; `content` must be a slice of the text. Only
    /// a header, or text before the first header, needs parsing here.
    pub fn push_line(&mut self, content: &'a str, ending: &'a str) {
        let index = self.line_count;
        self.line_count += 1;
        let maybe_header = content.trim_start_matches(grammar::is_ws).starts_with('[');
        if !maybe_header && self.current.is_some() {
            return;
        }
        let line = line_at(self.text, content, ending, index, self.current.is_some());
        match &line.kind {
            LineKind::Header(header) => {
                if !header.closed {
                    self.warnings.push(unclosed(header.name, line.span));
                }
                let end = line.span.start + content.len() + ending.len();
                self.open_section(header, line.span, end, index + 1);
            }
            LineKind::Stray => {
                let (code, _) = grammar::split_comment(content);
                self.warnings.push(stray(self.span_of(code.trim())));
            }
            _ => {}
        }
    }

    /// The finished document.
    pub fn finish(mut self) -> Document<'a> {
        self.close_run(self.text.len());
        Document {
            text: self.text,
            sections: self.sections,
            warnings: self.warnings,
            line_count: self.line_count,
        }
    }

    /// Ends the current section's run where the next header begins.
    fn close_run(&mut self, end: usize) {
        let Some((section, start, first_line)) = self.current else {
            return;
        };
        if start >= end {
            return;
        }
        if let Some(section) = self.sections.get_mut(section) {
            section.runs.push(Run {
                start,
                end,
                first_line,
            });
        }
    }

    /// A header at `line`: the lines from `next` (the next line's start,
    /// index `next_line`) belong to its section.
    fn open_section(&mut self, header: &Header<'a>, line: Span, next: usize, next_line: usize) {
        self.close_run(line.start);
        let key = header.name.to_ascii_lowercase();
        let index = *self.by_name.entry(key).or_insert_with(|| {
            self.sections.push(Section {
                name: header.name,
                headers: Vec::new(),
                runs: Vec::new(),
            });
            self.sections.len() - 1
        });
        if let Some(section) = self.sections.get_mut(index) {
            section.headers.push(line);
        }
        self.current = Some((index, next, next_line));
    }

    /// The span of a slice of the text.
    fn span_of(&self, part: &str) -> Span {
        span_of(self.text, part)
    }
}

/// An unclosed header runs to the end of its line, which may be
/// anything: the message quotes a short, printable excerpt.
fn unclosed(name: &str, line: Span) -> Diagnostic {
    let quoted = excerpt(name);
    Diagnostic::new(
        Code::SyntaxUnclosedSectionHeader,
        format!("section header `[{quoted}` has no closing `]`"),
        line,
    )
    .with_label("no `]` on this line")
    .with_help(format!("write it as `[{quoted}]`"))
}

fn stray(span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::SyntaxTextBeforeFirstSection,
        "text before the first section header is ignored",
        span,
    )
    .with_label("not inside any [Section]")
    .with_help("move it under a section header, or start the line with `;` to make it a comment")
}

/// Parses one physical line of `text`: `content` (a slice of it) and its
/// `ending`, the line numbered `index`; `in_section` when a header came
/// before it.
pub(super) fn line_at<'a>(
    text: &'a str,
    content: &'a str,
    ending: &'a str,
    index: usize,
    in_section: bool,
) -> Line<'a> {
    let span = span_of(text, content);
    let (code, comment) = grammar::split_comment(content);
    let comment = comment.map(|written| Comment {
        written,
        span: span_of(text, written),
    });
    let kind = line_kind(text, code, comment.is_some(), index, in_section);
    Line {
        text: content,
        span,
        ending,
        kind,
        comment,
    }
}

/// What a line's code (its content before any comment) holds.
fn line_kind<'a>(
    text: &'a str,
    code: &'a str,
    commented: bool,
    index: usize,
    in_section: bool,
) -> LineKind<'a> {
    let span = span_of(text, code);
    match grammar::classify(code) {
        Classified::Blank if commented => LineKind::Comment,
        Classified::Blank => LineKind::Blank,
        Classified::Header { name, closed } => LineKind::Header(Header {
            name,
            name_span: span_of(text, name),
            closed,
        }),
        _ if !in_section => LineKind::Stray,
        Classified::Entry { key, values } => LineKind::Entry(Entry {
            key,
            key_span: span_of(text, key),
            value: value_list(text, values, span),
            line: index,
        }),
        Classified::Values(values) => LineKind::Values(value_list(text, values, span)),
    }
}

/// `code` is the span of the line's code, before any comment.
fn value_list<'a>(text: &'a str, values: &'a str, code: Span) -> ValueList<'a> {
    let raw = values.trim();
    let span = if raw.is_empty() {
        Span::new(code.end, code.end)
    } else {
        span_of(text, raw)
    };
    // A blank list has no items; its text is kept empty so that reading
    // them needs no second look at the white space.
    let list = if raw.is_empty() { raw } else { values };
    let items = Items::new(text, list);
    ValueList { raw, span, items }
}

/// The span of a slice of the text.
pub(super) fn span_of(text: &str, part: &str) -> Span {
    let start = text.offset(part);
    Span::new(start, start + part.len())
}
