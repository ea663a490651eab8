//! What a team knows about an account beyond its groups: whether it is
//! disabled, its password, its logon hours and workstations. All optional;
//! what they imply for a logon is decided in [`crate::restriction`].

use serde::Serialize;

use super::fields::{Field, Fields};
use super::password_policy::{PSO_LIMITS, PasswordPolicyDecl, password_policy};
use super::values;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{AccountKind, Date, Week, read_date};
use crate::span::Spanned;

/// The account fields of `services.yaml` that restrict a logon.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AccountFacts {
    /// `disabled: true`: the account is disabled in the directory.
    pub disabled: Option<Spanned<bool>>,
    /// `password_never_expires: true` (DONT_EXPIRE_PASSWORD).
    pub password_never_expires: Option<Spanned<bool>>,
    /// `password_last_set`: the day the password was last set (pwdLastSet).
    pub password_last_set: Option<Spanned<Date>>,
    /// `blank_password: true`: the account has an empty password.
    pub blank_password: Option<Spanned<bool>>,
    /// `logon_hours`: when the account may log on; absent means always.
    pub logon_hours: Option<Spanned<Week>>,
    /// `runs_at`: when a service or task of the account must be able to
    /// log on; absent means around the clock.
    pub runs_at: Option<Spanned<Week>>,
    /// `workstations`: the machines it may log on to (userWorkstations);
    /// empty means any.
    pub workstations: Vec<Spanned<String>>,
    /// `password_policy`: a fine-grained password policy (PSO) applied to
    /// the account itself; domain accounts only.
    pub password_policy: Option<PasswordPolicyDecl>,
}

/// Reads the account facts of one account of `kind`.
pub(super) fn read(
    fields: &Fields<'_>,
    kind: AccountKind,
    errors: &mut Vec<Diagnostic>,
) -> AccountFacts {
    let facts = AccountFacts {
        disabled: values::flag(fields.get("disabled"), errors),
        password_never_expires: values::flag(fields.get("password_never_expires"), errors),
        password_last_set: day(fields.get("password_last_set"), errors),
        blank_password: values::flag(fields.get("blank_password"), errors),
        logon_hours: schedule(fields.get("logon_hours"), errors),
        runs_at: schedule(fields.get("runs_at"), errors),
        workstations: values::texts(
            fields.get("workstations"),
            "workstations: [SQL01, SQL02]",
            errors,
        ),
        password_policy: password_policy(fields.get("password_policy"), PSO_LIMITS, errors),
    };
    errors.extend(managed_password(fields, kind));
    errors.extend(fine_grained_off_domain(fields, kind));
    facts
}

/// A gMSA's or virtual account's password is Windows' business: it never
/// expires and is never blank, so declaring one can only be a mistake.
fn managed_password(fields: &Fields<'_>, kind: AccountKind) -> Vec<Diagnostic> {
    if !matches!(kind, AccountKind::Gmsa | AccountKind::Virtual) {
        return Vec::new();
    }
    [
        "password_never_expires",
        "password_last_set",
        "blank_password",
        "password_policy",
    ]
    .into_iter()
        .filter_map(|name| fields.get(name))
        .map(|field| {
            Diagnostic::new(
                Severity::Error,
                "expect::managed-password",
                format!(
                    "{} does not apply to a {} account: Windows manages its password, which never expires",
                    field.subject(),
                    kind.as_str()
                ),
                field.key,
            )
            .with_label("not for this kind of account")
            .with_help("remove the line; password facts are for domain and local accounts")
        })
        .collect()
}

/// Active Directory applies a PSO to domain users and groups only: a local
/// or built-in account follows the machine's account policy (MS-ADTS
/// `msDS-ResultantPSO`). gMSAs and virtual accounts have their own error.
fn fine_grained_off_domain(fields: &Fields<'_>, kind: AccountKind) -> Option<Diagnostic> {
    if !matches!(kind, AccountKind::Local | AccountKind::Builtin) {
        return None;
    }
    let field = fields.get("password_policy")?;
    Some(
        Diagnostic::new(
            Severity::Error,
            "expect::password-policy-not-domain",
            format!(
                "`password_policy` does not apply to a {} account: a fine-grained password policy governs domain accounts only",
                kind.as_str()
            ),
            field.key,
        )
        .with_label("not for this kind of account")
        .with_help("remove it: a local account follows the account policy of the GPOs applied to the machine; if this is a domain account, write its name as DOMAIN\\name or add `kind: domain`"),
    )
}

fn day(field: Option<Field<'_>>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<Date>> {
    let written = values::optional_text(field, errors)?;
    match read_date(&written.value) {
        Ok(date) => Some(Spanned::new(date, written.span)),
        Err(why) => {
            errors.push(
                Diagnostic::new(
                    Severity::Error,
                    "expect::bad-date",
                    format!("`{}` is not a date: {why}", written.value),
                    written.span,
                )
                .with_label("not a date")
                .with_help(
                    "write the day the password was last set as YYYY-MM-DD, e.g. 2025-11-03",
                ),
            );
            None
        }
    }
}

/// A list of schedule entries, their union; an empty list is no hour at all.
fn schedule(field: Option<Field<'_>>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<Week>> {
    let field = field.filter(|f| !f.node.is_null())?;
    let example = "logon_hours: [\"Mon-Fri 07:00-19:00\"]";
    let entries = values::texts(Some(field), example, errors);
    let mut week = Week::NEVER;
    for entry in entries {
        match Week::parse(&entry.value) {
            Ok(more) => week = week.union(more),
            Err(why) => errors.push(bad_schedule(&entry, &why, field.subject())),
        }
    }
    Some(Spanned::new(week, field.span()))
}

fn bad_schedule(entry: &Spanned<String>, why: &str, field: String) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::bad-hours",
        format!("`{}` is not an entry of {field}: {why}", entry.value),
        entry.span,
    )
    .with_label("not a schedule")
    .with_help("write days and whole hours, e.g. \"Mon-Fri 07:00-19:00\", \"Sat,Sun\", \"daily 22:00-06:00\" or \"always\"")
}
