//! How a rule file is read as YAML: the shared reader with rule files'
//! limits, and what it refuses in their words.

use super::load_error::error;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::yaml::{self, Construct, Dialect, Node, SyntaxError, YamlError};

/// Rule files need a dozen levels; the cap keeps the recursive walks over
/// the tree (loading predicates, dropping nodes) far from the stack's end.
/// A rule file is plain data, and an anchor would only invite an alias
/// making one value live at two places. Trimmed scalar spans keep labels
/// on a `docs: |` block off the line after it.
const DIALECT: Dialect = Dialect {
    max_depth: 64,
    plain_data: true,
    trim_scalar_spans: true,
};

/// Reads `text` into its one document; `None` for a file with no document.
pub(super) fn parse(text: &str) -> Result<Option<Node>, Diagnostic> {
    yaml::parse(text, &DIALECT).map_err(diagnostic)
}

fn diagnostic(problem: YamlError) -> Diagnostic {
    match problem {
        YamlError::Syntax(syntax) => invalid(&syntax),
        YamlError::Unsupported { construct, span } => unsupported(span, construct),
        YamlError::TooDeep(span) => error(
            "rule::yaml-too-deep",
            format!("rule files nest at most {} levels deep", DIALECT.max_depth),
            span,
        )
        .with_label(format!("level {}", DIALECT.max_depth + 1)),
        YamlError::SecondDocument(span) => error(
            "rule::yaml-syntax",
            "a rule file holds one YAML document, but this starts another",
            span,
        )
        .with_label("second document")
        .with_help("put each rule in a file of its own"),
    }
}

fn invalid(syntax: &SyntaxError) -> Diagnostic {
    error(
        "rule::yaml-syntax",
        format!("this rule file is not valid YAML: {}", syntax.info),
        syntax.span,
    )
    .with_label(syntax.info.clone())
}

fn unsupported(span: Span, construct: Construct) -> Diagnostic {
    let what = match construct {
        Construct::Alias => "an alias",
        Construct::Anchor => "an anchor",
        Construct::Tag => "a tag",
    };
    error(
        "rule::yaml-unsupported",
        format!("rule files do not use {what}"),
        span,
    )
    .with_label(format!("{what} here"))
    .with_help("write the value out in full, without `&`, `*` or `!`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refusal_has_a_rule_code_and_points_at_its_cause() {
        let cases = [
            ("a: b\n  c: d\n", "rule::yaml-syntax", ":"),
            ("a: &x 1\nb: *x\n", "rule::yaml-unsupported", "&x 1"),
            ("a: !!str 1\n", "rule::yaml-unsupported", "!!str 1"),
            ("a: 1\n---\nb: 2\n", "rule::yaml-syntax", "---"),
        ];
        for (text, code, snippet) in cases {
            let problem = parse(text).unwrap_err();
            let span = problem.primary_span().unwrap();
            assert_eq!((problem.code, &text[span.start..span.end]), (code, snippet));
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_it_can_overflow_the_stack() {
        let text = format!("{}x\n", "- ".repeat(100_000));
        let problem = parse(&text).unwrap_err();
        assert_eq!(problem.code, "rule::yaml-too-deep");
        assert_eq!(problem.primary_span().unwrap().start, 2 * DIALECT.max_depth);
        let fits = format!("{}x\n", "- ".repeat(DIALECT.max_depth));
        assert!(parse(&fits).is_ok());
    }

    #[test]
    fn block_scalar_spans_end_with_their_text() {
        let text = "docs: |\n  one\n  two\n";
        let root = parse(text).unwrap().unwrap();
        assert_eq!(root.span, Span::new(0, text.trim_end().len()));
    }

    #[test]
    fn empty_and_comment_only_files_have_no_document() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# nothing\n").unwrap(), None);
    }
}
