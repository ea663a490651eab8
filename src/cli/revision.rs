//! `REV:PATH`: a folder or template as a git revision holds it, copied
//! into a temporary folder that `check`'s reading then walks.
//!
//! Read through the `git` command (`git ls-tree`, then one
//! `git cat-file --batch` for every file), not a git library: it adds no
//! dependency to the build, anyone who has a repository has git, and
//! what git prints when a revision is wrong is what its users know.
//! `git archive` would need `tar` besides, which not every Windows has on
//! its path.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

/// A side given as `REV:PATH`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    /// The revision, as git reads it (`HEAD~1`, `origin/main`, a hash).
    pub rev: String,
    /// The path inside the repository, from its top.
    pub path: String,
}

impl Revision {
    /// `REV:PATH` when `arg` names no file or folder, holds a `:`, and
    /// what comes before the first `:` is longer than one character: a
    /// Windows drive (`C:\gpo`) is one letter, and a path that exists is
    /// always read as a path.
    pub fn parse(arg: &OsStr) -> Option<Revision> {
        if Path::new(arg).exists() {
            return None;
        }
        let (rev, path) = arg.to_str()?.split_once(':')?;
        (rev.chars().count() > 1).then(|| Revision {
            rev: rev.to_owned(),
            path: path.to_owned(),
        })
    }

    /// `REV:PATH` as given, the prefix of the names of its templates.
    pub fn label(&self) -> String {
        format!("{}:{}", self.rev, self.path.trim_end_matches('/'))
    }
}

/// Why a revision could not be read.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum RevisionError {
    /// git could not be run at all.
    #[error("`{label}`: cannot run git to read the revision: {reason}")]
    #[diagnostic(
        code(gplint::diff::git),
        help("install git and put it on PATH, or give BASE and HEAD as folders")
    )]
    NoGit {
        /// `REV:PATH`.
        label: String,
        /// The system's reason.
        reason: String,
    },
    /// git refused: a bad revision, not a repository.
    #[error("`{label}`: git says: {reason}")]
    #[diagnostic(
        code(gplint::diff::git),
        help("name a revision git knows (`git log --oneline` lists them) inside the repository")
    )]
    Git {
        /// `REV:PATH`.
        label: String,
        /// git's message, on one line.
        reason: String,
    },
    /// The revision has nothing at the path.
    #[error("`{label}`: the revision has no file or folder `{path}`")]
    #[diagnostic(
        code(gplint::diff::no_path),
        help("give the path from the repository's top, as `git show REV:PATH` takes it")
    )]
    NoPath {
        /// `REV:PATH`.
        label: String,
        /// The path.
        path: String,
    },
    /// The copy could not be written.
    #[error("`{label}`: cannot copy the revision's files into {folder}: {reason}")]
    #[diagnostic(
        code(gplint::diff::copy),
        help("make room in the temporary folder (TMPDIR), or give BASE and HEAD as folders")
    )]
    Copy {
        /// `REV:PATH`.
        label: String,
        /// The temporary folder.
        folder: String,
        /// The system's reason.
        reason: String,
    },
}

/// Copies the files under `revision.path` at `revision.rev` into `into`,
/// at their paths from the repository's top (so a scope naming a GPO by
/// path finds it as in a checkout). Returns the copy of `path`.
pub fn copy(revision: &Revision, into: &Path) -> Result<PathBuf, RevisionError> {
    let label = revision.label();
    let top = git(&["rev-parse", "--show-toplevel"], None, None, &label)?;
    let top = String::from_utf8_lossy(&top).trim().to_owned();
    let spec = match revision.path.trim_matches('/') {
        "" => ".".to_owned(),
        path => path.to_owned(),
    };
    let listing = git(
        &[
            "ls-tree",
            "-r",
            "-z",
            "--full-tree",
            &revision.rev,
            "--",
            &spec,
        ],
        Some(&top),
        None,
        &label,
    )?;
    let files = blobs(&listing);
    if files.is_empty() {
        return Err(RevisionError::NoPath {
            label,
            path: revision.path.clone(),
        });
    }
    let ids: String = files.iter().map(|(id, _)| format!("{id}\n")).collect();
    let contents = git(&["cat-file", "--batch"], Some(&top), Some(ids), &label)?;
    write_all(&files, &contents, into).map_err(|error| RevisionError::Copy {
        label,
        folder: into.display().to_string(),
        reason: error.to_string(),
    })?;
    Ok(into.join(spec.trim_start_matches("./")))
}

