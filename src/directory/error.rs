//! Why a directory export could not be read.

use std::io;

use miette::Diagnostic;
use thiserror::Error;

use crate::source::SourceError;

/// A directory export that cannot be read. Each names the file, says
/// what was expected and what to do.
#[derive(Debug, Error, Diagnostic)]
pub enum DirectoryError {
    /// The file could not be opened.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Source(SourceError),

    /// The export, or a member of its zip, is larger than
    /// `--max-directory-size`.
    #[error(
        "`{path}` is {size} bytes, more than the limit of {limit} bytes for one directory export"
    )]
    #[diagnostic(
        code(gplint::directory::too_large),
        help(
            "check that this is the export you meant; if it is, raise the limit with --max-directory-size"
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

    /// The content is neither LDIF nor a BloodHound collection.
    #[error("`{path}` is not a directory export: {found}")]
    #[diagnostic(
        code(gplint::directory::not_recognised),
        help(
            "give an LDIF file (`ldifde -f contoso.ldif`, or `ldapsearch -LLL … > contoso.ldif`), or a SharpHound collection: its folder or its .zip of *_users.json, *_groups.json, *_computers.json and *_domains.json"
        )
    )]
    NotRecognised {
        /// The path as the user gave it.
        path: String,
        /// What the content looks like instead.
        found: String,
    },

    /// A SharpHound file that is not well-formed JSON, or whose records
    /// do not have the shape of SharpHound v5 or v6.
    #[error("`{path}` line {line} column {column}: {message}")]
    #[diagnostic(
        code(gplint::directory::json),
        help(
            "give the JSON files exactly as SharpHound wrote them; if the file was cut short or edited, collect it again"
        )
    )]
    Json {
        /// The file, e.g. `esc1.zip:20240101_users.json`.
        path: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong there, in serde_json's words.
        message: String,
    },

    /// A SharpHound file of a format version gplint does not read.
    #[error(
        "`{path}` is SharpHound format version {version}; gplint reads versions 5 (SharpHound 1.1, BloodHound 4.3) and 6 (SharpHound CE)"
    )]
    #[diagnostic(
        code(gplint::directory::bloodhound_version),
        help(
            "collect the domain again with SharpHound 1.1 or later (SharpHound CE writes version 6), or export it as LDIF with `ldifde -f` or `ldapsearch -LLL`"
        )
    )]
    BloodHoundVersion {
        /// The file.
        path: String,
        /// `meta.version` as written.
        version: i64,
    },

    /// A folder or zip with no SharpHound users, groups, computers or
    /// domains file in it.
    #[error("`{path}` holds no SharpHound users, groups, computers or domains file: {found}")]
    #[diagnostic(
        code(gplint::directory::no_sharphound_file),
        help(
            "give the folder or .zip SharpHound wrote (its *_users.json, *_groups.json, *_computers.json, *_domains.json), or one of those files"
        )
    )]
    NoSharpHoundFile {
        /// The folder or zip as the user gave it.
        path: String,
        /// What was found instead.
        found: String,
    },

    /// A member of a zip that inflates past `--max-directory-size`.
    #[error(
        "`{path}` inflates to more than the limit of {limit} bytes for one directory export file"
    )]
    #[diagnostic(
        code(gplint::directory::zip_member_too_large),
        help(
            "check that this is the SharpHound zip you meant (a member that inflates far past its size is a zip bomb); if it is, raise the limit with --max-directory-size"
        )
    )]
    ZipMemberTooLarge {
        /// The member, e.g. `esc1.zip:20240101_users.json`.
        path: String,
        /// The limit in bytes.
        limit: u64,
    },

    /// A zip that cannot be read: corrupt, encrypted, or compressed with
    /// a method other than Deflate.
    #[error("`{path}` cannot be read as a zip: {reason}")]
    #[diagnostic(
        code(gplint::directory::zip),
        help(
            "give the .zip exactly as SharpHound wrote it (not encrypted), or unpack it and give the folder"
        )
    )]
    Zip {
        /// The zip, or its member, e.g. `esc1.zip:20240101_users.json`.
        path: String,
        /// Why, in the zip reader's words.
        reason: String,
    },

    /// An LDIF line longer than the limit once its continuations are
    /// joined.
    #[error(
        "`{path}` line {line}: a line longer than {limit} bytes once its continuation lines are joined"
    )]
    #[diagnostic(
        code(gplint::directory::ldif_line_too_long),
        help(
            "an export writes one line per value (a group's members are one `member:` line each), so a line this long is damage or not an export; if the value is genuine, raise --max-line-length"
        )
    )]
    LdifLineTooLong {
        /// The path as the user gave it.
        path: String,
        /// Where the line starts.
        line: u32,
        /// The limit, in bytes.
        limit: usize,
    },

    /// A line that is not LDIF. Never quotes the line, which may be part
    /// of a secret.
    #[error("`{path}` line {line}: {problem}")]
    #[diagnostic(
        code(gplint::directory::ldif_syntax),
        help(
            "an LDIF line is `attribute: value`, `attribute:: base64` or `attribute:< URL`, continued on lines that begin with one space, with a blank line between entries; export again with `ldifde -f` or `ldapsearch -LLL`"
        )
    )]
    LdifSyntax {
        /// The path as the user gave it.
        path: String,
        /// The line.
        line: u32,
        /// What is wrong, in words.
        problem: String,
    },

    /// A value the model reads that cannot be decoded.
    #[error("`{path}` line {line}: `{attribute}` {problem}")]
    #[diagnostic(
        code(gplint::directory::ldif_value),
        help(
            "export again without editing the file: `ldifde -f` and `ldapsearch -LLL` write binary values (objectSid, logonHours) in base64 after `::` and numbers in decimal"
        )
    )]
    LdifValue {
        /// The path as the user gave it.
        path: String,
        /// The line.
        line: u32,
        /// The attribute, lower-cased.
        attribute: String,
        /// What is wrong, in words.
        problem: String,
    },

    /// A password settings object without an attribute the model needs.
    #[error("`{path}` line {line}: the password settings object `{name}` has no `{attribute}`")]
    #[diagnostic(
        code(gplint::directory::ldif_incomplete),
        help(
            "export every attribute of msDS-PasswordSettings objects (ldifde without -l, ldapsearch without an attribute list), or leave the object out of the export"
        )
    )]
    LdifIncomplete {
        /// The path as the user gave it.
        path: String,
        /// The object's `dn:` line.
        line: u32,
        /// The object's `cn`.
        name: String,
        /// The attribute it lacks.
        attribute: &'static str,
    },

    /// Reading failed part-way through the file.
    #[error("`{path}` line {line}: reading failed: {source}")]
    #[diagnostic(
        code(gplint::directory::read_failed),
        help(
            "check that the file is readable and complete (a network share or a removed disk can fail mid-read), then run again"
        )
    )]
    ReadFailed {
        /// The path as the user gave it.
        path: String,
        /// The line being read.
        line: u32,
        /// What the system said.
        source: io::Error,
    },
}

impl From<SourceError> for DirectoryError {
    /// A file over the limit is over the directory's own limit, whose
    /// flag the message names; any other failure to open is the
    /// source's.
    fn from(error: SourceError) -> Self {
        match error {
            SourceError::TooLarge { path, size, limit } => {
                DirectoryError::TooLarge { path, size, limit }
            }
            other => DirectoryError::Source(other),
        }
    }
}
