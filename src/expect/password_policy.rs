//! Password and lockout policies written in the expectations file: the
//! domain's, under `domain_policy:` (values, or the GPOs linked at the
//! domain root), and a fine-grained password policy (a PSO) under an
//! account's or a group's `password_policy:`.
//!
//! Windows applies password and lockout policy to domain accounts only
//! from the domain root or a PSO, never from a GPO linked below
//! (windows-logon-facts.md §9 item 6); what these declarations mean for a
//! logon is decided in [`crate::restriction`].

use serde::Serialize;

use super::fields::{Field, Fields, Shape};
use super::gpos::{listed, unquoted_guid, unquoted_guid_error};
use super::values;
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::{Span, Spanned};
use crate::yaml::NodeKind;

/// A password and lockout policy written in `services.yaml`: both values,
/// as a PSO (`msDS-PasswordSettings`) always carries both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PasswordPolicyDecl {
    /// `max_password_age_days`: days until a password expires; 0: never.
    pub max_password_age_days: Spanned<i64>,
    /// `lockout_threshold`: bad passwords before lockout; 0: never locks.
    pub lockout_threshold: Spanned<i64>,
    /// The whole mapping.
    pub span: Span,
}

/// `domain_policy:`, where domain accounts take their password and
/// lockout policy from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DomainPolicyDecl {
    /// The GPOs linked at the domain root, lowest precedence first, each a
    /// display name, GUID or path as written; never empty, no entry twice.
    Gpos(Vec<Spanned<String>>),
    /// The values themselves.
    Values(PasswordPolicyDecl),
}

const KEYS: [&str; 2] = ["max_password_age_days", "lockout_threshold"];

/// The largest values a policy may hold, which differ between the
/// domain's policy and a PSO.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Limits {
    /// Days of `max_password_age_days`.
    max_age: u32,
    /// Bad passwords of `lockout_threshold`.
    max_lockout: u32,
    /// The label of a value past them.
    past: &'static str,
}

/// The domain's policy is the "Maximum password age" and "Account
/// lockout threshold" settings of a GPO: 0 to 999 each
/// (windows-itpro-docs `maximum-password-age.md`,
/// `account-lockout-threshold.md`).
pub(super) const DOMAIN_LIMITS: Limits = Limits {
    max_age: 999,
    max_lockout: 999,
    past: "more than the Group Policy setting allows",
};

/// A PSO holds `msDS-LockoutThreshold` (0 to 65,535, its schema's range)
/// and `msDS-MaximumPasswordAge`, a 64-bit count of 100-nanosecond
/// intervals: at most 10,675,199 whole days.
pub(super) const PSO_LIMITS: Limits = Limits {
    max_age: 10_675_199,
    max_lockout: 65_535,
    past: "more than a fine-grained password policy can hold",
};

const POLICY: Shape = Shape {
    what: "a password policy",
    of: "of a password policy",
    allowed: &KEYS,
    example: "{max_password_age_days: 60, lockout_threshold: 0}",
};

const DOMAIN_EXAMPLE: &str = "domain_policy: [Default Domain Policy], or domain_policy: {max_password_age_days: 60, lockout_threshold: 0}";

/// Reads `domain_policy`: a list of GPOs (a single one is a one-item
/// list), or a mapping of the two values. Nothing written is `None`.
pub(super) fn domain_policy(
    field: Option<Field<'_>>,
    errors: &mut Vec<Diagnostic>,
) -> Option<DomainPolicyDecl> {
    let field = field.filter(|field| !field.node.is_null())?;
    if let Some(guid) = unquoted_guid(field.node) {
        errors.push(unquoted_guid_error(guid, field.node.span));
        return None;
    }
    if matches!(field.node.kind, NodeKind::Map(_)) {
        return password_policy(Some(field), DOMAIN_LIMITS, errors).map(DomainPolicyDecl::Values);
    }
    let before = errors.len();
    let gpos = listed(Some(field), DOMAIN_EXAMPLE, "`domain_policy`", errors);
    if gpos.is_empty() {
        if errors.len() == before {
            errors.push(no_domain_gpos(field.span()));
        }
        return None;
    }
    Some(DomainPolicyDecl::Gpos(gpos))
}

