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
    assert_eq!(text(&hook["language"]), "rust");
}

// ---- CI recipes and the whole-tree hook (issue 16 point 4) ----

/// The hook checks the tree its args name, as CI does, and never the
/// staged files: a scope's GPOs are not all staged.
#[test]
fn pre_commit_hook_checks_the_whole_tree_ci_checks() {
    let hooks = load(".pre-commit-hooks.yaml");
    let hook = &hooks.as_sequence().unwrap()[0];
    assert_eq!(text(&hook["entry"]), "gplint check");
    assert_eq!(hook["pass_filenames"].as_bool(), Some(false));
    let args: Vec<&str> = hook["args"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(text)
        .collect();
    assert_eq!(args, ["GPOs/", "--expect", "services.yaml"]);
    let workflow = load("examples/ci/github-actions.yml");
    let ci = steps(&workflow)
        .into_iter()
        .map(|s| text(&s["run"]))
        .any(|r| r.contains("gplint check GPOs/ --expect services.yaml"));
    assert!(ci, "CI checks another tree than the hook");
    let files = regex::Regex::new(text(&hook["files"])).unwrap();
    for name in [
        "GPOs/{31B2F340}/Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf",
        "GPOs/baseline.inf",
        "GPOs/{31B2F340}/gpreport.xml",
        "services.yaml",
        "config/services.yaml",
    ] {
        assert!(files.is_match(name), "{name} does not trigger the hook");
    }
    for name in ["README.md", "my-services.yaml", "GPOs/Backup.xml", "x.info"] {
        assert!(!files.is_match(name), "{name} triggers the hook");
    }
}

/// The job that runs on the job's pull request: its steps in order.
fn diff_steps(workflow: &Value) -> Vec<&Value> {
    let job = &workflow["jobs"]["gplint-diff"];
    assert_eq!(text(&job["if"]), "github.event_name == 'pull_request'");
    assert_eq!(text(&job["permissions"]["pull-requests"]), "write");
    job["steps"].as_sequence().unwrap().iter().collect()
}

#[test]
fn github_workflow_comments_the_diff_once_and_keeps_the_reports() {
    let workflow = load("examples/ci/github-actions.yml");
    let steps = diff_steps(&workflow);
    let position = |f: &dyn Fn(&Value) -> bool| steps.iter().position(|s| f(s)).unwrap();
    let checkout = position(&|s| text(&s["uses"]) == "actions/checkout@v4");
    assert_eq!(steps[checkout]["with"]["fetch-depth"].as_u64(), Some(0));
    let diff = position(&|s| text(&s["run"]).contains("--format markdown > gplint-diff.md"));
    let run = text(&steps[diff]["run"]);
    assert!(run.contains(r#"gplint diff "$base:GPOs" HEAD:GPOs --expect services.yaml"#));
    assert!(run.contains("|| status=$?"), "{run}");
    assert!(run.contains("--format json > gplint-diff.json"), "{run}");
    assert_eq!(
        text(&steps[diff]["env"]["BASE_REF"]),
        "${{ github.base_ref }}"
    );
    let comment = position(&|s| text(&s["uses"]) == "actions/github-script@v7");
    let script = text(&steps[comment]["with"]["script"]);
    for needle in [
        "<!-- gplint-diff -->",
        "updateComment",
        "createComment",
        "gplint-diff.md",
    ] {
        assert!(script.contains(needle), "{needle} missing from {script}");
    }
    let upload = position(&|s| text(&s["uses"]) == "actions/upload-artifact@v4");
    let paths = text(&steps[upload]["with"]["path"]);
    for file in ["gplint-diff.txt", "gplint-diff.json", "gplint-diff.html"] {
        assert!(paths.contains(file), "{file} not uploaded");
    }
    let fail = position(&|s| text(&s["run"]).contains("exit ${{ steps.diff.outputs.status }}"));
    assert!(checkout < diff && diff < comment && comment < upload && upload < fail);
    // The marker the script looks for is the one gplint writes.
    assert!(script.contains(gplint::report::diff_markdown::MARKER));
}

#[test]
fn gitlab_job_posts_the_diff_as_one_merge_request_note() {
    let pipeline = load("examples/ci/gitlab-ci.yml");
    let job = &pipeline["gplint-diff"];
    assert_eq!(
        text(&job["rules"][0]["if"]),
        r#"$CI_PIPELINE_SOURCE == "merge_request_event""#
    );
    assert_eq!(job["variables"]["GIT_DEPTH"].as_u64(), Some(0));
    let script: Vec<&str> = job["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(text)
        .collect();
    let joined = script.join("\n");
    for needle in [
        r#"gplint diff "$base:GPOs" HEAD:GPOs --expect services.yaml --format markdown > gplint-diff.md || status=$?"#,
        "merge_requests/$CI_MERGE_REQUEST_IID/notes",
        gplint::report::diff_markdown::MARKER,
        "--request PUT",
        "--request POST",
    ] {
        assert!(joined.contains(needle), "{needle} missing");
    }
    assert_eq!(script.last().copied(), Some(r#"exit "$status""#));
    assert_eq!(text(&job["artifacts"]["when"]), "always");
}
