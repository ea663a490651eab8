//! Whole rule files: one that loads, and one broken way per error code.

use super::super::predicate::tests::expectation;
use super::super::test_rule::BASE;
use super::*;
use crate::diagnostic::Severity;
use crate::facts::FactKind;

const FILE: &str = "rules/GPL101-needed-logon-type-not-granted.yaml";

/// Every problem in `text` as (code, the text its span covers).
fn problems(text: &str, builtin: bool) -> Vec<(&'static str, String)> {
    let found = load(FILE, text, builtin).unwrap_err();
    found
        .iter()
        .map(|problem| {
            let span = problem.primary_span().unwrap();
            (problem.code.as_str(), text[span.start..span.end].to_owned())
        })
        .collect()
}

/// The problems of [`BASE`] with `from` replaced by `to`.
fn broken(from: &str, to: &str) -> Vec<(&'static str, String)> {
    assert!(BASE.contains(from), "{from}");
    problems(&BASE.replacen(from, to, 1), false)
}

fn one(code: &'static str, snippet: &str) -> Vec<(&'static str, String)> {
    vec![(code, snippet.to_owned())]
}

#[test]
fn the_base_rule_loads_whole() {
    let rule = load(FILE, BASE, true).unwrap();
    assert_eq!(rule.id, "GPL101");
    assert_eq!(rule.severity, Severity::Error);
    assert_eq!(rule.applies_to, FactKind::Expectation);
    assert_eq!(rule.summary, "A needed logon type is not granted");
    assert!(rule.docs.starts_with("Reports an account"));
    assert_eq!(rule.tests.invalid.len(), 1);
    assert_eq!(rule.tests.valid.len(), 1);
    assert_eq!(rule.origin.file, FILE);
    assert!(rule.origin.builtin);
    assert_eq!(
        &BASE[rule.origin.id_span.start..rule.origin.id_span.end],
        "GPL101"
    );
    let fact = expectation();
    assert!(rule.matches(&fact));
    assert_eq!(
        rule.help.unwrap().render(&fact),
        "add the account, or a group it belongs to, to SeServiceLogonRight"
    );
    assert_eq!(rule.symptom.unwrap().source(), "{symptom}");
}

#[test]
fn yaml_errors() {
    assert_eq!(
        broken("severity: error", "severity: [error")[0].0,
        "yaml::syntax"
    );
    assert_eq!(
        broken("severity: error", "severity: &e error"),
        one("yaml::unsupported", "&e error")
    );
}

#[test]
fn files_with_no_rule() {
    assert_eq!(
        problems("# nothing\n", false),
        one("yaml::wrong-shape", "# nothing\n")
    );
    assert_eq!(
        problems("- id: GPL101\n", false),
        one("yaml::wrong-shape", "- id: GPL101")
    );
}

#[test]
fn unknown_key_suggests_and_the_missing_key_is_named() {
    let found = broken("summary:", "sumary:");
    assert_eq!(
        found,
        [
            ("yaml::unknown-field", "sumary".to_owned()),
            ("yaml::missing-field", "id".to_owned()),
        ]
    );
    let text = BASE.replacen("summary:", "sumary:", 1);
    let first = &load(FILE, &text, false).unwrap_err()[0];
    assert!(
        (first.help.as_deref().unwrap())
            .starts_with("did you mean `summary`? The fields of a rule are: id, name,"),
        "{:?}",
        first.help
    );
}

#[test]
fn each_required_key_is_required() {
    for key in [
        "id",
        "name",
        "severity",
        "applies_to",
        "when",
        "summary",
        "message",
        "docs",
    ] {
        let text = BASE.replacen(&format!("\n{key}:"), "\nhelp:", 1);
        let text = if key == "id" {
            text.replacen("id:", "x_removed:", 1)
        } else {
            text
        };
        let found = problems(&text, false);
        let missing = format!("a rule needs `{key}`");
        let messages: Vec<String> = load(FILE, &text, false)
            .unwrap_err()
            .iter()
            .map(|problem| problem.message.clone())
            .collect();
        assert!(messages.contains(&missing), "{key}: {messages:?} {found:?}");
    }
}

