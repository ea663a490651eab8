//! A YAML file read into its tree, with what the reader refuses worded
//! once for every kind of file: the same problem has the same code in
//! `services.yaml` and in a rule file.

use super::de::Words;
use super::{Construct, Dialect, Node, SyntaxError, YamlError, parse};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::excerpt;
use crate::span::Span;

/// Parses `text` into the tree of its one document; `Ok(None)` when the
/// text holds no document (empty, or only comments).
pub(crate) fn read(
    text: &str,
    dialect: &Dialect,
    words: &Words,
) -> Result<Option<Node>, Diagnostic> {
    parse(text, dialect).map_err(|problem| match problem {
        YamlError::Syntax(error) => syntax_error(text, &error),
        YamlError::Unsupported { construct, span } => unsupported(construct, span, words),
        YamlError::TooDeep(span) => too_deep(span, dialect),
        YamlError::SecondDocument(span) => second_document(span, words),
    })
}

fn error(code: Code, message: String, span: Span) -> Diagnostic {
    Diagnostic::new(code, message, span)
}

/// The parser's first error, with its own advice for the two most users
/// hit: a template-style `*S-1-…` SID left unquoted, and a Windows name
/// in double quotes whose backslash YAML takes for an escape.
fn syntax_error(text: &str, syntax: &SyntaxError) -> Diagnostic {
    let at = syntax.span.start;
    let rest = text.get(at..).unwrap_or_default();
    if let Some(token) = star_sid(rest) {
        return unquoted_star_sid(token, Span::new(at, at + token.len()));
    }
    if let Some(escape) = super::escape::unknown_escape(text, at, &syntax.info) {
        return escape;
    }
    error(
        Code::YamlSyntax,
        format!("this is not valid YAML: {}", syntax.info),
        pointer(syntax.span, rest),
    )
    .with_label("here")
    .with_help(
        "check the indentation (spaces, not tabs), the space after each `key:`, \
         and that every quote and bracket is closed",
    )
}

/// `*S-1-5-32-544` at the start of `rest`: template syntax that YAML reads
/// as an alias named `S-1-5-32-544` and rejects as an unknown anchor.
fn star_sid(rest: &str) -> Option<&str> {
    let after = rest.strip_prefix('*')?;
    let mut chars = after.chars();
    let looks_like_sid = matches!(chars.next(), Some('S' | 's'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(|c| c.is_ascii_digit());
    if !looks_like_sid {
        return None;
    }
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}' | '#'))
        .unwrap_or(rest.len());
    rest.get(..end)
}

fn unquoted_star_sid(token: &str, span: Span) -> Diagnostic {
    // The token runs to the next space or comma: it may be long.
    let token = excerpt(token);
    let bare = token.trim_start_matches('*');
    error(
        Code::YamlUnquotedStarSid,
        format!("YAML reads `{token}` as an alias, not as a SID"),
        span,
    )
    .with_label("a leading `*` starts a YAML alias")
    .with_help(format!("write `{bare}`, or quote it: '{token}'"))
}

/// Underlines the character the parser stopped at where there is one on
/// the line, so the rendered pointer has something to sit under; a line
/// break is left out of the span.
fn pointer(char_span: Span, rest: &str) -> Span {
    if rest.starts_with(['\n', '\r']) {
        Span::new(char_span.start, char_span.start)
    } else {
        char_span
    }
}

fn unsupported(construct: Construct, span: Span, words: &Words) -> Diagnostic {
    let what = match construct {
        Construct::Alias => "an alias",
        Construct::Anchor => "an anchor",
        Construct::Tag => "a tag",
    };
    error(
        Code::YamlUnsupported,
        format!("{} cannot use {what}", capitalised(words.file)),
        span,
    )
    .with_label(format!("{what} here"))
    .with_help("write the value out in full, without `&`, `*` or `!`; to give a SID, quote it: '*S-1-5-32-544'")
}

fn too_deep(span: Span, dialect: &Dialect) -> Diagnostic {
    error(
        Code::YamlTooDeep,
        format!(
            "the YAML is nested more than {} levels deep",
            dialect.max_depth
        ),
        span,
    )
    .with_label("too deep")
    .with_help(
        "no file gplint reads needs more than a dozen levels; look for a run of `- - -` or `[[[`",
    )
}

fn second_document(span: Span, words: &Words) -> Diagnostic {
    error(
        Code::YamlMultipleDocuments,
        format!(
            "{} holds one YAML document, but a second one starts here",
            capitalised(words.file)
        ),
        span,
    )
    .with_label("second document")
    .with_help("merge the documents into one, or put each in its own file")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: Words = Words {
        file: "an expectations file",
        shapes: &[],
    };
    const DIALECT: Dialect = Dialect {
        max_depth: 64,
        plain_data: true,
        trim_scalar_spans: false,
    };

    fn problem(text: &str) -> (&'static str, &str, Diagnostic) {
        let diagnostic = read(text, &DIALECT, &WORDS).unwrap_err();
        let span = diagnostic.primary_span().unwrap();
        (
            diagnostic.code.as_str(),
            &text[span.start..span.end],
            diagnostic,
        )
    }

    #[test]
    fn each_refusal_has_its_code_and_points_at_its_cause() {
        let cases = [
            ("accounts: [a, b\nnext: c\n", "yaml::syntax", ":"),
            ("a: &x 1\nb: *x\n", "yaml::unsupported", "&x 1"),
            ("a: !!str 1\n", "yaml::unsupported", "!!str 1"),
            ("a: 1\n---\nb: 2\n", "yaml::multiple-documents", "---"),
        ];
        for (text, code, snippet) in cases {
            let (found, at, _) = problem(text);
            assert_eq!((found, at), (code, snippet), "{text}");
        }
    }

    #[test]
    fn unquoted_star_sid_gets_its_own_advice() {
        for text in [
            "sid: *S-1-5-32-555\n",
            "member_of: [*S-1-5-32-555, x]\n",
            "member_of:\n  - *S-1-5-32-555 # rdp\n",
        ] {
            let (code, at, diagnostic) = problem(text);
            assert_eq!((code, at), ("yaml::unquoted-star-sid", "*S-1-5-32-555"));
            assert_eq!(
                diagnostic.help.as_deref(),
                Some("write `S-1-5-32-555`, or quote it: '*S-1-5-32-555'")
            );
        }
    }

    #[test]
    fn positions_are_bytes_after_multibyte_text() {
        let text = "é: ü\n  x: y\n";
        let diagnostic = read(text, &DIALECT, &WORDS).unwrap_err();
        let span = diagnostic.primary_span().unwrap();
        assert!(text.is_char_boundary(span.start));
        assert!(span.start > "é: ü\n".len(), "{span:?}");
    }

    #[test]
    fn deep_nesting_stops_at_the_dialects_limit() {
        let text = format!("{}x\n", "- ".repeat(100_000));
        let (code, _, diagnostic) = problem(&text);
        assert_eq!(code, "yaml::too-deep");
        assert_eq!(
            diagnostic.primary_span().unwrap().start,
            2 * DIALECT.max_depth
        );
    }

    #[test]
    fn the_file_is_named_capitalised() {
        let (_, _, diagnostic) = problem("a: 1\n---\nb: 2\n");
        assert!(diagnostic.message.starts_with("An expectations file holds"));
    }
}
