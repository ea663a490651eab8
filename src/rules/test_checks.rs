//! The checks of each part of a rule file, ported from the tests of the
//! hand-written loader they replace: the same spans, with the shared
//! `yaml::` codes where a structural problem's code was merged.

use super::check::Check;
use super::load::{WORDS, load};
use super::predicate::{Matcher, Predicate};
use super::predicate_doc::PredicateDoc;
use super::scalar::Scalar;
use super::template::MessageTemplate;
use super::test_rule::BASE;
use crate::diagnostic::Diagnostic;
use crate::facts::FactKind;
use crate::span::Spanned;
use crate::yaml::{self, Dialect};

const DIALECT: Dialect = Dialect {
    max_depth: 64,
    plain_data: true,
    trim_scalar_spans: true,
};

type Found = Vec<(&'static str, String)>;

fn found(text: &str, problems: &[Diagnostic]) -> Found {
    problems
        .iter()
        .map(|p| {
            let span = p.primary_span().unwrap();
            (p.code.as_str(), text[span.start..span.end].to_owned())
        })
        .collect()
}

/// Checks `text` as a predicate over facts of `kind`.
fn predicate(text: &str, kind: FactKind) -> Result<Predicate, Found> {
    let root = yaml::read(text, &DIALECT, &WORDS).unwrap().unwrap();
    let typed = yaml::from_node::<Spanned<PredicateDoc>>(&root, &WORDS);
    let mut check = Check {
        text,
        root: &root,
        problems: typed.problems,
    };
    let predicate = typed.value.and_then(|doc| check.predicate(&doc, kind));
    match predicate {
        Some(predicate) if check.problems.is_empty() => Ok(predicate),
        _ => Err(found(text, &check.problems)),
    }
}

fn first(text: &str, kind: FactKind) -> (&'static str, String) {
    predicate(text, kind).unwrap_err().remove(0)
}

/// The matcher of a one-test predicate on the right fact's `field`.
fn matcher(matcher: &str, field: &str) -> Result<Matcher, (&'static str, String)> {
    let text = format!("field: {field}\n{matcher}\n");
    match predicate(&text, FactKind::Right) {
        Ok(Predicate::Test { matcher, .. }) => Ok(matcher),
        Ok(other) => panic!("{other:?}"),
        Err(mut found) => Err(found.remove(0)),
    }
}

/// The problems of [`BASE`] with `from` replaced by `to`.
fn broken(from: &str, to: &str) -> Found {
    assert!(BASE.contains(from), "{from}");
    let text = BASE.replacen(from, to, 1);
    found(&text, &load("x.yaml", &text, false).unwrap_err())
}

fn one(code: &'static str, snippet: &str) -> Found {
    vec![(code, snippet.to_owned())]
}

#[test]
fn nested_predicates_load() {
    let text = "all:\n  - field: verdict\n    equals: denied\n  - not:\n      any:\n        - {field: via, is_empty: true}\n";
    let expected = Predicate::All(vec![
        Predicate::Test {
            field: "verdict".into(),
            matcher: Matcher::Equals(Scalar::Text("denied".into())),
        },
        Predicate::Not(Box::new(Predicate::Any(vec![Predicate::Test {
            field: "via".into(),
            matcher: Matcher::IsEmpty(true),
        }]))),
    ]);
    assert_eq!(predicate(text, FactKind::Expectation), Ok(expected));
}

#[test]
fn unknown_fields_suggest_one_of_the_kinds_fields() {
    let text = "field: verdikt\nequals: denied\n";
    assert_eq!(
        first(text, FactKind::Expectation),
        ("rule::unknown-field", "verdikt".to_owned())
    );
    let text = "field: verdict\nequals: denied\n";
    assert_eq!(first(text, FactKind::Right).0, "rule::unknown-field");
}

#[test]
fn unknown_predicate_keys_suggest_a_matcher() {
    let text = "field: verdict\nequal: denied\n";
    let root = yaml::read(text, &DIALECT, &WORDS).unwrap().unwrap();
    let typed = yaml::from_node::<Spanned<PredicateDoc>>(&root, &WORDS);
    assert_eq!(typed.problems[0].code, "yaml::unknown-field");
    let help = typed.problems[0].help.as_deref().unwrap();
    assert!(help.starts_with("did you mean `equals`?"), "{help}");
    assert_eq!(first(text, FactKind::Expectation).1, "equal");
}

#[test]
fn structure_problems_point_at_their_key() {
    let cases = [
        ("all: [{field: via, is_empty: true}]\nfield: via\n", "field"),
        ("field: via\n", "field"),
        ("field: via\nis_empty: true\ncontains: x\n", "contains"),
        ("any: []\n", "[]"),
    ];
    for (text, snippet) in cases {
        let found = first(text, FactKind::Expectation);
        assert_eq!(found, ("rule::bad-predicate", snippet.to_owned()), "{text}");
    }
}

#[test]
fn missing_field_and_wrong_shapes_are_refused() {
    let kind = FactKind::Expectation;
    assert_eq!(
        first("equals: x\n", kind),
        ("yaml::missing-field", "equals".to_owned())
    );
    assert_eq!(
        first("all: {field: via}\n", kind),
        ("yaml::wrong-shape", "{field: via}".to_owned())
    );
    assert_eq!(first("- x\n", kind).0, "yaml::wrong-shape");
}

#[test]
fn every_part_of_a_list_is_checked() {
    let text = "any:\n  - {field: a, equals: x}\n  - {field: b, equals: y}\n";
    assert_eq!(predicate(text, FactKind::Holder).unwrap_err().len(), 2);
}

#[test]
fn each_matcher_reads_its_value() {
    let text = |s: &str| Scalar::Text(s.into());
    assert_eq!(
        matcher("equals: true", "known"),
        Ok(Matcher::Equals(Scalar::Bool(true)))
    );
    assert_eq!(
        matcher("one_of: [allow, Deny]", "logon_effect"),
        Ok(Matcher::OneOf(vec![text("allow"), text("Deny")]))
    );
    assert_eq!(
        matcher("contains: S-1-1-0", "holder_sids"),
        Ok(Matcher::Contains("S-1-1-0".into()))
    );
    assert_eq!(
        matcher("is_empty: false", "holders"),
        Ok(Matcher::IsEmpty(false))
    );
    assert_eq!(
        matcher("at_least: 1", "holder_count"),
        Ok(Matcher::AtLeast(1))
    );
    assert_eq!(
        matcher("at_most: 0", "holder_count"),
        Ok(Matcher::AtMost(0))
    );
}

#[test]
fn matchers_that_do_not_fit_the_type_point_at_the_matcher() {
    let wrong = |key: &str| ("rule::matcher-type", key.to_owned());
    assert_eq!(matcher("at_least: 1", "right"), Err(wrong("at_least")));
    assert_eq!(
        matcher("contains: x", "holder_count"),
        Err(wrong("contains"))
    );
    assert_eq!(matcher("equals: x", "holders"), Err(wrong("equals")));
    assert_eq!(matcher("is_empty: true", "known"), Err(wrong("is_empty")));
}

#[test]
fn values_of_the_wrong_type_point_at_the_value() {
    let wrong = |value: &str| ("rule::matcher-type", value.to_owned());
    assert_eq!(matcher("equals: yes", "known"), Err(wrong("yes")));
    assert_eq!(matcher("equals: 3", "right"), Err(wrong("3")));
    assert_eq!(matcher("at_most: many", "holder_count"), Err(wrong("many")));
    assert_eq!(matcher("is_empty: 'true'", "holders"), Err(wrong("'true'")));
    assert_eq!(
        matcher("one_of: [allow, 2]", "logon_effect"),
        Err(wrong("2"))
    );
    assert_eq!(matcher("at_most: 1.5", "holder_count"), Err(wrong("1.5")));
    assert_eq!(
        matcher("at_most: [1]", "holder_count"),
        Err(("yaml::wrong-shape", "[1]".to_owned()))
    );
}

#[test]
fn one_of_needs_a_list_with_something_in_it() {
    assert_eq!(
        matcher("one_of: allow", "logon_effect"),
        Err(("yaml::wrong-shape", "allow".to_owned()))
    );
    assert_eq!(
        matcher("one_of: []", "logon_effect"),
        Err(("rule::bad-predicate", "[]".to_owned()))
    );
}

#[test]
fn quoting_is_suggested_for_numbers_compared_with_text() {
    let text = "field: right\nequals: 3\n";
    let root = yaml::read(text, &DIALECT, &WORDS).unwrap().unwrap();
    let doc = yaml::from_node::<Spanned<PredicateDoc>>(&root, &WORDS);
    let mut check = Check {
        text,
        root: &root,
        problems: Vec::new(),
    };
    check.predicate(&doc.value.unwrap(), FactKind::Right);
    let problem = &check.problems[0];
    assert_eq!(
        problem.message,
        "`equals` on `right` needs text, not a number"
    );
    assert_eq!(
        problem.help.as_deref(),
        Some("quote the value to compare it as text")
    );
}

#[test]
fn ids_are_gpl_and_three_digits() {
    for bad in ["gpl101", "GPL1011", "GPL10", "GPLabc", "X101"] {
        assert_eq!(broken("GPL101", bad), one("rule::bad-id", bad));
    }
}

#[test]
fn names_are_kebab_case_and_bad_ones_get_a_spelling() {
    for bad in [
        "Logon-Right",
        "logon_right",
        "-logon",
        "logon--right",
        "logon-",
        "2-logon",
    ] {
        let name = "needed-logon-type-not-granted";
        assert_eq!(broken(name, bad), one("rule::bad-name", bad), "{bad}");
    }
    let text = BASE.replacen("needed-logon-type-not-granted", "Logon_Right  Granted", 1);
    let problems = load("x.yaml", &text, false).unwrap_err();
    assert_eq!(
        problems[0].help.as_deref(),
        Some("write it as `logon-right-granted`")
    );
}

#[test]
fn unknown_severities_and_kinds_suggest_the_close_one() {
    let text = BASE.replacen("severity: error", "severity: Eror", 1);
    let problems = load("x.yaml", &text, false).unwrap_err();
    assert_eq!(problems[0].code, "yaml::unknown-value");
    let help = problems[0].help.as_deref().unwrap();
    assert!(help.starts_with("did you mean `error`?"), "{help}");
    assert_eq!(
        broken("applies_to: expectation", "applies_to: holders")[0],
        ("yaml::unknown-value", "holders".to_owned())
    );
}

#[test]
fn summaries_are_one_line_and_not_empty() {
    let summary = "summary: A needed logon type is not granted\n";
    assert_eq!(
        broken(summary, "summary:\n"),
        one("yaml::empty-value", "summary")
    );
    assert_eq!(
        broken(summary, "summary: ~\n"),
        one("yaml::empty-value", "summary")
    );
    let text = BASE.replacen(summary, "summary: |\n  one line\n", 1);
    assert_eq!(load("x.yaml", &text, false).unwrap().summary, "one line");
}

#[test]
fn placeholders_load_trimmed() {
    let text = BASE.replacen(
        "message: \"{account}",
        "message: |\n  {account} is {verdict}\nx_message: \"{account}",
        1,
    );
    let text = text
        .replacen("x_message", "symptom", 1)
        .replacen("symptom: \"{symptom}\"\n", "", 1);
    let rule = load("x.yaml", &text, false).unwrap();
    assert_eq!(rule.message.source(), "{account} is {verdict}");
}

#[test]
fn each_unknown_placeholder_is_reported_where_written() {
    let from = "symptom: \"{symptom}\"";
    let to = "symptom: \"{account} {acount} and {acount}\"";
    let found = broken(from, to);
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[0],
        ("rule::unknown-placeholder", "{acount}".to_owned())
    );
    let text = BASE.replacen(from, to, 1);
    let problems = load("x.yaml", &text, false).unwrap_err();
    // The second, not the first, of the two identical placeholders.
    let at = text.find(to).unwrap() + to.rfind("{acount}").unwrap();
    assert_eq!(problems[1].primary_span().unwrap().start, at);
    assert_eq!(
        problems[0].help.as_deref(),
        Some("did you mean `{account}`?")
    );
}

