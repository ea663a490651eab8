//! Reading `tests:`, the cases that prove a rule fires when it should
//! and stays quiet when it should. Every rule needs at least one of each:
//! a rule with no failing case may never fire, one with no passing case may
//! fire on everything.

use super::load_error::error;
use super::mapping::{Entry, Mapping, wrong_shape};
use super::rule::{RuleCase, RuleTests};
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::yaml::{Node, NodeKind};

const KINDS: [&str; 2] = ["invalid", "valid"];
const CASE_KEYS: [&str; 5] = ["template", "expect", "target", "today", "expect_message"];

/// Reads the `tests` entry; `anchor` is where to point when it is missing.
pub(super) fn load(
    tests: Option<Entry<'_>>,
    anchor: Span,
    problems: &mut Vec<Diagnostic>,
) -> Option<RuleTests> {
    let Some(tests) = tests.filter(|entry| !entry.value.is_null()) else {
        problems.push(missing(
            "a rule needs test cases",
            "a rule without `tests`",
            anchor,
        ));
        return None;
    };
    let map = Mapping::read(tests.value, "`tests`", &KINDS, problems)?;
    let invalid = cases(map.get("invalid"), "invalid", tests.key.span, problems);
    let valid = cases(map.get("valid"), "valid", tests.key.span, problems);
    Some(RuleTests {
        valid: valid?,
        invalid: invalid?,
    })
}

fn cases(
    entry: Option<Entry<'_>>,
    which: &str,
    anchor: Span,
    problems: &mut Vec<Diagnostic>,
) -> Option<Vec<RuleCase>> {
    let message = format!("a rule needs at least one `{which}` case");
    let Some(entry) = entry.filter(|entry| !entry.value.is_null()) else {
        problems.push(missing(
            &message,
            &format!("no `{which}` cases here"),
            anchor,
        ));
        return None;
    };
    let NodeKind::Seq(items) = &entry.value.kind else {
        let what = format!("`{which}`");
        problems.push(wrong_shape(entry.value, &what, "a list of cases"));
        return None;
    };
    if items.is_empty() {
        problems.push(missing(&message, "no cases", entry.value.span));
        return None;
    }
    let read: Vec<Option<RuleCase>> = items
        .iter()
        .map(|item| case(item, which, problems))
        .collect();
    read.into_iter().collect()
}

fn case(node: &Node, which: &str, problems: &mut Vec<Diagnostic>) -> Option<RuleCase> {
    let map = Mapping::read(node, "a test case", &CASE_KEYS, problems)?;
    let template = map.required("template", problems).and_then(|entry| {
        // `template:` with nothing after it is an empty template, a
        // legitimate case.
        if entry.value.is_null() {
            Some("")
        } else {
            entry.text(problems)
        }
    });
    let expect = optional_text(map.get("expect"), problems);
    let target = optional_word(map.get("target"), problems);
    let today = optional_word(map.get("today"), problems);
    let expect_message = expect_message(map.get("expect_message"), which, problems);
    Some(RuleCase {
        template: template?.to_owned(),
        expect: expect?,
        target: target?,
        today: today?,
        expect_message: expect_message?,
        span: node.span,
    })
}

