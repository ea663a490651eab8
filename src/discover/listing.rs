//! One directory's entries, looked up by name the way Windows does.
//!
//! GPO trees are copied off Windows, where `MACHINE` and `Machine` are the
//! same folder; on other systems the case is whatever the copy kept, so
//! every name is matched ignoring ASCII case.

use std::ffi::{OsStr, OsString};
use std::fs::FileType;
use std::path::{Path, PathBuf};

use super::budget::Budget;
use super::error::DiscoverError;
use crate::source::file_kind;

/// The entries of one directory, sorted by name (byte order).
pub(super) struct Listing {
    entries: Vec<Entry>,
}

/// One entry, with its kind as stored (links are not followed).
pub(super) struct Entry {
    pub(super) name: OsString,
    pub(super) path: PathBuf,
    pub(super) kind: Kind,
}

/// What an entry is, without following links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    File,
    Dir,
    Link,
    /// A named pipe, socket or device, in words.
    Other(&'static str),
}

impl Kind {
    fn of(file_type: &FileType) -> Kind {
        if file_type.is_symlink() {
            Kind::Link
        } else if file_type.is_dir() {
            Kind::Dir
        } else if file_type.is_file() {
            Kind::File
        } else {
            Kind::Other(file_kind(file_type))
        }
    }
}

/// What an entry must be to match.
#[derive(Clone, Copy)]
pub(super) enum Want {
    File,
    Dir,
}

/// The result of looking a name up.
pub(super) enum Found<'a> {
    /// A file or directory of the wanted kind.
    Yes(&'a Path),
    /// Only an entry of another kind by that name: a link (never
    /// followed), a pipe or device, a folder where a file is wanted.
    Wrong(&'a Path, Kind),
    /// Nothing by that name.
    No,
}

impl Listing {
    /// Lists `dir`, each entry counted against `budget`: a folder of a
    /// million entries stops at the limit, before it is all read. Any
    /// other failure, even on one entry, is an error naming `dir`.
    pub(super) fn read(dir: &Path, budget: &Budget) -> Result<Listing, DiscoverError> {
        let unreadable = |e| DiscoverError::unreadable(dir, e);
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(unreadable)? {
            budget.spend()?;
            let entry = entry.map_err(unreadable)?;
            let file_type = entry.file_type().map_err(unreadable)?;
            entries.push(Entry {
                name: entry.file_name(),
                path: entry.path(),
                kind: Kind::of(&file_type),
            });
        }
        // Only what is kept is sorted, so the order is the same on every
        // file system.
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Listing { entries })
    }

    /// How many entries were listed (and counted).
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entries, in byte order of their names.
    pub(super) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The first entry named `name` (ignoring ASCII case) of the wanted
    /// kind; when two spellings exist, the first in byte order wins so the
    /// choice is the same on every run. Without one, the first entry of
    /// another kind by that name.
    pub(super) fn find(&self, name: &str, want: Want) -> Found<'_> {
        let mut wrong = None;
        for entry in self.entries.iter().filter(|e| is_named(&e.name, name)) {
            let fits = match want {
                Want::File => entry.kind == Kind::File,
                Want::Dir => entry.kind == Kind::Dir,
            };
            if fits {
                return Found::Yes(&entry.path);
            }
            wrong = wrong.or(Some((entry.path.as_path(), entry.kind)));
        }
        wrong.map_or(Found::No, |(path, kind)| Found::Wrong(path, kind))
    }

    /// Whether an entry named `name` that is not a folder is here: a
    /// marker file, even one gplint will not read (a link, a pipe).
    pub(super) fn has_marker(&self, name: &str) -> bool {
        self.entries
            .iter()
            .any(|e| e.kind != Kind::Dir && is_named(&e.name, name))
    }
}

/// Whether a file name is `name`, ignoring ASCII case.
pub(super) fn is_named(file_name: &OsStr, name: &str) -> bool {
    file_name
        .to_str()
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(dir: &Path) -> Listing {
        Listing::read(dir, &Budget::new(dir, 1000)).unwrap()
    }

    #[test]
    fn names_match_ignoring_case_and_kind_must_fit() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("gpt.ini"), "[General]\r\n").unwrap();
        std::fs::create_dir(dir.path().join("MACHINE")).unwrap();
        let listing = listing(dir.path());
        let Found::Yes(ini) = listing.find("GPT.INI", Want::File) else {
            panic!("not found");
        };
        assert_eq!(ini, dir.path().join("gpt.ini"));
        assert!(matches!(listing.find("Machine", Want::Dir), Found::Yes(_)));
        assert!(matches!(
            listing.find("Machine", Want::File),
            Found::Wrong(_, Kind::Dir)
        ));
        assert!(matches!(
            listing.find("bkupInfo.xml", Want::File),
            Found::No
        ));
        assert!(listing.has_marker("gpt.ini"));
        assert!(!listing.has_marker("machine"));
    }

    #[test]
    fn the_first_spelling_in_byte_order_wins() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["machine", "Machine", "MACHINE"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        let listing = listing(dir.path());
        let Found::Yes(path) = listing.find("machine", Want::Dir) else {
            panic!("not found");
        };
        assert_eq!(path, dir.path().join("MACHINE"));
    }

    #[test]
    fn links_are_reported_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::os::unix::fs::symlink("real", dir.path().join("Machine")).unwrap();
        let listing = listing(dir.path());
        assert!(matches!(
            listing.find("machine", Want::Dir),
            Found::Wrong(_, Kind::Link)
        ));
    }

    #[test]
    fn a_missing_directory_is_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("none");
        let result = Listing::read(&missing, &Budget::new(dir.path(), 10));
        let Err(DiscoverError::Unreadable { path, .. }) = result else {
            panic!("expected Unreadable");
        };
        assert_eq!(path, missing);
    }

    #[test]
    fn is_named_ignores_case() {
        assert!(is_named(OsStr::new("GPTTMPL.INF"), "GptTmpl.inf"));
        assert!(!is_named(OsStr::new("GptTmpl.inf.bak"), "GptTmpl.inf"));
    }
}
