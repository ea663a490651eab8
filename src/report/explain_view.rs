//! The data `gplint explain` shows: every declared account's five logon
//! types with verdict and evidence. Built once; the matrix and the JSON
//! both read it.

use serde::Serialize;

use crate::check::Evaluation;
use crate::expect::{Expectations, Target};
use crate::logon::{Outcome, Verdict, VerdictSource};
use crate::logon_type::LogonType;

use super::sources::Sources;

/// The whole explanation.
#[derive(Debug, Serialize)]
pub struct ExplainView {
    /// The version of this JSON shape.
    pub version: u32,
    /// The machine type whose defaults apply.
    pub target: Target,
    /// The templates, in precedence order (lowest first).
    pub inputs: Vec<String>,
    /// One entry per declared account.
    pub accounts: Vec<AccountView>,
}

/// One account.
#[derive(Debug, Serialize)]
pub struct AccountView {
    /// As declared; `service: X` shows as `NT SERVICE\X`.
    pub account: String,
    /// Declared or computed SID.
    pub sid: Option<String>,
    /// domain, local, gmsa, virtual or builtin.
    pub kind: &'static str,
    /// Keyed by logon type, in the order interactive, network, batch,
    /// service, remote-interactive.
    pub logon: LogonMap,
}

/// The five logon types of one account.
#[derive(Debug, Serialize)]
pub struct LogonMap {
    /// Log on locally.
    pub interactive: CellView,
    /// Access from the network.
    pub network: CellView,
    /// Batch (scheduled tasks).
    pub batch: CellView,
    /// Service.
    pub service: CellView,
    /// Remote Desktop.
    #[serde(rename = "remote-interactive")]
    pub remote_interactive: CellView,
}

impl LogonMap {
    /// The cells in [`LogonType::ALL`] order.
    pub fn cells(&self) -> [(LogonType, &CellView); 5] {
        [
            (LogonType::Interactive, &self.interactive),
            (LogonType::Network, &self.network),
            (LogonType::Batch, &self.batch),
            (LogonType::Service, &self.service),
            (LogonType::RemoteInteractive, &self.remote_interactive),
        ]
    }
}

/// One verdict with its evidence.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CellView {
    /// allowed, denied or not-granted.
    pub verdict: &'static str,
    /// policy, default or builtin.
    pub source: &'static str,
    /// The deciding right.
    pub right: &'static str,
    /// must, must-not, or null when the expectations say nothing.
    pub expected: Option<&'static str>,
    /// Whether the verdict agrees with the expectation (true when none).
    pub as_expected: bool,
    /// The entry that matched, as written.
    pub holder: Option<String>,
    /// From the account to the matched entry's principal.
    pub via: Vec<String>,
    /// The template that supplies the deciding right.
    pub file: Option<String>,
    /// The deciding right's line in it.
    pub line: Option<usize>,
    /// The matched entry's column, or the right's.
    pub column: Option<usize>,
}

/// Builds the view.
pub fn view(
    evaluation: &Evaluation<'_>,
    expect: &Expectations,
    sources: &Sources<'_>,
) -> ExplainView {
    let accounts = evaluation
        .verdicts
        .iter()
        .filter_map(|v| {
            let subject = evaluation.directory.accounts.get(v.account)?;
            let decl = expect.accounts.get(v.account)?;
            let cell = |t: LogonType| {
                let expected = expectation(decl, t);
                v.get(t)
                    .map(|verdict| cell(verdict, expected, sources))
                    .unwrap_or_default()
            };
            Some(AccountView {
                account: subject.display.clone(),
                sid: subject.sid.map(|s| s.to_string()),
                kind: subject.kind.as_str(),
                logon: LogonMap {
                    interactive: cell(LogonType::Interactive),
                    network: cell(LogonType::Network),
                    batch: cell(LogonType::Batch),
                    service: cell(LogonType::Service),
                    remote_interactive: cell(LogonType::RemoteInteractive),
                },
            })
        })
        .collect();
    ExplainView {
        version: 1,
        target: expect.target,
        inputs: sources.templates.iter().map(|s| s.name.clone()).collect(),
        accounts,
    }
}

fn expectation(decl: &crate::expect::AccountDecl, t: LogonType) -> Option<&'static str> {
    if decl.logon.iter().any(|l| l.value == t) {
        Some("must")
    } else if decl.no_logon.iter().any(|l| l.value == t) {
        Some("must-not")
    } else {
        None
    }
}

fn cell(verdict: &Verdict, expected: Option<&'static str>, sources: &Sources<'_>) -> CellView {
    let file = verdict.input.and_then(|i| sources.templates.get(i));
    let span = verdict
        .matched
        .as_ref()
        .and_then(|m| m.span)
        .or(verdict.right_span);
    let position = file.zip(span).map(|(f, s)| f.line_col(s.start));
    let allowed = verdict.outcome == Outcome::Allowed;
    CellView {
        verdict: verdict.outcome.as_str(),
        source: verdict.source.as_str(),
        right: verdict.right.constant,
        expected,
        as_expected: match expected {
            Some("must") => allowed,
            Some(_) => !allowed,
            None => true,
        },
        holder: verdict.matched.as_ref().map(|m| m.written.clone()),
        via: verdict
            .matched
            .as_ref()
            .map(|m| m.via.iter().map(|s| s.principal.clone()).collect())
            .unwrap_or_default(),
        file: file.map(|f| f.name.clone()),
        line: position.map(|p| p.0),
        column: position.map(|p| p.1),
    }
}

impl CellView {
    /// Whether it rests on a default.
    pub fn is_default(&self) -> bool {
        self.source == VerdictSource::Default.as_str()
    }
}
