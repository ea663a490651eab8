//! One item of `groups:` typed as a [`GroupDecl`].

use super::account_name::missing_name;
use super::fields::{Fields, Shape};
use super::model::GroupDecl;
use super::names::{sid_mismatch, unknown_builtin};
use super::password_policy::{PSO_LIMITS, password_policy};
use super::values;
use crate::diagnostic::Diagnostic;
use crate::yaml::Node;

/// `description` is accepted so a file can document its groups, but it is
/// not kept: messages name groups by name.
const GROUP: Shape = Shape {
    what: "a group",
    of: "of a group",
    allowed: &["name", "sid", "member_of", "password_policy", "description"],
    example: "- name: CONTOSO\\SQL Admins\n    member_of: [BUILTIN\\Administrators]",
};

/// Types one group item, pushing every problem to `errors`; `None` when
/// it is too broken to stand for a group.
pub(super) fn group(node: &Node, errors: &mut Vec<Diagnostic>) -> Option<GroupDecl> {
    let fields = Fields::read(node, &GROUP, errors)?;
    let name = match fields.get("name") {
        Some(field) => values::text(field, errors),
        None => {
            errors.push(missing_name(
                "a group",
                node.span,
                "`name: CONTOSO\\SQL Admins`",
            ));
            None
        }
    };
    let sid = values::sid(fields.get("sid"), errors);
    let member_of = values::names(fields.get("member_of"), errors);
    let password_policy = password_policy(fields.get("password_policy"), PSO_LIMITS, errors);
    values::optional_text(fields.get("description"), errors);
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
        span: node.span,
    })
}
