//! Never destroy a file (issue 12, items 1–5): `--output` refuses every
//! input and every node it would replace, a temporary file never outlives
//! the run, a write error is exit 2 naming where, a closed pipe ends the
//! run quietly, and `$GITHUB_STEP_SUMMARY` never hangs.
//!
//! Every case works on copies in a temporary folder: before the fix these
//! runs overwrote their inputs, and as root `--output` onto a device
//! replaced the device node.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::say;

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
const EXPECT: &str = "examples/quickstart/services.yaml";
const RULE: &str = "tests/fixtures/team-rules/GPL901-debug-privilege-granted.yaml";

/// The quickstart template and expectations copied into a fresh folder.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Folder {
        let folder = Folder {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::copy(crate_path(TEMPLATE), folder.path("GptTmpl.inf")).unwrap();
        std::fs::copy(crate_path(EXPECT), folder.path("services.yaml")).unwrap();
        folder
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn text(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    /// `gplint check GptTmpl.inf --expect services.yaml EXTRA…`, run in the folder.
    fn check(&self, extra: &[&str]) -> Output {
        let mut args = vec!["check", "GptTmpl.inf", "--expect", "services.yaml"];
        args.extend(extra);
        run_in(self.dir.path(), &args, &[])
    }

    /// The names in the folder, sorted: nothing may be left behind.
    fn names(&self) -> Vec<String> {
        names_in(self.dir.path())
    }
}

fn crate_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs gplint in `dir` with a deadline: a hang fails the test instead of
/// the whole suite.
fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let child = gplint_in(dir, args, env)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_within(child, Duration::from_secs(60))
}

fn gplint_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gplint"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GITHUB_STEP_SUMMARY")
        .envs(env.iter().copied())
        .stdin(Stdio::null());
    command
}

