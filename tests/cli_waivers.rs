//! Waivers: accepted findings, their expiry, stale and malformed waivers.

mod common;

use common::gplint;
use serde_json::Value;

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";

fn check(yaml: &str, format: &str) -> common::Run {
    let expect = format!("tests/fixtures/waivers/{yaml}");
    gplint(&["check", TEMPLATE, "--expect", &expect, "--format", format])
}

#[test]
fn a_waiver_silences_a_finding_but_keeps_it_visible() {
    let run = check("live.yaml", "json");
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let denied = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "GPL102")
        .unwrap();
    assert_eq!(
        denied["waived"]["reason"],
        "Reports move to a gMSA in change 1234"
    );
    assert_eq!(denied["waived"]["expires"], "2099-12-31");
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["waived"], 2);
    let human = check("live.yaml", "human");
    assert!(
        human
            .stdout
            .contains("waived: Reports move to a gMSA in change 1234, until 2099-12-31"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("2 waived"), "{}", human.stdout);
}

#[test]
fn a_waived_finding_is_a_sarif_suppression() {
    let run = check("live.yaml", "sarif");
    let sarif: Value = serde_json::from_str(&run.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let denied = results.iter().find(|r| r["ruleId"] == "GPL102").unwrap();
    assert_eq!(denied["suppressions"][0]["kind"], "external");
    assert!(
        denied["suppressions"][0]["justification"]
            .as_str()
            .unwrap()
            .contains("change 1234")
    );
}

#[test]
fn an_expired_waiver_fails_the_run_with_a_warning_at_its_line() {
    let run = check("expired.yaml", "json");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let expired = findings
        .iter()
        .find(|f| f["rule"] == "waiver::expired")
        .unwrap();
    assert_eq!(expired["severity"], "warning");
    assert_eq!(expired["file"], "tests/fixtures/waivers/expired.yaml");
    assert_eq!(expired["line"], 6);
    let denied = findings.iter().find(|f| f["rule"] == "GPL102").unwrap();
    assert!(denied["waived"].is_null());
}

#[test]
fn a_stale_waiver_is_reported() {
    let run = check("stale.yaml", "json");
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let stale = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "waiver::stale")
        .unwrap();
    assert_eq!(stale["severity"], "warning");
    assert_eq!(stale["line"], 6);
    let human = check("stale.yaml", "human");
    assert!(human.stdout.contains("stale.yaml:6:5"), "{}", human.stdout);
}

#[test]
fn a_waiver_without_reason_is_refused() {
    let run = check("no-reason.yaml", "human");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("a waiver needs a reason"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("no-reason.yaml:"), "{}", run.stderr);
}

#[test]
fn a_waiver_of_an_unknown_rule_is_refused() {
    let run = check("unknown-rule.yaml", "human");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("waiver::unknown-rule"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("unknown-rule.yaml:5:11"),
        "{}",
        run.stderr
    );
}
