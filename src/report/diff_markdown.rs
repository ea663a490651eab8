//! `gplint diff --format markdown`: the change as a pull-request or
//! merge-request comment. A headline, a table of the changed cells
//! (breaking ones first), with a directory a table of its undeclared
//! accounts' changes by cause, then the holder changes and the findings
//! in collapsed `<details>`.
//!
//! GitHub refuses a comment over [`MAX_CHARS`] characters, so the
//! comment is built under a budget: every cell is cut to [`MAX_CELL`]
//! characters before escaping (a row is then a few KiB at most), a row is
//! written only while the text stays under the limit with `RESERVE`
//! bytes left for what follows, and what did not fit is counted in an
//! "N more" line. Bytes are counted, which bounds characters (and UTF-16
//! units) from above.

use std::fmt::Write as _;

use crate::clip::middle;
use crate::diff::{
    Cell, Change, Diff, DirectoryChange, DirectoryChanges, Expected, FindingChange, HoldersChange,
    VerdictChange, grouped,
};

use super::check_human::plural;
use super::markdown::{code, text};

/// The most characters GitHub accepts in an issue or pull-request comment.
pub const MAX_CHARS: usize = 65_536;

/// The first line of every comment: CI finds the comment it posted
/// before by this line and updates it instead of adding another.
pub const MARKER: &str = "<!-- gplint-diff -->";

/// The most characters of a text from the inputs in one cell.
pub const MAX_CELL: usize = 300;

/// Bytes kept free, while rows are written, for every line that may
/// follow them: section headings, "more" lines and closing tags, none of
/// which hold text from the inputs.
const RESERVE: usize = 4 * 1024;

/// The share of the budget the changed cells may use when holder changes
/// or findings follow, so those are not always left out.
const CELLS_SHARE: usize = MAX_CHARS / 8 * 5;

/// The share of the budget the changed cells and the directory's
/// accounts may use together when holder changes or findings follow.
const DIRECTORY_SHARE: usize = MAX_CHARS / 8 * 6;

/// The comment for `diff` between `labels` (BASE, HEAD) as given.
pub fn write(diff: &Diff, labels: (&str, &str)) -> String {
    let summary = diff.summary();
    let mut out = format!("{MARKER}\n## gplint diff\n\n");
    let _ = writeln!(out, "**{}**\n", text(&summary.headline()));
    let _ = writeln!(
        out,
        "BASE: {}  \nHEAD: {}\n",
        text(&middle(labels.0, MAX_CELL)),
        text(&middle(labels.1, MAX_CELL))
    );
    let others = summary.rights + summary.findings_new + summary.findings_gone > 0;
    let cap = if others || diff.directory.is_some() {
        CELLS_SHARE
    } else {
        MAX_CHARS
    };
    cells(&mut out, diff, cap);
    if let Some(d) = &diff.directory {
        let cap = if others { DIRECTORY_SHARE } else { MAX_CHARS };
        directory(&mut out, d, cap);
    }
    holders(&mut out, diff);
    findings(&mut out, diff);
    out
}

/// Appends `row` when the text then stays under `cap` with the reserve
/// left; says whether it did.
fn push_row(out: &mut String, row: &str, cap: usize) -> bool {
    let fits = out.len() + row.len() + RESERVE < cap.min(MAX_CHARS);
    if fits {
        out.push_str(row);
    }
    fits
}

/// Writes `rows` after `head` while they fit, then the "more" line.
fn table(out: &mut String, head: &str, rows: impl ExactSizeIterator<Item = String>, cap: usize) {
    let total = rows.len();
    out.push_str(head);
    let mut written = 0;
    for row in rows {
        if !push_row(out, &row, cap) {
            break;
        }
        written += 1;
    }
    if written < total {
        let _ = writeln!(
            out,
            "\n**{} more** not shown here: run `gplint diff` or open the report artifact for all of them.",
            total - written
        );
    }
}

fn cells(out: &mut String, diff: &Diff, cap: usize) {
    let mut verdicts: Vec<&VerdictChange> = diff.verdicts().collect();
    if verdicts.is_empty() {
        out.push_str("No declared account's logon changes.\n");
        return;
    }
    // Breaking changes first, then refusals: a cut drops the rest.
    verdicts.sort_by_key(|v| (!v.breaks, !v.refuses()));
    let head =
        "| Account | Scope | Logon type | Before → after | Because |\n|---|---|---|---|---|\n";
    table(out, head, verdicts.into_iter().map(verdict_row), cap);
}

fn verdict_row(v: &VerdictChange) -> String {
    let state = |c: &Option<Cell>| c.as_ref().map_or("absent", |c| c.state.as_str());
    let breaks = match (v.breaks, v.expected) {
        (true, Some(Expected::Must)) => " (**breaks** logon)",
        (true, _) => " (**breaks** no\\_logon)",
        _ => "",
    };
    format!(
        "| {} | {} | {} | {} → {}{breaks} | {} |\n",
        code(&middle(&v.account, MAX_CELL)),
        scope(v.scope.as_deref()),
        v.logon_type.as_str(),
        state(&v.before),
        state(&v.after),
        v.after
            .as_ref()
            .map_or_else(|| "the scope is not on HEAD".to_owned(), because)
    )
}

