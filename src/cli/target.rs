//! Where `--output` writes, decided before the run's work: never an
//! input, never through a symbolic link to a file or folder, and never by
//! renaming over a node that is not a regular file.
//!
//! Only the last component of the path is examined: the folders leading
//! to it are resolved as any path is, links included.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::OutputError;
use super::reads::{FileId, Reads, file_id};
use super::temporary::Temporary;

/// How the report reaches its file.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Nothing is there: a temporary file is renamed to the path, unless
    /// something appeared there meanwhile.
    New(PathBuf),
    /// A regular file: a temporary file is renamed over it once complete.
    Replace(PathBuf),
    /// A character device or named pipe: written into as it is, since
    /// renaming would replace the node itself.
    InPlace(PathBuf),
    /// A symbolic link to a character device or named pipe (`/dev/stderr`):
    /// written into through the link, which is kept.
    Linked(PathBuf),
}

/// Decides how to write `path`, or why not to.
pub fn prepare(path: &Path, reads: &Reads) -> Result<Target, OutputError> {
    let shown = || path.display().to_string();
    let metadata = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            refuse(reads, path, None)?;
            return Ok(Target::New(path.to_path_buf()));
        }
        Err(source) => {
            return Err(OutputError::Write {
                path: shown(),
                source,
            });
        }
    };
    let kind = metadata.file_type();
    if kind.is_symlink() {
        return linked(path, reads);
    }
    if kind.is_dir() {
        return Err(OutputError::Folder { path: shown() });
    }
    refuse(reads, path, file_id(path, false).as_ref())?;
    if kind.is_file() {
        return Ok(Target::Replace(path.to_path_buf()));
    }
    match stream_or_why_not(&kind) {
        Ok(()) => Ok(Target::InPlace(path.to_path_buf())),
        Err(what) => Err(OutputError::Unsupported {
            path: shown(),
            what,
        }),
    }
}

/// A link is followed only to a stream (a character device or named
/// pipe), which is written into and so never replaced; a link to a file
/// or folder is refused, since renaming over it would replace the link.
fn linked(path: &Path, reads: &Reads) -> Result<Target, OutputError> {
    let stream = fs::metadata(path)
        .is_ok_and(|m| !m.is_file() && !m.is_dir() && stream_or_why_not(&m.file_type()).is_ok());
    if stream {
        refuse(reads, path, file_id(path, true).as_ref())?;
        return Ok(Target::Linked(path.to_path_buf()));
    }
    let target = fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
    Err(OutputError::Symlink {
        path: path.display().to_string(),
        target,
    })
}

/// [`Reads::refusal`] as the error `--output` ends with.
fn refuse(reads: &Reads, path: &Path, id: Option<&FileId>) -> Result<(), OutputError> {
    match reads.refusal(path, id) {
        Some(reason) => Err(OutputError::Input {
            path: path.display().to_string(),
            reason,
        }),
        None => Ok(()),
    }
}

/// Character devices and named pipes take a stream of bytes; a block
/// device would be overwritten from its first sector, and a socket
/// cannot be opened.
#[cfg(unix)]
fn stream_or_why_not(kind: &fs::FileType) -> Result<(), &'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_char_device() || kind.is_fifo() {
        Ok(())
    } else if kind.is_block_device() {
        Err("a block device")
    } else if kind.is_socket() {
        Err("a socket")
    } else {
        Err("not a regular file")
    }
}

/// Elsewhere, what is neither file, folder nor link is a device (`NUL`).
#[cfg(not(unix))]
fn stream_or_why_not(_kind: &fs::FileType) -> Result<(), &'static str> {
    Ok(())
}

/// Writes the report as `target` says.
pub fn write(target: &Target, text: &str) -> Result<(), OutputError> {
    write_with(target, &mut |out| out.write_all(text.as_bytes()))
}

/// [`write`] of a report written piece by piece by `fill` (one too large
/// to hold whole: `explain --all-accounts`), buffered.
pub fn write_with(
    target: &Target,
    fill: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
) -> Result<(), OutputError> {
    let (path, written) = match target {
        Target::New(path) => (path, via_temporary(path, fill, false)),
        Target::Replace(path) => (path, via_temporary(path, fill, true)),
        Target::InPlace(path) => (path, in_place(path, fill, false)),
        Target::Linked(path) => (path, in_place(path, fill, true)),
    };
    written.map_err(|source| OutputError::Write {
        path: path.display().to_string(),
        source,
    })
}

