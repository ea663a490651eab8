//! Verdicts: can this account use this logon type, and why.

use serde::Serialize;

use super::directory::{Directory, Subject};
use super::holders::ChainLists;
use super::token::{Origin, Token};
use crate::logon_type::LogonType;
use crate::policy::{ResolvedHolder, ResultantRight, RightOrigin};
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
    /// Windows logs the account on by definition, whatever the lists say:
    /// SYSTEM for every logon type; LOCAL SERVICE and NETWORK SERVICE as
    /// services and scheduled tasks.
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
    /// From the account to the entry's principal; a long path keeps its
    /// first step and its last ones, with one step saying how many were
    /// left out between them.
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
    /// For Remote Desktop under Network Level Authentication: the network
    /// logon that NLA performs first refused it, so `right` and the
    /// evidence are the network rights'.
    pub network_first: bool,
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

/// SYSTEM: logs on as every logon type by definition.
const SYSTEM: &str = "S-1-5-18";
/// LOCAL SERVICE and NETWORK SERVICE: log on as services by definition.
const SERVICE_ACCOUNTS: [&str; 2] = ["S-1-5-19", "S-1-5-20"];

/// Decides one logon type for one account, with the chain's lists indexed
/// once for every account.
pub fn decide(
    lists: &ChainLists<'_>,
    directory: &Directory,
    subject: &Subject,
    token: &Token,
    logon_type: LogonType,
) -> Option<Verdict> {
    let (deny, deny_list) = lists.right(LogonEffect::Deny(logon_type))?;
    let (allow, allow_list) = lists.right(LogonEffect::Allow(logon_type))?;
    if logs_on_by_definition(subject, logon_type) {
        let mut v = verdict(logon_type, Outcome::Allowed, allow, None);
        v.source = VerdictSource::Builtin;
        v.input = None;
        v.right_span = None;
        return Some(v);
    }
    if let Some(holder) = deny_list.first_match(token) {
        return Some(verdict(
            logon_type,
            Outcome::Denied,
            deny,
            Some(matched(holder, directory, token)),
        ));
    }
    let found = allow_list.first_match(token);
    let outcome = if found.is_some() {
        Outcome::Allowed
    } else {
        Outcome::NotGranted
    };
    let evidence = found.map(|holder| matched(holder, directory, token));
    let mut v = verdict(logon_type, outcome, allow, evidence);
    if outcome == Outcome::NotGranted {
        v.replaced = replaced_grant(lists, logon_type, token);
    }
    Some(v)
}

/// Precedence is where accounts silently lose rights: find the latest
/// overridden list that would have granted the logon.
fn replaced_grant(
    lists: &ChainLists<'_>,
    logon_type: LogonType,
    token: &Token,
) -> Option<Replaced> {
    lists
        .replaced(LogonEffect::Allow(logon_type))
        .iter()
        .find_map(|replaced| {
            let (holder, _) = replaced.list().first_match(token)?;
            Some(Replaced {
                input: replaced.input,
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
        network_first: false,
        removed_by: None,
    }
}

fn matched(
    found: (&ResolvedHolder, PrincipalKey),
    directory: &Directory,
    token: &Token,
) -> Matched {
    let (holder, key) = found;
    let (chain, left_out) = token.chain_within(&key);
    let mut via: Vec<ChainStep> = chain
        .into_iter()
        .map(|(key, origin)| ChainStep {
            principal: directory.display(&key),
            origin,
        })
        .collect();
    if left_out > 0 && !via.is_empty() {
        // The first step, then the last ones: say how many groups between.
        let gap = ChainStep {
            principal: format!("… {left_out} more …"),
            origin: Origin::Computed("steps left out"),
        };
        via.insert(1, gap);
    }
    Matched {
        written: holder.written.clone(),
        span: holder.span,
        via,
    }
}

/// The logon sessions of SYSTEM, LOCAL SERVICE and NETWORK SERVICE are
/// made by Windows itself, not through the rights check, so no list
/// (allow or deny) applies to them (`windows-logon-facts.md` §9 item 1).
/// Task Scheduler starts a task of any of the three as a service-account
/// logon, so batch is theirs too. Virtual accounts, gMSAs and every other
/// account stay subject to the lists.
fn logs_on_by_definition(subject: &Subject, logon_type: LogonType) -> bool {
    let is = |sid: &str| PrincipalKey::well_known(sid).is_some_and(|key| key == subject.key);
    if is(SYSTEM) {
        return true;
    }
    let by_service_logon = matches!(logon_type, LogonType::Service | LogonType::Batch);
    by_service_logon && SERVICE_ACCOUNTS.iter().any(|sid| is(sid))
}

/// Remote Desktop under Network Level Authentication: CredSSP logs the
/// account on over the network before the session exists, so a deny on
/// either right refuses it (deny wins, the Remote Desktop deny first), and
/// otherwise a missing grant of either (`windows-logon-facts.md` §9 item 8).
pub fn through_network_first(remote: Verdict, network: &Verdict) -> Verdict {
    let network_decides = match (remote.outcome, network.outcome) {
        _ if remote.source == VerdictSource::Builtin => false,
        (Outcome::Denied, _) => false,
        (_, Outcome::Denied) => true,
        (Outcome::NotGranted, _) => false,
        (_, Outcome::NotGranted) => true,
        _ => false,
    };
    if !network_decides {
        return remote;
    }
    Verdict {
        logon_type: remote.logon_type,
        network_first: true,
        ..network.clone()
    }
}
