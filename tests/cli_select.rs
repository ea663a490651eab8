//! Choosing what to see (issue 15 point 2): `--min-severity`, `--select`
//! and `--ignore` with ruff-style prefixes, and `rules:` levels in
//! services.yaml. What is hidden neither shows nor fails the run, and the
//! summary line says what was hidden.
//!
//! The quickstart gives 7 errors (GPL101 ×3, GPL102, GPL203, GPL201,
//! GPL411), 1 warning (GPL301) and 2 notes (GPL412).

mod common;

use common::gplint;
use serde_json::Value;

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
const EXPECT: &str = "examples/quickstart/services.yaml";

fn check(expect: &str, extra: &[&str]) -> common::Run {
    let mut args = vec!["check", TEMPLATE, "--expect", expect];
    args.extend_from_slice(extra);
    gplint(&args)
}

/// The rule ids of the findings, in report order, from `--format json`.
fn rules(run: &common::Run) -> Vec<String> {
    let json: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}\n{}", run.stdout, run.stderr);
    });
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

fn summary(run: &common::Run) -> &str {
    run.stdout.lines().last().unwrap_or_default()
}

#[test]
fn min_severity_hides_what_is_below_it_and_says_so() {
    let all = check(EXPECT, &["--format", "json"]);
    assert_eq!(rules(&all).len(), 10);
    let errors = check(EXPECT, &["--format", "json", "--min-severity", "error"]);
    assert_eq!(rules(&errors).len(), 7);
    assert!(!rules(&errors).contains(&"GPL301".to_owned()));
    let warnings = check(EXPECT, &["--format", "json", "--min-severity", "warning"]);
    assert_eq!(rules(&warnings).len(), 8);
    let notes = check(EXPECT, &["--format", "json", "--min-severity", "note"]);
    assert_eq!(rules(&notes), rules(&all));

    let human = check(EXPECT, &["--min-severity", "warning"]);
    assert!(
        summary(&human).ends_with("; 2 findings hidden by --min-severity warning"),
        "{}",
        human.stdout
    );
    assert!(!human.stdout.contains("GPL412"), "{}", human.stdout);
}

#[test]
fn a_hidden_finding_does_not_fail_the_run() {
    // GPL301 is the quickstart's one warning.
    let warning = ["--select", "GPL301", "--fail-on", "warning"];
    assert_eq!(check(EXPECT, &warning).code, 1);
    let hidden = [&warning[..], &["--min-severity", "error"]].concat();
    let run = check(EXPECT, &hidden);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        summary(&run).contains("9 findings hidden by --select GPL301"),
        "{}",
        run.stdout
    );
    assert!(summary(&run).contains("1 finding hidden by --min-severity error"));
    // The errors, ignored, fail nothing either.
    let ignored = check(EXPECT, &["--ignore", "GPL1,GPL2,GPL4"]);
    assert_eq!(ignored.code, 0, "{}", ignored.stdout);
}

#[test]
fn select_takes_prefixes_commas_and_repeats() {
    let prefix = rules(&check(EXPECT, &["--format", "json", "--select", "GPL1"]));
    assert_eq!(prefix.len(), 4, "{prefix:?}");
    assert!(prefix.iter().all(|r| r.starts_with("GPL1")));
    let listed = [
        "--format",
        "json",
        "--select",
        "gpl101,GPL102",
        "--select",
        "GPL2",
    ];
    let mut listed = rules(&check(EXPECT, &listed));
    listed.sort();
    assert_eq!(
        listed,
        ["GPL101", "GPL101", "GPL101", "GPL102", "GPL201", "GPL203"]
    );
    // A rule's name selects it as its id does.
    let named = [
        "--format",
        "json",
        "--select",
        "stored-password-lockout-exposure",
    ];
    assert_eq!(rules(&check(EXPECT, &named)), ["GPL412", "GPL412"]);
}

