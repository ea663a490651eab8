//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// gplint: check Windows Group Policy security templates before they merge.
///
/// gplint reads security templates (GptTmpl.inf, secedit /export INF files)
/// in any encoding Windows writes, and reports what they do to logon rights.
#[derive(Debug, Parser)]
#[command(name = "gplint", version, about, long_about = None)]
#[command(after_help = "Exit codes: 0 success, 1 findings, 2 input or usage error.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print what gplint reads in templates: rights and their holders,
    /// group membership, settings, and parse warnings.
    #[command(
        after_help = "Examples:\n  gplint dump GptTmpl.inf\n  gplint dump --format json secedit-export.inf > model.json\n\nExit codes: 0 every file was read (warnings allowed), 2 a file could not be read or decoded."
    )]
    Dump(DumpArgs),
}

/// Arguments of `gplint dump`.
#[derive(Debug, clap::Args)]
pub struct DumpArgs {
    /// Template files to read (GptTmpl.inf, secedit /export output).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DumpFormat::Text)]
    pub format: DumpFormat,
}

/// Output formats of `dump`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// Indented text; warnings rendered on stderr.
    Text,
    /// One JSON document per run: `{"files": [...]}`, warnings included.
    Json,
}
