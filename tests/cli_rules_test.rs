//! `gplint rules test` from the outside: a team's rule folder whose cases
//! do not behave exits 1 and names the rule, the case and what happened;
//! the built-in pack passes; a folder that does not load exits 2. And
//! `gplint rules` with an id, a name or `--rules` still lists and shows.
//!
//! The fixture rule GPL951 (tests/fixtures/rules-test/*/) flags
//! SeDebugPrivilege granted to Everyone; each folder breaks one case of
//! the copy in `behaves/`.

mod common;

use common::gplint;

const FOLDERS: &str = "tests/fixtures/rules-test";
const FILE: &str = "GPL951-debug-privilege-granted-to-everyone.yaml";

/// The built-in rules and cases, counted from `gplint rules test` alone.
fn builtin_counts() -> (usize, usize) {
    let run = gplint(&["rules", "test"]);
    let summary = run.stdout.trim_end();
    let numbers: Vec<usize> = summary
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers.as_slice() {
        [rules, cases, 0] => (*rules, *cases),
        _ => panic!("unexpected summary: {summary}"),
    }
}

fn run_folder(folder: &str) -> common::Run {
    gplint(&["rules", "test", &format!("{FOLDERS}/{folder}")])
}

/// The built-in pack plus GPL951's three cases, `failed` of them failing.
fn summary(failed: usize) -> String {
    let (rules, cases) = builtin_counts();
    format!(
        "{} rules, {} cases: {failed} failed\n",
        rules + 1,
        cases + 3
    )
}

#[test]
fn the_builtin_pack_passes_its_own_cases() {
    let run = gplint(&["rules", "test"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.ends_with(" cases: 0 failed\n"), "{}", run.stdout);
    assert_eq!(run.stderr, "");
}

#[test]
fn a_team_rule_whose_cases_behave_passes_beside_the_builtin_ones() {
    let run = run_folder("behaves");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, summary(0));
    // `--rules`, as the other commands take it, says the same.
    let flag = gplint(&["rules", "test", "--rules", &format!("{FOLDERS}/behaves")]);
    assert_eq!((flag.code, flag.stdout), (0, run.stdout));
}

#[test]
fn an_invalid_case_that_cannot_fire_fails_naming_rule_case_and_line() {
    let run = run_folder("cannot-fire");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let expected = format!(
        "GPL951 {FOLDERS}/cannot-fire/{FILE}:32 invalid[1]: did not fire\n{}",
        summary(1)
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn a_valid_case_that_fires_fails_with_the_finding_message() {
    let run = run_folder("valid-fires");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let expected = format!(
        "GPL951 {FOLDERS}/valid-fires/{FILE}:40 valid[2]: fired: SeDebugPrivilege is granted to Everyone: *S-1-1-0\n{}",
        summary(1)
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn an_invalid_case_with_another_message_fails_showing_both() {
    let run = run_folder("wrong-message");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let expected = format!(
        "GPL951 {FOLDERS}/wrong-message/{FILE}:32 invalid[1]: message differs: expected `SeDebugPrivilege is granted to everyone`, got `SeDebugPrivilege is granted to Everyone: *S-1-1-0, *S-1-5-32-544`\n{}",
        summary(1)
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn a_folder_that_does_not_load_is_an_input_error() {
    let bad = gplint(&["rules", "test", "tests/fixtures/bad-rules"]);
    assert_eq!(bad.code, 2, "{}{}", bad.stdout, bad.stderr);
    assert_eq!(bad.stdout, "");
    assert!(
        bad.stderr.contains("bad-rules/typo.yaml:"),
        "{}",
        bad.stderr
    );
    let missing = gplint(&["rules", "test", "tests/fixtures/no-such-folder"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no-such-folder"),
        "{}",
        missing.stderr
    );
}

#[test]
fn rules_with_an_id_a_name_or_a_folder_work_as_before() {
    let one = gplint(&["rules", "GPL101"]);
    assert_eq!(one.code, 0);
    assert!(
        one.stdout
            .starts_with("GPL101 needed-logon-type-not-granted")
    );
    let by_name = gplint(&["rules", "needed-logon-type-denied"]);
    assert!(by_name.stdout.starts_with("GPL102"));
    let team = gplint(&["rules", "--rules", &format!("{FOLDERS}/behaves")]);
    assert_eq!(team.code, 0);
    assert!(team.stdout.contains("GPL951  error"), "{}", team.stdout);
    let listed = gplint(&["rules"]);
    assert!(!listed.stdout.contains("GPL951"));
    // A rule id and `test` together is a usage error, not a lookup.
    let both = gplint(&["rules", "GPL101", "test"]);
    assert_eq!(both.code, 2);
}

#[test]
fn help_teaches_with_examples_and_exit_codes() {
    let help = gplint(&["rules", "test", "--help"]);
    assert_eq!(help.code, 0);
    for needle in [
        "gplint rules test ./team-rules",
        "invalid[1]: did not fire",
        "Exit codes: 0 every case behaves, 1 a case does not",
        "never runs its cases",
    ] {
        assert!(help.stdout.contains(needle), "{needle}:\n{}", help.stdout);
    }
    let rules = gplint(&["rules", "--help"]);
    assert!(rules.stdout.contains("gplint rules test ./team-rules"));
}