#[test]
fn broken_braces_and_folded_placeholders_are_located() {
    assert_eq!(
        broken("symptom: \"{symptom}\"", "symptom: '{{x}} and {account'"),
        one("rule::bad-template", "{")
    );
    assert_eq!(
        broken("symptom: \"{symptom}\"", "symptom: >\n  {acc\n  ount}"),
        one("rule::unknown-placeholder", "{acc\n  ount}")
    );
    assert!(MessageTemplate::parse("{{x}} and {account").is_err());
}

#[test]
fn variants_load_and_bad_ones_are_refused() {
    let docs = "docs: |";
    let variant = |v: &str| format!("variants:\n  - {v}\n{docs}");
    let text = BASE.replacen(
        docs,
        &variant("when: {field: verdict, equals: denied}\n    help: \"add {account} to {right}\""),
        1,
    );
    let rule = load("x.yaml", &text, false).unwrap();
    assert_eq!(rule.variants.len(), 1);
    assert!(rule.variants[0].message.is_none());
    let codes = |v: &str| -> Vec<&str> {
        broken(docs, &variant(v))
            .iter()
            .map(|(code, _)| *code)
            .collect()
    };
    assert_eq!(
        codes("when: {field: verdict, equals: denied}"),
        ["rule::empty-variant"]
    );
    assert_eq!(codes("message: x"), ["yaml::missing-field"]);
    assert_eq!(
        codes("when: {field: verdikt, equals: x}\n    message: x"),
        ["rule::unknown-field"]
    );
    assert_eq!(
        codes("when: {field: verdict, equals: x}\n    message: \"{acount}\""),
        ["rule::unknown-placeholder"]
    );
    assert_eq!(
        broken(docs, &format!("variants: x\n{docs}")),
        one("yaml::wrong-shape", "x")
    );
    let text = BASE.replacen(docs, &format!("variants:\n{docs}"), 1);
    assert!(load("x.yaml", &text, false).unwrap().variants.is_empty());
}

