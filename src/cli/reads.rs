//! What a run reads, so that nothing it writes lands on it: files by
//! identity (device and inode on Unix, so another path or a hard link is
//! caught; the canonical path elsewhere), folders by canonical path.

use std::fs;
use std::path::{Path, PathBuf};

/// What the run reads, to keep `--output` and the step summary off it.
#[derive(Debug, Default)]
pub struct Reads {
    files: Vec<(&'static str, String, FileId)>,
    folders: Vec<Folder>,
}

#[derive(Debug)]
struct Folder {
    role: &'static str,
    shown: String,
    canonical: PathBuf,
    /// Only the files directly in it are read (a `--rules` folder).
    direct: bool,
}

impl Reads {
    /// A file the run reads, e.g. `("template", path)`. One that cannot
    /// be examined is not read either, and so needs no guard.
    pub fn file(&mut self, role: &'static str, path: &Path) {
        if let Some(id) = file_id(path, true) {
            self.files.push((role, path.display().to_string(), id));
        }
    }

    /// A folder whose files, at any depth, the run reads (a GPO folder).
    pub fn tree(&mut self, role: &'static str, path: &Path) {
        self.folder(role, path, false);
    }

    /// A folder whose files directly in it the run reads (`--rules`).
    pub fn flat(&mut self, role: &'static str, path: &Path) {
        self.folder(role, path, true);
    }

    fn folder(&mut self, role: &'static str, path: &Path, direct: bool) {
        if let Ok(canonical) = fs::canonicalize(path) {
            self.folders.push(Folder {
                role,
                shown: path.display().to_string(),
                canonical,
                direct,
            });
        }
    }

    /// Why `path` (existing with identity `id`, or not) must not be
    /// written, e.g. "it is an input of this run (the template `t.inf`)".
    pub fn refusal(&self, path: &Path, id: Option<&FileId>) -> Option<String> {
        if let Some((role, input, _)) = self.files.iter().find(|f| Some(&f.2) == id) {
            return Some(format!("it is an input of this run (the {role} `{input}`)"));
        }
        let location = canonical_location(path)?;
        let inside = |folder: &&Folder| match folder.direct {
            true => location.parent() == Some(folder.canonical.as_path()),
            false => location.starts_with(&folder.canonical),
        };
        let folder = self.folders.iter().find(inside)?;
        Some(format!(
            "it is in the {} `{}`, whose files gplint reads",
            folder.role, folder.shown
        ))
    }
}

/// What makes two paths one file.
#[cfg(unix)]
pub type FileId = (u64, u64);

/// What makes two paths one file.
#[cfg(not(unix))]
pub type FileId = PathBuf;

/// The identity of the file at `path`, following a link in its last
/// component when `follow`.
#[cfg(unix)]
pub fn file_id(path: &Path, follow: bool) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    let metadata = if follow {
        fs::metadata(path)
    } else {
        fs::symlink_metadata(path)
    };
    metadata.ok().map(|m| (m.dev(), m.ino()))
}

/// The identity of the file at `path`: its canonical path.
#[cfg(not(unix))]
pub fn file_id(path: &Path, _follow: bool) -> Option<FileId> {
    fs::canonicalize(path).ok()
}

/// The canonical folder of `path` joined with its file name: where it is,
/// whether or not it exists yet.
fn canonical_location(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(folder).ok()?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_link_is_the_file_and_a_missing_path_is_nothing_read() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("services.yaml");
        fs::write(&input, "x").unwrap();
        let link = dir.path().join("alias.txt");
        fs::hard_link(&input, &link).unwrap();
        let mut reads = Reads::default();
        reads.file("expectations file", &input);
        reads.file("template", &dir.path().join("missing.inf"));
        let refusal = reads.refusal(&link, file_id(&link, false).as_ref());
        let refusal = refusal.unwrap();
        assert!(refusal.contains("(the expectations file `"), "{refusal}");
        let other = dir.path().join("missing.inf");
        assert_eq!(reads.refusal(&other, None), None);
    }
}
