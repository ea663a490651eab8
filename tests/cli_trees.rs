//! Whole GPO trees: folders of backups and SYSVOL, scopes with precedence.

mod common;

use common::gplint;
use serde_json::Value;

const BACKUPS: &str = "tests/fixtures/trees/backups";
const SERVICES: &str = "tests/fixtures/trees/services.yaml";

fn explain() -> Value {
    let run = gplint(&["explain", BACKUPS, "--expect", SERVICES, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn verdict(json: &Value, scope: &str, account: &str, logon: &str) -> String {
    let entry = json["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["scope"] == scope && a["account"] == account)
        .unwrap_or_else(|| panic!("no {account} in {scope}"));
    entry["logon"][logon]["verdict"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn right<'j>(json: &'j Value, scope: &str, right: &str) -> &'j Value {
    let scope = json["scopes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["scope"] == scope)
        .unwrap();
    scope["rights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["right"] == right)
        .unwrap()
}

#[test]
fn the_later_gpos_list_replaces_the_earlier_one() {
    let json = explain();
    assert_eq!(
        verdict(&json, "sql-servers", "CONTOSO\\svc_sql", "service"),
        "not-granted"
    );
    assert_eq!(
        verdict(&json, "file-servers", "CONTOSO\\svc_sql", "service"),
        "allowed"
    );
    let service = right(&json, "sql-servers", "SeServiceLogonRight");
    assert_eq!(service["gpo"], "SQL Servers - Hardening");
    assert_eq!(service["replaces"][0], "Servers Baseline");
}

#[test]
fn a_gpo_that_does_not_define_a_right_leaves_the_earlier_list_in_force() {
    let json = explain();
    let batch = right(&json, "sql-servers", "SeBatchLogonRight");
    assert_eq!(batch["gpo"], "Domain - Logon Restrictions");
    assert_eq!(
        verdict(&json, "sql-servers", "CONTOSO\\ops", "batch"),
        "allowed"
    );
}

#[test]
fn a_deny_from_one_gpo_and_a_grant_from_another_combine() {
    let json = explain();
    assert_eq!(
        right(&json, "sql-servers", "SeInteractiveLogonRight")["gpo"],
        "Servers Baseline"
    );
    assert_eq!(
        right(&json, "sql-servers", "SeDenyInteractiveLogonRight")["gpo"],
        "SQL Servers - Hardening"
    );
    assert_eq!(
        verdict(&json, "sql-servers", "CONTOSO\\svc_sql", "interactive"),
        "denied"
    );
    assert_eq!(
        verdict(&json, "file-servers", "CONTOSO\\svc_sql", "interactive"),
        "allowed"
    );
}

#[test]
fn an_expectation_limited_to_one_scope_is_not_checked_in_another() {
    let json = explain();
    let files: Vec<_> = json["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["account"] == "CONTOSO\\svc_files")
        .map(|a| a["scope"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(files, ["file-servers"]);
    let run = gplint(&["check", BACKUPS, "--expect", SERVICES, "--format", "json"]);
    let findings: Value = serde_json::from_str(&run.stdout).unwrap();
    for finding in findings["findings"].as_array().unwrap() {
        if finding["account"] == "CONTOSO\\svc_files" {
            assert_eq!(finding["scope"], "file-servers");
        }
    }
}

#[test]
fn explain_json_has_one_entry_per_account_and_scope() {
    let json = explain();
    let accounts = json["accounts"].as_array().unwrap();
    // svc_sql and ops in both scopes, svc_files in one.
    assert_eq!(accounts.len(), 5);
    assert!(accounts.iter().all(|a| a["scope"].is_string()));
}

#[test]
fn check_over_the_tree_names_scopes_and_the_replaced_gpo() {
    let run = gplint(&["check", BACKUPS, "--expect", SERVICES]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("GPL101 needed-logon-type-not-granted · scope sql-servers")
    );
    assert!(
        run.stdout
            .contains("replaces the one from 'Servers Baseline', which granted CONTOSO\\svc_sql")
    );
    assert!(
        run.stdout
            .contains("but the list from 'SQL Servers - Hardening' replaces this one")
    );
}

#[test]
fn a_gpo_not_found_or_named_twice_is_an_error_in_the_yaml() {
    let missing = gplint(&[
        "check",
        BACKUPS,
        "--expect",
        "tests/fixtures/trees/bad/gpo-not-found.yaml",
    ]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("gpo-not-found.yaml:3:32"),
        "{}",
        missing.stderr
    );
    assert!(
        missing
            .stderr
            .contains("did you mean `SQL Servers - Hardening`"),
        "{}",
        missing.stderr
    );
    let both = format!("{BACKUPS}/Servers Baseline");
    let twice = gplint(&[
        "check",
        BACKUPS,
        &both,
        "--expect",
        "tests/fixtures/trees/bad/gpo-twice.yaml",
    ]);
    assert_eq!(twice.code, 2);
    assert!(
        twice.stderr.contains("names more than one GPO"),
        "{}",
        twice.stderr
    );
    assert!(
        twice.stderr.contains("gpo-twice.yaml:3:12"),
        "{}",
        twice.stderr
    );
}

#[test]
fn without_scopes_each_gpo_of_a_folder_is_evaluated_alone() {
    let run = gplint(&[
        "check",
        BACKUPS,
        "--expect",
        "examples/quickstart/services.yaml",
        "--format",
        "json",
    ]);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let scopes: std::collections::BTreeSet<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["scope"].as_str())
        .collect();
    assert!(
        scopes
            .iter()
            .any(|s| s.starts_with("'SQL Servers - Hardening'")),
        "{scopes:?}"
    );
    assert!(
        scopes.iter().any(|s| s.starts_with("'Servers Baseline'")),
        "{scopes:?}"
    );
}

#[test]
fn a_sysvol_tree_checks_too() {
    let run = gplint(&[
        "check",
        "tests/fixtures/trees/sysvol",
        "--expect",
        "examples/quickstart/services.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["summary"]["templates"], 2);
}

/// A template as Windows writes it: UTF-16LE with a BOM, CRLF.
fn windows_template(text: &str) -> Vec<u8> {
    let crlf = text.replace('\n', "\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(crlf.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

// Issue 11, point 9: with no template defining SeBatchLogonRight, the
// default applies on every GPO evaluated alone; that one cause is one
// finding, and a GPO with no user rights at all adds nothing.
#[test]
fn a_finding_that_rests_on_a_default_is_reported_once_not_once_per_gpo() {
    let dir = tempfile::tempdir().unwrap();
    let policies = dir.path().join("contoso.com/Policies");
    let gpos = [
        (
            "{11111111-1111-1111-1111-111111111111}",
            "[Unicode]\nUnicode=yes\n[System Access]\nMinimumPasswordLength = 14\n[Version]\nsignature=\"$CHICAGO$\"\nRevision=1\n",
        ),
        (
            "{22222222-2222-2222-2222-222222222222}",
            "[Unicode]\nUnicode=yes\n[Privilege Rights]\nSeDenyInteractiveLogonRight = *S-1-5-32-546\n[Version]\nsignature=\"$CHICAGO$\"\nRevision=1\n",
        ),
        (
            "{33333333-3333-3333-3333-333333333333}",
            "[Unicode]\nUnicode=yes\n[Version]\nsignature=\"$CHICAGO$\"\nRevision=1\n",
        ),
    ];
    for (guid, text) in gpos {
        let secedit = policies
            .join(guid)
            .join("MACHINE/Microsoft/Windows NT/SecEdit");
        std::fs::create_dir_all(&secedit).unwrap();
        std::fs::write(
            policies.join(guid).join("GPT.INI"),
            "[General]\r\nVersion=1\r\n",
        )
        .unwrap();
        std::fs::write(secedit.join("GptTmpl.inf"), windows_template(text)).unwrap();
    }
    let yaml = dir.path().join("services.yaml");
    std::fs::write(
        &yaml,
        "accounts:\n  - name: CONTOSO\\svc_task\n    sid: S-1-5-21-1-2-3-1130\n    logon: [batch]\n",
    )
    .unwrap();
    let root = dir.path().display().to_string();
    let yaml = yaml.display().to_string();
    let run = gplint(&["check", &root, "--expect", &yaml, "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let not_granted: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "GPL101")
        .collect();
    assert_eq!(not_granted.len(), 1, "{not_granted:#?}");
    let finding = not_granted[0];
    assert!(finding.get("scope").is_none_or(Value::is_null), "{finding}");
    // The help proposes the whole line, Windows' default holders kept.
    let help = finding["help"].as_str().unwrap();
    assert!(
        help.contains(
            "`SeBatchLogonRight = *S-1-5-32-544,*S-1-5-32-551,*S-1-5-32-559,*S-1-5-21-1-2-3-1130`"
        ),
        "{help}"
    );
}
