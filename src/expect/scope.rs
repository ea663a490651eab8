//! One item of `scopes:` typed as a [`ScopeDecl`], and the rule that no
//! two scopes share a name.

use std::collections::HashMap;

use super::account_name::missing_name;
use super::fields::{Fields, Shape};
use super::gpos::gpos;
use super::model::{ScopeDecl, fold};
use super::target_field::target;
use super::values;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Target;
use crate::yaml::Node;

/// `description` is accepted so a file can document its scopes, but it is
/// not kept: messages name scopes by name.
const SCOPE: Shape = Shape {
    what: "a scope",
    of: "of a scope",
    allowed: &["name", "target", "gpos", "hosts", "nla", "description"],
    example: "- name: sql-servers\n    gpos: [Default Domain Policy, SQL Servers - Hardening]",
};

/// Types one scope item, pushing every problem to `errors`; `None` when
/// it has no name. A scope whose `gpos` are wrong is still returned, so
/// references to it are not reported as unknown too.
pub(super) fn scope(
    node: &Node,
    default_target: Target,
    errors: &mut Vec<Diagnostic>,
) -> Option<ScopeDecl> {
    let fields = Fields::read(node, &SCOPE, errors)?;
    let name = match fields.get("name") {
        Some(field) => values::text(field, errors),
        None => {
            errors.push(missing_name("a scope", node.span, "`name: sql-servers`"));
            None
        }
    };
    let (target, target_span) = target(fields.get("target"), default_target, errors);
    let gpos = gpos(fields.get("gpos"), node.span, errors);
    let hosts = values::texts(fields.get("hosts"), "hosts: [SQL01, SQL02]", errors);
    let nla = values::flag(fields.get("nla"), errors);
    values::optional_text(fields.get("description"), errors);
    Some(ScopeDecl {
        name: name?,
        target,
        target_span,
        gpos,
        hosts,
        nla,
        span: node.span,
    })
}

/// Errors for scopes that share a name, at each later one.
pub(super) fn check_unique(scopes: &[ScopeDecl], errors: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, &ScopeDecl> = HashMap::new();
    for scope in scopes {
        let key = fold(&scope.name.value);
        match first.get(&key) {
            Some(earlier) => errors.push(repeated_scope(earlier, scope)),
            None => {
                first.insert(key, scope);
            }
        }
    }
}

fn repeated_scope(first: &ScopeDecl, again: &ScopeDecl) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::duplicate-scope",
        format!("the scope `{}` is declared twice", again.name.value),
        again.name.span,
    )
    .with_label("declared again here")
    .with_secondary(first.name.span, "first declared here")
    .with_help("give each scope its own name, or merge their `gpos`")
}
