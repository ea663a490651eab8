//! Reading a YAML mapping that has a fixed set of keys.
//!
//! Unknown and repeated keys are refused here, once for every mapping in a
//! rule file, so a typo like `sumary:` never silently drops a value.

use super::load_error::error;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::yaml::{self, Node, NodeKind};

/// One known key and its value.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry<'n> {
    /// The key's name.
    pub name: &'n str,
    /// The key as written.
    pub key: &'n Node,
    /// Its value.
    pub value: &'n Node,
}

/// The known keys of one mapping, in written order.
#[derive(Debug)]
pub(super) struct Mapping<'n> {
    entries: Vec<Entry<'n>>,
    /// Where a missing key is reported: the first key, else the mapping.
    anchor: Span,
    what: &'n str,
}

impl<'n> Mapping<'n> {
    /// Reads `node` as a mapping with keys among `keys`; `what` names it in
    /// messages ("a rule", "a predicate"). Problems go to `problems`, and
    /// the keys that caused them are left out.
    pub(super) fn read(
        node: &'n Node,
        what: &'n str,
        keys: &[&'static str],
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Self> {
        let NodeKind::Map(pairs) = &node.kind else {
            problems.push(wrong_shape(node, what, "a mapping"));
            return None;
        };
        let mut entries: Vec<Entry<'n>> = Vec::new();
        for yaml::Entry { key, value } in pairs {
            let Some(name) = key.as_scalar() else {
                problems.push(wrong_shape(key, "a key", "a name"));
                continue;
            };
            if let Some(first) = entries.iter().find(|entry| entry.name == name) {
                problems.push(repeated(name, key.span, first.key.span));
            } else if !keys.contains(&name) {
                problems.push(unknown(name, key.span, what, keys));
            } else {
                entries.push(Entry { name, key, value });
            }
        }
        let anchor = pairs
            .first()
            .map_or(Span::new(node.span.start, node.span.start), |pair| {
                pair.key.span
            });
        Some(Mapping {
            entries,
            anchor,
            what,
        })
    }

    /// The entry for `name`, if written.
    pub(super) fn get(&self, name: &str) -> Option<Entry<'n>> {
        self.entries
            .iter()
            .find(|entry| entry.name == name)
            .copied()
    }

    /// The entry for `name`; a problem when it is not written.
    pub(super) fn required(&self, name: &str, problems: &mut Vec<Diagnostic>) -> Option<Entry<'n>> {
        let found = self.get(name);
        if found.is_none() {
            problems.push(
                error(
                    "rule::missing-key",
                    format!("{} needs `{name}`", self.what),
                    self.anchor,
                )
                .with_label(format!("{} without `{name}`", self.what)),
            );
        }
        found
    }

    /// The known keys, in written order.
    pub(super) fn entries(&self) -> &[Entry<'n>] {
        &self.entries
    }

    /// Where to point when something is missing from this mapping.
    pub(super) fn anchor(&self) -> Span {
        self.anchor
    }
}

impl<'n> Entry<'n> {
    /// The value as text; a problem when it is a list or mapping.
    pub(super) fn text(&self, problems: &mut Vec<Diagnostic>) -> Option<&'n str> {
        let text = self.value.as_scalar();
        if text.is_none() {
            problems.push(wrong_shape(self.value, &format!("`{}`", self.name), "text"));
        }
        text
    }

    /// The value as text with something in it; `~` and `null` count as
    /// empty, as YAML reads them as nothing.
    pub(super) fn filled_text(&self, problems: &mut Vec<Diagnostic>) -> Option<&'n str> {
        let text = self.text(problems)?;
        if self.value.is_null() || text.trim().is_empty() {
            problems.push(
                error(
                    "rule::empty-value",
                    format!("`{}` is empty", self.name),
                    self.key.span,
                )
                .with_label("no value")
                .with_help(format!("write the {} here, or remove the key", self.name)),
            );
            return None;
        }
        Some(text)
    }
}

