//! Why the command's result could not be written to standard output.

use std::io;

/// Standard output refused the result. `run` turns it into one line on
/// stderr and exit 2, except for a reader that went away
/// ([`WriteError::is_closed_pipe`]), which ends the run quietly.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum WriteError {
    /// A write or flush failed: a full disk, a device that refuses data,
    /// a closed pipe.
    #[error("cannot write to standard output")]
    #[diagnostic(
        code(gplint::output::stdout),
        help("check the disk, file or pipe standard output goes to")
    )]
    Stdout(#[source] io::Error),

    /// A JSON document could not be built. The views are plain data, so
    /// this is a bug; it is still a line and exit 2, never a partial
    /// or empty document that looks like a result.
    #[error("cannot write {what} as JSON")]
    #[diagnostic(code(gplint::output::json))]
    Json {
        /// What was being written, e.g. `the report`.
        what: &'static str,
        /// The serialiser's error.
        #[source]
        source: serde_json::Error,
    },
}

impl WriteError {
    /// The reader of a pipe closed it (`gplint … | head -1`): the output
    /// is no longer wanted, which is not an error of the run.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, WriteError::Stdout(error) if error.kind() == io::ErrorKind::BrokenPipe)
    }

    /// A [`WriteError::Json`] for `what`.
    pub fn json(what: &'static str) -> impl FnOnce(serde_json::Error) -> WriteError {
        move |source| WriteError::Json { what, source }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::one_line;

    #[test]
    fn a_full_disk_is_one_line_naming_standard_output() {
        let full = io::Error::from_raw_os_error(28);
        let line = one_line(&WriteError::Stdout(full));
        assert!(
            line.starts_with("cannot write to standard output: "),
            "{line}"
        );
        assert!(!line.contains('\n'));
    }

    #[test]
    fn only_a_broken_pipe_is_a_closed_pipe() {
        let broken = WriteError::Stdout(io::ErrorKind::BrokenPipe.into());
        assert!(broken.is_closed_pipe());
        let full = WriteError::Stdout(io::Error::from_raw_os_error(28));
        assert!(!full.is_closed_pipe());
    }
}
