//! `[Privilege Rights]`: which principals hold each user right.

use crate::diagnostic::{Code, Diagnostic};
use crate::rights::{self, RightInfo};
use crate::span::Span;
use crate::syntax::{Document, Section};

use super::holder::{Holder, holders};
use super::keyed::{warn_duplicate_key, warn_values_line};
use crate::last_wins::{AsciiFolded, LastWins};

/// One `SeXxxRight = holder, holder` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RightAssignment<'a> {
    /// The key as written, e.g. `seservicelogonright`.
    pub key: &'a str,
    /// Where the key is written.
    pub key_span: Span,
    /// The right, when gplint knows it.
    pub right: Option<&'static RightInfo>,
    /// The holders; empty means "defined, nobody", unlike an absent key.
    pub holders: Vec<Holder<'a>>,
    /// Where the whole value list is written.
    pub value_span: Span,
    /// Index of the line in the document.
    pub line: usize,
}

impl RightAssignment<'_> {
    /// The right's canonical constant, or the key as written when unknown.
    pub fn constant(&self) -> &str {
        self.right.map_or(self.key, |right| right.constant)
    }
}

/// Reads every assignment of the section; a right written twice keeps its
/// later line, with a warning on it.
pub fn read<'a>(
    doc: &Document<'a>,
    section: &Section<'a>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<RightAssignment<'a>> {
    let mut out = LastWins::new();
    for line in doc.section_lines(section) {
        let Some(entry) = warn_values_line(line, section.name, warnings) else {
            continue;
        };
        let right = rights::lookup(entry.key);
        if right.is_none() {
            warnings.push(unknown_right(entry.key, entry.key_span));
        }
        let assignment = RightAssignment {
            key: entry.key,
            key_span: entry.key_span,
            right,
            holders: holders(&entry.value.items, warnings),
            value_span: entry.value.span,
            line: entry.line,
        };
        // Keyed by the constant as borrowed text, case folded when
        // compared: no lower-cased copy per line.
        let key = AsciiFolded(right.map_or(entry.key, |right| right.constant));
        if let Some(earlier) = out.push(key, assignment) {
            warn_duplicate_key(entry.key, entry.key_span, earlier.key_span, warnings);
        }
    }
    // Every template of a run is kept: no room to spare past its lines.
    let mut kept = out.into_vec();
    kept.shrink_to_fit();
    kept
}

fn unknown_right(key: &str, span: Span) -> Diagnostic {
    let diagnostic = Diagnostic::new(
        Code::TemplateUnknownRight,
        format!("`{key}` is not a user right or privilege gplint knows"),
        span,
    )
    .with_label("unknown right")
    .with_note("Windows ignores a right it does not know; gplint keeps the line as written");
    match rights::suggest(key) {
        Some(known) => diagnostic.with_help(format!("did you mean `{known}`?")),
        None => diagnostic.with_help(
            "check the spelling against Microsoft's list of user rights constants (Se…Right, Se…Privilege)",
        ),
    }
}
