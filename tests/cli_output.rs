//! `check --output FILE`, exit codes across formats, and the generated
//! `completions` and `man`.

mod common;

use common::gplint;

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
const EXPECT: &str = "examples/quickstart/services.yaml";
const FORMATS: [&str; 5] = ["human", "json", "sarif", "github", "junit"];

#[test]
fn output_writes_the_report_to_the_file_instead_of_stdout() {
    let dir = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let path = dir.path().join(format!("report.{format}"));
        let file = path.display().to_string();
        let args = ["check", TEMPLATE, "--expect", EXPECT, "--format", format];
        let to_stdout = gplint(&args);
        let mut with_output = args.to_vec();
        with_output.extend(["--output", &file]);
        let to_file = gplint(&with_output);
        assert_eq!(to_file.code, 1, "{format}: {}", to_file.stderr);
        assert!(to_file.stdout.is_empty(), "{format}: {}", to_file.stdout);
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, to_stdout.stdout, "{format}");
        assert!(
            !written.contains('\u{1b}'),
            "{format}: escape codes in the file"
        );
    }
}

#[test]
fn exit_codes_are_the_same_for_every_format() {
    for format in FORMATS {
        let base = ["check", TEMPLATE, "--expect", EXPECT, "--format", format];
        assert_eq!(gplint(&base).code, 1, "{format}");
        let mut never = base.to_vec();
        never.extend(["--fail-on", "never"]);
        assert_eq!(gplint(&never).code, 0, "{format}");
        let missing = gplint(&[
            "check",
            TEMPLATE,
            "--expect",
            "none.yaml",
            "--format",
            format,
        ]);
        assert_eq!(missing.code, 2, "{format}");
    }
}

#[test]
fn an_unwritable_output_file_is_exit_2_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir
        .path()
        .join("no/such/folder/report.sarif")
        .display()
        .to_string();
    let run = gplint(&[
        "check",
        TEMPLATE,
        "--expect",
        EXPECT,
        "--format",
        "sarif",
        "--fail-on",
        "never",
        "-o",
        &file,
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: cannot write the report to `"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_help_documents_formats_output_and_exit_codes() {
    let run = gplint(&["check", "--help"]);
    assert_eq!(run.code, 0);
    for text in [
        "--output <FILE>",
        "sarif",
        "github",
        "junit",
        "GITHUB_STEP_SUMMARY",
        "Exit codes",
    ] {
        assert!(
            run.stdout.contains(text),
            "{text} missing from:\n{}",
            run.stdout
        );
    }
}

#[test]
fn completions_are_generated_for_every_shell() {
    let shells = [
        ("bash", "_gplint()"),
        ("zsh", "#compdef gplint"),
        ("fish", "complete -c gplint"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[gplint]"),
    ];
    for (shell, marker) in shells {
        let run = gplint(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains(marker), "{shell}: no {marker}");
        // Generated from the clap definition: every option is there.
        assert!(run.stdout.contains("output"), "{shell}: no --output");
    }
    assert_eq!(gplint(&["completions", "tcsh"]).code, 2);
}

#[test]
fn man_prints_a_roff_page() {
    let run = gplint(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(".TH gplint 1"), "{}", run.stdout);
    assert!(run.stdout.contains(".SH NAME"));
    assert!(run.stdout.contains("gplint\\-check(1)"), "{}", run.stdout);
    let check = gplint(&["man", "check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stdout.contains(".TH gplint-check 1"),
        "{}",
        check.stdout
    );
    assert!(check.stdout.contains("\\-\\-output"), "{}", check.stdout);
    let unknown = gplint(&["man", "lint"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("check, explain, rules, dump"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn a_failed_run_leaves_the_previous_report_intact() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.sarif");
    let file = report.display().to_string();
    let args = ["check", TEMPLATE, "--expect", EXPECT, "--format", "sarif"];
    let mut first = args.to_vec();
    first.extend(["--output", &file]);
    assert_eq!(gplint(&first).code, 1);
    let previous = std::fs::read_to_string(&report).unwrap();
    // The expectations are a folder: unreadable, so the run fails.
    let folder = dir.path().display().to_string();
    let failed = gplint(&[
        "check", TEMPLATE, "--expect", &folder, "--format", "sarif", "--output", &file,
    ]);
    assert_eq!(failed.code, 2, "{}", failed.stderr);
    assert_eq!(std::fs::read_to_string(&report).unwrap(), previous);
    // Nor is anything left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
