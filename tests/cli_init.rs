//! `gplint init`: a starting services.yaml that `check` accepts as it is.

mod common;

use std::path::Path;

use common::{Run, gplint};
use serde_yaml::Value;

const QUICKSTART: &str = "examples/quickstart/GptTmpl.inf";
const BACKUPS: &str = "tests/fixtures/trees/backups";
const SYSVOL: &str = "tests/fixtures/trees/sysvol";

/// Runs `init` on `inputs`, which must succeed.
fn init(inputs: &[&str]) -> String {
    let mut args = vec!["init"];
    args.extend_from_slice(inputs);
    let run = gplint(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    run.stdout
}

/// Writes `yaml` to a temporary file and runs `check` on the same inputs.
fn check_with(inputs: &[&str], yaml: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let expect = dir.path().join("services.yaml");
    std::fs::write(&expect, yaml).unwrap();
    let expect = expect.display().to_string();
    let mut args = vec!["check"];
    args.extend_from_slice(inputs);
    args.extend(["--expect", expect.as_str()]);
    gplint(&args)
}

fn assert_check_accepts(inputs: &[&str]) {
    let yaml = init(inputs);
    let run = check_with(inputs, &yaml);
    assert!(
        run.code == 0 || run.code == 1,
        "exit {}:\n{}\n{yaml}",
        run.code,
        run.stderr
    );
    assert!(!run.stderr.contains("expect::"), "{}\n{yaml}", run.stderr);
    assert!(!run.stderr.contains("scope::"), "{}\n{yaml}", run.stderr);
}

fn scopes(yaml: &str) -> Vec<(String, Vec<String>)> {
    let document: Value = serde_yaml::from_str(yaml).unwrap();
    let text = |v: &Value| v.as_str().unwrap().to_owned();
    document["scopes"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|scope| {
            let gpos = scope["gpos"].as_sequence().unwrap();
            (text(&scope["name"]), gpos.iter().map(text).collect())
        })
        .collect()
}

#[test]
fn check_accepts_what_init_writes_for_a_template() {
    assert_check_accepts(&[QUICKSTART]);
}

#[test]
fn check_accepts_what_init_writes_for_backups() {
    assert_check_accepts(&[BACKUPS]);
}

#[test]
fn check_accepts_what_init_writes_for_sysvol() {
    assert_check_accepts(&[SYSVOL]);
}

#[test]
fn backups_become_one_scope_per_linked_container_enforced_links_last() {
    // Domain - Logon Restrictions is linked at contoso.com with NoOverride
    // (enforced), so it wins over the OUs' GPOs: last in every chain. The
    // Staging Servers link of Servers Baseline is disabled: no scope.
    let yaml = init(&[BACKUPS]);
    let domain = "Domain - Logon Restrictions";
    let chains = [
        ("contoso.com", vec![domain]),
        ("contoso.com/Servers", vec!["Servers Baseline", domain]),
        (
            "contoso.com/Servers/SQL",
            vec!["Servers Baseline", "SQL Servers - Hardening", domain],
        ),
    ];
    let expected: Vec<(String, Vec<String>)> = chains
        .iter()
        .map(|(name, gpos)| {
            let gpos = gpos.iter().map(|g| (*g).to_owned()).collect();
            ((*name).to_owned(), gpos)
        })
        .collect();
    assert_eq!(scopes(&yaml), expected);
    assert!(!yaml.contains("Staging Servers"), "{yaml}");
}

#[test]
fn init_on_backups_snapshot() {
    insta::assert_snapshot!(init(&[BACKUPS]));
}

#[test]
fn the_quickstart_principals_become_account_stubs() {
    let yaml = init(&[QUICKSTART]);
    let document: Value = serde_yaml::from_str(&yaml).unwrap();
    let accounts = document["accounts"].as_sequence().unwrap();
    let names: Vec<&str> = accounts
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "UNRESOLVED\\S-1-5-21-1004336348-1177238915-682003330-1130",
            "UNRESOLVED\\S-1-5-21-1004336348-1177238915-682003330-1105",
            "ADD YOUR DOMAIN ADMINS",
        ]
    );
    assert_eq!(accounts[1]["logon"][0], "service");
    assert_eq!(accounts[2]["no_logon"][0], "remote-interactive");
    assert_eq!(
        document["domain_sid"],
        "S-1-5-21-1004336348-1177238915-682003330"
    );
    assert!(document.get("scopes").is_none());
    assert!(yaml.contains("# No scopes:"), "{yaml}");
}

#[test]
fn sysvol_without_other_principals_gets_the_example_account() {
    let yaml = init(&[SYSVOL]);
    assert!(
        yaml.contains("name: 'CONTOSO\\svc_example'  # EXAMPLE"),
        "{yaml}"
    );
    assert!(yaml.contains("SYSVOL copies and template files carry no link information"));
}

#[test]
fn the_output_is_the_same_on_every_run() {
    assert_eq!(init(&[BACKUPS, QUICKSTART]), init(&[BACKUPS, QUICKSTART]));
}

#[test]
fn an_unreadable_input_is_one_line_on_stderr_and_exit_2() {
    let missing = "tests/fixtures/no-such-file.inf";
    let run = gplint(&["init", QUICKSTART, missing]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("no-such-file.inf"), "{}", run.stderr);
    // The file is still written from the inputs that could be read.
    assert!(run.stdout.contains("ADD YOUR DOMAIN ADMINS"));
}

#[test]
fn check_accepts_what_init_writes_for_every_corpus_template_and_tree() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let mut inputs: Vec<String> = walkdir::WalkDir::new(corpus.join("real"))
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.expect("the corpus folder is readable"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| entry.path().display().to_string())
        .collect();
    let trees = corpus.join("trees");
    inputs.extend(subfolders(&trees));
    for input in &inputs {
        assert_check_accepts(&[input.as_str()]);
    }
    let all: Vec<&str> = inputs.iter().map(String::as_str).collect();
    assert_check_accepts(&all);
    common::say(&format!(
        "corpus: init accepted by check for {} inputs",
        inputs.len()
    ));
}

fn subfolders(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.path().display().to_string())
        .collect();
    out.sort();
    out
}

// ---- editor support (issue 13, point 4) ----

/// yaml-language-server reads the schema from a modeline on the first
/// line; the address is the project's, where `schemas/` is published.
#[test]
fn the_first_line_names_the_schema_for_editors() {
    let yaml = init(&[BACKUPS]);
    let first = yaml.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        format!(
            "# yaml-language-server: $schema={}",
            gplint::expect::schema_url()
        )
    );
    assert!(first.ends_with("/raw/main/schemas/services.schema.json"));
    assert!(first.contains(gplint::PROJECT_URI));
}