/// Runs git, with `input` on its standard input; its standard output,
/// or its first line of standard error as the reason it failed.
fn git(
    args: &[&str],
    dir: Option<&str>,
    input: Option<String>,
    label: &str,
) -> Result<Vec<u8>, RevisionError> {
    let mut command = Command::new("git");
    if let Some(dir) = dir {
        command.arg("-C").arg(dir);
    }
    command
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let no_git = |error: std::io::Error| RevisionError::NoGit {
        label: label.to_owned(),
        reason: error.to_string(),
    };
    let mut child = command.spawn().map_err(no_git)?;
    // Written from another thread: git writes while it reads, and a full
    // pipe each way would stop both.
    let writer =
        child.stdin.take().zip(input).map(|(mut stdin, input)| {
            std::thread::spawn(move || stdin.write_all(input.as_bytes()))
        });
    let mut stdout = Vec::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_end(&mut stdout).map_err(no_git)?;
    }
    let output = child.wait_with_output().map_err(no_git)?;
    if let Some(writer) = writer {
        // A write that failed shows as git's failure or as short output,
        // which `write_all` reports.
        if writer.join().is_err() {
            return Err(RevisionError::NoGit {
                label: label.to_owned(),
                reason: "writing to git failed".to_owned(),
            });
        }
    }
    if output.status.success() {
        return Ok(stdout);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let reason = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("git failed without a message");
    let reason = reason.strip_prefix("fatal: ").unwrap_or(reason);
    Err(RevisionError::Git {
        label: label.to_owned(),
        reason: crate::report::visible_line(reason).into_owned(),
    })
}

/// The regular files of an `ls-tree -r -z` listing: object id and path.
/// Links and submodules are left out, as a tree walk leaves links out.
fn blobs(listing: &[u8]) -> Vec<(String, String)> {
    listing
        .split(|&b| b == 0)
        .filter_map(|entry| {
            let entry = std::str::from_utf8(entry).ok()?;
            let (meta, path) = entry.split_once('\t')?;
            let mut parts = meta.split(' ');
            let (mode, kind, id) = (parts.next()?, parts.next()?, parts.next()?);
            let regular = kind == "blob" && (mode == "100644" || mode == "100755");
            regular.then(|| (id.to_owned(), path.to_owned()))
        })
        .collect()
}

/// Writes each blob of `cat-file --batch` output (`ID blob SIZE\n`, the
/// bytes, `\n`) at its path under `into`.
fn write_all(files: &[(String, String)], mut batch: &[u8], into: &Path) -> std::io::Result<()> {
    let broken = || std::io::Error::other("git cat-file gave output gplint cannot read");
    for (_, path) in files {
        let end = batch.iter().position(|&b| b == b'\n').ok_or_else(broken)?;
        let header =
            std::str::from_utf8(batch.get(..end).ok_or_else(broken)?).map_err(|_| broken())?;
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(broken)?;
        let body = batch.get(end + 1..end + 1 + size).ok_or_else(broken)?;
        batch = batch.get(end + 2 + size..).unwrap_or_default();
        let Some(relative) = safe(path) else {
            continue;
        };
        let target = into.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, body)?;
    }
    Ok(())
}

/// A path of the tree made only of plain names: nothing written outside
/// the temporary folder, whatever a tree holds.
fn safe(path: &str) -> Option<PathBuf> {
    let path = Path::new(path);
    path.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drive_letter_is_a_path_and_a_revision_is_longer() {
        let parse = |s: &str| Revision::parse(OsStr::new(s));
        assert_eq!(parse("C:\\no\\such\\gpo"), None);
        assert_eq!(parse("no-such-file"), None);
        let rev = parse("origin/main:gpo/").unwrap_or_else(|| panic!("a revision"));
        assert_eq!(
            (rev.rev.as_str(), rev.path.as_str()),
            ("origin/main", "gpo/")
        );
        assert_eq!(rev.label(), "origin/main:gpo");
    }

    #[test]
    fn only_regular_files_are_listed() {
        let listing =
            b"100644 blob aa\tgpo/a.inf\x00120000 blob bb\tgpo/link\x00160000 commit cc\tsub\x00";
        assert_eq!(blobs(listing), [("aa".to_owned(), "gpo/a.inf".to_owned())]);
    }

    #[test]
    fn a_path_that_leaves_the_folder_is_not_written() {
        assert!(safe("../x").is_none());
        assert!(safe("/etc/x").is_none());
        assert!(safe("gpo/x").is_some());
    }
}
