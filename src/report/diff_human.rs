//! `gplint diff` as text: a headline, then the changes grouped by scope,
//! then the findings that appear or disappear; and the JSON document.

use std::fmt::Write as _;

use serde::Serialize;

use crate::diff::{
    Cell, Change, Diff, DirectoryChange, DirectoryChanges, Expected, FindingChange, HoldersChange,
    State, Summary, VerdictChange, grouped,
};

use super::visible_line;

/// The human report of `diff`, between `labels` (BASE, HEAD) as given.
pub fn write(diff: &Diff, labels: (&str, &str)) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "BASE {}\nHEAD {}\n", line(labels.0), line(labels.1));
    let _ = writeln!(out, "{}", diff.summary().headline());
    let mut scope: Option<&Option<String>> = None;
    let mut findings = diff.changes.iter().filter_map(|c| match c {
        Change::Finding(f) => Some(f),
        _ => None,
    });
    for change in &diff.changes {
        let here = match change {
            Change::Verdict(v) => &v.scope,
            Change::Holders(h) => &h.scope,
            Change::Finding(_) => continue,
        };
        if scope != Some(here) {
            let _ = writeln!(out, "\n{}", heading(here));
            scope = Some(here);
        }
        match change {
            Change::Verdict(v) => verdict(&mut out, v),
            Change::Holders(h) => holders(&mut out, h),
            Change::Finding(_) => {}
        }
    }
    if let Some(d) = &diff.directory {
        directory(&mut out, d);
    }
    if let Some(first) = findings.next() {
        out.push_str("\nfindings\n");
        for f in std::iter::once(first).chain(findings) {
            finding(&mut out, f);
        }
    }
    out
}

fn heading(scope: &Option<String>) -> String {
    match scope {
        Some(name) => format!("scope {}", line(name)),
        None => "the inputs as one chain".to_owned(),
    }
}

fn verdict(out: &mut String, v: &VerdictChange) {
    let state = |c: &Option<Cell>| c.as_ref().map_or("absent", |c| c.state.as_str());
    let mark = match (v.breaks, v.expected) {
        (true, Some(Expected::Must)) => format!("  BREAKS logon: {}", v.logon_type.as_str()),
        (true, _) => format!("  BREAKS no_logon: {}", v.logon_type.as_str()),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "  {}  {}  {} → {}{mark}",
        line(&v.account),
        v.logon_type.as_str(),
        state(&v.before),
        state(&v.after)
    );
    if let Some(because) = v.after.as_ref().map(because) {
        let _ = writeln!(out, "      {because}");
    }
}

/// What decides HEAD's cell, in words.
fn because(cell: &Cell) -> String {
    let at = cell.place.as_ref().map_or_else(
        || " (Windows' default)".to_owned(),
        |p| format!(" ({}:{})", line(&p.file), p.line),
    );
    let entry = cell.entry.as_deref().map(line).unwrap_or_default();
    let via = if cell.via.len() > 1 {
        format!(" through {}", line(&cell.via.join(" → ")))
    } else {
        String::new()
    };
    match cell.state {
        State::Denied => format!("denied by `{entry}` in {}{via}{at}", cell.right),
        State::Allowed => format!("granted by `{entry}` in {}{via}{at}", cell.right),
        State::NotGranted => format!("no entry of {} holds it{at}", cell.right),
        State::Restricted => format!(
            "the rights allow it; {}",
            line(
                cell.restriction
                    .as_deref()
                    .unwrap_or("a restriction refuses it")
            )
        ),
    }
}

/// The directory's undeclared accounts: one line per cause, then the
/// first accounts' names.
fn directory(out: &mut String, d: &DirectoryChanges) {
    let _ = writeln!(
        out,
        "\ndirectory accounts without an expectation ({} surveyed; they never change the exit code)",
        grouped(d.surveyed)
    );
    if d.changes.is_empty() {
        out.push_str("  no verdict of theirs changes\n");
    }
    for change in &d.changes {
        let _ = writeln!(out, "  {}", line(&change.sentence()));
        let _ = writeln!(out, "    {}", line(&change.accounts_text()));
    }
}

fn holders(out: &mut String, h: &HoldersChange) {
    for (word, list) in [("added", &h.added), ("removed", &h.removed)] {
        for holder in list {
            let _ = writeln!(out, "  {}: {word} {}", h.right, line(holder));
        }
    }
}

fn finding(out: &mut String, f: &FindingChange) {
    let word = if f.appeared { "new " } else { "gone" };
    let v = &f.finding;
    let scopes = if v.scopes.is_empty() {
        String::new()
    } else {
        format!(" [{}]", line(&v.scopes.join(", ")))
    };
    let _ = writeln!(
        out,
        "  {word} {} {}{scopes}: {}",
        v.rule,
        v.severity.as_str(),
        line(&v.message)
    );
}

/// A text from the inputs on one visible line.
fn line(text: &str) -> String {
    visible_line(text).into_owned()
}

/// The JSON document of `diff`.
#[derive(Debug, Serialize)]
pub struct DiffJson<'a> {
    /// The version of this shape.
    pub version: u32,
    /// BASE as given.
    pub base: &'a str,
    /// HEAD as given.
    pub head: &'a str,
    /// The headline, in words.
    pub headline: String,
    /// The headline's counts.
    pub summary: Summary,
    /// Whether the change breaks an expectation that held on BASE (exit 1).
    pub breaks: bool,
    /// Every change, grouped by scope, then the findings.
    pub changes: &'a [Change],
    /// With a directory: how many of its accounts `services.yaml` does
    /// not declare, all evaluated on both sides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory_accounts: Option<usize>,
    /// With a directory: those accounts' verdict changes, aggregated by
    /// logon type, verdicts and cause, the most accounts first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory_changes: Option<&'a [DirectoryChange]>,
}

/// The JSON view of `diff` between `labels`.
pub fn json_view<'a>(diff: &'a Diff, labels: (&'a str, &'a str)) -> DiffJson<'a> {
    let summary = diff.summary();
    DiffJson {
        version: 1,
        base: labels.0,
        head: labels.1,
        headline: summary.headline(),
        summary,
        breaks: diff.breaks(),
        changes: &diff.changes,
        directory_accounts: diff.directory.as_ref().map(|d| d.surveyed),
        directory_changes: diff.directory.as_ref().map(|d| d.changes.as_slice()),
    }
}
