//! Ending a run the way a signal would, on Unix.
//!
//! Two cases: standard output's reader went away (`| head -1`), where a
//! filter conventionally dies by SIGPIPE; and SIGINT, SIGTERM or SIGHUP
//! arriving while gplint writes a temporary file, which must be removed
//! before the process ends by that same signal. The `signal-hook` crate
//! does both in safe code (this crate forbids `unsafe`); elsewhere than
//! Unix neither applies and these functions do nothing.

/// Ends the process by SIGPIPE, as if gplint had not ignored it, so a
/// shell sees 141 and `set -o pipefail` notices. Returns only where that
/// is not possible (not Unix); the caller then exits with 141.
pub fn end_by_closed_pipe() {
    #[cfg(unix)]
    {
        // An error means the signal is unknown here: fall back to 141.
        let _ended = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGPIPE);
    }
}

/// Runs `cleanup` when SIGINT, SIGTERM or SIGHUP arrives, then ends the
/// process by that signal (so a shell loop stops on Ctrl-C). Installed
/// once, on a thread of its own: `cleanup` may lock and touch the file
/// system, which a signal handler may not. If the handler cannot be
/// installed, signals keep their default effect and `false` is returned.
pub fn on_termination(cleanup: fn()) -> bool {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return false;
        };
        let watcher = std::thread::Builder::new()
            .name("gplint-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    cleanup();
                    let _ended = signal_hook::low_level::emulate_default_handler(signal);
                    // Not reached: the default action of all three ends the process.
                    std::process::exit(128 + signal);
                }
            });
        watcher.is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = cleanup;
        false
    }
}
