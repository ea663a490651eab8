//! saphyr-parser's events read into a [`Node`] tree, with the refusals
//! every caller needs and those its [`Dialect`] adds.

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::build::{Builder, Open};
use super::dialect::Dialect;
use super::error::{Construct, SyntaxError, YamlError};
use super::node::{Node, NodeKind};
use super::offsets::Offsets;
use crate::span::Span;

/// Parses `text` into the tree of its one document; `Ok(None)` when the
/// text holds no document (empty, or only comments).
pub(crate) fn parse(text: &str, dialect: &Dialect) -> Result<Option<Node>, YamlError> {
    let offsets = Offsets::new(text);
    let mut reader = Reader {
        text,
        dialect,
        tree: Builder::default(),
        documents: 0,
    };
    for event in Parser::new_from_str(text) {
        // The parser repeats its error on every later call, so the first
        // one must end the loop.
        let (event, span) =
            event.map_err(|error| YamlError::Syntax(SyntaxError::new(&error, &offsets)))?;
        reader.step(event, offsets.span(span))?;
    }
    Ok(reader.tree.into_root())
}

/// The tree being read, with what it takes to judge each event.
struct Reader<'t> {
    text: &'t str,
    dialect: &'t Dialect,
    tree: Builder,
    documents: usize,
}

impl Reader<'_> {
    fn step(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        if let Some(construct) = self.refused(&event) {
            return Err(YamlError::Unsupported { construct, span });
        }
        match event {
            Event::DocumentStart(_) => self.document(span)?,
            Event::Scalar(text, style, ..) => self.tree.push(Node {
                kind: NodeKind::Scalar {
                    text: text.into_owned(),
                    plain: style == ScalarStyle::Plain,
                },
                span: self.scalar_span(span),
            }),
            Event::SequenceStart(..) => self.open(Open::seq(span.start), span)?,
            Event::MappingStart(..) => self.open(Open::map(span.start), span)?,
            Event::SequenceEnd | Event::MappingEnd => self.tree.close(span),
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
            // Refused above.
            Event::Alias(_) => {}
        }
        Ok(())
    }

    /// What in `event` the dialect refuses; an anchor before a tag when a
    /// node has both.
    fn refused(&self, event: &Event<'_>) -> Option<Construct> {
        let (anchor, tag) = match event {
            Event::Alias(_) => return Some(Construct::Alias),
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag) => (*anchor, tag),
            _ => return None,
        };
        if !self.dialect.plain_data {
            None
        } else if anchor != 0 {
            Some(Construct::Anchor)
        } else {
            tag.as_ref().map(|_| Construct::Tag)
        }
    }

    fn document(&mut self, span: Span) -> Result<(), YamlError> {
        self.documents += 1;
        if self.documents > 1 {
            return Err(YamlError::SecondDocument(span));
        }
        Ok(())
    }

    fn open(&mut self, open: Open, span: Span) -> Result<(), YamlError> {
        if self.tree.depth() >= self.dialect.max_depth {
            return Err(YamlError::TooDeep(span));
        }
        self.tree.open(open);
        Ok(())
    }

    fn scalar_span(&self, span: Span) -> Span {
        if !self.dialect.trim_scalar_spans {
            return span;
        }
        let written = self.text.get(span.start..span.end).unwrap_or_default();
        Span::new(span.start, span.start + written.trim_end().len())
    }
}
