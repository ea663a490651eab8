// ---- check --baseline (issue 16 point 2) ----
//! `gplint check --baseline BASE`: only findings new relative to BASE
//! appear and fail the run; `--baseline-show-all` shows the rest marked
//! "already on base". BASE is a tree checked as the head is, or a saved
//! JSON report; findings match by the `gplint/v2` fingerprint, so a line
//! moving keeps a finding "existing".
//!
//! The verdicts rest on the facts doc's Top 10 facts: 1 (a missing allow
//! right refuses the logon: GPL101) and 2 (a deny right supersedes the
//! allow right: GPL102).

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::gplint;
use serde_json::Value;

const EXPECT: &str = "\
target: member-server
domain_sid: S-1-5-21-1004336348-1177238915-682003330
accounts:
  - name: CONTOSO\\svc_a
    sid: S-1-5-21-1004336348-1177238915-682003330-1105
    password_never_expires: true
    logon: [service]
  - name: CONTOSO\\svc_b
    sid: S-1-5-21-1004336348-1177238915-682003330-1106
    password_never_expires: true
    logon: [batch]
";

/// svc_a is not granted the service logon (GPL101, the old error).
const OLD: &str = "\
[Unicode]
Unicode=yes
[Privilege Rights]
SeServiceLogonRight = *S-1-5-20
SeBatchLogonRight = *S-1-5-21-1004336348-1177238915-682003330-1106
[Version]
signature=\"$CHICAGO$\"
Revision=1
";

/// The old error kept, with lines moved down, and svc_b denied the batch
/// logon it needs (GPL102, the new error).
const NEW: &str = "\
[Unicode]
Unicode=yes


[Privilege Rights]
SeServiceLogonRight = *S-1-5-20
SeBatchLogonRight = *S-1-5-21-1004336348-1177238915-682003330-1106
SeDenyBatchLogonRight = *S-1-5-21-1004336348-1177238915-682003330-1106
[Version]
signature=\"$CHICAGO$\"
Revision=1
";

/// The old error alone, its line moved down by blank lines.
const MOVED: &str = "\
[Unicode]
Unicode=yes



[Privilege Rights]
SeServiceLogonRight = *S-1-5-20
SeBatchLogonRight = *S-1-5-21-1004336348-1177238915-682003330-1106
[Version]
signature=\"$CHICAGO$\"
Revision=1
";

/// A folder with `services.yaml`, `base/GptTmpl.inf` (OLD) and
/// `head/GptTmpl.inf` (`head`).
struct Trees {
    dir: tempfile::TempDir,
}

impl Trees {
    fn new(head: &str) -> Trees {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("services.yaml"), EXPECT).unwrap();
        for (folder, text) in [("base", OLD), ("head", head)] {
            fs::create_dir(dir.path().join(folder)).unwrap();
            fs::write(dir.path().join(folder).join("GptTmpl.inf"), text).unwrap();
        }
        Trees { dir }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn check(&self, head: &Path, extra: &[&str]) -> common::Run {
        let (head, expect) = (text(head), text(&self.path("services.yaml")));
        let mut args = vec!["check", &head, "--expect", &expect];
        args.extend_from_slice(extra);
        gplint(&args)
    }
}

fn text(path: &Path) -> String {
    path.display().to_string()
}

/// The rule ids and baseline states of `--format json`'s findings.
fn findings(run: &common::Run) -> Vec<(String, Option<String>)> {
    let json: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let state = f["baseline"].as_str().map(str::to_owned);
            (f["rule"].as_str().unwrap().to_owned(), state)
        })
        .collect()
}

#[test]
fn without_a_baseline_the_head_has_both_errors() {
    let trees = Trees::new(NEW);
    let run = trees.check(&trees.path("head"), &["--format", "json"]);
    assert_eq!(run.code, 1);
    let rules: Vec<String> = findings(&run).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, ["GPL101", "GPL102"], "{}", run.stdout);
}

#[test]
fn a_new_error_beside_a_kept_one_fails_and_only_it_is_shown() {
    let trees = Trees::new(NEW);
    let base = text(&trees.path("base"));
    let run = trees.check(&trees.path("head"), &["--baseline", &base]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("GPL102"), "{}", run.stdout);
    assert!(!run.stdout.contains("GPL101"), "{}", run.stdout);
    let summary = run.stdout.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("gplint: 1 error, 0 warnings")
            && summary.ends_with("; 1 finding already on base hidden by --baseline"),
        "{summary}"
    );
    let json = trees.check(
        &trees.path("head"),
        &["--baseline", &base, "--format", "json"],
    );
    let new = Some("new".to_owned());
    assert_eq!(findings(&json), [("GPL102".to_owned(), new)]);
}

#[test]
fn the_old_error_alone_passes_even_with_its_line_moved() {
    let trees = Trees::new(MOVED);
    let base = text(&trees.path("base"));
    let run = trees.check(&trees.path("head"), &["--baseline", &base]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("GPL101"), "{}", run.stdout);
    // Without the baseline the same head fails: the test can fail.
    assert_eq!(trees.check(&trees.path("head"), &[]).code, 1);
}

