//! `docs/rules.md`, rendered from the loaded rules: the one place a rule's
//! documentation is written is its rule file; this page, `gplint rules ID`
//! and SARIF's rule help all come from it.

use std::fmt::Write as _;

use crate::rules::Rule;

/// The project's home; SARIF's `informationUri`.
pub use crate::PROJECT_URI;

/// The rendered page's path in the repository.
pub const RULE_DOCS_PATH: &str = "docs/rules.md";

/// The sections every rule's docs must have.
pub const REQUIRED_SECTIONS: [&str; 3] = ["What it does", "Why it matters", "Fix"];

/// The fragment that leads to a rule on the page: its id in lower case.
pub fn anchor(rule: &Rule) -> String {
    rule.id.to_ascii_lowercase()
}

/// The fragment GitHub gives the rule's heading (`## GPL101 name`):
/// lower case, spaces as hyphens, punctuation other than `-` and `_`
/// dropped, e.g. `gpl101-needed-logon-type-not-granted`.
pub fn heading_anchor(rule: &Rule) -> String {
    format!("{} {}", rule.id, rule.name)
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The rule's documentation on the web, for built-in rules only (a
/// team's own rules are not on the project's page): its section of
/// `docs/rules.md` in the repository at `base` (default [`PROJECT_URI`]),
/// at the tag of the running version, so the text matches the rule that
/// reported.
pub fn help_uri(rule: &Rule, base: &str) -> Option<String> {
    rule.origin.builtin.then(|| {
        format!(
            "{}/blob/v{}/{RULE_DOCS_PATH}#{}",
            base.trim_end_matches('/'),
            env!("CARGO_PKG_VERSION"),
            heading_anchor(rule)
        )
    })
}

/// The required sections `rule`'s docs lack.
pub fn missing_sections(rule: &Rule) -> Vec<&'static str> {
    REQUIRED_SECTIONS
        .into_iter()
        .filter(|title| rule.docs_section(title).is_none())
        .collect()
}

/// The whole page: an index, then one section per rule, in the order given.
pub fn render(rules: &[Rule]) -> String {
    let mut out = String::from(HEADER);
    out.push_str("| id | name | severity | applies to |\n| --- | --- | --- | --- |\n");
    for rule in rules {
        let _ = writeln!(
            out,
            "| [{}](#{}) | {} | {} | {} |",
            rule.id,
            anchor(rule),
            rule.name,
            rule.severity.as_str(),
            rule.applies_to.as_str()
        );
    }
    for rule in rules {
        out.push('\n');
        out.push_str(&section(rule));
    }
    out
}

const HEADER: &str = "# gplint rules

<!-- Generated from rules/*.yaml by src/report/rule_docs.rs: do not edit.
     To regenerate: GPLINT_UPDATE_DOCS=1 cargo test --test rule_docs -->

The built-in rules, one per file under [`rules/`](../rules/); `gplint rules ID`
prints the same documentation in a terminal. A finding that rests on a
Windows default rather than on a template's line is one step less severe.

";

/// One rule: anchor, heading, facts, its docs one heading level down, and
/// the text its findings carry.
fn section(rule: &Rule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<a id=\"{}\"></a>\n", anchor(rule));
    let _ = writeln!(out, "## {} {}\n", rule.id, rule.name);
    let _ = writeln!(out, "{}\n", rule.summary.trim());
    let _ = writeln!(out, "- **Severity:** {}", rule.severity.as_str());
    let _ = writeln!(out, "- **Applies to:** {} facts", rule.applies_to.as_str());
    if !rule.detects.is_empty() {
        let labels: Vec<String> = rule.detects.iter().map(|k| k.label()).collect();
        let _ = writeln!(out, "- **Detects:** {}", labels.join(", "));
    }
    let _ = writeln!(out, "- **Defined in:** [`{0}`](../{0})\n", rule.origin.file);
    let _ = writeln!(out, "{}\n", demote_headings(rule.docs.trim()));
    out.push_str(&reported_as(rule));
    out
}

/// The message templates, placeholders and all, as a finding shows them.
fn reported_as(rule: &Rule) -> String {
    let mut out = String::from(
        "### Reported as\n\nPlaceholders in braces are filled in from the finding.\n\n```text\n",
    );
    let _ = writeln!(out, "message: {}", rule.message.source());
    if let Some(help) = &rule.help {
        let _ = writeln!(out, "help:    {}", help.source());
    }
    if let Some(symptom) = &rule.symptom {
        let _ = writeln!(out, "note:    {}", symptom.source());
    }
    out.push_str("```\n");
    for variant in &rule.variants {
        out.push_str(&variant_text(variant));
    }
    out
}

/// A variant: what it is for, then its words.
fn variant_text(variant: &crate::rules::Variant) -> String {
    let mut out = format!("\nWhen {}:\n\n```text\n", variant.when.describe());
    if let Some(message) = &variant.message {
        let _ = writeln!(out, "message: {}", message.source());
    }
    if let Some(help) = &variant.help {
        let _ = writeln!(out, "help:    {}", help.source());
    }
    out.push_str("```\n");
    out
}

/// Puts each heading one level down, so a rule's `## Fix` sits under the
/// page's `## GPL101 …`. Code fences are left alone.
fn demote_headings(markdown: &str) -> String {
    let mut in_fence = false;
    let lines: Vec<String> = markdown
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_fence = !in_fence;
            }
            let heading =
                trimmed.starts_with('#') && trimmed.trim_start_matches('#').starts_with(' ');
            if !in_fence && heading {
                format!("#{trimmed}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_go_one_level_down_outside_fences() {
        let docs = "## What it does\ntext\n```sh\n# a comment\n```\n## Fix";
        assert_eq!(
            demote_headings(docs),
            "### What it does\ntext\n```sh\n# a comment\n```\n### Fix"
        );
    }
}
