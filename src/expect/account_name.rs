//! An account's `name` or `service`: exactly one of the two.

use super::fields::{Field, Fields};
use super::values;
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::{Span, Spanned};

/// The account's name: `name` as written, or `NT SERVICE\X` for
/// `service: X` with the span of `X`.
pub(super) fn account_name(
    fields: &Fields<'_>,
    item: Span,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    match (fields.get("name"), fields.get("service")) {
        (Some(name), Some(service)) => {
            errors.push(name_and_service(name.key, service.key));
            None
        }
        (None, None) => {
            errors.push(missing_name(
                "an account",
                item,
                "`name: CONTOSO\\svc_sql`, or `service: MSSQLSERVER` for a service's virtual account",
            ));
            None
        }
        (Some(name), None) => values::text(name, errors),
        (None, Some(service)) => service_name(service, errors),
    }
}

fn service_name(field: Field<'_>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<String>> {
    let written = values::text(field, errors)?;
    if written.value.contains(['\\', '/']) {
        errors.push(bad_service_name(&written));
        return None;
    }
    Some(Spanned::new(
        format!("NT SERVICE\\{}", written.value),
        written.span,
    ))
}

fn bad_service_name(written: &Spanned<String>) -> Diagnostic {
    let bare = written.value.rsplit(['\\', '/']).next().unwrap_or_default();
    Diagnostic::new(
        Severity::Error,
        "expect::bad-service-name",
        format!(
            "`{}` is not a service name: service names have no `\\` or `/`",
            written.value
        ),
        written.span,
    )
    .with_label("not a service name")
    .with_help(format!(
        "write `service: {bare}` (gplint adds NT SERVICE\\), or `name: {}`",
        written.value
    ))
}

/// An error for an account, group or scope item that has no `name`.
pub(super) fn missing_name(what: &str, item: Span, example: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::missing-name",
        format!("{what} needs a name"),
        item,
    )
    .with_label("no name here")
    .with_help(format!("add {example}"))
}

fn name_and_service(name: Span, service: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::name-and-service",
        "an account has either `name` or `service`, not both",
        service,
    )
    .with_label("`service: X` already names the account NT SERVICE\\X")
    .with_secondary(name, "and this names it again")
    .with_help("keep `service:` for a virtual service account, or `name:` for any other account")
}
