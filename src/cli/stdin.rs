//! The path `-`: a template read from standard input, which a run can
//! read once.

use std::path::Path;

use super::Io;
use crate::source::{ReadLimits, SourceError, SourceFile};

/// How messages name standard input.
pub const NAME: &str = "<stdin>";

/// Whether a template path names standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Standard input was named twice, or is not there to read.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("standard input (`-`) is given more than once; it can be read only once, so give `-` once")]
#[diagnostic(
    code(gplint::input::stdin_twice),
    help("save the other template to a file and give its path")
)]
pub struct StdinTwice;

/// Why standard input could not be read as a template.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum StdinError {
    /// `-` given again.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Twice(#[from] StdinTwice),
    /// A read, decode or limit error.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Read(#[from] SourceError),
}

/// Reads the template on standard input within `limits`; the second call
/// of a run is an error.
pub fn read(io: &mut Io<'_>, limits: &ReadLimits) -> Result<SourceFile, StdinError> {
    let stdin = io.stdin.take().ok_or(StdinTwice)?;
    Ok(SourceFile::read_stream(NAME, stdin, limits)?)
}
