//! Reading field values: texts, SIDs and lists of names.

use super::fields::Field;
use super::shape::wrong_shape;
use crate::diagnostic::{Diagnostic, Severity};
use crate::principal::Sid;
use crate::span::{Span, Spanned};
use crate::yaml::{Node, NodeKind};

/// A field that holds one text, trimmed; an error when it is empty or not
/// a single value.
pub(super) fn text(field: Field<'_>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<String>> {
    item_text(&field.subject(), field.node, field.key, errors)
}

/// Like [`text`], but a missing field or one with no value is `None`
/// without an error.
pub(super) fn optional_text(
    field: Option<Field<'_>>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    field
        .filter(|field| !field.node.is_null())
        .and_then(|field| text(field, errors))
}

/// An optional SID field: `S-1-5-…` or `*S-1-5-…` (quoted, since YAML
/// reads a bare leading `*` as an alias).
pub(super) fn sid(field: Option<Field<'_>>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<Sid>> {
    let written = optional_text(field, errors)?;
    let sid = parse_sid(&written.value, written.span, errors)?;
    Some(Spanned::new(sid, written.span))
}

/// Parses a SID with an optional leading `*`, reporting why it is not one.
pub(super) fn parse_sid(text: &str, span: Span, errors: &mut Vec<Diagnostic>) -> Option<Sid> {
    match Sid::parse(strip_star(text)) {
        Ok(sid) => Some(sid),
        Err(error) => {
            errors.push(
                Diagnostic::new(Severity::Error, "expect::bad-sid", error.to_string(), span)
                    .with_label("not a valid SID")
                    .with_help("write the SID as Windows prints it, e.g. S-1-5-32-544; a leading `*` is optional"),
            );
            None
        }
    }
}

/// The items of a list field. A single value is taken as a one-item list
/// (`logon: service` means `logon: [service]`), and a field with no value
/// as an empty list.
pub(super) fn items<'n>(
    field: Option<Field<'n>>,
    example: &str,
    errors: &mut Vec<Diagnostic>,
) -> Vec<&'n Node> {
    let Some(field) = field.filter(|field| !field.node.is_null()) else {
        return Vec::new();
    };
    match &field.node.kind {
        NodeKind::Seq(items) => items.iter().collect(),
        NodeKind::Scalar { .. } => vec![field.node],
        NodeKind::Map(_) => {
            errors.push(wrong_shape(&field.subject(), "a list", field.node, example));
            Vec::new()
        }
    }
}

