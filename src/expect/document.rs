//! The top level of an expectations file.

use super::account::account;
use super::checks::cross_check;
use super::fields::{Field, Fields, Shape};
use super::group::group;
use super::model::{AccountDecl, Expectations, GroupDecl, Spanned};
use super::shape::wrong_shape;
use super::{AccountKind, Target, values};
use crate::diagnostic::{Diagnostic, Severity};
use crate::principal::Sid;
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::yaml::{Node, NodeKind};

const TOP: Shape = Shape {
    what: "an expectations file",
    of: "at the top level",
    allowed: &["target", "domain_sid", "groups", "accounts"],
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
        groups: Vec::new(),
        accounts: Vec::new(),
    };
    let Some(root) = root else {
        errors.push(no_accounts(file_name, Span::default()));
        return out;
    };
    let Some(fields) = Fields::read(root, &TOP, errors) else {
        return out;
    };
    (out.target, out.target_span) = target(fields.get("target"), errors);
    let declared_domain = domain_sid(fields.get("domain_sid"), errors);
    let declared = declared_domain.as_ref().map(|d| &d.value);
    let group_items = list(fields.get("groups"), "a list of groups", errors).unwrap_or_default();
    out.groups = group_items
        .iter()
        .filter_map(|node| group(node, errors))
        .collect();
    let account_items = list(fields.get("accounts"), "a list of accounts", errors);
    if account_items.as_ref().is_some_and(Vec::is_empty) {
        let at = fields
            .get("accounts")
            .map_or(Span::default(), |field| field.span());
        errors.push(no_accounts(file_name, at));
    }
    let account_items = account_items.unwrap_or_default();
    out.accounts = account_items
        .iter()
        .filter_map(|node| account(node, declared, errors))
        .collect();
    out.domain_sid = declared_domain.or_else(|| inferred_domain(&out.groups, &out.accounts));
    cross_check(&out.groups, &out.accounts, errors);
    out
}

/// The items of `groups` or `accounts`; nothing written is no items.
/// `None` (with an error) when the value is not a list.
fn list<'n>(
    field: Option<Field<'n>>,
    expected: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<&'n Node>> {
    let Some(field) = field.filter(|field| !field.node.is_null()) else {
        return Some(Vec::new());
    };
    match &field.node.kind {
        NodeKind::Seq(items) => Some(items.iter().collect()),
        _ => {
            errors.push(wrong_shape(
                &field.subject(),
                expected,
                field.node,
                TOP.example,
            ));
            None
        }
    }
}

fn target(field: Option<Field<'_>>, errors: &mut Vec<Diagnostic>) -> (Target, Option<Span>) {
    let Some(written) = values::optional_text(field, errors) else {
        return (Target::default(), None);
    };
    match Target::parse(&written.value) {
        Some(target) => (target, Some(written.span)),
        None => {
            errors.push(unknown_target(&written));
            (Target::default(), Some(written.span))
        }
    }
}

fn unknown_target(written: &Spanned<String>) -> Diagnostic {
    let names = Target::ALL.map(Target::as_str);
    let all = names.join(", ");
    let help = match did_you_mean(&written.value, names) {
        Some(near) => format!("did you mean `{near}`? The targets are: {all}"),
        None => format!("the targets are: {all}"),
    };
    Diagnostic::new(
        Severity::Error,
        "expect::unknown-target",
        format!("`{}` is not a target", written.value),
        written.span,
    )
    .with_label("unknown target")
    .with_help(help)
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
