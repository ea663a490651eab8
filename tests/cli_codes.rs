//! `gplint codes`: the listing, one code's documentation, a code that is
//! not gplint's, and `gplint why` pointing to it.

mod common;

use common::gplint;
use gplint::diagnostic::Code;

#[test]
fn the_listing_has_every_code_in_table_order() {
    let run = gplint(&["codes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let listed: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(listed, all);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("template::unknown-right "))
        .unwrap();
    assert!(
        line.ends_with("warning  a right or privilege gplint does not know"),
        "{line}"
    );
}

#[test]
fn one_code_prints_its_documentation() {
    let run = gplint(&["codes", "template::unknown-right"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "template::unknown-right  (warning, a diagnostic in an input file)\n\
             a right or privilege gplint does not know\n\n"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("rule GPL302"), "{}", run.stdout);
    let error = gplint(&["codes", "gplint::source::too_large"]);
    assert_eq!(error.code, 0, "{}", error.stderr);
    assert!(
        error.stdout.contains("(error, an input or output error)"),
        "{}",
        error.stdout
    );
}

#[test]
fn an_unknown_code_is_exit_2_with_the_closest_code() {
    let run = gplint(&["codes", "template::unknown-rigth"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "error: `template::unknown-rigth` is not a code of gplint's; did you mean `template::unknown-right`? `gplint codes` lists them\n"
    );
}

#[test]
fn a_rule_or_a_windows_code_is_sent_to_its_command() {
    let rule = gplint(&["codes", "GPL302"]);
    assert_eq!(rule.code, 2);
    assert!(
        rule.stderr.contains("it is a rule: `gplint rules GPL302`"),
        "{}",
        rule.stderr
    );
    let windows = gplint(&["codes", "0xC000015B"]);
    assert_eq!(windows.code, 2);
    assert!(
        windows.stderr.contains("try `gplint why 0xC000015B`"),
        "{}",
        windows.stderr
    );
    let nothing = gplint(&["codes", "no such thing"]);
    assert_eq!(nothing.code, 2);
    assert!(
        nothing.stderr.ends_with("; `gplint codes` lists them\n"),
        "{}",
        nothing.stderr
    );
}

#[test]
fn why_points_a_diagnostic_code_to_codes() {
    let run = gplint(&["why", "template::unknown-right"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("`gplint codes template::unknown-right` explains it"),
        "{}",
        run.stderr
    );
    let json = gplint(&["why", "yaml::unknown-field", "--format", "json"]);
    assert_eq!(json.code, 2);
    let answer: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(answer["matches"], serde_json::json!([]));
    assert!(
        json.stderr.contains("`gplint codes yaml::unknown-field`"),
        "{}",
        json.stderr
    );
}

#[test]
fn the_manual_and_completions_know_the_command() {
    let man = gplint(&["man", "codes"]);
    assert_eq!(man.code, 0, "{}", man.stderr);
    assert!(man.stdout.contains("gplint\\-codes"), "{}", man.stdout);
    let bash = gplint(&["completions", "bash"]);
    assert!(
        bash.stdout.contains("codes"),
        "no `codes` in the bash completions"
    );
}
