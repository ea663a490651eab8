//! The tree a YAML text is read into.

use crate::span::Span;

/// One YAML value with where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Node {
    /// What the value is.
    pub(crate) kind: NodeKind,
    /// Where it is written: quotes included for a quoted scalar; for a
    /// flow collection up to its bracket, for a block collection up to the
    /// end of its last value.
    pub(crate) span: Span,
}

/// The three shapes of YAML data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NodeKind {
    /// Any scalar, untyped: callers decide what `123` or `true` means.
    Scalar {
        /// The value after YAML unquoting and folding.
        text: String,
        /// Written without quotes or block indicator, since only then do
        /// `~` and `true` mean null and a bool.
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in written order, duplicate keys kept for the caller to
    /// refuse with both places in hand.
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The key node.
    pub(crate) key: Node,
    /// The value node.
    pub(crate) value: Node,
}

impl Node {
    /// True for `key:` with nothing after it, `~` and `null`: YAML's null.
    pub(crate) fn is_null(&self) -> bool {
        match &self.kind {
            NodeKind::Scalar { text, plain: true } => {
                matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL")
            }
            _ => false,
        }
    }

    /// The scalar's text, null included (`~` is `"~"`, nothing is `""`).
    pub(crate) fn as_scalar(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The scalar's text, unless the node is null or a collection.
    pub(crate) fn text(&self) -> Option<&str> {
        self.as_scalar().filter(|_| !self.is_null())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(text: &str, plain: bool) -> Node {
        Node {
            kind: NodeKind::Scalar {
                text: text.to_owned(),
                plain,
            },
            span: Span::default(),
        }
    }

    #[test]
    fn only_plain_null_spellings_are_null() {
        for text in ["", "~", "null", "NULL"] {
            assert!(scalar(text, true).is_null(), "{text:?}");
            assert_eq!(scalar(text, true).text(), None);
            assert_eq!(scalar(text, true).as_scalar(), Some(text));
        }
        assert!(!scalar("", false).is_null());
        assert_eq!(scalar("", false).text(), Some(""));
        assert!(!scalar("nil", true).is_null());
    }

    #[test]
    fn collections_have_no_text() {
        let list = Node {
            kind: NodeKind::Seq(Vec::new()),
            span: Span::default(),
        };
        assert!(!list.is_null());
        assert_eq!(list.text(), None);
        assert_eq!(list.as_scalar(), None);
    }
}
