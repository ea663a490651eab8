//! `--directory` and `directory:` from the outside (issue 17, point 1):
//! which files are read, in which order, and what a user reads when one
//! is not a directory export. What an export gives the model is tested
//! beside the code (src/expect/from_directory) and, once the readers
//! land, in scenario tests.

mod common;

use std::fs;
use std::path::Path;

use common::gplint;

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
const EXPECT: &str = "examples/quickstart/services.yaml";
const ACCOUNTS: &str = "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n";

fn write(path: &Path, text: &str) -> String {
    fs::write(path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_file_that_is_no_export_is_exit_2_naming_it_and_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let notes = write(&dir.path().join("notes.txt"), "hello world\n");
    for command in ["check", "explain"] {
        let run = gplint(&[command, TEMPLATE, "--expect", EXPECT, "--directory", &notes]);
        assert_eq!(run.code, 2, "{command}: {}", run.stderr);
        assert!(
            run.stderr
                .contains(&format!("`{notes}` is not a directory export")),
            "{command}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("help: give an LDIF file"),
            "{}",
            run.stderr
        );
        assert_eq!(run.stdout, "", "{command}");
    }
}

#[test]
fn diff_reads_the_directory_too() {
    let dir = tempfile::tempdir().unwrap();
    let notes = write(&dir.path().join("notes.txt"), "hello world\n");
    let run = gplint(&[
        "diff",
        TEMPLATE,
        TEMPLATE,
        "--expect",
        EXPECT,
        "--directory",
        &notes,
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("is not a directory export"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_export_is_exit_2_naming_it() {
    let run = gplint(&[
        "check",
        TEMPLATE,
        "--expect",
        EXPECT,
        "--directory",
        "no/such.ldif",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no/such.ldif"), "{}", run.stderr);
}

#[test]
fn directory_entries_are_relative_to_the_expectations_file() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("contoso.txt"), "x: y\n");
    let yaml = format!("directory: contoso.txt\n{ACCOUNTS}");
    let expect = write(&dir.path().join("services.yaml"), &yaml);
    let run = gplint(&["check", TEMPLATE, "--expect", &expect]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // Found beside services.yaml (not in the working folder), then read.
    let beside = dir.path().join("contoso.txt").display().to_string();
    assert!(
        run.stderr.contains(&format!(
            "`{beside}` is not a directory export: it begins `x: y`"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn the_flag_is_read_before_the_file_s_entries() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("listed.txt"), "listed\n");
    let flag = write(&dir.path().join("flag.txt"), "flag\n");
    let yaml = format!("directory: [listed.txt]\n{ACCOUNTS}");
    let expect = write(&dir.path().join("services.yaml"), &yaml);
    let run = gplint(&["check", TEMPLATE, "--expect", &expect, "--directory", &flag]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("flag.txt"), "{}", run.stderr);
    assert!(!run.stderr.contains("listed.txt"), "{}", run.stderr);
}

#[test]
fn an_export_over_max_directory_size_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ldif = write(&dir.path().join("big.ldif"), &"dn: CN=x\n".repeat(200));
    let run = gplint(&[
        "check",
        TEMPLATE,
        "--expect",
        EXPECT,
        "--directory",
        &ldif,
        "--max-directory-size",
        "1K",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("more than the limit of 1024 bytes for one directory export"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("big.ldif"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("raise the limit with --max-directory-size"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("--max-file-size"), "{}", run.stderr);
}

#[test]
fn without_a_directory_nothing_changes() {
    let plain = gplint(&["explain", TEMPLATE, "--expect", EXPECT, "--format", "json"]);
    assert!(!plain.stdout.contains("\"facts\""), "{}", plain.stdout);
}

#[test]
fn help_teaches_the_flags() {
    for command in ["check", "explain", "diff"] {
        let run = gplint(&[command, "--help"]);
        assert!(run.stdout.contains("--directory <PATH>"), "{command}");
        assert!(run.stdout.contains("ldifde -f contoso.ldif"), "{command}");
        assert!(
            run.stdout.contains("--max-directory-size <SIZE>"),
            "{command}"
        );
    }
}
