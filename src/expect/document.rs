//! The top level of an expectations file.

use super::account::account;
use super::checks::cross_check;
use super::fields::{Field, Fields, Shape};
use super::group::group;
use super::model::{AccountDecl, Expectations, GroupDecl};
use super::password_policy::domain_policy;
use super::scope::{check_unique, scope};
use super::scope_refs::ScopeNames;
use super::shape::wrong_shape;
use super::target_field::target;
use super::values;
use super::waiver::waiver;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{AccountKind, Target};
use crate::principal::Sid;
use crate::span::{Span, Spanned};
use crate::yaml::{Node, NodeKind};

const TOP: Shape = Shape {
    what: "an expectations file",
    of: "at the top level",
    allowed: &[
        "target",
        "domain_sid",
        "nla",
        "domain_policy",
        "scopes",
        "groups",
        "accounts",
        "waivers",
    ],
    example: "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]",
};

/// Types the whole document, pushing every problem to `errors`. What
/// could not be read is left out of the result.
pub(super) fn expectations(
    file_name: &str,
    root: Option<&Node>,
    errors: &mut Vec<Diagnostic>,
) -> Expectations {
    let mut out = Expectations {
        target: Target::default(),
        target_span: None,
        domain_sid: None,
        nla: None,
        domain_policy: None,
        scopes: Vec::new(),
        groups: Vec::new(),
        accounts: Vec::new(),
        waivers: Vec::new(),
        warnings: Vec::new(),
    };
    let Some(root) = root else {
        errors.push(no_accounts(file_name, Span::default()));
        return out;
    };
    let Some(fields) = Fields::read(root, &TOP, errors) else {
        return out;
    };
    (out.target, out.target_span) = target(fields.get("target"), Target::default(), errors);
    let declared_domain = domain_sid(fields.get("domain_sid"), errors);
    out.nla = values::flag(fields.get("nla"), errors);
    let declared = declared_domain.as_ref().map(|d| &d.value);
    out.domain_policy = domain_policy(fields.get("domain_policy"), errors);
    let top_target = out.target;
    out.scopes = typed(&fields, "scopes", errors, |node, errors| {
        scope(node, top_target, errors)
    });
    check_unique(&out.scopes, errors);
    out.groups = typed(&fields, "groups", errors, group);
    let scope_names = ScopeNames::new(&out.scopes);
    out.accounts = accounts(file_name, &fields, declared, &scope_names, errors);
    out.waivers = typed(&fields, "waivers", errors, |node, errors| {
        waiver(node, &scope_names, errors)
    });
    drop(scope_names);
    out.domain_sid = declared_domain.or_else(|| inferred_domain(&out.groups, &out.accounts));
    cross_check(&out.groups, &out.accounts, errors, &mut out.warnings);
    out
}

/// The declared accounts; a file without any is an error, since it
/// checks nothing.
fn accounts(
    file_name: &str,
    fields: &Fields<'_>,
    domain_sid: Option<&Sid>,
    scopes: &ScopeNames<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<AccountDecl> {
    if lists_nothing(fields.get("accounts")) {
        let at = fields.get("accounts").map_or(Span::default(), |f| f.span());
        errors.push(no_accounts(file_name, at));
    }
    typed(fields, "accounts", errors, |node, errors| {
        account(node, domain_sid, scopes, errors)
    })
}

/// The items of the top-level list `key`, each typed by `read`; what
/// could not be read is left out.
fn typed<'n, T>(
    fields: &Fields<'n>,
    key: &str,
    errors: &mut Vec<Diagnostic>,
    mut read: impl FnMut(&'n Node, &mut Vec<Diagnostic>) -> Option<T>,
) -> Vec<T> {
    let items = list(fields.get(key), errors).unwrap_or_default();
    items
        .into_iter()
        .filter_map(|node| read(node, errors))
        .collect()
}

/// Whether a list field is missing, empty or an empty list. A value of
/// the wrong shape is not: it has its own error.
fn lists_nothing(field: Option<Field<'_>>) -> bool {
    field.is_none_or(|field| match &field.node.kind {
        NodeKind::Seq(items) => items.is_empty(),
        _ => field.node.is_null(),
    })
}

/// The items of a top-level list such as `accounts`; nothing written is
/// no items. `None` (with an error) when the value is not a list.
fn list<'n>(field: Option<Field<'n>>, errors: &mut Vec<Diagnostic>) -> Option<Vec<&'n Node>> {
    let Some(field) = field.filter(|field| !field.node.is_null()) else {
        return Some(Vec::new());
    };
    match &field.node.kind {
        NodeKind::Seq(items) => Some(items.iter().collect()),
        _ => {
            let expected = format!("a list of {}", field.name);
            errors.push(wrong_shape(
                &field.subject(),
                &expected,
                field.node,
                TOP.example,
            ));
            None
        }
    }
}

/// `domain_sid` must be a domain prefix `S-1-5-21-a-b-c`, to which RIDs
/// such as 513 (Domain Users) are added.
fn domain_sid(field: Option<Field<'_>>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<Sid>> {
    let declared = values::sid(field, errors)?;
    let is_prefix = declared
        .value
        .with_rid(0)
        .is_some_and(|sid| sid.is_domain_relative());
    if is_prefix {
        return Some(declared);
    }
    errors.push(bad_domain_sid(&declared));
    None
}

fn bad_domain_sid(declared: &Spanned<Sid>) -> Diagnostic {
    let help = match declared.value.domain() {
        Some(domain) => format!("this is an account's SID; its domain is {domain}"),
        None => "a domain SID has the form S-1-5-21-<a>-<b>-<c>".to_owned(),
    };
    Diagnostic::new(
        Severity::Error,
        "expect::bad-domain-sid",
        format!("`{}` is not a domain SID (S-1-5-21-a-b-c)", declared.value),
        declared.span,
    )
    .with_label("not a domain SID")
    .with_help(help)
}

/// The domain of the first domain-relative SID declared for a group, a
/// domain account or a gMSA. A local account's SID has the machine's
/// prefix, not the domain's, so it is never used.
fn inferred_domain(groups: &[GroupDecl], accounts: &[AccountDecl]) -> Option<Spanned<Sid>> {
    let in_domain = |kind: AccountKind| matches!(kind, AccountKind::Domain | AccountKind::Gmsa);
    let group_sids = groups.iter().filter_map(|g| g.sid.as_ref());
    let account_sids = accounts
        .iter()
        .filter(|a| in_domain(a.kind))
        .filter_map(|a| a.sid.as_ref());
    group_sids
        .chain(account_sids)
        .filter_map(|sid| {
            sid.value
                .domain()
                .map(|domain| Spanned::new(domain, sid.span))
        })
        .min_by_key(|domain| domain.span.start)
}

fn no_accounts(file_name: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::no-accounts",
        format!("{file_name} declares no accounts"),
        span,
    )
    .with_label("no accounts")
    .with_help(format!(
        "add an `accounts:` list; an expectations file that checks nothing passes any template. For example:\n{}",
        TOP.example
    ))
}
