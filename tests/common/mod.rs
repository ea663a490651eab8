//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod production;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A file under `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// What a run of the binary printed and returned.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the `gplint` binary with colour off, from the crate root.
pub fn gplint(args: &[&str]) -> Run {
    gplint_with_env(args, &[])
}

/// Runs the `gplint` binary as [`gplint`] does, with extra environment
/// variables. A `GITHUB_STEP_SUMMARY` of the test's own runner is never
/// passed on, so tests run inside GitHub Actions do not write to it.
pub fn gplint_with_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GITHUB_STEP_SUMMARY")
        .envs(env.iter().copied())
        .output()
        .expect("the gplint binary runs");
    Run {
        code: output.status.code().expect("gplint exits with a code"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs the `gplint` binary in `dir` (a repository or tree a test
/// built), with colour off and today fixed at 2026-01-15 so waivers and
/// dates read the same on every day the tests run.
pub fn gplint_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_gplint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GPLINT_TODAY", "2026-01-15")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap_or_else(|e| panic!("gplint runs: {e}"));
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The corpus folder named by `GPLINT_CORPUS`, or `None` after saying why
/// the caller skips.
pub fn corpus() -> Option<PathBuf> {
    match std::env::var_os("GPLINT_CORPUS") {
        Some(dir) => Some(PathBuf::from(dir)),
        None => {
            say(
                "skipped: GPLINT_CORPUS is not set (set it to the shared corpus folder to run this test)",
            );
            None
        }
    }
}

/// Writes a line straight to the process's stderr, past the test harness's
/// capture, so `cargo test` shows it (corpus counts, skips).
pub fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
