//! `gplint dump` from the outside: exit codes and what a user reads.

mod common;

use common::{fixture, gplint};

fn path(relative: &str) -> String {
    fixture(relative).display().to_string()
}

#[test]
fn a_good_template_dumps_with_exit_0() {
    let run = gplint(&["dump", &path("grammar/basic.inf")]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(run.stdout.contains("UTF-16LE with BOM"));
    assert!(
        run.stdout
            .contains("SeServiceLogonRight (Log on as a service), allows service logon")
    );
    assert!(
        run.stdout
            .contains("*S-1-5-80-0  NT SERVICE\\ALL SERVICES  (group)")
    );
    assert!(run.stdout.contains("0 warnings"));
}

#[test]
fn warnings_do_not_fail_dump() {
    let run = gplint(&["dump", &path("grammar/line-without-equals.inf")]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("syntax::line-without-equals"));
    assert!(run.stdout.contains("1 warning\n"));
}

fn assert_one_line_error(run: &common::Run, needle: &str) {
    assert_eq!(
        run.code, 2,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    let lines: Vec<_> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line of reason, got: {:?}", run.stderr);
    assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    assert!(lines[0].contains(needle), "{} lacks {needle}", lines[0]);
}

#[test]
fn a_missing_path_is_exit_2_with_one_line() {
    let run = gplint(&["dump", "no/such/GptTmpl.inf"]);
    assert_one_line_error(&run, "no/such/GptTmpl.inf");
}

#[test]
fn a_directory_is_exit_2_with_one_line() {
    // A folder without GPOs or `.inf` files: a folder of `.inf` files is
    // read as templates (issue 14 item 8).
    let run = gplint(&["dump", &path("expect")]);
    assert_one_line_error(&run, "holds no GPO");
}

#[test]
fn an_empty_file_is_exit_2_with_one_line() {
    let run = gplint(&["dump", &path("bad/empty.inf")]);
    assert_one_line_error(&run, "empty");
}

#[test]
fn random_bytes_are_exit_2_with_one_line() {
    let run = gplint(&["dump", &path("bad/random-bytes.inf")]);
    assert_one_line_error(&run, "binary");
}

#[test]
fn odd_length_utf16_is_exit_2_with_one_line() {
    let run = gplint(&["dump", &path("bad/odd-length.inf")]);
    assert_one_line_error(&run, "odd number of bytes");
}

#[test]
fn one_bad_input_does_not_stop_the_others() {
    let run = gplint(&[
        "dump",
        "--format",
        "json",
        &path("bad/empty.inf"),
        &path("grammar/basic.inf"),
    ]);
    assert_eq!(run.code, 2);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["files"].as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_are_exit_2_and_help_is_exit_0() {
    assert_eq!(gplint(&["dump"]).code, 2);
    assert_eq!(gplint(&["frobnicate"]).code, 2);
    let help = gplint(&["dump", "--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("Exit codes"));
}

#[test]
fn a_folder_of_backups_lists_every_gpo_with_name_and_guid() {
    let run = gplint(&["dump", &path("trees/backups")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (name, guid) in [
        (
            "Domain - Logon Restrictions",
            "{0F6B2D8E-4A1C-4E7B-9C3D-6E8A0B2C4D5F}",
        ),
        (
            "SQL Servers - Hardening",
            "{C7A3E5B9-1D2F-4A6C-8E0B-5F3D7A9C1E24}",
        ),
        ("Servers Baseline", "{4B1E8F2A-7C3D-4E5F-9A6B-2C8D1E0F3A47}"),
    ] {
        assert!(
            run.stdout.contains(&format!("== GPO '{name}' {guid}")),
            "{name} missing:\n{}",
            run.stdout
        );
    }
}

#[test]
fn a_sysvol_tree_is_read_whole_and_a_gpo_without_template_is_listed() {
    let run = gplint(&["dump", "--format", "json", &path("trees/sysvol")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let gpos = json["gpos"].as_array().unwrap();
    assert_eq!(gpos.len(), 3);
    assert_eq!(json["files"].as_array().unwrap().len(), 2);
    assert!(gpos.iter().any(|g| g["template"].is_null()));
    assert!(
        gpos.iter()
            .all(|g| g["guid"].as_str().is_some_and(|s| s.starts_with('{')))
    );
}

/// `dump` shows the comment after a value beside its line, in both forms,
/// and never as part of the value (facts doc §9 item 9).
#[test]
fn comments_after_values_are_shown_beside_their_lines() {
    let file = path("grammar/trailing-comments.inf");
    let run = gplint(&["dump", &file]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(run.stdout.contains("0 warnings"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "SeDenyBatchLogonRight (Deny log on as a batch job), denies batch logon    line 9    ; deny domain users"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("MinimumPasswordAge = 1    line 5    ; days")
    );
    let json = gplint(&["dump", "--format", "json", &file]);
    assert_eq!(json.code, 0, "stderr: {}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let rights = &value["files"][0]["privilege_rights"];
    let deny = rights
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["right"] == "SeDenyBatchLogonRight")
        .unwrap();
    assert_eq!(deny["comment"], "deny domain users");
    assert_eq!(deny["holders"].as_array().unwrap().len(), 1);
    assert_eq!(
        deny["holders"][0]["written"],
        "*S-1-5-21-1004336348-1177238915-682003330-513"
    );
    let membership = &value["files"][0]["group_membership"][0];
    assert_eq!(membership["comment"], "jump hosts only");
    let batch = rights
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["right"] == "SeBatchLogonRight")
        .unwrap();
    assert_eq!(batch["comment"], "admins and svc_batch");
}

// ---- dump in batches, JSON written as it is made (issue 19 item 5) ----

/// A tree of more GPOs than one batch holds at 7 threads: templates with
/// and without warnings, 5 GPOs without a template, 3 whose template is
/// empty (an error), and the fixture's 3 backups.
fn many_gpos() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let grammar: Vec<_> = std::fs::read_dir(fixture("grammar"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    for i in 0..45 {
        let gpo = dir
            .path()
            .join(format!("Policies/{{00000000-0000-4000-8000-{i:012}}}"));
        std::fs::create_dir_all(&gpo).unwrap();
        std::fs::write(
            gpo.join("GPT.INI"),
            format!("[General]\r\ndisplayName=GPO {i}\r\n"),
        )
        .unwrap();
        if i % 9 == 4 {
            continue;
        }
        let secedit = gpo.join("Machine/Microsoft/Windows NT/SecEdit");
        std::fs::create_dir_all(&secedit).unwrap();
        let template = match i % 11 {
            7 => Vec::new(),
            _ => std::fs::read(&grammar[i % grammar.len()]).unwrap(),
        };
        std::fs::write(secedit.join("GptTmpl.inf"), template).unwrap();
    }
    let backups = fixture("trees/backups");
    let status = std::process::Command::new("cp")
        .args(["-r", &backups.display().to_string()])
        .arg(dir.path().join("backups"))
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

fn dump_in_threads(threads: &str, args: &[&str]) -> common::Run {
    common::gplint_with_env(args, &[("RAYON_NUM_THREADS", threads)])
}

#[test]
fn dump_is_the_same_at_any_thread_count_and_to_a_file() {
    let dir = many_gpos();
    let tree = dir.path().display().to_string();
    for format in ["text", "json"] {
        let args = ["dump", &tree, "--format", format];
        let one = dump_in_threads("1", &args);
        assert_eq!(one.code, 2, "the empty template fails the run");
        let errors = one.stderr.lines().filter(|l| l.starts_with("error: "));
        assert_eq!(errors.count(), 3, "{}", one.stderr);
        if format == "json" {
            let document: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
            assert_eq!(document["files"].as_array().unwrap().len(), 37 + 3);
            assert_eq!(document["gpos"].as_array().unwrap().len(), 45 + 3);
        } else {
            assert!(one.stderr.contains("syntax::line-without-equals"));
        }
        for threads in ["2", "4", "7"] {
            let many = dump_in_threads(threads, &args);
            assert_eq!(one.code, many.code, "{format}, {threads} threads");
            assert_eq!(one.stdout, many.stdout, "{format}, {threads} threads");
            assert_eq!(one.stderr, many.stderr, "{format}, {threads} threads");
        }
        let file = dir.path().join(format!("dump.{format}"));
        let file_name = file.display().to_string();
        let to_file = dump_in_threads("3", &[&args[..], &["--output", &file_name]].concat());
        assert_eq!(to_file.code, 2);
        assert_eq!(to_file.stderr, one.stderr);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), one.stdout);
    }
}

#[test]
fn nothing_read_writes_no_file_and_no_document() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("GptTmpl.inf");
    std::fs::write(&empty, b"").unwrap();
    let empty = empty.display().to_string();
    let out = dir.path().join("out.json");
    let out_name = out.display().to_string();
    for args in [
        vec!["dump", &empty, "--format", "json"],
        vec!["dump", &empty, "--format", "json", "--output", &out_name],
        vec!["dump", &empty, "--output", &out_name],
    ] {
        let run = gplint(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.stderr);
        assert!(!out.exists(), "{args:?}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "only the template: {leftovers:?}");
}
