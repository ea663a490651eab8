//! The Markdown summary of `check --format github`, appended to the file
//! GitHub Actions names in `$GITHUB_STEP_SUMMARY`.

use std::fs::OpenOptions;
use std::io::{self, Write as _};
use std::path::Path;

use super::Io;
use super::output::CheckReport;
use super::reads::{Reads, file_id};
use super::target;
use crate::report::ci::{RepoPaths, Selection};
use crate::report::github_summary::{self, Context, Links};
use crate::report::one_line;

/// The variable GitHub Actions sets to the file a step appends its
/// Markdown summary to.
const STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";

/// Appends the Markdown summary to the file `$GITHUB_STEP_SUMMARY` names,
/// when it names one. A summary that cannot be written is only warned
/// about: the annotations, which are the report, are out.
pub fn append(
    report: &CheckReport<'_>,
    paths: &RepoPaths,
    selection: Selection,
    reads: &Reads,
    io: &mut Io<'_>,
) {
    let Some(path) = std::env::var_os(STEP_SUMMARY).filter(|p| !p.is_empty()) else {
        return;
    };
    let path = Path::new(&path);
    let links = links();
    let context = Context {
        accounts: report.accounts,
        selection,
        paths,
        links: links.as_ref(),
    };
    let markdown = github_summary::write(report.findings, report.sources, &context);
    if let Err(error) = append_summary(path, &markdown, reads) {
        io.stderr_line(format_args!(
            "warning: cannot append the summary to `{}` (${STEP_SUMMARY}): {}",
            path.display(),
            one_line(&error)
        ));
    }
}

/// Where the commit's files are on GitHub, when Actions says: all three
/// of `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and `GITHUB_SHA`, non-empty.
fn links() -> Option<Links> {
    let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
    Some(Links {
        server: var("GITHUB_SERVER_URL")?,
        repository: var("GITHUB_REPOSITORY")?,
        sha: var("GITHUB_SHA")?,
    })
}

/// Appends to a regular file that this run does not read, only. Opened
/// without blocking, so a named pipe with no reader fails at once instead
/// of waiting forever, and without following a link; then checked, once
/// open, to be a regular file (a pipe with a reader, a device).
fn append_summary(path: &Path, markdown: &str, reads: &Reads) -> io::Result<()> {
    if let Some(reason) = reads.refusal(path, file_id(path, false).as_ref()) {
        return Err(io::Error::other(reason));
    }
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    let mut file = target::open_no_follow(path, &mut options, true).map_err(plain_reason)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("it is not a regular file"));
    }
    file.write_all(markdown.as_bytes())
}

/// The two refusals of [`append_summary`]'s open, in the user's terms.
fn plain_reason(error: io::Error) -> io::Error {
    match error.raw_os_error() {
        #[cfg(unix)]
        Some(libc::ELOOP) => {
            io::Error::other("it is a symbolic link, and gplint follows none when it writes")
        }
        // A named pipe that nobody reads yet (O_NONBLOCK).
        #[cfg(unix)]
        Some(libc::ENXIO) => io::Error::other("it is a named pipe, not a regular file"),
        _ => error,
    }
}
