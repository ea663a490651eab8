//! Input mistakes on the way to a first run (issue 14 items 6, 9 and 11):
//! the wrong file in the wrong place, no report when nothing could be
//! read, and `-o` / `-` for every command. Each test gives the input, the
//! exit code and the key words of the message; the messages themselves
//! are snapshots in tests/bad_inputs.rs.

mod common;
mod scratch;

use std::io::Write as _;
use std::process::{Command, Stdio};

use common::{Run, gplint};
use scratch::{GOOD, Scratch};

/// Runs gplint with `stdin` on its standard input.
fn gplint_with_stdin(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GITHUB_STEP_SUMMARY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // gplint may stop reading early (a limit): a closed pipe is fine.
    let _ = input.write_all(stdin);
    drop(input);
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn text(path: &std::path::Path) -> String {
    path.display().to_string()
}

fn assert_says(run: &Run, parts: &[&str]) {
    for part in parts {
        assert!(
            run.stderr.contains(part),
            "`{part}` not in:\n{}",
            run.stderr
        );
    }
}

// ---- the wrong file in the wrong place (issue 14 item 6) ----

#[test]
fn expect_naming_a_folder_speaks_of_the_expectations_file_and_the_file_inside() {
    let s = Scratch::new();
    std::fs::create_dir(s.path("config")).unwrap();
    let run = s.check_with(&["good.inf"], "config", &[]);
    assert_eq!(run.code, 2);
    assert_says(
        &run,
        &["the expectations file `", "is a folder", "services.yaml"],
    );
    assert!(!run.stderr.contains("template"), "{}", run.stderr);
    s.write("config/services.yaml", scratch::EXPECT.as_bytes());
    let run = s.check_with(&["good.inf"], "config", &[]);
    assert_eq!(run.code, 2);
    assert_says(&run, &["did you mean `", "config/services.yaml`?"]);
}

#[test]
fn an_empty_expectations_file_says_so_and_how_to_write_one() {
    let s = Scratch::new();
    s.write("empty.yaml", b"");
    let run = s.check_with(&["good.inf"], "empty.yaml", &[]);
    assert_eq!(run.code, 2);
    assert_says(
        &run,
        &["the expectations file `", "is empty", "gplint init "],
    );
    assert!(!run.stderr.contains("security template"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

/// The loader's own error for a file that declares nothing still holds:
/// only a file of no bytes is caught before loading.
#[test]
fn a_blank_expectations_file_keeps_the_loaders_no_accounts_error() {
    let s = Scratch::new();
    s.write("blank.yaml", b"\n# nothing yet\n");
    let run = s.check_with(&["good.inf"], "blank.yaml", &[]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains("is empty"), "{}", run.stderr);
    assert!(run.stderr.contains("account"), "{}", run.stderr);
}

#[test]
fn a_missing_expectations_file_beside_a_near_name_says_did_you_mean() {
    for near in ["services.yaml.txt", "services.yml", "Services.YAML"] {
        let s = Scratch::new();
        std::fs::rename(s.path("services.yaml"), s.path(near)).unwrap();
        let run = s.check_with(&["good.inf"], "services.yaml", &[]);
        assert_eq!(run.code, 2, "{near}");
        assert_says(
            &run,
            &["does not exist; did you mean `", &format!("{near}`?")],
        );
    }
}

#[test]
fn a_missing_expectations_file_alone_says_how_to_write_one() {
    let s = Scratch::new();
    let run = s.check_with(&["good.inf"], "absent.yaml", &[]);
    assert_eq!(run.code, 2);
    assert_says(&run, &["does not exist", "gplint init ", "good.inf > "]);
}

#[test]
fn check_and_explain_without_expect_say_how_to_write_one() {
    let s = Scratch::new();
    let template = text(&s.path("good.inf"));
    for command in ["check", "explain"] {
        let run = gplint(&[command, &template]);
        assert_eq!(run.code, 2, "{command}");
        assert_says(&run, &["--expect", "gplint init <INF>... > services.yaml"]);
    }
}

#[test]
fn a_long_option_with_one_dash_is_caught_and_spelled_with_two() {
    let s = Scratch::new();
    let (template, expect) = (text(&s.path("good.inf")), text(&s.path("services.yaml")));
    for (option, value) in [
        ("-expect", expect.as_str()),
        ("-rules", "rules"),
        ("-output", "report.txt"),
        ("-format", "json"),
        ("-fail-on", "warning"),
        ("-max-file-size", "1M"),
    ] {
        let run = gplint(&["check", &template, "--expect", &expect, option, value]);
        assert_eq!(run.code, 2, "{option}");
        assert_says(
            &run,
            &[
                &format!("`{option}` has one dash"),
                &format!("write `-{option}`"),
            ],
        );
        // Never read as `-e xpect`: no file called `xpect` is looked for.
        assert!(!run.stderr.contains("`xpect`"), "{}", run.stderr);
    }
    let run = gplint(&["init", &template, "-Output", "x.yaml"]);
    assert_eq!(run.code, 2);
    assert_says(&run, &["write `--output`"]);
}

// ---- stop at the first input error (issue 14 item 9) ----

/// Before: the whole findings report, computed against Windows' defaults,
/// then exit 2.
#[test]
fn a_missing_template_alone_prints_no_report_in_any_command() {
    let s = Scratch::new();
    let (missing, expect) = (text(&s.path("absent.inf")), text(&s.path("services.yaml")));
    for args in [
        vec!["check", &missing, "--expect", &expect],
        vec!["check", &missing, "--expect", &expect, "--format", "json"],
        vec!["explain", &missing, "--expect", &expect],
        vec!["init", &missing],
        vec!["dump", &missing, "--format", "json"],
    ] {
        let run = gplint(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert_says(&run, &["absent.inf", "no such file"]);
    }
}

#[test]
fn an_empty_folder_alone_prints_no_report() {
    let s = Scratch::new();
    std::fs::create_dir(s.path("backups")).unwrap();
    let run = s.check(&["backups"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_says(&run, &["holds no GPO"]);
    let run = gplint(&["init", &text(&s.path("backups"))]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
}

#[test]
fn unreadable_expectations_print_no_explanation() {
    let s = Scratch::new();
    let run = gplint(&[
        "explain",
        &text(&s.path("good.inf")),
        "--expect",
        &text(&s.path("absent.yaml")),
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert_says(&run, &["the expectations file `"]);
}

/// Nothing read, nothing written: the report of the last good run stays.
#[test]
fn nothing_read_leaves_the_output_file_as_it_was() {
    let s = Scratch::new();
    s.write("report.txt", b"last run");
    let output = text(&s.path("report.txt"));
    let run = s.check_with(&["absent.inf"], "services.yaml", &["-o", &output]);
    assert_eq!(run.code, 2);
    assert_eq!(
        std::fs::read_to_string(s.path("report.txt")).unwrap(),
        "last run"
    );
}

/// The README's promise: a bad input among good ones still leaves a report
/// of the others (and exit 2), for `explain` and `init` as for `check`.
#[test]
fn a_bad_input_among_good_ones_still_reports_the_others() {
    let s = Scratch::new();
    let (good, missing, expect) = (
        text(&s.path("good.inf")),
        text(&s.path("absent.inf")),
        text(&s.path("services.yaml")),
    );
    let run = gplint(&["explain", &good, &missing, "--expect", &expect]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("CONTOSO\\svc_sql"), "{}", run.stdout);
    let run = gplint(&["init", &missing, &good]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.contains("accounts:"), "{}", run.stdout);
}

// ---- `-o` everywhere, `-` for the standard streams (issue 14 item 11) ----

#[test]
fn explain_dump_and_init_write_to_output_and_not_to_standard_output() {
    let s = Scratch::new();
    let (good, expect) = (text(&s.path("good.inf")), text(&s.path("services.yaml")));
    let out = text(&s.path("out.txt"));
    for (args, words) in [
        (
            vec!["explain", &good, "--expect", &expect, "-o", &out],
            "CONTOSO\\svc_sql",
        ),
        (vec!["dump", &good, "--output", &out], "SeServiceLogonRight"),
        (
            vec!["dump", &good, "--format", "json", "-o", &out],
            "\"files\"",
        ),
        (vec!["init", &good, "-o", &out], "accounts:"),
    ] {
        let run = gplint(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        let written = std::fs::read_to_string(s.path("out.txt")).unwrap();
        assert!(written.contains(words), "{args:?}: {written}");
        std::fs::remove_file(s.path("out.txt")).unwrap();
    }
}

#[test]
fn output_dash_is_standard_output_for_every_command() {
    let s = Scratch::new();
    let (good, expect) = (text(&s.path("good.inf")), text(&s.path("services.yaml")));
    for args in [
        vec!["check", &good, "--expect", &expect, "-o", "-"],
        vec!["explain", &good, "--expect", &expect, "-o", "-"],
        vec!["dump", &good, "-o", "-"],
        vec!["init", &good, "-o", "-"],
    ] {
        let run = gplint(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(!run.stdout.is_empty(), "{args:?}");
    }
    assert!(!s.path("-").exists());
}

#[test]
fn every_command_refuses_to_write_onto_its_input() {
    let s = Scratch::new();
    let (good, expect) = (text(&s.path("good.inf")), text(&s.path("services.yaml")));
    for args in [
        vec!["explain", &good, "--expect", &expect, "-o", &expect],
        vec!["dump", &good, "-o", &good],
        vec!["init", &good, "-o", &good],
    ] {
        let run = gplint(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert_says(&run, &["refusing to write", "it is an input of this run"]);
    }
    assert_eq!(std::fs::read_to_string(s.path("good.inf")).unwrap(), GOOD);
    assert_eq!(
        std::fs::read_to_string(s.path("services.yaml")).unwrap(),
        scratch::EXPECT
    );
}

/// Before: refused as a symbolic link. `/dev/stdout` is the stream gplint
/// already writes to; a shell's redirection into a file is kept.
#[cfg(unix)]
#[test]
fn output_dev_stdout_writes_to_standard_output_even_when_it_is_a_file() {
    let s = Scratch::new();
    let (good, expect) = (text(&s.path("good.inf")), text(&s.path("services.yaml")));
    let file = std::fs::File::create(s.path("captured.txt")).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(["init", &good, "-o", "/dev/stdout"])
        .stdout(file)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let captured = std::fs::read_to_string(s.path("captured.txt")).unwrap();
    assert!(captured.contains("accounts:"), "{captured}");
    let run = gplint(&["explain", &good, "--expect", &expect, "-o", "/dev/stdout"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("CONTOSO\\svc_sql"), "{}", run.stdout);
}

/// A link to a device is written through and kept, never replaced by a
/// regular file; a link to a regular file is still refused.
#[cfg(unix)]
#[test]
fn output_through_a_link_to_a_device_writes_into_it_and_keeps_the_link() {
    let s = Scratch::new();
    std::os::unix::fs::symlink("/dev/null", s.path("null")).unwrap();
    let link = text(&s.path("null"));
    let run = gplint(&["dump", &text(&s.path("good.inf")), "-o", &link]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let kind = std::fs::symlink_metadata(s.path("null"))
        .unwrap()
        .file_type();
    assert!(kind.is_symlink());
    let run = gplint(&["init", &text(&s.path("good.inf")), "-o", "/dev/stderr"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("accounts:"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn a_template_dash_is_read_from_standard_input_as_stdin() {
    let s = Scratch::new();
    let expect = text(&s.path("services.yaml"));
    let with_warning = GOOD.replace("[Version]", "[Version");
    let run = gplint_with_stdin(
        &["check", "-", "--expect", &expect],
        with_warning.as_bytes(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("1 template"), "{}", run.stdout);
    assert_says(&run, &["<stdin>:"]);
    let run = gplint_with_stdin(&["dump", "-", "--format", "json"], GOOD.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"<stdin>\""), "{}", run.stdout);
    let run = gplint_with_stdin(&["init", "-"], GOOD.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("CONTOSO\\svc_sql") || run.stdout.contains("S-1-5-21"));
    let run = gplint_with_stdin(&["explain", "-", "--expect", &expect], GOOD.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn standard_input_obeys_the_limits_and_is_read_once() {
    let s = Scratch::new();
    let expect = text(&s.path("services.yaml"));
    let args = ["check", "-", "--expect", &expect, "--max-file-size", "100"];
    let run = gplint_with_stdin(&args, GOOD.as_bytes());
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert_says(&run, &["`<stdin>`", "--max-file-size"]);
    let run = gplint_with_stdin(&["check", "-", "-", "--expect", &expect], GOOD.as_bytes());
    assert_eq!(run.code, 2);
    assert_says(&run, &["standard input (`-`) is given more than once"]);
    let run = gplint_with_stdin(&["dump", "-"], b"");
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert_says(&run, &["`<stdin>`", "empty"]);
}
