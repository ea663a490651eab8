//! The CI examples and the pre-commit hook parse and use real actions,
//! report keys and hook fields, with gplint invoked as the README says.

use std::path::Path;

use serde_yaml::Value;

fn load(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn steps(workflow: &Value) -> Vec<&Value> {
    let jobs = workflow["jobs"].as_mapping().unwrap();
    jobs.values()
        .flat_map(|job| job["steps"].as_sequence().unwrap())
        .collect()
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

#[test]
fn github_workflow_uploads_sarif_then_fails_on_findings() {
    let workflow = load("examples/ci/github-actions.yml");
    assert!(workflow.get("on").is_some(), "no trigger");
    let steps = steps(&workflow);
    let uses: Vec<&str> = steps.iter().map(|s| text(&s["uses"])).collect();
    for action in [
        "actions/checkout@v4",
        "dtolnay/rust-toolchain@stable",
        "github/codeql-action/upload-sarif@v3",
    ] {
        assert!(uses.contains(&action), "{action} missing: {uses:?}");
    }
    let runs: Vec<&str> = steps.iter().map(|s| text(&s["run"])).collect();
    let position = |needle: &str| runs.iter().position(|r| r.contains(needle));
    let install = position("cargo install").unwrap();
    let sarif = position("--format sarif --output gplint.sarif").unwrap();
    let github = position("--format github").unwrap();
    let fail = position("exit ${{ steps.sarif.outputs.status }}").unwrap();
    let upload = uses
        .iter()
        .position(|u| u.starts_with("github/codeql-action/upload-sarif"))
        .unwrap();
    assert!(install < sarif && sarif < upload && upload < fail && github < fail);
    // The SARIF step keeps gplint's exit code instead of failing at once.
    assert!(runs[sarif].contains("|| status=$?"), "{}", runs[sarif]);
    assert_eq!(text(&steps[upload]["with"]["sarif_file"]), "gplint.sarif");
    let job = workflow["jobs"]
        .as_mapping()
        .unwrap()
        .values()
        .next()
        .unwrap();
    assert_eq!(text(&job["permissions"]["security-events"]), "write");
}

#[test]
fn gitlab_job_reports_junit() {
    let pipeline = load("examples/ci/gitlab-ci.yml");
    let job = &pipeline["gplint"];
    let script: Vec<&str> = job["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(text)
        .collect();
    assert!(
        script
            .iter()
            .any(|s| s.contains("--format junit --output gplint-junit.xml")),
        "{script:?}"
    );
    assert_eq!(
        text(&job["artifacts"]["reports"]["junit"]),
        "gplint-junit.xml"
    );
    assert_eq!(text(&job["artifacts"]["when"]), "always");
}

#[test]
fn pre_commit_hook_declares_what_pre_commit_needs() {
    let hooks = load(".pre-commit-hooks.yaml");
    let hooks = hooks.as_sequence().unwrap();
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(text(&hook["id"]), "gplint");
    assert_eq!(text(&hook["name"]), "gplint");
    assert_eq!(text(&hook["entry"]), "gplint check --expect services.yaml");
    assert_eq!(text(&hook["language"]), "rust");
    assert_eq!(text(&hook["files"]), r"(?i)gpttmpl\.inf$");
    assert_eq!(hook["pass_filenames"].as_bool(), Some(true));
    let files = regex::Regex::new(text(&hook["files"])).unwrap();
    assert!(files.is_match("GPOs/{31B2F340}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf"));
    assert!(!files.is_match("services.yaml"));
}
