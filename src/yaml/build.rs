//! Nodes assembled into a tree as the parser reports them.
//!
//! An explicit stack stands in for recursion, so nesting costs heap, not
//! call stack; [`Builder::depth`] lets the reader stop it at a limit.

use super::node::{Entry, Node, NodeKind};
use crate::span::Span;

/// A collection whose end event has not come yet.
pub(super) enum Open {
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

impl Open {
    /// An empty sequence starting at `start`.
    pub(super) fn seq(start: usize) -> Self {
        Open::Seq {
            start,
            items: Vec::new(),
        }
    }

    /// An empty mapping starting at `start`.
    pub(super) fn map(start: usize) -> Self {
        Open::Map {
            start,
            entries: Vec::new(),
            key: None,
        }
    }
}

/// The tree so far: the open collections, and the root once it is whole.
#[derive(Default)]
pub(super) struct Builder {
    stack: Vec<Open>,
    root: Option<Node>,
}

impl Builder {
    /// How many collections are open.
    pub(super) fn depth(&self) -> usize {
        self.stack.len()
    }

    /// Starts a collection; what follows goes into it until [`Self::close`].
    pub(super) fn open(&mut self, open: Open) {
        self.stack.push(open);
    }

    /// Ends the innermost collection at the parser's `end` span.
    pub(super) fn close(&mut self, end: Span) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        let (start, kind) = match open {
            Open::Seq { start, items } => (start, NodeKind::Seq(items)),
            Open::Map { start, entries, .. } => (start, NodeKind::Map(entries)),
        };
        let span = Span::new(start, collection_end(&kind, start, end));
        self.push(Node { kind, span });
    }

    /// Adds a finished node to the innermost collection, or makes it the
    /// root; in a mapping, nodes alternate between key and value.
    pub(super) fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, key, .. }) => match key.take() {
                Some(key) => entries.push(Entry { key, value: node }),
                None => *key = Some(node),
            },
        }
    }

    /// The root node; `None` when no document held one.
    pub(super) fn into_root(self) -> Option<Node> {
        self.root
    }
}

/// A flow collection ends at its `]` or `}`; a block collection's end
/// event sits wherever the next token is, often after blank lines and
/// comments, so it ends with its last child instead.
fn collection_end(kind: &NodeKind, start: usize, end: Span) -> usize {
    if !end.is_empty() {
        return end.end;
    }
    let last = match kind {
        NodeKind::Seq(items) => items.last(),
        NodeKind::Map(entries) => entries.last().map(|entry| &entry.value),
        NodeKind::Scalar { .. } => None,
    };
    last.map_or(start, |node| node.span.end.max(start))
}
