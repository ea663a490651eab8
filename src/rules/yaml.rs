//! A rule file as a tree of YAML nodes, each with its byte span.
//!
//! serde_yaml gives no positions for values, and every problem in a rule
//! file should point at the text that causes it, so the file is read with
//! saphyr-parser's events and the tree is built here. Anchors, aliases and
//! tags are refused: a rule file is plain data, and an alias would make one
//! value live at two places.

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};

use super::char_offsets::CharOffsets;
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;

/// How deep collections may nest. Rule files need a dozen levels; the
/// limit keeps the recursive walks over the tree (loading predicates,
/// dropping nodes) far from the stack's end on hostile input such as
/// `- - - - …`, which the parser itself accepts at any depth.
const MAX_DEPTH: usize = 64;

/// One YAML value with where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Node {
    /// The value's text; for a collection, from its first to its last byte.
    pub span: Span,
    /// What the value is.
    pub kind: NodeKind,
}

/// The shape of a YAML value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum NodeKind {
    /// A scalar's value, quotes and escapes resolved; `plain` when written
    /// without quotes or block indicator, since only then do `true` and `3`
    /// mean a bool and a number.
    Scalar { value: String, plain: bool },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in written order, duplicates kept for the reader to refuse.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The scalar's value, if this is a scalar.
    pub(super) fn as_scalar(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// What this is, for messages: "text", "a list" or "a mapping".
    pub(super) fn shape(&self) -> &'static str {
        match self.kind {
            NodeKind::Scalar { .. } => "text",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }
}

/// Reads `text` into its one document; `None` for a file with no document.
pub(super) fn parse(text: &str) -> Result<Option<Node>, Diagnostic> {
    let mut builder = Builder {
        offsets: CharOffsets::new(text),
        text,
        stack: Vec::new(),
        root: None,
        documents: 0,
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        match next {
            Ok((event, span)) => builder.event(event, span)?,
            Err(error) => return Err(builder.scan_error(&error)),
        }
    }
    Ok(builder.root)
}

/// A collection whose end has not been read yet.
enum Open {
    Seq {
        start: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

struct Builder<'t> {
    offsets: CharOffsets,
    text: &'t str,
    stack: Vec<Open>,
    root: Option<Node>,
    documents: usize,
}

impl Builder<'_> {
    fn event(&mut self, event: Event<'_>, span: saphyr_parser::Span) -> Result<(), Diagnostic> {
        let span = self.span(span);
        match event {
            Event::DocumentStart(_) => return self.document(span),
            Event::Alias(_) => return Err(unsupported(span, "an alias")),
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag)
                if anchor != 0 || tag.is_some() =>
            {
                let what = if anchor != 0 { "an anchor" } else { "a tag" };
                return Err(unsupported(span, what));
            }
            Event::Scalar(value, style, _, _) => self.attach(Node {
                span: self.trim_end(span),
                kind: NodeKind::Scalar {
                    value: value.into_owned(),
                    plain: style == ScalarStyle::Plain,
                },
            }),
            Event::SequenceStart(..) | Event::MappingStart(..) if self.stack.len() >= MAX_DEPTH => {
                return Err(too_deep(span));
            }
            Event::SequenceStart(..) => self.stack.push(Open::Seq {
                start: span.start,
                items: Vec::new(),
            }),
            Event::MappingStart(..) => self.stack.push(Open::Map {
                start: span.start,
                entries: Vec::new(),
                key: None,
            }),
            Event::SequenceEnd | Event::MappingEnd => self.close(span),
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
        Ok(())
    }

    fn document(&mut self, span: Span) -> Result<(), Diagnostic> {
        self.documents += 1;
        if self.documents == 1 {
            return Ok(());
        }
        Err(Diagnostic::new(
            Severity::Error,
            "rule::yaml-syntax",
            "a rule file holds one YAML document, but this starts another",
            span,
        )
        .with_label("second document")
        .with_help("put each rule in a file of its own"))
    }

    /// Ends the innermost collection. A block collection's end event sits
    /// after trailing blank lines and comments, so its span ends with its
    /// last item instead; a flow collection ends with its bracket.
    fn close(&mut self, end: Span) {
        let Some(open) = self.stack.pop() else { return };
        let (start, kind) = match open {
            Open::Seq { start, items } => (start, NodeKind::Seq(items)),
            Open::Map { start, entries, .. } => (start, NodeKind::Map(entries)),
        };
        let last = match &kind {
            NodeKind::Seq(items) => items.last().map(|item| item.span.end),
            NodeKind::Map(entries) => entries.last().map(|(_, value)| value.span.end),
            NodeKind::Scalar { .. } => None,
        };
        let end = if end.is_empty() {
            last.unwrap_or(start).max(start)
        } else {
            end.end
        };
        self.attach(Node {
            span: Span::new(start, end),
            kind,
        });
    }

