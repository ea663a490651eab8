//! The CI formats within what CI services keep (issue 15 points 3-5):
//! SARIF's 25,000 results per run, GitHub's 10 annotations per type and
//! 1 MiB step summary; SARIF identity GitHub can track (paths relative to
//! `%SRCROOT%`, `primaryLocationLineHash`); waived findings as notes.

mod common;

use std::path::Path;
use std::process::Command;

use common::{gplint, gplint_with_env};
use gplint::diagnostic::Severity;
use gplint::finding::Finding;
use gplint::report::Sources;
use gplint::report::ci::{RepoPaths, Selection};
use gplint::report::{github, github_summary, sarif};
use gplint::rules::RuleSet;
use gplint::source::SourceFile;
use serde_json::Value;

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
const EXPECT: &str = "examples/quickstart/services.yaml";

/// A finding with no place: enough for the caps, cheap in thousands.
fn finding(severity: Severity, n: usize) -> Finding {
    Finding {
        rule: "GPL101".into(),
        rule_name: "needed-logon-type-not-granted".into(),
        severity,
        message: format!("finding {n}"),
        help: None,
        note: None,
        primary: None,
        secondary: vec![],
        removed_by: None,
        related: None,
        scope: None,
        scopes: Vec::new(),
        account: Some(format!("CONTOSO\\svc_{n}")),
        logon_type: None,
        from_default: false,
        waived: None,
        baseline: None,
    }
}

fn many(errors: usize, warnings: usize, notes: usize) -> Vec<Finding> {
    // Notes first, so that the order errors-first is the writer's doing.
    let mut all = Vec::new();
    all.extend((0..notes).map(|n| finding(Severity::Note, n)));
    all.extend((0..warnings).map(|n| finding(Severity::Warning, n)));
    all.extend((0..errors).map(|n| finding(Severity::Error, n)));
    all
}

fn expectations() -> SourceFile {
    SourceFile::from_bytes("services.yaml", b"accounts: []\n".to_vec()).unwrap()
}

const EVERYTHING: Selection = Selection {
    min_severity: Severity::Note,
    include_waived: false,
};

// ---- SARIF: 25,000 results at most (issue 15 point 3) ----

#[test]
fn sarif_keeps_25000_results_errors_first_and_says_how_many_were_left_out() {
    let findings = many(100, 200, 25_000);
    let expect = expectations();
    let sources = Sources {
        templates: &[],
        expectations: &expect,
    };
    let rules = RuleSet::builtin().unwrap();
    let paths = RepoPaths::default();
    let options = sarif::Options {
        selection: EVERYTHING,
        ..sarif::Options::plain(&paths)
    };
    let text = sarif::write(&findings, &sources, rules.rules(), &options).unwrap();
    let log: Value = serde_json::from_str(&text).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), sarif::MAX_RESULTS);
    assert!(results[..100].iter().all(|r| r["level"] == "error"));
    assert!(results[100..300].iter().all(|r| r["level"] == "warning"));
    assert_eq!(results[300]["level"], "note");
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let said = invocation["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(
        said.starts_with("300 results left out (0 errors, 0 warnings, 300 notes)"),
        "{said}"
    );
    assert!(said.contains("--format json"), "{said}");
}

