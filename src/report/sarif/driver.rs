//! `tool.driver`: gplint and every loaded rule as a `reportingDescriptor`.

use crate::rules::Rule;

use crate::diagnostic::Severity;

use super::super::rule_docs::{PROJECT_URI, help_uri};
use super::model::{Configuration, Descriptor, Driver, RuleProperties, Text};

/// The tags every rule carries: GitHub filters alerts by them.
const TAGS: [&str; 3] = ["security", "windows", "logon-rights"];

/// The driver with every rule, in the order given (results index into
/// it); `help_base` is the repository whose `docs/rules.md` `helpUri`
/// points into.
pub(super) fn driver(rules: &[Rule], help_base: &str) -> Driver {
    Driver {
        name: "gplint",
        version: env!("CARGO_PKG_VERSION"),
        information_uri: PROJECT_URI,
        rules: rules
            .iter()
            .map(|rule| descriptor(rule, help_base))
            .collect(),
    }
}

/// GitHub's `security-severity` for a rule's level. An error is an account
/// that cannot log on as it must (an outage) or one that can where it must
/// not (an exposure): 7.5, GitHub's "high", not "critical", as a template
/// is one input of the effective policy and gplint sees no exploit. A
/// warning (5.0, "medium") is a risk that needs a condition to bite; a
/// note (2.0, "low") is context.
fn security_severity(level: Severity) -> &'static str {
    match level {
        Severity::Error => "7.5",
        Severity::Warning => "5.0",
        Severity::Note => "2.0",
    }
}

fn properties(rule: &Rule) -> RuleProperties {
    RuleProperties {
        tags: TAGS,
        // Findings follow from the templates' text and Windows' documented
        // precedence, not heuristics; not "very-high", since a template is
        // only part of what a machine applies (local policy, other GPOs).
        precision: "high",
        security_severity: security_severity(rule.severity),
    }
}

fn descriptor(rule: &Rule, help_base: &str) -> Descriptor {
    let docs = rule.docs.trim();
    // The docs' first section says what the rule flags; a rule without it
    // still gets a description from its summary.
    let full = rule
        .docs_section("What it does")
        .filter(|s| !s.is_empty())
        .unwrap_or(rule.summary.as_str());
    Descriptor {
        id: rule.id.clone(),
        name: rule.name.clone(),
        short_description: Text::plain(rule.summary.trim()),
        full_description: Text {
            text: unwrap(full),
            markdown: Some(full.to_owned()),
        },
        help: Text {
            text: docs.to_owned(),
            markdown: Some(docs.to_owned()),
        },
        help_uri: help_uri(rule, help_base),
        default_configuration: Configuration {
            level: rule.severity.as_str(),
        },
        properties: properties(rule),
    }
}

/// Joins a paragraph's hard-wrapped lines: plain text is wrapped by
/// whoever shows it. Blank lines still separate paragraphs.
fn unwrap(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwrap_joins_lines_within_paragraphs() {
        assert_eq!(unwrap("one\ntwo\n\nthree\n four"), "one two\n\nthree four");
    }
}