#[test]
fn cases_keep_template_expect_target_and_span() {
    let text = BASE.replacen(
        "  valid:\n",
        "  valid:\n    - template:\n      target: server-2022\n      today: 2026-01-31\n",
        1,
    );
    let tests = load("x.yaml", &text, false).unwrap().tests;
    let case = &tests.invalid[0];
    assert!(case.template.starts_with("[Privilege Rights]\n"));
    assert!(case.expect.as_deref().unwrap().starts_with("accounts:\n"));
    assert!(text[case.span.start..case.span.end].starts_with("template: |"));
    let empty = &tests.valid[0];
    assert_eq!(empty.template, "");
    assert_eq!(empty.expect, None);
    assert_eq!(empty.target.as_deref(), Some("server-2022"));
    assert_eq!(empty.today.as_deref(), Some("2026-01-31"));
}

#[test]
fn a_rule_without_cases_is_refused() {
    let missing = |snippet: &str| ("rule::missing-tests", snippet.to_owned());
    let valid_only = &BASE[..BASE.find("  invalid:").unwrap()];
    let text = format!("{valid_only}  valid:\n    - template: x\n");
    assert_eq!(
        found(&text, &load("x.yaml", &text, false).unwrap_err()),
        [missing("tests")]
    );
    let text = format!("{valid_only}  invalid: []\n  valid:\n");
    assert_eq!(
        found(&text, &load("x.yaml", &text, false).unwrap_err()),
        [missing("[]"), missing("tests")]
    );
}

