//! The texts findings point into, by [`FileRef`].

use crate::finding::{FileRef, Location};
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

    /// A location's file name and 1-based start and end (line, column),
    /// columns in characters.
    pub fn region(&self, location: &Location) -> Option<Region<'a>> {
        let source = self.file(location.file)?;
        Some(Region {
            file: &source.name,
            start: source.line_col(location.span.start),
            end: source.line_col(location.span.end),
        })
    }
}

/// Where a location is, in the terms reports print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region<'a> {
    /// The file's name as the user gave it.
    pub file: &'a str,
    /// 1-based line and column of the first character.
    pub start: (usize, usize),
    /// 1-based line and column just past the last character.
    pub end: (usize, usize),
}
