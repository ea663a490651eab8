//! `check --format junit`: well-formed JUnit XML with one test case per
//! declared expectation and one failing case per other finding.

mod common;

use common::gplint;
use roxmltree::{Document, Node};

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
const EXPECT: &str = "examples/quickstart/services.yaml";

fn count(node: Node<'_, '_>, attribute: &str) -> usize {
    node.attribute(attribute).unwrap().parse().unwrap()
}

fn failing<'a, 'i>(suite: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    suite
        .children()
        .filter(|c| c.has_tag_name("testcase"))
        .filter(|c| c.children().any(|f| f.has_tag_name("failure")))
        .collect()
}

#[test]
fn quickstart_junit_has_one_failing_case_per_broken_expectation() {
    let json = gplint(&["check", TEMPLATE, "--expect", EXPECT, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let is_expectation = |f: &&serde_json::Value| {
        ["GPL101", "GPL102", "GPL103"].contains(&f["rule"].as_str().unwrap())
    };
    let broken = findings.iter().filter(is_expectation).count();
    // Three not granted, one denied.
    assert_eq!(broken, 4);
    // Restrictions on the same expectations fail their cases too (the
    // logon hours of svc_reports' batch logon, already denied); notes,
    // such as the lockout exposure of svc_sql's service logon, do not.

    // Under `--fail-on warning`, so that GPL301's warning fails its case
    // as it fails the run (tests/junit_schema.rs has `--fail-on error`).
    let run = gplint(&[
        "check",
        TEMPLATE,
        "--expect",
        EXPECT,
        "--format",
        "junit",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    let document = Document::parse(&run.stdout).unwrap();
    let root = document.root_element();
    assert!(root.has_tag_name("testsuites"));
    let suites: Vec<Node<'_, '_>> = root.children().filter(|c| c.is_element()).collect();
    assert_eq!(suites.len(), 2);
    let (expectations, rules) = (suites[0], suites[1]);
    assert_eq!(expectations.attribute("name"), Some("gplint expectations"));
    assert_eq!(rules.attribute("name"), Some("gplint rules"));

    // services.yaml declares 12 account × logon type expectations.
    let cases: Vec<Node<'_, '_>> = expectations
        .children()
        .filter(|c| c.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 12);
    assert_eq!(count(expectations, "tests"), 12);
    assert_eq!(failing(expectations).len(), broken);
    assert_eq!(count(expectations, "failures"), broken);
    assert!(
        cases
            .iter()
            .all(|c| c.attribute("classname") == Some("expectations"))
    );
    let names: Vec<&str> = cases.iter().filter_map(|c| c.attribute("name")).collect();
    assert!(names.contains(&"CONTOSO\\svc_sql must log on as a service"));
    assert!(names.contains(&"breakglass must not log on through Remote Desktop Services"));
    let gmsa = cases
        .iter()
        .find(|c| c.attribute("name") == Some("CONTOSO\\gmsa_web$ must log on as a service"))
        .unwrap();
    let failure = gmsa.children().find(|c| c.has_tag_name("failure")).unwrap();
    assert!(
        failure
            .attribute("message")
            .unwrap()
            .starts_with("CONTOSO\\gmsa_web$ cannot log on as a service")
    );
    assert!(
        failure
            .text()
            .unwrap()
            .contains("examples/quickstart/GptTmpl.inf:20:1")
    );

    // The right and holder findings fail under their rule ids.
    let others = findings
        .iter()
        .filter(|f| f.get("account").is_none())
        .count();
    assert_eq!(failing(rules).len(), others);
    assert_eq!(count(rules, "tests"), others);
    let classes: Vec<&str> = failing(rules)
        .iter()
        .filter_map(|c| c.attribute("classname"))
        .collect();
    assert_eq!(classes, ["GPL203", "GPL201", "GPL301"]);
    // The `<` of `NT SERVICE\<name>` in a note survives escaping.
    assert!(run.stdout.contains("NT SERVICE\\&lt;name&gt;"));

    assert_eq!(count(root, "tests"), 12 + others);
    assert_eq!(count(root, "failures"), broken + others);
    assert_eq!(count(root, "errors"), 0);
}
