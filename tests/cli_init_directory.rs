//! `gplint init --directory` (issue 17 point 4): the file it writes
//! names what the directory or the backups' reports know, proposes the
//! domain's service accounts and takes the domain's own policy, and
//! `check` accepts it as written.

mod common;

use std::fs;

use common::{corpus, gplint};

const QUICKSTART: &str = "examples/quickstart/GptTmpl.inf";
const SMALL: &str = "tests/fixtures/directory/contoso-small.ldif";

/// Runs `init` into a temporary folder and returns the folder and text.
fn init(args: &[&str]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("services.yaml");
    let out_arg = out.display().to_string();
    let mut all = vec!["init", "--no-progress", "-o", &out_arg];
    all.extend_from_slice(args);
    let run = gplint(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = fs::read_to_string(&out).unwrap();
    (dir, text)
}

#[test]
fn quickstart_sids_are_written_as_the_directory_names_them() {
    let ldif = fs::canonicalize(SMALL).unwrap().display().to_string();
    let (dir, text) = init(&[QUICKSTART, "--directory", &ldif]);
    assert!(
        !text.contains("UNRESOLVED\\S-1-5-21-1004336348-1177238915-682003330-1105"),
        "{text}"
    );
    assert!(text.contains("  - name: 'CONTOSO\\svc_sql'\n"), "{text}");
    assert!(
        text.contains("  - name: 'CONTOSO\\svc_reports'\n"),
        "{text}"
    );
    assert!(text.contains("directory: ["), "{text}");
    assert!(
        text.contains("domain_policy: {max_password_age_days: 60, lockout_threshold: 5}"),
        "{text}"
    );
    let expect = dir.path().join("services.yaml").display().to_string();
    let check = gplint(&["check", QUICKSTART, "--expect", &expect, "--no-progress"]);
    assert!(
        check.code < 2,
        "check refused the file: {}\n{text}",
        check.stderr
    );
}

#[test]
fn the_disa_tree_and_the_corpus_export_give_a_file_check_accepts() {
    let Some(corpus) = corpus() else { return };
    let tree = corpus
        .join("trees/disa-stig-gpo-backups")
        .display()
        .to_string();
    let ldif = corpus
        .join("directory/contoso-samba-ad.ldif")
        .display()
        .to_string();
    let (dir, text) = init(&[&tree, "--directory", &ldif]);
    assert!(!text.contains("UNRESOLVED"), "{text}");
    assert!(
        text.contains("domain_policy: {max_password_age_days: 60, lockout_threshold: 5}"),
        "{text}"
    );
    assert!(
        text.contains("# a managed service account\n  - name: 'CONTOSO\\gmsa_web$'"),
        "{text}"
    );
    let expect = dir.path().join("services.yaml").display().to_string();
    let check = gplint(&["check", &tree, "--expect", &expect, "--no-progress"]);
    assert!(
        check.code < 2,
        "check refused the file: {}\n{text}",
        check.stderr
    );
}

#[test]
fn an_export_that_cannot_be_read_is_exit_2() {
    let run = gplint(&[
        "init",
        QUICKSTART,
        "--directory",
        "Cargo.toml",
        "--no-progress",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`Cargo.toml` is not a directory export"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}
