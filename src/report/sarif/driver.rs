//! `tool.driver`: gplint and every loaded rule as a `reportingDescriptor`.

use crate::rules::Rule;

use super::super::rule_docs::{PROJECT_URI, help_uri};
use super::model::{Configuration, Descriptor, Driver, Text};

/// The driver with every rule, in the order given (results index into it).
pub(super) fn driver(rules: &[Rule]) -> Driver {
    Driver {
        name: "gplint",
        version: env!("CARGO_PKG_VERSION"),
        information_uri: PROJECT_URI,
        rules: rules.iter().map(descriptor).collect(),
    }
}

fn descriptor(rule: &Rule) -> Descriptor {
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
        help_uri: help_uri(rule),
        default_configuration: Configuration {
            level: rule.severity.as_str(),
        },
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
