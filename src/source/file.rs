//! One input file, read and decoded.

use std::path::Path;

use super::decode::{DecodeWarning, Encoding, decode};
use super::error::SourceError;
use super::limits::{LineOver, ReadLimits, first_line_over};
use super::line_index::LineIndex;
use super::not_template::other_file;
use super::open::{Links, read_bytes};

/// One input file, decoded.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user gave it, for messages.
    pub name: String,
    /// The decoded text, byte-order mark removed, line ends as stored.
    pub text: String,
    /// The encoding the file was read in.
    pub encoding: Encoding,
    /// Problems met while decoding that still left usable text.
    pub warnings: Vec<DecodeWarning>,
    /// Line starts of `text`.
    pub lines: LineIndex,
}

impl SourceFile {
    /// Reads and decodes the file at `path` within the default limits.
    pub fn read(path: &Path) -> Result<SourceFile, SourceError> {
        Self::read_limited(path, &ReadLimits::default())
    }

    /// Reads and decodes the file at `path`, refusing what is not a
    /// regular file and what is over `limits`.
    pub fn read_limited(path: &Path, limits: &ReadLimits) -> Result<SourceFile, SourceError> {
        Self::read_with(path, limits, Links::Follow)
    }

    /// [`SourceFile::read_limited`] for a file found inside a folder,
    /// where a symbolic link at `path` is refused, not followed.
    pub fn read_found(path: &Path, limits: &ReadLimits) -> Result<SourceFile, SourceError> {
        Self::read_with(path, limits, Links::Refuse)
    }

    fn read_with(
        path: &Path,
        limits: &ReadLimits,
        links: Links,
    ) -> Result<SourceFile, SourceError> {
        let name = path.display().to_string();
        let bytes = read_bytes(&name, path, limits.max_file_size, links)?;
        let source = Self::from_bytes(name, bytes)?;
        match first_line_over(&source.text, limits) {
            None => Ok(source),
            Some(over) => Err(line_error(source.name, over, limits)),
        }
    }

    /// Reads and decodes a stream, such as standard input, named `name` in
    /// messages, within `limits` as a file is: at most one byte past
    /// `max_file_size` is read, then the lines are checked.
    pub fn read_stream(
        name: &str,
        stream: &mut dyn std::io::Read,
        limits: &ReadLimits,
    ) -> Result<SourceFile, SourceError> {
        use std::io::Read as _;
        let max = limits.max_file_size;
        let mut bytes = Vec::new();
        stream
            .take(max.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| SourceError::Io {
                path: name.to_owned(),
                source,
            })?;
        if u64::try_from(bytes.len()).map_or(true, |len| len > max) {
            return Err(SourceError::StreamTooLarge {
                path: name.to_owned(),
                limit: max,
            });
        }
        let source = Self::from_bytes(name, bytes)?;
        match first_line_over(&source.text, limits) {
            None => Ok(source),
            Some(over) => Err(line_error(source.name, over, limits)),
        }
    }

    /// Decodes `bytes` that came from `name` (which is used only in messages).
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Result<SourceFile, SourceError> {
        let name = name.into();
        match decode(bytes) {
            Ok(decoded) => Ok(SourceFile {
                lines: LineIndex::new(&decoded.text),
                name,
                text: decoded.text,
                encoding: decoded.encoding,
                warnings: decoded.warnings,
            }),
            Err(source) => Err(SourceError::Decode { path: name, source }),
        }
    }

    /// This file as a template, or why it is plainly not one: XML or HTML
    /// (a GPMC backup's `Backup.xml`, a `gpreport.xml`, a `gpresult /x`
    /// report) is refused with what it is and what to give instead,
    /// rather than read as INF text line by line.
    pub fn as_template(self) -> Result<SourceFile, SourceError> {
        match other_file(&self.text, Path::new(&self.name)) {
            None => Ok(self),
            Some(other) => Err(SourceError::NotATemplate {
                path: self.name,
                what: other.what,
                instead: other.instead,
            }),
        }
    }

    /// 1-based line and column (in characters) of a byte offset into `text`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }
}

fn line_error(path: String, over: LineOver, limits: &ReadLimits) -> SourceError {
    match over {
        LineOver::Length { line, length } => SourceError::LineTooLong {
            path,
            line,
            length,
            limit: limits.max_line_length,
        },
        LineOver::Entries { line, entries } => SourceError::TooManyEntries {
            path,
            line,
            entries,
            limit: limits.max_entries,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::DecodeError;

    #[test]
    fn from_bytes_decodes_and_indexes() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(
            "[Unicode]\r\nUnicode=yes\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let file = SourceFile::from_bytes("GptTmpl.inf", bytes).unwrap();
        assert_eq!(file.encoding, Encoding::Utf16LeBom);
        assert_eq!(file.line_col(11), (2, 1));
        assert_eq!(file.lines.line_count(), 3);
    }

    #[test]
    fn decode_errors_name_the_path() {
        let err = SourceFile::from_bytes("empty.inf", Vec::new()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot read `empty.inf` as a security template"
        );
        assert!(matches!(
            err,
            SourceError::Decode {
                source: DecodeError::Empty,
                ..
            }
        ));
    }

    #[test]
    fn a_stream_is_read_within_the_limits() {
        let limits = ReadLimits {
            max_file_size: 16,
            ..ReadLimits::default()
        };
        let mut small: &[u8] = b"[Version]\r\n";
        let file = SourceFile::read_stream("<stdin>", &mut small, &limits).unwrap();
        assert_eq!(file.name, "<stdin>");
        let mut large: &[u8] = &[b'a'; 40];
        let err = SourceFile::read_stream("<stdin>", &mut large, &limits).unwrap_err();
        assert!(
            matches!(err, SourceError::StreamTooLarge { limit: 16, .. }),
            "{err}"
        );
    }

    #[test]
    fn xml_is_not_a_template_whatever_its_name() {
        let file = SourceFile::from_bytes("b/GptTmpl.inf", b"<BackupInst/>".to_vec()).unwrap();
        let err = file.as_template().unwrap_err();
        assert_eq!(
            err.to_string(),
            "`b/GptTmpl.inf` is a GPMC backup's bkupInfo.xml, not a security template: give the backup folder `b`, or its DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf"
        );
        let file = SourceFile::from_bytes("t.xml", b"[Unicode]\r\n".to_vec()).unwrap();
        assert!(file.as_template().is_ok());
    }

    #[test]
    fn read_reports_missing_files_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("none.inf");
        let err = SourceFile::read(&missing).unwrap_err();
        assert!(matches!(err, SourceError::NotFound { .. }), "{err}");
        let err = SourceFile::read(dir.path()).unwrap_err();
        assert!(matches!(err, SourceError::IsDirectory { .. }), "{err}");
        let path = dir.path().join("t.inf");
        std::fs::write(&path, b"[Version]\r\nsignature=\"$CHICAGO$\"\r\n").unwrap();
        let file = SourceFile::read(&path).unwrap();
        assert_eq!(file.encoding, Encoding::Utf8);
        assert_eq!(file.name, path.display().to_string());
    }
}