    fn attach(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, key, .. }) => match key.take() {
                Some(name) => entries.push((name, node)),
                None => *key = Some(node),
            },
        }
    }

    fn span(&self, span: saphyr_parser::Span) -> Span {
        let start = self.offsets.byte(span.start.index());
        let end = self.offsets.byte(span.end.index()).max(start);
        Span::new(start, end)
    }

    /// A block scalar's span takes in its final line break; a label reads
    /// better without it.
    fn trim_end(&self, span: Span) -> Span {
        let written = self.text.get(span.start..span.end).unwrap_or_default();
        Span::new(span.start, span.start + written.trim_end().len())
    }

    fn scan_error(&self, error: &ScanError) -> Diagnostic {
        let start = self.offsets.byte(error.marker().index());
        let end = self.offsets.byte(error.marker().index() + 1);
        Diagnostic::new(
            Severity::Error,
            "rule::yaml-syntax",
            format!("this rule file is not valid YAML: {}", error.info()),
            Span::new(start, end),
        )
        .with_label(error.info().to_owned())
    }
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "rule::yaml-too-deep",
        format!("rule files nest at most {MAX_DEPTH} levels deep"),
        span,
    )
    .with_label(format!("level {}", MAX_DEPTH + 1))
}

fn unsupported(span: Span, what: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "rule::yaml-unsupported",
        format!("rule files do not use {what}"),
        span,
    )
    .with_label(format!("{what} here"))
    .with_help("write the value out in full, without `&`, `*` or `!`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        parse(text).unwrap().unwrap()
    }

    fn entries(node: &Node) -> &[(Node, Node)] {
        match &node.kind {
            NodeKind::Map(entries) => entries,
            other => panic!("not a mapping: {other:?}"),
        }
    }

    #[test]
    fn scalar_spans_are_bytes_of_the_written_value() {
        let text = "name: \"é→\"\nid: GPL101\n";
        let map = root(text);
        let entries = entries(&map);
        assert_eq!(
            &text[entries[0].1.span.start..entries[0].1.span.end],
            "\"é→\""
        );
        assert_eq!(entries[0].1.as_scalar(), Some("é→"));
        assert_eq!(&text[entries[1].0.span.start..entries[1].0.span.end], "id");
        assert_eq!(
            &text[entries[1].1.span.start..entries[1].1.span.end],
            "GPL101"
        );
    }

    #[test]
    fn quoted_scalars_are_not_plain() {
        let map = root("a: 'true'\nb: true\n");
        let plain: Vec<bool> = entries(&map)
            .iter()
            .map(|(_, value)| matches!(value.kind, NodeKind::Scalar { plain: true, .. }))
            .collect();
        assert_eq!(plain, [false, true]);
    }

    #[test]
    fn block_collections_end_at_their_last_value() {
        let text = "when:\n  all:\n    - a\n    - b\n\n# trailing\nid: x\n";
        let map = root(text);
        let when = &entries(&map)[0].1;
        assert_eq!(
            &text[when.span.start..when.span.end],
            "all:\n    - a\n    - b"
        );
    }

    #[test]
    fn flow_collections_include_their_brackets() {
        let text = "a: [x, 'y']\n";
        let map = root(text);
        let list = &entries(&map)[0].1;
        assert_eq!(&text[list.span.start..list.span.end], "[x, 'y']");
        assert_eq!(list.shape(), "a list");
    }

    #[test]
    fn block_scalar_span_drops_the_final_line_break() {
        let text = "docs: |\n  one\n  two\n";
        let map = root(text);
        let docs = &entries(&map)[0].1;
        assert_eq!(&text[docs.span.start..docs.span.end], "one\n  two");
        assert_eq!(docs.as_scalar(), Some("one\ntwo\n"));
    }

    #[test]
    fn syntax_errors_point_at_the_character() {
        let text = "a: b\n  c: d\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.code, "rule::yaml-syntax");
        let span = error.primary_span().unwrap();
        assert_eq!(&text[span.start..span.end], ":");
    }

    #[test]
    fn aliases_anchors_and_tags_are_refused() {
        for (text, snippet) in [("a: &x 1\nb: *x\n", "&x 1"), ("a: !!str 1\n", "!!str 1")] {
            let error = parse(text).unwrap_err();
            assert_eq!(error.code, "rule::yaml-unsupported");
            let span = error.primary_span().unwrap();
            assert_eq!(&text[span.start..span.end], snippet);
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_it_can_overflow_the_stack() {
        let text = format!("{}x\n", "- ".repeat(100_000));
        let error = parse(&text).unwrap_err();
        assert_eq!(error.code, "rule::yaml-too-deep");
        assert_eq!(error.primary_span().unwrap().start, 2 * MAX_DEPTH);
        let fits = format!("{}x\n", "- ".repeat(MAX_DEPTH));
        assert!(parse(&fits).is_ok());
    }

    #[test]
    fn a_second_document_is_refused() {
        let text = "a: 1\n---\nb: 2\n";
        let error = parse(text).unwrap_err();
        let span = error.primary_span().unwrap();
        assert_eq!(&text[span.start..span.end], "---");
    }

    #[test]
    fn empty_and_comment_only_files_have_no_document() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# nothing\n").unwrap(), None);
    }
}
