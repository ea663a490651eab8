//! A small YAML tree with a byte span on every node.
//!
//! serde_yaml says where a syntax error is but not where each value is,
//! and every message about an expectations file should point at the exact
//! key or value. So the text is parsed once into this tree, which the
//! loader then checks and types by hand.

mod build;
mod offsets;
mod syntax_error;

pub(crate) use build::parse;

use crate::span::Span;

/// One node of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Node {
    /// What the node holds.
    pub(crate) value: Value,
    /// Where it is written; quotes included for quoted scalars.
    pub(crate) span: Span,
}

/// The three shapes of YAML data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    /// Any scalar; YAML's typing of `123` or `true` does not matter here,
    /// every field is read as text.
    Scalar {
        /// The value after YAML unquoting and folding.
        text: String,
        /// Written without quotes or block indicator, so `~`, `null` and
        /// nothing at all mean "no value".
        plain: bool,
    },
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in written order, duplicate keys kept for the checks.
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
        match &self.value {
            Value::Scalar { text, plain: true } => {
                matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL")
            }
            _ => false,
        }
    }

    /// The scalar's text, unless the node is null or a collection.
    pub(crate) fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    /// What the node is, in the words of a message: "a list", "nothing"…
    pub(crate) fn describe(&self) -> &'static str {
        match &self.value {
            _ if self.is_null() => "nothing",
            Value::Scalar { .. } => "a single value",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping (`key: value` lines)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(text: &str, plain: bool) -> Node {
        Node {
            value: Value::Scalar {
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
        }
        assert!(!scalar("", false).is_null());
        assert_eq!(scalar("", false).text(), Some(""));
        assert!(!scalar("nil", true).is_null());
    }

    #[test]
    fn descriptions_name_the_shape() {
        assert_eq!(scalar("x", true).describe(), "a single value");
        assert_eq!(scalar("~", true).describe(), "nothing");
        let list = Node {
            value: Value::Seq(Vec::new()),
            span: Span::default(),
        };
        assert_eq!(list.describe(), "a list");
        assert_eq!(list.text(), None);
    }
}
