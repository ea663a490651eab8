//! One side's evaluation reduced to what the comparison reads.

use std::collections::BTreeMap;

use super::surveyed::Observed;
use super::{
    Cell, Expected, FindingKey, FindingView, Place, Snapshot, State, Survey, SurveyedCells,
};
use crate::check::chains::ChainRun;
use crate::expect::AccountDecl;
use crate::finding::{FileRef, Finding};
use crate::logon::{Outcome, Verdict};
use crate::logon_type::LogonType;
use crate::source::SourceFile;

/// One side, evaluated as `explain` evaluates it and checked as `check`
/// checks it.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a, 't> {
    /// Every chain evaluated.
    pub runs: &'a [ChainRun<'t>],
    /// The templates read, which the runs' inputs index.
    pub sources: &'a [SourceFile],
    /// The findings, grouped by cause.
    pub findings: &'a [Finding],
    /// The prefix of the side's template names (its folder or
    /// `REV:PATH`), left out of a finding's identity so that the same GPO
    /// on both sides is one GPO.
    pub root: &'a str,
}

/// The cells, holders and findings of one side.
pub fn snapshot(side: &Side<'_, '_>) -> Snapshot {
    snapshot_surveyed(side, None)
}

/// As [`snapshot`]; with `survey`, the cells of its accounts go to
/// [`Snapshot::surveyed`], in brief, rather than to the cells, and their
/// findings are left out (they have no expectation to break).
pub fn snapshot_surveyed(side: &Side<'_, '_>, survey: Option<&Survey>) -> Snapshot {
    let mut out = Snapshot {
        surveyed: survey.map(SurveyedCells::new),
        ..Snapshot::default()
    };
    for run in side.runs {
        cells(run, side.sources, &mut out);
        holders(run, &mut out);
    }
    for finding in side.findings {
        let key = finding_key(finding, side);
        let view = finding_view(finding);
        out.findings
            .entry(key)
            .and_modify(|known: &mut FindingView| merge_scopes(known, &view))
            .or_insert(view);
    }
    out
}

fn cells(run: &ChainRun<'_>, sources: &[SourceFile], out: &mut Snapshot) {
    let evaluation = &run.evaluation;
    for account in &evaluation.verdicts {
        let Some(subject) = evaluation.directory.accounts.get(account.account) else {
            continue;
        };
        let decl = run.expect.accounts.get(account.account);
        let restrictions = evaluation.restrictions.get(account.account);
        if let Some(surveyed) = out
            .surveyed
            .as_mut()
            .filter(|_| decl.is_some_and(|d| d.surveyed))
        {
            brief(surveyed, run, &subject.display, account, restrictions);
            continue;
        }
        for logon_type in LogonType::ALL {
            let Some(verdict) = account.get(logon_type) else {
                continue;
            };
            let key = (run.chain.scope.clone(), subject.display.clone(), logon_type);
            let refusing = restrictions.and_then(|r| r.refusing(logon_type));
            let mut cell = cell(verdict, run, sources);
            if let Some(r) = refusing.filter(|_| cell.state == State::Allowed) {
                cell.state = State::Restricted;
                cell.restriction = Some(format!("{}: {}", r.status.name(), r.reason));
            }
            if let Some(expected) = decl.and_then(|d| expected(d, logon_type)) {
                out.expected.insert(key.clone(), expected);
            }
            out.cells.insert(key, cell);
        }
    }
}

/// A surveyed account's cells, in brief: no evidence is cloned, as a
/// directory may hold tens of thousands of them.
fn brief(
    surveyed: &mut SurveyedCells,
    run: &ChainRun<'_>,
    name: &str,
    account: &crate::logon::AccountVerdicts,
    restrictions: Option<&crate::restriction::AccountRestrictions>,
) {
    for verdict in &account.verdicts {
        let refusing = restrictions.and_then(|r| r.refusing(verdict.logon_type));
        let mut state = state(verdict.outcome);
        let restriction = refusing.filter(|_| state == State::Allowed).map(|r| {
            state = State::Restricted;
            r.status.name()
        });
        let principal = verdict.matched.as_ref().map(|m| {
            m.via
                .last()
                .map_or(m.written.as_str(), |step| step.principal.as_str())
        });
        let seen = Observed {
            state,
            right: verdict.right.constant,
            principal,
            restriction,
        };
        surveyed.record(&run.chain.scope, name, verdict.logon_type, seen);
    }
}

fn state(outcome: Outcome) -> State {
    match outcome {
        Outcome::Allowed => State::Allowed,
        Outcome::Denied => State::Denied,
        Outcome::NotGranted => State::NotGranted,
    }
}

