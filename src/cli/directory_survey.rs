//! `diff` with a directory: every enabled account of the exports is
//! evaluated, the declared ones as `check` evaluates them and the others
//! ([`survey_directory`]) only to count whose verdict a change flips.

use std::path::{Path, PathBuf};

use super::Io;
use super::directory::{DirectoryArgs, read_exports};
use crate::diff::Survey;
use crate::directory::{DirectoryIndex, DirectoryLimits};
use crate::expect::{Expectations, apply_directory, survey_directory};
use crate::source::SourceFile;

/// The expectations file read as [`super::directory::expectations`]
/// reads it, with every enabled account of the directory that it does
/// not declare added before the directory is applied; the survey of
/// those accounts, `None` without a directory (the file is then as
/// `check` reads it). `None` after saying what could not be used.
pub fn expectations(
    path: &Path,
    templates: &[PathBuf],
    limits: &super::LimitArgs,
    args: &DirectoryArgs,
    io: &mut Io<'_>,
) -> Option<(SourceFile, Expectations, Option<Survey>)> {
    let read = limits.read();
    let (source, mut expect) = super::load::expectations(path, templates, &read, io)?;
    if args.directories.is_empty() && expect.directories.is_empty() {
        return Some((source, expect, None));
    }
    let limits = DirectoryLimits {
        max_file_size: args.max_directory_size,
        max_line_length: read.max_line_length,
    };
    let exports = read_exports(&args.directories, &expect, path, &limits, io)?;
    let domain_name = expect.domain_name.as_ref().map(|n| n.value.clone());
    let index = DirectoryIndex::new(exports, domain_name);
    survey_directory(&mut expect, &index);
    let errors = apply_directory(&mut expect, &index);
    super::load::render_all(&errors, &source, io);
    if !errors.is_empty() {
        return None;
    }
    let names = expect
        .accounts
        .iter()
        .filter(|a| a.surveyed)
        .map(|a| a.name.value.clone())
        .collect();
    Some((source, expect, Some(Survey::new(names))))
}
