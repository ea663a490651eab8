//! The diagnostic for a value of the wrong shape (a list where one value
//! belongs, a single value where a mapping belongs…).

use crate::diagnostic::{Diagnostic, Severity};
use crate::yaml::{Node, NodeKind};

/// `subject` (e.g. "`logon`") should be `expected` (e.g. "a list of logon
/// types") but is `found`; `example` shows the right shape.
pub(super) fn wrong_shape(
    subject: &str,
    expected: &str,
    found: &Node,
    example: &str,
) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::wrong-shape",
        format!("{subject} should be {expected}, not {}", describe(found)),
        found.span,
    )
    .with_label(format!("this is {}", describe(found)))
    .with_help(format!("write it like this: {example}"))
}

/// What the node is, in the words of a message: "a list", "nothing"…
fn describe(node: &Node) -> &'static str {
    match &node.kind {
        _ if node.is_null() => "nothing",
        NodeKind::Scalar { .. } => "a single value",
        NodeKind::Seq(_) => "a list",
        NodeKind::Map(_) => "a mapping (`key: value` lines)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn node(kind: NodeKind) -> Node {
        Node {
            kind,
            span: Span::default(),
        }
    }

    fn scalar(text: &str) -> Node {
        node(NodeKind::Scalar {
            text: text.to_owned(),
            plain: true,
        })
    }

    #[test]
    fn descriptions_name_the_shape() {
        assert_eq!(describe(&scalar("x")), "a single value");
        assert_eq!(describe(&scalar("~")), "nothing");
        assert_eq!(describe(&node(NodeKind::Seq(Vec::new()))), "a list");
    }
}
