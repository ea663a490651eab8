//! The logon model: for each declared account and logon type, the token
//! Windows would build and the verdict it would reach, with evidence.
//!
//! - **denied** when any token SID holds the deny right (deny always wins);
//! - **allowed** when a token SID holds the allow right and none the deny right;
//! - **not-granted** when no token SID holds the allow right.
//!
//! Tokens are computed once per account, sharing what accounts of the
//! same kind and direct groups have in common; each logon type adds only
//! its own SIDs. Holders were resolved once per chain by [`crate::policy`], and
//! are indexed once per chain by [`holders`].

pub mod directory;
pub mod graph;
pub mod holders;
pub mod removed;
pub mod token;
pub mod verdict;

pub use directory::{Directory, SharedDirectory, Subject};
pub use graph::{EdgeReason, MembershipGraph};
pub use removed::RemovedBy;
pub use token::{Origin, Token, TokenCache};
pub use verdict::{ChainStep, Matched, Outcome, Replaced, Verdict, VerdictSource};

use crate::logon_type::LogonType;
use crate::policy::Resultant;
use holders::ChainLists;

/// The verdicts of one account, in [`LogonType::ALL`] order.
#[derive(Clone, Debug)]
pub struct AccountVerdicts {
    /// Index of the account in [`Directory::accounts`].
    pub account: usize,
    /// One verdict per logon type.
    pub verdicts: Vec<Verdict>,
}

impl AccountVerdicts {
    /// The verdict for a logon type.
    pub fn get(&self, logon_type: LogonType) -> Option<&Verdict> {
        self.verdicts.iter().find(|v| v.logon_type == logon_type)
    }
}

/// Evaluates every declared account against a resultant policy; `nla`
/// says whether Remote Desktop logs on over the network first.
pub fn evaluate(
    resultant: &Resultant<'_>,
    directory: &Directory,
    nla: bool,
) -> Vec<AccountVerdicts> {
    let graph = MembershipGraph::build(directory, &resultant.memberships, resultant.target);
    let restored = graph.restored();
    let lists = ChainLists::new(resultant, directory);
    let chain_cache = TokenCache::new();
    // A chain whose templates change no membership shares the run's
    // closures: the domain-wide groups are closed once, not per chain.
    let cache = match directory.shared() {
        Some(shared) if graph.is_declared_only() => &shared.tokens,
        _ => &chain_cache,
    };
    let restored_cache = TokenCache::new();
    directory
        .accounts
        .iter()
        .enumerate()
        .map(|(index, subject)| {
            let base = token::base_token(subject, directory, &graph, cache);
            let mut verdicts: Vec<Verdict> = LogonType::ALL
                .iter()
                .filter_map(|&t| {
                    let token = token::logon_token(&base, subject, directory, t, &graph, cache);
                    verdict::decide(&lists, directory, subject, &token, t)
                })
                .collect();
            if let Some(restored) = &restored {
                let graphs = removed::Graphs {
                    actual: &graph,
                    restored,
                    restored_cache: &restored_cache,
                };
                blame_removals(&lists, directory, &graphs, subject, &mut verdicts);
            }
            // After the removals: a network verdict that NLA carries over
            // to Remote Desktop takes its own evidence along.
            if nla {
                apply_nla(&mut verdicts);
            }
            AccountVerdicts {
                account: index,
                verdicts,
            }
        })
        .collect()
}

/// Replaces the Remote Desktop verdict by what NLA's network logon decides.
fn apply_nla(verdicts: &mut [Verdict]) {
    let network = verdicts
        .iter()
        .find(|v| v.logon_type == LogonType::Network)
        .cloned();
    let remote = verdicts
        .iter_mut()
        .find(|v| v.logon_type == LogonType::RemoteInteractive);
    if let (Some(network), Some(remote)) = (network, remote) {
        *remote = verdict::through_network_first(remote.clone(), &network);
    }
}

/// For each logon that is not granted, the `__Members` line that took the
/// grant away, if one did. The account's token on the restored graph is
/// built only when a logon is not granted.
fn blame_removals(
    lists: &ChainLists<'_>,
    directory: &Directory,
    graphs: &removed::Graphs<'_>,
    subject: &Subject,
    verdicts: &mut [Verdict],
) {
    let mut base = None;
    for verdict in verdicts.iter_mut() {
        if verdict.outcome != Outcome::NotGranted {
            continue;
        }
        let base = base.get_or_insert_with(|| {
            token::base_token(subject, directory, graphs.restored, graphs.restored_cache)
        });
        verdict.removed_by =
            removed::find(lists, directory, graphs, subject, base, verdict.logon_type);
    }
}
