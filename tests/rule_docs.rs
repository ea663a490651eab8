//! `docs/rules.md` is rendered from the rule files and committed; these
//! tests keep the two in step and hold every rule's docs to the sections
//! the page and SARIF's help rely on.

mod common;

use std::path::PathBuf;

use gplint::report::rule_docs::{self, RULE_DOCS_PATH};
use gplint::rules::RuleSet;

const REGENERATE: &str = "GPLINT_UPDATE_DOCS=1 cargo test --test rule_docs";

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(RULE_DOCS_PATH)
}

#[test]
fn committed_rule_docs_match_the_rule_files() {
    let rules = RuleSet::builtin().unwrap();
    let rendered = rule_docs::render(rules.rules());
    let path = committed_path();
    if std::env::var_os("GPLINT_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &rendered).unwrap();
        common::say(&format!("rewrote {RULE_DOCS_PATH}"));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == rendered,
        "{RULE_DOCS_PATH} is out of date with rules/*.yaml; regenerate it with\n    {REGENERATE}\nand commit the result"
    );
}

#[test]
fn every_rule_documents_what_it_does_why_and_the_fix() {
    let rules = RuleSet::builtin().unwrap();
    for rule in rules.rules() {
        let missing = rule_docs::missing_sections(rule);
        assert!(
            missing.is_empty(),
            "{} ({}) lacks the docs section(s) {}: add `## {}` to its `docs:`",
            rule.id,
            rule.origin.file,
            missing.join(", "),
            missing.join("`, `## ")
        );
    }
}

#[test]
fn each_rule_has_the_anchor_its_help_uri_points_at() {
    let rules = RuleSet::builtin().unwrap();
    let page = rule_docs::render(rules.rules());
    for rule in rules.rules() {
        let uri = rule_docs::help_uri(rule).unwrap();
        let fragment = uri.rsplit_once('#').unwrap().1;
        assert!(
            page.contains(&format!(
                "<a id=\"{fragment}\"></a>\n\n## {} {}\n",
                rule.id, rule.name
            )),
            "no anchor `{fragment}` before {}'s heading",
            rule.id
        );
    }
}
