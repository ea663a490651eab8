//! What the types of [`super::document`] cannot say, checked across the
//! whole file, and the file made the model's [`Expectations`]: texts that
//! are not blank, SIDs that parse and agree with names, scopes that are
//! declared, no principal declared twice, loops of groups (a warning).

use super::account::account;
use super::checks::cross_check;
use super::document::{Document, Placed, TOP_EXAMPLE};
use super::expectations::Expectations;
use super::group::group;
use super::password_policy::domain_policy;
use super::rule_levels::rule_levels;
use super::scope::{check_unique, scope};
use super::scope_refs::ScopeNames;
use super::text::{clean, sid, texts};
use super::tree::Tree;
use super::waiver::waiver;
use super::waiver_accounts;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{AccountDecl, GroupDecl, Target};
use crate::principal::Sid;
use crate::span::{Span, Spanned};
use crate::yaml::{Field, List};

/// Checks the typed document, pushing every problem to `errors`. What
/// could not be read is left out of the result.
pub(super) fn expectations(
    file_name: &str,
    doc: &Document,
    tree: Tree<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Expectations {
    let mut out = Expectations::empty();
    let target = doc.target.given();
    out.target = target.map_or(Target::default(), |t| t.value.0);
    out.target_span = target.map(|t| t.span);
    let declared_domain = doc.domain_sid.given().and_then(|s| domain_sid(s, errors));
    out.nla = doc.nla.given().cloned();
    out.directories = texts(&doc.directory, "directory", errors);
    let domain_name = doc.domain_name.given();
    out.domain_name = domain_name.and_then(|n| clean(n, "`domain_name`", errors));
    out.domain_policy = doc
        .domain_policy
        .given()
        .and_then(|p| domain_policy(p, errors));
    let top_target = out.target;
    out.scopes = each(&doc.scopes, |item| scope(item, top_target, errors));
    check_unique(&out.scopes, errors);
    out.groups = each(&doc.groups, |item| group(item, errors));
    let scopes = ScopeNames::new(&out.scopes);
    if let Some(at) = lists_nothing(&doc.accounts) {
        errors.push(no_accounts(file_name, at));
    }
    let declared = declared_domain.as_ref();
    let accounts = doc.accounts.value.given();
    out.accounts = accounts.map_or_else(Vec::new, |list| {
        let read = |item| account(item, declared, &scopes, tree, errors);
        list.items.iter().filter_map(read).collect()
    });
    out.waivers = each(&doc.waivers, |item| waiver(item, &scopes, errors));
    out.rule_levels = doc
        .rules
        .given()
        .map_or_else(Vec::new, |levels| rule_levels(levels, errors));
    let undeclared = waiver_accounts::check(&out.accounts, &out.waivers);
    out.warnings.extend(undeclared);
    drop(scopes);
    out.domain_sid = declared_domain.or_else(|| inferred_domain(&out.groups, &out.accounts));
    cross_check(&out.groups, &out.accounts, errors, &mut out.warnings);
    out
}

/// Each item of a top-level list that could be read, made a `T` by `read`.
fn each<I, T>(list: &Field<List<I>>, read: impl FnMut(&I) -> Option<T>) -> Vec<T> {
    list.given().map_or_else(Vec::new, |list| {
        list.items.iter().filter_map(read).collect()
    })
}

/// Where to say that the file declares no accounts, when it does not:
/// `accounts` missing, empty or an empty list. A value of the wrong
/// shape, or items that could not be read, have their own errors.
fn lists_nothing<T>(accounts: &Placed<List<T>>) -> Option<Span> {
    match &accounts.value {
        Field::Absent => Some(accounts.span),
        Field::Given(list) if list.items.is_empty() && list.complete => Some(accounts.span),
        _ => None,
    }
}

/// `domain_sid` must be a domain prefix `S-1-5-21-a-b-c`, to which RIDs
/// such as 513 (Domain Users) are added.
fn domain_sid(written: &Spanned<String>, errors: &mut Vec<Diagnostic>) -> Option<Spanned<Sid>> {
    let declared = sid(written, "`domain_sid`", errors)?;
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
        Code::ExpectBadDomainSid,
        format!("`{}` is not a domain SID (S-1-5-21-a-b-c)", declared.value),
        declared.span,
    )
    .with_label("not a domain SID")
    .with_help(help)
}

/// The domain of the first domain-relative SID declared for a group, a
/// domain account, a gMSA or a computer. A local account's SID has the machine's
/// prefix, not the domain's, so it is never used.
fn inferred_domain(groups: &[GroupDecl], accounts: &[AccountDecl]) -> Option<Spanned<Sid>> {
    let group_sids = groups.iter().filter_map(|g| g.sid.as_ref());
    let account_sids = accounts
        .iter()
        .filter(|a| a.kind.in_domain())
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

/// An empty file, or one without accounts, checks nothing.
pub(super) fn no_accounts(file_name: &str, span: Span) -> Diagnostic {
    Diagnostic::new(Code::ExpectNoAccounts,
        format!("{file_name} declares no accounts"),
        span,
    )
    .with_label("no accounts")
    .with_help(format!(
        "add an `accounts:` list; an expectations file that checks nothing passes any template. For example:\n{TOP_EXAMPLE}"
    ))
}