/// The whole report to a temporary file, on disk, then renamed: a failed
/// or interrupted run leaves the previous file whole.
fn via_temporary(path: &Path, fill: Fill<'_>, replace: bool) -> io::Result<()> {
    let mut temporary = Temporary::beside(path)?;
    let file = temporary.file()?;
    let mut buffered = io::BufWriter::new(&mut *file);
    fill(&mut buffered)?;
    buffered.flush()?;
    drop(buffered);
    file.sync_all()?;
    temporary.persist(path, replace)
}

/// Into the device or pipe itself. Opened without following a link
/// (unless `through_link`) and checked again once open, in case the node
/// changed since it was seen.
fn in_place(path: &Path, fill: Fill<'_>, through_link: bool) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true);
    let file = if through_link {
        options.open(path)?
    } else {
        open_no_follow(path, &mut options, false)?
    };
    if file.metadata()?.is_file() {
        return Err(io::Error::other(
            "it became a regular file while gplint ran",
        ));
    }
    let mut buffered = io::BufWriter::new(file);
    fill(&mut buffered)?;
    buffered.flush()
}

/// What writes a report into its destination.
type Fill<'f> = &'f mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>;

/// Opens `path` with `options`, refusing a symbolic link in its last
/// component (`O_NOFOLLOW`), and without waiting for a named pipe's
/// reader when `nonblocking` (`O_NONBLOCK`: the open fails instead).
/// Elsewhere than Unix, as `options` says.
pub fn open_no_follow(
    path: &Path,
    options: &mut OpenOptions,
    nonblocking: bool,
) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let wait = if nonblocking { libc::O_NONBLOCK } else { 0 };
        options.custom_flags(libc::O_NOFOLLOW | wait);
    }
    #[cfg(not(unix))]
    let _ = nonblocking;
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_outside_the_inputs_is_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt");
        let target = prepare(&path, &Reads::default()).unwrap();
        assert_eq!(target, Target::New(path.clone()));
        write(&target, "report").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "report");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_input_is_refused_by_identity() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("t.inf");
        fs::write(&input, "x").unwrap();
        let mut reads = Reads::default();
        reads.file("template", &input);
        let detour = dir.path().join(".").join("t.inf");
        let refused = prepare(&detour, &reads).unwrap_err();
        let line = crate::report::one_line(&refused);
        assert!(line.contains("(the template `"), "{line}");
    }

    #[test]
    fn a_file_deep_in_a_tree_or_directly_in_a_flat_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let gpo = dir.path().join("gpo");
        fs::create_dir_all(gpo.join("Machine")).unwrap();
        let rules = dir.path().join("rules");
        fs::create_dir_all(rules.join("sub")).unwrap();
        let mut reads = Reads::default();
        reads.tree("GPO folder", &gpo);
        reads.flat("--rules folder", &rules);
        let deep = gpo.join("Machine/new.txt");
        let refused = prepare(&deep, &reads).unwrap_err();
        let line = crate::report::one_line(&refused);
        assert!(line.contains("it is in the GPO folder `"), "{line}");
        assert!(prepare(&rules.join("new.yaml"), &reads).is_err());
        // A subfolder of a --rules folder is not read.
        assert!(prepare(&rules.join("sub/new.yaml"), &reads).is_ok());
        // Beside the GPO folder is fine.
        assert!(prepare(&dir.path().join("report.txt"), &reads).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_refused_and_named_with_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink("elsewhere", &link).unwrap();
        let refused = prepare(&link, &Reads::default()).unwrap_err();
        let line = crate::report::one_line(&refused);
        assert!(line.contains("symbolic link (to `elsewhere`)"), "{line}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_a_character_device_is_written_through_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("null");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        let target = prepare(&link, &Reads::default()).unwrap();
        assert_eq!(target, Target::Linked(link.clone()));
        write(&target, "report").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let refused = prepare(dir.path(), &Reads::default()).unwrap_err();
        assert!(matches!(refused, OutputError::Folder { .. }));
    }

    #[test]
    fn a_failed_write_names_the_file_and_keeps_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/folder/report.txt");
        let target = prepare(&path, &Reads::default()).unwrap();
        let error = write(&target, "report").unwrap_err();
        let line = crate::report::one_line(&error);
        assert!(line.starts_with("cannot write the report to `"), "{line}");
        assert!(line.contains("report.txt"), "{line}");
    }
}
