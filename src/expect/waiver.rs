//! One item of `waivers:` checked and made a [`WaiverDecl`]: every
//! accepted exception says why and ends.

use super::account_facts::bad_date;
use super::document::{Placed, Waiver};
use super::names::unknown_builtin;
use super::scope_refs::ScopeNames;
use super::text::clean;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Date, WaiverDecl, read_date};
use crate::span::{Span, Spanned};
use crate::yaml::Field;

/// Checks one waiver, pushing every problem to `errors`; `None` when it
/// lacks a rule, a reason or an expiry date. Its `scope` must be one of
/// `scopes`; it is checked here so that a waiver left out for another
/// problem still has it reported.
pub(super) fn waiver(
    item: &Spanned<Waiver>,
    scopes: &ScopeNames<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<WaiverDecl> {
    let waiver = &item.value;
    let optional = |field: &Field<Spanned<String>>, subject, errors: &mut Vec<Diagnostic>| {
        field.given().and_then(|text| clean(text, subject, errors))
    };
    let rule = clean(&waiver.rule, "`rule`", errors);
    let account = optional(&waiver.account, "`account`", errors);
    let logon = waiver
        .logon
        .given()
        .map(|l| Spanned::new(l.value.0, l.span));
    let scope = optional(&waiver.scope, "`scope`", errors);
    let file = optional(&waiver.file, "`file`", errors);
    let reason = reason(&waiver.reason, item.span, errors);
    let expires = expires(&waiver.expires, item.span, errors);
    errors.extend(account.as_ref().and_then(unknown_builtin));
    errors.extend(scope.as_ref().and_then(|s| scopes.check(s)));
    Some(WaiverDecl {
        rule: rule?,
        account,
        logon,
        scope,
        file,
        reason: reason?,
        expires: expires?,
        span: item.span,
    })
}

/// Where to point at a field that must be written: its value, its key,
/// or the waiver when it is not there at all.
fn place<T>(field: &Placed<T>, item: Span) -> Span {
    if field.span.is_empty() {
        item
    } else {
        field.span
    }
}

/// `reason`: a waiver without one cannot be reviewed, so a blank one is
/// refused like a missing one.
fn reason(
    field: &Placed<String>,
    item: Span,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    match &field.value {
        Field::Given(text) if !text.trim().is_empty() => {
            Some(Spanned::new(text.trim().to_owned(), field.span))
        }
        Field::Invalid => None,
        _ => {
            errors.push(no_reason(place(field, item)));
            None
        }
    }
}

/// `expires`: `YYYY-MM-DD`, which YAML reads as plain text here.
fn expires(
    field: &Placed<String>,
    item: Span,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<Date>> {
    let text = match &field.value {
        Field::Given(text) => Spanned::new(text.clone(), field.span),
        Field::Invalid => return None,
        Field::Absent => {
            errors.push(no_expiry(place(field, item)));
            return None;
        }
    };
    let written = clean(&text, "`expires`", errors)?;
    match read_date(&written.value) {
        Ok(date) => Some(Spanned::new(date, written.span)),
        Err(why) => {
            let what = "the last day the waiver holds";
            errors.push(bad_date(&written, &why.to_string(), what, "2027-03-31"));
            None
        }
    }
}

fn no_reason(span: Span) -> Diagnostic {
    Diagnostic::new(Code::ExpectMissingReason,
        "a waiver needs a reason: say why the finding is accepted",
        span,
    )
    .with_label("no reason")
    .with_help("add `reason: …` with why the finding is accepted and where it is tracked, e.g. `reason: moving to a gMSA, change 1234`")
}

fn no_expiry(span: Span) -> Diagnostic {
    Diagnostic::new(Code::ExpectMissingExpiry,
        "a waiver needs an expiry date",
        span,
    )
    .with_label("no `expires`")
    .with_help("add `expires: YYYY-MM-DD`, e.g. `expires: 2027-03-31`: an accepted exception must not live forever")
}
