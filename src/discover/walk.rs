//! Walking a directory tree for GPO folders, backups and loose templates.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::budget::Budget;
use super::duplicates::newest_backups;
use super::error::DiscoverError;
use super::gpo::Gpo;
use super::listing::{Kind, Listing, is_named};
use super::lookup::{self, Lookup};
use super::note::{LISTED, Note};
use super::skipped::{Effect, SkipReason, Skipped, Wanted};
use super::{backup, sysvol};
use crate::source::ReadLimits;
use rayon::prelude::*;

/// Everything found below a path.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The GPOs, in path order (byte order of each name), so runs agree.
    pub gpos: Vec<Gpo>,
    /// What was not read, in path order: links (never followed inside a
    /// tree), pipes and devices, folders and files that could not be
    /// read. Each is for the caller to report; the GPOs are what could be
    /// read around them.
    pub skipped: Vec<Skipped>,
    /// What was left aside on purpose, in path order: files that are not
    /// templates, older backups of a GPO. Each is for the caller to
    /// print as a note; unlike `skipped`, none fails the run.
    pub notes: Vec<Note>,
}

/// How much one tree may hold, and how large each file read in it may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TreeLimits {
    /// The most files and folders (`--max-files`).
    pub max_files: usize,
    /// The largest `GPT.INI`, `bkupInfo.xml` or `gpreport.xml`
    /// (`--max-file-size`).
    pub max_file_size: u64,
}

impl Default for TreeLimits {
    fn default() -> Self {
        TreeLimits {
            max_files: DEFAULT_MAX_FILES,
            max_file_size: ReadLimits::DEFAULT_FILE_SIZE,
        }
    }
}

/// Finds the GPOs at `path`: a file is one template; a directory is
/// searched for SYSVOL GPO folders (`GPT.INI`), GPMC backups
/// (`bkupInfo.xml` or `Backup.xml`) and template files (`*.inf`, such as
/// `GptTmpl.inf` or `secedit /export` files) outside them. Of several
/// backups of one GPO, the newest is kept.
/// Items that could not be read are left out without a word: use
/// [`discover_all`] to hear of them. This is the module's only I/O.
pub fn discover(path: &Path) -> Result<Vec<Gpo>, DiscoverError> {
    discover_all(path).map(|found| found.gpos)
}

/// The most files and folders one tree may hold: a SYSVOL of thousands
/// of GPOs has some tens of thousands.
pub const DEFAULT_MAX_FILES: usize = 100_000;

/// Like [`discover`], but also returns what was skipped.
pub fn discover_all(path: &Path) -> Result<Discovery, DiscoverError> {
    discover_limited(path, &TreeLimits::default())
}

/// Like [`discover_all`], within `limits`: a tree of more than
/// `max_files` entries is refused as soon as the count passes the limit,
/// rather than walking a whole disk given by mistake. Only the path
/// itself, given as a link, is followed; no link below it is.
///
/// The folders of one level of the tree are read in parallel (a SYSVOL's
/// `Policies` folder holds every GPO folder), each into a part of its
/// own; the parts are joined in the order of the level and everything is
/// sorted by path, so the result, the notes and the refusals are the same
/// at any thread count.
pub fn discover_limited(path: &Path, limits: &TreeLimits) -> Result<Discovery, DiscoverError> {
    let metadata = std::fs::metadata(path).map_err(|e| DiscoverError::unreadable(path, e))?;
    if !metadata.is_dir() {
        return Ok(Discovery {
            gpos: vec![Gpo::file(path)],
            ..Discovery::default()
        });
    }
    let budget = Budget::new(path, limits.max_files);
    let walked = walk(path, &budget, limits.max_file_size)?;
    let (mut found, backup_times) = (walked.found, walked.backup_times);
    if found.gpos.is_empty() && found.skipped.is_empty() {
        return Err(DiscoverError::NoGpo {
            path: path.to_path_buf(),
        });
    }
    // Folders are listed one at a time, each sorted; sorting the results
    // by path gives the order of a depth-first walk in name order.
    found.gpos.sort_by(|a, b| a.root.cmp(&b.root));
    found.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    let (gpos, older) = newest_backups(std::mem::take(&mut found.gpos), &backup_times);
    found.gpos = gpos;
    found.notes.extend(older);
    found.notes.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(found)
}

