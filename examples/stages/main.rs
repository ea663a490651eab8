//! Stage timings and allocation counts for `bench/run.sh`, with a counting
//! global allocator (an example is its own crate, so it can have one
//! without the library or the binary holding any unsafe code).
//!
//! ```text
//! cargo run --release --example stages -- parse TREE...
//!     discover, read, decode, parse and type every template (the floor
//!     under `check`); prints one line of key=value: counts, seconds,
//!     allocations, heap peak
//! cargo run --release --example stages -- count -- check TREE --expect services.yaml
//!     runs the gplint command line in this process, its standard output
//!     discarded; prints allocations, bytes allocated, heap peak and exit code
//! ```

mod alloc;
mod parse;

use std::io::Write;
use std::process::ExitCode;

use gplint::cli::{Io, run_with_progress};
use gplint::progress::NoProgress;
use gplint::report::Style;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("parse") if args.len() > 1 => parse::run(&args[1..]),
        Some("count") => count(
            args[1..]
                .strip_prefix(&["--".to_owned()])
                .unwrap_or(&args[1..]),
        ),
        _ => Err("usage: stages parse TREE... | stages count -- GPLINT-ARGS...".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("stages: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs `gplint ARGS` in this process, standard output thrown away (it is
/// still rendered and written), diagnostics to standard error.
fn count(args: &[String]) -> Result<(), String> {
    let mut stdout = std::io::sink();
    let mut stderr = std::io::stderr();
    let mut io = Io {
        stdin: None,
        stdout: &mut stdout,
        stderr: &mut stderr,
        style: Style::PLAIN,
    };
    let argv = std::iter::once("gplint".into()).chain(args.iter().map(Into::into));
    alloc::reset();
    let outcome = run_with_progress(argv, &mut io, &NoProgress);
    let counts = alloc::counts();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "allocations={} alloc_bytes={} heap_peak={} exit={}",
        counts.allocations,
        counts.bytes,
        counts.peak,
        outcome.code()
    )
    .map_err(|e| e.to_string())
}