/// Reads a mapping of `max_password_age_days` and `lockout_threshold`,
/// both required and within `limits`. Nothing written is `None`.
pub(super) fn password_policy(
    field: Option<Field<'_>>,
    limits: Limits,
    errors: &mut Vec<Diagnostic>,
) -> Option<PasswordPolicyDecl> {
    let field = field.filter(|field| !field.node.is_null())?;
    let fields = Fields::read(field.node, &POLICY, errors)?;
    let mut missing = Vec::new();
    let mut read = |key: &'static str, errors: &mut Vec<Diagnostic>| {
        let Some(value) = fields.get(key) else {
            missing.push(key);
            return None;
        };
        number(value, limits, errors)
    };
    let age = read(KEYS[0], errors);
    let lockout = read(KEYS[1], errors);
    if !missing.is_empty() {
        errors.push(incomplete(&field, &missing));
    }
    Some(PasswordPolicyDecl {
        max_password_age_days: age?,
        lockout_threshold: lockout?,
        span: field.node.span,
    })
}

/// A whole number from 0 to the key's limit: days or bad passwords.
fn number(field: Field<'_>, limits: Limits, errors: &mut Vec<Diagnostic>) -> Option<Spanned<i64>> {
    let written = values::text(field, errors)?;
    let max = if field.name == KEYS[0] {
        limits.max_age
    } else {
        limits.max_lockout
    };
    let parsed = written.value.parse::<u64>();
    let within = parsed
        .as_ref()
        .ok()
        .and_then(|&n| u32::try_from(n).ok())
        .filter(|&n| n <= max);
    match within {
        Some(n) => Some(Spanned::new(i64::from(n), written.span)),
        None => {
            errors.push(bad_number(&field, &written, limits, parsed.is_ok()));
            None
        }
    }
}

fn bad_number(
    field: &Field<'_>,
    written: &Spanned<String>,
    limits: Limits,
    too_large: bool,
) -> Diagnostic {
    let meaning = if field.name == KEYS[0] {
        format!(
            "a whole number of days from 0 to {} (0: passwords never expire)",
            thousands(limits.max_age)
        )
    } else {
        format!(
            "a whole number of bad passwords from 0 to {} (0: the account never locks)",
            thousands(limits.max_lockout)
        )
    };
    let label = if too_large {
        limits.past
    } else {
        "not a whole number"
    };
    Diagnostic::new(
        Severity::Error,
        "expect::bad-policy-value",
        format!("{} is {meaning}, not `{}`", field.subject(), written.value),
        written.span,
    )
    .with_label(label)
    .with_help(format!(
        "write it as the policy shows it, e.g. {}: {}",
        field.name,
        if field.name == KEYS[0] { 60 } else { 5 }
    ))
}

/// `10675199` as `10,675,199`.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn incomplete(field: &Field<'_>, missing: &[&str]) -> Diagnostic {
    let names: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
    Diagnostic::new(
        Severity::Error,
        "expect::incomplete-password-policy",
        format!(
            "{} lacks {}: a password policy sets both `max_password_age_days` and `lockout_threshold`",
            field.subject(),
            names.join(" and ")
        ),
        field.span(),
    )
    .with_label(format!("no {}", names.join(" or ")))
    .with_help(format!(
        "write both, 0 for none (never expires, never locks): {}: {}",
        field.name, POLICY.example
    ))
}

fn no_domain_gpos(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::domain-policy-without-gpos",
        "`domain_policy` names no GPO and no values",
        span,
    )
    .with_label("empty")
    .with_help(format!(
        "list the GPOs linked at the domain root, lowest precedence first, or write the values: {DOMAIN_EXAMPLE}; or remove the line, and domain accounts follow the Default Domain Policy when it is among the inputs"
    ))
}
