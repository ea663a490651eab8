//! Reading `variants:`, other words for some of the facts a rule reports:
//! the same problem with another cause, which needs another fix.
//!
//! ```yaml
//! variants:
//!   - when:
//!       field: removed_by
//!       is_empty: false
//!     message: "…"
//!     help: "…"
//! ```

use super::load_error::error;
use super::mapping::{Entry, Mapping, wrong_shape};
use super::predicate_load;
use super::rule::Variant;
use super::template::MessageTemplate;
use super::template_load;
use crate::diagnostic::Diagnostic;
use crate::facts::FactKind;
use crate::yaml::{Node, NodeKind};

const KEYS: [&str; 3] = ["when", "message", "help"];

/// Reads the `variants` entry: none when it is absent, `None` after a
/// problem. `text` is the rule file.
pub(super) fn load(
    entry: Option<Entry<'_>>,
    kind: Option<FactKind>,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Vec<Variant>> {
    let Some(entry) = entry.filter(|entry| !entry.value.is_null()) else {
        return Some(Vec::new());
    };
    let NodeKind::Seq(items) = &entry.value.kind else {
        problems.push(wrong_shape(entry.value, "`variants`", "a list of variants"));
        return None;
    };
    // Without the kind, fields cannot be checked; the kind's problem is
    // reported already.
    let kind = kind?;
    let read: Vec<Option<Variant>> = items
        .iter()
        .map(|item| variant(item, kind, text, problems))
        .collect();
    read.into_iter().collect()
}

fn variant(
    node: &Node,
    kind: FactKind,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Variant> {
    let map = Mapping::read(node, "a variant", &KEYS, problems)?;
    let when = map
        .required("when", problems)
        .and_then(|entry| predicate_load::load(entry.value, kind, problems));
    let message = optional(map.get("message"), kind, text, problems);
    let help = optional(map.get("help"), kind, text, problems);
    let (when, message, help) = (when?, message?, help?);
    if message.is_none() && help.is_none() {
        problems.push(
            error(
                "rule::empty-variant",
                "a variant changes neither `message` nor `help`",
                map.anchor(),
            )
            .with_label("a variant without words")
            .with_help("give it a `message`, a `help` or both, or remove it"),
        );
        return None;
    }
    Some(Variant {
        when,
        message,
        help,
    })
}

/// `Some(None)` when the key is absent, `None` after a problem.
fn optional(
    entry: Option<Entry<'_>>,
    kind: FactKind,
    text: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Option<MessageTemplate>> {
    match entry {
        None => Some(None),
        Some(entry) => template_load::load(&entry, kind, text, problems).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_yaml;
    use super::*;

    fn read(text: &str) -> Result<Vec<Variant>, Vec<Diagnostic>> {
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a rule", &["variants"], &mut problems).unwrap();
        let found = load(
            map.get("variants"),
            Some(FactKind::Expectation),
            text,
            &mut problems,
        );
        match found {
            Some(variants) if problems.is_empty() => Ok(variants),
            _ => Err(problems),
        }
    }

    fn codes(text: &str) -> Vec<&'static str> {
        read(text).unwrap_err().iter().map(|p| p.code).collect()
    }

    #[test]
    fn a_variant_has_a_predicate_and_words() {
        let text = "variants:\n  - when: {field: removed_by, is_empty: false}\n    help: \"add {account} to {removed_by}\"\n";
        let variants = read(text).unwrap();
        assert_eq!(variants.len(), 1);
        assert!(variants[0].message.is_none());
        assert_eq!(
            variants[0].help.as_ref().unwrap().source(),
            "add {account} to {removed_by}"
        );
        assert!(read("variants:\n").unwrap().is_empty());
    }

    #[test]
    fn bad_variants_are_refused_with_a_reason() {
        assert_eq!(
            codes("variants:\n  - when: {field: verdict, equals: denied}\n"),
            ["rule::empty-variant"]
        );
        assert_eq!(codes("variants:\n  - message: x\n"), ["rule::missing-key"]);
        assert_eq!(
            codes("variants:\n  - when: {field: verdikt, equals: x}\n    message: x\n"),
            ["rule::unknown-field"]
        );
        assert_eq!(
            codes("variants:\n  - when: {field: verdict, equals: x}\n    message: \"{acount}\"\n"),
            ["rule::unknown-placeholder"]
        );
        assert_eq!(codes("variants: x\n"), ["rule::wrong-type"]);
    }
}
