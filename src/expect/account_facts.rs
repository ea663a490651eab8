//! What a team knows about an account beyond its groups: whether it is
//! disabled, its password, its logon hours and workstations. All
//! optional; what they imply for a logon is decided in
//! [`crate::restriction`]. Here: dates and schedules that parse, and
//! password facts only for the kinds of account that have a password.

use super::document::{Account, Texts};
use super::password_policy::{PSO_LIMITS, policy};
use super::text::{clean, texts};
use super::tree::Tree;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{AccountFacts, AccountKind, Date, Week, read_date};
use crate::span::{Span, Spanned};

/// The facts of one account of `kind`, whose item is `item`.
pub(super) fn read(
    account: &Account,
    kind: AccountKind,
    item: Span,
    tree: Tree<'_>,
    errors: &mut Vec<Diagnostic>,
) -> AccountFacts {
    let password_policy = account.password_policy.given();
    // A directory export carries these for computer-class accounts too;
    // they are read past with a warning, and the password never expires.
    let computer = kind.is_computer_class();
    let facts = AccountFacts {
        disabled: account.disabled.given().cloned(),
        password_never_expires: account
            .password_never_expires
            .given()
            .filter(|_| !computer)
            .cloned(),
        password_last_set: account
            .password_last_set
            .given()
            .filter(|_| !computer)
            .and_then(|d| day(d, errors)),
        blank_password: account.blank_password.given().cloned(),
        logon_hours: account
            .logon_hours
            .given()
            .map(|s| schedule(s, "logon_hours", errors)),
        runs_at: account
            .runs_at
            .given()
            .map(|s| schedule(s, "runs_at", errors)),
        workstations: texts(&account.workstations, "workstations", errors),
        password_policy: password_policy
            .and_then(|p| policy(Spanned::new(&p.value, p.span), PSO_LIMITS, errors)),
    };
    let key = |name| tree.key(item, name, item);
    errors.extend(managed_password(account, kind, key));
    if account.password_policy.is_written() {
        errors.extend(fine_grained_off_domain(kind, key("password_policy")));
    }
    facts
}

/// A gMSA's, computer's or virtual account's password is Windows'
/// business: it never expires and is never blank, so declaring one can
/// only be a mistake. The two facts a directory export carries for every
/// account (pwdLastSet, DONT_EXPIRE_PASSWORD) are only a warning on a
/// computer-class account: copied from an export, they are true, if
/// beside the point.
fn managed_password(
    account: &Account,
    kind: AccountKind,
    key: impl Fn(&'static str) -> Span,
) -> Vec<Diagnostic> {
    if !matches!(kind, AccountKind::Virtual) && !kind.is_computer_class() {
        return Vec::new();
    }
    let exported = kind.is_computer_class();
    let written = [
        (
            "password_never_expires",
            account.password_never_expires.is_written(),
            exported,
        ),
        (
            "password_last_set",
            account.password_last_set.is_written(),
            exported,
        ),
        ("blank_password", account.blank_password.is_written(), false),
        (
            "password_policy",
            account.password_policy.is_written(),
            false,
        ),
    ];
    written
        .into_iter()
        .filter(|(_, written, _)| *written)
        .map(|(name, _, exported)| {
            if exported {
                return fact_not_applicable(name, kind, key(name));
            }
            Diagnostic::new(Code::ExpectManagedPassword,
                format!(
                    "`{name}` does not apply to a {} account: Windows manages its password, which never expires",
                    kind.as_str()
                ),
                key(name),
            )
            .with_label("not for this kind of account")
            .with_help("remove the line; password facts are for domain and local accounts")
        })
        .collect()
}

/// `name`, a password fact an export carries, on a computer-class account.
fn fact_not_applicable(name: &str, kind: AccountKind, key: Span) -> Diagnostic {
    Diagnostic::new(
        Code::ExpectPasswordFactNotApplicable,
        format!(
            "`{name}` does not apply to a {} account: Windows changes its password itself, and it never expires",
            kind.as_str()
        ),
        key,
    )
    .with_label("ignored for this kind of account")
    .with_help("remove the line; gplint ignores it, since a computer-class account's password never expires (MS-ADTS msDS-UserPasswordExpiryTimeComputed)")
}

/// Active Directory applies a PSO to domain users and groups only: a local
/// or built-in account follows the machine's account policy (MS-ADTS
/// `msDS-ResultantPSO`). gMSAs and virtual accounts have their own error.
fn fine_grained_off_domain(kind: AccountKind, key: Span) -> Option<Diagnostic> {
    if !matches!(kind, AccountKind::Local | AccountKind::Builtin) {
        return None;
    }
    Some(
        Diagnostic::new(Code::ExpectPasswordPolicyNotDomain,
            format!(
                "`password_policy` does not apply to a {} account: a fine-grained password policy governs domain accounts only",
                kind.as_str()
            ),
            key,
        )
        .with_label("not for this kind of account")
        .with_help("remove it: a local account follows the account policy of the GPOs applied to the machine; if this is a domain account, write its name as DOMAIN\\name or add `kind: domain`"),
    )
}

fn day(written: &Spanned<String>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<Date>> {
    let written = clean(written, "`password_last_set`", errors)?;
    match read_date(&written.value) {
        Ok(date) => Some(Spanned::new(date, written.span)),
        Err(why) => {
            errors.push(bad_date(
                &written,
                &why.to_string(),
                "the day the password was last set",
                "2025-11-03",
            ));
            None
        }
    }
}

/// `written` is not a date, for `what`, e.g. `example`.
pub(super) fn bad_date(
    written: &Spanned<String>,
    why: &str,
    what: &str,
    example: &str,
) -> Diagnostic {
    Diagnostic::new(
        Code::ExpectBadDate,
        format!("`{}` is not a date: {why}", written.value),
        written.span,
    )
    .with_label("not a date")
    .with_help(format!("write {what} as YYYY-MM-DD, e.g. {example}"))
}

/// A list of schedule entries, their union; an empty list is no hour at all.
fn schedule(written: &Spanned<Texts>, field: &str, errors: &mut Vec<Diagnostic>) -> Spanned<Week> {
    let mut week = Week::NEVER;
    for entry in texts(&written.value, field, errors) {
        match Week::parse(&entry.value) {
            Ok(more) => week = week.union(more),
            Err(why) => errors.push(bad_schedule(&entry, &why, field)),
        }
    }
    Spanned::new(week, written.span)
}

fn bad_schedule(entry: &Spanned<String>, why: &str, field: &str) -> Diagnostic {
    Diagnostic::new(Code::ExpectBadHours,
        format!("`{}` is not an entry of `{field}`: {why}", entry.value),
        entry.span,
    )
    .with_label("not a schedule")
    .with_help("write days and whole hours, e.g. \"Mon-Fri 07:00-19:00\", \"Sat,Sun\", \"daily 22:00-06:00\" or \"always\"")
}
