//! SharpHound/BloodHound collections: a folder or a `.zip` of JSON files
//! (`*_users.json`, `*_groups.json`, `*_computers.json`,
//! `*_domains.json`), formats v5 and v6.

use std::fs::File;
use std::path::Path;

use super::{DirectoryError, DirectoryLimits, Export};

/// Reads the collection in the folder at `path`.
pub(super) fn read_folder(
    name: &str,
    path: &Path,
    limits: &DirectoryLimits,
) -> Result<Export, DirectoryError> {
    let _ = (path, limits);
    not_yet(name)
}

/// Reads the collection in a zip file.
pub(super) fn read_zip(
    name: &str,
    file: File,
    limits: &DirectoryLimits,
) -> Result<Export, DirectoryError> {
    let _ = (file, limits);
    not_yet(name)
}

/// Reads one SharpHound JSON file.
pub(super) fn read_json(
    name: &str,
    file: File,
    limits: &DirectoryLimits,
) -> Result<Export, DirectoryError> {
    let _ = (file, limits);
    not_yet(name)
}

fn not_yet(name: &str) -> Result<Export, DirectoryError> {
    Err(DirectoryError::NotRecognised {
        path: name.to_owned(),
        found: "BloodHound collections are not read yet".to_owned(),
    })
}
