//! The Markdown a GitHub Actions job shows on its summary page
//! (`$GITHUB_STEP_SUMMARY`): the counts, waived findings apart, and a table
//! of the first findings, errors first. GitHub drops a summary over 1 MiB
//! whole, so the table stops at [`MAX_ROWS`] rows and at a byte budget,
//! and every cell is cut to a bound: the summary stays under the limit
//! whatever the inputs hold.

use std::fmt::Write as _;

use crate::clip::middle;
use crate::diagnostic::Severity;
use crate::finding::Finding;

use super::check_human::plural;
use super::ci::{RepoPaths, Selection};
use super::markdown::{code, text};
use super::sources::Sources;
use super::visible::visible_line;

/// The most bytes GitHub accepts in one step's summary.
pub const MAX_BYTES: usize = 1024 * 1024;

/// The most findings listed in the table.
pub const MAX_ROWS: usize = 100;

/// The bytes kept free for what follows the table (the "more" lines).
const TRAILER: usize = 4 * 1024;

/// The most characters of a cell: a row is then a few KiB at most.
const MAX_CELL: usize = 1_000;

/// Where a file of the commit is on GitHub: `GITHUB_SERVER_URL`,
/// `GITHUB_REPOSITORY` and `GITHUB_SHA`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Links {
    /// `https://github.com`.
    pub server: String,
    /// `owner/name`.
    pub repository: String,
    /// The commit.
    pub sha: String,
}

/// What the summary needs beyond the findings.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// How many accounts were declared.
    pub accounts: usize,
    /// Which findings are listed, at which level.
    pub selection: Selection,
    /// For file names relative to the repository, in links.
    pub paths: &'a RepoPaths,
    /// Links to the file and line, when the run is in GitHub Actions.
    pub links: Option<&'a Links>,
}

/// The summary: a heading, the counts, the table (in one `<details>` per
/// scope when findings have scopes) and what the table left out.
pub fn write(findings: &[Finding], sources: &Sources<'_>, context: &Context<'_>) -> String {
    let mut out = String::from("## gplint\n\n");
    let _ = writeln!(
        out,
        "{}\n",
        counts(findings, context.accounts, sources.templates.len())
    );
    if findings.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    let shown = context.selection.select(findings);
    let listed = table(&mut out, &shown, sources, context);
    let more = shown.len() - listed;
    if more > 0 {
        let _ = writeln!(
            out,
            "\n**{}** not in this table: see the SARIF, or run `gplint check` for every finding.",
            plural(more, "more finding")
        );
    }
    let below = findings.len() - shown.len();
    if below > 0 {
        let _ = writeln!(
            out,
            "\n{} below {} not listed.",
            plural(below, "finding"),
            context.selection.min_severity.as_str()
        );
    }
    out
}

/// Writes the rows, grouped by scope in the order of their first row, and
/// returns how many were written: at most [`MAX_ROWS`], and only while
/// the summary stays under [`MAX_BYTES`] with room for the trailer.
fn table(
    out: &mut String,
    shown: &[&Finding],
    sources: &Sources<'_>,
    context: &Context<'_>,
) -> usize {
    let budget = MAX_BYTES - TRAILER;
    let mut rows: Vec<(Option<&str>, String)> = Vec::new();
    // Each group adds its `<details>` and header once: counted as a row's worth.
    let mut size = out.len();
    for finding in shown.iter().take(MAX_ROWS) {
        let row = row(finding, sources, context);
        let scope = finding.scope.as_deref();
        let new_group = !rows.iter().any(|(s, _)| *s == scope);
        let extra = if new_group {
            group_open(scope, 0).len() + HEADER.len() + 20
        } else {
            0
        };
        if size + row.len() + extra > budget {
            break;
        }
        size += row.len() + extra;
        rows.push((scope, row));
    }
    let mut order: Vec<Option<&str>> = Vec::new();
    for (scope, _) in &rows {
        if !order.contains(scope) {
            order.push(*scope);
        }
    }
    for scope in order {
        let group: Vec<&String> = rows
            .iter()
            .filter(|(s, _)| *s == scope)
            .map(|(_, r)| r)
            .collect();
        out.push_str(&group_open(scope, group.len()));
        out.push_str(HEADER);
        group.into_iter().for_each(|row| out.push_str(row));
        if scope.is_some() {
            out.push_str("\n</details>\n");
        }
        out.push('\n');
    }
    rows.len()
}