#[test]
fn the_longer_of_select_and_ignore_decides() {
    let narrower = ["--format", "json", "--select", "GPL1", "--ignore", "GPL101"];
    assert_eq!(rules(&check(EXPECT, &narrower)), ["GPL102"]);
    let wider = ["--format", "json", "--ignore", "GPL1", "--select", "GPL102"];
    assert_eq!(rules(&check(EXPECT, &wider)), ["GPL102"]);
    let ignored = rules(&check(EXPECT, &["--format", "json", "--ignore", "GPL4"]));
    assert_eq!(ignored.len(), 7);
    assert!(ignored.iter().all(|r| !r.starts_with("GPL4")));
}

#[test]
fn a_selector_that_matches_no_rule_is_refused_with_a_suggestion() {
    let run = check(EXPECT, &["--select", "GPL9"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("`--select GPL9` matches no rule: did you mean `GPL1`?"),
        "{}",
        run.stderr
    );
    let run = check(EXPECT, &["--ignore", "GPL101,GPL41x"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`--ignore GPL41x`"), "{}", run.stderr);
    assert!(run.stderr.contains("did you mean `GPL41"), "{}", run.stderr);
}

#[test]
fn rule_levels_in_services_yaml_change_severity_everywhere() {
    let expect = "tests/fixtures/select/levels.yaml";
    let run = check(expect, &["--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let severity = |rule: &str| {
        let found = findings.iter().find(|f| f["rule"] == rule).unwrap();
        found["severity"].as_str().unwrap().to_owned()
    };
    // GPL412: off; GPL301 (a warning) raised to error; GPL201 (an error),
    // named by its name, lowered to a note.
    assert!(findings.iter().all(|f| f["rule"] != "GPL412"));
    assert_eq!(severity("GPL301"), "error");
    assert_eq!(severity("GPL201"), "note");
    assert_eq!(json["summary"]["errors"], 7);
    assert_eq!(json["summary"]["notes"], 1);

    // The exit code follows: GPL301, now an error, fails the run alone.
    let alone = check(expect, &["--select", "GPL301"]);
    assert_eq!(alone.code, 1, "{}", alone.stdout);
    let lowered = check(expect, &["--select", "GPL201", "--fail-on", "warning"]);
    assert_eq!(lowered.code, 0, "{}", lowered.stdout);

    let human = check(expect, &[]);
    assert!(
        summary(&human).ends_with(
            "; GPL412 off, GPL301 error, GPL201 note in tests/fixtures/select/levels.yaml (2 findings off)"
        ),
        "{}",
        human.stdout
    );
    let sarif = check(expect, &["--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&sarif.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let gpl301 = results.iter().find(|r| r["ruleId"] == "GPL301").unwrap();
    assert_eq!(gpl301["level"], "error");
    assert!(results.iter().all(|r| r["ruleId"] != "GPL412"));
}

#[test]
fn a_rule_level_naming_no_rule_is_an_error_with_a_suggestion() {
    let run = check("tests/fixtures/select/unknown-rule.yaml", &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("expect::unknown-rule"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("`rules:` names `GPL41`, which is not a rule"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("unknown-rule.yaml:48:3"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `GPL401`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_rule_level_that_is_no_level_lists_the_levels() {
    let run = check("tests/fixtures/select/bad-level.yaml", &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`GPL412` cannot be `loud`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("it can be: off, note, warning, error"),
        "{}",
        run.stderr
    );
}

#[test]
fn waived_findings_are_counted_apart_in_the_summary_line() {
    let run = check("tests/fixtures/waivers/live.yaml", &[]);
    let line = summary(&run);
    assert!(line.contains(", 2 waived —"), "{line}");
    assert!(line.starts_with("gplint: 0 errors"), "{line}");
    // Waived findings are shown, as waived, not as errors.
    assert!(
        run.stdout.contains("waived: Reports move to a gMSA"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("error[GPL102"), "{}", run.stdout);
}
