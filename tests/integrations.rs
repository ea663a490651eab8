//! The CI examples and the pre-commit hook parse and use real actions,
//! report keys and hook fields, with gplint invoked as the README says.

use std::path::Path;

use serde_yaml::Value;

fn load(relative: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn steps_of(workflow: &Value) -> Vec<&Value> {
    let jobs = workflow["jobs"].as_mapping().unwrap();
    jobs.values()
        .flat_map(|job| job["steps"].as_sequence().unwrap())
        .collect()
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// The `uses:` of a step that names the project's own action
/// (`OWNER/NAME@REF`, the repository of Cargo.toml).
fn is_gplint_action(uses: &str) -> bool {
    let repository = env!("CARGO_PKG_REPOSITORY").trim_start_matches("https://github.com/");
    uses.starts_with(&format!("{repository}@"))
}

#[test]
fn github_workflow_runs_the_gplint_action_with_code_scanning_rights() {
    let workflow = load("examples/ci/github-actions.yml");
    assert!(workflow.get("on").is_some(), "no trigger");
    let job = &workflow["jobs"]["gplint"];
    for (permission, level) in [
        ("contents", "read"),
        ("security-events", "write"),
        ("actions", "read"),
    ] {
        assert_eq!(text(&job["permissions"][permission]), level, "{permission}");
    }
    let steps: Vec<&Value> = job["steps"].as_sequence().unwrap().iter().collect();
    let checkout = steps
        .iter()
        .position(|s| text(&s["uses"]).starts_with("actions/checkout@"))
        .unwrap();
    let action = steps
        .iter()
        .position(|s| is_gplint_action(text(&s["uses"])))
        .unwrap();
    assert!(checkout < action);
    let with = &steps[action]["with"];
    assert_eq!(text(&with["args"]), "check GPOs/ --expect services.yaml");
    assert_eq!(text(&with["sarif-file"]), "gplint.sarif");
    // The release the action installs is the one its reference names.
    let reference = text(&steps[action]["uses"]).split('@').nth(1).unwrap();
    assert_eq!(text(&with["version"]), reference);
}

/// action.yml installs, runs, uploads the SARIF even when gplint found
/// something, and fails last; every input the example passes exists.
#[test]
fn the_action_uploads_sarif_before_it_fails_on_findings() {
    let action = load("action.yml");
    assert_eq!(text(&action["runs"]["using"]), "composite");
    let steps: Vec<&Value> = action["runs"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .collect();
    let position = |needle: &str| {
        steps
            .iter()
            .position(|s| text(&s["run"]).contains(needle) || text(&s["uses"]).contains(needle))
            .unwrap_or_else(|| panic!("no step with {needle}"))
    };
    let install = position("action/download.sh");
    let run = position("action/run.sh");
    let upload = position("github/codeql-action/upload-sarif@");
    let fail = position("exit \"$STATUS\"");
    assert!(install < run && run < upload && upload < fail);
    assert!(text(&steps[upload]["if"]).starts_with("always()"));
    assert_eq!(
        text(&steps[upload]["with"]["sarif_file"]),
        "${{ inputs.sarif-file }}"
    );
    let releases = text(&steps[install]["env"]["GPLINT_RELEASES"]);
    assert_eq!(
        releases,
        format!("{}/releases", env!("CARGO_PKG_REPOSITORY"))
    );
    let inputs = action["inputs"].as_mapping().unwrap();
    let workflow = load("examples/ci/github-actions.yml");
    for step in steps_of(&workflow) {
        if !is_gplint_action(text(&step["uses"])) {
            continue;
        }
        for (name, _) in step["with"].as_mapping().unwrap() {
            assert!(inputs.contains_key(name), "no input {name:?} in action.yml");
        }
    }
    for input in ["args", "sarif-file", "comment-on-pr", "version"] {
        assert!(inputs.contains_key(input), "no input {input}");
    }
}

/// Third-party actions run with the job's token: each is pinned by a
/// full commit SHA, its version in a comment beside it.
#[test]
fn third_party_actions_are_pinned_by_commit_with_the_version_named() {
    let pinned = regex::Regex::new(r"@[0-9a-f]{40} # v\d+(\.\d+)*$").unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("action.yml"),
        root.join("examples/ci/github-actions.yml"),
    ];
    for entry in std::fs::read_dir(root.join(".github/workflows")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines() {
            let Some((_, uses)) = line.split_once("uses: ") else {
                continue;
            };
            if uses.starts_with("./") || is_gplint_action(uses) {
                continue;
            }
            assert!(
                pinned.is_match(uses),
                "{}: not pinned: {uses}",
                file.display()
            );
        }
    }
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
    let ci = steps_of(&workflow)
        .into_iter()
        .map(|s| text(&s["with"]["args"]))
        .any(|r| r == "check GPOs/ --expect services.yaml");
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
    let checkout = position(&|s| text(&s["uses"]).starts_with("actions/checkout@"));
    let install = position(&|s| is_gplint_action(text(&s["uses"])));
    assert_eq!(steps[install]["with"]["install-only"].as_bool(), Some(true));
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
    let comment = position(&|s| text(&s["uses"]).starts_with("actions/github-script@"));
    let script = text(&steps[comment]["with"]["script"]);
    for needle in [
        "<!-- gplint-diff -->",
        "updateComment",
        "createComment",
        "gplint-diff.md",
    ] {
        assert!(script.contains(needle), "{needle} missing from {script}");
    }
    let upload = position(&|s| text(&s["uses"]).starts_with("actions/upload-artifact@"));
    let paths = text(&steps[upload]["with"]["path"]);
    for file in ["gplint-diff.txt", "gplint-diff.json", "gplint-diff.html"] {
        assert!(paths.contains(file), "{file} not uploaded");
    }
    let fail = position(&|s| text(&s["run"]).contains("exit ${{ steps.diff.outputs.status }}"));
    assert!(
        checkout < install && install < diff && diff < comment && comment < upload && upload < fail
    );
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
