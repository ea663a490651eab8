//! `--directory` and `directory:`: reading Active Directory exports and
//! applying them to the expectations, for every command that checks or
//! writes them (`check`, `explain`, `diff`; `init` calls
//! [`read_exports`] too).

use std::path::{Path, PathBuf};

use super::Io;
use super::limit_args::parse_size;
use crate::directory::{self, DirectoryError, DirectoryIndex, DirectoryLimits, Export};
use crate::expect::{Expectations, apply_directory, survey_directory};
use crate::model::fold;
use crate::report::one_line;
use crate::source::{Links, SourceFile};

/// The directory exports of a run, and how large one may be.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct DirectoryArgs {
    /// An Active Directory export to take accounts, groups, SIDs and account
    /// facts from: an LDIF file (`ldifde -f contoso.ldif`, or `ldapsearch
    /// -LLL … > contoso.ldif`) or a SharpHound collection (its folder or
    /// .zip); repeatable. Read before those `directory:` names in the
    /// expectations file. With one, an account needs only `name` and
    /// `logon`/`no_logon`; what the file writes wins.
    #[arg(long = "directory", value_name = "PATH")]
    pub directories: Vec<PathBuf>,
    /// Refuse a directory export (or a member of its .zip, inflated) larger
    /// than SIZE (bytes, or with K, M or G).
    #[arg(long, value_name = "SIZE", default_value = "4G", value_parser = parse_size, help_heading = "Limits")]
    pub max_directory_size: u64,
}

/// Reads every export: `flags` in order, then each `directory:` entry of
/// the expectations file at `expect_path`, relative to its folder.
/// `None` after saying which could not be read and why.
pub fn read_exports(
    flags: &[PathBuf],
    expect: &Expectations,
    expect_path: &Path,
    limits: &DirectoryLimits,
    io: &mut Io<'_>,
) -> Option<Vec<Export>> {
    read_paths(&paths(flags, expect, expect_path), limits, io)
}

/// Reads the exports at `paths`, in order; `None` after saying which
/// could not be read and why.
pub fn read_paths(
    paths: &[PathBuf],
    limits: &DirectoryLimits,
    io: &mut Io<'_>,
) -> Option<Vec<Export>> {
    let mut exports = Vec::with_capacity(paths.len());
    for path in paths {
        let name = path.display().to_string();
        match directory::read(&name, path, limits, Links::Follow) {
            Ok(export) => exports.push(export),
            Err(error) => {
                say(&error, io);
                return None;
            }
        }
    }
    Some(exports)
}

/// The exports' paths: `flags`, then the file's `directory:` entries
/// joined to its folder.
fn paths(flags: &[PathBuf], expect: &Expectations, expect_path: &Path) -> Vec<PathBuf> {
    let folder = expect_path.parent().unwrap_or(Path::new(""));
    let listed = expect.directories.iter().map(|d| folder.join(&d.value));
    flags.iter().cloned().chain(listed).collect()
}

/// Adds the exports to what `--output` must not replace.
pub fn reads(
    reads: &mut super::reads::Reads,
    args: &DirectoryArgs,
    expect: &Expectations,
    expect_path: &Path,
) {
    for path in paths(&args.directories, expect, expect_path) {
        if path.is_dir() {
            reads.tree("directory export", &path);
        } else {
            reads.file("directory export", &path);
        }
    }
}

/// Reads the exports and fills `expect` from them; without any, leaves
/// it as it is. `false` after saying what went wrong: an export that
/// cannot be read, or an account the directory lacks (pointing into
/// `source`, the expectations file).
pub fn apply(
    args: &DirectoryArgs,
    max_line_length: usize,
    files: (&SourceFile, &Path),
    expect: &mut Expectations,
    io: &mut Io<'_>,
) -> bool {
    apply_surveying(args, max_line_length, files, expect, None, io)
}

/// Which accounts of the directory `explain --all-accounts` adds to the
/// declared ones, and how many it leaves out.
#[derive(Clone, Copy, Debug)]
pub struct Survey {
    /// Most accounts to add, the first by name (HTML's cap).
    pub most: usize,
}

