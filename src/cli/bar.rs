//! The progress bar on standard error, the one [`Progress`] that draws.
//!
//! Why `indicatif`: its stderr target hides itself when standard error is
//! not a terminal (or `TERM` is unset or `dumb`), so even a bar made by
//! mistake writes nothing into a log or a pipe; it redraws at most 20
//! times a second however often it is advanced; and `finish_and_clear`
//! erases the line, so the diagnostics and the report that follow start
//! on a clean line. It never writes to standard output. Only the binary
//! makes a [`StderrBar`], after checking that standard error is a
//! terminal; the library and [`super::run`] use [`crate::progress::NoProgress`].

use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};

use crate::progress::Progress;

/// A bar per stage, drawn on standard error.
#[derive(Debug, Default)]
pub struct StderrBar {
    bar: Mutex<Option<ProgressBar>>,
}

impl StderrBar {
    /// A listener that draws nothing until a stage starts.
    pub fn new() -> Self {
        StderrBar::default()
    }

    fn with_bar(&self, f: impl FnOnce(&mut Option<ProgressBar>)) {
        // A thread that panicked while drawing leaves the bar as it was.
        let mut guard = self.bar.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard);
    }
}

impl Progress for StderrBar {
    fn start(&self, total: u64, what: &str) {
        let style = ProgressStyle::with_template("{msg}: [{wide_bar}] {pos}/{len} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
            .with_style(style)
            .with_message(what.to_owned())
            // Dropped without `finish` (a panic): the line is cleared too.
            .with_finish(ProgressFinish::AndClear);
        self.with_bar(|slot| {
            if let Some(old) = slot.replace(bar) {
                old.finish_and_clear();
            }
        });
    }

    fn advance(&self, n: u64) {
        self.with_bar(|slot| {
            if let Some(bar) = slot {
                bar.inc(n);
            }
        });
    }

    fn finish(&self) {
        self.with_bar(|slot| {
            if let Some(bar) = slot.take() {
                bar.finish_and_clear();
            }
        });
    }
}