/// Lists each folder once, from `root` down, a level at a time and
/// without recursion: a tree ten thousand folders deep needs no stack.
/// The folders of a level are read in parallel. A GPO folder's contents
/// belong to that GPO and are not searched further. Past the root, the
/// only error is a tree over its budget, which is the same error
/// whichever thread meets it first.
fn walk<'b>(
    root: &Path,
    budget: &'b Budget,
    max_file_size: u64,
) -> Result<Walker<'b>, DiscoverError> {
    let mut all = Walker::new(budget, max_file_size);
    let listing = Listing::read(root, budget)?;
    let mut level = all.visit(root, &listing)?;
    while !level.is_empty() {
        let parts = level
            .par_iter()
            .map(|dir| {
                let mut part = Walker::new(budget, max_file_size);
                let below = part.read_and_visit(dir)?;
                Ok((part, below))
            })
            .collect::<Result<Vec<_>, DiscoverError>>()?;
        level = Vec::new();
        for (part, below) in parts {
            all.join(part);
            level.extend(below);
        }
    }
    Ok(all)
}

/// What a folder turned out to be.
enum Folder {
    /// A GPO folder.
    Gpo(Gpo),
    /// A GPO folder whose metadata could not be read (noted as skipped).
    LeftOut,
    /// Any other folder, to be searched.
    Plain,
}

/// What a walk, or one part of it, has found, and the budget of the
/// whole tree.
pub(super) struct Walker<'b> {
    budget: &'b Budget,
    max_file_size: u64,
    found: Discovery,
    /// Each backup folder's backup time, as written.
    backup_times: HashMap<PathBuf, String>,
}

