//! The GitHub Actions form of `gplint check`: one workflow command per
//! finding, which the runner turns into an annotation on the file and line
//! of a pull request. GitHub shows 10 annotations of each type per step
//! and drops the rest silently, so gplint writes errors first, at most 10
//! of each type, and one `::notice::` line that says how many more there
//! are and where they are.

use std::fmt::Write as _;

use crate::diagnostic::Severity;
use crate::finding::Finding;

use super::check_human::plural;
use super::ci::Selection;
use super::sources::Sources;
use super::visible::{escape, is_hidden};

/// The annotations of one type GitHub shows for a step.
pub const MAX_PER_TYPE: usize = 10;

/// One `::error file=…,line=…::message` line per finding shown, errors
/// first, at most [`MAX_PER_TYPE`] of each type, then the line that counts
/// the rest. When there is such a line, notices stop at one fewer, so that
/// the line, itself a notice, is among the ten GitHub keeps.
pub fn write(findings: &[Finding], sources: &Sources<'_>, selection: Selection) -> String {
    let shown = selection.select(findings);
    let count = |level| shown.iter().filter(|f| selection.level(f) == level).count();
    let levels = [Severity::Error, Severity::Warning, Severity::Note];
    let over = levels.iter().any(|&level| count(level) > MAX_PER_TYPE);
    let cap = |level| match (level, over) {
        (Severity::Note, true) => MAX_PER_TYPE - 1,
        _ => MAX_PER_TYPE,
    };
    let mut out = String::new();
    let mut left = Vec::new();
    for level in levels {
        let of_level = shown.iter().filter(|f| selection.level(f) == level);
        for finding in of_level.clone().take(cap(level)) {
            out.push_str(&command(finding, sources, level));
            out.push('\n');
        }
        let more = of_level.count().saturating_sub(cap(level));
        if more > 0 {
            left.push(plural(more, &format!("more {}", level.as_str())));
        }
    }
    if !left.is_empty() {
        let _ = writeln!(
            out,
            "::notice title=gplint::{}: see the job summary / SARIF",
            left.join(", ")
        );
    }
    out
}

/// One workflow command: the level's command, the place and title as
/// properties, and message, help and note as data on separate lines.
pub fn command(finding: &Finding, sources: &Sources<'_>, level: Severity) -> String {
    let mut properties = Vec::new();
    if let Some(region) = finding.primary.as_ref().and_then(|at| sources.region(at)) {
        properties.push(format!("file={}", escape_property(region.file)));
        properties.push(format!("line={}", region.start.0));
        properties.push(format!("col={}", region.start.1));
        properties.push(format!("endLine={}", region.end.0));
        properties.push(format!("endColumn={}", region.end.1));
    }
    properties.push(format!("title={}", escape_property(&title(finding))));
    format!(
        "::{} {}::{}",
        command_name(level),
        properties.join(","),
        escape_data(&text(finding))
    )
}

/// The workflow command for a severity; GitHub has no `note`, only `notice`.
fn command_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

fn title(finding: &Finding) -> String {
    let mut title = match super::check_human::scope_phrase(finding) {
        Some(scopes) => format!("{} {} ({scopes})", finding.rule, finding.rule_name),
        None => format!("{} {}", finding.rule, finding.rule_name),
    };
    if finding.is_existing() {
        title.push_str(" (");
        title.push_str(super::check_human::ON_BASE);
        title.push(')');
    }
    title
}

fn text(finding: &Finding) -> String {
    let mut text = match &finding.waived {
        Some(w) => format!(
            "waived until {}: {}\n{}",
            w.expires, w.reason, finding.message
        ),
        None => finding.message.clone(),
    };
    if let Some(help) = &finding.help {
        let _ = write!(text, "\nhelp: {help}");
    }
    if let Some(note) = &finding.note {
        let _ = write!(text, "\nnote: {note}");
    }
    text
}

/// Escapes a command's message as the runner expects: `%`, CR and LF.
/// Other control characters are written visibly (`\u{1b}`): the job's
/// log shows a raw ESC as a terminal would.
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if c != '\t' && is_hidden(c) => out.push_str(&escape(c)),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a property value: as data, and `:` and `,`, which would end
/// the value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_ends_only() {
        assert_eq!(escape_data("100%\r\nnext: a,b"), "100%25%0D%0Anext: a,b");
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("a\u{1b}[2J\tb"), "a\\u{1b}[2J\tb");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property(r"C:\GPOs\a,b.inf"), r"C%3A\GPOs\a%2Cb.inf");
        assert_eq!(escape_property("50%\n"), "50%25%0A");
    }

    #[test]
    fn notes_become_notices() {
        assert_eq!(command_name(Severity::Note), "notice");
        assert_eq!(command_name(Severity::Warning), "warning");
        assert_eq!(command_name(Severity::Error), "error");
    }
}
