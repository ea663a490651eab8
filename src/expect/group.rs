//! One item of `groups:` checked and made a [`GroupDecl`].

use super::document::Group;
use super::names::{sid_mismatch, unknown_builtin};
use super::password_policy::{PSO_LIMITS, policy};
use super::text::{clean, names, sid, trimmed};
use crate::diagnostic::Diagnostic;
use crate::model::GroupDecl;
use crate::span::Spanned;

/// Checks one group, pushing every problem to `errors`; `None` when its
/// name is blank. `description` is accepted so a file can document its
/// groups, but it is not kept: messages name groups by name.
pub(super) fn group(item: &Spanned<Group>, errors: &mut Vec<Diagnostic>) -> Option<GroupDecl> {
    let group = &item.value;
    let name = clean(&group.name, "`name`", errors);
    let sid = group.sid.given().and_then(|s| sid(s, "`sid`", errors));
    let member_of = names(&group.member_of, errors);
    let password_policy = group
        .password_policy
        .given()
        .and_then(|p| policy(Spanned::new(&p.value, p.span), PSO_LIMITS, errors));
    if let Some(description) = group.description.given() {
        trimmed(description, "`description`", errors);
    }
    let name = name?;
    errors.extend(unknown_builtin(&name));
    errors.extend(member_of.iter().filter_map(unknown_builtin));
    if let Some(sid) = &sid {
        errors.extend(sid_mismatch(&name, sid));
    }
    Some(GroupDecl {
        name,
        sid,
        member_of,
        password_policy,
        span: item.span,
    })
}
