//! Why a path could not be searched for GPOs.

use std::io;
use std::path::PathBuf;

use crate::source::{DecodeError, SourceError, excerpt};

/// A path that could not be searched for GPOs. Each message is one line,
/// names the path and says what to do; a half-read tree is never returned,
/// since a GPO silently left out would change what applies where.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum DiscoverError {
    /// A directory with neither GPO folders, backups nor `.inf` templates.
    #[error(
        "`{}` holds no GPO: expected GPT.INI (a SYSVOL GPO folder), bkupInfo.xml (a GPMC backup) or a template (`.inf` file) below it",
        .path.display()
    )]
    #[diagnostic(
        code(gplint::discover::no_gpo),
        help(
            "give a SYSVOL Policies folder, one GPO folder, a folder of GPMC backups, or a template file"
        )
    )]
    NoGpo {
        /// The directory that was searched.
        path: PathBuf,
    },

    /// A directory that cannot be listed or a file that cannot be read.
    #[error(
        "cannot read `{}`: {}; check that it exists and that you may read it",
        .path.display(),
        .source.kind()
    )]
    #[diagnostic(
        code(gplint::discover::unreadable),
        help("check the path and its permissions")
    )]
    Unreadable {
        /// The directory or file.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },

    /// `bkupInfo.xml` or `gpreport.xml` that is not XML gplint can read.
    #[error(
        "cannot read `{}` as XML: {message}; restore it from a good copy or back the GPO up again",
        .path.display()
    )]
    #[diagnostic(
        code(gplint::discover::bad_xml),
        help("GPMC writes these files; take a fresh backup with Backup-GPO or the GPMC console")
    )]
    BadXml {
        /// The XML file.
        path: PathBuf,
        /// What is wrong, on one line, at most 200 bytes.
        message: String,
    },

    /// A tree with more entries than `--max-files`.
    #[error(
        "`{}` holds more than {limit} files and folders, the limit for one tree; give the Policies folder or one GPO folder, or raise the limit with --max-files",
        .path.display()
    )]
    #[diagnostic(
        code(gplint::discover::too_many_files),
        help(
            "give the Policies folder or one GPO folder rather than a whole drive, or raise the limit with --max-files"
        )
    )]
    TooManyFiles {
        /// The directory that was searched.
        path: PathBuf,
        /// The limit.
        limit: usize,
    },

    /// A metadata file that could not be read: a link, a pipe, over
    /// `--max-file-size`, or an I/O error. The message names the file.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Read(#[from] SourceError),

    /// `GPT.INI` or an XML file whose bytes are not text.
    #[error(
        "cannot read `{}` as text; restore it from a good copy",
        .path.display()
    )]
    #[diagnostic(code(gplint::discover::decode))]
    Decode {
        /// The file.
        path: PathBuf,
        /// What is wrong with the bytes.
        #[source]
        #[diagnostic_source]
        source: DecodeError,
    },
}

impl DiscoverError {
    /// XML that does not parse: `message` may quote the file, so it is
    /// cut short and its control characters escaped.
    pub(super) fn bad_xml(path: impl Into<PathBuf>, message: &str) -> Self {
        DiscoverError::BadXml {
            path: path.into(),
            message: excerpt(message),
        }
    }

    /// An I/O failure on `path`.
    pub(super) fn unreadable(path: impl Into<PathBuf>, source: io::Error) -> Self {
        DiscoverError::Unreadable {
            path: path.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::one_line::one_line;

    #[test]
    fn messages_name_the_path_on_one_line() {
        let all = [
            DiscoverError::NoGpo {
                path: "empty".into(),
            },
            DiscoverError::unreadable("locked", io::Error::from(io::ErrorKind::PermissionDenied)),
            DiscoverError::BadXml {
                path: "b/bkupInfo.xml".into(),
                message: "line 1: unexpected end of file".into(),
            },
            DiscoverError::Decode {
                path: "g/GPT.INI".into(),
                source: DecodeError::Empty,
            },
        ];
        for (error, path) in all
            .iter()
            .zip(["empty", "locked", "b/bkupInfo.xml", "g/GPT.INI"])
        {
            let line = one_line(error);
            assert!(line.contains(&format!("`{path}`")), "{line}");
            assert!(!line.contains('\n'), "{line}");
        }
    }

    #[test]
    fn no_gpo_says_what_was_expected() {
        let error = DiscoverError::NoGpo { path: "x".into() };
        assert_eq!(
            error.to_string(),
            "`x` holds no GPO: expected GPT.INI (a SYSVOL GPO folder), bkupInfo.xml (a GPMC backup) or a template (`.inf` file) below it"
        );
    }

    #[test]
    fn every_variant_has_a_code() {
        use miette::Diagnostic;
        let error = DiscoverError::unreadable("p", io::Error::other("x"));
        assert_eq!(
            error.code().map(|c| c.to_string()),
            Some("gplint::discover::unreadable".to_string())
        );
    }
}
