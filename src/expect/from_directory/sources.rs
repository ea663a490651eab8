//! Where each fact of an account came from, as it is filled in.

use crate::directory::{Entry, Export, Origin};
use crate::model::{FactOrigin, FactSource};
use crate::span::Span;

/// The sources of one account's facts, in the order recorded.
#[derive(Default)]
pub(super) struct Sources(Vec<FactSource>);

impl Sources {
    /// `fact` is written in services.yaml at `span`.
    pub(super) fn file(&mut self, fact: &'static str, span: Span) {
        self.push(fact, FactOrigin::File(span));
    }

    /// `fact` was read from the object of `entry`, at `line` when the
    /// export says, else where the object starts.
    pub(super) fn object(&mut self, fact: &'static str, entry: Entry<'_>, line: Option<u32>) {
        let at = line.unwrap_or(entry.object.origin.line);
        self.push(fact, FactOrigin::Directory(entry.place(at)));
    }

    /// `fact` was read at `origin` of `export` (a PSO, a domain).
    pub(super) fn read(&mut self, fact: &'static str, export: &Export, origin: Origin) {
        self.push(fact, FactOrigin::Directory(export.place(origin)));
    }

    fn push(&mut self, fact: &'static str, from: FactOrigin) {
        self.0.push(FactSource { fact, from });
    }

    /// The sources recorded.
    pub(super) fn into_vec(self) -> Vec<FactSource> {
        self.0
    }
}
