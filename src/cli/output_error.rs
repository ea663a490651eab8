//! Why `check --output FILE` refused its file, or could not write it.

use std::io;

/// The report file was refused or could not be written: one line on
/// stderr, exit 2, and the file as it was.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum OutputError {
    /// The file is one this run reads, or in a folder whose files it reads.
    #[error("refusing to write the report to `{path}`: {reason}; name a file that is not an input")]
    #[diagnostic(
        code(gplint::output::input),
        help("name a file outside the inputs: gplint never writes to a file it reads")
    )]
    Input {
        /// `--output` as given.
        path: String,
        /// Which input, e.g. "it is an input of this run (the template `GptTmpl.inf`)".
        reason: String,
    },

    /// A symbolic link: gplint follows none when it writes.
    #[error(
        "refusing to write the report to `{path}`: it is a symbolic link (to `{target}`), and gplint follows none when it writes; name the file it points to"
    )]
    #[diagnostic(
        code(gplint::output::symlink),
        help(
            "name the file the link points to, or leave out --output to write to standard output"
        )
    )]
    Symlink {
        /// `--output` as given.
        path: String,
        /// What the link points to, as it is written in the link.
        target: String,
    },

    /// A folder where the report file should be.
    #[error("refusing to write the report to `{path}`: it is a folder; name a file in it")]
    #[diagnostic(code(gplint::output::folder), help("name a file inside it"))]
    Folder {
        /// `--output` as given.
        path: String,
    },

    /// A node the report cannot replace nor be written into safely.
    #[error(
        "refusing to write the report to `{path}`: it is {what}; name a regular file, a character device or a named pipe"
    )]
    #[diagnostic(
        code(gplint::output::not_a_file),
        help("gplint writes reports to a regular file, a character device or a named pipe")
    )]
    Unsupported {
        /// `--output` as given.
        path: String,
        /// `a block device`, `a socket`.
        what: &'static str,
    },

    /// The file system refused the write.
    #[error("cannot write the report to `{path}`")]
    #[diagnostic(
        code(gplint::output::write),
        help("check that the folder exists, that you may write there, and the space left")
    )]
    Write {
        /// `--output` as given.
        path: String,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },
}
