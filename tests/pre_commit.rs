//! The shipped pre-commit hook (issue 16, point 4), run by `pre-commit
//! run --all-files` in a git repository built here with a scoped
//! services.yaml, gives the exit code and findings `gplint check` gives on
//! the same tree. The hook's entry, args, files and pass_filenames are
//! read from .pre-commit-hooks.yaml; only `language: rust` (a cargo build)
//! is replaced by the binary these tests built. Verdicts follow
//! windows-logon-facts.md §1 item 3 (a logon right that does not hold the
//! account refuses the logon with 1385).

use std::path::Path;
use std::process::{Command, Output};

use serde_yaml::Value;

const DOMAIN: &str = "S-1-5-21-1004336348-1177238915-682003330";

fn template(right: &str) -> String {
    format!(
        "[Unicode]\nUnicode=yes\n[Version]\nsignature=\"$CHICAGO$\"\nRevision=1\n[Privilege Rights]\n{right}\n"
    )
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

/// Whether `program --version` runs; says why not when it does not.
fn have(program: &str) -> bool {
    let ok = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: `{program}` is not installed (CI installs it in .ci/run)");
    }
    ok
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GPLINT_TODAY", "2026-01-15")
        .env("PRE_COMMIT_HOME", dir.join(".pre-commit-home"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"))
}

/// The shipped hook, as a `repo: local` hook running the built binary.
fn local_config() -> (String, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let hooks: Value = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let mut hook = hooks[0].clone();
    let entry = hook["entry"].as_str().unwrap_or_default().to_owned();
    let rest = entry
        .strip_prefix("gplint")
        .unwrap_or_else(|| panic!("entry {entry}"));
    let binary = env!("CARGO_BIN_EXE_gplint");
    hook["entry"] = Value::from(format!("{binary}{rest}"));
    hook["language"] = Value::from("system");
    let args: Vec<String> = hook["args"]
        .as_sequence()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let mut check: Vec<String> = rest.split_whitespace().map(str::to_owned).collect();
    check.extend(args);
    let mut local = serde_yaml::Mapping::new();
    local.insert("repo".into(), "local".into());
    local.insert("hooks".into(), Value::Sequence(vec![hook]));
    let mut config = serde_yaml::Mapping::new();
    config.insert("repos".into(), Value::Sequence(vec![Value::Mapping(local)]));
    let config = serde_yaml::to_string(&config).unwrap_or_else(|e| panic!("{e}"));
    (config, check)
}

/// A repository whose scope `tier1` chains GPOs/base then GPOs/tier1,
/// with `tier1_right` in the second.
fn repository(dir: &Path, tier1_right: &str) {
    write(
        &dir.join("GPOs/base/GptTmpl.inf"),
        &template("SeInteractiveLogonRight = *S-1-5-32-544"),
    );
    write(&dir.join("GPOs/tier1/GptTmpl.inf"), &template(tier1_right));
    write(
        &dir.join("services.yaml"),
        &format!(
            "target: member-server\ndomain_sid: {DOMAIN}\nscopes:\n  - name: tier1\n    gpos: [base/GptTmpl.inf, tier1/GptTmpl.inf]\naccounts:\n  - name: CONTOSO\\svc_app\n    sid: {DOMAIN}-1200\n    password_never_expires: true\n    logon: [service]\n"
        ),
    );
    write(&dir.join("README.md"), "GPOs\n");
}

/// Runs the hook and `gplint check` on the repository; returns their
/// exit codes and outputs.
fn both(dir: &Path) -> ((i32, String), (i32, String)) {
    let (config, check) = local_config();
    write(&dir.join(".pre-commit-config.yaml"), &config);
    let add = run(dir, "git", &["add", "-A"]);
    assert!(add.status.success(), "{add:?}");
    let hook = run(
        dir,
        "pre-commit",
        &["run", "--all-files", "--verbose", "--color", "never"],
    );
    let check: Vec<&str> = check.iter().map(String::as_str).collect();
    let direct = run(dir, env!("CARGO_BIN_EXE_gplint"), &check);
    let text = |o: &Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    (
        (hook.status.code().unwrap_or(-1), text(&hook)),
        (direct.status.code().unwrap_or(-1), text(&direct)),
    )
}

/// Every line gplint printed is in what pre-commit printed.
fn same_findings(hook: &str, direct: &str) {
    for line in direct.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            hook.contains(line.trim_end()),
            "`{line}` missing from the hook's output:\n{hook}"
        );
    }
}

// ---- the whole-tree pre-commit hook (issue 16 point 4) ----

#[test]
fn pre_commit_hook_answers_as_gplint_check_on_the_tree() {
    if !have("git") || !have("pre-commit") {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let init = run(dir.path(), "git", &["init", "-q"]);
    assert!(init.status.success(), "{init:?}");

    // svc_app is not in SeServiceLogonRight: GPL101 in scope tier1.
    repository(dir.path(), &format!("SeServiceLogonRight = *{DOMAIN}-1201"));
    let ((hook_code, hook), (code, direct)) = both(dir.path());
    assert_eq!(code, 1, "{direct}");
    assert_eq!(hook_code, code, "{hook}");
    assert!(direct.contains("GPL101"), "{direct}");
    assert!(!direct.contains("not found"), "{direct}");
    same_findings(&hook, &direct);

    // Granted: both clean.
    repository(dir.path(), &format!("SeServiceLogonRight = *{DOMAIN}-1200"));
    let ((hook_code, hook), (code, direct)) = both(dir.path());
    assert_eq!(code, 0, "{direct}");
    assert_eq!(hook_code, 0, "{hook}");
    same_findings(&hook, &direct);
}
