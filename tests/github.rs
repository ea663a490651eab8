//! `check --format github`: workflow commands the Actions runner reads,
//! and the step summary.

mod common;

use common::{gplint, gplint_with_env};
use regex::Regex;

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
const EXPECT: &str = "examples/quickstart/services.yaml";

/// A workflow command as the runner parses it: `::name props::data`, where
/// no property value holds a raw `,` or `:` and the data no raw line end.
fn command_syntax() -> Regex {
    let value = r"[^,:\r\n]*";
    Regex::new(&format!(
        r"^::(error|warning|notice) file={value},line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=(GPL\d{{3}} [a-z-]+{value})::[^\r\n]+$"
    ))
    .unwrap()
}

#[test]
fn one_workflow_command_per_finding() {
    let run = gplint(&["check", TEMPLATE, "--expect", EXPECT, "--format", "github"]);
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // Notes are below the CI formats' default minimum (warning).
    assert_eq!(lines.len(), 8, "{}", run.stdout);
    let syntax = command_syntax();
    for line in &lines {
        assert!(syntax.is_match(line), "not a workflow command: {line}");
    }
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("::error ")).count(),
        7
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("::warning ")).count(),
        1
    );
    let gmsa = lines
        .iter()
        .find(|l| l.contains("title=GPL101") && l.contains("gmsa_web$ cannot"))
        .unwrap();
    assert!(gmsa.starts_with(
        "::error file=examples/quickstart/GptTmpl.inf,line=20,col=1,endLine=20,endColumn=20,title=GPL101 needed-logon-type-not-granted::"
    ));
    // Help and note follow the message on lines of their own.
    assert!(
        gmsa.contains("groups%0Ahelp: in the template that wins, write `SeServiceLogonRight = "),
        "{gmsa}"
    );
    assert!(gmsa.contains("%0Anote: Windows refuses"), "{gmsa}");
}

#[test]
fn no_summary_without_the_variable() {
    let run = gplint(&["check", TEMPLATE, "--expect", EXPECT, "--format", "github"]);
    assert!(!run.stdout.contains("| severity |"));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn the_step_summary_is_appended_when_github_step_summary_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let path = summary.display().to_string();
    let args = ["check", TEMPLATE, "--expect", EXPECT, "--format", "github"];
    let run = gplint_with_env(&args, &[("GITHUB_STEP_SUMMARY", &path)]);
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.starts_with("earlier step\n## gplint\n"),
        "{written}"
    );
    assert!(
        written
            .contains("**7 errors**, 1 warning, 2 notes — 6 accounts × 5 logon types, 1 template")
    );
    assert!(written.contains("| severity | rule | account | logon type | where | message |"));
    assert!(written.contains(
        "| error | `GPL101 needed-logon-type-not-granted` | `CONTOSO\\gmsa_web$` | service | `examples/quickstart/GptTmpl.inf:20` |"
    ), "{written}");
    let rows = written
        .lines()
        .filter(|l| l.starts_with("| error") || l.starts_with("| warning"));
    assert_eq!(rows.count(), 8);
    // Other formats leave the summary alone.
    let json = ["check", TEMPLATE, "--expect", EXPECT, "--format", "json"];
    gplint_with_env(&json, &[("GITHUB_STEP_SUMMARY", &path)]);
    assert_eq!(std::fs::read_to_string(&summary).unwrap(), written);
}
