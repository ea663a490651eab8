//! One item of `waivers:` typed as a [`WaiverDecl`].

use super::fields::{Fields, Shape};
use super::logon::logon_type;
use super::model::WaiverDecl;
use super::names::unknown_builtin;
use super::scope_refs::ScopeNames;
use super::values;
use super::waiver_fields::{expires, reason, rule};
use crate::diagnostic::Diagnostic;
use crate::yaml::Node;

const WAIVER: Shape = Shape {
    what: "a waiver",
    of: "of a waiver",
    allowed: &[
        "rule", "account", "logon", "scope", "file", "reason", "expires",
    ],
    example: "- rule: GPL101\n    account: CONTOSO\\svc_legacy\n    reason: moving to a gMSA, change 1234\n    expires: 2027-03-31",
};

/// Types one waiver item, pushing every problem to `errors`; `None` when
/// it lacks a rule, a reason or an expiry date. Its `scope` must be one
/// of `scopes`; it is checked here so that a waiver left out for another
/// problem still has it reported.
pub(super) fn waiver(
    node: &Node,
    scopes: &ScopeNames<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<WaiverDecl> {
    let fields = Fields::read(node, &WAIVER, errors)?;
    let rule = rule(fields.get("rule"), node.span, errors);
    let account = values::optional_text(fields.get("account"), errors);
    let logon = logon_type(fields.get("logon"), errors);
    let scope = values::optional_text(fields.get("scope"), errors);
    let file = values::optional_text(fields.get("file"), errors);
    let reason = reason(fields.get("reason"), node.span, errors);
    let expires = expires(fields.get("expires"), node.span, errors);
    errors.extend(account.as_ref().and_then(unknown_builtin));
    errors.extend(scope.as_ref().and_then(|s| scopes.check(s)));
    Some(WaiverDecl {
        rule: rule?,
        account,
        logon,
        scope,
        file,
        reason: reason?,
        expires: expires?,
        span: node.span,
    })
}
