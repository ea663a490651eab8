//! The data `gplint explain` shows: every declared account's five logon
//! types with verdict and evidence. Built once; the matrix and the JSON
//! both read it.

use std::io::{self, Write};

use serde::Serialize;

use crate::check::Evaluation;
use crate::check::chains::ChainRun;
use crate::expect::{Expectations, FactOrigin};
use crate::logon::{Outcome, RemovedBy, Verdict, VerdictSource};
use crate::logon_type::LogonType;
use crate::model::Target;
use crate::policy::{Resultant, RightOrigin};
use crate::restriction::Restriction;

use super::sources::Sources;

/// The whole explanation.
#[derive(Debug, Serialize)]
pub struct ExplainView {
    /// The version of this JSON shape.
    pub version: u32,
    /// The machine type whose defaults apply.
    pub target: Target,
    /// Every template read.
    pub inputs: Vec<String>,
    /// Each chain evaluated: its scope, GPOs and effective logon rights.
    pub scopes: Vec<ScopeView>,
    /// One entry per declared account and scope, then with `explain
    /// --all-accounts` one per surveyed account and scope.
    pub accounts: Vec<AccountView>,
}

/// One chain: which GPOs, and the value each logon right ends up with.
#[derive(Debug, Serialize)]
pub struct ScopeView {
    /// The scope's name; absent for the command line's files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The machine type whose defaults apply.
    pub target: Target,
    /// The GPOs, lowest precedence first.
    pub gpos: Vec<String>,
    /// The ten logon rights.
    pub rights: Vec<EffectiveRight>,
}

/// The effective value of one logon right in one chain.
#[derive(Debug, Serialize)]
pub struct EffectiveRight {
    /// The right's constant.
    pub right: &'static str,
    /// `policy` when a GPO defines it, else `default`.
    pub source: &'static str,
    /// The GPO that wins, when one defines it.
    pub gpo: Option<String>,
    /// The GPOs whose definitions it replaces.
    pub replaces: Vec<String>,
    /// The holders, as written (or as a default would be written).
    pub holders: Vec<String>,
}

/// One account in one scope.
#[derive(Clone, Debug, Serialize)]
pub struct AccountView {
    /// The scope, when the run has scopes or GPOs evaluated alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// As declared; `service: X` shows as `NT SERVICE\X`.
    pub account: String,
    /// Declared or computed SID.
    pub sid: Option<String>,
    /// domain, local, gmsa, computer, virtual or builtin.
    pub kind: &'static str,
    /// Keyed by logon type, in the order interactive, network, batch,
    /// service, remote-interactive.
    pub logon: LogonMap,
    /// Where each fact of the account came from, when a directory export
    /// was read: `directory: contoso.ldif:1234` or `services.yaml:12`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactView>,
    /// Not declared: taken from the directory export by `explain
    /// --all-accounts`, with no expectation. Present only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub surveyed: bool,
}

/// One fact of an account and where it came from.
#[derive(Clone, Debug, Serialize)]
pub struct FactView {
    /// The fact, as services.yaml names it: `sid`, `member_of`, …
    pub fact: &'static str,
    /// `directory: contoso.ldif:1234` or `services.yaml:12`.
    pub from: String,
}

/// The five logon types of one account.
#[derive(Clone, Debug, Serialize)]
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

/// What refuses a logon the rights allow.
#[derive(Clone, Debug, Serialize)]
pub struct RestrictionView {
    /// The Sub Status, e.g. `0xC0000072`.
    pub substatus: String,
    /// Its name, e.g. `STATUS_ACCOUNT_DISABLED`.
    pub name: &'static str,
    /// The Win32 error, e.g. 1331.
    pub error: u32,
    /// Why, in words.
    pub reason: String,
}

/// One verdict with its evidence.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CellView {
    /// allowed, denied, not-granted, or restricted (the rights allow it,
    /// an account restriction refuses it).
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
    /// For `restricted`: what refuses the logon.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restriction: Option<RestrictionView>,
    /// Remote Desktop refused by the network logon that Network Level
    /// Authentication performs first: `right` and `holder` are the network
    /// rights'. Present only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub network_first: bool,
    /// For `not-granted`: the `__Members` line that took away the
    /// membership through which the right would have granted the logon.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed_by: Option<RemovedByView>,
}

