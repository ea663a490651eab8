//! The command line: argument parsing and exit codes. No logic lives here
//! beyond calling the stages in order and writing what they return.
//!
//! All of gplint's I/O on its outputs happens in this module, and no
//! result of a write is dropped here: a write to standard output returns
//! a [`WriteError`] that ends the run, and the one place that ignores a
//! failure, [`Io::stderr_text`], says why.
#![deny(clippy::let_underscore_must_use)]

mod args;
mod bar;
mod baseline;
mod check;
mod codes;
mod diff;
mod directory;
mod directory_survey;
mod dump;
mod expect_file;
mod generate;
mod init;
mod inputs;
mod limit_args;
mod load;
mod one_dash;
mod output;
mod output_error;
mod progress_args;
mod reads;
mod repo_root;
mod revision;
mod rules;
mod rules_test;
mod schema;
pub mod signals;
mod stdin;
mod step_summary;
mod target;
mod temporary;
mod today;
mod why;
mod write_error;

use std::ffi::OsString;
use std::fmt::Display;
use std::io::Write;

use clap::Parser;

pub use args::{
    CheckArgs, CheckFormat, CiArgs, Cli, CodesArgs, Command, CompletionsArgs, DiffArgs, DiffFormat,
    DumpArgs, DumpFormat, ExplainArgs, ExplainFormat, FailOn, InitArgs, ManArgs, RulesArgs,
    RulesCommand, RulesTestArgs, SchemaArgs, SchemaFile, WhyArgs, WhyFormat,
};
pub use bar::StderrBar;
pub use directory::DirectoryArgs;
pub use limit_args::LimitArgs;
pub use output_error::OutputError;
pub use progress_args::ProgressArgs;
pub use write_error::WriteError;

use crate::progress::{NoProgress, Progress};
use crate::report::{Style, one_line};

/// What a run ends with; `main` turns it into the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 0: everything was read and nothing failed the run.
    Clean,
    /// 1: findings at or above the failure threshold.
    Findings,
    /// 2: an input could not be read, the result could not be written,
    /// or the command line was wrong.
    UsageOrInput,
    /// The reader of standard output closed it before the end. On Unix
    /// `main` then ends the process by SIGPIPE, as any filter would end
    /// (a shell shows 141); elsewhere the exit code is 141.
    ClosedPipe,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::UsageOrInput => 2,
            Outcome::ClosedPipe => 141,
        }
    }
}

/// Where a run reads and writes, and how it renders diagnostics.
pub struct Io<'w> {
    /// Standard input, for a template given as `-`; taken by the first
    /// read, so that a second `-` is an error rather than an empty file.
    pub stdin: Option<&'w mut dyn std::io::Read>,
    /// The command's result.
    pub stdout: &'w mut dyn Write,
    /// Diagnostics and errors.
    pub stderr: &'w mut dyn Write,
    /// How to render diagnostics.
    pub style: Style,
}

impl Io<'_> {
    /// Writes (part of) the command's result to standard output.
    pub fn print(&mut self, bytes: impl AsRef<[u8]>) -> Result<(), WriteError> {
        self.stdout
            .write_all(bytes.as_ref())
            .map_err(WriteError::Stdout)
    }

    /// Writes diagnostics, already rendered, to standard error. A failure
    /// there is dropped on purpose: standard error is where it would be
    /// reported, and the exit code still tells how the run went.
    pub fn stderr_text(&mut self, text: &str) {
        #[allow(clippy::let_underscore_must_use)]
        let _ = self.stderr.write_all(text.as_bytes());
    }

    /// Writes one line to standard error (see [`Io::stderr_text`]).
    pub fn stderr_line(&mut self, line: impl Display) {
        self.stderr_text(&format!("{line}\n"));
    }
}

/// Parses the arguments and runs the command. Standard output is flushed
/// before the outcome is known: a failure there is the run's failure.
/// Nothing tells progress: see [`run_with_progress`].
pub fn run(args: impl IntoIterator<Item = OsString>, io: &mut Io<'_>) -> Outcome {
    run_with_progress(args, io, &NoProgress)
}

/// [`run`], telling `progress` how the long stages advance unless
/// `--quiet` or `--no-progress` is given. The binary passes a
/// [`StderrBar`] when standard error is a terminal.
pub fn run_with_progress(
    args: impl IntoIterator<Item = OsString>,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Outcome {
    let args: Vec<OsString> = args.into_iter().collect();
    if let Some(one_dash) = one_dash::find(&args) {
        io.stderr_line(format_args!("error: {}", one_line(&one_dash)));
        return Outcome::UsageOrInput;
    }
    let ran = match Cli::try_parse_from(args) {
        Ok(cli) => command(cli.command, io, progress),
        Err(error) => clap_error(&error, io),
    };
    let flushed = ran.and_then(|outcome| {
        io.stdout.flush().map_err(WriteError::Stdout)?;
        Ok(outcome)
    });
    match flushed {
        Ok(outcome) => outcome,
        Err(error) if error.is_closed_pipe() => Outcome::ClosedPipe,
        Err(error) => {
            io.stderr_line(format_args!("error: {}", one_line(&error)));
            Outcome::UsageOrInput
        }
    }
}

fn command(
    command: Command,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Result<Outcome, WriteError> {
    match command {
        Command::Check(args) => check::run_check(&args, io, args.progress.choose(progress)),
        Command::Explain(args) => check::run_explain(&args, io, args.progress.choose(progress)),
        Command::Diff(args) => diff::run(&args, io, args.progress.choose(progress)),
        Command::Init(args) => init::run(&args, io, args.progress.choose(progress)),
        Command::Rules(args) => rules::run(&args, io),
        Command::Why(args) => why::run(&args, io),
        Command::Codes(args) => codes::run(&args, io),
        Command::Dump(args) => dump::run(&args, io),
        Command::Completions(args) => generate::completions(&args, io),
        Command::Man(args) => generate::man(&args, io),
        Command::Schema(args) => schema::run(&args, io),
    }
}

fn clap_error(error: &clap::Error, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    let rendered = if io.style.color {
        error.render().ansi().to_string()
    } else {
        error.render().to_string()
    };
    if error.use_stderr() {
        io.stderr_text(&with_init_tip(error, rendered));
        Ok(Outcome::UsageOrInput)
    } else {
        // --help and --version: the result the user asked for.
        io.print(rendered)?;
        Ok(Outcome::Clean)
    }
}

/// `check` or `explain` without `--expect`: clap's message, with a tip on
/// how to write a first expectations file before its usage line.
fn with_init_tip(error: &clap::Error, rendered: String) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let missing_expect = error.kind() == ErrorKind::MissingRequiredArgument
        && matches!(
            error.get(ContextKind::InvalidArg),
            Some(ContextValue::Strings(missing)) if missing.iter().any(|arg| arg.starts_with("--expect"))
        );
    let Some(usage) = rendered.find("\n\n").filter(|_| missing_expect) else {
        return rendered;
    };
    let (head, tail) = rendered.split_at(usage);
    format!("{head}\n\n{EXPECT_TIP}{tail}")
}

/// What `--expect` is, and how to write a first one.
const EXPECT_TIP: &str =
    "  tip: --expect names the expectations file (services.yaml): the accounts and groups to
       check and how they must log on. Write a first one from the templates, then review it:
         gplint init <INF>... > services.yaml
         gplint check <INF>... --expect services.yaml";
