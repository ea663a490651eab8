//! The `gplint` binary: wires standard streams to the library and returns
//! its exit code.
#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::process::ExitCode;

use gplint::cli::{Io, Outcome, StderrBar, run_with_progress, signals};
use gplint::progress::{NoProgress, Progress};
use gplint::report::Style;

fn main() -> ExitCode {
    let terminal = std::io::stderr().is_terminal();
    let color = terminal && std::env::var_os("NO_COLOR").is_none();
    let width = terminal_width().unwrap_or(Style::PLAIN.width);
    let mut stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    // Not locked for the whole run, unlike stdout: the bar draws from the
    // threads that read and evaluate, and would wait forever for a lock
    // this thread holds while it waits for them.
    let mut stderr = std::io::stderr();
    let mut io = Io {
        stdin: Some(&mut stdin),
        stdout: &mut stdout,
        stderr: &mut stderr,
        style: Style { color, width },
    };
    // A bar only on a terminal: never into a log, a pipe, or standard
    // output, whatever standard output is.
    let bar = StderrBar::new();
    let progress: &dyn Progress = if terminal { &bar } else { &NoProgress };
    let outcome = run_with_progress(std::env::args_os(), &mut io, progress);
    if outcome == Outcome::ClosedPipe {
        // Quietly, as a filter ends when its reader goes away.
        signals::end_by_closed_pipe();
    }
    ExitCode::from(outcome.code())
}

fn terminal_width() -> Option<usize> {
    std::env::var("COLUMNS").ok()?.parse().ok()
}