const HEADER: &str = "| severity | rule | account | logon type | where | message |\n| --- | --- | --- | --- | --- | --- |\n";

/// A scope's `<details>` and summary line (a blank line follows, so the
/// table inside is Markdown); nothing for findings without a scope.
fn group_open(scope: Option<&str>, rows: usize) -> String {
    match scope {
        Some(scope) => format!(
            "<details><summary>scope {}: {}</summary>\n\n",
            html(&middle(scope, MAX_CELL)),
            plural(rows, "finding")
        ),
        None => String::new(),
    }
}

/// Text inside an HTML element: `&`, `<` and `>` as entities.
fn html(text: &str) -> String {
    visible_line(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Errors, warnings and notes not waived, then the waived ones apart:
/// a waived error does not fail the run, so it is not counted as one.
fn counts(findings: &[Finding], accounts: usize, templates: usize) -> String {
    let count = |s: Severity| {
        findings
            .iter()
            .filter(|f| f.severity == s && f.waived.is_none())
            .count()
    };
    let waived = findings.iter().filter(|f| f.waived.is_some()).count();
    let waived = match waived {
        0 => String::new(),
        n => format!(", {n} waived"),
    };
    format!(
        "**{}**, {}, {}{waived} — {} × 5 logon types, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note"),
        plural(accounts, "account"),
        plural(templates, "template")
    )
}

fn row(finding: &Finding, sources: &Sources<'_>, context: &Context<'_>) -> String {
    let place = finding
        .primary
        .as_ref()
        .and_then(|at| sources.region(at))
        .map(|r| place(r.file, r.start.0, context))
        .unwrap_or_default();
    let severity = match &finding.waived {
        Some(_) => format!("waived {}", finding.severity.as_str()),
        None => context.selection.level(finding).as_str().to_owned(),
    };
    format!(
        "| {} | {} | {} | {} | {} | {} |\n",
        severity,
        code(&format!("{} {}", finding.rule, finding.rule_name)),
        finding
            .account
            .as_deref()
            .map(|a| code(&middle(a, MAX_CELL)))
            .unwrap_or_default(),
        finding.logon_type.map(|t| t.as_str()).unwrap_or_default(),
        place,
        text(&middle(&finding.message, MAX_CELL))
    )
}

/// `file:line` as code, linked to the line on GitHub when the run is in
/// Actions and the file is in the repository.
fn place(file: &str, line: usize, context: &Context<'_>) -> String {
    let shown = code(&format!("{}:{line}", middle(file, MAX_CELL)));
    let relative = context.paths.relative(file);
    match (context.links, relative) {
        (Some(links), Some(relative)) => format!(
            "[{shown}]({}/{}/blob/{}/{}#L{line})",
            links.server.trim_end_matches('/'),
            links.repository,
            links.sha,
            url_path(&relative)
        ),
        _ => shown,
    }
}

/// A relative path in a URL: bytes other than unreserved ones and `/`
/// percent-encoded, so a space or `)` cannot end the link.
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_text_as_written() {
        assert_eq!(
            text(r"NT SERVICE\<name> *S-1 a|b"),
            r"NT SERVICE\\\<name\> \*S-1 a\|b"
        );
        assert_eq!(code(r"CONTOSO\gmsa_web$"), r"`CONTOSO\gmsa_web$`");
        assert_eq!(code("a|b"), r"`a\|b`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(text("a\u{1b}b"), "a\\u{1b}b");
        assert_eq!(code("a\u{1b}b"), "`a\\u{1b}b`");
    }

    #[test]
    fn link_paths_are_percent_encoded() {
        assert_eq!(url_path("GPOs/a b)/x.inf"), "GPOs/a%20b%29/x.inf");
        assert_eq!(html("<a & b>"), "&lt;a &amp; b&gt;");
    }
}
