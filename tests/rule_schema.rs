//! The JSON Schema of rule files (`gplint schema rule`): the committed
//! copy under `schemas/` is the generated one, every built-in rule file
//! is valid against it, and it refuses what the loader refuses by shape.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

const COMMITTED: &str = "schemas/rule.schema.json";
const REGENERATE: &str = "GPLINT_UPDATE_DOCS=1 cargo test --test rule_schema";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generated() -> String {
    format!(
        "{}\n",
        serde_json::to_string_pretty(&gplint::rules::schema()).unwrap()
    )
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&gplint::rules::schema()).unwrap()
}

/// A rule file read as JSON, the way an editor's YAML extension sees it.
fn as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn committed_rule_schema_is_the_generated_one() {
    let path = root().join(COMMITTED);
    if std::env::var_os("GPLINT_UPDATE_DOCS").is_some() {
        std::fs::write(&path, generated()).unwrap();
        common::say(&format!("rewrote {COMMITTED}"));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated(),
        "{COMMITTED} is out of date with the rule file types; regenerate it with\n    {REGENERATE}\nand commit the result"
    );
}

#[test]
fn the_cli_prints_the_committed_schema() {
    let run = common::gplint(&["schema", "rule"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, generated());
}

#[test]
fn the_schema_is_draft_2020_12_with_an_id_and_a_title() {
    let schema = gplint::rules::schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["$id"].as_str().unwrap().ends_with(COMMITTED));
    assert_eq!(schema["title"], "gplint rule file");
    let mut required: Vec<&str> = (schema["required"].as_array().unwrap().iter())
        .map(|name| name.as_str().unwrap())
        .collect();
    required.sort_unstable();
    let keys = [
        "applies_to",
        "docs",
        "id",
        "message",
        "name",
        "severity",
        "summary",
        "tests",
        "when",
    ];
    assert_eq!(required, keys);
    assert!(schema["properties"]["summary"]["description"].is_string());
}

#[test]
fn every_builtin_rule_file_is_valid() {
    let validator = validator();
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("rules")).unwrap() {
        let path = entry.unwrap().path();
        if path
            .extension()
            .is_some_and(|ext| ext == "yaml" || ext == "yml")
        {
            let found = errors(&validator, &as_json(&path));
            assert!(
                found.is_empty(),
                "{}:\n{}",
                path.display(),
                found.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} rule files found");
}

#[test]
fn a_rule_file_with_an_unknown_key_is_refused() {
    let validator = validator();
    let path = root().join("rules/GPL101-needed-logon-type-not-granted.yaml");
    let good = as_json(&path);
    assert!(errors(&validator, &good).is_empty());
    let mut top = good.clone();
    top["sumary"] = "A misspelt key".into();
    assert!(!validator.is_valid(&top), "an unknown key of a rule");
    let mut when = good.clone();
    when["when"] = serde_json::json!({ "field": "verdict", "resembles": "denied" });
    assert!(!validator.is_valid(&when), "an unknown key of a predicate");
    let mut missing = good;
    missing.as_object_mut().unwrap().remove("tests");
    assert!(!validator.is_valid(&missing), "a rule without tests");
}

#[test]
fn the_team_rule_fixture_is_valid_and_its_broken_copy_is_not() {
    let path = common::fixture("team-rules/GPL901-debug-privilege-granted.yaml");
    let validator = validator();
    assert!(errors(&validator, &as_json(&path)).is_empty());
    // The copy tests/bad_inputs.rs loads, whose matcher does not exist.
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen("equals: SeDebugPrivilege", "resembles: SeDebugPrivilege", 1);
    assert_ne!(broken, text);
    let broken: Value = serde_yaml::from_str(&broken).unwrap();
    assert!(!validator.is_valid(&broken));
}