#[test]
fn case_shapes_are_checked() {
    let case = "    - template: |\n        [Privilege Rights]\n        SeServiceLogonRight = *S-1-5-80-0\n";
    let text = BASE.replacen(case, "    - templat: x\n", 1);
    let text = text.replacen("  valid:\n", "  valid: x\n  x_valid:\n", 1);
    assert_eq!(
        found(&text, &load("x.yaml", &text, false).unwrap_err()),
        [
            ("yaml::unknown-field", "templat".to_owned()),
            ("yaml::wrong-shape", "x".to_owned()),
            ("yaml::unknown-field", "x_valid".to_owned()),
            ("yaml::missing-field", "templat".to_owned()),
        ]
    );
    let found = broken(
        "      expect: |\n        accounts:\n          - name: CONTOSO\\svc_sql\n            logon: [service]\n",
        "      expect: {a: 1}\n",
    );
    assert_eq!(found, one("yaml::wrong-shape", "{a: 1}"));
}

#[test]
fn repeated_keys_point_at_the_second_and_lists_are_no_rule() {
    let text = BASE.replacen("severity: error\n", "severity: error\nseverity: note\n", 1);
    let problems = load("x.yaml", &text, false).unwrap_err();
    assert_eq!(problems[0].code, "yaml::duplicate-field");
    assert_eq!(
        problems[0].primary_span().unwrap().start,
        text.find("severity: note").unwrap()
    );
    assert_eq!(
        problems[0].labels[1].span.start,
        text.find("severity: error").unwrap()
    );
}

