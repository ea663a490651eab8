//! A backslash in a double-quoted scalar that YAML cannot read: what a
//! Windows name in double quotes (`"CONTOSO\svc_sql"`) runs into. The
//! parser says only "unknown escape character"; this finds the escape and
//! says how to write the text.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::excerpt;
use crate::span::Span;

/// The parser's words for the problem.
const UNKNOWN_ESCAPE: &str = "unknown escape character";

/// What may follow a backslash in a double-quoted scalar (YAML 1.2,
/// 5.7), besides a line break.
const ESCAPES: &str = "0abt\tnvfre \"/\\N_LPxuU";

/// The diagnostic for a syntax error `info` that is an unknown escape, in
/// the scalar starting at `at` of `text`; `None` for any other error.
pub(super) fn unknown_escape(text: &str, at: usize, info: &str) -> Option<Diagnostic> {
    if !info.contains(UNKNOWN_ESCAPE) {
        return None;
    }
    let rest = text.get(at..)?;
    let (offset, escape) = first_unknown(rest)?;
    let scalar = scalar(rest).map(excerpt);
    let start = at + offset;
    let span = Span::new(start, start + escape.len());
    let help = match scalar {
        Some(quoted) => {
            let inner = quoted.trim_matches('"');
            format!(
                "write it in single quotes, in which a backslash is itself: '{inner}'; or double \
                 the backslash: \"{}\"",
                inner.replace('\\', "\\\\")
            )
        }
        None => "write the text in single quotes, in which a backslash is itself \
                 ('CONTOSO\\svc_sql'), or double the backslash (\"CONTOSO\\\\svc_sql\")"
            .to_owned(),
    };
    Some(
        Diagnostic::new(
            Code::YamlUnknownEscape,
            format!(
                "in double quotes YAML reads `{escape}` as an escape, and there is no such escape"
            ),
            span,
        )
        .with_label("a backslash starts an escape in double quotes")
        .with_help(help),
    )
}

/// The first backslash of the scalar opening `rest` that no known escape
/// follows: its offset and the two characters.
fn first_unknown(rest: &str) -> Option<(usize, &str)> {
    let mut chars = rest.char_indices().skip(1);
    while let Some((at, c)) = chars.next() {
        match c {
            '"' | '\n' | '\r' => return None,
            '\\' => {
                let (next_at, next) = chars.next()?;
                if !ESCAPES.contains(next) {
                    return rest.get(at..next_at + next.len_utf8()).map(|e| (at, e));
                }
            }
            _ => {}
        }
    }
    None
}

/// The double-quoted scalar opening `rest`, quotes included, when it
/// closes on its line.
fn scalar(rest: &str) -> Option<&str> {
    let mut escaped = false;
    for (at, c) in rest.char_indices().skip(1) {
        match c {
            '\n' | '\r' => return None,
            '"' if !escaped => return rest.get(..=at),
            '\\' => escaped = !escaped,
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_escape_is_found_and_the_name_rewritten() {
        let text = "- name: \"CONTOSO\\svc_sql\"\n";
        let at = text.find('"').unwrap();
        let found = unknown_escape(text, at, "found unknown escape character").unwrap();
        let span = found.primary_span().unwrap();
        assert_eq!(&text[span.start..span.end], "\\s");
        assert_eq!(
            found.help.as_deref(),
            Some(
                "write it in single quotes, in which a backslash is itself: 'CONTOSO\\svc_sql'; or double the backslash: \"CONTOSO\\\\svc_sql\""
            )
        );
    }

    #[test]
    fn known_escapes_are_skipped_and_other_errors_left_alone() {
        let text = "\"a\\n\\\\b\\q\"";
        let (offset, escape) = first_unknown(text).unwrap();
        assert_eq!((offset, escape), (7, "\\q"));
        assert_eq!(unknown_escape(text, 0, "did not find expected key"), None);
        assert_eq!(first_unknown("\"plain\""), None);
    }
}
