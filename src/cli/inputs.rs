//! Reading the template inputs: files and directories of GPOs.

use std::path::PathBuf;

use rayon::prelude::*;

use super::{Io, LimitArgs, stdin};
use crate::discover::{self, Discovery, Gpo};
use crate::progress::{GPO_THRESHOLD, Progress, Stage};
use crate::report::one_line;
use crate::scope::Origin;
use crate::source::{ReadLimits, SourceFile};

/// Every GPO named or found, with its template read.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The GPOs, in the order given and found.
    pub gpos: Vec<Gpo>,
    /// How each GPO reached the run.
    pub origins: Vec<Origin>,
    /// The templates read, one per GPO that has one.
    pub sources: Vec<SourceFile>,
    /// For each GPO, the index of its template in `sources`.
    pub source_of: Vec<Option<usize>>,
    /// For each GPO, the name messages use.
    pub names: Vec<String>,
    /// Whether any input could not be read, or any item in a tree was
    /// skipped; each got one line on stderr.
    pub failed: bool,
    /// Those lines, without their `error:`/`warning:` word: SARIF gives
    /// each a notification.
    pub unreadable: Vec<String>,
}

/// Reads every path: a file is one template, a directory is walked for GPOs.
/// Templates are read and decoded in parallel, then taken in order, so the
/// result and the messages do not depend on the number of threads. Each
/// item of a tree that was skipped gets a warning line and fails the run,
/// after everything else has been read. The path `-` is a template read
/// from standard input, named `<stdin>`. `progress` is told of a folder
/// of more than [`GPO_THRESHOLD`] GPOs while its templates are read; the
/// stage is over before any line about them is written, so no line
/// crosses a bar.
pub fn read(
    paths: &[PathBuf],
    limits: &LimitArgs,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Inputs {
    let mut inputs = Inputs::default();
    for path in paths {
        if stdin::is_stdin(path) {
            inputs.add_stdin(limits, io);
            continue;
        }
        match find(path, limits) {
            Ok((found, origin)) => {
                for skipped in &found.skipped {
                    inputs.warn(&one_line(skipped), io);
                }
                notes(&found, io);
                let read = read_all(&found.gpos, origin, limits, progress);
                for (gpo, source) in found.gpos.into_iter().zip(read) {
                    inputs.add(gpo, source, origin, io);
                }
            }
            Err(error) => inputs.fail(&one_line(&error), io),
        }
    }
    inputs
}

/// The GPOs at `path`: a directory is walked, anything else is a template.
pub fn find(
    path: &std::path::Path,
    limits: &LimitArgs,
) -> Result<(Discovery, Origin), discover::DiscoverError> {
    if path.is_dir() {
        discover::discover_limited(path, &limits.tree()).map(|found| (found, Origin::Directory))
    } else {
        let found = Discovery {
            gpos: vec![Gpo::file(path)],
            ..Discovery::default()
        };
        Ok((found, Origin::File))
    }
}

/// What discovery left aside on purpose, one `note:` line each; a note
/// does not change the exit code.
pub fn notes(found: &Discovery, io: &mut Io<'_>) {
    for note in &found.notes {
        let line = crate::report::visible_line(&note.to_string()).into_owned();
        io.stderr_line(format_args!("note: {line}"));
    }
}

type Read = Option<Result<SourceFile, crate::source::SourceError>>;

/// The templates of `gpos`, read in parallel and kept in order.
fn read_all(
    gpos: &[Gpo],
    origin: Origin,
    limits: &LimitArgs,
    progress: &dyn Progress,
) -> Vec<Read> {
    let total = u64::try_from(gpos.len()).unwrap_or(u64::MAX);
    let stage = Stage::start(progress, total, GPO_THRESHOLD, "reading GPOs");
    let read_limits = limits.read();
    gpos.par_iter()
        .map(|gpo| {
            let read = read_template(gpo, origin, &read_limits);
            stage.advance(1);
            read
        })
        .collect()
}

/// A template found in a tree is read without following a link, like
/// everything else in the tree; one named on the command line is the
/// user's choice.
fn read_template(gpo: &Gpo, origin: Origin, limits: &ReadLimits) -> Read {
    let path = gpo.template.as_deref()?;
    let read = match origin {
        Origin::Directory => SourceFile::read_found(path, limits),
        Origin::File => SourceFile::read_limited(path, limits),
    };
    Some(read.and_then(SourceFile::as_template))
}

impl Inputs {
    /// Whether an input failed and nothing was read in its place: every
    /// GPO's template failed, or no GPO was found. A report would then
    /// rest on Windows' defaults alone, so there is none (exit 2).
    pub fn nothing_read(&self) -> bool {
        self.failed
            && self
                .gpos
                .iter()
                .zip(&self.source_of)
                .all(|(gpo, source)| gpo.template.is_some() && source.is_none())
    }

    /// The template on standard input, as a file given on its own.
    fn add_stdin(&mut self, limits: &LimitArgs, io: &mut Io<'_>) {
        let gpo = Gpo::file(std::path::Path::new(stdin::NAME));
        match stdin::read(io, &limits.read()) {
            Ok(source) => self.add(gpo, Some(source.as_template()), Origin::File, io),
            Err(stdin::StdinError::Read(error)) => {
                self.add(gpo, Some(Err(error)), Origin::File, io)
            }
            Err(twice) => self.fail(&one_line(&twice), io),
        }
    }

    fn add(&mut self, gpo: Gpo, source: Read, origin: Origin, io: &mut Io<'_>) {
        let source = source.and_then(|read| match read {
            Ok(source) => {
                self.sources.push(source);
                Some(self.sources.len() - 1)
            }
            Err(error) => {
                self.fail(&one_line(&error), io);
                None
            }
        });
        self.names.push(match (&gpo.name, gpo.kind) {
            (Some(name), _) => name.clone(),
            (None, _) => gpo
                .template
                .as_ref()
                .unwrap_or(&gpo.root)
                .display()
                .to_string(),
        });
        self.source_of.push(source);
        self.origins.push(origin);
        self.gpos.push(gpo);
    }

    fn fail(&mut self, reason: &str, io: &mut Io<'_>) {
        io.stderr_line(format_args!("error: {reason}"));
        self.failed = true;
        self.unreadable.push(reason.to_owned());
    }

    /// An item skipped in a tree: the rest is still read and checked, and
    /// the run ends with exit code 2.
    fn warn(&mut self, reason: &str, io: &mut Io<'_>) {
        io.stderr_line(format_args!("warning: {reason}"));
        self.failed = true;
        self.unreadable.push(reason.to_owned());
    }
}
