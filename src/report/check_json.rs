//! The JSON form of `gplint check`.
//!
//! Stable contract: `{"version": 1, "findings": [...], "summary": {...}}`.
//! Fields are only ever added; positions are 1-based lines and columns in
//! characters.

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::finding::{Finding, Location};

use super::ci::RepoPaths;
use super::sarif;
use super::sources::Sources;

/// The version of this JSON shape.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Vec<FindingView<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct FindingView<'a> {
    rule: &'a str,
    name: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a str>,
    /// Every scope of the finding's cause, in name order; `scope` is the
    /// first, kept for readers written before findings were grouped.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    scopes: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    logon_type: Option<&'a str>,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    end_line: Option<usize>,
    end_column: Option<usize>,
    help: Option<&'a str>,
    note: Option<&'a str>,
    from_default: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    expectation: Option<Place<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    replaces: Vec<Place<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    removed_by: Option<Place<'a>>,
    waived: Option<&'a crate::finding::Waived>,
    /// SARIF's `gplint/v2` fingerprint: rule, GPO, account, logon type and
    /// entry text, never a line number or the message; what a saved
    /// report given to `check --baseline` is matched by.
    fingerprint: String,
    /// Under `check --baseline`: `new`, or `existing` for a finding the
    /// base has too.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'static str>,
}

#[derive(Serialize)]
struct Place<'a> {
    file: &'a str,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    notes: usize,
    waived: usize,
    accounts: usize,
    templates: usize,
}

/// Writes the findings as one pretty-printed JSON document; `paths`
/// name GPOs in fingerprints as SARIF does. An error is the
/// serialiser's, never replaced by an empty document. The summary counts
/// leave out findings already on `--baseline`, as the exit code does.
pub fn write(
    findings: &[Finding],
    sources: &Sources<'_>,
    accounts: usize,
    paths: &RepoPaths,
) -> serde_json::Result<String> {
    let count = |s: Severity| {
        findings
            .iter()
            .filter(|f| f.severity == s && f.waived.is_none() && !f.is_existing())
            .count()
    };
    let document = Document {
        version: VERSION,
        findings: findings.iter().map(|f| view(f, sources, paths)).collect(),
        summary: Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
            waived: findings
                .iter()
                .filter(|f| f.waived.is_some() && !f.is_existing())
                .count(),
            accounts,
            templates: sources.templates.len(),
        },
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

fn view<'a>(finding: &'a Finding, sources: &Sources<'a>, paths: &RepoPaths) -> FindingView<'a> {
    let at = finding.primary.as_ref();
    let range = at.and_then(|l| sources.range(l.file, l.span));
    FindingView {
        rule: &finding.rule,
        name: &finding.rule_name,
        severity: finding.severity,
        message: &finding.message,
        scope: finding.scope.as_deref(),
        scopes: finding.scope_names().collect(),
        account: finding.account.as_deref(),
        logon_type: finding.logon_type.map(|t| t.as_str()),
        file: at
            .and_then(|l| sources.file(l.file))
            .map(|f| f.name.as_str()),
        line: range.map(|r| r.0.0),
        column: range.map(|r| r.0.1),
        end_line: range.map(|r| r.1.0),
        end_column: range.map(|r| r.1.1),
        help: finding.help.as_deref(),
        note: finding.note.as_deref(),
        from_default: finding.from_default,
        expectation: finding.related.as_ref().and_then(|l| place(l, sources)),
        replaces: finding
            .secondary
            .iter()
            .filter_map(|l| place(l, sources))
            .collect(),
        removed_by: finding.removed_by.as_ref().and_then(|l| place(l, sources)),
        waived: finding.waived.as_ref(),
        fingerprint: sarif::fingerprint(finding, sources, paths),
        baseline: finding.baseline.map(|state| state.as_str()),
    }
}

fn place<'a>(location: &Location, sources: &Sources<'a>) -> Option<Place<'a>> {
    let file = sources.file(location.file)?;
    let (line, column) = file.line_col(location.span.start);
    Some(Place {
        file: &file.name,
        line,
        column,
    })
}
