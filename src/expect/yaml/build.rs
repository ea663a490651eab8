//! saphyr-parser's events folded into a [`Node`] tree.
//!
//! The fold uses an explicit stack rather than recursion, so nesting costs
//! heap, not call stack, and it stops at [`MAX_DEPTH`]. Aliases are refused
//! outright: expanding them is how a few lines of YAML ("billion laughs")
//! become gigabytes, and an expectations file has no use for them.

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::offsets::Offsets;
use super::syntax_error::syntax_error;
use super::{Entry, Node, Value};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;

/// Deepest nesting accepted. A real file needs four levels (top mapping,
/// `accounts` list, account mapping, `logon` list); the margin is for
/// users who nest more than they must, not for generated documents.
const MAX_DEPTH: usize = 32;

/// Parses `text` into the tree of its one document; `Ok(None)` when the
/// text holds no document (empty, or only comments).
pub(crate) fn parse(text: &str) -> Result<Option<Node>, Diagnostic> {
    let offsets = Offsets::new(text);
    let mut builder = Builder::default();
    for event in Parser::new_from_str(text) {
        // The parser repeats its error on every later call, so the first
        // one must end the loop.
        let (event, span) = event.map_err(|error| syntax_error(text, &offsets, &error))?;
        if builder.step(event, offsets.span(span))? == Step::Done {
            break;
        }
    }
    Ok(builder.root)
}

#[derive(Debug, PartialEq, Eq)]
enum Step {
    More,
    Done,
}

/// A collection whose end event has not come yet.
enum Frame {
    Seq {
        start: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        entries: Vec<Entry>,
        key: Option<Node>,
    },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    root: Option<Node>,
}

impl Builder {
    fn step(&mut self, event: Event<'_>, span: Span) -> Result<Step, Diagnostic> {
        match event {
            Event::StreamEnd => return Ok(Step::Done),
            Event::DocumentStart(_) if self.root.is_some() => return Err(second_document(span)),
            Event::Alias(_) => return Err(alias(span)),
            Event::Scalar(text, style, _, _) => self.push(scalar(text.into_owned(), style, span)),
            Event::SequenceStart(..) => self.open(
                Frame::Seq {
                    start: span.start,
                    items: Vec::new(),
                },
                span,
            )?,
            Event::MappingStart(..) => self.open(
                Frame::Map {
                    start: span.start,
                    entries: Vec::new(),
                    key: None,
                },
                span,
            )?,
            Event::SequenceEnd | Event::MappingEnd => self.close(span),
            Event::Nothing | Event::StreamStart | Event::DocumentStart(_) | Event::DocumentEnd => {}
        }
        Ok(Step::More)
    }

    fn open(&mut self, frame: Frame, span: Span) -> Result<(), Diagnostic> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(too_deep(span));
        }
        self.stack.push(frame);
        Ok(())
    }

    fn close(&mut self, end: Span) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let (start, value) = match frame {
            Frame::Seq { start, items } => (start, Value::Seq(items)),
            Frame::Map { start, entries, .. } => (start, Value::Map(entries)),
        };
        let span = Span::new(start, collection_end(&value, start, end));
        self.push(Node { value, span });
    }

    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                Some(key) => entries.push(Entry { key, value: node }),
                None => *key = Some(node),
            },
        }
    }
}

/// A flow collection ends at its `]` or `}`; a block collection's end
/// event sits wherever the next token is, often lines later, so it ends
/// with its last child instead.
fn collection_end(value: &Value, start: usize, end: Span) -> usize {
    if !end.is_empty() {
        return end.end;
    }
    let last = match value {
        Value::Seq(items) => items.last(),
        Value::Map(entries) => entries.last().map(|entry| &entry.value),
        Value::Scalar { .. } => None,
    };
    last.map_or(start, |node| node.span.end.max(start))
}

fn scalar(text: String, style: ScalarStyle, span: Span) -> Node {
    Node {
        value: Value::Scalar {
            text,
            plain: style == ScalarStyle::Plain,
        },
        span,
    }
}

fn alias(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::yaml-alias",
        "aliases are not supported in expectations files",
        span,
    )
    .with_label("alias")
    .with_help("write the value out in full; to give a SID, quote it: '*S-1-5-32-544'")
}

fn second_document(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::multiple-documents",
        "an expectations file holds one YAML document, but a second one starts here",
        span,
    )
    .with_label("second document")
    .with_help("merge the documents into one, or put each in its own file")
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::too-deep",
        format!("the YAML is nested more than {MAX_DEPTH} levels deep"),
        span,
    )
    .with_label("too deep")
    .with_help("an expectations file needs four levels: accounts → account → logon → type")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    fn root(text: &str) -> Node {
        parse(text).unwrap().unwrap()
    }

    fn map(node: &Node) -> &[Entry] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    fn seq(node: &Node) -> &[Node] {
        match &node.value {
            Value::Seq(items) => items,
            other => panic!("not a seq: {other:?}"),
        }
    }

    #[test]
    fn empty_and_comment_only_texts_have_no_document() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# nothing\n\n# here\n").unwrap(), None);
    }

    #[test]
    fn scalars_keep_byte_spans_after_multibyte_text() {
        let text = "\u{feff}# é€\r\nname: Jürgen\r\nsid: 'x'\r\n";
        let entries = map(&root(text)).to_vec();
        assert_eq!(at(text, entries[0].key.span), "name");
        assert_eq!(at(text, entries[0].value.span), "Jürgen");
        assert_eq!(entries[0].value.text(), Some("Jürgen"));
        assert_eq!(at(text, entries[1].value.span), "'x'");
    }

    #[test]
    fn block_collections_end_at_their_last_child() {
        let text = "accounts:\n  - name: a\n    logon: [service]\n\n# trailing\n";
        let top = root(text);
        let accounts = &map(&top)[0].value;
        assert_eq!(at(text, accounts.span), "- name: a\n    logon: [service]");
        let item = &seq(accounts)[0];
        assert_eq!(at(text, item.span), "name: a\n    logon: [service]");
        let logon = &map(item)[1].value;
        assert_eq!(at(text, logon.span), "[service]");
    }

    #[test]
    fn null_values_are_plain_empty_scalars() {
        let top = root("a:\nb: ~\n");
        assert!(map(&top).iter().all(|entry| entry.value.is_null()));
    }

    #[test]
    fn aliases_are_refused_before_any_expansion() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for level in 1..10 {
            let prev = level - 1;
            text.push_str(&format!(
                "a{level}: &a{level} [*a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let error = parse(&text).unwrap_err();
        assert_eq!(error.code, "expect::yaml-alias");
        assert_eq!(at(&text, error.primary_span().unwrap()), "*a0");
    }

    #[test]
    fn deep_block_nesting_stops_at_the_limit() {
        let text: String = (0..200).map(|i| format!("{}- \n", " ".repeat(i))).collect();
        assert_eq!(parse(&text).unwrap_err().code, "expect::too-deep");
    }

    #[test]
    fn deep_flow_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(parse(&text).is_err());
    }

    #[test]
    fn a_second_document_is_refused() {
        let text = "a: 1\n---\nb: 2\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.code, "expect::multiple-documents");
        assert_eq!(at(text, error.primary_span().unwrap()), "---");
    }

    #[test]
    fn a_document_start_marker_alone_is_fine() {
        let text = "---\na: 1\n";
        assert_eq!(map(&root(text)).len(), 1);
    }
}