fn cell(verdict: &Verdict, run: &ChainRun<'_>, sources: &[SourceFile]) -> Cell {
    let file = verdict
        .input
        .and_then(|i| run.sources.get(i))
        .and_then(|&s| sources.get(s));
    let span = verdict
        .matched
        .as_ref()
        .and_then(|m| m.span)
        .or(verdict.right_span);
    let place = file.zip(span).map(|(f, s)| Place {
        file: f.name.clone(),
        line: f.line_col(s.start).0,
    });
    Cell {
        state: state(verdict.outcome),
        right: verdict.right.constant,
        entry: verdict.matched.as_ref().map(|m| m.written.clone()),
        via: verdict
            .matched
            .as_ref()
            .map(|m| m.via.iter().map(|s| s.principal.clone()).collect())
            .unwrap_or_default(),
        place,
        restriction: None,
    }
}

fn expected(decl: &AccountDecl, logon_type: LogonType) -> Option<Expected> {
    if decl.logon.iter().any(|l| l.value == logon_type) {
        Some(Expected::Must)
    } else if decl.no_logon.iter().any(|l| l.value == logon_type) {
        Some(Expected::MustNot)
    } else {
        None
    }
}

/// Each effective logon right's holders, by identity, labelled as
/// written and, when gplint knows another name for it, with that name.
fn holders(run: &ChainRun<'_>, out: &mut Snapshot) {
    let directory = &run.evaluation.directory;
    for right in &run.evaluation.resultant.rights {
        let key = (run.chain.scope.clone(), right.right.constant);
        let held: &mut BTreeMap<String, String> = out.holders.entry(key).or_default();
        for holder in &right.holders {
            let name = directory.display(&holder.key);
            let label = if name.eq_ignore_ascii_case(holder.written.trim_start_matches('*')) {
                holder.written.clone()
            } else {
                format!("{} ({name})", holder.written)
            };
            held.entry(format!("{:?}", holder.key)).or_insert(label);
        }
    }
}

/// The parts `gplint/v2` hashes, unhashed: rule, GPO (its `{GUID}`
/// folder, else its template's name without the side's prefix), account
/// (upper case, as Windows compares names), logon type, entry text.
fn finding_key(finding: &Finding, side: &Side<'_, '_>) -> FindingKey {
    let primary = finding.primary.as_ref();
    let template = primary.and_then(|at| match at.file {
        FileRef::Template(i) => side.sources.get(i),
        FileRef::Expectations => None,
    });
    let gpo = template.map_or_else(|| "(no GPO)".to_owned(), |s| gpo_of(&s.name, side.root));
    let entry = primary
        .zip(template)
        .and_then(|(at, s)| s.text.get(at.span.start..at.span.end))
        .map(|e| e.trim().to_lowercase())
        .unwrap_or_default();
    let account = finding.account.as_deref().unwrap_or_default();
    let logon = finding.logon_type.map(|t| t.as_str()).unwrap_or_default();
    (
        finding.rule.clone(),
        gpo,
        account.to_uppercase(),
        logon.to_owned(),
        entry,
    )
}

fn gpo_of(name: &str, root: &str) -> String {
    let guid = name
        .split(['/', '\\'])
        .rev()
        .find(|part| part.len() == 38 && part.starts_with('{') && part.ends_with('}'));
    if let Some(guid) = guid {
        return guid.to_ascii_uppercase();
    }
    let relative = name
        .strip_prefix(root)
        .unwrap_or(name)
        .trim_start_matches(['/', '\\']);
    if relative.is_empty() {
        // The side is one template: it is the GPO, whatever its name.
        "(the template)".to_owned()
    } else {
        relative.replace('\\', "/")
    }
}

fn finding_view(finding: &Finding) -> FindingView {
    let scopes = if finding.scopes.is_empty() {
        finding.scope.iter().cloned().collect()
    } else {
        finding.scopes.clone()
    };
    FindingView {
        rule: finding.rule.clone(),
        severity: finding.severity,
        message: finding.message.clone(),
        scopes,
        account: finding.account.clone(),
        logon_type: finding.logon_type,
    }
}

fn merge_scopes(known: &mut FindingView, more: &FindingView) {
    for scope in &more.scopes {
        if !known.scopes.contains(scope) {
            known.scopes.push(scope.clone());
        }
    }
    known.scopes.sort();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gpo_is_its_guid_else_its_path_under_the_side() {
        let guid = "x/{31b2f340-016d-11d2-945f-00c04fb984f9}/GptTmpl.inf";
        assert_eq!(gpo_of(guid, "x"), "{31B2F340-016D-11D2-945F-00C04FB984F9}");
        assert_eq!(gpo_of("base/a/GptTmpl.inf", "base"), "a/GptTmpl.inf");
        assert_eq!(gpo_of("HEAD:gpo/a.inf", "HEAD:gpo"), "a.inf");
        assert_eq!(gpo_of("one.inf", "one.inf"), "(the template)");
    }
}
