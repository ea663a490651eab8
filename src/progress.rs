//! Progress of the long stages (reading GPOs, evaluating accounts in
//! scopes), told to whoever listens through the [`Progress`] trait.
//!
//! The library never prints: it calls a [`Progress`] it is given, and
//! [`NoProgress`] is the one everything uses unless told otherwise. The
//! command line implements it with a bar on standard error, and only when
//! standard error is a terminal (`cli::StderrBar`). A stage is told only
//! when it is long enough to be worth a bar ([`Stage::start`]), and its
//! hot loop reports in batches, so the cost is one relaxed atomic add per
//! item and about a hundred calls to the listener per stage.

use std::sync::atomic::{AtomicU64, Ordering};

/// Reading more GPOs than this shows progress.
pub const GPO_THRESHOLD: u64 = 200;

/// Evaluating more account × scope pairs than this shows progress.
pub const PAIR_THRESHOLD: u64 = 1_000;

/// How many calls to [`Progress::advance`] a stage makes at most, about:
/// a bar of a hundred steps looks smooth, and a hundred calls cost nothing.
const STEPS: u64 = 100;

/// A listener told how a long stage advances. Its methods take `&self`
/// and it is `Sync`: stages advance from several threads at once.
pub trait Progress: Sync {
    /// A stage of `total` units starts; `what` names it ("reading GPOs").
    fn start(&self, total: u64, what: &str);
    /// `n` more units are done.
    fn advance(&self, n: u64);
    /// The stage is over, completed or not: whatever was drawn goes.
    fn finish(&self);
}

/// The listener that does nothing: the library's default.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _total: u64, _what: &str) {}
    fn advance(&self, _n: u64) {}
    fn finish(&self) {}
}

/// One stage of work told to a [`Progress`] when it is over the threshold;
/// below it, nothing is told at all. Units are gathered and passed on in
/// batches of about a hundredth of the total. Dropping the stage passes on
/// what is left and finishes it, so an early return or an error leaves no
/// bar behind.
pub struct Stage<'p> {
    listener: Option<&'p dyn Progress>,
    batch: u64,
    pending: AtomicU64,
}

impl<'p> Stage<'p> {
    /// Starts a stage of `total` units on `progress` when `total` is over
    /// `threshold`; otherwise the stage tells nothing.
    pub fn start(progress: &'p dyn Progress, total: u64, threshold: u64, what: &str) -> Self {
        let listener = (total > threshold).then_some(progress);
        if let Some(listener) = listener {
            listener.start(total, what);
        }
        Stage {
            listener,
            batch: (total / STEPS).max(1),
            pending: AtomicU64::new(0),
        }
    }

    /// Whether the stage tells its listener anything.
    pub fn is_shown(&self) -> bool {
        self.listener.is_some()
    }

    /// `n` more units are done; passed on once a batch has gathered.
    pub fn advance(&self, n: u64) {
        let Some(listener) = self.listener else {
            return;
        };
        let gathered = self
            .pending
            .fetch_add(n, Ordering::Relaxed)
            .saturating_add(n);
        if gathered >= self.batch {
            // Whoever takes the batch passes it on; the others find less.
            let taken = self.pending.swap(0, Ordering::Relaxed);
            if taken > 0 {
                listener.advance(taken);
            }
        }
    }
}

impl Drop for Stage<'_> {
    fn drop(&mut self) {
        if let Some(listener) = self.listener {
            let left = self.pending.swap(0, Ordering::Relaxed);
            if left > 0 {
                listener.advance(left);
            }
            listener.finish();
        }
    }
}

impl std::fmt::Debug for Stage<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stage")
            .field("shown", &self.is_shown())
            .field("batch", &self.batch)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use rayon::prelude::*;

    use super::*;

    /// Records every call, as a bar would see them.
    #[derive(Default)]
    struct Recording {
        started: Mutex<Vec<(u64, String)>>,
        advanced: AtomicU64,
        calls: AtomicU64,
        finished: AtomicU64,
    }

    impl Progress for Recording {
        fn start(&self, total: u64, what: &str) {
            if let Ok(mut started) = self.started.lock() {
                started.push((total, what.to_owned()));
            }
        }
        fn advance(&self, n: u64) {
            self.advanced.fetch_add(n, Ordering::Relaxed);
            self.calls.fetch_add(1, Ordering::Relaxed);
        }
        fn finish(&self) {
            self.finished.fetch_add(1, Ordering::Relaxed);
        }
    }

    impl Recording {
        fn started(&self) -> Vec<(u64, String)> {
            self.started.lock().map(|s| s.clone()).unwrap_or_default()
        }
    }

    /// Runs a stage of `total` units, one at a time from many threads.
    fn run(recording: &Recording, total: u64, threshold: u64) -> bool {
        let stage = Stage::start(recording, total, threshold, "reading GPOs");
        (0..total).into_par_iter().for_each(|_| stage.advance(1));
        stage.is_shown()
    }

    #[test]
    fn over_the_gpo_threshold_the_count_reaches_the_total_once() {
        let recording = Recording::default();
        assert!(run(&recording, GPO_THRESHOLD + 1, GPO_THRESHOLD));
        assert_eq!(recording.started(), [(201, "reading GPOs".to_owned())]);
        assert_eq!(recording.advanced.load(Ordering::Relaxed), 201);
        assert_eq!(recording.finished.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn at_or_below_a_threshold_nothing_starts() {
        for (total, threshold) in [
            (GPO_THRESHOLD, GPO_THRESHOLD),
            (0, 0),
            (PAIR_THRESHOLD, PAIR_THRESHOLD),
        ] {
            let recording = Recording::default();
            assert!(!run(&recording, total, threshold));
            assert!(recording.started().is_empty());
            assert_eq!(recording.calls.load(Ordering::Relaxed), 0);
            assert_eq!(recording.finished.load(Ordering::Relaxed), 0);
        }
    }

    #[test]
    fn a_large_stage_is_told_in_batches() {
        let recording = Recording::default();
        let total = 1_000_000;
        assert!(run(&recording, total, PAIR_THRESHOLD));
        assert_eq!(recording.advanced.load(Ordering::Relaxed), total);
        // About STEPS calls; threads finishing a batch together may split
        // one, never into a call per unit.
        let calls = recording.calls.load(Ordering::Relaxed);
        assert!((STEPS..=4 * STEPS).contains(&calls), "{calls} calls");
    }

    #[test]
    fn uneven_advances_still_sum_to_the_total() {
        let recording = Recording::default();
        let stage = Stage::start(&recording, 2_001, PAIR_THRESHOLD, "evaluating");
        // One chain of 7 accounts per call, as the check advances.
        for _ in 0..(2_001 / 7) {
            stage.advance(7);
        }
        stage.advance(2_001 % 7);
        drop(stage);
        assert_eq!(recording.advanced.load(Ordering::Relaxed), 2_001);
        assert_eq!(recording.finished.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn a_stage_dropped_early_is_finished() {
        let recording = Recording::default();
        {
            let stage = Stage::start(&recording, 5_000, PAIR_THRESHOLD, "evaluating");
            stage.advance(3);
        }
        assert_eq!(recording.advanced.load(Ordering::Relaxed), 3);
        assert_eq!(recording.finished.load(Ordering::Relaxed), 1);
    }
}
