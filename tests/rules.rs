//! The built-in rules: each one's own cases, unique ids, and refusal of
//! malformed rule files with a diagnostic into the file.

mod common;

use gplint::check::{check_texts, check_texts_on};
use gplint::report::{Style, render};
use gplint::rules::{RuleCase, RuleSet};

fn findings_of(rules: &RuleSet, id: &str, case: &RuleCase) -> usize {
    let expect = case
        .expect
        .as_deref()
        .unwrap_or("accounts:\n  - name: CONTOSO\\nobody\n");
    let expect = match &case.target {
        Some(target) => format!("target: {target}\n{expect}"),
        None => expect.to_owned(),
    };
    let today = case.today.as_deref().map(|t| {
        gplint::model::Date::parse(t).unwrap_or_else(|| panic!("{id}: today `{t}` is not a date"))
    });
    let findings = check_texts_on(&[&case.template], &expect, rules, today)
        .unwrap_or_else(|errors| panic!("{id}: the case's expectations do not load: {errors:?}"));
    findings.iter().filter(|f| f.rule == id).count()
}

#[test]
fn every_builtin_rule_passes_its_own_cases() {
    let rules = RuleSet::builtin().unwrap_or_else(|e| panic!("built-in rules do not load: {e:?}"));
    assert!(
        rules.rules().len() >= 8,
        "the built-in pack has at least 8 rules"
    );
    let mut cases = 0;
    for rule in rules.rules() {
        for (i, case) in rule.tests.invalid.iter().enumerate() {
            let found = findings_of(&rules, &rule.id, case);
            assert!(
                found > 0,
                "{} invalid case {} (rules file {}) produced no finding",
                rule.id,
                i + 1,
                rule.origin.file
            );
            cases += 1;
        }
        for (i, case) in rule.tests.valid.iter().enumerate() {
            let found = findings_of(&rules, &rule.id, case);
            assert_eq!(
                found,
                0,
                "{} valid case {} (rules file {}) produced {found} findings",
                rule.id,
                i + 1,
                rule.origin.file
            );
            cases += 1;
        }
    }
    common::say(&format!(
        "rules: {} built-in rules, {cases} cases passed",
        rules.rules().len()
    ));
}

#[test]
fn builtin_rule_ids_and_names_are_unique() {
    let rules = RuleSet::builtin().unwrap();
    let mut ids: Vec<_> = rules.rules().iter().map(|r| r.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), rules.rules().len());
    let mut names: Vec<_> = rules.rules().iter().map(|r| r.name.clone()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), rules.rules().len());
}

const BAD_PREDICATE: &str = "id: GPL901
name: bad-predicate
severity: error
applies_to: expectation
when:
  field: verdikt
  equals: denied
summary: A rule with a misspelt field
message: \"{account} is denied\"
docs: A test rule.
tests:
  invalid:
    - template: \"[Privilege Rights]\"
  valid:
    - template: \"[Privilege Rights]\"
";

#[test]
fn a_rule_with_a_bad_predicate_is_refused_with_a_diagnostic_into_its_file() {
    let sources = vec![("team-rules/bad.yaml".to_owned(), BAD_PREDICATE.to_owned())];
    let Err(errors) = RuleSet::from_sources(&sources, false) else {
        panic!("a rule with a misspelt field was accepted");
    };
    let error = &errors[0];
    let span = error.diagnostic.primary_span().unwrap();
    assert_eq!(&BAD_PREDICATE[span.start..span.end], "verdikt");
    let rendered = render(
        &error.diagnostic,
        &error.file,
        &error.text,
        Style {
            color: false,
            width: 80,
        },
    );
    assert!(rendered.contains("team-rules/bad.yaml:6:10"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn a_finding_that_rests_on_a_default_says_so_and_is_less_severe() {
    let rules = RuleSet::builtin().unwrap();
    let template = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0\n";
    let expect = "accounts:\n  - name: CONTOSO\\alice\n    logon: [remote-interactive]\n";
    let findings = check_texts(&[template], expect, &rules).unwrap();
    let finding = findings
        .iter()
        .find(|f| f.rule == "GPL101")
        .expect("GPL101 fires");
    assert!(finding.from_default);
    assert_eq!(finding.severity, gplint::diagnostic::Severity::Warning);
    assert!(
        finding
            .note
            .as_deref()
            .unwrap_or_default()
            .contains("no template defines SeRemoteInteractiveLogonRight")
    );
    // Without a template line to point at, the finding points at the expectation.
    let primary = finding.primary.as_ref().unwrap();
    assert_eq!(primary.file, gplint::finding::FileRef::Expectations);
}