#[test]
fn header_values_are_checked() {
    assert_eq!(broken("GPL101", "GPL1"), one("rule::bad-id", "GPL1"));
    assert_eq!(
        broken("needed-logon-type-not-granted", "Needed_Logon"),
        one("rule::bad-name", "Needed_Logon")
    );
    assert_eq!(
        broken("severity: error", "severity: fatal"),
        one("yaml::unknown-value", "fatal")
    );
    assert_eq!(
        broken(
            "summary: A needed",
            "summary: |\n  two\n  lines\n  A needed"
        ),
        one(
            "rule::bad-summary",
            "two\n  lines\n  A needed logon type is not granted"
        )
    );
    assert_eq!(
        broken("docs: |", "docs: ''\nx: |")[0].0,
        "yaml::unknown-field"
    );
}

#[test]
fn an_unknown_kind_skips_the_checks_that_depend_on_it() {
    // With no kind, fields and placeholders cannot be judged: one problem.
    assert_eq!(
        broken("applies_to: expectation", "applies_to: expectations"),
        one("yaml::unknown-value", "expectations")
    );
}

#[test]
fn predicate_errors_point_into_when() {
    assert_eq!(
        broken("field: verdict", "field: verdikt"),
        one("rule::unknown-field", "verdikt")
    );
    assert_eq!(
        broken("equals: must", "at_least: 1"),
        one("rule::matcher-type", "at_least")
    );
    assert_eq!(
        broken("equals: must", "equal: must"),
        [
            ("yaml::unknown-field", "equal".to_owned()),
            ("rule::bad-predicate", "field".to_owned()),
        ]
    );
}

#[test]
fn template_errors_point_at_the_placeholder() {
    assert_eq!(
        broken("{logon_description}", "{logon_desc}"),
        one("rule::unknown-placeholder", "{logon_desc}")
    );
    assert_eq!(
        broken("to {right}\"", "to {rigth}\""),
        one("rule::unknown-placeholder", "{rigth}")
    );
    assert_eq!(
        broken("\"{symptom}\"", "\"{symptom\""),
        one("rule::bad-template", "{")
    );
}

#[test]
fn rules_need_both_kinds_of_case() {
    let found = broken("  invalid:", "  invalid: []\n  x_invalid:");
    assert!(
        found.contains(&("rule::missing-tests", "[]".to_owned())),
        "{found:?}"
    );
    let without_tests = &BASE[..BASE.find("tests:").unwrap()];
    assert_eq!(
        problems(without_tests, false),
        one("rule::missing-tests", "id")
    );
}

#[test]
fn every_problem_in_a_file_is_reported() {
    let text = BASE
        .replacen("GPL101", "GPL1", 1)
        .replacen("severity: error", "severity: fatal", 1)
        .replacen("field: verdict", "field: verdikt", 1);
    let codes: Vec<&str> = problems(&text, false)
        .iter()
        .map(|(code, _)| *code)
        .collect();
    assert_eq!(
        codes,
        // What the reader finds comes first, then what the check does.
        ["yaml::unknown-value", "rule::bad-id", "rule::unknown-field"]
    );
}

#[test]
fn spans_are_bytes_after_multibyte_text() {
    let text = BASE
        .replacen("summary: A needed", "summary: Überprüfung → A needed", 1)
        .replacen("{right}\"", "{rigth}\"", 1);
    assert_eq!(
        problems(&text, false),
        one("rule::unknown-placeholder", "{rigth}")
    );
}

#[test]
fn builtin_files_are_named_after_their_rule() {
    assert!(load(FILE, BASE, false).is_ok());
    let found = load("rules/GPL101.yaml", BASE, true).unwrap_err();
    assert_eq!(found[0].code, "rule::file-name");
    assert_eq!(
        found[0].help.as_deref(),
        Some("rename the file to `GPL101-needed-logon-type-not-granted.yaml`")
    );
    assert!(
        load(
            "C:\\pack\\rules\\GPL101-needed-logon-type-not-granted.yaml",
            BASE,
            true
        )
        .is_ok()
    );
}
