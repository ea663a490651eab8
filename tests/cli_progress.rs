// ---- progress bar (issue 15 point 6) ----
//! The progress bar: drawn on standard error only when it is a terminal,
//! never with `--quiet` or `--no-progress`, and told only of stages over
//! the thresholds (more than 200 GPOs read, more than 1,000 account ×
//! scope pairs evaluated). The tests run without a terminal, so the
//! binary's runs check that nothing is drawn; the library's entry point
//! is run with a recording listener to check what would be; one test
//! draws in a pseudo-terminal when `script` (util-linux) is installed.

mod common;

use std::ffi::OsString;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use common::{Run, gplint};
use gplint::cli::{self, Io};
use gplint::progress::Progress;
use gplint::report::Style;

/// A folder of `gpos` SYSVOL GPOs, each granting the first account the
/// service right, and a services.yaml of `accounts` accounts: with each
/// GPO evaluated alone, `gpos × accounts` pairs are evaluated.
fn estate(root: &Path, gpos: usize, accounts: usize) {
    let template = "[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-21-1-2-3-1105\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n";
    for i in 0..gpos {
        let gpo = root.join(format!(
            "tree/contoso.com/Policies/{{{i:08X}-1111-1111-1111-111111111111}}"
        ));
        let secedit = gpo.join("MACHINE/Microsoft/Windows NT/SecEdit");
        std::fs::create_dir_all(&secedit).unwrap();
        std::fs::write(gpo.join("GPT.INI"), "[General]\r\nVersion=1\r\n").unwrap();
        std::fs::write(secedit.join("GptTmpl.inf"), template).unwrap();
    }
    let mut yaml = String::from("accounts:\n");
    for i in 0..accounts {
        yaml.push_str(&format!(
            "  - name: CONTOSO\\svc{i}\n    sid: S-1-5-21-1-2-3-{}\n    logon: [service]\n",
            1105 + i
        ));
    }
    std::fs::write(root.join("services.yaml"), yaml).unwrap();
}

/// The three commands that read the estate, with `extra` flags.
fn commands(root: &Path, extra: &[&str]) -> Vec<Vec<String>> {
    let tree = root.join("tree").display().to_string();
    let yaml = root.join("services.yaml").display().to_string();
    let mut out = vec![
        vec![
            "check".into(),
            tree.clone(),
            "--expect".into(),
            yaml.clone(),
        ],
        vec!["explain".into(), tree.clone(), "--expect".into(), yaml],
        vec!["init".into(), tree],
    ];
    for args in &mut out {
        args.extend(extra.iter().map(|s| (*s).to_owned()));
    }
    out
}

fn assert_no_bar(run: &Run, args: &[String]) {
    for (stream, text) in [("stderr", &run.stderr), ("stdout", &run.stdout)] {
        for sign in ["reading GPOs", "evaluating accounts", "\r", "\x1b["] {
            assert!(
                !text.contains(sign),
                "{args:?}: {stream} holds {sign:?}:\n{text}"
            );
        }
    }
    assert!(run.code == 0 || run.code == 1, "{args:?}: {}", run.stderr);
}

#[test]
fn no_bar_when_stderr_is_not_a_terminal_nor_with_quiet_or_no_progress() {
    let dir = tempfile::tempdir().unwrap();
    estate(dir.path(), 250, 5);
    for extra in [&[][..], &["--quiet"], &["-q"], &["--no-progress"]] {
        for args in commands(dir.path(), extra) {
            let refs: Vec<&str> = args.iter().map(String::as_str).collect();
            assert_no_bar(&gplint(&refs), &args);
        }
    }
}

#[test]
fn quiet_and_no_progress_change_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    estate(dir.path(), 3, 1);
    for args in commands(dir.path(), &[]) {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let plain = gplint(&refs);
        for flag in ["--quiet", "--no-progress"] {
            let mut with = refs.clone();
            with.push(flag);
            let run = gplint(&with);
            assert_eq!(run.code, plain.code, "{with:?}");
            assert_eq!(run.stdout, plain.stdout, "{with:?}");
            assert_eq!(run.stderr, plain.stderr, "{with:?}");
        }
    }
}

/// Every call a bar would see.
#[derive(Default)]
struct Recording {
    started: Mutex<Vec<(u64, String)>>,
    advanced: AtomicU64,
    finished: AtomicU64,
}

impl Progress for Recording {
    fn start(&self, total: u64, what: &str) {
        self.started.lock().unwrap().push((total, what.to_owned()));
    }
    fn advance(&self, n: u64) {
        self.advanced.fetch_add(n, Ordering::Relaxed);
    }
    fn finish(&self) {
        self.finished.fetch_add(1, Ordering::Relaxed);
    }
}

