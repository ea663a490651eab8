//! `gplint check`, `explain` and `rules` from the outside: exit codes,
//! formats and what a user reads.

mod common;

use common::{fixture, gplint};

const TEMPLATE: &str = "examples/quickstart/GptTmpl.inf";
const EXPECT: &str = "examples/quickstart/services.yaml";

#[test]
fn quickstart_findings_point_at_the_template_and_exit_1() {
    let run = gplint(&["check", TEMPLATE, "--expect", EXPECT]);
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    assert!(
        run.stdout.contains("examples/quickstart/GptTmpl.inf:20:1"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("examples/quickstart/services.yaml:29:13"),
        "{}",
        run.stdout
    );
    for rule in [
        "GPL101", "GPL102", "GPL201", "GPL203", "GPL301", "GPL411", "GPL412",
    ] {
        assert!(
            run.stdout.contains(rule),
            "{rule} missing from:\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.ends_with(
        "gplint: 7 errors, 1 warning, 2 notes — 6 accounts × 5 logon types, 1 template\n"
    ));
    // breakglass may not use Remote Desktop: the Remote Desktop rights let
    // Administrators in, but with Network Level Authentication the network
    // logon comes first, and SeDenyNetworkLogonRight holds *S-1-5-114.
    assert!(!run.stdout.contains("GPL103"), "{}", run.stdout);
}

#[test]
fn quickstart_human_output_snapshot() {
    let run = gplint(&["check", TEMPLATE, "--expect", EXPECT]);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_findings_follow_the_contract() {
    let run = gplint(&["check", TEMPLATE, "--expect", EXPECT, "--format", "json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 10);
    for finding in findings {
        for key in ["rule", "severity", "message", "file", "line", "column"] {
            assert!(!finding[key].is_null(), "{key} missing in {finding}");
        }
    }
    let gmsa = findings
        .iter()
        .find(|f| f["account"] == "CONTOSO\\gmsa_web$")
        .unwrap();
    assert_eq!(gmsa["rule"], "GPL101");
    assert_eq!(gmsa["severity"], "error");
    assert_eq!(gmsa["logon_type"], "service");
    assert_eq!(gmsa["file"], TEMPLATE);
    assert_eq!(
        (gmsa["line"].as_u64(), gmsa["column"].as_u64()),
        (Some(20), Some(1))
    );
    let holder = findings.iter().find(|f| f["rule"] == "GPL301").unwrap();
    assert!(holder.get("account").is_none());
    assert_eq!(json["summary"]["errors"], 7);
    assert_eq!(json["summary"]["warnings"], 1);
}

#[test]
fn fail_on_sets_the_threshold() {
    let never = gplint(&["check", TEMPLATE, "--expect", EXPECT, "--fail-on", "never"]);
    assert_eq!(never.code, 0);
    let clean = gplint(&[
        "check",
        &fixture("grammar/no-version.inf").display().to_string(),
        "--expect",
        EXPECT,
    ]);
    // ALL SERVICES is granted here, but the other accounts still break.
    assert_eq!(clean.code, 1);
}

#[test]
fn a_template_with_only_warnings_passes_unless_fail_on_warning() {
    // The quickstart's declared logon hours are an error whatever the
    // template says; leave them out to test the threshold alone.
    let text = std::fs::read_to_string("examples/quickstart/services.yaml").unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.contains("logon_hours") && !l.contains("runs_at"))
        .map(|l| format!("{l}\n"))
        .collect();
    let path =
        std::env::temp_dir().join(format!("gplint-warning-only-{}.yaml", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let expect = path.to_str().unwrap();
    let template = fixture("checks/warning-only.inf").display().to_string();
    let default = gplint(&["check", &template, "--expect", expect]);
    assert_eq!(default.code, 0, "{}", default.stdout);
    let strict = gplint(&[
        "check",
        &template,
        "--expect",
        expect,
        "--fail-on",
        "warning",
    ]);
    assert_eq!(strict.code, 1);
    let _ = std::fs::remove_file(&path);
}

fn assert_yaml_error(file: &str, code: &str, place: &str) {
    let run = gplint(&[
        "check",
        TEMPLATE,
        "--expect",
        &format!("tests/fixtures/expect/{file}"),
    ]);
    assert_eq!(run.code, 2, "{file}: {}", run.stderr);
    assert!(
        run.stderr.contains(code),
        "{file}: no {code} in\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(place),
        "{file}: no {place} in\n{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{file}: {}", run.stdout);
}

#[test]
fn bad_expectations_point_into_the_yaml_and_exit_2() {
    assert_yaml_error(
        "unknown-field.yaml",
        "did you mean `member_of`",
        "unknown-field.yaml:3:5",
    );
    assert_yaml_error(
        "bad-sid.yaml",
        "sub-authority 2 (99999…) is larger",
        "bad-sid.yaml:3:10",
    );
    assert_yaml_error(
        "bad-logon-type.yaml",
        "did you mean `service`",
        "bad-logon-type.yaml:3:13",
    );
    assert_yaml_error("not-yaml.yaml", "yaml::syntax", "not-yaml.yaml:");
}

/// Active Directory allows circular nesting and expands membership as a
/// transitive closure (facts doc §9 item 3; MS-ADTS 3.1.1.4.5.19): a loop
/// among declared groups is a warning on stderr, the loop is evaluated, and
/// `check` and `explain` exit by their findings, never 2.
#[test]
fn a_group_loop_is_a_warning_and_is_evaluated() {
    let template = "tests/fixtures/checks/group-cycle.inf";
    let expect = "tests/fixtures/expect/group-cycle.yaml";
    let run = gplint(&["check", template, "--expect", expect]);
    assert_eq!(
        run.code, 0,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert!(run.stdout.contains("0 errors"), "{}", run.stdout);
    insta::assert_snapshot!(run.stderr);
    let explain = gplint(&["explain", template, "--expect", expect]);
    assert_eq!(explain.code, 0, "{}", explain.stderr);
    assert!(explain.stderr.contains("expect::group-cycle"));
    let row = explain
        .stdout
        .lines()
        .find(|l| l.starts_with("CONTOSO\\svc_sql"))
        .unwrap();
    assert!(row.contains("✓"), "{row}");
    let json = gplint(&["explain", template, "--expect", expect, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let service = &value["accounts"][0]["logon"]["service"];
    assert_eq!(service["verdict"], "allowed");
    let via: Vec<&str> = service["via"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(via, ["CONTOSO\\svc_sql", "CONTOSO\\A", "CONTOSO\\B"]);
}

#[test]
fn bad_expectations_render_snapshot() {
    let run = gplint(&[
        "check",
        TEMPLATE,
        "--expect",
        "tests/fixtures/expect/unknown-field.yaml",
    ]);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn a_missing_expectations_file_is_exit_2() {
    let run = gplint(&["check", TEMPLATE, "--expect", "no/such.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: the expectations file `no/such.yaml` does not exist"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unreadable_template_is_exit_2_but_the_rest_is_checked() {
    let run = gplint(&[
        "check",
        "no/such.inf",
        TEMPLATE,
        "--expect",
        EXPECT,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no/such.inf"));
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(!json["findings"].as_array().unwrap().is_empty());
}

#[test]
fn explain_json_follows_the_contract() {
    let run = gplint(&["explain", TEMPLATE, "--expect", EXPECT, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let accounts = json["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), 6);
    let svc = &accounts[0];
    assert_eq!(svc["account"], "CONTOSO\\svc_sql");
    assert_eq!(svc["sid"], "S-1-5-21-1004336348-1177238915-682003330-1105");
    for t in [
        "interactive",
        "network",
        "batch",
        "service",
        "remote-interactive",
    ] {
        let cell = &svc["logon"][t];
        assert!(
            ["allowed", "denied", "not-granted"].contains(&cell["verdict"].as_str().unwrap()),
            "{t}"
        );
        assert!(
            ["policy", "default", "builtin"].contains(&cell["source"].as_str().unwrap()),
            "{t}"
        );
    }
    assert_eq!(svc["logon"]["service"]["verdict"], "allowed");
    let agent = accounts
        .iter()
        .find(|a| a["account"] == "NT SERVICE\\SQLSERVERAGENT")
        .unwrap();
    assert_eq!(agent["logon"]["service"]["verdict"], "not-granted");
    assert_eq!(agent["kind"], "virtual");
}

#[test]
fn explain_matrix_snapshot() {
    let run = gplint(&["explain", TEMPLATE, "--expect", EXPECT]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn rules_lists_and_documents() {
    let list = gplint(&["rules"]);
    assert_eq!(list.code, 0);
    assert!(list.stdout.lines().count() >= 8);
    assert!(list.stdout.contains("GPL101"));
    let one = gplint(&["rules", "gpl203"]);
    assert_eq!(one.code, 0);
    assert!(one.stdout.contains("NT SERVICE\\ALL SERVICES"));
    let by_name = gplint(&["rules", "needed-logon-type-denied"]);
    assert!(by_name.stdout.starts_with("GPL102"));
    let missing = gplint(&["rules", "GPL999"]);
    assert_eq!(missing.code, 2);
}

#[test]
fn team_rules_add_to_the_builtin_ones_and_bad_ones_are_refused() {
    let dir = fixture("team-rules");
    let run = gplint(&[
        "check",
        TEMPLATE,
        "--expect",
        EXPECT,
        "--rules",
        &dir.display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("GPL901"));
    let bad = fixture("bad-rules");
    let refused = gplint(&[
        "check",
        TEMPLATE,
        "--expect",
        EXPECT,
        "--rules",
        &bad.display().to_string(),
    ]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("bad-rules/typo.yaml:"),
        "{}",
        refused.stderr
    );
}

/// A `__Members` line that empties the group through which a right
/// granted the logon (MS-GPSB 2.2.6; facts doc §9 item 7 for where it
/// applies) is cited by GPL101 as a second place, in every output: the
/// human finding, `check --format json` (`removed_by`), the `explain`
/// footnote and `explain --format json` (the cell's `removed_by`).
#[test]
fn the_members_line_that_removed_a_grant_is_cited_everywhere() {
    let template = "tests/fixtures/checks/members-emptied.inf";
    let expect = "tests/fixtures/expect/members-emptied.yaml";
    let run = gplint(&["check", template, "--expect", expect]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
    let json = gplint(&["check", template, "--expect", expect, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let finding = &value["findings"][0];
    assert_eq!(finding["rule"], "GPL101");
    assert_eq!(finding["removed_by"]["file"], template);
    assert_eq!(finding["removed_by"]["line"], 6);
    assert_eq!(finding["line"], 4);
    let explain = gplint(&["explain", template, "--expect", expect]);
    assert_eq!(explain.code, 0, "{}", explain.stderr);
    assert!(
        explain.stdout.contains(
            "but *S-1-5-32-555__Members (tests/fixtures/checks/members-emptied.inf:6) sets its members without CONTOSO\\alice"
        ),
        "{}",
        explain.stdout
    );
    let json = gplint(&["explain", template, "--expect", expect, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let cell = &value["accounts"][0]["logon"]["remote-interactive"];
    assert_eq!(cell["verdict"], "not-granted");
    assert_eq!(cell["removed_by"]["key"], "*S-1-5-32-555__Members");
    assert_eq!(cell["removed_by"]["group"], "BUILTIN\\Remote Desktop Users");
    assert_eq!(cell["removed_by"]["member"], "CONTOSO\\alice");
    assert_eq!(cell["removed_by"]["line"], 6);
    assert!(
        value["accounts"][0]["logon"]["interactive"]
            .get("removed_by")
            .is_none()
    );
    let sarif = gplint(&["check", template, "--expect", expect, "--format", "sarif"]);
    let value: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let related = &value["runs"][0]["results"][0]["relatedLocations"];
    let first = &related[0];
    assert_eq!(
        first["physicalLocation"]["region"]["startLine"], 6,
        "{related:#}"
    );
    assert!(
        first["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("the `__Members` line that took the membership away"),
        "{related:#}"
    );
}
