//! One item of `accounts:` typed as an [`AccountDecl`].

use super::account_name::account_name;
use super::fields::{Field, Fields, Shape};
use super::logon::logon_types;
use super::model::AccountDecl;
use super::names::{fixed_sid, sid_mismatch, unknown_builtin};
use super::scope_refs::ScopeNames;
use super::{account_facts, conflicts, values};
use crate::diagnostic::{Diagnostic, Severity};
use crate::logon_type::LogonType;
use crate::model::{AccountKind, is_virtual_name};
use crate::principal::Sid;
use crate::span::Spanned;
use crate::suggest::did_you_mean;
use crate::yaml::Node;

const ACCOUNT: Shape = Shape {
    what: "an account",
    of: "of an account",
    allowed: &[
        "name",
        "service",
        "sid",
        "kind",
        "member_of",
        "scopes",
        "logon",
        "no_logon",
        "description",
        "disabled",
        "password_never_expires",
        "password_last_set",
        "password_policy",
        "blank_password",
        "logon_hours",
        "runs_at",
        "workstations",
    ],
    example: "- name: CONTOSO\\svc_sql\n    logon: [service]",
};

/// Types one account item. Every problem found is pushed to `errors`;
/// `None` when the item is too broken to stand for an account. An
/// explicit `domain_sid` helps infer the kind of bare names; its
/// `scopes` entries must be among the declared `scopes`.
pub(super) fn account(
    node: &Node,
    domain_sid: Option<&Sid>,
    scopes: &ScopeNames<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<AccountDecl> {
    let fields = Fields::read(node, &ACCOUNT, errors)?;
    let name = account_name(&fields, node.span, errors);
    let declared_sid = values::sid(fields.get("sid"), errors);
    let kind = declared_kind(fields.get("kind"), errors);
    let member_of = values::names(fields.get("member_of"), errors);
    let in_scopes = values::texts(fields.get("scopes"), "scopes: [sql-servers]", errors);
    errors.extend(in_scopes.iter().filter_map(|s| scopes.check(s)));
    let (logon, no_logon, logon_ok) = read_logon(&fields, errors);
    let description = values::optional_text(fields.get("description"), errors).map(|d| d.value);
    let name = name?;
    check_names(&name, &member_of, errors);
    let sid = account_sid(&name, declared_sid, errors);
    let (kind, kind_inferred) = match kind {
        Some(kind) => (kind, false),
        None => (infer(&name, sid.as_ref(), domain_sid), true),
    };
    conflicts::check(&name, &logon, &no_logon, errors);
    let facts = account_facts::read(&fields, kind, errors);
    let account = AccountDecl {
        name,
        sid,
        kind,
        kind_inferred,
        member_of,
        scopes: in_scopes,
        logon,
        no_logon,
        description,
        facts,
        span: node.span,
    };
    if logon_ok {
        errors.extend(checks_nothing(&account));
    }
    Some(account)
}

/// `logon` and `no_logon`, with the entries that parsed, and whether all
/// did: an account whose only entry was misspelt should not also be told
/// that it checks nothing.
fn read_logon(
    fields: &Fields<'_>,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<Spanned<LogonType>>, Vec<Spanned<LogonType>>, bool) {
    let before = errors.len();
    let logon = logon_types(fields.get("logon"), errors);
    let no_logon = logon_types(fields.get("no_logon"), errors);
    (logon, no_logon, errors.len() == before)
}

fn infer(
    name: &Spanned<String>,
    sid: Option<&Spanned<Sid>>,
    domain_sid: Option<&Sid>,
) -> AccountKind {
    AccountKind::infer(&name.value, sid.map(|s| &s.value), domain_sid)
}

fn check_names(
    name: &Spanned<String>,
    member_of: &[Spanned<String>],
    errors: &mut Vec<Diagnostic>,
) {
    errors.extend(unknown_builtin(name));
    errors.extend(member_of.iter().filter_map(unknown_builtin));
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

fn declared_kind(field: Option<Field<'_>>, errors: &mut Vec<Diagnostic>) -> Option<AccountKind> {
    let written = values::optional_text(field, errors)?;
    let kind = AccountKind::parse(&written.value);
    if kind.is_none() {
        errors.push(unknown_kind(&written));
    }
    kind
}

fn unknown_kind(written: &Spanned<String>) -> Diagnostic {
    let names = AccountKind::ALL.map(AccountKind::as_str);
    let all = names.join(", ");
    let help = match did_you_mean(&written.value, names) {
        Some(near) => format!("did you mean `{near}`? The kinds are: {all}"),
        None => format!("the kinds are: {all}; leave `kind` out to have it inferred from the name"),
    };
    Diagnostic::new(
        Severity::Error,
        "expect::unknown-kind",
        format!("`{}` is not a kind of account", written.value),
        written.span,
    )
    .with_label("unknown kind")
    .with_help(help)
}

/// An account that requires and forbids nothing would pass any template.
fn checks_nothing(account: &AccountDecl) -> Option<Diagnostic> {
    if !account.logon.is_empty() || !account.no_logon.is_empty() {
        return None;
    }
    Some(
        Diagnostic::new(
            Severity::Error,
            "expect::account-checks-nothing",
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