/// [`apply`], first adding, when `survey` says so, every enabled account
/// of the directory the file does not declare: after the declared ones,
/// sorted by name, at most `survey.most`. Returns how many were left out
/// by the cap (`Some(0)` without a survey). Without any export, a survey
/// is an error that says how to give one.
pub fn apply_surveying(
    args: &DirectoryArgs,
    max_line_length: usize,
    (source, expect_path): (&SourceFile, &Path),
    expect: &mut Expectations,
    survey: Option<(Survey, &mut usize)>,
    io: &mut Io<'_>,
) -> bool {
    if args.directories.is_empty() && expect.directories.is_empty() {
        if survey.is_some() {
            io.stderr_line(format_args!(
                "error: --all-accounts evaluates the accounts of a directory export, and none was given: add --directory PATH (an LDIF file or a SharpHound collection), or `directory: PATH` in {}",
                source.name
            ));
            return false;
        }
        return true;
    }
    let limits = DirectoryLimits {
        max_file_size: args.max_directory_size,
        max_line_length,
    };
    let Some(exports) = read_exports(&args.directories, expect, expect_path, &limits, io) else {
        return false;
    };
    let domain_name = expect.domain_name.as_ref().map(|n| n.value.clone());
    let index = DirectoryIndex::new(exports, domain_name);
    if let Some((survey, left_out)) = survey {
        *left_out = add_surveyed(expect, &index, survey.most);
    }
    let errors = apply_directory(expect, &index);
    super::load::render_all(&errors, source, io);
    errors.is_empty()
}

/// Adds the directory's undeclared accounts to `expect`, sorted by name
/// (then SID) so the output does not depend on the exports' order, and
/// keeps the first `most`; returns how many it left out.
fn add_surveyed(expect: &mut Expectations, index: &DirectoryIndex, most: usize) -> usize {
    let added = survey_directory(expect, index);
    let first = expect.accounts.len() - added;
    let surveyed = expect.accounts.get_mut(first..).unwrap_or_default();
    surveyed.sort_by_cached_key(|a| {
        let sid = a.sid.as_ref().map(|s| s.value.to_string());
        (fold(&a.name.value), a.name.value.clone(), sid)
    });
    expect.accounts.truncate(first.saturating_add(most));
    added.saturating_sub(most)
}

/// An export that cannot be read: what is wrong, and what to give.
fn say(error: &DirectoryError, io: &mut Io<'_>) {
    io.stderr_line(format_args!("error: {}", one_line(error)));
    if let Some(help) = miette::Diagnostic::help(error) {
        io.stderr_line(format_args!("  help: {help}"));
    }
}

/// The expectations file read as [`super::load::expectations`] reads it,
/// then filled from the directory exports; `None` after saying why
/// either could not be used.
pub fn expectations(
    path: &Path,
    templates: &[PathBuf],
    limits: &super::LimitArgs,
    args: &DirectoryArgs,
    io: &mut Io<'_>,
) -> Option<(SourceFile, Expectations)> {
    let read = limits.read();
    let (source, mut expect) = super::load::expectations(path, templates, &read, io)?;
    let applied = apply(args, read.max_line_length, (&source, path), &mut expect, io);
    applied.then_some((source, expect))
}

/// [`expectations`], surveying the directory as [`apply_surveying`] does.
pub fn expectations_surveying(
    path: &Path,
    templates: &[PathBuf],
    limits: &super::LimitArgs,
    args: &DirectoryArgs,
    survey: Option<(Survey, &mut usize)>,
    io: &mut Io<'_>,
) -> Option<(SourceFile, Expectations)> {
    let read = limits.read();
    let (source, mut expect) = super::load::expectations(path, templates, &read, io)?;
    let files = (&source, path);
    let applied = apply_surveying(args, read.max_line_length, files, &mut expect, survey, io);
    applied.then_some((source, expect))
}