#[test]
fn sarif_names_every_unreadable_input_and_is_then_unsuccessful() {
    let missing = "tests/fixtures/no-such-template.inf";
    let run = gplint(&[
        "check", TEMPLATE, missing, "--expect", EXPECT, "--format", "sarif",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let log: Value = serde_json::from_str(&run.stdout).unwrap();
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    let unreadable: Vec<_> = notes.iter().filter(|n| n["level"] == "error").collect();
    assert_eq!(unreadable.len(), 1, "{notes:?}");
    assert!(
        unreadable[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("no-such-template.inf")
    );
}

#[test]
fn the_category_is_the_automation_id() {
    let sarif = |extra: &[&str]| -> Value {
        let mut args = vec!["check", TEMPLATE, "--expect", EXPECT, "--format", "sarif"];
        args.extend(extra);
        serde_json::from_str(&gplint(&args).stdout).unwrap()
    };
    assert_eq!(sarif(&[])["runs"][0]["automationDetails"]["id"], "gplint/");
    let named = sarif(&["--sarif-category", "windows-gpo"]);
    assert_eq!(named["runs"][0]["automationDetails"]["id"], "windows-gpo/");
    let rule = &named["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(rule["properties"]["security-severity"], "7.5");
    assert_eq!(
        rule["properties"]["tags"],
        serde_json::json!(["security", "windows", "logon-rights"])
    );
    let based = sarif(&["--help-uri-base", "https://example.org/fork/"]);
    let uri = based["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(uri.starts_with("https://example.org/fork/blob/v"), "{uri}");
}

// ---- SARIF identity (issue 15 point 4) ----

/// Whether `git` runs here; says why the caller skips when not.
fn have_git() -> bool {
    let ok = Command::new("git").arg("--version").output().is_ok();
    if !ok {
        common::say("skipped: no `git` on PATH");
    }
    ok
}

/// Runs gplint with `dir` as the working directory.
fn gplint_in(dir: &Path, args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(args)
        .current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Two service accounts that one line, `SeServiceLogonRight`, does not
/// hold: two GPL101 findings on the same line (facts doc §9: a service
/// account needs SeServiceLogonRight, error 1069 otherwise).
fn two_on_one_line(dir: &Path) {
    std::fs::create_dir_all(dir.join("gpos")).unwrap();
    std::fs::write(
        dir.join("gpos/GptTmpl.inf"),
        "[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-20\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("services.yaml"),
        "accounts:\n  - name: CONTOSO\\svc_a\n    logon: [service]\n  - name: CONTOSO\\svc_b\n    logon: [service]\n",
    )
    .unwrap();
}

const RUN: [&str; 6] = [
    "check",
    "gpos/GptTmpl.inf",
    "--expect",
    "services.yaml",
    "--format",
    "sarif",
];

fn location(result: &Value) -> &Value {
    &result["locations"][0]["physicalLocation"]["artifactLocation"]
}

#[test]
fn paths_are_relative_to_srcroot_inside_a_git_checkout() {
    if !have_git() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    two_on_one_line(&root);
    // Outside any repository: absolute file: URIs, no base.
    let log = gplint_in(&root, &RUN);
    let result = &log["runs"][0]["results"][0];
    let expected = format!("file://{}/gpos/GptTmpl.inf", root.display());
    assert_eq!(location(result)["uri"], expected.as_str());
    assert!(location(result).get("uriBaseId").is_none());
    assert!(log["runs"][0].get("originalUriBaseIds").is_none());
    // Inside one, run from a sub-folder: relative to its top level.
    let init = Command::new("git")
        .arg("init")
        .arg("-q")
        .current_dir(&root)
        .status();
    assert!(init.unwrap().success());
    let inner = [
        "check",
        "GptTmpl.inf",
        "--expect",
        "../services.yaml",
        "--format",
        "sarif",
    ];
    let log = gplint_in(&root.join("gpos"), &inner);
    let run = &log["runs"][0];
    let result = &run["results"][0];
    assert_eq!(location(result)["uri"], "gpos/GptTmpl.inf");
    assert_eq!(location(result)["uriBaseId"], "%SRCROOT%");
    let related = &result["relatedLocations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(related["uri"], "services.yaml");
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        format!("file://{}/", root.display()).as_str()
    );
    // --repo-root overrides what git says.
    let mut chosen = RUN.to_vec();
    chosen.extend(["--repo-root", "gpos"]);
    let log = gplint_in(&root, &chosen);
    assert_eq!(
        location(&log["runs"][0]["results"][0])["uri"],
        "GptTmpl.inf"
    );
}

#[test]
fn two_findings_on_one_line_have_different_line_hashes_that_survive_an_edit_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    two_on_one_line(root);
    let prints = |log: &Value| -> Vec<(String, String)> {
        let results = log["runs"][0]["results"].as_array().unwrap();
        let mut all: Vec<_> = results
            .iter()
            .map(|r| {
                let print = |key: &str| r["partialFingerprints"][key].as_str().unwrap().to_owned();
                (print("primaryLocationLineHash"), print("gplint/v2"))
            })
            .collect();
        all.sort();
        all
    };
    let before = prints(&gplint_in(root, &RUN));
    assert_eq!(before.len(), 2);
    assert_ne!(before[0].0, before[1].0, "one line, two findings, one hash");
    assert_ne!(before[0].1, before[1].1);
    // An edit elsewhere: a section before, and the file as UTF-16.
    let edited = "[Unicode]\r\nUnicode=yes\r\n[System Access]\r\nMinimumPasswordAge = 1\r\n\r\n[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-20\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(edited.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(root.join("gpos/GptTmpl.inf"), bytes).unwrap();
    let after = prints(&gplint_in(root, &RUN));
    assert_eq!(before, after);
    // The entry itself changing does change the line hash.
    std::fs::write(
        root.join("gpos/GptTmpl.inf"),
        "[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-19\r\n",
    )
    .unwrap();
    let changed = prints(&gplint_in(root, &RUN));
    assert_ne!(before[0].0, changed[0].0);
}

// ---- GitHub annotations: 10 per type (issue 15 point 3) ----

#[test]
fn github_writes_ten_of_each_type_errors_first_and_one_line_for_the_rest() {
    let expect = expectations();
    let sources = Sources {
        templates: &[],
        expectations: &expect,
    };
    let text = github::write(&many(15, 12, 3), &sources, EVERYTHING);
    let lines: Vec<&str> = text.lines().collect();
    let of = |kind: &str| lines.iter().filter(|l| l.starts_with(kind)).count();
    assert_eq!(of("::error "), 10);
    assert_eq!(of("::warning "), 10);
    assert!(lines[..10].iter().all(|l| l.starts_with("::error ")));
    // Three notes and the line that counts the rest: four notices.
    assert_eq!(of("::notice "), 4);
    assert_eq!(
        lines.last().copied(),
        Some("::notice title=gplint::5 more errors, 2 more warnings: see the job summary / SARIF")
    );
    // With more notes than fit, nine notes leave room for the line.
    let text = github::write(&many(0, 0, 30), &sources, EVERYTHING);
    assert_eq!(text.lines().count(), 10, "{text}");
    assert!(text.ends_with("::notice title=gplint::21 more notes: see the job summary / SARIF\n"));
    // Under the cap, no such line.
    let text = github::write(&many(2, 0, 0), &sources, EVERYTHING);
    assert!(!text.contains("more"), "{text}");
}

// ---- The step summary: 100 rows, 1 MiB (issue 15 point 3) ----

#[test]
fn the_step_summary_stays_under_one_mebibyte_whatever_the_findings_hold() {
    let expect = expectations();
    let sources = Sources {
        templates: &[],
        expectations: &expect,
    };
    let paths = RepoPaths::default();
    let context = github_summary::Context {
        accounts: 1,
        selection: EVERYTHING,
        paths: &paths,
        links: None,
    };
    // Texts a report would clip, made of what escapes to the most bytes.
    let huge = "\u{202e}".repeat(5_000);
    let mut findings = many(1_000, 0, 0);
    for (n, f) in findings.iter_mut().enumerate() {
        f.message = huge.clone();
        f.account = Some(huge.clone());
        // A scope each: a `<details>` per row.
        f.scope = Some(format!("{n}{huge}"));
    }
    let text = github_summary::write(&findings, &sources, &context);
    assert!(
        text.len() < github_summary::MAX_BYTES,
        "{} bytes",
        text.len()
    );
    let rows = text.lines().filter(|l| l.starts_with("| error")).count();
    // The byte budget, not the row cap, stopped this table.
    assert!(rows > 0 && rows < github_summary::MAX_ROWS, "{rows} rows");
    assert!(
        text.contains(&format!(
            "**{} more findings** not in this table",
            1_000 - rows
        )),
        "{}",
        &text[text.len().saturating_sub(500)..]
    );
    // Ordinary findings: exactly 100 rows, then the "N more" line.
    let text = github_summary::write(&many(50, 100, 0), &sources, &context);
    assert_eq!(text.lines().filter(|l| l.starts_with("| ")).count(), 102);
    assert!(text.contains("**50 more findings** not in this table"));
    let first_warning = text.find("| warning").unwrap();
    assert!(text.rfind("| error").unwrap() < first_warning);
}

#[test]
fn the_step_summary_links_to_the_line_in_actions() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let path = summary.display().to_string();
    let args = ["check", TEMPLATE, "--expect", EXPECT, "--format", "github"];
    let env = [
        ("GITHUB_STEP_SUMMARY", path.as_str()),
        ("GITHUB_SERVER_URL", "https://github.com"),
        ("GITHUB_REPOSITORY", "contoso/gpos"),
        ("GITHUB_SHA", "0123abc"),
    ];
    let run = gplint_with_env(&args, &env);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.contains(
            "[`examples/quickstart/GptTmpl.inf:20`](https://github.com/contoso/gpos/blob/0123abc/examples/quickstart/GptTmpl.inf#L20)"
        ),
        "{written}"
    );
}

// ---- Waived findings in SARIF and the summary (issue 15 point 5) ----

#[test]
fn a_waived_finding_is_a_suppressed_note_unless_include_waived() {
    let expect = "tests/fixtures/waivers/live.yaml";
    let sarif = |extra: &[&str]| -> Value {
        let mut args = vec!["check", TEMPLATE, "--expect", expect, "--format", "sarif"];
        args.extend(extra);
        let run = gplint(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str(&run.stdout).unwrap()
    };
    let waived = |log: &Value| -> Value {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ruleId"] == "GPL102")
            .unwrap()
            .clone()
    };
    let plain = waived(&sarif(&[]));
    assert_eq!(plain["level"], "note");
    assert_eq!(plain["suppressions"][0]["status"], "accepted");
    let kept = waived(&sarif(&["--include-waived"]));
    assert_eq!(kept["level"], "error");
    assert_eq!(kept["suppressions"][0]["kind"], "external");
}

#[test]
fn the_step_summary_counts_waived_findings_apart() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let path = summary.display().to_string();
    let args = [
        "check",
        TEMPLATE,
        "--expect",
        "tests/fixtures/waivers/live.yaml",
        "--format",
        "github",
    ];
    let run = gplint_with_env(&args, &[("GITHUB_STEP_SUMMARY", &path)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&summary).unwrap();
    let counts = written.lines().nth(2).unwrap();
    assert!(counts.contains(", 2 waived — "), "{counts}");
    assert!(written.contains("| waived error |"), "{written}");
    // A waived error is a notice, not an error annotation.
    assert!(
        !run.stdout.contains("::error title=GPL102"),
        "{}",
        run.stdout
    );
    let gpl102 = run
        .stdout
        .lines()
        .find(|l| l.contains("title=GPL102"))
        .unwrap();
    assert!(gpl102.starts_with("::notice "), "{gpl102}");
}
