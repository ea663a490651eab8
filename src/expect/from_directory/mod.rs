//! A directory export applied to the expectations: each declared account
//! the directory knows (by SID, else by name) is given what
//! `services.yaml` leaves out, so an account may be written with its
//! name and `logon` alone.
//!
//! - Values written in `services.yaml` win; a `member_of` list is
//!   extended, never replaced, as a membership the file forgot is still a
//!   membership.
//! - A filled-in value has the span of the account's name, so a finding
//!   about it still points at the account; [`crate::model::FactSource`]
//!   says where it was really read.
//! - The kind: a user is a `domain` account, a gMSA or sMSA `gmsa`, a
//!   computer `computer`.
//! - `pwdLastSet` 0 (must change at next logon) is left out, as no
//!   expiry day follows from it.
//! - The password policy is the PSO AD applies (lowest precedence, one
//!   on the account before one through a group); else the domain's,
//!   which becomes `domain_policy` when the file has none. A PSO
//!   declared on a group of `services.yaml` means the file's PSOs decide.
//! - A declared account of a domain the exports hold, which they lack,
//!   is an error with a did-you-mean.

mod facts;
mod groups;
mod hours;
mod known;
mod lookup;
mod member_of;
mod sources;
mod survey;

#[cfg(test)]
mod tests;

use std::sync::Arc;

pub use survey::survey_directory;

use facts::Fill;
use lookup::{Domains, Lookup};

use super::Expectations;
use crate::diagnostic::Diagnostic;
use crate::directory::{DirectoryIndex, Domain, Entry, Export};
use crate::model::{DomainPolicyDecl, PasswordPolicyDecl};
use crate::span::{Span, Spanned};

/// Fills `expect` from `index`. The errors point into services.yaml;
/// when there are any, `expect` is not to be used.
pub fn apply_directory(expect: &mut Expectations, index: &DirectoryIndex) -> Vec<Diagnostic> {
    let domains = Domains::new(index);
    let mut errors = Vec::new();
    let mut found = Vec::new();
    for (at, account) in expect.accounts.iter().enumerate() {
        match lookup::entry_of(account, index, &domains) {
            Lookup::Found(entry) => found.push((at, entry)),
            Lookup::Missing => errors.push(lookup::not_in_directory(account, index)),
            Lookup::Elsewhere => {}
        }
    }
    let with = Fill {
        index,
        psos_by_hand: expect.groups.iter().any(|g| g.password_policy.is_some()),
        domain_policy_declared: expect.domain_policy.is_some(),
    };
    let mut governed = Vec::new();
    for &(at, entry) in &found {
        let Some(account) = expect.accounts.get_mut(at) else {
            continue;
        };
        if let Some(domain) = facts::fill(account, entry, with) {
            governed.push((at, domain));
        }
    }
    domain_policy(expect, &governed);
    let accounts: Vec<(Entry<'_>, Span)> = found
        .iter()
        .filter_map(|&(at, entry)| Some((entry, expect.accounts.get(at)?.name.span)))
        .collect();
    let seeds = groups::seeds(index, &accounts, &expect.groups);
    groups::add(&mut expect.groups, index, seeds);
    if expect.domain_sid.is_none() {
        expect.domain_sid = domain_sid(index, &accounts);
    }
    expect.known = Arc::new(known::principals(index));
    errors
}

/// The domain's SID: that of the first declared account's domain, else
/// of the first domain of the exports; with the span of that account's
/// name (or none, when no account was found).
fn domain_sid(
    index: &DirectoryIndex,
    accounts: &[(Entry<'_>, Span)],
) -> Option<Spanned<crate::principal::Sid>> {
    let of_account = accounts.iter().find_map(|&(entry, at)| {
        let sid = index.domain_of(entry).and_then(|(d, _)| d.sid)?;
        Some(Spanned::new(sid, at))
    });
    let at = accounts.first().map_or(Span::default(), |&(_, at)| at);
    let first = index.exports().iter().flat_map(|e| &e.domains);
    of_account.or_else(|| {
        first
            .filter_map(|d| d.sid)
            .next()
            .map(|sid| Spanned::new(sid, at))
    })
}

/// The domain policy the first account governed by its domain's own
/// policy has, as `domain_policy`; an account of another domain with
/// other values is given them as its own.
fn domain_policy(expect: &mut Expectations, governed: &[(usize, (&Domain, &Export))]) {
    let Some(&(first_at, (first, _))) = governed.first() else {
        return;
    };
    let values = |domain: &Domain, at: Span| {
        Some(PasswordPolicyDecl {
            max_password_age_days: Spanned::new(domain.max_password_age_days?, at),
            lockout_threshold: Spanned::new(domain.lockout_threshold?, at),
            span: at,
        })
    };
    let Some(at) = expect.accounts.get(first_at).map(|a| a.name.span) else {
        return;
    };
    expect.domain_policy = values(first, at).map(DomainPolicyDecl::Values);
    for &(at, (domain, _)) in governed {
        let Some(account) = expect.accounts.get_mut(at) else {
            continue;
        };
        let same = domain.max_password_age_days == first.max_password_age_days
            && domain.lockout_threshold == first.lockout_threshold;
        if !same {
            account.facts.password_policy = values(domain, account.name.span);
        }
    }
}
