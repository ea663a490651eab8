//! `docs/rules.md` is rendered from the rule files and committed; these
//! tests keep the two in step and hold every rule's docs to the sections
//! the page and SARIF's help rely on. `docs/rule-fields.md` is rendered
//! from the facts' declarations and kept in step the same way.

mod common;

use std::path::PathBuf;

use gplint::report::rule_docs::{self, RULE_DOCS_PATH};
use gplint::report::rule_fields::{self, RULE_FIELDS_PATH};
use gplint::rules::RuleSet;

const REGENERATE: &str = "GPLINT_UPDATE_DOCS=1 cargo test --test rule_docs";

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(RULE_DOCS_PATH)
}

fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
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
        let uri = rule_docs::help_uri(rule, "https://example.org/team/gplint/").unwrap();
        let (address, fragment) = uri.rsplit_once('#').unwrap();
        assert_eq!(
            address,
            format!(
                "https://example.org/team/gplint/blob/v{}/docs/rules.md",
                env!("CARGO_PKG_VERSION")
            )
        );
        // GitHub's anchor for `## GPL101 name`: lower case, spaces as hyphens.
        let heading = format!("\n## {} {}\n", rule.id, rule.name);
        assert!(page.contains(&heading), "no heading for {}", rule.id);
        let slug = format!("{} {}", rule.id, rule.name)
            .to_lowercase()
            .replace(' ', "-");
        assert_eq!(fragment, slug, "{}", rule.id);
    }
}

// ---- docs/rule-fields.md: the fields of facts ----

#[test]
fn committed_rule_fields_match_the_declarations() {
    let rendered = rule_fields::render();
    let path = repo_path(RULE_FIELDS_PATH);
    if std::env::var_os("GPLINT_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &rendered).unwrap();
        common::say(&format!("rewrote {RULE_FIELDS_PATH}"));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == rendered,
        "{RULE_FIELDS_PATH} is out of date with the declarations in src/facts.rs; regenerate it with\n    {REGENERATE}\nand commit the result"
    );
}

#[test]
fn the_rules_readme_points_at_the_fields_page_rather_than_copying_it() {
    let readme = std::fs::read_to_string(repo_path("rules/README.md")).unwrap();
    assert!(
        readme.contains("../docs/rule-fields.md"),
        "rules/README.md should link to {RULE_FIELDS_PATH}"
    );
    // A hand-kept copy drifts: it once left out `holder_name`. No list of
    // a kind's fields belongs in the README, only the link.
    for kind in gplint::facts::FactKind::ALL {
        let listed = kind
            .fields()
            .iter()
            .filter(|field| readme.contains(&format!("`{}`", field.name)))
            .count();
        assert!(
            listed * 2 < kind.fields().len(),
            "rules/README.md lists {listed} of the {} fields of `{}`: point to {RULE_FIELDS_PATH} instead",
            kind.fields().len(),
            kind.as_str()
        );
    }
}