fn wait_within(mut child: Child, limit: Duration) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("gplint still running after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts exit 2 with exactly one line on stderr containing every `part`.
fn assert_refused(output: &Output, parts: &[&str]) {
    let stderr = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    for part in parts {
        assert!(stderr.contains(part), "`{part}` not in: {stderr}");
    }
}

// ---- --output onto an input (issue 12 item 1) ----

#[test]
fn output_onto_the_template_is_refused_and_the_template_is_kept() {
    let f = Folder::new();
    let before = std::fs::read(f.path("GptTmpl.inf")).unwrap();
    let run = f.check(&["--output", "GptTmpl.inf"]);
    assert_refused(&run, &["GptTmpl.inf", "input"]);
    assert_eq!(std::fs::read(f.path("GptTmpl.inf")).unwrap(), before);
    assert_eq!(f.names(), ["GptTmpl.inf", "services.yaml"]);
}

#[test]
fn output_onto_the_expectations_file_is_refused_and_the_file_is_kept() {
    let f = Folder::new();
    let before = std::fs::read(f.path("services.yaml")).unwrap();
    let run = f.check(&["--format", "sarif", "--output", "services.yaml"]);
    assert_refused(&run, &["services.yaml", "expectations"]);
    assert_eq!(std::fs::read(f.path("services.yaml")).unwrap(), before);
}

#[test]
fn output_onto_an_input_by_another_path_is_refused() {
    let f = Folder::new();
    std::fs::create_dir(f.path("sub")).unwrap();
    let before = std::fs::read(f.path("GptTmpl.inf")).unwrap();
    // The same file by a detour through another folder.
    let run = f.check(&["--output", "sub/../GptTmpl.inf"]);
    assert_refused(&run, &["GptTmpl.inf"]);
    // And by the absolute path.
    let run = f.check(&["--output", &f.text("GptTmpl.inf")]);
    assert_refused(&run, &["GptTmpl.inf"]);
    assert_eq!(std::fs::read(f.path("GptTmpl.inf")).unwrap(), before);
}

#[test]
fn output_onto_a_hard_link_to_an_input_is_refused() {
    let f = Folder::new();
    std::fs::hard_link(f.path("services.yaml"), f.path("alias.txt")).unwrap();
    let before = std::fs::read(f.path("services.yaml")).unwrap();
    let run = f.check(&["--output", "alias.txt"]);
    assert_refused(&run, &["alias.txt", "services.yaml"]);
    assert_eq!(std::fs::read(f.path("services.yaml")).unwrap(), before);
}

#[test]
fn output_onto_a_rule_file_or_into_a_rules_folder_is_refused() {
    let f = Folder::new();
    std::fs::create_dir(f.path("rules")).unwrap();
    let rule = f.path("rules/GPL901.yaml");
    std::fs::copy(crate_path(RULE), &rule).unwrap();
    let before = std::fs::read(&rule).unwrap();
    let run = f.check(&["--rules", "rules", "--output", "rules/GPL901.yaml"]);
    assert_refused(&run, &["rules/GPL901.yaml", "rule"]);
    assert_eq!(std::fs::read(&rule).unwrap(), before);
    // A new file there would be read as a rule file by the next run.
    let run = f.check(&["--rules", "rules", "--output", "rules/report.yaml"]);
    assert_refused(&run, &["rules/report.yaml", "--rules"]);
    assert_eq!(names_in(&f.path("rules")), ["GPL901.yaml"]);
}

#[test]
fn output_into_a_gpo_folder_of_a_tree_is_refused() {
    let f = Folder::new();
    let gpo = f.path("tree/Policies/{31B2F340-016D-11D2-945F-00C04FB984F9}");
    let secedit = gpo.join("Machine/Microsoft/Windows NT/SecEdit");
    std::fs::create_dir_all(&secedit).unwrap();
    std::fs::write(gpo.join("GPT.INI"), "[General]\r\nVersion=1\r\n").unwrap();
    std::fs::copy(f.path("GptTmpl.inf"), secedit.join("GptTmpl.inf")).unwrap();
    let ini = "tree/Policies/{31B2F340-016D-11D2-945F-00C04FB984F9}/GPT.INI";
    let run = run_in(
        f.dir.path(),
        &[
            "check",
            "tree",
            "--expect",
            "services.yaml",
            "--output",
            ini,
        ],
        &[],
    );
    assert_refused(&run, &["GPT.INI", "GPO"]);
    assert_eq!(
        std::fs::read_to_string(gpo.join("GPT.INI")).unwrap(),
        "[General]\r\nVersion=1\r\n"
    );
}

#[test]
fn output_beside_the_inputs_is_still_written() {
    let f = Folder::new();
    let run = f.check(&["--output", "report.txt"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let report = std::fs::read_to_string(f.path("report.txt")).unwrap();
    assert!(report.contains("GPL"), "{report}");
}

// ---- --output onto a device, FIFO or symlink (issue 12 item 2) ----

#[cfg(unix)]
#[test]
fn output_onto_a_symlink_is_refused_and_link_and_target_are_kept() {
    let f = Folder::new();
    std::fs::write(f.path("target.txt"), "mine").unwrap();
    std::os::unix::fs::symlink("target.txt", f.path("link.txt")).unwrap();
    let run = f.check(&["--output", "link.txt"]);
    assert_refused(&run, &["link.txt", "symbolic link"]);
    let link = std::fs::symlink_metadata(f.path("link.txt")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert_eq!(
        std::fs::read_to_string(f.path("target.txt")).unwrap(),
        "mine"
    );
}

#[cfg(unix)]
#[test]
fn output_onto_a_dangling_symlink_is_refused() {
    let f = Folder::new();
    std::os::unix::fs::symlink("nowhere.txt", f.path("link.txt")).unwrap();
    let run = f.check(&["--output", "link.txt"]);
    assert_refused(&run, &["link.txt", "symbolic link"]);
    assert!(!f.path("nowhere.txt").exists(), "the link was followed");
}

#[test]
fn output_onto_a_folder_is_refused_and_the_folder_is_kept() {
    let f = Folder::new();
    std::fs::create_dir(f.path("reports")).unwrap();
    let run = f.check(&["--output", "reports"]);
    assert_refused(&run, &["reports", "folder"]);
    assert!(f.path("reports").is_dir());
    assert_eq!(f.names(), ["GptTmpl.inf", "reports", "services.yaml"]);
}

#[cfg(unix)]
#[test]
fn output_onto_a_fifo_writes_through_it_and_keeps_the_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let f = Folder::new();
    let fifo = f.path("report.fifo");
    if !mkfifo(&fifo) {
        return;
    }
    // A reader of its own, killed if gplint never opens the FIFO.
    let reader = Command::new("cat")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let run = f.check(&["--output", "report.fifo"]);
    let received = wait_within(reader, Duration::from_secs(10)).stdout;
    let received = String::from_utf8(received).unwrap();
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(received.contains("GPL"), "{received}");
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced: {kind:?}");
    assert_eq!(f.names(), ["GptTmpl.inf", "report.fifo", "services.yaml"]);
}

/// `/dev/null` and `/dev/full` made afresh in the test's folder (as root
/// only): before the fix, `--output` renamed a regular file over them.
#[cfg(unix)]
#[test]
fn output_onto_a_character_device_writes_in_place_and_keeps_the_node() {
    use std::os::unix::fs::FileTypeExt;
    let f = Folder::new();
    if !mknod(&f.path("null"), 1, 3) || !mknod(&f.path("full"), 1, 7) {
        return;
    }
    let run = f.check(&["--output", "null"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    // A device that refuses the write: exit 2, one line naming it.
    let run = f.check(&["--output", "full"]);
    assert_refused(&run, &["full", "No space left on device"]);
    for name in ["null", "full"] {
        let kind = std::fs::symlink_metadata(f.path(name)).unwrap().file_type();
        assert!(kind.is_char_device(), "{name} was replaced: {kind:?}");
    }
    assert_eq!(f.names(), ["GptTmpl.inf", "full", "null", "services.yaml"]);
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    let made = Command::new("mkfifo").arg(path).status();
    let ok = made.is_ok_and(|status| status.success());
    if !ok {
        say("skipped: mkfifo is not available");
    }
    ok
}

#[cfg(unix)]
fn mknod(path: &Path, major: u32, minor: u32) -> bool {
    let made = Command::new("mknod")
        .arg(path)
        .arg("c")
        .arg(major.to_string())
        .arg(minor.to_string())
        .stderr(Stdio::null())
        .status();
    let ok = made.is_ok_and(|status| status.success());
    if !ok {
        say("skipped: mknod needs root (a device node cannot be made here)");
    }
    ok
}

// ---- temporary files (issue 12 item 3) ----

#[test]
fn a_rewritten_report_leaves_no_temporary_file_and_keeps_its_mode() {
    let f = Folder::new();
    for _ in 0..2 {
        let run = f.check(&["--output", "report.txt"]);
        assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    }
    assert_eq!(f.names(), ["GptTmpl.inf", "report.txt", "services.yaml"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Like any file a shell creates: not the 0600 of a temporary file.
        let mode = std::fs::metadata(f.path("report.txt"))
            .unwrap()
            .permissions()
            .mode();
        assert_ne!(mode & 0o044, 0, "mode {mode:o}");
    }
}

/// A report of tens of megabytes, so a signal can land while its
/// temporary file is written. The test stops gplint as soon as a
/// temporary file shows, checks it is still there, then sends SIGINT or
/// SIGTERM: gplint must remove it and die by that signal, leaving the
/// previous report whole. If no attempt lands in that window the test
/// says so and passes: it cannot make the window wider.
#[cfg(unix)]
#[test]
fn an_interrupted_run_removes_its_temporary_file_and_keeps_the_old_report() {
    let f = Folder::new();
    std::fs::write(f.path("many.yaml"), many_accounts(4_000)).unwrap();
    std::fs::write(f.path("report.json"), "previous").unwrap();
    let args = [
        "check",
        "GptTmpl.inf",
        "--expect",
        "many.yaml",
        "--format",
        "json",
        "--output",
        "report.json",
    ];
    let mut caught = Vec::new();
    let signals = ["INT", "TERM"].iter().cycle().take(6);
    for (attempt, signal) in signals.enumerate() {
        if caught.contains(signal) {
            continue;
        }
        if interrupt_while_writing(&f, &args, signal) {
            caught.push(*signal);
        }
        assert_eq!(
            f.names(),
            ["GptTmpl.inf", "many.yaml", "report.json", "services.yaml"],
            "attempt {attempt}"
        );
        let report = std::fs::read_to_string(f.path("report.json")).unwrap();
        assert!(
            report == "previous" || report.ends_with("}\n"),
            "attempt {attempt}: a partial report"
        );
        std::fs::write(f.path("report.json"), "previous").unwrap();
    }
    if caught.len() < 2 {
        say(&format!(
            "note: only {caught:?} of SIGINT and SIGTERM landed while the temporary file existed"
        ));
    }
}

/// One run: `true` when the signal landed while the temporary file
/// existed (then the run must have died by it, and the old report stays).
#[cfg(unix)]
fn interrupt_while_writing(f: &Folder, args: &[&str], signal: &str) -> bool {
    use std::os::unix::process::ExitStatusExt;
    let mut child = gplint_in(f.dir.path(), args, &[])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id().to_string();
    let temporary = || {
        names_in(f.dir.path())
            .into_iter()
            .any(|name| name.starts_with('.'))
    };
    let start = Instant::now();
    let mut landed = false;
    while child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(120) {
        if temporary() {
            kill(&pid, "STOP");
            landed = temporary();
            kill(&pid, signal);
            kill(&pid, "CONT");
            break;
        }
    }
    let output = wait_within(child, Duration::from_secs(60));
    if landed {
        let expected = if signal == "INT" { 2 } else { 15 };
        assert_eq!(
            output.status.signal(),
            Some(expected),
            "{:?}: {}",
            output.status,
            stderr(&output)
        );
        assert_eq!(
            std::fs::read_to_string(f.path("report.json")).unwrap(),
            "previous"
        );
    }
    landed
}

#[cfg(unix)]
fn kill(pid: &str, signal: &str) {
    let sent = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid)
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{signal} {pid}");
}

/// Expectations for `count` accounts, none of which holds what it needs:
/// several findings each.
fn many_accounts(count: u32) -> String {
    let mut yaml = String::from("target: member-server\naccounts:\n");
    for i in 0..count {
        yaml.push_str(&format!(
            "  - name: CONTOSO\\svc_{i}\n    sid: S-1-5-21-1004336348-1177238915-682003330-{}\n    logon: [service, batch, network]\n",
            100_000 + i
        ));
    }
    yaml
}

// ---- write errors and closed pipes on standard output (issue 12 item 4) ----

/// Every command that prints, with its arguments from the crate root.
fn printing_commands() -> Vec<Vec<&'static str>> {
    let check = ["check", TEMPLATE, "--expect", EXPECT];
    let mut commands: Vec<Vec<&str>> = ["human", "json", "sarif", "github", "junit"]
        .iter()
        .map(|format| {
            let mut args = check.to_vec();
            args.extend(["--format", format]);
            args
        })
        .collect();
    commands.extend([
        vec!["explain", TEMPLATE, "--expect", EXPECT],
        vec!["explain", TEMPLATE, "--expect", EXPECT, "--format", "json"],
        vec!["init", TEMPLATE],
        vec!["dump", TEMPLATE],
        vec!["dump", TEMPLATE, "--format", "json"],
        vec!["rules"],
        vec!["rules", "GPL101"],
        vec!["why", "1385"],
        vec!["why", "1385", "--format", "json"],
        vec!["completions", "bash"],
        vec!["man"],
        vec!["--help"],
        vec!["--version"],
    ]);
    commands
}

#[cfg(target_os = "linux")]
#[test]
fn every_command_writing_to_a_full_disk_is_exit_2_with_one_line() {
    for args in printing_commands() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let child = gplint_in(Path::new(env!("CARGO_MANIFEST_DIR")), &args, &[])
            .stdout(full)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let output = wait_within(child, Duration::from_secs(60));
        let stderr = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        let last = stderr.lines().last().unwrap_or_default();
        assert_eq!(
            last, "error: cannot write to standard output: No space left on device (os error 28)",
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// A reader that went away (`| head -1`): each command ends quietly, as
/// if by SIGPIPE like any Unix filter, whatever its findings were.
#[cfg(unix)]
#[test]
fn every_command_writing_to_a_closed_pipe_ends_quietly_by_sigpipe() {
    use std::os::unix::process::ExitStatusExt;
    for args in printing_commands() {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let child = gplint_in(Path::new(env!("CARGO_MANIFEST_DIR")), &args, &[])
            .stdout(writer)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let output = wait_within(child, Duration::from_secs(60));
        let stderr = stderr(&output);
        assert_eq!(output.status.signal(), Some(13), "{args:?}: {output:?}");
        // Warnings about the inputs may come first; nothing about the pipe.
        assert!(!stderr.contains("standard output"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// The reproduction from the issue, through a shell: `| head -1` on a
/// report far larger than a pipe holds.
#[cfg(unix)]
#[test]
fn a_large_report_piped_to_head_prints_one_line_and_ends_by_sigpipe() {
    let f = Folder::new();
    std::fs::write(f.path("many.yaml"), many_accounts(1_000)).unwrap();
    let gplint = env!("CARGO_BIN_EXE_gplint");
    let script = format!(
        "'{gplint}' check GptTmpl.inf --expect many.yaml --format json | head -1; echo \"status ${{PIPESTATUS[0]}}\" >&2"
    );
    let output = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(f.dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout, "{\n");
    assert_eq!(stderr(&output), "status 141\n");
}

// ---- $GITHUB_STEP_SUMMARY (issue 12 item 5) ----

#[cfg(unix)]
#[test]
fn a_step_summary_naming_a_fifo_warns_and_does_not_hang() {
    use std::os::unix::fs::FileTypeExt;
    let f = Folder::new();
    let fifo = f.path("summary");
    if !mkfifo(&fifo) {
        return;
    }
    let summary = f.text("summary");
    let mut args = vec!["check", "GptTmpl.inf", "--expect", "services.yaml"];
    args.extend(["--format", "github"]);
    let run = run_in(f.dir.path(), &args, &[("GITHUB_STEP_SUMMARY", &summary)]);
    let stderr = stderr(&run);
    // The annotations are the report: the findings decide the exit code.
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("warning: cannot append the summary"),
        "{stderr}"
    );
    assert!(stderr.contains("not a regular file"), "{stderr}");
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo());
}

#[test]
fn a_step_summary_naming_an_input_warns_and_leaves_it_alone() {
    let f = Folder::new();
    let before = std::fs::read(f.path("services.yaml")).unwrap();
    let summary = f.text("services.yaml");
    let mut args = vec!["check", "GptTmpl.inf", "--expect", "services.yaml"];
    args.extend(["--format", "github"]);
    let run = run_in(f.dir.path(), &args, &[("GITHUB_STEP_SUMMARY", &summary)]);
    let stderr = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("warning: cannot append the summary"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(f.path("services.yaml")).unwrap(), before);
}

#[test]
fn a_step_summary_in_a_regular_file_is_appended() {
    let f = Folder::new();
    std::fs::write(f.path("summary.md"), "earlier step\n").unwrap();
    let summary = f.text("summary.md");
    let mut args = vec!["check", "GptTmpl.inf", "--expect", "services.yaml"];
    args.extend(["--format", "github"]);
    let run = run_in(f.dir.path(), &args, &[("GITHUB_STEP_SUMMARY", &summary)]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let written = std::fs::read_to_string(f.path("summary.md")).unwrap();
    assert!(written.starts_with("earlier step\n"), "{written}");
    assert!(written.len() > "earlier step\n".len(), "{written}");
}
