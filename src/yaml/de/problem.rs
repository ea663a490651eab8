//! The diagnostics of typing a YAML tree, worded once for every kind of
//! file: the same problem has the same code and words in `services.yaml`
//! and in a rule file.

use super::error::Error;
use super::place::{Place, describe};
use super::words::Shape;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::yaml::Node;

/// The diagnostic for `error` met at `node`; `None` for an error that is
/// already one.
pub(super) fn diagnostic(problem: Error, node: &Node, place: &Place<'_>) -> Option<Diagnostic> {
    let span = place.span(node);
    Some(match problem {
        Error::Reported => return None,
        Error::WrongShape { expected } => wrong_type(place, &plain(&expected), node, span),
        Error::BadValue { expected } => bad_value(place, &plain(&expected), node, span),
        Error::UnknownVariant { found, expected } => unknown_value(place, &found, expected, span),
        Error::MissingField(field) => missing_field(field, "this mapping", "", span),
        Error::Custom(message) => error(
            Code::YamlBadValue,
            format!("{}: {message}", place.subject()),
            span,
        )
        .with_label("here"),
    })
}

fn error(code: Code, message: String, span: Span) -> Diagnostic {
    Diagnostic::new(code, message, span)
}

/// serde's name for what a type wants, in a user's words.
fn plain(expected: &str) -> String {
    let words = match expected {
        "a sequence" => "a list",
        "a map" => "a mapping (`key: value` lines)",
        "a string" | "a borrowed string" | "a character" | "a char" => "a single value",
        "a boolean" => "`true` or `false`",
        "unit" | "a unit" => "nothing",
        ty if is_integer(ty) => "a whole number",
        "f32" | "f64" => "a number",
        other => other,
    };
    words.to_owned()
}

fn is_integer(ty: &str) -> bool {
    matches!(
        ty,
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize"
    ) || ty.starts_with("an integer")
}

/// A value the type cannot take: a bad value when a single value was
/// wanted and written, else a wrong shape.
fn wrong_type(place: &Place<'_>, expected: &str, node: &Node, span: Span) -> Diagnostic {
    let wants_collection = expected.starts_with("a list") || expected.starts_with("a mapping");
    match node.text() {
        Some(_) if !wants_collection => bad_value(place, expected, node, span),
        _ => wrong_shape(place, expected, node),
    }
}

/// `subject` should be `expected` but `node` is something else.
pub(super) fn wrong_shape(place: &Place<'_>, expected: &str, node: &Node) -> Diagnostic {
    let found = describe(node);
    error(
        Code::YamlWrongShape,
        format!("{} should be {expected}, not {found}", place.subject()),
        place.span(node),
    )
    .with_label(format!("this is {found}"))
    .with_help(format!("write it like this: {}", place.example))
}

fn bad_value(place: &Place<'_>, expected: &str, node: &Node, span: Span) -> Diagnostic {
    let written = node.as_scalar().unwrap_or_default();
    error(
        Code::YamlBadValue,
        format!(
            "{} should be {expected}, not `{}`",
            place.subject(),
            crate::source::excerpt(written)
        ),
        span,
    )
    .with_label(format!("not {expected}"))
    .with_help(format!("write it like this: {}", place.example))
}

fn unknown_value(
    place: &Place<'_>,
    found: &str,
    expected: &'static [&'static str],
    span: Span,
) -> Diagnostic {
    let all = expected.join(", ");
    let help = match (
        several(found, expected),
        did_you_mean(found, expected.iter().copied()),
    ) {
        (Some(list), _) => format!("to give several, write a list: [{list}]; each can be: {all}"),
        (None, Some(near)) => format!("did you mean `{near}`? It can be: {all}"),
        (None, None) => format!("it can be: {all}"),
    };
    error(
        Code::YamlUnknownValue,
        format!(
            "{} cannot be `{}`",
            place.subject(),
            crate::source::excerpt(found)
        ),
        span,
    )
    .with_label("unknown value")
    .with_help(help)
}

/// `service, batch` where one word belongs: the words, when each is one
/// of `expected` (or close to one), to be written as a YAML list.
fn several(found: &str, expected: &[&str]) -> Option<String> {
    let parts: Vec<&str> = found.split(',').map(str::trim).collect();
    let known = |part: &&str| {
        let exact = expected.iter().any(|name| name.eq_ignore_ascii_case(part));
        exact || did_you_mean(part, expected.iter().copied()).is_some()
    };
    (parts.len() > 1 && parts.iter().all(known)).then(|| parts.join(", "))
}

/// A value the type needs that is not there (`key:` with nothing, or
/// an empty text).
pub(super) fn empty_value(place: &Place<'_>, span: Span) -> Diagnostic {
    error(
        Code::YamlEmptyValue,
        format!("{} has no value", place.subject()),
        span,
    )
    .with_label("no value")
    .with_help(format!("write it like this: {}", place.example))
}

/// A required field left out of `what`, whose span is `span`.
pub(super) fn missing_field(field: &str, what: &str, example: &str, span: Span) -> Diagnostic {
    let diagnostic = error(
        Code::YamlMissingField,
        format!("{what} needs `{field}`"),
        span,
    )
    .with_label(format!("no `{field}` here"));
    if example.is_empty() {
        return diagnostic.with_help(format!("add `{field}:` with its value"));
    }
    diagnostic.with_help(format!("add `{field}:`, like this: {example}"))
}

/// A key that is none of the fields of `shape`.
pub(super) fn unknown_field(
    written: &str,
    span: Span,
    shape: &Shape,
    allowed: &[&str],
) -> Diagnostic {
    let all = allowed.join(", ");
    let help = match did_you_mean(written, allowed.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? The fields {} are: {all}", shape.of),
        None => format!("the fields {} are: {all}", shape.of),
    };
    error(
        Code::YamlUnknownField,
        format!(
            "`{}` is not a field {}",
            crate::source::excerpt(written),
            shape.of
        ),
        span,
    )
    .with_label("unknown field")
    .with_help(help)
}

/// A key written twice in one mapping.
pub(super) fn duplicate_field(name: &str, first: Span, again: Span) -> Diagnostic {
    let name = crate::source::excerpt(name);
    error(
        Code::YamlDuplicateField,
        format!("`{name}` is written twice in the same mapping"),
        again,
    )
    .with_label("written again here")
    .with_secondary(first, "first written here")
    .with_help(format!(
        "keep one `{name}`; YAML does not merge repeated keys"
    ))
}
