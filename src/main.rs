//! The `gplint` binary: wires standard streams to the library and returns
//! its exit code.

use std::io::IsTerminal;
use std::process::ExitCode;

use gplint::cli::{Io, Outcome, run, signals};
use gplint::report::Style;

fn main() -> ExitCode {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let width = terminal_width().unwrap_or(Style::PLAIN.width);
    let mut stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let mut io = Io {
        stdin: Some(&mut stdin),
        stdout: &mut stdout,
        stderr: &mut stderr,
        style: Style { color, width },
    };
    let outcome = run(std::env::args_os(), &mut io);
    if outcome == Outcome::ClosedPipe {
        // Quietly, as a filter ends when its reader goes away.
        signals::end_by_closed_pipe();
    }
    ExitCode::from(outcome.code())
}

fn terminal_width() -> Option<usize> {
    std::env::var("COLUMNS").ok()?.parse().ok()
}
