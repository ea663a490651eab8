//! Opening an input file without blocking on a pipe or reading past a limit.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use super::error::SourceError;

/// The bytes of the regular file at `path`, at most `max` of them. A FIFO
/// is refused before it is opened, since opening one waits for a writer.
pub(super) fn read_bytes(name: &str, path: &Path, max: u64) -> Result<Vec<u8>, SourceError> {
    let io_error = |error| SourceError::from_io(name.to_owned(), path, error);
    let metadata = fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(SourceError::IsDirectory {
            path: name.to_owned(),
        });
    }
    if !metadata.is_file() {
        return Err(SourceError::NotAFile {
            path: name.to_owned(),
            what: file_kind(&metadata),
        });
    }
    let too_large = |size| SourceError::TooLarge {
        path: name.to_owned(),
        size,
        limit: max,
    };
    if metadata.len() > max {
        return Err(too_large(metadata.len()));
    }
    // Sized to the file: growing by doubling touched up to twice its size
    // while copying (peak memory is to stay within 3× the largest input).
    let expected = usize::try_from(metadata.len())
        .unwrap_or(0)
        .saturating_add(1);
    let mut bytes = Vec::with_capacity(expected);
    // The file may grow between the look and the read: read one byte past
    // the limit to notice.
    File::open(path)
        .and_then(|file| file.take(max.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(io_error)?;
    match u64::try_from(bytes.len()) {
        Ok(len) if len <= max => Ok(bytes),
        _ => Err(too_large(max.saturating_add(1))),
    }
}

#[cfg(unix)]
fn file_kind(metadata: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
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

#[cfg(not(unix))]
fn file_kind(_: &fs::Metadata) -> &'static str {
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
        let err = read_bytes("t.inf", &path, 4).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("`t.inf` is 11 bytes, more than the limit of 4 bytes"),
            "{err}"
        );
        assert_eq!(read_bytes("t.inf", &path, 11).unwrap().len(), 11);
    }
}
