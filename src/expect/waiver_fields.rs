//! The required fields of a waiver: what it accepts, why, and until when.

use super::fields::Field;
use super::values;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Date, read_date};
use crate::span::{Span, Spanned};

/// `rule`: the id or name of a rule, as written; whether a rule has it is
/// for the caller, who has the rules. `item` is where to point when the
/// field is missing.
pub(super) fn rule(
    field: Option<Field<'_>>,
    item: Span,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    let Some(field) = field else {
        errors.push(no_rule(item));
        return None;
    };
    values::text(field, errors)
}

/// `reason`: a waiver without one cannot be reviewed, so an empty one is
/// refused like a missing one.
pub(super) fn reason(
    field: Option<Field<'_>>,
    item: Span,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    let Some(field) = field else {
        errors.push(no_reason(item));
        return None;
    };
    let blank = field
        .node
        .as_scalar()
        .is_some_and(|text| field.node.is_null() || text.trim().is_empty());
    if blank {
        errors.push(no_reason(field.span()));
        return None;
    }
    values::text(field, errors)
}

/// `expires`: `YYYY-MM-DD`, which YAML reads as plain text here.
pub(super) fn expires(
    field: Option<Field<'_>>,
    item: Span,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<Date>> {
    let Some(field) = field.filter(|field| !field.node.is_null()) else {
        errors.push(no_expiry(field.map_or(item, |field| field.span())));
        return None;
    };
    let written = values::text(field, errors)?;
    match read_date(&written.value) {
        Ok(date) => Some(Spanned::new(date, written.span)),
        Err(why) => {
            errors.push(bad_date(&written, &why.to_string()));
            None
        }
    }
}

fn no_rule(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::missing-field",
        "a waiver needs a `rule`",
        span,
    )
    .with_label("no rule here")
    .with_help("add `rule: GPL101`: the id or name of the rule whose findings are accepted (`gplint rules` lists them)")
}

fn no_reason(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::missing-reason",
        "a waiver needs a reason: say why the finding is accepted",
        span,
    )
    .with_label("no reason")
    .with_help("add `reason: …` with why the finding is accepted and where it is tracked, e.g. `reason: moving to a gMSA, change 1234`")
}

fn no_expiry(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::missing-expiry",
        "a waiver needs an expiry date",
        span,
    )
    .with_label("no `expires`")
    .with_help("add `expires: YYYY-MM-DD`, e.g. `expires: 2027-03-31`: an accepted exception must not live forever")
}

fn bad_date(written: &Spanned<String>, why: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::bad-date",
        format!("`{}` is not a date: {why}", written.value),
        written.span,
    )
    .with_label("not a date")
    .with_help("write the last day the waiver holds as YYYY-MM-DD, e.g. 2027-03-31")
}
