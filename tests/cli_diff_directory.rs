//! `gplint diff` with a directory (issue 17, point 5): every enabled
//! account of the export is evaluated on both sides, and the ones
//! services.yaml does not declare are counted by cause, the first 20
//! named, without changing the exit code.
//!
//! The fixture `tests/fixtures/directory/diff-small.ldif` is written as
//! `ldapsearch -LLL` writes it: 25 enabled users `user00`…`user24` and
//! `svc_app`, all in Domain Users through `primaryGroupID: 513` (the
//! primary group is not in `memberOf`, [MS-ADTS] 3.1.1.4.5.x
//! primaryGroupID), `user03` and `user17` also in `Batch Operators`; a
//! disabled `gone_user` (userAccountControl 0x2, never surveyed) and a
//! computer `WEB01$` in Domain Computers. Verdicts follow
//! windows-logon-facts.md §1 item 3 (a right no entry grants is refused)
//! and §2 (a deny wins over any grant).

mod common;

use common::{Run, gplint_in};
use std::path::Path;

const DOMAIN: &str = "S-1-5-21-1004336348-1177238915-682003330";

/// A template as Windows writes it: UTF-16LE with a BOM, CRLF.
fn template(rights: &[String]) -> Vec<u8> {
    let mut text = "[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n[Privilege Rights]\r\n".to_owned();
    for right in rights {
        text.push_str(right);
        text.push_str("\r\n");
    }
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{e}"));
}

fn fixture() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/directory/diff-small.ldif")
        .display()
        .to_string()
}

/// BASE grants batch logon to Domain Users and service logon to
/// svc_app; HEAD grants batch logon to Administrators only, denies it to
/// Batch Operators, and grants service logon per `head_service`.
fn scratch(head_service: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let service = format!("SeServiceLogonRight = *{DOMAIN}-1200");
    let base = [
        format!("SeBatchLogonRight = *{DOMAIN}-513"),
        service.clone(),
    ];
    let mut head = vec![
        "SeBatchLogonRight = *S-1-5-32-544".to_owned(),
        format!("SeDenyBatchLogonRight = *{DOMAIN}-1500"),
    ];
    if head_service {
        head.push(service);
    }
    write(&dir.path().join("base/sql/GptTmpl.inf"), &template(&base));
    write(&dir.path().join("head/sql/GptTmpl.inf"), &template(&head));
    // Names only: the SID comes from the directory.
    let yaml =
        "target: member-server\naccounts:\n  - name: CONTOSO\\svc_app\n    logon: [service]\n";
    write(&dir.path().join("services.yaml"), yaml.as_bytes());
    // The same without a directory, the SID written.
    let bare = format!(
        "target: member-server\naccounts:\n  - name: CONTOSO\\svc_app\n    sid: {DOMAIN}-1200\n    logon: [service]\n"
    );
    write(&dir.path().join("bare.yaml"), bare.as_bytes());
    dir
}

fn diff(dir: &Path, extra: &[&str]) -> Run {
    let ldif = fixture();
    let mut args = vec![
        "diff",
        "base",
        "head",
        "--expect",
        "services.yaml",
        "--directory",
        &ldif,
    ];
    args.extend_from_slice(extra);
    gplint_in(dir, &args)
}