/// Runs `args` in process, telling a [`Recording`].
fn recorded(args: &[String]) -> Recording {
    let recording = Recording::default();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let mut io = Io {
        stdin: None,
        stdout: &mut stdout,
        stderr: &mut stderr,
        style: Style::PLAIN,
    };
    let argv = std::iter::once("gplint".to_owned())
        .chain(args.iter().cloned())
        .map(OsString::from);
    cli::run_with_progress(argv, &mut io, &recording);
    recording
}

fn started(recording: &Recording) -> Vec<(u64, String)> {
    recording.started.lock().unwrap().clone()
}

#[test]
fn over_the_thresholds_each_stage_is_told_up_to_its_total() {
    let dir = tempfile::tempdir().unwrap();
    estate(dir.path(), 201, 5);
    let reading = (201, "reading GPOs".to_owned());
    let evaluating = (1005, "evaluating accounts in scopes".to_owned());
    let expected = [
        vec![reading.clone(), evaluating.clone()],
        vec![reading.clone(), evaluating],
        vec![reading],
    ];
    for (args, expected) in commands(dir.path(), &[]).iter().zip(expected) {
        let recording = recorded(args);
        let totals: u64 = expected.iter().map(|(total, _)| total).sum();
        assert_eq!(started(&recording), expected, "{args:?}");
        assert_eq!(
            recording.advanced.load(Ordering::Relaxed),
            totals,
            "{args:?}"
        );
        let stages = u64::try_from(expected.len()).unwrap();
        assert_eq!(
            recording.finished.load(Ordering::Relaxed),
            stages,
            "{args:?}"
        );
    }
}

#[test]
fn at_the_thresholds_or_with_a_flag_nothing_is_told() {
    let small = tempfile::tempdir().unwrap();
    // 200 GPOs, 5 accounts: 1,000 pairs, neither over its threshold.
    estate(small.path(), 200, 5);
    let large = tempfile::tempdir().unwrap();
    estate(large.path(), 201, 5);
    let runs = commands(small.path(), &[])
        .into_iter()
        .chain(commands(large.path(), &["--quiet"]))
        .chain(commands(large.path(), &["--no-progress"]));
    for args in runs {
        let recording = recorded(&args);
        assert!(started(&recording).is_empty(), "{args:?}");
        assert_eq!(recording.advanced.load(Ordering::Relaxed), 0, "{args:?}");
        assert_eq!(recording.finished.load(Ordering::Relaxed), 0, "{args:?}");
    }
}

/// The bar is reached only through the binary: `indicatif` is named in
/// one file of the crate, and the bar is made only in `main.rs`, after
/// checking that standard error is a terminal. `cli::run`, the library's
/// entry point, passes `NoProgress`.
#[test]
fn only_the_binary_on_a_terminal_makes_the_bar() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut indicatif = Vec::new();
    let mut makers = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let name = entry
            .path()
            .strip_prefix(&src)
            .unwrap()
            .display()
            .to_string();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        if text.contains("indicatif") && !name.ends_with("bar.rs") {
            indicatif.push(name.clone());
        }
        if text.contains("StderrBar::new()") && name != "cli/bar.rs" {
            makers.push((name, text));
        }
    }
    assert_eq!(
        indicatif,
        Vec::<String>::new(),
        "indicatif outside cli/bar.rs"
    );
    let names: Vec<&str> = makers.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["main.rs"]);
    let main = &makers[0].1;
    assert!(
        main.contains("if terminal { &bar } else { &NoProgress }"),
        "{main}"
    );
    let mod_rs = std::fs::read_to_string(src.join("cli/mod.rs")).unwrap();
    assert!(mod_rs.contains("run_with_progress(args, io, &NoProgress)"));
}

/// In a pseudo-terminal the bar is drawn on stderr and erased when done:
/// the last thing written is the erasing of its line. Skipped without
/// `script`.
#[test]
fn on_a_terminal_the_bar_is_drawn_then_erased() {
    let Ok(found) = std::process::Command::new("script")
        .arg("--version")
        .output()
    else {
        common::say("skipped: `script` is not installed; the bar's drawing is not tested");
        return;
    };
    if !found.status.success() {
        common::say("skipped: `script` is not util-linux's; the bar's drawing is not tested");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    estate(dir.path(), 250, 5);
    let out = dir.path().join("report.json");
    let command = format!(
        "'{}' check '{}' --expect '{}' --format json -o '{}'",
        env!("CARGO_BIN_EXE_gplint"),
        dir.path().join("tree").display(),
        dir.path().join("services.yaml").display(),
        out.display(),
    );
    let transcript = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&transcript.stdout);
    assert_eq!(transcript.status.code(), Some(1), "{text}");
    assert!(text.contains("reading GPOs"), "{text}");
    assert!(
        text.ends_with("\r\x1b[2K"),
        "the bar is left on the screen: {text:?}"
    );
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(!report.contains("reading GPOs"));
    assert!(report.starts_with('{'));
}