impl<'b> Walker<'b> {
    fn new(budget: &'b Budget, max_file_size: u64) -> Walker<'b> {
        Walker {
            budget,
            max_file_size,
            found: Discovery::default(),
            backup_times: HashMap::new(),
        }
    }

    /// Adds what another part of the walk found.
    fn join(&mut self, part: Walker<'_>) {
        self.found.gpos.extend(part.found.gpos);
        self.found.skipped.extend(part.found.skipped);
        self.found.notes.extend(part.found.notes);
        self.backup_times.extend(part.backup_times);
    }

    /// Lists the folder `dir` below the root and visits it; a folder that
    /// cannot be listed is noted as skipped.
    fn read_and_visit(&mut self, dir: &Path) -> Result<Vec<PathBuf>, DiscoverError> {
        match Listing::read(dir, self.budget) {
            Ok(listing) => self.visit(dir, &listing),
            Err(error @ DiscoverError::TooManyFiles { .. }) => Err(error),
            Err(error) => {
                let reason = SkipReason::Error(error);
                self.skip(Skipped::new(dir, reason, Effect::NotSearched));
                Ok(Vec::new())
            }
        }
    }

    /// Takes the GPO that `dir` is, or searches it: its subfolders, to be
    /// visited next, in name order.
    fn visit(&mut self, dir: &Path, listing: &Listing) -> Result<Vec<PathBuf>, DiscoverError> {
        let mut below = Vec::new();
        match self.gpo_folder(dir, listing)? {
            Folder::Gpo(gpo) => self.found.gpos.push(gpo),
            Folder::LeftOut => {}
            Folder::Plain => self.search(dir, listing, &mut below),
        }
        Ok(below)
    }

    /// Queues the subfolders of a folder that is not a GPO's, takes the
    /// templates in it, notes the other files (in one note), and skips
    /// what is neither file nor folder.
    fn search(&mut self, dir: &Path, listing: &Listing, pending: &mut Vec<PathBuf>) {
        let mut others = Vec::new();
        for entry in listing.entries() {
            match entry.kind {
                // `.git` and the like: no GPO is ever kept there, and a
                // version-control folder holds thousands of files.
                Kind::Dir | Kind::File if is_hidden(&entry.name) => {}
                Kind::Dir => pending.push(entry.path.clone()),
                Kind::File if is_template(&entry.name) => {
                    // A template outside any GPO folder: a SecEdit folder
                    // copied alone, or `secedit /export` files.
                    self.found.gpos.push(Gpo::file(&entry.path));
                }
                Kind::File if is_companion(&entry.name) => {}
                Kind::File => others.push(entry.name.to_string_lossy().into_owned()),
                kind => self.skip(Skipped::kind(
                    entry.path.clone(),
                    kind,
                    Wanted::Either,
                    Effect::NotSearched,
                )),
            }
        }
        if !others.is_empty() {
            let more = others.len().saturating_sub(LISTED);
            others.truncate(LISTED);
            self.found.notes.push(Note::NotTemplates {
                folder: dir.to_path_buf(),
                names: others,
                more,
            });
        }
    }

    /// Whether `dir` is a GPO folder, and its GPO unless it had to be
    /// left out. A folder with both kinds of marker is taken as a backup,
    /// whose metadata says more.
    fn gpo_folder(&mut self, dir: &Path, listing: &Listing) -> Result<Folder, DiscoverError> {
        if listing.has_marker("bkupInfo.xml") || listing.has_marker("Backup.xml") {
            return Ok(backup::gpo(self, dir, listing)?.map_or(Folder::LeftOut, Folder::Gpo));
        }
        if listing.has_marker("GPT.INI") {
            return sysvol::gpo(self, dir, listing).map(Folder::Gpo);
        }
        Ok(Folder::Plain)
    }

    /// Notes an item that was not read.
    pub(super) fn skip(&mut self, skipped: Skipped) {
        self.found.skipped.push(skipped);
    }

    /// Records the backup time of the backup folder `dir`.
    pub(super) fn backup_time(&mut self, dir: &Path, time: String) {
        self.backup_times.insert(dir.to_path_buf(), time);
    }

    /// The largest metadata file read.
    pub(super) fn max_file_size(&self) -> u64 {
        self.max_file_size
    }

    /// The template below the GPO folder `root` (listed in `listing`), at
    /// `parts`; what is in the way is noted as skipped.
    pub(super) fn template(
        &mut self,
        root: &Path,
        listing: &Listing,
        parts: &[&str],
    ) -> Result<Option<PathBuf>, DiscoverError> {
        match lookup::find_in(root, listing, parts, self.budget)? {
            Lookup::Found(path) => Ok(Some(path)),
            Lookup::Missing => Ok(None),
            Lookup::Skipped(skipped) => {
                self.skip(skipped);
                Ok(None)
            }
        }
    }
}

#[cfg(test)]
impl Walker<'static> {
    /// A walker for the unit tests of the GPO builders.
    pub(super) fn for_tests(root: &Path) -> Walker<'static> {
        let budget = Box::leak(Box::new(Budget::new(root, DEFAULT_MAX_FILES)));
        Walker::new(budget, ReadLimits::DEFAULT_FILE_SIZE)
    }

    /// What was skipped so far.
    pub(super) fn skipped(&self) -> &[Skipped] {
        &self.found.skipped
    }
}

/// A template outside a GPO folder: any `*.inf` file (`GptTmpl.inf`, a
/// `secedit /export` file such as `web01.inf`), matched ignoring case.
fn is_template(name: &std::ffi::OsStr) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("inf"))
}

/// A hidden file or folder (`.git`, `.gitignore`), by the Unix custom of
/// a leading dot.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// Files that lie in GPO trees by design and are no template nor worth a
/// note: GPMC's `manifest.xml` beside its backups, and the ADMX and ADML
/// files of a SYSVOL `PolicyDefinitions` store.
fn is_companion(name: &std::ffi::OsStr) -> bool {
    let path = Path::new(name);
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    is_named(name, "manifest.xml")
        || ["admx", "adml"]
            .iter()
            .any(|e| e.eq_ignore_ascii_case(extension))
}
