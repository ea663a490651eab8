//! Opening an input file without blocking on a pipe, following a link
//! found inside a folder, or reading past a limit.
//!
//! The checks are made twice: on the path before opening, so a pipe is
//! never opened and a file over the limit never read, and on the open
//! file, so a path swapped in between is caught. The read itself stops
//! one byte past the limit, since a file can grow after the look and a
//! `/proc` file says it is empty whatever it holds.

use std::fs::{self, File, FileType, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::error::SourceError;

/// Whether a symbolic link at the path itself is followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// Follow it: the user named this path.
    Follow,
    /// Refuse it: the path was found inside a folder (a GPO tree, a rule
    /// folder), where a link could point anywhere, e.g. at
    /// `/proc/self/environ`.
    Refuse,
}

/// The regular file at `path`, opened, checked to hold at most `max`
/// bytes before and after opening; `name` is how messages name it. The
/// caller still bounds its reads, since the file may grow.
pub fn open_checked(
    name: &str,
    path: &Path,
    max: u64,
    links: Links,
) -> Result<(File, Metadata), SourceError> {
    let io_error = |error| SourceError::from_io(name.to_owned(), path, error);
    let metadata = match links {
        Links::Follow => fs::metadata(path),
        Links::Refuse => fs::symlink_metadata(path),
    }
    .map_err(io_error)?;
    regular_within(name, &metadata, max)?;
    let file = open(path, links).map_err(|error| {
        if is_link_error(&error) {
            link_error(name)
        } else {
            io_error(error)
        }
    })?;
    let opened = file.metadata().map_err(io_error)?;
    regular_within(name, &opened, max)?;
    Ok((file, opened))
}

/// The bytes of the regular file at `path`, at most `max` of them. `name`
/// is how messages name it.
pub fn read_bytes(name: &str, path: &Path, max: u64, links: Links) -> Result<Vec<u8>, SourceError> {
    let io_error = |error| SourceError::from_io(name.to_owned(), path, error);
    let (file, opened) = open_checked(name, path, max, links)?;
    // Sized to the file (within the limit): growing by doubling touched up
    // to twice its size while copying, and peak memory is to stay within
    // 3× the largest input. The file may grow between the look and the
    // read, so one byte past the limit is read to notice.
    let expected = usize::try_from(opened.len().min(max))
        .unwrap_or(0)
        .saturating_add(1);
    let mut bytes = Vec::with_capacity(expected);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    match u64::try_from(bytes.len()) {
        Ok(len) if len <= max => Ok(bytes),
        _ => Err(SourceError::TooLarge {
            path: name.to_owned(),
            size: max.saturating_add(1),
            limit: max,
        }),
    }
}

/// Refuses what is not a regular file of at most `max` bytes.
fn regular_within(name: &str, metadata: &Metadata, max: u64) -> Result<(), SourceError> {
    let path = name.to_owned();
    let kind = metadata.file_type();
    if kind.is_symlink() {
        return Err(link_error(name));
    }
    if kind.is_dir() {
        return Err(SourceError::IsDirectory { path });
    }
    if !kind.is_file() {
        let what = file_kind(&kind);
        return Err(SourceError::NotAFile { path, what });
    }
    if metadata.len() > max {
        let size = metadata.len();
        return Err(SourceError::TooLarge {
            path,
            size,
            limit: max,
        });
    }
    Ok(())
}

fn link_error(name: &str) -> SourceError {
    SourceError::Link {
        path: name.to_owned(),
    }
}

/// Opens for reading without waiting for a pipe's writer, and without
/// following a final link when `links` refuses them.
#[cfg(unix)]
fn open(path: &Path, links: Links) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let nofollow = match links {
        Links::Follow => 0,
        Links::Refuse => libc::O_NOFOLLOW,
    };
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | nofollow)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path, _: Links) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

/// `O_NOFOLLOW` on a link fails with `ELOOP`.
#[cfg(unix)]
fn is_link_error(error: &io::Error) -> bool {
    error.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_link_error(_: &io::Error) -> bool {
    false
}

/// What a file that is neither a regular file, a directory nor a link
/// is, in words: "a named pipe (FIFO)".
#[cfg(unix)]
pub fn file_kind(kind: &FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "not a file"
    }
}

/// What a file that is neither a regular file, a directory nor a link
/// is, in words.
#[cfg(not(unix))]
pub fn file_kind(_: &FileType) -> &'static str {
    "not a file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.inf");
        fs::write(&path, b"[Version]\r\n").unwrap();
        let err = read_bytes("t.inf", &path, 4, Links::Follow).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("`t.inf` is 11 bytes, more than the limit of 4 bytes"),
            "{err}"
        );
        assert_eq!(
            read_bytes("t.inf", &path, 11, Links::Follow).unwrap().len(),
            11
        );
    }

    /// `/proc` files say they are empty: only the bounded read stops them.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_file_that_lies_about_its_size_is_read_only_to_the_limit() {
        let path = Path::new("/proc/self/maps");
        let Ok(metadata) = fs::metadata(path) else {
            return;
        };
        assert_eq!(metadata.len(), 0, "/proc/self/maps says it is empty");
        let err = read_bytes("maps", path, 8, Links::Follow).unwrap_err();
        assert!(
            matches!(err, SourceError::TooLarge { size: 9, .. }),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.inf");
        fs::write(&target, b"x").unwrap();
        let link = dir.path().join("link.inf");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_bytes("l", &link, 10, Links::Follow).unwrap(), b"x");
        let err = read_bytes("l", &link, 10, Links::Refuse).unwrap_err();
        assert!(matches!(err, SourceError::Link { .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("p.inf");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|status| status.success()) {
            return;
        }
        for links in [Links::Follow, Links::Refuse] {
            let err = read_bytes("p", &fifo, 10, links).unwrap_err();
            assert!(matches!(err, SourceError::NotAFile { .. }), "{err}");
        }
        // Opened all the same (a swap after the look), it does not block.
        let file = open(&fifo, Links::Refuse).unwrap();
        let err = regular_within("p", &file.metadata().unwrap(), 10).unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
    }
}
