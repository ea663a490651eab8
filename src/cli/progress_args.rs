//! `--quiet` and `--no-progress`: whether a run may draw a progress bar.

use crate::progress::{NoProgress, Progress};

/// The flags of the commands that read many GPOs (`check`, `explain`,
/// `init`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::Args)]
pub struct ProgressArgs {
    /// Print nothing on standard error but diagnostics, warnings and
    /// errors: today, that is no progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Draw no progress bar. One is drawn on standard error, only when it
    /// is a terminal, while reading more than 200 GPOs or evaluating more
    /// than 1,000 account × scope pairs.
    #[arg(long)]
    pub no_progress: bool,
}

impl ProgressArgs {
    /// The listener the run tells: `given` (the bar, or nothing when
    /// standard error is no terminal), unless a flag turns it off.
    pub fn choose<'p>(&self, given: &'p dyn Progress) -> &'p dyn Progress {
        if self.quiet || self.no_progress {
            &NoProgress
        } else {
            given
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{GPO_THRESHOLD, Stage};
    use std::sync::atomic::{AtomicBool, Ordering};

    #[derive(Default)]
    struct Flag(AtomicBool);

    impl Progress for Flag {
        fn start(&self, _total: u64, _what: &str) {
            self.0.store(true, Ordering::Relaxed);
        }
        fn advance(&self, _n: u64) {}
        fn finish(&self) {}
    }

    fn told(args: ProgressArgs) -> bool {
        let flag = Flag::default();
        let chosen = args.choose(&flag);
        drop(Stage::start(chosen, GPO_THRESHOLD + 1, GPO_THRESHOLD, "x"));
        flag.0.load(Ordering::Relaxed)
    }

    #[test]
    fn either_flag_turns_the_bar_off() {
        assert!(told(ProgressArgs::default()));
        let quiet = ProgressArgs {
            quiet: true,
            ..ProgressArgs::default()
        };
        let no_progress = ProgressArgs {
            no_progress: true,
            ..ProgressArgs::default()
        };
        assert!(!told(quiet));
        assert!(!told(no_progress));
    }
}
