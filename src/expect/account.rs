//! One item of `accounts:` checked and made an [`AccountDecl`]: a name or
//! a service (not both), a SID that agrees with the name, known built-in
//! names, declared scopes, no logon type both required and forbidden.

use super::document::{Account, Placed};
use super::names::{sid_mismatch, unknown_builtin};
use super::scope_refs::ScopeNames;
use super::text::{clean, names, sid, texts, trimmed, words};
use super::tree::Tree;
use super::{account_facts, account_sid, conflicts};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{AccountDecl, AccountKind, fixed_sid, is_virtual_name};
use crate::principal::Sid;
use crate::span::{Span, Spanned};
use crate::yaml::Field;

/// Checks one account. Every problem found is pushed to `errors`; `None`
/// when the item is too broken to stand for an account. An explicit
/// `domain_sid` helps infer the kind of bare names; its `scopes` entries
/// must be among the declared `scopes`.
pub(super) fn account(
    item: &Spanned<Account>,
    domain_sid: Option<&Spanned<Sid>>,
    scopes: &ScopeNames<'_>,
    tree: Tree<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<AccountDecl> {
    let (account, span) = (&item.value, item.span);
    let name = account_name(account, span, tree, errors);
    let declared_sid = account.sid.given().and_then(|s| sid(s, "`sid`", errors));
    let kind = account.kind.given().map(|kind| kind.value.0);
    let member_of = names(&account.member_of, errors);
    let in_scopes = texts(&account.scopes, "scopes", errors);
    errors.extend(in_scopes.iter().filter_map(|s| scopes.check(s)));
    let (logon, no_logon) = (words(&account.logon), words(&account.no_logon));
    // An account whose only entry was misspelt should not also be told
    // that it checks nothing.
    let logon_read = account.logon.0.complete && account.no_logon.0.complete;
    let description = account.description.given();
    let description = description.and_then(|d| trimmed(d, "`description`", errors));
    let name = name?;
    errors.extend(unknown_builtin(&name));
    errors.extend(member_of.iter().filter_map(unknown_builtin));
    let sid = account_sid(&name, declared_sid, errors);
    let (kind, kind_inferred) = match kind {
        Some(kind) => (kind, false),
        None => (
            infer(&name, sid.as_ref(), domain_sid.map(|d| &d.value)),
            true,
        ),
    };
    let sid_problem = sid
        .as_ref()
        .and_then(|s| account_sid::check(&name, s, kind, domain_sid));
    errors.extend(sid_problem);
    conflicts::check(&name, &logon, &no_logon, errors);
    let facts = account_facts::read(account, kind, span, tree, errors);
    let account = AccountDecl {
        name,
        sid,
        kind,
        kind_inferred,
        member_of,
        scopes: in_scopes,
        logon,
        no_logon,
        description: description.map(|d| d.value),
        facts,
        sources: Vec::new(),
        surveyed: false,
        span,
    };
    if logon_read {
        errors.extend(checks_nothing(&account));
    }
    Some(account)
}

fn infer(
    name: &Spanned<String>,
    sid: Option<&Spanned<Sid>>,
    domain_sid: Option<&Sid>,
) -> AccountKind {
    AccountKind::infer(&name.value, sid.map(|s| &s.value), domain_sid)
}

/// The account's name: `name` as written, or `NT SERVICE\X` for
/// `service: X` with the span of `X`; exactly one of the two.
fn account_name(
    account: &Account,
    item: Span,
    tree: Tree<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    let written = |field: &Placed<String>| !field.span.is_empty();
    match (written(&account.name), written(&account.service)) {
        (true, true) => {
            let key = |name| tree.key(item, name, item);
            errors.push(name_and_service(key("name"), key("service")));
            None
        }
        (false, false) => {
            errors.push(missing_name(item));
            None
        }
        (true, false) => required(&account.name, "`name`", errors),
        (false, true) => service_name(&account.service, errors),
    }
}

/// The text of a field that must have one.
fn required(
    field: &Placed<String>,
    subject: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    match &field.value {
        Field::Given(text) => clean(&Spanned::new(text.clone(), field.span), subject, errors),
        Field::Invalid => None,
        Field::Absent => clean(&Spanned::new(String::new(), field.span), subject, errors),
    }
}

fn service_name(field: &Placed<String>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<String>> {
    let written = required(field, "`service`", errors)?;
    if written.value.contains(['\\', '/']) {
        errors.push(bad_service_name(&written));
        return None;
    }
    let name = format!("NT SERVICE\\{}", written.value);
    Some(Spanned::new(name, written.span))
}

/// The declared SID, checked against the name; else for a virtual account
/// the SID Windows computes from its name.
fn account_sid(
    name: &Spanned<String>,
    declared: Option<Spanned<Sid>>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Spanned<Sid>> {
    if let Some(declared) = declared {
        errors.extend(sid_mismatch(name, &declared));
        return Some(declared);
    }
    if !is_virtual_name(&name.value) {
        return None;
    }
    fixed_sid(&name.value).map(|sid| Spanned::new(sid, name.span))
}

fn bad_service_name(written: &Spanned<String>) -> Diagnostic {
    let bare = written.value.rsplit(['\\', '/']).next().unwrap_or_default();
    Diagnostic::new(
        Code::ExpectBadServiceName,
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

fn missing_name(item: Span) -> Diagnostic {
    Diagnostic::new(Code::ExpectMissingName,
        "an account needs a name",
        item,
    )
    .with_label("no name here")
    .with_help(
        "add `name: CONTOSO\\svc_sql`, or `service: MSSQLSERVER` for a service's virtual account",
    )
}

fn name_and_service(name: Span, service: Span) -> Diagnostic {
    Diagnostic::new(
        Code::ExpectNameAndService,
        "an account has either `name` or `service`, not both",
        service,
    )
    .with_label("`service: X` already names the account NT SERVICE\\X")
    .with_secondary(name, "and this names it again")
    .with_help("keep `service:` for a virtual service account, or `name:` for any other account")
}

/// An account that requires and forbids nothing would pass any template.
fn checks_nothing(account: &AccountDecl) -> Option<Diagnostic> {
    if !account.logon.is_empty() || !account.no_logon.is_empty() {
        return None;
    }
    Some(
        Diagnostic::new(
            Code::ExpectAccountChecksNothing,
            format!(
                "`{}` has no `logon` or `no_logon`, so nothing is checked for it",
                account.name.value
            ),
            account.name.span,
        )
        .with_label("nothing expected of this account")
        .with_help(
            "add `logon: [service]` (or the logon types it needs), `no_logon: [...]`, or both",
        ),
    )
}
