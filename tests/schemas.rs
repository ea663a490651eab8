//! The JSON Schema of `services.yaml` (issue 13, point 4): generated from
//! the types the file is read into, committed under `schemas/` for
//! editors, and checked against the files gplint itself reads.

mod common;

use std::path::{Path, PathBuf};

const PATH: &str = "schemas/services.schema.json";
const REGENERATE: &str = "GPLINT_UPDATE_DOCS=1 cargo test --test schemas";

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn rendered() -> String {
    let mut text = serde_json::to_string_pretty(&gplint::expect::schema()).unwrap();
    text.push('\n');
    text
}

#[test]
fn the_committed_services_schema_is_up_to_date() {
    let path = repo(PATH);
    if std::env::var_os("GPLINT_UPDATE_DOCS").is_some() {
        std::fs::write(&path, rendered()).unwrap();
        common::say(&format!("rewrote {PATH}"));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == rendered(),
        "{PATH} is out of date with src/expect/document.rs; regenerate it with\n    {REGENERATE}\nand commit the result"
    );
}

#[test]
fn the_schema_is_draft_2020_12_with_an_id_and_a_title() {
    let schema = gplint::expect::schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let id = schema["$id"].as_str().unwrap();
    assert!(id.starts_with(gplint::PROJECT_URI), "{id}");
    assert!(id.ends_with("/schemas/services.schema.json"), "{id}");
    assert!(schema["title"].as_str().unwrap().contains("services.yaml"));
    let account = &schema["$defs"]["Account"]["properties"]["logon"];
    assert!(account["description"].as_str().unwrap().contains("rdp"));
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&gplint::expect::schema()).unwrap()
}

fn as_json(text: &str) -> serde_json::Value {
    serde_yaml::from_str(text).unwrap()
}

/// Every expectations file in the examples and the fixtures that gplint
/// loads; those it refuses are refused on purpose.
fn loadable_files() -> Vec<PathBuf> {
    let mut files = vec![repo("examples/quickstart/services.yaml")];
    for dir in ["tests/fixtures"] {
        for entry in walkdir::WalkDir::new(repo(dir)) {
            let path = entry.unwrap().into_path();
            let yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
            let rules = path
                .components()
                .any(|c| c.as_os_str().to_string_lossy().contains("rules"));
            if yaml && !rules {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn every_example_and_fixture_that_loads_validates() {
    let validator = validator();
    let mut checked = 0;
    for path in loadable_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        if gplint::expect::load("services.yaml", &text).is_err() {
            continue;
        }
        let errors: Vec<String> = validator
            .iter_errors(&as_json(&text))
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} files validated");
}

#[test]
fn a_file_with_an_unknown_field_is_rejected() {
    let validator = validator();
    let good = "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n";
    assert!(validator.is_valid(&as_json(good)));
    for bad in [
        "accounts:\n  - name: CONTOSO\\svc_sql\n    memberof: [x]\n    logon: [service]\n",
        "acounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n",
        "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [sevice]\n",
    ] {
        assert!(!validator.is_valid(&as_json(bad)), "{bad}");
    }
    let fixture =
        std::fs::read_to_string(repo("tests/fixtures/expect/unknown-field.yaml")).unwrap();
    assert!(!validator.is_valid(&as_json(&fixture)));
}

#[test]
fn gplint_schema_services_prints_the_committed_schema_and_it_checks_the_quickstart() {
    let run = common::gplint(&["schema", "services"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, rendered());
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let validator = jsonschema::draft202012::new(&printed).unwrap();
    let quickstart = std::fs::read_to_string(repo("examples/quickstart/services.yaml")).unwrap();
    assert!(validator.is_valid(&as_json(&quickstart)));
    let typo = quickstart.replacen("    logon: [service]", "    logn: [service]", 1);
    assert_ne!(typo, quickstart);
    assert!(!validator.is_valid(&as_json(&typo)));
}