#[test]
fn undeclared_accounts_are_counted_by_cause_with_the_first_twenty_named() {
    let dir = scratch(true);
    let run = diff(dir.path(), &[]);
    // 25 accounts lose batch logon, none has an expectation: exit 0.
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    assert!(
        out.contains("directory accounts without an expectation (26 surveyed; they never change the exit code)"),
        "{out}"
    );
    assert!(
        out.contains("  no longer grants batch logon to 23 accounts through CONTOSO\\Domain Users (SeBatchLogonRight, allowed → not-granted, scope sql/GptTmpl.inf)\n    CONTOSO\\user00, CONTOSO\\user01, CONTOSO\\user02, CONTOSO\\user04,"),
        "{out}"
    );
    // 23 accounts: 20 named, user22…24 counted.
    assert!(
        out.contains("CONTOSO\\user20, CONTOSO\\user21, … (3 more)\n"),
        "{out}"
    );
    assert!(!out.contains("CONTOSO\\user22"), "{out}");
    // The deny weighs more than the lost grant: it is their cause.
    assert!(
        out.contains("  denies batch logon to 2 accounts through CONTOSO\\Batch Operators (SeDenyBatchLogonRight, allowed → denied, scope sql/GptTmpl.inf)\n    CONTOSO\\user03, CONTOSO\\user17\n"),
        "{out}"
    );
    // Neither the disabled account nor the unchanged computer appears.
    assert!(
        !out.contains("gone_user") && !out.contains("WEB01$"),
        "{out}"
    );
    // The declared account is reported one cell at a time, as before.
    assert!(
        out.contains("  CONTOSO\\svc_app  batch  allowed → not-granted\n"),
        "{out}"
    );
}

#[test]
fn a_declared_account_s_broken_expectation_still_decides_the_exit_code() {
    let dir = scratch(false);
    let run = diff(dir.path(), &[]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("CONTOSO\\svc_app  service  allowed → not-granted  BREAKS logon: service"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_carries_the_aggregate_as_directory_changes() {
    let dir = scratch(true);
    let run = diff(dir.path(), &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    assert_eq!(doc["directory_accounts"], 26);
    assert_eq!(doc["breaks"], false);
    let changes = doc["directory_changes"]
        .as_array()
        .unwrap_or_else(|| panic!("an array: {doc}"));
    assert_eq!(changes.len(), 2, "{doc}");
    let first = &changes[0];
    assert_eq!(first["logon_type"], "batch");
    assert_eq!(first["before"], "allowed");
    assert_eq!(first["after"], "not-granted");
    assert_eq!(
        first["cause"],
        serde_json::json!({"right": "SeBatchLogonRight", "principal": "CONTOSO\\Domain Users", "restriction": null})
    );
    assert_eq!(first["scopes"], serde_json::json!(["sql/GptTmpl.inf"]));
    assert_eq!(first["count"], 23);
    let accounts = first["accounts"].as_array().map(Vec::len);
    assert_eq!(accounts, Some(20));
    assert_eq!(first["accounts"][0], "CONTOSO\\user00");
    assert_eq!(changes[1]["count"], 2);
    assert_eq!(changes[1]["after"], "denied");
    // Surveyed accounts are not listed one by one among the changes.
    let per_account = doc["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["kind"] == "verdict")
        .count();
    assert_eq!(per_account, 1, "{doc}");
}

#[test]
fn markdown_and_html_show_the_aggregate() {
    let dir = scratch(true);
    let md = diff(dir.path(), &["--format", "markdown"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout.contains("| 23 | batch | allowed → not-granted | `CONTOSO\\Domain Users` | SeBatchLogonRight | sql/GptTmpl.inf | CONTOSO\\\\user00, "),
        "{}",
        md.stdout
    );
    let html = diff(dir.path(), &["--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(
        html.stdout.contains("<section class=\"directory\">")
            && html
                .stdout
                .contains("no longer grants batch logon to 23 accounts"),
        "{}",
        html.stdout
    );
    // No matrix row for a surveyed account.
    assert!(
        html.stdout.contains("<th scope=row>CONTOSO\\svc_app<"),
        "{}",
        html.stdout
    );
    assert!(
        !html.stdout.contains("<th scope=row>CONTOSO\\user"),
        "{}",
        html.stdout
    );
}

#[test]
fn without_a_directory_nothing_is_surveyed() {
    let dir = scratch(true);
    for format in ["human", "json", "markdown", "html"] {
        let args = [
            "diff",
            "base",
            "head",
            "--expect",
            "bare.yaml",
            "--format",
            format,
        ];
        let run = gplint_in(dir.path(), &args);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert!(
            !run.stdout.contains("directory"),
            "{format}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains("surveyed"), "{format}: {}", run.stdout);
    }
}
