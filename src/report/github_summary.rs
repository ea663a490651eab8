//! The Markdown a GitHub Actions job shows on its summary page
//! (`$GITHUB_STEP_SUMMARY`): the counts and a table of findings.

use std::fmt::Write as _;

use crate::diagnostic::Severity;
use crate::finding::Finding;

use super::check_human::plural;
use super::sources::Sources;
use super::visible::{escape, is_hidden, visible_line};

/// The summary: a heading, the counts, and one table row per finding.
pub fn write(findings: &[Finding], sources: &Sources<'_>, accounts: usize) -> String {
    let mut out = String::from("## gplint\n\n");
    let _ = writeln!(
        out,
        "{}\n",
        counts(findings, accounts, sources.templates.len())
    );
    if findings.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    out.push_str("| severity | rule | account | logon type | where | message |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    for finding in findings {
        out.push_str(&row(finding, sources));
    }
    out
}

fn counts(findings: &[Finding], accounts: usize, templates: usize) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    format!(
        "**{}**, {}, {} — {} × 5 logon types, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note"),
        plural(accounts, "account"),
        plural(templates, "template")
    )
}

fn row(finding: &Finding, sources: &Sources<'_>) -> String {
    let place = finding
        .primary
        .as_ref()
        .and_then(|at| sources.region(at))
        .map(|r| code(&format!("{}:{}", r.file, r.start.0)))
        .unwrap_or_default();
    format!(
        "| {} | {} | {} | {} | {} | {} |\n",
        finding.severity.as_str(),
        code(&format!("{} {}", finding.rule, finding.rule_name)),
        finding.account.as_deref().map(code).unwrap_or_default(),
        finding.logon_type.map(|t| t.as_str()).unwrap_or_default(),
        place,
        text(&finding.message)
    )
}

/// A code span in a table cell: backslashes and `$` stay literal there,
/// only `|` needs its escape, and a backtick inside cannot close it.
fn code(text: &str) -> String {
    let inner = text.replace('|', "\\|").replace(['\r', '\n'], " ");
    let inner = visible_line(&inner);
    let fence = if inner.contains('`') { "`` " } else { "`" };
    let close = if inner.contains('`') { " ``" } else { "`" };
    format!("{fence}{inner}{close}")
}

/// Plain text in a table cell: Markdown's punctuation escaped, so a
/// `*SID`, a `NT SERVICE\<name>` or a `$` shows as written.
fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            c if is_hidden(c) => out.push_str(&escape(c)),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '$' | '~' | '&' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
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
}
