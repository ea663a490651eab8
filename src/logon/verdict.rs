//! Verdicts: can this account use this logon type, and why.

use serde::Serialize;

use super::directory::{Directory, Subject};
use super::token::{Origin, Token};
use crate::logon_type::LogonType;
use crate::policy::{ResolvedHolder, Resultant, ResultantRight, RightOrigin};
use crate::principal::PrincipalKey;
use crate::rights::{LogonEffect, RightInfo};
use crate::span::Span;

/// What Windows decides for one logon type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// A token SID holds the allow right and none the deny right.
    Allowed,
    /// A token SID holds the deny right; deny always wins.
    Denied,
    /// No token SID holds the allow right (error 1385).
    NotGranted,
}

impl Outcome {
    /// The word used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::Denied => "denied",
            Outcome::NotGranted => "not-granted",
        }
    }
}

/// Where the deciding right's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictSource {
    /// A template defines the right.
    Policy,
    /// No template defines it: the target's documented default.
    Default,
    /// Windows grants it by definition (SYSTEM, LOCAL SERVICE and NETWORK
    /// SERVICE log on as services without the right).
    Builtin,
}

impl VerdictSource {
    /// The word used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictSource::Policy => "policy",
            VerdictSource::Default => "default",
            VerdictSource::Builtin => "builtin",
        }
    }
}

/// One link of the chain through which an entry reached the account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainStep {
    /// The principal, by the name a user knows.
    pub principal: String,
    /// How it got into the token.
    pub origin: Origin,
}

/// The entry of the deciding right that holds one of the token's SIDs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matched {
    /// The entry as written.
    pub written: String,
    /// Where, when it comes from a template.
    pub span: Option<Span>,
    /// From the account to the entry's principal.
    pub via: Vec<ChainStep>,
}

impl Matched {
    /// `CONTOSO\svc_sql → Domain Users`.
    pub fn via_text(&self) -> String {
        let names: Vec<&str> = self.via.iter().map(|s| s.principal.as_str()).collect();
        names.join(" → ")
    }
}

/// The verdict for one account and one logon type, with its evidence.
#[derive(Clone, Debug)]
pub struct Verdict {
    /// The logon type.
    pub logon_type: LogonType,
    /// Allowed, denied or not granted.
    pub outcome: Outcome,
    /// Whether it rests on a template, a default, or Windows itself.
    pub source: VerdictSource,
    /// The right that decides: the deny right when denied, else the allow right.
    pub right: &'static RightInfo,
    /// The input that supplies the deciding right, if a template does.
    pub input: Option<usize>,
    /// The deciding right's key in that input.
    pub right_span: Option<Span>,
    /// The entry that matched, for allowed and denied.
    pub matched: Option<Matched>,
    /// For a right that is not granted: the latest earlier input whose
    /// list of the same right would have granted it, replaced by the winner.
    pub replaced: Option<Replaced>,
    /// For a right that is not granted: the `__Members` line that took
    /// away the membership through which it would have been granted.
    pub removed_by: Option<super::RemovedBy>,
}

/// An earlier input's grant that the winning input's list replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    /// Index of the earlier input.
    pub input: usize,
    /// Its entry that would have granted the logon, as written.
    pub written: String,
    /// Where that entry is.
    pub span: Span,
}

/// SYSTEM, LOCAL SERVICE, NETWORK SERVICE.
const BUILTIN_SERVICE_ACCOUNTS: [&str; 3] = ["S-1-5-18", "S-1-5-19", "S-1-5-20"];

/// Decides one logon type for one account.
pub fn decide(
    resultant: &Resultant<'_>,
    directory: &Directory,
    subject: &Subject,
    token: &Token,
    logon_type: LogonType,
) -> Option<Verdict> {
    let deny = resultant.right(LogonEffect::Deny(logon_type))?;
    let allow = resultant.right(LogonEffect::Allow(logon_type))?;
    if let Some(holder) = first_match(&deny.holders, directory, token) {
        return Some(verdict(
            logon_type,
            Outcome::Denied,
            deny,
            Some(matched(holder, directory, token)),
        ));
    }
    if logon_type == LogonType::Service && is_builtin_service_account(subject) {
        let mut v = verdict(logon_type, Outcome::Allowed, allow, None);
        v.source = VerdictSource::Builtin;
        return Some(v);
    }
    let found = first_match(&allow.holders, directory, token);
    let outcome = if found.is_some() {
        Outcome::Allowed
    } else {
        Outcome::NotGranted
    };
    let evidence = found.map(|holder| matched(holder, directory, token));
    let mut v = verdict(logon_type, outcome, allow, evidence);
    if outcome == Outcome::NotGranted {
        v.replaced = replaced_grant(resultant, allow, directory, token);
    }
    Some(v)
}

/// Precedence is where accounts silently lose rights: find the latest
/// overridden list that would have granted the logon.
fn replaced_grant(
    resultant: &Resultant<'_>,
    right: &ResultantRight<'_>,
    directory: &Directory,
    token: &Token,
) -> Option<Replaced> {
    let RightOrigin::Policy { overrides, .. } = &right.origin else {
        return None;
    };
    overrides.iter().rev().find_map(|&input| {
        let assignment = resultant
            .inputs
            .get(input)?
            .template
            .right(right.right.constant)?;
        let holders = crate::policy::resolve(&assignment.holders, directory.domain);
        let (holder, _) = first_match(&holders, directory, token)?;
        Some(Replaced {
            input,
            written: holder.written.clone(),
            span: holder.span?,
        })
    })
}

fn verdict(
    logon_type: LogonType,
    outcome: Outcome,
    right: &ResultantRight<'_>,
    matched: Option<Matched>,
) -> Verdict {
    let (source, right_span) = match &right.origin {
        RightOrigin::Policy { assignment, .. } => {
            (VerdictSource::Policy, Some(assignment.key_span))
        }
        RightOrigin::Default => (VerdictSource::Default, None),
    };
    Verdict {
        logon_type,
        outcome,
        source,
        right: right.right,
        input: right.input(),
        right_span,
        matched,
        replaced: None,
        removed_by: None,
    }
}

fn first_match<'h>(
    holders: &'h [ResolvedHolder],
    directory: &Directory,
    token: &Token,
) -> Option<(&'h ResolvedHolder, PrincipalKey)> {
    holders.iter().find_map(|holder| {
        let key = directory.canonical(&holder.key);
        token.contains(&key).then_some((holder, key))
    })
}

fn matched(
    found: (&ResolvedHolder, PrincipalKey),
    directory: &Directory,
    token: &Token,
) -> Matched {
    let (holder, key) = found;
    Matched {
        written: holder.written.clone(),
        span: holder.span,
        via: token
            .chain(&key)
            .into_iter()
            .map(|(key, origin)| ChainStep {
                principal: directory.display(&key),
                origin,
            })
            .collect(),
    }
}

fn is_builtin_service_account(subject: &Subject) -> bool {
    BUILTIN_SERVICE_ACCOUNTS
        .iter()
        .filter_map(|sid| PrincipalKey::well_known(sid))
        .any(|key| key == subject.key)
}
