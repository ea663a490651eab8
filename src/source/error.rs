//! Why an input file could not be read.

use std::io;
use std::path::Path;

use super::decode_error::DecodeError;

/// A template file that could not be read or decoded. Each message names the
/// path; for [`SourceError::Io`] and [`SourceError::Decode`] the cause is
/// also the error's `source()`, where the decode cause carries its own help.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum SourceError {
    /// Nothing at the path.
    #[error("cannot read `{path}`: no such file")]
    #[diagnostic(
        code(gplint::source::not_found),
        help(
            "check the path; in a GPO folder the template is MACHINE\\Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf"
        )
    )]
    NotFound {
        /// The path as the user gave it.
        path: String,
    },

    /// The path names a directory.
    #[error(
        "`{path}` is a directory; give a template file (GptTmpl.inf or a `secedit /export` .inf file)"
    )]
    #[diagnostic(
        code(gplint::source::is_directory),
        help(
            "in a GPO folder the template is MACHINE\\Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf"
        )
    )]
    IsDirectory {
        /// The path as the user gave it.
        path: String,
    },

    /// Any other I/O failure, such as permission denied.
    #[error("cannot read `{path}`: {}", .source.kind())]
    #[diagnostic(
        code(gplint::source::io),
        help("check that the file exists and that you are allowed to read it")
    )]
    Io {
        /// The path as the user gave it.
        path: String,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },

    /// A FIFO, socket or device where a file is expected: reading it could
    /// block forever or never end.
    #[error("cannot read `{path}`: it is {what}, not a regular file")]
    #[diagnostic(
        code(gplint::source::not_a_file),
        help("give the template or expectations file itself, not a pipe or device")
    )]
    NotAFile {
        /// The path as the user gave it.
        path: String,
        /// What it is instead, e.g. "a named pipe (FIFO)".
        what: &'static str,
    },

    /// A symbolic link found inside a folder (a GPO tree, a rule folder):
    /// it could point anywhere, such as at `/proc/self/environ`, so it is
    /// not followed.
    #[error(
        "`{path}` is a symbolic link, which gplint does not follow inside a folder; copy the file it points to into the folder, or give that file as an argument"
    )]
    #[diagnostic(
        code(gplint::source::link),
        help(
            "a link in a folder could point anywhere; gplint reads only files stored in the folder"
        )
    )]
    Link {
        /// The path as found.
        path: String,
    },

    /// Larger than `--max-file-size`.
    #[error(
        "`{path}` is {size} bytes, more than the limit of {limit} bytes for one input file; check that it is the file you meant, or raise the limit with --max-file-size"
    )]
    #[diagnostic(
        code(gplint::source::too_large),
        help(
            "check that this is the file you meant; if it is, raise the limit with --max-file-size"
        )
    )]
    TooLarge {
        /// The path as the user gave it.
        path: String,
        /// Its size in bytes (at least this: reading stops past the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },

    /// A stream (standard input) that goes on past `--max-file-size`:
    /// how long it is cannot be known without reading it all.
    #[error(
        "`{path}` holds more than the limit of {limit} bytes for one input file; check that it is the template you meant, or raise the limit with --max-file-size"
    )]
    #[diagnostic(
        code(gplint::source::stream_too_large),
        help(
            "check that this is the template you meant; if it is, raise the limit with --max-file-size"
        )
    )]
    StreamTooLarge {
        /// How messages name the stream, e.g. `<stdin>`.
        path: String,
        /// The limit in bytes.
        limit: u64,
    },

    /// A line longer than `--max-line-length`.
    #[error(
        "`{path}` line {line} is {length} bytes long, more than the limit of {limit} bytes for one line; check that this is a template, or raise the limit with --max-line-length"
    )]
    #[diagnostic(
        code(gplint::source::line_too_long),
        help(
            "a template's lines are short; check that this is a template, or raise the limit with --max-line-length"
        )
    )]
    LineTooLong {
        /// The path as the user gave it.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The line's length in bytes of decoded text.
        length: usize,
        /// The limit in bytes.
        limit: usize,
    },

    /// A line with more entries than `--max-holders`.
    #[error(
        "`{path}` line {line} lists {entries} entries, more than the limit of {limit} on one line (a right's holders, a group's members); grant the right to a group instead, or raise the limit with --max-holders"
    )]
    #[diagnostic(
        code(gplint::source::too_many_entries),
        help(
            "grant the right to a group instead of each account, or raise the limit with --max-holders"
        )
    )]
    TooManyEntries {
        /// The path as the user gave it.
        path: String,
        /// 1-based line number.
        line: usize,
        /// How many comma-separated entries the line has.
        entries: usize,
        /// The limit.
        limit: usize,
    },

    /// Text that is plainly another kind of file: XML or HTML, such as a
    /// GPMC backup's `Backup.xml` or a `gpresult /x` report.
    #[error("`{path}` is {what}, not a security template: {instead}")]
    #[diagnostic(
        code(gplint::source::not_a_template),
        help(
            "gplint reads GptTmpl.inf and `secedit /export` .inf files, and folders of GPOs or GPMC backups"
        )
    )]
    NotATemplate {
        /// The path as the user gave it.
        path: String,
        /// What it is, e.g. "a GPMC backup's Backup.xml".
        what: String,
        /// What to give instead.
        instead: String,
    },

    /// The bytes are not a text file gplint can read.
    #[error("cannot read `{path}` as a security template")]
    #[diagnostic(code(gplint::source::decode))]
    Decode {
        /// The path as the user gave it.
        path: String,
        /// What is wrong with the bytes.
        #[source]
        #[diagnostic_source]
        source: DecodeError,
    },
}

impl SourceError {
    /// Classifies a failed read of `path`. Windows reports a directory as
    /// "access denied", so a failed read is checked against the path once.
    pub fn from_io(name: String, path: &Path, source: io::Error) -> Self {
        match source.kind() {
            io::ErrorKind::NotFound => SourceError::NotFound { path: name },
            io::ErrorKind::IsADirectory => SourceError::IsDirectory { path: name },
            _ if path.is_dir() => SourceError::IsDirectory { path: name },
            _ => SourceError::Io { path: name, source },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_are_classified() {
        let dir = std::env::temp_dir();
        let missing = SourceError::from_io(
            "x.inf".into(),
            Path::new("x.inf"),
            io::Error::from(io::ErrorKind::NotFound),
        );
        assert_eq!(missing.to_string(), "cannot read `x.inf`: no such file");
        let denied = SourceError::from_io(
            "d".into(),
            &dir,
            io::Error::from(io::ErrorKind::PermissionDenied),
        );
        assert!(matches!(denied, SourceError::IsDirectory { .. }));
        let other = SourceError::from_io(
            "y.inf".into(),
            Path::new("/nonexistent/y.inf"),
            io::Error::from(io::ErrorKind::PermissionDenied),
        );
        assert_eq!(other.to_string(), "cannot read `y.inf`: permission denied");
    }
}
