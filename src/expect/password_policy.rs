//! Password and lockout policies written in the expectations file: the
//! domain's, under `domain_policy:` (values, or the GPOs linked at the
//! domain root), and a fine-grained password policy (a PSO) under an
//! account's or a group's `password_policy:`. The types require both
//! values; here they must be within what Windows can hold.
//!
//! Windows applies password and lockout policy to domain accounts only
//! from the domain root or a PSO, never from a GPO linked below
//! (windows-logon-facts.md §9 item 6); what these declarations mean for a
//! logon is decided in [`crate::restriction`].

use super::document::{PasswordPolicy, Texts};
use super::gpos::listed;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{DomainPolicyDecl, PasswordPolicyDecl};
use crate::span::{Span, Spanned};
use crate::yaml::ListOrMap;

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

const DOMAIN_EXAMPLE: &str = "domain_policy: [Default Domain Policy], or domain_policy: {max_password_age_days: 60, lockout_threshold: 0}";

/// `domain_policy`: a list of GPOs, or the two values.
pub(super) fn domain_policy(
    written: &Spanned<ListOrMap<Texts, PasswordPolicy>>,
    errors: &mut Vec<Diagnostic>,
) -> Option<DomainPolicyDecl> {
    let list = match &written.value {
        ListOrMap::Map(values) => {
            let values = Spanned::new(values, written.span);
            return policy(values, DOMAIN_LIMITS, errors).map(DomainPolicyDecl::Values);
        }
        ListOrMap::List(list) => list,
    };
    let before = errors.len();
    let gpos = listed(list, "domain_policy", "`domain_policy`", errors);
    if gpos.is_empty() {
        if list.0.complete && errors.len() == before {
            errors.push(no_domain_gpos(written.span));
        }
        return None;
    }
    Some(DomainPolicyDecl::Gpos(gpos))
}

/// Both values of a policy, each within `limits`.
pub(super) fn policy(
    written: Spanned<&PasswordPolicy>,
    limits: Limits,
    errors: &mut Vec<Diagnostic>,
) -> Option<PasswordPolicyDecl> {
    let age = &written.value.max_password_age_days;
    let lockout = &written.value.lockout_threshold;
    let age_ok = within(age, limits.max_age, Key::Age, limits, errors);
    let lockout_ok = within(lockout, limits.max_lockout, Key::Lockout, limits, errors);
    (age_ok && lockout_ok).then(|| PasswordPolicyDecl {
        max_password_age_days: age.clone(),
        lockout_threshold: lockout.clone(),
        span: written.span,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Age,
    Lockout,
}

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::Age => "max_password_age_days",
            Key::Lockout => "lockout_threshold",
        }
    }
}

/// Whether `value` is a whole number from 0 to `max`; an error if not.
fn within(
    value: &Spanned<i64>,
    max: u32,
    key: Key,
    limits: Limits,
    errors: &mut Vec<Diagnostic>,
) -> bool {
    if (0..=i64::from(max)).contains(&value.value) {
        return true;
    }
    errors.push(bad_number(value, key, limits));
    false
}

fn bad_number(value: &Spanned<i64>, key: Key, limits: Limits) -> Diagnostic {
    let meaning = match key {
        Key::Age => format!(
            "a whole number of days from 0 to {} (0: passwords never expire)",
            thousands(limits.max_age)
        ),
        Key::Lockout => format!(
            "a whole number of bad passwords from 0 to {} (0: the account never locks)",
            thousands(limits.max_lockout)
        ),
    };
    let label = if value.value > 0 {
        limits.past
    } else {
        "not a whole number"
    };
    Diagnostic::new(
        Code::ExpectBadPolicyValue,
        format!("`{}` is {meaning}, not `{}`", key.name(), value.value),
        value.span,
    )
    .with_label(label)
    .with_help(format!(
        "write it as the policy shows it, e.g. {}: {}",
        key.name(),
        if key == Key::Age { 60 } else { 5 }
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

fn no_domain_gpos(span: Span) -> Diagnostic {
    Diagnostic::new(Code::ExpectDomainPolicyWithoutGpos,
        "`domain_policy` names no GPO and no values",
        span,
    )
    .with_label("empty")
    .with_help(format!(
        "list the GPOs linked at the domain root, lowest precedence first, or write the values: {DOMAIN_EXAMPLE}; or remove the line, and domain accounts follow the Default Domain Policy when it is among the inputs"
    ))
}