/// What a node is, for messages: "text", "a list" or "a mapping".
pub(super) fn shape(node: &Node) -> &'static str {
    match node.kind {
        NodeKind::Scalar { .. } => "text",
        NodeKind::Seq(_) => "a list",
        NodeKind::Map(_) => "a mapping",
    }
}

/// A value of the wrong shape: `expected` is "a mapping", "text", …
pub(super) fn wrong_shape(node: &Node, what: &str, expected: &str) -> Diagnostic {
    error(
        "rule::wrong-type",
        format!("{what} should be {expected}, not {}", shape(node)),
        node.span,
    )
    .with_label(format!("expected {expected}"))
}

fn repeated(name: &str, span: Span, first: Span) -> Diagnostic {
    error(
        "rule::duplicate-key",
        format!("`{name}` is written twice"),
        span,
    )
    .with_label("second time")
    .with_secondary(first, "first time")
    .with_help("keep one of them")
}

fn unknown(name: &str, span: Span, what: &str, keys: &[&'static str]) -> Diagnostic {
    let found = error(
        "rule::unknown-key",
        format!("{what} has no key `{name}`"),
        span,
    )
    .with_label("unknown key");
    match did_you_mean(name, keys.iter().copied()) {
        Some(close) => found.with_help(format!("did you mean `{close}`?")),
        None => found.with_help(format!("{what} takes: {}", keys.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_yaml;
    use super::*;

    fn snippet(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    #[test]
    fn known_keys_are_read_in_order() {
        let text = "b: 2\na: 1\n";
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a test", &["a", "b"], &mut problems).unwrap();
        assert!(problems.is_empty());
        let names: Vec<&str> = map.entries().iter().map(|e| e.name).collect();
        assert_eq!(names, ["b", "a"]);
        assert_eq!(map.get("a").unwrap().value.as_scalar(), Some("1"));
        assert_eq!(snippet(text, map.anchor()), "b");
    }

    #[test]
    fn unknown_key_suggests_the_close_one() {
        let text = "sumary: x\n";
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a rule", &["summary"], &mut problems).unwrap();
        assert!(map.get("summary").is_none());
        assert_eq!(problems[0].code, "rule::unknown-key");
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `summary`?"));
        assert_eq!(snippet(text, problems[0].primary_span().unwrap()), "sumary");
    }

    #[test]
    fn repeated_key_points_at_the_second() {
        let text = "a: 1\na: 2\n";
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a rule", &["a"], &mut problems).unwrap();
        assert_eq!(map.get("a").unwrap().value.as_scalar(), Some("1"));
        assert_eq!(problems[0].code, "rule::duplicate-key");
        assert_eq!(problems[0].primary_span().unwrap().start, 5);
        assert_eq!(problems[0].labels[1].span.start, 0);
    }

    #[test]
    fn missing_key_points_at_the_first_key() {
        let text = "a: 1\n";
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a rule", &["a", "b"], &mut problems).unwrap();
        assert!(map.required("b", &mut problems).is_none());
        assert_eq!(problems[0].code, "rule::missing-key");
        assert_eq!(problems[0].message, "a rule needs `b`");
        assert_eq!(snippet(text, problems[0].primary_span().unwrap()), "a");
    }

    #[test]
    fn a_list_is_not_a_mapping() {
        let text = "- a\n";
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        assert!(Mapping::read(&node, "a rule", &["a"], &mut problems).is_none());
        assert_eq!(problems[0].code, "rule::wrong-type");
        assert_eq!(
            problems[0].message,
            "a rule should be a mapping, not a list"
        );
    }

    #[test]
    fn null_text_is_empty() {
        let text = "a: ~\nb: '~'\n";
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a rule", &["a", "b"], &mut problems).unwrap();
        assert_eq!(map.get("a").unwrap().filled_text(&mut problems), None);
        assert_eq!(map.get("b").unwrap().filled_text(&mut problems), Some("~"));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "rule::empty-value");
    }
}
