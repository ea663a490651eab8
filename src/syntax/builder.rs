//! Turns classified lines into a [`Document`], merging sections by name.

use std::collections::HashMap;

use nom::Offset;

use super::document::{Comment, Document, Entry, Header, Item, Line, LineKind, Section, ValueList};
use super::grammar::{self, Classified};
use crate::diagnostic::Diagnostic;
use crate::source::excerpt;
use crate::span::Span;

/// Accumulates lines in one pass.
pub struct Builder<'a> {
    text: &'a str,
    lines: Vec<Line<'a>>,
    sections: Vec<Section<'a>>,
    by_name: HashMap<String, usize>,
    current: Option<usize>,
    warnings: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    /// A builder over the whole text that lines are slices of.
    pub fn new(text: &'a str) -> Self {
        Builder {
            text,
            lines: Vec::new(),
            sections: Vec::new(),
            by_name: HashMap::new(),
            current: None,
            warnings: Vec::new(),
        }
    }

    /// Adds one physical line; `content` must be a slice of the text.
    pub fn push_line(&mut self, content: &'a str, ending: &'a str) {
        let start = self.text.offset(content);
        let span = Span::new(start, start + content.len());
        let index = self.lines.len();
        let (code, comment) = grammar::split_comment(content);
        let comment = comment.map(|written| Comment {
            written,
            span: self.span_of(written),
        });
        let kind = self.line_kind(code, comment.is_some());
        if let LineKind::Header(header) = &kind {
            self.open_section(header, span);
        } else if let Some(section) = self.current.and_then(|i| self.sections.get_mut(i)) {
            section.lines.push(index);
        }
        self.lines.push(Line {
            text: content,
            span,
            ending,
            kind,
            comment,
        });
    }

    /// The finished document.
    pub fn finish(self) -> Document<'a> {
        Document {
            lines: self.lines,
            sections: self.sections,
            warnings: self.warnings,
        }
    }

    /// What a line's code (its content before any comment) holds.
    fn line_kind(&mut self, code: &'a str, commented: bool) -> LineKind<'a> {
        let span = self.span_of(code);
        match grammar::classify(code) {
            Classified::Blank if commented => LineKind::Comment,
            Classified::Blank => LineKind::Blank,
            Classified::Header { name, closed } => self.header(name, closed, span),
            _ if self.current.is_none() => self.stray(code),
            Classified::Entry { key, values } => LineKind::Entry(Entry {
                key,
                key_span: self.span_of(key),
                value: self.value_list(values, span),
                line: self.lines.len(),
            }),
            Classified::Values(values) => LineKind::Values(self.value_list(values, span)),
        }
    }

    fn header(&mut self, name: &'a str, closed: bool, line: Span) -> LineKind<'a> {
        if !closed {
            // An unclosed header runs to the end of its line, which may be
            // anything: the message quotes a short, printable excerpt.
            let quoted = excerpt(name);
            self.warnings.push(
                Diagnostic::warning(
                    "syntax::unclosed-section-header",
                    format!("section header `[{quoted}` has no closing `]`"),
                    line,
                )
                .with_label("no `]` on this line")
                .with_help(format!("write it as `[{quoted}]`")),
            );
        }
        LineKind::Header(Header {
            name,
            name_span: self.span_of(name),
            closed,
        })
    }

    fn stray(&mut self, content: &'a str) -> LineKind<'a> {
        let trimmed = content.trim();
        self.warnings.push(
            Diagnostic::warning(
                "syntax::text-before-first-section",
                "text before the first section header is ignored",
                self.span_of(trimmed),
            )
            .with_label("not inside any [Section]")
            .with_help(
                "move it under a section header, or start the line with `;` to make it a comment",
            ),
        );
        LineKind::Stray
    }

    fn open_section(&mut self, header: &Header<'a>, line: Span) {
        let key = header.name.to_ascii_lowercase();
        let index = *self.by_name.entry(key).or_insert_with(|| {
            self.sections.push(Section {
                name: header.name,
                headers: Vec::new(),
                lines: Vec::new(),
            });
            self.sections.len() - 1
        });
        if let Some(section) = self.sections.get_mut(index) {
            section.headers.push(line);
        }
        self.current = Some(index);
    }

    /// `code` is the span of the line's code, before any comment.
    fn value_list(&self, values: &'a str, code: Span) -> ValueList<'a> {
        let raw = values.trim();
        let span = if raw.is_empty() {
            Span::new(code.end, code.end)
        } else {
            self.span_of(raw)
        };
        let items = grammar::value_list(values)
            .into_iter()
            .map(|item| self.item(item))
            .collect();
        ValueList { raw, span, items }
    }

    fn item(&self, raw: &'a str) -> Item<'a> {
        let (written, text, quoted) = grammar::unquote(raw);
        Item {
            text,
            span: self.span_of(written),
            quoted,
        }
    }

    /// The span of a slice of the text.
    fn span_of(&self, part: &str) -> Span {
        let start = self.text.offset(part);
        Span::new(start, start + part.len())
    }
}