#[test]
fn two_files_of_different_names_compare_as_the_same_input() {
    let trees = Trees::new(MOVED);
    let base = text(&trees.path("base/GptTmpl.inf"));
    let head = trees.path("head.inf");
    fs::write(&head, NEW).unwrap();
    let run = trees.check(&head, &["--baseline", &base, "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rules: Vec<String> = findings(&run).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, ["GPL102"]);
}

/// Saves the head's report while it still holds OLD, then writes `head`
/// in its place: a report is saved from where the head is checked.
fn saved(trees: &Trees, head: &str) -> String {
    let file = trees.path("head/GptTmpl.inf");
    fs::write(&file, OLD).unwrap();
    let json = text(&trees.path("baseline.json"));
    let run = trees.check(&file, &["--format", "json", "-o", &json]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    fs::write(&file, head).unwrap();
    json
}

#[test]
fn a_saved_json_report_serves_as_the_baseline() {
    let trees = Trees::new(NEW);
    let json = saved(&trees, NEW);
    let head = trees.path("head/GptTmpl.inf");
    let run = trees.check(&head, &["--baseline", &json, "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let new = Some("new".to_owned());
    assert_eq!(findings(&run), [("GPL102".to_owned(), new)]);

    let json = saved(&trees, MOVED);
    let run = trees.check(&head, &["--baseline", &json]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
}

#[test]
fn the_json_report_carries_a_fingerprint_per_finding() {
    let trees = Trees::new(NEW);
    let run = trees.check(&trees.path("head"), &["--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    for finding in json["findings"].as_array().unwrap() {
        let print = finding["fingerprint"].as_str().unwrap_or_default();
        assert_eq!(print.len(), 40, "{finding}");
    }
}

#[test]
fn show_all_marks_what_the_base_has_and_it_does_not_fail() {
    let trees = Trees::new(NEW);
    let base = text(&trees.path("base"));
    let show_all = ["--baseline", &base, "--baseline-show-all"];
    let run = trees.check(&trees.path("head"), &show_all);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let header = |rule: &str| {
        run.stdout
            .lines()
            .find(|line| line.starts_with(rule))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        header("GPL101").ends_with("· already on base"),
        "{}",
        run.stdout
    );
    assert!(
        !header("GPL102").contains("already on base"),
        "{}",
        run.stdout
    );
    let summary = run.stdout.lines().last().unwrap_or_default();
    assert!(
        summary.contains("1 error, 0 warnings, 1 already on base"),
        "{summary}"
    );

    let json = [&show_all[..], &["--format", "json"]].concat();
    let run = trees.check(&trees.path("head"), &json);
    let (old, new) = (Some("existing".to_owned()), Some("new".to_owned()));
    let expected = [("GPL101".to_owned(), old), ("GPL102".to_owned(), new)];
    assert_eq!(findings(&run), expected);
    let document: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(document["summary"]["errors"], 1);

    // The old error alone, shown, still passes.
    let moved = Trees::new(MOVED);
    let base = text(&moved.path("base"));
    let run = moved.check(
        &moved.path("head"),
        &["--baseline", &base, "--baseline-show-all"],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("already on base"), "{}", run.stdout);
}

#[test]
fn sarif_gives_each_result_its_baseline_state() {
    let trees = Trees::new(NEW);
    let base = text(&trees.path("base"));
    let args = [
        "--baseline",
        &base,
        "--baseline-show-all",
        "--format",
        "sarif",
    ];
    let run = trees.check(&trees.path("head"), &args);
    let sarif: Value = serde_json::from_str(&run.stdout).unwrap();
    let states: Vec<(String, String)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let rule = r["ruleId"].as_str().unwrap().to_owned();
            (rule, r["baselineState"].as_str().unwrap_or("-").to_owned())
        })
        .collect();
    assert!(
        states.contains(&("GPL101".into(), "unchanged".into())),
        "{states:?}"
    );
    assert!(
        states.contains(&("GPL102".into(), "new".into())),
        "{states:?}"
    );
    // Without a baseline, no result has a state.
    let plain = trees.check(&trees.path("head"), &["--format", "sarif"]);
    assert!(!plain.stdout.contains("baselineState"));
}

#[test]
fn junit_does_not_fail_a_case_for_what_the_base_has() {
    let trees = Trees::new(MOVED);
    let base = text(&trees.path("base"));
    let args = [
        "--baseline",
        &base,
        "--baseline-show-all",
        "--format",
        "junit",
    ];
    let run = trees.check(&trees.path("head"), &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("<failure"), "{}", run.stdout);
    let plain = trees.check(&trees.path("head"), &["--format", "junit"]);
    assert!(plain.stdout.contains("<failure"), "{}", plain.stdout);
}

#[test]
fn a_baseline_that_is_neither_a_report_nor_an_input_is_exit_2() {
    let trees = Trees::new(NEW);
    let head = trees.path("head");
    let other_json = trees.path("other.json");
    fs::write(&other_json, r#"{"version": "2.1.0", "runs": []}"#).unwrap();
    let run = trees.check(&head, &["--baseline", &text(&other_json)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--baseline")
            && run
                .stderr
                .contains("not a report of `gplint check --format json`"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);

    let html = trees.path("report.html");
    fs::write(&html, "<html><body>gpresult</body></html>").unwrap();
    let run = trees.check(&head, &["--baseline", &text(&html)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("neither a saved JSON report"),
        "{}",
        run.stderr
    );

    let missing = trees.path("missing");
    let run = trees.check(&head, &["--baseline", &text(&missing)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("neither a saved JSON report"),
        "{}",
        run.stderr
    );
}

#[test]
fn show_all_needs_a_baseline() {
    let trees = Trees::new(NEW);
    let run = trees.check(&trees.path("head"), &["--baseline-show-all"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}
