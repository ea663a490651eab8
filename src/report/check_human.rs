//! The human form of `gplint check`: each finding rendered with miette,
//! pointing at the template line and at the expectation it breaks.

use crate::diagnostic::{Label, Severity};
use crate::finding::{Finding, Location};
use rayon::prelude::*;

use super::render::{Snippet, Style, render_snippet};
use super::sources::Sources;
use super::visible::visible_owned;

/// Renders every finding, in order. Findings are rendered in parallel
/// (a forest's run has thousands) and joined in their order.
pub fn render_findings(findings: &[Finding], sources: &Sources<'_>, style: Style) -> String {
    findings
        .par_iter()
        .map(|finding| render_finding(finding, sources, style))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One finding: the primary place with help and note, then the
/// expectation it is about.
pub fn render_finding(finding: &Finding, sources: &Sources<'_>, style: Style) -> String {
    if let Some(waived) = &finding.waived {
        return waived_line(finding, waived, sources);
    }
    let mut code = match scope_phrase(finding) {
        Some(scopes) => format!("{} {} · {scopes}", finding.rule, finding.rule_name),
        None => format!("{} {}", finding.rule, finding.rule_name),
    };
    if finding.is_existing() {
        code.push_str(" · ");
        code.push_str(ON_BASE);
    }
    let mut out = match &finding.primary {
        Some(primary) => place(finding, primary, &code, sources, style),
        None => bare(finding, &code),
    };
    for secondary in &finding.secondary {
        out.push_str(&context(
            secondary,
            "the list that was replaced".to_owned(),
            sources,
            style,
        ));
    }
    if let Some(removed_by) = &finding.removed_by {
        out.push_str(&context(removed_by, REMOVED_BY.to_owned(), sources, style));
    }
    if let Some(related) = &finding.related {
        out.push_str(&context(
            related,
            expectation_title(finding),
            sources,
            style,
        ));
    }
    out
}

/// The marker of a finding `check --baseline` found on the base too
/// (shown with `--baseline-show-all`).
pub const ON_BASE: &str = "already on base";

/// How many scope names a finding shows before `… (N more)`.
const SHOWN_SCOPES: usize = 5;

/// Where a finding applies: `scope Tier1-SQL`, or for a cause found in
/// several scopes `in 212 scopes: A, B, C, D, E, … (207 more)`, in name
/// order; `None` for a finding about no scope.
pub(crate) fn scope_phrase(finding: &Finding) -> Option<String> {
    let mut names = finding.scope_names();
    let first = names.next()?;
    let total = 1 + names.clone().count();
    if total == 1 {
        return Some(format!("scope {first}"));
    }
    let shown: Vec<&str> = std::iter::once(first)
        .chain(names)
        .take(SHOWN_SCOPES)
        .collect();
    let more = match total - shown.len() {
        0 => String::new(),
        n => format!(", … ({n} more)"),
    };
    Some(format!("in {total} scopes: {}{more}", shown.join(", ")))
}

/// The title of the place of [`Finding::removed_by`].
pub(super) const REMOVED_BY: &str = "the `__Members` line that took the membership away";

/// A waived finding stays visible, on one line.
fn waived_line(
    finding: &Finding,
    waived: &crate::finding::Waived,
    sources: &Sources<'_>,
) -> String {
    let place = finding
        .primary
        .as_ref()
        .and_then(|at| sources.region(at))
        .map(|r| format!(" ({}:{}:{})", r.file, r.start.0, r.start.1))
        .unwrap_or_default();
    let scopes = scope_phrase(finding)
        .map(|scopes| format!(" · {scopes}"))
        .unwrap_or_default();
    visible_owned(format!(
        "{} {}{scopes}{place}: {}\n  waived: {}, until {}\n",
        finding.rule, finding.rule_name, finding.message, waived.reason, waived.expires
    ))
}

/// A second place, rendered as a note with its own snippet.
fn context(at: &Location, title: String, sources: &Sources<'_>, style: Style) -> String {
    let labels = [label(at)];
    let note = Snippet {
        severity: Severity::Note,
        message: &title,
        labels: &labels,
        help: None,
        note: None,
    };
    sources
        .file(at.file)
        .map(|file| render_snippet(note, "", file, style))
        .unwrap_or_default()
}

fn place(
    finding: &Finding,
    at: &Location,
    code: &str,
    sources: &Sources<'_>,
    style: Style,
) -> String {
    let labels = [label(at)];
    let snippet = Snippet {
        severity: finding.severity,
        message: &finding.message,
        labels: &labels,
        help: finding.help.as_deref(),
        note: finding.note.as_deref(),
    };
    match sources.file(at.file) {
        Some(file) => render_snippet(snippet, code, file, style),
        None => bare(finding, code),
    }
}

/// A finding without a snippet, on one line. (With one, [`render_snippet`]
/// makes its texts visible.)
fn bare(finding: &Finding, code: &str) -> String {
    let line = format!(
        "{}[{code}]: {}\n",
        finding.severity.as_str(),
        finding.message
    );
    visible_owned(line)
}

fn label(location: &Location) -> Label {
    Label {
        span: location.span,
        message: location.label.clone(),
    }
}

/// What the expectations file says that a finding breaks, as a title:
/// `the expectation for CONTOSO\svc_sql, service logon`.
pub(crate) fn expectation_title(finding: &Finding) -> String {
    match (&finding.account, finding.logon_type) {
        (Some(account), Some(t)) => format!("the expectation for {account}, {} logon", t.as_str()),
        _ => "the expectation".to_owned(),
    }
}

/// `gplint: 3 errors, 1 warning, 2 waived — 6 accounts × 5 logon types,
/// 1 template`, then what was hidden (`; 12 findings hidden by
/// --min-severity warning`). Waived findings are counted apart, never
/// among the errors and warnings that fail a run; so are findings already
/// on `--baseline` (`2 already on base`).
pub fn summary_line(
    findings: &[Finding],
    accounts: usize,
    templates: usize,
    hidden: &[String],
) -> String {
    let count = |s: Severity| {
        findings
            .iter()
            .filter(|f| f.severity == s && f.waived.is_none() && !f.is_existing())
            .count()
    };
    let waived = findings
        .iter()
        .filter(|f| f.waived.is_some() && !f.is_existing())
        .count();
    let on_base = findings.iter().filter(|f| f.is_existing()).count();
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    let mut parts = vec![plural(errors, "error"), plural(warnings, "warning")];
    if notes > 0 {
        parts.push(plural(notes, "note"));
    }
    if waived > 0 {
        parts.push(format!("{waived} waived"));
    }
    if on_base > 0 {
        parts.push(format!("{on_base} {ON_BASE}"));
    }
    let hidden: String = hidden.iter().map(|part| format!("; {part}")).collect();
    format!(
        "gplint: {} — {} × 5 logon types, {}{hidden}\n",
        parts.join(", "),
        plural(accounts, "account"),
        plural(templates, "template"),
    )
}

/// `1 error`, `3 errors`.
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
