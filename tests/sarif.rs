//! `check --format sarif`: valid SARIF 2.1.0, one result per finding, and
//! fingerprints that do not move when lines do.

mod common;

use std::path::Path;

use common::{corpus, gplint, say};
use gplint::rules::RuleSet;
use serde_json::Value;

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
const EXPECT: &str = "examples/quickstart/services.yaml";

fn sarif(template: &str, expect: &str) -> Value {
    sarif_of(&[template], expect)
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

/// Two GPOs where the later one's list replaces the grant of the first,
/// in a folder whose name needs percent-encoding in a URI.
fn replaced_grant(dir: &Path) -> (String, String, String) {
    let folder = dir.join("GPO one");
    std::fs::create_dir_all(&folder).unwrap();
    let first = folder.join("a.inf");
    let second = folder.join("b.inf");
    let expect = dir.join("services.yaml");
    std::fs::write(
        &first,
        "[Privilege Rights]\r\nSeServiceLogonRight = CONTOSO\\svc_sql\r\n",
    )
    .unwrap();
    std::fs::write(
        &second,
        "[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-20\r\n",
    )
    .unwrap();
    std::fs::write(
        &expect,
        "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n",
    )
    .unwrap();
    let shown = |p: &Path| p.display().to_string();
    (shown(&first), shown(&second), shown(&expect))
}

fn sarif_of(files: &[&str], expect: &str) -> Value {
    let mut args = vec!["check"];
    args.extend(files);
    args.extend(["--expect", expect, "--format", "sarif"]);
    let run = gplint(&args);
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn replaced_lists_and_the_expectation_are_related_locations() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second, expect) = replaced_grant(dir.path());
    let log = sarif_of(&[&first, &second], &expect);
    let result = &results(&log)[0];
    let uri = |place: &Value| {
        place["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(uri(&result["locations"][0]).ends_with("/GPO%20one/b.inf"));
    let related = result["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 2);
    assert_eq!(
        (related[0]["id"].as_u64(), related[1]["id"].as_u64()),
        (Some(1), Some(2))
    );
    assert!(uri(&related[0]).ends_with("/GPO%20one/a.inf"));
    assert!(
        related[0]["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("the list that was replaced")
    );
    assert!(uri(&related[1]).ends_with("/services.yaml"));
}

#[test]
fn quickstart_sarif_validates_against_the_2_1_0_schema() {
    let Some(corpus) = corpus() else { return };
    let schema_path = corpus.join("../schemas/sarif-schema-2.1.0.json");
    let Ok(schema_text) = std::fs::read_to_string(&schema_path) else {
        say(&format!(
            "skipped: no SARIF schema at {}",
            schema_path.display()
        ));
        return;
    };
    let mut schema: Value = serde_json::from_str(&schema_text).unwrap();
    mend_language_patterns(&mut schema);
    // This copy of the schema keeps the root's constraints under
    // `definitions/Root` and none at its root, which alone would accept
    // any document: validate against that definition.
    if schema.get("properties").is_none() && schema["definitions"].get("Root").is_some() {
        schema["$ref"] = "#/definitions/Root".into();
    }
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let log = sarif(TEMPLATE, EXPECT);
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    let dir = tempfile::tempdir().unwrap();
    let (first, second, expect) = replaced_grant(dir.path());
    let replaced = sarif_of(&[&first, &second], &expect);
    assert!(validator.is_valid(&replaced), "{replaced}");
    // The validator is not vacuous: a bad level and a bad URI are caught.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = log;
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "GPOs/a b.inf".into();
    assert!(!validator.is_valid(&broken));
}

/// The official schema's `language` patterns have a stray `]`: not a valid
/// ECMA regex, so a validator that checks formats refuses the schema
/// itself. A well-formed pattern of the same intent lets every other
/// format (our URIs) be checked.
fn mend_language_patterns(schema: &mut Value) {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match schema {
        Value::Object(map) => {
            if map.get("pattern").and_then(Value::as_str) == Some(BROKEN) {
                map.insert("pattern".into(), "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into());
            }
            map.values_mut().for_each(mend_language_patterns);
        }
        Value::Array(items) => items.iter_mut().for_each(mend_language_patterns),
        _ => {}
    }
}

#[test]
fn one_result_per_finding_with_rule_index_and_places() {
    let json = gplint(&["check", TEMPLATE, "--expect", EXPECT, "--format", "json"]);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    let log = sarif(TEMPLATE, EXPECT);
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "gplint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), RuleSet::builtin().unwrap().rules().len());
    assert_eq!(
        rules[0]["helpUri"],
        format!(
            "{}/blob/v{}/docs/rules.md#gpl101-needed-logon-type-not-granted",
            env!("CARGO_PKG_REPOSITORY"),
            env!("CARGO_PKG_VERSION")
        )
    );
    let results = results(&log);
    // Notes are below the CI formats' default minimum (warning).
    let at_least_warning = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "note")
        .count();
    assert_eq!(results.len(), at_least_warning);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    let gmsa = results
        .iter()
        .find(|r| r["properties"]["account"] == "CONTOSO\\gmsa_web$")
        .unwrap();
    assert_eq!(gmsa["level"], "error");
    let place = &gmsa["locations"][0]["physicalLocation"];
    assert_eq!(place["artifactLocation"]["uri"], TEMPLATE);
    assert_eq!(place["region"]["startLine"], 20);
    assert_eq!(place["region"]["startColumn"], 1);
    assert_eq!(place["region"]["endColumn"], 20);
    let related = &gmsa["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        EXPECT
    );
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 29);
    assert!(
        related["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("the expectation for CONTOSO\\gmsa_web$, service logon")
    );
    let fingerprint = gmsa["partialFingerprints"]["gplint/v2"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 40);
}

/// The quickstart template with a blank CRLF line before every section
/// and right, stored as Windows stores it: UTF-16LE with BOM.
fn with_blank_lines(dir: &Path) -> String {
    let source = gplint::source::SourceFile::read(Path::new(TEMPLATE)).unwrap();
    let text: String = source
        .text
        .split_inclusive('\n')
        .map(|line| format!("\r\n{line}"))
        .collect();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.join("GptTmpl.inf");
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn fingerprints(log: &Value) -> Vec<(String, String, String, u64)> {
    let mut found: Vec<_> = results(log)
        .iter()
        .map(|r| {
            let print = |key: &str| r["partialFingerprints"][key].as_str().unwrap().to_owned();
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                print("gplint/v2"),
                print("primaryLocationLineHash"),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
            )
        })
        .collect();
    found.sort();
    found
}

/// The same file, first as UTF-8, then edited elsewhere (blank lines
/// everywhere) and stored as UTF-16: both fingerprints hold, as the lines
/// they hash are decoded before hashing and no line number is hashed.
#[test]
fn fingerprints_survive_inserted_blank_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("GptTmpl.inf");
    std::fs::copy(TEMPLATE, &path).unwrap();
    let before = fingerprints(&sarif(&path.display().to_string(), EXPECT));
    let moved = with_blank_lines(dir.path());
    let after = fingerprints(&sarif(&moved, EXPECT));
    type Prints = [(String, String, String, u64)];
    let ids = |v: &Prints| -> Vec<(String, String, String)> {
        v.iter()
            .map(|(r, f, h, _)| (r.clone(), f.clone(), h.clone()))
            .collect()
    };
    assert_eq!(ids(&before), ids(&after));
    // The lines did move: the fingerprints held because they ignore them.
    let lines = |v: &Prints| -> Vec<u64> { v.iter().map(|e| e.3).collect() };
    assert_ne!(lines(&before), lines(&after));
}