/// A `[Group Membership]` line whose `__Members` list took a grant away.
#[derive(Clone, Debug, Serialize)]
pub struct RemovedByView {
    /// The line's key, e.g. `*S-1-5-32-555__Members`.
    pub key: String,
    /// The group whose members it sets, by name.
    pub group: String,
    /// The account, or its group, that the list leaves out.
    pub member: String,
    /// The template the line is in.
    pub file: Option<String>,
    /// The line.
    pub line: Option<usize>,
    /// The key's column.
    pub column: Option<usize>,
}

/// Builds the view of every chain.
pub fn view(runs: &[ChainRun<'_>], expect: &Expectations, sources: &Sources<'_>) -> ExplainView {
    ExplainView {
        version: 1,
        target: expect.target,
        inputs: sources.templates.iter().map(|s| s.name.clone()).collect(),
        scopes: runs.iter().map(scope_view).collect(),
        accounts: runs.iter().flat_map(|run| accounts(run, sources)).collect(),
    }
}

fn scope_view(run: &ChainRun<'_>) -> ScopeView {
    scope_view_of(&run.chain, &run.evaluation.resultant)
}

/// The view of one chain's effective rights, from its resultant policy.
pub fn scope_view_of(chain: &crate::scope::Chain, resultant: &Resultant<'_>) -> ScopeView {
    let name = |input: usize| {
        resultant
            .inputs
            .get(input)
            .map(|i| i.name.to_owned())
            .unwrap_or_default()
    };
    ScopeView {
        scope: chain.scope.clone(),
        target: chain.target,
        gpos: resultant.inputs.iter().map(|i| i.name.to_owned()).collect(),
        rights: resultant
            .rights
            .iter()
            .map(|r| {
                let (source, gpo, replaces) = match &r.origin {
                    RightOrigin::Policy {
                        input, overrides, ..
                    } => (
                        "policy",
                        Some(name(*input)),
                        overrides.iter().map(|&i| name(i)).collect(),
                    ),
                    RightOrigin::Default => ("default", None, Vec::new()),
                };
                EffectiveRight {
                    right: r.right.constant,
                    source,
                    gpo,
                    replaces,
                    holders: r.holders.iter().map(|h| h.written.clone()).collect(),
                }
            })
            .collect(),
    }
}

/// One entry per account of the chain, in the order evaluated.
pub fn accounts(run: &ChainRun<'_>, sources: &Sources<'_>) -> Vec<AccountView> {
    let evaluation: &Evaluation<'_> = &run.evaluation;
    evaluation
        .verdicts
        .iter()
        .filter_map(|v| {
            let subject = evaluation.directory.accounts.get(v.account)?;
            let decl = run.expect.accounts.get(v.account)?;
            let restrictions = evaluation.restrictions.get(v.account);
            let cell = |t: LogonType| {
                let expected = expectation(decl, t);
                let refusing = restrictions.and_then(|r| r.refusing(t));
                v.get(t)
                    .map(|verdict| cell(verdict, expected, &run.sources, sources))
                    .map(|c| restricted(c, refusing))
                    .unwrap_or_default()
            };
            Some(AccountView {
                scope: run.chain.scope.clone(),
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
                facts: facts(decl, sources),
                surveyed: decl.surveyed,
            })
        })
        .collect()
}

/// Where each fact of the account came from.
fn facts(decl: &crate::expect::AccountDecl, sources: &Sources<'_>) -> Vec<FactView> {
    let file = sources.expectations;
    let from = |origin: &FactOrigin| match origin {
        FactOrigin::File(span) => format!("{}:{}", file.name, file.line_col(span.start).0),
        FactOrigin::Directory(place) => format!("directory: {place}"),
    };
    decl.sources
        .iter()
        .map(|source| FactView {
            fact: source.fact,
            from: from(&source.from),
        })
        .collect()
}

/// A logon the rights allow but a restriction refuses is `restricted`.
fn restricted(mut cell: CellView, refusing: Option<&Restriction>) -> CellView {
    let Some(r) = refusing.filter(|_| cell.verdict == Outcome::Allowed.as_str()) else {
        return cell;
    };
    cell.verdict = "restricted";
    cell.as_expected = cell.expected == Some("must-not") || cell.expected.is_none();
    cell.restriction = Some(RestrictionView {
        substatus: r.status.hex(),
        name: r.status.name(),
        error: r.status.error(),
        reason: r.reason.clone(),
    });
    cell
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

fn cell(
    verdict: &Verdict,
    expected: Option<&'static str>,
    inputs: &[usize],
    sources: &Sources<'_>,
) -> CellView {
    let file = verdict
        .input
        .and_then(|i| inputs.get(i))
        .and_then(|&s| sources.templates.get(s));
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
        restriction: None,
        network_first: verdict.network_first,
        removed_by: verdict
            .removed_by
            .as_ref()
            .map(|r| removed_by(r, inputs, sources)),
    }
}

fn removed_by(removed: &RemovedBy, inputs: &[usize], sources: &Sources<'_>) -> RemovedByView {
    let file = inputs
        .get(removed.input)
        .and_then(|&s| sources.templates.get(s));
    let position = file.map(|f| f.line_col(removed.span.start));
    RemovedByView {
        key: removed.written.clone(),
        group: removed.group.clone(),
        member: removed.member.clone(),
        file: file.map(|f| f.name.clone()),
        line: position.map(|p| p.0),
        column: position.map(|p| p.1),
    }
}

/// [`ExplainView`] as pretty JSON written a scope's accounts at a time,
/// for a run too large to hold whole: the text is `serde_json`'s of the
/// whole view.
#[derive(Debug, Default)]
pub struct JsonWriter {
    accounts: usize,
}

impl JsonWriter {
    /// Everything before the accounts: `head` is the view without them.
    pub fn start(&mut self, out: &mut dyn Write, head: &ExplainView) -> io::Result<()> {
        let text = serde_json::to_string_pretty(head)?;
        let open = text.strip_suffix("[]\n}").ok_or_else(|| {
            io::Error::other("the explanation's JSON does not end with its accounts")
        })?;
        out.write_all(open.as_bytes())?;
        out.write_all(b"[")
    }

    /// The accounts of one scope.
    pub fn accounts(&mut self, out: &mut dyn Write, accounts: &[AccountView]) -> io::Result<()> {
        for account in accounts {
            out.write_all(if self.accounts == 0 { b"\n" } else { b",\n" })?;
            self.accounts += 1;
            let text = serde_json::to_string_pretty(account)?;
            for (i, line) in text.lines().enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(b"    ")?;
                out.write_all(line.as_bytes())?;
            }
        }
        Ok(())
    }

    /// The end of the document.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        let end: &[u8] = if self.accounts == 0 {
            b"]\n}\n"
        } else {
            b"\n  ]\n}\n"
        };
        out.write_all(end)
    }
}