/// The directory's undeclared accounts: one row per logon type, pair of
/// verdicts and cause, with the first accounts' names.
fn directory(out: &mut String, d: &DirectoryChanges, cap: usize) {
    let _ = writeln!(
        out,
        "\n**Directory accounts without an expectation** ({} surveyed; they never change the exit code)\n",
        grouped(d.surveyed)
    );
    if d.changes.is_empty() {
        out.push_str("No verdict of theirs changes.\n");
        return;
    }
    let head = "| Accounts | Logon type | Before → after | Through | Right | Scopes | First accounts |\n|---|---|---|---|---|---|---|\n";
    table(out, head, d.changes.iter().map(directory_row), cap);
}

fn directory_row(c: &DirectoryChange) -> String {
    let state = |s: Option<crate::diff::State>| s.map_or("absent", |s| s.as_str());
    let through = match (&c.cause.principal, &c.cause.restriction) {
        (_, Some(status)) => code(status),
        (Some(principal), None) => code(&middle(principal, MAX_CELL)),
        (None, None) => String::new(),
    };
    format!(
        "| {} | {} | {} → {} | {through} | {} | {} | {} |\n",
        grouped(c.count),
        c.logon_type.as_str(),
        state(c.before),
        state(c.after),
        c.cause.right,
        text(&middle(&c.scope_list(), MAX_CELL)),
        text(&middle(&c.accounts_text(), MAX_CELL * 4))
    )
}

fn scope(scope: Option<&str>) -> String {
    scope.map_or_else(
        || "all inputs as one chain".to_owned(),
        |s| code(&middle(s, MAX_CELL)),
    )
}

/// What decides HEAD's cell, in words.
fn because(cell: &Cell) -> String {
    use crate::diff::State;
    let at = cell.place.as_ref().map_or_else(
        || " (Windows' default)".to_owned(),
        |p| {
            format!(
                " ({})",
                code(&format!("{}:{}", middle(&p.file, MAX_CELL), p.line))
            )
        },
    );
    let entry = code(&middle(cell.entry.as_deref().unwrap_or_default(), MAX_CELL));
    let via = if cell.via.len() > 1 {
        format!(
            " through {}",
            text(&middle(&cell.via.join(" → "), MAX_CELL))
        )
    } else {
        String::new()
    };
    let right = cell.right;
    match cell.state {
        State::Denied => format!("denied by {entry} in {right}{via}{at}"),
        State::Allowed => format!("granted by {entry} in {right}{via}{at}"),
        State::NotGranted => format!("no entry of {right} holds it{at}"),
        State::Restricted => format!(
            "the rights allow it; {}",
            text(&middle(
                cell.restriction
                    .as_deref()
                    .unwrap_or("a restriction refuses it"),
                MAX_CELL
            ))
        ),
    }
}

fn holders(out: &mut String, diff: &Diff) {
    let changes: Vec<&HoldersChange> = diff
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Holders(h) => Some(h),
            _ => None,
        })
        .collect();
    if changes.is_empty() {
        return;
    }
    let rows: Vec<String> = changes.iter().flat_map(|h| holder_rows(h)).collect();
    let _ = writeln!(
        out,
        "\n<details><summary>Logon rights: {} in {}</summary>\n",
        plural(rows.len(), "holder change"),
        plural(changes.len(), "right")
    );
    let head = "| Scope | Right | Change | Holder |\n|---|---|---|---|\n";
    table(out, head, rows.into_iter(), MAX_CHARS);
    out.push_str("\n</details>\n");
}

fn holder_rows(h: &HoldersChange) -> Vec<String> {
    let scope = scope(h.scope.as_deref());
    [("added", &h.added), ("removed", &h.removed)]
        .into_iter()
        .flat_map(|(word, list)| list.iter().map(move |holder| (word, holder)))
        .map(|(word, holder)| {
            format!(
                "| {scope} | {} | {word} | {} |\n",
                h.right,
                code(&middle(holder, MAX_CELL))
            )
        })
        .collect()
}

fn findings(out: &mut String, diff: &Diff) {
    let changes: Vec<&FindingChange> = diff
        .changes
        .iter()
        .filter_map(|c| match c {
            Change::Finding(f) => Some(f),
            _ => None,
        })
        .collect();
    if changes.is_empty() {
        return;
    }
    let new = changes.iter().filter(|f| f.appeared).count();
    let _ = writeln!(
        out,
        "\n<details><summary>Findings: {new} new, {} gone</summary>\n",
        changes.len() - new
    );
    let head = "| | Rule | Severity | Scopes | Message |\n|---|---|---|---|---|\n";
    let rows = changes.into_iter().map(finding_row).collect::<Vec<_>>();
    table(out, head, rows.into_iter(), MAX_CHARS);
    out.push_str("\n</details>\n");
}

fn finding_row(f: &FindingChange) -> String {
    let v = &f.finding;
    format!(
        "| {} | {} | {} | {} | {} |\n",
        if f.appeared { "new" } else { "gone" },
        code(&middle(&v.rule, MAX_CELL)),
        v.severity.as_str(),
        text(&middle(&v.scopes.join(", "), MAX_CELL)),
        text(&middle(&v.message, MAX_CELL))
    )
}