/// A list of texts such as scope names, each trimmed and non-empty. A
/// single value is a one-item list.
pub(super) fn texts(
    field: Option<Field<'_>>,
    example: &str,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Spanned<String>> {
    let subject = field
        .map(|field| format!("an entry of {}", field.subject()))
        .unwrap_or_default();
    items(field, example, errors)
        .into_iter()
        .filter_map(|item| item_text(&subject, item, item.span, errors))
        .collect()
}

/// A `member_of` list: group names or SIDs, kept as written but trimmed
/// and without a leading `*`. A SID-looking entry must be a valid SID.
pub(super) fn names(
    field: Option<Field<'_>>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Spanned<String>> {
    let example = "member_of: [CONTOSO\\SQL Admins, S-1-5-32-555]";
    let subject = field.map(|field| field.subject()).unwrap_or_default();
    let mut names = Vec::new();
    for item in items(field, example, errors) {
        let Some(written) = item_text(&format!("an entry of {subject}"), item, item.span, errors)
        else {
            continue;
        };
        if looks_like_sid(&written.value)
            && parse_sid(&written.value, written.span, errors).is_none()
        {
            continue;
        }
        names.push(Spanned::new(
            strip_star(&written.value).to_owned(),
            written.span,
        ));
    }
    names
}

/// One value that must be a non-empty text; `empty_at` is where to point
/// when there is nothing to point at.
pub(super) fn item_text(
    subject: &str,
    node: &Node,
    empty_at: Span,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    if matches!(node.kind, NodeKind::Seq(_) | NodeKind::Map(_)) {
        errors.push(wrong_shape(
            subject,
            "a single value",
            node,
            "name: CONTOSO\\svc_sql",
        ));
        return None;
    }
    match node.text().map(str::trim) {
        Some(text) if !text.is_empty() => Some(Spanned::new(text.to_owned(), node.span)),
        _ => {
            let at = if node.span.is_empty() {
                empty_at
            } else {
                node.span
            };
            errors.push(empty_value(subject, at));
            None
        }
    }
}

fn empty_value(subject: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::empty-value",
        format!("{subject} has no value"),
        span,
    )
    .with_label("empty")
    .with_help("write a value, or remove the line")
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
pub(super) fn strip_star(text: &str) -> &str {
    text.strip_prefix('*').unwrap_or(text).trim()
}

/// `true` or `false`, as YAML writes a bool.
pub(super) fn flag(
    field: Option<Field<'_>>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<bool>> {
    let written = optional_text(field, errors)?;
    let value = match written.value.as_str() {
        "true" | "True" | "TRUE" => true,
        "false" | "False" | "FALSE" => false,
        _ => {
            let name = field.map(|f| f.subject()).unwrap_or_default();
            errors.push(
                Diagnostic::new(
                    Severity::Error,
                    "expect::bad-flag",
                    format!("{name} is `true` or `false`, not `{}`", written.value),
                    written.span,
                )
                .with_label("not true or false")
                .with_help(format!(
                    "write `true` or `false` as the value of {name}, or leave the line out"
                )),
            );
            return None;
        }
    };
    Some(Spanned::new(value, written.span))
}

#[cfg(test)]
mod tests {
    use super::super::fields::{Fields, Shape};
    use super::super::read_yaml::parse;
    use super::*;

    const SHAPE: Shape = Shape {
        what: "a test",
        of: "of a test",
        allowed: &["name", "sid", "member_of"],
        example: "{}",
    };

    fn with_field<T>(
        text: &str,
        name: &str,
        read: impl Fn(Option<Field<'_>>, &mut Vec<Diagnostic>) -> T,
    ) -> (T, Vec<Diagnostic>) {
        let node = parse(text).unwrap().unwrap();
        let mut errors = Vec::new();
        let fields = Fields::read(&node, &SHAPE, &mut errors).unwrap();
        let value = read(fields.get(name), &mut errors);
        (value, errors)
    }

    fn at(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    #[test]
    fn text_is_trimmed_and_spanned() {
        let text = "name: '  CONTOSO\\svc  '\n";
        let (name, errors) = with_field(text, "name", optional_text);
        let name = name.unwrap();
        assert_eq!(name.value, "CONTOSO\\svc");
        assert_eq!(at(text, name.span), "'  CONTOSO\\svc  '");
        assert!(errors.is_empty());
    }

    #[test]
    fn an_empty_quoted_text_is_an_error_at_the_quotes() {
        let text = "name: ''\n";
        let (name, errors) = with_field(text, "name", text_of);
        assert_eq!(name, None);
        assert_eq!(errors[0].code, "expect::empty-value");
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "''");
    }

    fn text_of(field: Option<Field<'_>>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<String>> {
        text(field?, errors)
    }

    #[test]
    fn a_null_text_points_at_the_key() {
        let text = "name: ~\nsid: S-1-5-18\n";
        let (_, errors) = with_field(text, "name", text_of);
        assert_eq!(errors[0].code, "expect::empty-value");
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "~");
        let text = "name:\nsid: S-1-5-18\n";
        let (_, errors) = with_field(text, "name", text_of);
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "name");
    }

    #[test]
    fn sids_parse_with_or_without_star() {
        for (text, written) in [
            ("sid: S-1-5-18\n", "S-1-5-18"),
            ("sid: '*S-1-5-18'\n", "'*S-1-5-18'"),
        ] {
            let (sid, errors) = with_field(text, "sid", super::sid);
            let sid = sid.unwrap();
            assert_eq!(sid.value.to_string(), "S-1-5-18");
            assert_eq!(at(text, sid.span), written);
            assert!(errors.is_empty());
        }
    }

    #[test]
    fn a_bad_sid_reports_the_sid_error() {
        let text = "sid: S-1-5-21-x\n";
        let (sid, errors) = with_field(text, "sid", super::sid);
        assert_eq!(sid, None);
        assert_eq!(errors[0].code, "expect::bad-sid");
        assert!(
            errors[0].message.contains("is not a valid SID"),
            "{}",
            errors[0].message
        );
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "S-1-5-21-x");
    }

    #[test]
    fn names_strip_stars_and_check_sids() {
        let text = "member_of: [CONTOSO\\SQL Admins, '*S-1-5-32-555', S-1-5-32-x, S-Team]\n";
        let (names, errors) = with_field(text, "member_of", super::names);
        let values: Vec<&str> = names.iter().map(|n| n.value.as_str()).collect();
        assert_eq!(values, ["CONTOSO\\SQL Admins", "S-1-5-32-555", "S-Team"]);
        assert_eq!(at(text, names[1].span), "'*S-1-5-32-555'");
        assert_eq!(errors.len(), 1);
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "S-1-5-32-x");
    }

    #[test]
    fn a_single_name_is_a_one_item_list() {
        let text = "member_of: BUILTIN\\Users\n";
        let (names, errors) = with_field(text, "member_of", super::names);
        assert_eq!(names.len(), 1);
        assert_eq!(at(text, names[0].span), "BUILTIN\\Users");
        assert!(errors.is_empty());
    }

    #[test]
    fn a_mapping_is_not_a_list_and_nested_lists_are_not_names() {
        let text = "member_of: {a: b}\n";
        let (names, errors) = with_field(text, "member_of", super::names);
        assert!(names.is_empty());
        assert_eq!(
            errors[0].message,
            "`member_of` should be a list, not a mapping (`key: value` lines)"
        );
        let text = "member_of: [[a]]\n";
        let (_, errors) = with_field(text, "member_of", super::names);
        assert_eq!(
            errors[0].message,
            "an entry of `member_of` should be a single value, not a list"
        );
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "[a]");
    }

    #[test]
    fn texts_are_trimmed_and_spanned_and_empty_ones_refused() {
        let text = "name: [' GPOs/Baseline ', '{6AC1786C-016F-11D2-945F-00C04FB984F9}', '']\n";
        let (texts, errors) = with_field(text, "name", |f, e| super::texts(f, "x", e));
        let values: Vec<&str> = texts.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(
            values,
            ["GPOs/Baseline", "{6AC1786C-016F-11D2-945F-00C04FB984F9}"]
        );
        assert_eq!(at(text, texts[0].span), "' GPOs/Baseline '");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "expect::empty-value");
        assert_eq!(errors[0].message, "an entry of `name` has no value");
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "''");
    }

    #[test]
    fn a_single_text_is_a_one_item_list() {
        let text = "name: Default Domain Policy\n";
        let (texts, errors) = with_field(text, "name", |f, e| super::texts(f, "x", e));
        assert_eq!(texts.len(), 1);
        assert_eq!(at(text, texts[0].span), "Default Domain Policy");
        assert!(errors.is_empty());
    }

    #[test]
    fn missing_and_null_lists_are_empty() {
        let (names, errors) = with_field("name: x\nmember_of:\n", "member_of", super::names);
        assert!(names.is_empty() && errors.is_empty());
        let (names, _) = with_field("name: x\n", "member_of", super::names);
        assert!(names.is_empty());
    }
}
