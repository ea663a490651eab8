//! The built-in rules: each one's own cases, unique ids, and refusal of
//! malformed rule files with a diagnostic into the file.

mod common;

use gplint::check::{check_texts, run_cases};
use gplint::report::{Style, render};
use gplint::rules::RuleSet;

#[test]
fn every_builtin_rule_passes_its_own_cases() {
    let rules = RuleSet::builtin().unwrap_or_else(|e| panic!("built-in rules do not load: {e:?}"));
    assert!(
        rules.rules().len() >= 8,
        "the built-in pack has at least 8 rules"
    );
    let run = run_cases(&rules);
    let failures: Vec<String> = run
        .failures()
        .map(|o| {
            format!(
                "{} {}:{} {}[{}]: {:?}",
                o.rule.id,
                o.rule.origin.file,
                o.line(),
                o.kind.as_str(),
                o.number,
                o.problem
            )
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    for rule in rules.rules() {
        let counts = (rule.tests.invalid.len(), rule.tests.valid.len());
        assert!(counts.0 > 0 && counts.1 > 0, "{}: {counts:?}", rule.id);
    }
    common::say(&format!(
        "rules: {} built-in rules, {} cases passed",
        run.rules,
        run.outcomes.len()
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
