//! Why a directory export could not be read.

use miette::Diagnostic;
use thiserror::Error;

use crate::source::SourceError;

/// A directory export that cannot be read. Each names the file, says
/// what was expected and what to do.
#[derive(Debug, Error, Diagnostic)]
pub enum DirectoryError {
    /// The file could not be opened or is over a limit.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Source(#[from] SourceError),

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
}
