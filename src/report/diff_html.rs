//! `gplint diff --format html`: one self-contained page for a reviewer.
//! The headline and the list of changes, then per scope the accounts ×
//! logon-types matrix of BASE and HEAD side by side, the changed cells
//! marked (class `changed` and a `Δ`, not colour alone). A scope whose
//! cells are the same on both sides, evidence included, is drawn once,
//! which keeps a change to a few scopes of a large forest small. With a
//! directory, its accounts that `services.yaml` does not declare get one
//! section listing their changes by cause, and no matrix rows.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::diff::{
    Cell, CellKey, Change, Diff, DirectoryChanges, FindingChange, HoldersChange, Snapshot, grouped,
};

use super::matrix_html::{self, Evidence, Matrix, esc, evidence, scope_name};

/// Up to this many changed cells carry their evidence in the page and
/// are listed one by one; beyond, the script shows evidence (the page
/// must stay small for a change to every scope of a forest).
const INLINE: usize = 500;

/// BASE and HEAD: as given, and evaluated.
#[derive(Clone, Copy)]
pub struct Sides<'a> {
    /// BASE and HEAD as given on the command line.
    pub labels: (&'a str, &'a str),
    /// BASE evaluated.
    pub base: &'a Snapshot,
    /// HEAD evaluated.
    pub head: &'a Snapshot,
}

/// The HTML report of `diff`.
pub fn write(diff: &Diff, sides: Sides<'_>) -> String {
    let mut out = String::new();
    let title = format!("gplint diff {} → {}", sides.labels.0, sides.labels.1);
    matrix_html::open(&mut out, &title, true);
    let _ = write!(
        out,
        "<p>BASE <code>{}</code><br>HEAD <code>{}</code></p>\n<p class=\"headline\"><strong>{}</strong></p>\n",
        esc(sides.labels.0),
        esc(sides.labels.1),
        esc(&diff.summary().headline())
    );
    changes(&mut out, diff);
    if let Some(d) = &diff.directory {
        directory(&mut out, d);
    }
    let changed: BTreeSet<CellKey> = diff
        .verdicts()
        .map(|v| (v.scope.clone(), v.account.clone(), v.logon_type))
        .collect();
    let by_scope = matrix_html::accounts_by_scope(&[sides.base, sides.head]);
    let mut evidence = Evidence::default();
    for (scope, accounts) in &by_scope {
        let count = changed.iter().filter(|k| &k.0 == *scope).count();
        let _ = write!(
            out,
            "<section class=\"scope\" data-scope=\"{}\"><h2>{}{}</h2>\n<div class=\"sides\">",
            esc(&scope_name(scope).to_lowercase()),
            esc(scope_name(scope)),
            if count > 0 {
                format!(" <span class=\"mark\">Δ</span> {count} changed")
            } else {
                String::new()
            }
        );
        let both = [("BASE", sides.base), ("HEAD", sides.head)];
        let one = [("BASE = HEAD", sides.head)];
        Matrix {
            sides: if same_cells(sides, scope) {
                &one
            } else {
                &both
            },
            scope,
            accounts,
            changed: &changed,
            inline: changed.len() <= INLINE,
        }
        .write(&mut out, &mut evidence);
        out.push_str("</div></section>\n");
    }
    matrix_html::close(&mut out, &evidence);
    out
}

/// Whether every cell of `scope` is the same on both sides, evidence
/// included.
fn same_cells(sides: Sides<'_>, scope: &Option<String>) -> bool {
    let of = |s: &'_ Snapshot| -> Vec<(CellKey, Cell)> {
        s.cells
            .iter()
            .filter(|(k, _)| &k.0 == scope)
            .map(|(k, c)| (k.clone(), c.clone()))
            .collect()
    };
    of(sides.base) == of(sides.head)
}

/// The list of every change, as the human report words it.
fn changes(out: &mut String, diff: &Diff) {
    if diff.changes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<details open><summary>{} changes</summary><ul class=\"changes\">",
        diff.changes.len()
    );
    for change in diff.changes.iter().take(INLINE) {
        out.push_str("<li>");
        match change {
            Change::Verdict(v) => {
                let state = |c: &Option<Cell>| c.as_ref().map_or("absent", |c| c.state.as_str());
                let _ = write!(
                    out,
                    "{}{} · {} · {}: {} → {}{}",
                    if v.breaks {
                        "<strong>breaks an expectation</strong> "
                    } else {
                        ""
                    },
                    esc(&v.account),
                    esc(scope_name(&v.scope)),
                    v.logon_type.as_str(),
                    state(&v.before),
                    state(&v.after),
                    v.after
                        .as_ref()
                        .map(|c| format!(" — {}", esc(&evidence(c))))
                        .unwrap_or_default()
                );
            }
            Change::Holders(h) => holders(out, h),
            Change::Finding(f) => finding(out, f),
        }
        out.push_str("</li>\n");
    }
    if let Some(more) = diff.changes.len().checked_sub(INLINE).filter(|&n| n > 0) {
        let _ = writeln!(
            out,
            "<li>{more} more: tick “changed only” to see them in the matrices</li>"
        );
    }
    out.push_str("</ul></details>\n");
}

/// The directory's undeclared accounts: one item per cause, with the
/// first accounts' names.
fn directory(out: &mut String, d: &DirectoryChanges) {
    let _ = writeln!(
        out,
        "<section class=\"directory\"><h2>Directory accounts without an expectation</h2>\n<p>{} surveyed; they never change the exit code.</p>",
        grouped(d.surveyed)
    );
    if d.changes.is_empty() {
        out.push_str("<p>No verdict of theirs changes.</p></section>\n");
        return;
    }
    out.push_str("<ul class=\"changes\">\n");
    for change in d.changes.iter().take(INLINE) {
        let _ = writeln!(
            out,
            "<li>{}<br><small>{}</small></li>",
            esc(&change.sentence()),
            esc(&change.accounts_text())
        );
    }
    if let Some(more) = d.changes.len().checked_sub(INLINE).filter(|&n| n > 0) {
        let _ = writeln!(
            out,
            "<li>{} more: run <code>gplint diff --format json</code> for all of them</li>",
            grouped(more)
        );
    }
    out.push_str("</ul></section>\n");
}

fn holders(out: &mut String, h: &HoldersChange) {
    let list = |v: &[String]| esc(&v.join(", "));
    let _ = write!(out, "{} in {}:", h.right, esc(scope_name(&h.scope)));
    if !h.added.is_empty() {
        let _ = write!(out, " added {}", list(&h.added));
    }
    if !h.removed.is_empty() {
        let _ = write!(out, " removed {}", list(&h.removed));
    }
}

fn finding(out: &mut String, f: &FindingChange) {
    let v = &f.finding;
    let _ = write!(
        out,
        "{} finding {} {} [{}]: {}",
        if f.appeared { "new" } else { "gone" },
        esc(&v.rule),
        v.severity.as_str(),
        esc(&v.scopes.join(", ")),
        esc(&v.message)
    );
}
