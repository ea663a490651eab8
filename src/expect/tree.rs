//! The tree a file was typed from, for the few messages that point at a
//! key rather than a value ("`password_policy` does not apply to a local
//! account" underlines the key): serde hands a type its values, not the
//! keys they are written after.

use crate::span::Span;
use crate::yaml::{Node, NodeKind};

/// The document's tree.
#[derive(Clone, Copy)]
pub(super) struct Tree<'a> {
    root: Option<&'a Node>,
}

impl<'a> Tree<'a> {
    pub(super) fn new(root: Option<&'a Node>) -> Self {
        Tree { root }
    }

    /// Where `key` is written in the mapping whose span is `mapping`
    /// (an account, a scope…); `fallback` when it cannot be found.
    pub(super) fn key(&self, mapping: Span, key: &str, fallback: Span) -> Span {
        self.root
            .and_then(|root| find(root, mapping))
            .and_then(|node| match &node.kind {
                NodeKind::Map(entries) => entries.iter().find(|e| e.key.text() == Some(key)),
                _ => None,
            })
            .map_or(fallback, |entry| entry.key.span)
    }
}

/// The mapping whose span is `span`, found by descending into the child
/// that holds it: a binary search per level, since children are in
/// written order, so a long list of accounts costs no more than a short
/// one.
fn find(mut node: &Node, span: Span) -> Option<&Node> {
    loop {
        if node.span == span && matches!(node.kind, NodeKind::Map(_)) {
            return Some(node);
        }
        node = match &node.kind {
            NodeKind::Seq(items) => holder(items, span, |item| item)?,
            NodeKind::Map(entries) => holder(entries, span, |entry| &entry.value)?,
            NodeKind::Scalar { .. } => return None,
        };
    }
}

/// The child among `children` whose span holds `span`.
fn holder<T>(children: &[T], span: Span, node: impl Fn(&T) -> &Node) -> Option<&Node> {
    let after = children.partition_point(|child| node(child).span.start <= span.start);
    let child = node(children.get(after.checked_sub(1)?)?);
    (child.span.start <= span.start && span.end <= child.span.end).then_some(child)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Dialect, parse};

    #[test]
    fn keys_are_found_in_nested_mappings() {
        let text = "accounts:\n  - name: a\n  - name: b\n    disabled: true\n";
        let dialect = Dialect {
            max_depth: 64,
            plain_data: false,
            trim_scalar_spans: false,
        };
        let root = parse(text, &dialect).unwrap().unwrap();
        let tree = Tree::new(Some(&root));
        let second = text.find("name: b").unwrap();
        let item = Span::new(second, text.len() - 1);
        let key = tree.key(item, "disabled", Span::default());
        assert_eq!(&text[key.start..key.end], "disabled");
        assert_eq!(tree.key(item, "colour", Span::new(1, 2)), Span::new(1, 2));
    }
}