impl CellView {
    /// Whether it rests on a default.
    pub fn is_default(&self) -> bool {
        self.source == VerdictSource::Default.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(name: &str, surveyed: bool) -> AccountView {
        AccountView {
            scope: Some("web".into()),
            account: name.into(),
            sid: None,
            kind: "domain",
            logon: LogonMap {
                interactive: CellView::default(),
                network: CellView::default(),
                batch: CellView::default(),
                service: CellView::default(),
                remote_interactive: CellView::default(),
            },
            facts: vec![FactView {
                fact: "sid",
                from: "directory: c.ldif:3".into(),
            }],
            surveyed,
        }
    }

    fn view(accounts: Vec<AccountView>) -> ExplainView {
        ExplainView {
            version: 1,
            target: Target::MemberServer,
            inputs: vec!["a.inf".into()],
            scopes: Vec::new(),
            accounts,
        }
    }

    /// Written a scope at a time, the JSON is the whole view's, with no
    /// account, one, or several written in two pieces.
    #[test]
    fn json_written_in_pieces_is_the_whole_view_s() {
        for n in [0, 1, 3] {
            let all: Vec<AccountView> = (0..n).map(|i| account(&format!("a{i}"), i > 0)).collect();
            let mut whole = serde_json::to_string_pretty(&view(all.clone())).unwrap();
            whole.push('\n');
            let mut out = Vec::new();
            let mut json = JsonWriter::default();
            json.start(&mut out, &view(Vec::new())).unwrap();
            let (first, rest) = all.split_at(n.min(1));
            json.accounts(&mut out, first).unwrap();
            json.accounts(&mut out, rest).unwrap();
            json.finish(&mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole, "{n} accounts");
        }
    }
}