/// `expect_message`: the exact message an `invalid` case must report.
/// A `valid` case reports nothing, so there it is refused.
fn expect_message(
    entry: Option<Entry<'_>>,
    which: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Option<String>> {
    let Some(entry) = entry else {
        return Some(None);
    };
    if which != "invalid" {
        problems.push(
            error(
                "rule::unknown-key",
                format!("a `{which}` case has no key `expect_message`"),
                entry.key.span,
            )
            .with_label("only for `invalid` cases")
            .with_help("`expect_message` is the message an `invalid` case reports; move it to one, or remove it"),
        );
        return None;
    }
    entry.filled_text(problems).map(|t| Some(t.to_owned()))
}

/// A one-word entry such as `target` or `today`: `Some(None)` when absent.
fn optional_word(
    entry: Option<Entry<'_>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Option<String>> {
    match entry {
        Some(entry) => entry
            .filled_text(problems)
            .map(|t| Some(t.trim().to_owned())),
        None => Some(None),
    }
}

/// `Some(None)` when absent or null, `None` after a problem.
fn optional_text(
    entry: Option<Entry<'_>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Option<String>> {
    match entry {
        Some(entry) if !entry.value.is_null() => match entry.value.kind {
            NodeKind::Scalar { .. } => entry.text(problems).map(|text| Some(text.to_owned())),
            _ => {
                problems.push(
                    wrong_shape(entry.value, "`expect`", "text")
                        .with_help("write it as a block: `expect: |` and the YAML indented below"),
                );
                None
            }
        },
        _ => Some(None),
    }
}

fn missing(message: &str, label: &str, span: Span) -> Diagnostic {
    error("rule::missing-tests", message, span)
        .with_label(label)
        .with_help("add a case under `tests.invalid` that the rule reports and one under `tests.valid` that it does not")
}

#[cfg(test)]
mod tests {
    use super::super::read_yaml;
    use super::*;

    fn read(text: &str) -> Result<RuleTests, Vec<(&'static str, String)>> {
        let node = read_yaml::parse(text).unwrap().unwrap();
        let mut problems = Vec::new();
        let map = Mapping::read(&node, "a rule", &["id", "tests"], &mut problems).unwrap();
        let found = load(map.get("tests"), map.anchor(), &mut problems);
        found.filter(|_| problems.is_empty()).ok_or_else(|| {
            problems
                .iter()
                .map(|problem| {
                    let span = problem.primary_span().unwrap();
                    (problem.code, text[span.start..span.end].to_owned())
                })
                .collect()
        })
    }

    #[test]
    fn cases_keep_template_expect_target_and_span() {
        let text = "tests:\n  invalid:\n    - template: |\n        [Privilege Rights]\n      expect: |\n        accounts: []\n      target: server-2022\n  valid:\n    - template:\n";
        let tests = read(text).unwrap();
        let case = &tests.invalid[0];
        assert_eq!(case.template, "[Privilege Rights]\n");
        assert_eq!(case.expect.as_deref(), Some("accounts: []\n"));
        assert_eq!(case.target.as_deref(), Some("server-2022"));
        assert!(text[case.span.start..case.span.end].starts_with("template: |"));
        assert_eq!(tests.valid[0].template, "");
        assert_eq!(tests.valid[0].expect, None);
    }

    #[test]
    fn a_rule_without_cases_is_refused() {
        let missing = |snippet: &str| ("rule::missing-tests", snippet.to_owned());
        assert_eq!(read("id: x\n").unwrap_err(), [missing("id")]);
        assert_eq!(
            read("tests:\n  valid:\n    - template: x\n").unwrap_err(),
            [missing("tests")]
        );
        assert_eq!(
            read("tests:\n  invalid: []\n  valid:\n").unwrap_err(),
            [missing("[]"), missing("tests")]
        );
    }

    #[test]
    fn case_shapes_are_checked() {
        let found = read("tests:\n  invalid:\n    - templat: x\n  valid: x\n").unwrap_err();
        assert_eq!(
            found,
            [
                ("rule::unknown-key", "templat".to_owned()),
                ("rule::missing-key", "templat".to_owned()),
                ("rule::wrong-type", "x".to_owned()),
            ]
        );
        let found = read(
            "tests:\n  invalid:\n    - {template: x, expect: {a: 1}}\n  valid: [{template: y}]\n",
        )
        .unwrap_err();
        assert_eq!(found, [("rule::wrong-type", "{a: 1}".to_owned())]);
    }

    #[test]
    fn expect_message_is_read_for_invalid_cases_and_refused_for_valid_ones() {
        let tests = read(
            "tests:\n  invalid:\n    - template: x\n      expect_message: \"a b\"\n  valid:\n    - template: y\n",
        )
        .unwrap();
        assert_eq!(tests.invalid[0].expect_message.as_deref(), Some("a b"));
        assert_eq!(tests.valid[0].expect_message, None);
        let found = read(
            "tests:\n  invalid:\n    - template: x\n  valid:\n    - template: y\n      expect_message: z\n",
        )
        .unwrap_err();
        assert_eq!(found, [("rule::unknown-key", "expect_message".to_owned())]);
    }
}
