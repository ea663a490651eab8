//! `explain --all-accounts` (issue 17, point 5): every enabled user,
//! managed service account and computer of the directory export is
//! evaluated in every scope after the declared accounts, sorted by name;
//! disabled accounts and groups are not; without an export the run is
//! exit 2 saying how to give one.

mod common;

use std::fs;
use std::path::Path;

use common::gplint;

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
/// Two enabled users (`svc_sql` declared below, `zoe` and `alice` not, in
/// that order in the file), a disabled `bob`, the gMSA `gmsa_web$`, the
/// computer `WEB01$`, and the groups `SQL Admins` and `Jump Users`.
const LDIF: &str = "tests/fixtures/directory/all-accounts.ldif";

fn expectations(dir: &Path) -> String {
    let path = dir.join("services.yaml");
    let yaml =
        "target: member-server\naccounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n";
    fs::write(&path, yaml).unwrap();
    path.display().to_string()
}

fn explain(expect: &str, more: &[&str]) -> common::Run {
    let mut args = vec!["explain", TEMPLATE, "--expect", expect, "--all-accounts"];
    args.extend(more);
    gplint(&args)
}

/// The matrix's rows: the first word of each line under the header.
fn rows(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .skip_while(|l| !l.starts_with("account "))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

#[test]
fn every_enabled_account_is_a_row_after_the_declared_ones_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let expect = expectations(dir.path());
    let run = explain(&expect, &["--directory", LDIF]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        rows(&run.stdout),
        [
            "CONTOSO\\svc_sql",
            "CONTOSO\\alice",
            "CONTOSO\\gmsa_web$",
            "CONTOSO\\WEB01$",
            "CONTOSO\\zoe",
        ],
        "{}",
        run.stdout
    );
    // Disabled accounts and groups are not surveyed.
    assert!(!run.stdout.contains("bob"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("CONTOSO\\Jump Users  "),
        "{}",
        run.stdout
    );
    // No expectation, so nothing to break.
    for line in run.stdout.lines().filter(|l| l.contains("alice")) {
        assert!(!line.contains('!'), "{line}");
    }
    assert!(
        run.stdout
            .contains("after the declared accounts, 4 more of the directory export"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_marks_surveyed_accounts_and_only_them() {
    let dir = tempfile::tempdir().unwrap();
    let expect = expectations(dir.path());
    let run = explain(&expect, &["--directory", LDIF, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let accounts = json["accounts"].as_array().unwrap();
    let marked: Vec<(&str, bool)> = accounts
        .iter()
        .map(|a| {
            let surveyed = a.get("surveyed").map(|s| s.as_bool().unwrap());
            (a["account"].as_str().unwrap(), surveyed.unwrap_or(false))
        })
        .collect();
    assert_eq!(
        marked,
        [
            ("CONTOSO\\svc_sql", false),
            ("CONTOSO\\alice", true),
            ("CONTOSO\\gmsa_web$", true),
            ("CONTOSO\\WEB01$", true),
            ("CONTOSO\\zoe", true),
        ]
    );
    // The declared account carries no `surveyed` key at all.
    assert!(accounts[0].get("surveyed").is_none());
    // A surveyed account has no expectation and the directory's SID.
    let alice = &accounts[1];
    assert_eq!(
        alice["sid"],
        "S-1-5-21-1004336348-1177238915-682003330-1202"
    );
    assert!(alice["logon"]["service"]["expected"].is_null());
}

#[test]
fn the_directory_may_come_from_the_expectations_file() {
    let dir = tempfile::tempdir().unwrap();
    let ldif = fs::canonicalize(LDIF).unwrap();
    let yaml = format!(
        "target: member-server\ndirectory: {}\naccounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n",
        ldif.display()
    );
    let expect = dir.path().join("services.yaml");
    fs::write(&expect, yaml).unwrap();
    let run = explain(&expect.display().to_string(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("CONTOSO\\zoe"), "{}", run.stdout);
}

#[test]
fn without_a_directory_export_it_is_exit_2_saying_how_to_give_one() {
    let dir = tempfile::tempdir().unwrap();
    let expect = expectations(dir.path());
    let run = explain(&expect, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("--all-accounts evaluates the accounts of a directory export"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--directory PATH"), "{}", run.stderr);
    assert!(run.stderr.contains("`directory: PATH`"), "{}", run.stderr);
}

#[test]
fn without_the_flag_nothing_is_surveyed() {
    let dir = tempfile::tempdir().unwrap();
    let expect = expectations(dir.path());
    let run = gplint(&[
        "explain",
        TEMPLATE,
        "--expect",
        &expect,
        "--directory",
        LDIF,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(rows(&run.stdout), ["CONTOSO\\svc_sql"], "{}", run.stdout);
}

/// 205 enabled users: HTML shows the first 200 by name and says how many
/// more there are.
#[test]
fn html_shows_the_first_accounts_and_says_how_many_more() {
    let dir = tempfile::tempdir().unwrap();
    let mut ldif = String::from(
        "dn: DC=contoso,DC=com\nobjectClass: domain\nobjectClass: domainDNS\n\n\
         dn: CN=svc_sql,CN=Users,DC=contoso,DC=com\nobjectClass: user\nsAMAccountName: svc_sql\n\n",
    );
    for i in 0..205 {
        ldif.push_str(&format!(
            "dn: CN=user{i:03},CN=Users,DC=contoso,DC=com\nobjectClass: user\nsAMAccountName: user{i:03}\nuserAccountControl: 512\n\n"
        ));
    }
    let path = dir.path().join("many.ldif");
    fs::write(&path, ldif).unwrap();
    let expect = expectations(dir.path());
    let path = path.display().to_string();
    let run = explain(&expect, &["--directory", &path, "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("5 more accounts of the directory not shown; use --format json"),
        "{}",
        &run.stdout[..2000.min(run.stdout.len())]
    );
    assert!(run.stdout.contains("user199"));
    assert!(!run.stdout.contains("user200"));
}
