//! One item of `scopes:` checked and made a [`ScopeDecl`], and the rule
//! that no two scopes share a name.

use std::collections::HashMap;

use super::document::Scope;
use super::gpos::gpos;
use super::text::{clean, texts, trimmed};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{ScopeDecl, Target, fold};
use crate::span::Spanned;

/// Checks one scope, pushing every problem to `errors`; `None` when its
/// name is blank. A scope whose `gpos` are wrong is still returned, so
/// references to it are not reported as unknown too. `description` is
/// accepted so a file can document its scopes, but it is not kept.
pub(super) fn scope(
    item: &Spanned<Scope>,
    default_target: Target,
    errors: &mut Vec<Diagnostic>,
) -> Option<ScopeDecl> {
    let scope = &item.value;
    let name = clean(&scope.name, "`name`", errors);
    let target = scope.target.given();
    let gpos = gpos(&scope.gpos, item.span, errors);
    let hosts = texts(&scope.hosts, "hosts", errors);
    if let Some(description) = scope.description.given() {
        trimmed(description, "`description`", errors);
    }
    Some(ScopeDecl {
        name: name?,
        target: target.map_or(default_target, |t| t.value.0),
        target_span: target.map(|t| t.span),
        gpos,
        hosts,
        nla: scope.nla.given().cloned(),
        span: item.span,
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
        Code::ExpectDuplicateScope,
        format!("the scope `{}` is declared twice", again.name.value),
        again.name.span,
    )
    .with_label("declared again here")
    .with_secondary(first.name.span, "first declared here")
    .with_help("give each scope its own name, or merge their `gpos`")
}
