//! The logon model: for each declared account and logon type, the token
//! Windows would build and the verdict it would reach, with evidence.
//!
//! - **denied** when any token SID holds the deny right (deny always wins);
//! - **allowed** when a token SID holds the allow right and none the deny right;
//! - **not-granted** when no token SID holds the allow right.
//!
//! Tokens are computed once per account; each logon type adds only its own
//! SIDs. Holders were resolved once per chain by [`crate::policy`].

pub mod directory;
pub mod graph;
pub mod token;
pub mod verdict;

pub use directory::{Directory, Subject};
pub use graph::{EdgeReason, MembershipGraph};
pub use token::{Origin, Token};
pub use verdict::{ChainStep, Matched, Outcome, Replaced, Verdict, VerdictSource};

use crate::logon_type::LogonType;
use crate::policy::Resultant;

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

/// Evaluates every declared account against a resultant policy.
pub fn evaluate(resultant: &Resultant<'_>, directory: &Directory) -> Vec<AccountVerdicts> {
    let graph = MembershipGraph::build(directory, &resultant.memberships, resultant.target);
    directory
        .accounts
        .iter()
        .enumerate()
        .map(|(index, subject)| {
            let base = token::base_token(subject, directory, &graph);
            let verdicts = LogonType::ALL
                .iter()
                .filter_map(|&t| {
                    let token = token::logon_token(&base, subject, t, &graph);
                    verdict::decide(resultant, directory, subject, &token, t)
                })
                .collect();
            AccountVerdicts {
                account: index,
                verdicts,
            }
        })
        .collect()
}
