//! Warnings shared by the `key = value` sections.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;
use crate::syntax::{Entry, Line, LineKind};

/// The entry on a line of a `key = value` section; a line of values without
/// `=` gets a warning and yields nothing.
pub fn warn_values_line<'a>(
    line: Line<'a>,
    section: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Option<Entry<'a>> {
    match line.kind {
        LineKind::Entry(entry) => Some(entry),
        LineKind::Values(values) => {
            warnings.push(
                Diagnostic::new(
                    Code::SyntaxLineWithoutEquals,
                    format!("this line in [{section}] has no `=`, so it sets nothing"),
                    values.span,
                )
                .with_label("expected `Key = Value`")
                .with_help(
                    "write it as `Key = Value`, or start the line with `;` to make it a comment",
                ),
            );
            None
        }
        _ => None,
    }
}

/// Warns that a key is written a second time in its section.
pub fn warn_duplicate_key(key: &str, span: Span, earlier: Span, warnings: &mut Vec<Diagnostic>) {
    warnings.push(
        Diagnostic::new(
            Code::TemplateDuplicateKey,
            format!("`{key}` is set twice in this section; gplint uses this later line"),
            span,
        )
        .with_label("this line wins")
        .with_secondary(earlier, "earlier line, ignored")
        .with_help("delete one of the two lines so that the template says one thing"),
    );
}
