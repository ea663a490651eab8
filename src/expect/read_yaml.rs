//! How an expectations file is read as YAML: the shared reader with this
//! file's limits, and what it refuses in this file's words.

use super::yaml_syntax::syntax_error;
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;
use crate::yaml::{self, Dialect, Node, YamlError};

/// A real file needs four levels (top mapping, `accounts` list, account
/// mapping, `logon` list); the depth margin is for users who nest more
/// than they must, not for generated documents. Anchors and tags are
/// harmless once aliases are refused, so they are read past.
const DIALECT: Dialect = Dialect {
    max_depth: 32,
    plain_data: false,
    trim_scalar_spans: false,
};

/// Parses `text` into the tree of its one document; `Ok(None)` when the
/// text holds no document (empty, or only comments).
pub(super) fn parse(text: &str) -> Result<Option<Node>, Diagnostic> {
    yaml::parse(text, &DIALECT).map_err(|error| diagnostic(text, error))
}

fn diagnostic(text: &str, error: YamlError) -> Diagnostic {
    match error {
        YamlError::Syntax(error) => syntax_error(text, &error),
        // This dialect refuses nothing but aliases.
        YamlError::Unsupported { span, .. } => alias(span),
        YamlError::TooDeep(span) => too_deep(span),
        YamlError::SecondDocument(span) => second_document(span),
    }
}

fn alias(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::yaml-alias",
        "aliases are not supported in expectations files",
        span,
    )
    .with_label("alias")
    .with_help("write the value out in full; to give a SID, quote it: '*S-1-5-32-544'")
}

fn second_document(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::multiple-documents",
        "an expectations file holds one YAML document, but a second one starts here",
        span,
    )
    .with_label("second document")
    .with_help("merge the documents into one, or put each in its own file")
}

fn too_deep(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::too-deep",
        format!(
            "the YAML is nested more than {} levels deep",
            DIALECT.max_depth
        ),
        span,
    )
    .with_label("too deep")
    .with_help("an expectations file needs four levels: accounts → account → logon → type")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_and_tags_are_read_past() {
        assert!(parse("a: &x !!str 1\nb: !t [2]\n").is_ok());
    }

    #[test]
    fn nesting_fits_32_levels() {
        assert!(parse(&format!("{}x\n", "- ".repeat(32))).is_ok());
        assert!(parse(&format!("{}x\n", "- ".repeat(33))).is_err());
    }

    #[test]
    fn block_scalars_keep_their_final_line_break() {
        let text = "a: |\n  x\n";
        assert_eq!(parse(text).unwrap().unwrap().span, Span::new(0, text.len()));
    }
}
