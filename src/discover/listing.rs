//! One directory's entries, looked up by name the way Windows does.
//!
//! GPO trees are copied off Windows, where `MACHINE` and `Machine` are the
//! same folder; on other systems the case is whatever the copy kept, so
//! every name is matched ignoring ASCII case.

use std::ffi::OsStr;
use std::fs::FileType;
use std::path::{Path, PathBuf};

use super::error::DiscoverError;

/// The entries of one directory, sorted by name (byte order).
pub(super) struct Listing {
    entries: Vec<Entry>,
}

/// One entry, with its type as stored (links are not followed).
struct Entry {
    name: String,
    path: PathBuf,
    file_type: FileType,
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
    /// Only a symbolic link by that name, which gplint does not follow.
    Link(&'a Path),
    /// Nothing by that name.
    No,
}

impl Listing {
    /// Lists `dir`; any failure, even on one entry, is an error naming `dir`.
    pub(super) fn read(dir: &Path) -> Result<Listing, DiscoverError> {
        let unreadable = |e| DiscoverError::unreadable(dir, e);
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            let file_type = entry.file_type().map_err(unreadable)?;
            // Names that are not Unicode cannot be any of the names looked for.
            if let Some(name) = entry.file_name().to_str() {
                entries.push(Entry {
                    name: name.to_owned(),
                    path: entry.path(),
                    file_type,
                });
            }
        }
        entries.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Listing { entries })
    }

    /// The first entry named `name` (ignoring ASCII case) of the wanted
    /// kind; when two spellings exist, the first in byte order wins so the
    /// choice is the same on every run.
    pub(super) fn find(&self, name: &str, want: Want) -> Found<'_> {
        let mut link = None;
        for entry in self
            .entries
            .iter()
            .filter(|e| e.name.eq_ignore_ascii_case(name))
        {
            let kind = entry.file_type;
            let fits = match want {
                Want::File => kind.is_file(),
                Want::Dir => kind.is_dir(),
            };
            if fits {
                return Found::Yes(&entry.path);
            }
            if kind.is_symlink() {
                link = link.or(Some(entry.path.as_path()));
            }
        }
        link.map_or(Found::No, Found::Link)
    }

    /// The regular file named `name`, ignoring case and links.
    pub(super) fn file(&self, name: &str) -> Option<&Path> {
        match self.find(name, Want::File) {
            Found::Yes(path) => Some(path),
            Found::Link(_) | Found::No => None,
        }
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

    #[test]
    fn names_match_ignoring_case_and_kind_must_fit() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("gpt.ini"), "[General]\r\n").unwrap();
        std::fs::create_dir(dir.path().join("MACHINE")).unwrap();
        let listing = Listing::read(dir.path()).unwrap();
        assert_eq!(
            listing.file("GPT.INI"),
            Some(dir.path().join("gpt.ini").as_path())
        );
        assert!(matches!(listing.find("Machine", Want::Dir), Found::Yes(_)));
        assert!(matches!(listing.find("Machine", Want::File), Found::No));
        assert!(listing.file("bkupInfo.xml").is_none());
    }

    #[test]
    fn the_first_spelling_in_byte_order_wins() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["machine", "Machine", "MACHINE"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        let listing = Listing::read(dir.path()).unwrap();
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
        let listing = Listing::read(dir.path()).unwrap();
        assert!(matches!(listing.find("machine", Want::Dir), Found::Link(_)));
    }

    #[test]
    fn a_missing_directory_is_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("none");
        let Err(DiscoverError::Unreadable { path, .. }) = Listing::read(&missing) else {
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
