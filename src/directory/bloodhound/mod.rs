//! SharpHound/BloodHound collections: a folder or a `.zip` of JSON files
//! (`*_users.json`, `*_groups.json`, `*_computers.json`,
//! `*_domains.json`), formats v5 (SharpHound 1.1, BloodHound 4.3) and v6
//! (SharpHound CE).
//!
//! Each file is parsed as a stream into typed records that hold only
//! what gplint uses, so memory is bounded by the export read, not by the
//! ACEs and sessions around it, and secrets are never read. Files of
//! other types (`gpos`, `ous`, `containers`, `certtemplates`, …) are
//! read past. An object listed twice (BloodHound repeats groups as stubs
//! that carry only a name) is kept once, its member lists joined.

mod archive;
mod assemble;
mod convert;
mod format;
mod parse;

use std::fs::File;
use std::path::Path;

use assemble::{Added, Builder};
use parse::ParseError;

use super::{DirectoryError, DirectoryLimits, Export};
use crate::source::{Links, SourceError, open_checked};

/// Reads the collection in the folder at `path`: the `*.json` files
/// directly inside it, in name order. A symbolic link among them is
/// refused, as in a GPO tree.
pub(super) fn read_folder(
    name: &str,
    path: &Path,
    limits: &DirectoryLimits,
) -> Result<Export, DirectoryError> {
    let io_error = |error| SourceError::from_io(name.to_owned(), path, error);
    let mut names = Vec::new();
    let mut zips = Vec::new();
    for entry in std::fs::read_dir(path).map_err(io_error)? {
        let file_name = entry.map_err(io_error)?.file_name();
        let Some(text) = file_name.to_str() else {
            continue;
        };
        let lower = text.to_ascii_lowercase();
        if lower.ends_with(".json") {
            names.push(text.to_owned());
        } else if lower.ends_with(".zip") {
            zips.push(text.to_owned());
        }
    }
    names.sort();
    let mut builder = Builder::default();
    for file_name in &names {
        let shown = Path::new(name).join(file_name).display().to_string();
        let (file, _) = open_checked(
            &shown,
            &path.join(file_name),
            limits.max_file_size,
            Links::Refuse,
        )?;
        let collection = parse::parse(file, limits.max_file_size)
            .map_err(|error| file_error(&shown, limits, error))?;
        builder.add(&shown, collection)?;
    }
    builder
        .finish()
        .ok_or_else(|| DirectoryError::NoSharpHoundFile {
            path: name.to_owned(),
            found: folder_found(names.len(), &zips),
        })
}

/// What a folder without SharpHound files holds, in words.
fn folder_found(json_files: usize, zips: &[String]) -> String {
    let what = match json_files {
        0 => "it has no .json file".to_owned(),
        1 => "its one .json file is not one of them".to_owned(),
        n => format!("none of its {n} .json files is one of them"),
    };
    match zips.first() {
        Some(zip) => format!("{what}; it holds `{zip}`: give that zip itself"),
        None => what,
    }
}

/// Reads the collection in a zip file: its members whose names end in
/// `.json`, at any depth, never written to disk.
pub(super) fn read_zip(
    name: &str,
    file: File,
    limits: &DirectoryLimits,
) -> Result<Export, DirectoryError> {
    archive::read(name, file, limits)
}

/// Reads one SharpHound JSON file.
pub(super) fn read_json(
    name: &str,
    file: File,
    limits: &DirectoryLimits,
) -> Result<Export, DirectoryError> {
    let collection = parse::parse(file, limits.max_file_size)
        .map_err(|error| file_error(name, limits, error))?;
    let mut builder = Builder::default();
    let found = match builder.add(name, collection)? {
        Added::Read => {
            return builder
                .finish()
                .ok_or_else(|| not_read(name, String::new()));
        }
        Added::OtherType(kind) => format!("it is a SharpHound `{kind}` file"),
        Added::NotSharpHound(found) => {
            return Err(DirectoryError::NotRecognised {
                path: name.to_owned(),
                found,
            });
        }
    };
    Err(not_read(name, found))
}

/// The error for a file that is SharpHound's but of a type not read.
fn not_read(name: &str, found: String) -> DirectoryError {
    DirectoryError::NoSharpHoundFile {
        path: name.to_owned(),
        found,
    }
}

/// The error for a file on disk that could not be parsed.
fn file_error(shown: &str, limits: &DirectoryLimits, error: ParseError) -> DirectoryError {
    match error {
        ParseError::TooLarge => DirectoryError::TooLarge {
            path: shown.to_owned(),
            size: limits.max_file_size.saturating_add(1),
            limit: limits.max_file_size,
        },
        ParseError::Io(reason) => DirectoryError::Source(SourceError::Io {
            path: shown.to_owned(),
            source: std::io::Error::other(reason),
        }),
        ParseError::Json {
            line,
            column,
            message,
        } => DirectoryError::Json {
            path: shown.to_owned(),
            line,
            column,
            message,
        },
    }
}
