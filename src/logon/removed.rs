//! What took a grant away: the `__Members` line whose list left the
//! account, or a group of it, out of a group the allow right lists.
//!
//! A `[Group Membership]` line `<group>__Members = …` replaces the group's
//! members, so the memberships the expectations declare (or Windows'
//! defaults) into that group are gone. When the logon is then not granted,
//! the finding must blame that line rather than the right's list, and the
//! fix is to add the account (or its group) to the line. The model finds
//! it by evaluating the token again with the memberships put back: if the
//! allow right then grants the logon, and no deny right refuses it, the
//! first membership the line took away on the way to the holder is the
//! cause.

use super::directory::{Directory, Subject};
use super::graph::MembershipGraph;
use super::holders::ChainLists;
use super::token::{self, Origin, Token, TokenCache};
use crate::logon_type::LogonType;
use crate::principal::PrincipalKey;
use crate::rights::LogonEffect;
use crate::span::Span;

/// The `__Members` line that took away the membership through which the
/// allow right would have granted the logon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedBy {
    /// Index of the input holding the line.
    pub input: usize,
    /// The line's key, e.g. `*S-1-5-32-555__Members`.
    pub span: Span,
    /// The key as written (the suffix spelled `__Members`).
    pub written: String,
    /// The group whose members the line replaced, by the name a user knows.
    pub group: String,
    /// The principal the line left out of the group: the account itself or
    /// one of its groups, by the name a user knows.
    pub member: String,
    /// That principal as a template entry: `*SID (name)` when its SID is
    /// known, else its name.
    pub member_entry: String,
}

/// The graphs of one chain: as the templates leave it, and with the
/// memberships `__Members` lines took away put back.
pub struct Graphs<'g> {
    /// As the machine sees it.
    pub actual: &'g MembershipGraph,
    /// Without the `__Members` lines' removals (see
    /// [`MembershipGraph::restored`]).
    pub restored: &'g MembershipGraph,
    /// The token closures on the restored graph, shared by the accounts.
    pub restored_cache: &'g TokenCache,
}

/// The line that took the grant away from an account whose logon of
/// `logon_type` is not granted; `restored_base` is the account's base
/// token on the restored graph.
pub fn find(
    lists: &ChainLists<'_>,
    directory: &Directory,
    graphs: &Graphs<'_>,
    subject: &Subject,
    restored_base: &Token,
    logon_type: LogonType,
) -> Option<RemovedBy> {
    let token = token::logon_token(
        restored_base,
        subject,
        directory,
        logon_type,
        graphs.restored,
        graphs.restored_cache,
    );
    let (_, deny) = lists.right(LogonEffect::Deny(logon_type))?;
    if deny.first_match(&token).is_some() {
        return None;
    }
    let (_, allow) = lists.right(LogonEffect::Allow(logon_type))?;
    let (_, held) = allow.first_match(&token)?;
    token.chain(&held).into_iter().find_map(|(group, origin)| {
        let Origin::Member { member, reason } = origin else {
            return None;
        };
        let removal = graphs.actual.removal(&member, &group, &reason)?;
        Some(RemovedBy {
            input: removal.input,
            span: removal.key_span,
            written: removal.written.clone(),
            group: directory.display(&removal.group),
            member: member_name(directory, subject, &member),
            member_entry: entry(directory, subject, &member),
        })
    })
}

fn member_name(directory: &Directory, subject: &Subject, member: &PrincipalKey) -> String {
    if *member == subject.key {
        subject.display.clone()
    } else {
        directory.display(member)
    }
}

/// A principal as a `__Members` list would name it.
fn entry(directory: &Directory, subject: &Subject, member: &PrincipalKey) -> String {
    let name = member_name(directory, subject, member);
    let sid = match member {
        _ if *member == subject.key => subject.sid,
        PrincipalKey::Sid(sid) => Some(*sid),
        PrincipalKey::DomainRid(rid) => directory.domain.and_then(|d| d.with_rid(*rid)),
        PrincipalKey::MachineRid(_) | PrincipalKey::Name(_) => None,
    };
    match sid {
        Some(sid) if sid.to_string() != name => format!("*{sid} ({name})"),
        Some(sid) => format!("*{sid}"),
        None => name,
    }
}
