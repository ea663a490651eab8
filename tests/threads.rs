//! Output does not depend on the number of threads: reading, parsing and
//! evaluating run in parallel, and every result is taken in input order.

use std::process::{Command, Output};

fn run(threads: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RAYON_NUM_THREADS", threads)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn assert_same_output(args: &[&str]) {
    let one = run("1", args);
    for threads in ["2", "4", "7"] {
        let many = run(threads, args);
        assert_eq!(
            one.status.code(),
            many.status.code(),
            "{args:?}, {threads} threads"
        );
        assert_eq!(
            String::from_utf8_lossy(&one.stdout),
            String::from_utf8_lossy(&many.stdout),
            "{args:?}, {threads} threads"
        );
        assert_eq!(one.stderr, many.stderr, "{args:?}, {threads} threads");
    }
    assert!(!one.stdout.is_empty(), "{args:?} printed nothing");
}

const TREE: [&str; 4] = [
    "tests/fixtures/trees/backups",
    "--expect",
    "tests/fixtures/trees/services.yaml",
    "--format",
];

const QUICKSTART: [&str; 4] = [
    "examples/quickstart/GptTmpl.inf",
    "--expect",
    "examples/quickstart/services.yaml",
    "--format",
];

#[test]
fn check_output_is_the_same_with_one_thread_or_several() {
    for inputs in [TREE, QUICKSTART] {
        for format in ["human", "json", "sarif"] {
            let mut args = vec!["check"];
            args.extend(inputs);
            args.push(format);
            assert_same_output(&args);
        }
    }
}

#[test]
fn explain_output_is_the_same_with_one_thread_or_several() {
    for inputs in [TREE, QUICKSTART] {
        let mut args = vec!["explain"];
        args.extend(&inputs[..3]);
        assert_same_output(&args);
    }
}

#[test]
fn a_whole_sysvol_tree_checks_the_same_with_one_thread_or_several() {
    assert_same_output(&[
        "check",
        "tests/fixtures/trees/sysvol",
        "--expect",
        "examples/quickstart/services.yaml",
    ]);
}
