//! The SIDs Windows puts in an account's token, each with how it got there.

use std::collections::VecDeque;

use rustc_hash::FxHashMap as HashMap;

use super::directory::{Directory, Subject};
use super::graph::{EdgeReason, MembershipGraph};
use crate::expect::AccountKind;
use crate::logon_type::LogonType;
use crate::principal::PrincipalKey;

/// Why a SID is in the token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The account itself.
    Account,
    /// Windows adds it at logon; the text says why.
    Computed(&'static str),
    /// A member of `group`'s parent: the key it was reached from, and the edge.
    Member {
        /// The principal that is the member.
        member: PrincipalKey,
        /// Why it is a member.
        reason: EdgeReason,
    },
}

/// A token: canonical keys, each with its origin, in the order reached.
#[derive(Clone, Debug, Default)]
pub struct Token {
    origins: HashMap<PrincipalKey, Origin>,
    order: Vec<PrincipalKey>,
}

impl Token {
    /// Whether the token holds the key.
    pub fn contains(&self, key: &PrincipalKey) -> bool {
        self.origins.contains_key(key)
    }

    /// The keys in the order they were reached.
    pub fn keys(&self) -> &[PrincipalKey] {
        &self.order
    }

    /// How a key got into the token: the path from where it started,
    /// ending with the key itself.
    pub fn chain(&self, key: &PrincipalKey) -> Vec<(PrincipalKey, Origin)> {
        let mut chain = Vec::new();
        let mut current = key.clone();
        // Each step goes to a key reached earlier, so the walk ends; the
        // bound only guards against a bug turning it into a loop.
        for _ in 0..=self.order.len() {
            let Some(origin) = self.origins.get(&current) else {
                break;
            };
            chain.push((current.clone(), origin.clone()));
            match origin {
                Origin::Member { member, .. } => current = member.clone(),
                _ => break,
            }
        }
        chain.reverse();
        chain
    }

    fn insert(&mut self, key: PrincipalKey, origin: Origin) -> bool {
        if self.origins.contains_key(&key) {
            return false;
        }
        self.order.push(key.clone());
        self.origins.insert(key, origin);
        true
    }

    /// Adds seeds and everything they are members of, transitively.
    /// Cycles end because a key is visited once.
    fn close(&mut self, graph: &MembershipGraph, seeds: Vec<(PrincipalKey, Origin)>) {
        let mut queue: VecDeque<PrincipalKey> = VecDeque::new();
        for (key, origin) in seeds {
            if self.insert(key.clone(), origin) {
                queue.push_back(key);
            }
        }
        while let Some(member) = queue.pop_front() {
            for edge in graph.groups_of(&member) {
                let origin = Origin::Member {
                    member: member.clone(),
                    reason: edge.reason.clone(),
                };
                if self.insert(edge.group.clone(), origin) {
                    queue.push_back(edge.group.clone());
                }
            }
        }
    }
}

fn well_known(sid: &str) -> Option<PrincipalKey> {
    PrincipalKey::well_known(sid)
}

/// The part of every token of the account that does not depend on the
/// logon type; computed once per account.
pub fn base_token(subject: &Subject, directory: &Directory, graph: &MembershipGraph) -> Token {
    let mut seeds = vec![(subject.key.clone(), Origin::Account)];
    let mut computed = |sid: &str, why: &'static str| {
        if let Some(key) = well_known(sid) {
            seeds.push((key, Origin::Computed(why)));
        }
    };
    computed("S-1-1-0", "every token holds it");
    if !is_guest(subject, directory) {
        computed("S-1-5-11", "every account but Guest holds it");
    }
    match subject.kind {
        AccountKind::Domain => seeds.push((
            PrincipalKey::DomainRid(513),
            Origin::Computed("the primary group of domain accounts"),
        )),
        AccountKind::Gmsa => seeds.push((
            PrincipalKey::DomainRid(515),
            Origin::Computed("the primary group of gMSAs"),
        )),
        AccountKind::Local => computed("S-1-5-113", "every local account holds it"),
        AccountKind::Virtual | AccountKind::Builtin => {}
    }
    let mut token = Token::default();
    token.close(graph, seeds);
    token
}

/// The token of one logon type: the base plus the logon-type SIDs and
/// what they bring.
pub fn logon_token(
    base: &Token,
    subject: &Subject,
    logon_type: LogonType,
    graph: &MembershipGraph,
) -> Token {
    let mut token = base.clone();
    let mut seeds: Vec<(PrincipalKey, Origin)> = logon_type
        .token_sids()
        .iter()
        .filter_map(|sid| well_known(sid))
        .map(|key| (key, Origin::Computed("Windows adds it for this logon type")))
        .collect();
    let virtual_service = subject.kind == AccountKind::Virtual && logon_type == LogonType::Service;
    if let (true, Some(key)) = (virtual_service, well_known("S-1-5-80-0")) {
        let why = "every service's virtual account holds it";
        seeds.push((key, Origin::Computed(why)));
    }
    token.close(graph, seeds);
    let local_admin = subject.kind == AccountKind::Local
        && well_known("S-1-5-32-544").is_some_and(|admins| token.contains(&admins));
    if let (true, Some(key)) = (local_admin, well_known("S-1-5-114")) {
        let why = "local members of Administrators hold it";
        token.close(graph, vec![(key, Origin::Computed(why))]);
    }
    token
}

/// Guest (RID 501) is the one account without Authenticated Users.
fn is_guest(subject: &Subject, directory: &Directory) -> bool {
    let guest = [PrincipalKey::MachineRid(501), PrincipalKey::DomainRid(501)];
    guest.iter().any(|g| directory.canonical(g) == subject.key)
        || subject.sid.and_then(|sid| sid.rid()) == Some(501)
            && subject.sid.is_some_and(|s| s.is_domain_relative())
}