#[test]
fn each_yaml_refusal_has_its_code_and_points_at_its_cause() {
    let cases = [
        ("a: b\n  c: d\n", "yaml::syntax", ":"),
        ("a: &x 1\nb: *x\n", "yaml::unsupported", "&x 1"),
        ("a: !!str 1\n", "yaml::unsupported", "!!str 1"),
        ("a: 1\n---\nb: 2\n", "yaml::multiple-documents", "---"),
    ];
    for (text, code, snippet) in cases {
        assert_eq!(
            found(text, &load("x.yaml", text, false).unwrap_err()),
            one(code, snippet)
        );
    }
}

#[test]
fn deep_nesting_is_refused_before_it_can_overflow_the_stack() {
    let text = format!("{}x\n", "- ".repeat(100_000));
    let problems = load("x.yaml", &text, false).unwrap_err();
    assert_eq!(problems[0].code, "yaml::too-deep");
    assert_eq!(problems[0].primary_span().unwrap().start, 2 * 64);
    let fits = format!("{}x\n", "- ".repeat(64));
    let problems = load("x.yaml", &fits, false).unwrap_err();
    assert_eq!(problems[0].code, "yaml::wrong-shape");
}

#[test]
fn block_scalar_spans_end_with_their_text() {
    let text = "docs: |\n  one\n  two\n";
    let root = yaml::read(text, &DIALECT, &WORDS).unwrap().unwrap();
    assert_eq!(root.span.end, text.trim_end().len());
}

#[test]
fn empty_and_comment_only_files_are_no_rule() {
    for text in ["", "# nothing\n"] {
        let problems = load("x.yaml", text, false).unwrap_err();
        assert_eq!(problems[0].message, "this rule file is empty");
    }
}

#[test]
fn expect_message_is_read_for_invalid_cases_and_refused_for_valid_ones() {
    let text = BASE.replacen("  valid:\n", "      expect_message: \"a b\"\n  valid:\n", 1);
    let tests = load("x.yaml", &text, false).unwrap().tests;
    assert_eq!(tests.invalid[0].expect_message.as_deref(), Some("a b"));
    assert_eq!(tests.valid[0].expect_message, None);
    let text = format!("{BASE}      expect_message: z\n");
    assert_eq!(
        found(&text, &load("x.yaml", &text, false).unwrap_err()),
        [("rule::misplaced-expect-message", "z".to_owned())]
    );
}
