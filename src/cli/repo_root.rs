//! The repository root that SARIF paths and summary links are relative
//! to: `--repo-root`, else what `git rev-parse --show-toplevel` prints
//! (run as a command: gplint links no git library), else none.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::report::ci::RepoPaths;

/// The working directory and the repository root, for the CI formats.
/// Outside a repository, or without `git`, there is no root and SARIF
/// names files by absolute `file:` URIs.
pub fn paths(repo_root: Option<&Path>) -> RepoPaths {
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = match repo_root {
        Some(given) => Some(real(&cwd.join(given))),
        None => git_toplevel().map(|root| real(&root)),
    };
    RepoPaths {
        cwd: real(&cwd),
        root,
    }
}

/// The path with links resolved, as git prints the top level; the path
/// as it is when it cannot be resolved.
fn real(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

/// `git rev-parse --show-toplevel` in the working directory; `None` when
/// git is missing, fails, or prints nothing.
fn git_toplevel() -> Option<PathBuf> {
    let output = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let line = text.trim_end_matches(['\n', '\r']);
    (!line.is_empty()).then(|| PathBuf::from(line))
}
