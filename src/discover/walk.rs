//! Walking a directory tree for GPO folders, backups and loose templates.

use std::io;
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use super::error::DiscoverError;
use super::gpo::Gpo;
use super::listing::{Listing, is_named};
use super::{backup, sysvol};

/// Everything found below a path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Discovery {
    /// The GPOs, in path order (byte order of each name), so runs agree.
    pub gpos: Vec<Gpo>,
    /// Symbolic links met and not followed, for the caller to mention:
    /// following them could leave the tree or loop.
    pub skipped_links: Vec<PathBuf>,
}

/// Finds the GPOs at `path`: a file is one template; a directory is
/// searched for SYSVOL GPO folders (`GPT.INI`), GPMC backups
/// (`bkupInfo.xml` or `Backup.xml`) and `GptTmpl.inf` files outside them.
/// This is the module's only I/O.
pub fn discover(path: &Path) -> Result<Vec<Gpo>, DiscoverError> {
    discover_all(path).map(|found| found.gpos)
}

/// The most files and folders one tree may hold: a SYSVOL of thousands
/// of GPOs has some tens of thousands.
pub const DEFAULT_MAX_FILES: usize = 100_000;

/// Like [`discover`], but also returns the symbolic links that were skipped.
pub fn discover_all(path: &Path) -> Result<Discovery, DiscoverError> {
    discover_limited(path, DEFAULT_MAX_FILES)
}

/// Like [`discover_all`], refusing a tree of more than `max_files`
/// entries rather than walking a whole disk given by mistake.
pub fn discover_limited(path: &Path, max_files: usize) -> Result<Discovery, DiscoverError> {
    let metadata = std::fs::metadata(path).map_err(|e| DiscoverError::unreadable(path, e))?;
    if !metadata.is_dir() {
        return Ok(Discovery {
            gpos: vec![Gpo::file(path)],
            skipped_links: Vec::new(),
        });
    }
    let found = walk(path, max_files)?;
    if found.gpos.is_empty() {
        return Err(DiscoverError::NoGpo {
            path: path.to_path_buf(),
        });
    }
    Ok(found)
}

fn walk(root: &Path, max_files: usize) -> Result<Discovery, DiscoverError> {
    let mut found = Discovery::default();
    let mut entries = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    let mut seen = 0usize;
    while let Some(entry) = entries.next() {
        seen += 1;
        if seen > max_files {
            return Err(DiscoverError::TooManyFiles {
                path: root.to_path_buf(),
                limit: max_files,
            });
        }
        let entry = entry.map_err(|e| walk_error(root, e))?;
        if visit(&entry, &mut found)? {
            // A GPO folder's contents belong to that GPO.
            entries.skip_current_dir();
        }
    }
    Ok(found)
}

/// Records what `entry` is; true when it is a GPO folder, not to be entered.
fn visit(entry: &DirEntry, found: &mut Discovery) -> Result<bool, DiscoverError> {
    let file_type = entry.file_type();
    // The path the user gave is a directory even when it is a link to one.
    let is_root = entry.depth() == 0;
    if file_type.is_symlink() && !is_root {
        found.skipped_links.push(entry.path().to_path_buf());
    } else if file_type.is_dir() || is_root {
        if let Some(gpo) = gpo_folder(entry.path(), &mut found.skipped_links)? {
            found.gpos.push(gpo);
            return Ok(true);
        }
    } else if file_type.is_file() && is_named(entry.file_name(), "GptTmpl.inf") {
        // A template outside any GPO folder, e.g. a SecEdit folder copied alone.
        found.gpos.push(Gpo::file(entry.path()));
    }
    Ok(false)
}

/// The GPO whose folder `dir` is, if it is one. A folder with both kinds
/// of marker is taken as a backup, whose metadata says more.
fn gpo_folder(dir: &Path, links: &mut Vec<PathBuf>) -> Result<Option<Gpo>, DiscoverError> {
    let listing = Listing::read(dir)?;
    if listing.file("bkupInfo.xml").is_some() || listing.file("Backup.xml").is_some() {
        return backup::gpo(dir, &listing, links).map(Some);
    }
    match listing.file("GPT.INI") {
        Some(ini) => sysvol::gpo(dir, ini, links).map(Some),
        None => Ok(None),
    }
}

fn walk_error(root: &Path, error: walkdir::Error) -> DiscoverError {
    let path = error.path().unwrap_or(root).to_path_buf();
    // Only a loop has no I/O error, and loops need followed links.
    let source = error
        .into_io_error()
        .unwrap_or_else(|| io::Error::other("file system loop"));
    DiscoverError::Unreadable { path, source }
}
