//! The texts findings point into, by [`FileRef`].

use crate::finding::FileRef;
use crate::source::SourceFile;
use crate::span::Span;

/// The inputs of one check: the chain's templates and the expectations file.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    /// The templates, in chain order.
    pub templates: &'a [SourceFile],
    /// The expectations file.
    pub expectations: &'a SourceFile,
}

impl<'a> Sources<'a> {
    /// The file a reference points into.
    pub fn file(&self, file: FileRef) -> Option<&'a SourceFile> {
        match file {
            FileRef::Template(index) => self.templates.get(index),
            FileRef::Expectations => Some(self.expectations),
        }
    }

    /// The 1-based line and column of a span's start and end.
    pub fn range(&self, file: FileRef, span: Span) -> Option<((usize, usize), (usize, usize))> {
        let source = self.file(file)?;
        Some((source.line_col(span.start), source.line_col(span.end)))
    }
}
