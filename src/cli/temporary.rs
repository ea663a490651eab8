//! Temporary files beside `--output` that no run leaves behind.
//!
//! A report is written to a temporary file in the target's folder, then
//! renamed over the target, so a reader never sees half a report and a
//! failed run leaves the old one whole. Each temporary file has a name no
//! other run can share (`tempfile` picks it and creates it exclusively),
//! is removed when dropped, and is listed in [`PENDING`] while it exists:
//! SIGINT, SIGTERM or SIGHUP removes what is listed before the process
//! ends. Only files this process created are ever listed, so gplint never
//! removes a file it did not make. SIGKILL cannot be caught: a run killed
//! so leaves its `.NAME.XXXXXX.gplint-tmp` behind, which no later run
//! trips over.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

use tempfile::NamedTempFile;

use super::signals;

/// The temporary files of this process that exist now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs the signal handler once, with the first temporary file.
static WATCH: Once = Once::new();

/// A temporary file in the folder of the file it will replace.
pub struct Temporary {
    /// `None` only while being dropped or persisted.
    file: Option<NamedTempFile>,
}

impl Temporary {
    /// Creates `.NAME.XXXXXX.gplint-tmp` beside `target`, with the mode a
    /// new file gets (0666 less the umask), not the 0600 of a temporary.
    pub fn beside(target: &Path) -> io::Result<Temporary> {
        WATCH.call_once(|| {
            signals::on_termination(remove_pending);
        });
        let folder = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
        let mut prefix = std::ffi::OsString::from(".");
        prefix.push(name);
        prefix.push(".");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".gplint-tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        // Listed before it exists, under the lock, so no signal can come
        // between its creation and its listing.
        let mut pending = lock();
        let file = builder.tempfile_in(folder)?;
        pending.push(file.path().to_path_buf());
        Ok(Temporary { file: Some(file) })
    }

    /// The open file, to write the report to.
    pub fn file(&mut self) -> io::Result<&mut File> {
        self.file
            .as_mut()
            .map(NamedTempFile::as_file_mut)
            .ok_or_else(|| io::Error::other("the temporary file is gone"))
    }

    /// Renames the file to `target`: over what is there when `replace`,
    /// else only if nothing is (a file that appeared meanwhile is kept).
    /// A signal arriving meanwhile waits for the rename to finish.
    pub fn persist(mut self, target: &Path, replace: bool) -> io::Result<()> {
        let mut pending = lock();
        let file = self
            .file
            .take()
            .ok_or_else(|| io::Error::other("the temporary file is gone"))?;
        let path = file.path().to_path_buf();
        let renamed = if replace {
            file.persist(target)
        } else {
            match file.persist_noclobber(target) {
                // A file system that can neither rename without replacing
                // nor hard-link: nothing was there a moment ago, so rename.
                Err(error) if error.error.kind() != io::ErrorKind::AlreadyExists => {
                    error.file.persist(target)
                }
                persisted => persisted,
            }
        };
        // On failure the error holds the file, and dropping it removes it.
        let result = renamed.map(drop).map_err(|error| error.error);
        pending.retain(|listed| *listed != path);
        result
    }
}

impl Drop for Temporary {
    /// Removes the file (if it was not persisted) and unlists it, under
    /// the lock, so a signal never finds a listed path that is gone.
    fn drop(&mut self) {
        let mut pending = lock();
        if let Some(file) = self.file.take() {
            let path = file.path().to_path_buf();
            drop(file);
            pending.retain(|listed| *listed != path);
        }
    }
}

fn lock() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Removes every listed file; the signal handler calls it just before the
/// process ends. The list stays locked for good, so no file is created
/// or renamed in the moment before the end.
fn remove_pending() {
    let pending = lock();
    for path in pending.iter() {
        // Best effort: nothing is left to report a failure to.
        std::fs::remove_file(path).ok();
    }
    std::mem::forget(pending);
}

/// The temporary files listed now (tests).
#[cfg(test)]
fn listed() -> Vec<PathBuf> {
    lock().clone()
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    #[test]
    fn a_dropped_temporary_is_removed_and_unlisted() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        let mut temp = Temporary::beside(&target).unwrap();
        temp.file().unwrap().write_all(b"half").unwrap();
        let name = std::fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        let name = name.file_name().to_string_lossy().into_owned();
        assert!(name.starts_with(".report.txt."), "{name}");
        assert!(name.ends_with(".gplint-tmp"), "{name}");
        assert!(listed().contains(&dir.path().join(&name)));
        drop(temp);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(!listed().contains(&dir.path().join(&name)));
    }

    #[test]
    fn a_persisted_temporary_is_unlisted_and_replaces_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        std::fs::write(&target, "old").unwrap();
        let mut temp = Temporary::beside(&target).unwrap();
        temp.file().unwrap().write_all(b"new").unwrap();
        let path = listed()
            .into_iter()
            .find(|p| p.starts_with(dir.path()))
            .unwrap();
        temp.persist(&target, true).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert!(!listed().contains(&path));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn persisting_without_replacing_keeps_a_file_that_appeared() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        let temp = Temporary::beside(&target).unwrap();
        std::fs::write(&target, "someone else's").unwrap();
        assert!(temp.persist(&target, false).is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "someone else's");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn two_temporaries_for_one_target_have_different_names() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        let first = Temporary::beside(&target).unwrap();
        let second = Temporary::beside(&target).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        drop((first, second));
    }
}
