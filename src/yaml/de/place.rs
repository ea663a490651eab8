//! Where a node sits, in the words of a message: "`logon`", "an entry of
//! `member_of`", and what to show as an example when it is wrong.

use crate::span::Span;
use crate::yaml::{Node, NodeKind};

/// What holds the node.
#[derive(Clone, Copy, Debug)]
pub(super) enum Subject<'a> {
    /// The document's top level, or a value with no name of its own.
    Whole(&'static str),
    /// The value of the field of this name.
    Field(&'a str),
    /// An item of the list held by the field of this name.
    Entry(&'a str),
}

/// A node's place: its subject, the key it is written after, and the
/// example of the mapping around it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Place<'a> {
    pub(super) subject: Subject<'a>,
    /// Where the key is written, for a field's value.
    pub(super) key: Option<Span>,
    /// An example of the enclosing mapping.
    pub(super) example: &'static str,
}

impl Place<'_> {
    /// The subject in a message.
    pub(super) fn subject(&self) -> String {
        match self.subject {
            Subject::Whole(what) => what.to_owned(),
            Subject::Field(name) => format!("`{name}`"),
            Subject::Entry(name) => format!("an entry of `{name}`"),
        }
    }

    /// The field whose value, or list item, the node is.
    pub(super) fn field(&self) -> Option<&str> {
        match self.subject {
            Subject::Whole(_) => None,
            Subject::Field(name) | Subject::Entry(name) => Some(name),
        }
    }

    /// Where to point at `node`: `key:` with nothing after it has an
    /// empty value span, so the key stands in for it.
    pub(super) fn span(&self, node: &Node) -> Span {
        match self.key {
            Some(key) if node.is_null() => key,
            _ => node.span,
        }
    }
}

/// What the node is, in the words of a message: "a list", "nothing"…
pub(super) fn describe(node: &Node) -> &'static str {
    match &node.kind {
        _ if node.is_null() => "nothing",
        NodeKind::Scalar { .. } => "a single value",
        NodeKind::Seq(_) => "a list",
        NodeKind::Map(_) => "a mapping (`key: value` lines)",
    }
}
