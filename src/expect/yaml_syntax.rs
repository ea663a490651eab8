//! YAML syntax errors in an expectations file, with their own advice for
//! the one most users hit: a template-style `*S-1-…` SID left unquoted.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::excerpt;
use crate::span::Span;
use crate::yaml::SyntaxError;

/// The diagnostic for the parser's first error in `text`.
pub(super) fn syntax_error(text: &str, error: &SyntaxError) -> Diagnostic {
    let at = error.span.start;
    let rest = text.get(at..).unwrap_or_default();
    if let Some(token) = star_sid(rest) {
        return unquoted_star_sid(token, Span::new(at, at + token.len()));
    }
    Diagnostic::new(
        Severity::Error,
        "expect::yaml-syntax",
        format!("this is not valid YAML: {}", error.info),
        pointer(error.span, rest),
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
    Diagnostic::new(
        Severity::Error,
        "expect::unquoted-star-sid",
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

#[cfg(test)]
mod tests {
    use super::super::read_yaml::parse;

    fn error(text: &str) -> (&'static str, &str) {
        let diagnostic = parse(text).unwrap_err();
        let span = diagnostic.primary_span().unwrap();
        (diagnostic.code, &text[span.start..span.end])
    }

    #[test]
    fn syntax_errors_point_at_the_parser_position() {
        let text = "accounts: [a, b\nnext: c\n";
        let (code, at) = error(text);
        assert_eq!(code, "expect::yaml-syntax");
        assert_eq!(at, ":");
    }

    #[test]
    fn positions_are_bytes_after_multibyte_text() {
        let text = "é: ü\n  x: y\n";
        let diagnostic = parse(text).unwrap_err();
        let span = diagnostic.primary_span().unwrap();
        assert_eq!(diagnostic.code, "expect::yaml-syntax");
        assert!(text.is_char_boundary(span.start));
        assert!(span.start > "é: ü\n".len(), "{span:?}");
    }

    #[test]
    fn unterminated_quote_is_a_syntax_error() {
        assert_eq!(error("name: 'CONTOSO\\x\n").0, "expect::yaml-syntax");
    }

    #[test]
    fn unquoted_star_sid_gets_its_own_advice() {
        for text in [
            "sid: *S-1-5-32-555\n",
            "member_of: [*S-1-5-32-555, x]\n",
            "member_of:\n  - *S-1-5-32-555 # rdp\n",
        ] {
            let diagnostic = parse(text).unwrap_err();
            let span = diagnostic.primary_span().unwrap();
            assert_eq!(diagnostic.code, "expect::unquoted-star-sid", "{text}");
            assert_eq!(&text[span.start..span.end], "*S-1-5-32-555", "{text}");
            assert_eq!(
                diagnostic.help.as_deref(),
                Some("write `S-1-5-32-555`, or quote it: '*S-1-5-32-555'")
            );
        }
    }
}
