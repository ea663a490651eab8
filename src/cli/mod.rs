//! The command line: argument parsing and exit codes. No logic lives here
//! beyond calling the stages in order and writing what they return.

mod args;
mod atomic;
mod check;
mod dump;
mod generate;
mod init;
mod inputs;
mod limit_args;
mod load;
mod output;
mod rules;
mod today;
mod why;

use std::ffi::OsString;
use std::io::Write;

use clap::Parser;

pub use args::{
    CheckArgs, CheckFormat, Cli, Command, CompletionsArgs, DumpArgs, DumpFormat, ExplainArgs,
    ExplainFormat, FailOn, InitArgs, ManArgs, RulesArgs, WhyArgs, WhyFormat,
};
pub use limit_args::LimitArgs;

use crate::report::Style;

/// What a run ends with; `main` turns it into the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 0: everything was read and nothing failed the run.
    Clean,
    /// 1: findings at or above the failure threshold.
    Findings,
    /// 2: an input could not be read or the command line was wrong.
    UsageOrInput,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::UsageOrInput => 2,
        }
    }
}

/// Where a run writes, and how it renders diagnostics.
pub struct Io<'w> {
    /// The command's result.
    pub stdout: &'w mut dyn Write,
    /// Diagnostics and errors.
    pub stderr: &'w mut dyn Write,
    /// How to render diagnostics.
    pub style: Style,
}

/// Parses the arguments and runs the command.
pub fn run(args: impl IntoIterator<Item = OsString>, io: &mut Io<'_>) -> Outcome {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => return clap_error(&error, io),
    };
    match cli.command {
        Command::Check(args) => check::run_check(&args, io),
        Command::Explain(args) => check::run_explain(&args, io),
        Command::Init(args) => init::run(&args, io),
        Command::Rules(args) => rules::run(&args, io),
        Command::Why(args) => why::run(&args, io),
        Command::Dump(args) => dump::run(&args, io),
        Command::Completions(args) => generate::completions(&args, io),
        Command::Man(args) => generate::man(&args, io),
    }
}

fn clap_error(error: &clap::Error, io: &mut Io<'_>) -> Outcome {
    let rendered = if io.style.color {
        error.render().ansi().to_string()
    } else {
        error.render().to_string()
    };
    if error.use_stderr() {
        let _ = write!(io.stderr, "{rendered}");
        Outcome::UsageOrInput
    } else {
        let _ = write!(io.stdout, "{rendered}");
        Outcome::Clean
    }
}
