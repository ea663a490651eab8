//! What the types leave to check in texts: trimmed and non-empty, SIDs
//! that parse, `member_of` entries with their `*` stripped.

use super::document::Texts;
use super::word::Word;
use crate::diagnostic::{Code, Diagnostic};
use crate::principal::Sid;
use crate::span::{Span, Spanned};
use crate::yaml::OneOrList;

/// `written` trimmed; an error when nothing is left, or when it holds a
/// control character (what `"CONTOSO\new_svc"` reads as). `subject`
/// names it in the message: "`name`", "an entry of `gpos`".
pub(super) fn clean(
    written: &Spanned<String>,
    subject: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    let text = trimmed(written, subject, errors)?;
    if let Some(error) = super::control::check(&text, subject) {
        errors.push(error);
        return None;
    }
    Some(text)
}

/// Free text (`description`) trimmed; an error when nothing is left. A
/// line break there is harmless.
pub(super) fn trimmed(
    written: &Spanned<String>,
    subject: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    let text = written.value.trim();
    if text.is_empty() {
        errors.push(empty_value(subject, written.span));
        return None;
    }
    Some(Spanned::new(text.to_owned(), written.span))
}

/// The entries of a list field `field`, each trimmed and non-empty.
pub(super) fn texts(
    list: &Texts,
    field: &str,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Spanned<String>> {
    let subject = format!("an entry of `{field}`");
    list.0
        .items
        .iter()
        .filter_map(|item| clean(item, &subject, errors))
        .collect()
}

/// The words of a list, with their spans.
pub(super) fn words<T: Copy>(list: &OneOrList<Spanned<Word<T>>>) -> Vec<Spanned<T>> {
    list.0
        .items
        .iter()
        .map(|word| Spanned::new(word.value.0, word.span))
        .collect()
}

/// A text the types took that is blank: the same problem as `key:` with
/// nothing after it, which the YAML layer reports.
fn empty_value(subject: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::YamlEmptyValue,
        format!("{subject} has no value"),
        span,
    )
    .with_label("no value")
    .with_help("write a value, or remove the line")
}

/// A SID field: `S-1-5-…` or `*S-1-5-…` (quoted, since YAML reads a bare
/// leading `*` as an alias).
pub(super) fn sid(
    written: &Spanned<String>,
    subject: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<Sid>> {
    let written = clean(written, subject, errors)?;
    let sid = parse_sid(&written, errors)?;
    Some(Spanned::new(sid, written.span))
}

/// Parses a SID with an optional leading `*`, reporting why it is not one.
fn parse_sid(written: &Spanned<String>, errors: &mut Vec<Diagnostic>) -> Option<Sid> {
    match Sid::parse(strip_star(&written.value)) {
        Ok(sid) => Some(sid),
        Err(error) => {
            errors.push(
                Diagnostic::new(Code::ExpectBadSid, error.to_string(), written.span)
                    .with_label("not a valid SID")
                    .with_help("write the SID as Windows prints it, e.g. S-1-5-32-544; a leading `*` is optional"),
            );
            None
        }
    }
}

/// A `member_of` list: group names or SIDs, kept as written but trimmed
/// and without a leading `*`. A SID-looking entry must be a valid SID.
pub(super) fn names(list: &Texts, errors: &mut Vec<Diagnostic>) -> Vec<Spanned<String>> {
    let mut names = Vec::new();
    for written in texts(list, "member_of", errors) {
        if looks_like_sid(&written.value) && parse_sid(&written, errors).is_none() {
            continue;
        }
        let name = strip_star(&written.value).to_owned();
        names.push(Spanned::new(name, written.span));
    }
    names
}

/// `*S-…` in any case, or `S-<digit>…`: what is meant as a SID, not a name.
fn looks_like_sid(text: &str) -> bool {
    let mut chars = text.chars();
    text.starts_with('*')
        || (matches!(chars.next(), Some('S' | 's'))
            && chars.next() == Some('-')
            && chars.next().is_some_and(|c| c.is_ascii_digit()))
}

/// Templates write SIDs as `*S-…`; the star is only syntax.
fn strip_star(text: &str) -> &str {
    text.strip_prefix('*').unwrap_or(text).trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::List;

    fn list(items: &[&str]) -> Texts {
        let items = items
            .iter()
            .enumerate()
            .map(|(i, t)| Spanned::new((*t).to_owned(), Span::new(i, i + 1)))
            .collect();
        OneOrList(List {
            items,
            complete: true,
        })
    }

    #[test]
    fn names_strip_stars_and_check_sids() {
        let mut errors = Vec::new();
        let found = names(
            &list(&[
                "CONTOSO\\SQL Admins",
                "*S-1-5-32-555",
                "S-1-5-32-x",
                "S-Team",
                " ",
            ]),
            &mut errors,
        );
        let values: Vec<&str> = found.iter().map(|n| n.value.as_str()).collect();
        assert_eq!(values, ["CONTOSO\\SQL Admins", "S-1-5-32-555", "S-Team"]);
        let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["yaml::empty-value", "expect::bad-sid"]);
        assert_eq!(errors[0].message, "an entry of `member_of` has no value");
    }

    #[test]
    fn a_sid_may_carry_a_star_and_must_parse() {
        let mut errors = Vec::new();
        let written = Spanned::new("'*S-1-5-18'".trim_matches('\'').to_owned(), Span::new(0, 3));
        assert_eq!(
            sid(&written, "`sid`", &mut errors)
                .unwrap()
                .value
                .to_string(),
            "S-1-5-18"
        );
        let bad = Spanned::new("S-1-5-21-x".to_owned(), Span::new(0, 3));
        assert_eq!(sid(&bad, "`sid`", &mut errors), None);
        assert!(errors[0].message.contains("is not a valid SID"));
    }
}
