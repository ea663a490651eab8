//! Scenarios of issue 17: quickstart-style templates that name groups
//! and accounts, a `services.yaml` that names accounts only (no SIDs, no
//! groups, no facts), and a directory export that supplies the rest.
//! Each scenario runs against the small export of this repository
//! (`tests/fixtures/directory/contoso-small.ldif`, same shape as the
//! corpus file) and, when `GPLINT_CORPUS` is set, against the real
//! export of a Samba AD domain controller.
//!
//! The verdicts follow the directory: nested membership (alice →
//! Tier1 Admins → RDP Users Servers), the `Loop A` ⇄ `Loop B` cycle
//! (carol), `userAccountControl` 0x2 (svc_disabled, STATUS_ACCOUNT_DISABLED),
//! `logonHours` (svc_reports, Mon–Fri 06:00–20:00 UTC, with a task at
//! 22:00: STATUS_INVALID_LOGON_HOURS), the gMSA's object class, and the
//! PSO that governs svc_sql (msDS-ResultantPSO, MS-ADTS 3.1.1.4.5.36).

mod common;

use std::path::{Path, PathBuf};

use common::{corpus, gplint};
use gplint::directory::{DirectoryIndex, DirectoryLimits};
use gplint::expect::{Expectations, apply_directory};
use gplint::source::Links;
use serde_json::Value;

const TEMPLATE: &str = "tests/fixtures/directory/scenario/GptTmpl.inf";
const EXPECT: &str = "tests/fixtures/directory/scenario/services.yaml";
const SMALL: &str = "tests/fixtures/directory/contoso-small.ldif";

fn corpus_export() -> Option<PathBuf> {
    Some(corpus()?.join("directory/contoso-samba-ad.ldif"))
}

fn json(command: &str, ldif: &Path) -> Value {
    let ldif = ldif.display().to_string();
    let run = gplint(&[
        command,
        TEMPLATE,
        "--expect",
        EXPECT,
        "--directory",
        &ldif,
        "--format",
        "json",
    ]);
    assert!(
        run.code < 2,
        "{command} {ldif}: exit {}: {}",
        run.code,
        run.stderr
    );
    serde_json::from_str(&run.stdout).unwrap()
}

/// The verdict of `account` for `logon` in explain's JSON.
fn verdict<'a>(explain: &'a Value, account: &str, logon: &str) -> &'a Value {
    let accounts = explain["accounts"].as_array().unwrap();
    let found = accounts
        .iter()
        .find(|a| a["account"] == account)
        .unwrap_or_else(|| panic!("{account} not in {accounts:#?}"));
    &found["logon"][logon]
}

fn via(verdict: &Value) -> Vec<&str> {
    verdict["via"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

fn explain_scenario(ldif: &Path) {
    let explain = json("explain", ldif);
    let alice = verdict(&explain, "CONTOSO\\alice", "remote-interactive");
    assert_eq!(alice["verdict"], "allowed", "{alice:#}");
    assert_eq!(
        via(alice),
        [
            "CONTOSO\\alice",
            "CONTOSO\\Tier1 Admins",
            "CONTOSO\\RDP Users Servers"
        ]
    );
    let carol = verdict(&explain, "CONTOSO\\carol", "batch");
    assert_eq!(carol["verdict"], "denied", "{carol:#}");
    assert_eq!(
        via(carol),
        ["CONTOSO\\carol", "CONTOSO\\Loop A", "CONTOSO\\Loop B"]
    );
    let disabled = verdict(&explain, "CONTOSO\\svc_disabled", "service");
    assert_eq!(disabled["verdict"], "restricted", "{disabled:#}");
    assert_eq!(disabled["restriction"]["name"], "STATUS_ACCOUNT_DISABLED");
    let reports = verdict(&explain, "CONTOSO\\svc_reports", "batch");
    assert_eq!(reports["verdict"], "restricted", "{reports:#}");
    assert_eq!(reports["restriction"]["name"], "STATUS_INVALID_LOGON_HOURS");
    let gmsa = explain["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["account"] == "CONTOSO\\gmsa_web$")
        .unwrap();
    assert_eq!(gmsa["kind"], "gmsa");
    let sql = verdict(&explain, "CONTOSO\\svc_sql", "service");
    assert_eq!(sql["verdict"], "allowed");
    assert_eq!(via(sql), ["CONTOSO\\svc_sql", "CONTOSO\\SQL Services"]);
}

fn check_scenario(ldif: &Path) {
    let check = json("check", ldif);
    let mut found: Vec<(String, String)> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let rule = f["rule"].as_str().unwrap().to_owned();
            (rule, f["account"].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    found.sort();
    let expected = [
        ("GPL102", "CONTOSO\\carol"),
        ("GPL402", "CONTOSO\\svc_disabled"),
        ("GPL411", "CONTOSO\\svc_reports"),
    ];
    for (rule, account) in expected {
        assert!(
            found.iter().any(|(r, a)| r == rule && a == account),
            "{rule} for {account} missing from {found:?}"
        );
    }
    let errors: Vec<_> = found
        .iter()
        .filter(|(r, _)| r.starts_with("GPL1"))
        .collect();
    assert_eq!(errors.len(), 1, "only carol's deny: {found:?}");
}

/// The expectations file filled from `ldif` through the library.
fn filled(ldif: &Path) -> Expectations {
    let text = std::fs::read_to_string(EXPECT).unwrap();
    let mut expect = gplint::expect::load(EXPECT, &text).unwrap();
    let name = ldif.display().to_string();
    let export =
        gplint::directory::read(&name, ldif, &DirectoryLimits::default(), Links::Follow).unwrap();
    let index = DirectoryIndex::new(vec![export], None);
    let errors = apply_directory(&mut expect, &index);
    assert!(errors.is_empty(), "{errors:#?}");
    expect
}

fn policy_scenario(ldif: &Path) {
    let expect = filled(ldif);
    let sql = expect
        .accounts
        .iter()
        .find(|a| a.name.value == "CONTOSO\\svc_sql")
        .unwrap();
    let pso = sql
        .facts
        .password_policy
        .as_ref()
        .expect("SvcPSO governs svc_sql");
    assert_eq!(pso.max_password_age_days.value, 365);
    assert_eq!(pso.lockout_threshold.value, 0);
    assert_eq!(
        sql.facts.password_never_expires.as_ref().map(|v| v.value),
        Some(true)
    );
    let alice = expect
        .accounts
        .iter()
        .find(|a| a.name.value == "CONTOSO\\alice")
        .unwrap();
    assert!(
        alice.facts.password_policy.is_none(),
        "no PSO reaches alice"
    );
    let Some(gplint::model::DomainPolicyDecl::Values(domain)) = &expect.domain_policy else {
        panic!("the domain object's policy: {:?}", expect.domain_policy);
    };
    assert_eq!(domain.max_password_age_days.value, 60);
    assert_eq!(domain.lockout_threshold.value, 5);
}

#[test]
fn explain_follows_the_small_export() {
    explain_scenario(Path::new(SMALL));
}

#[test]
fn check_follows_the_small_export() {
    check_scenario(Path::new(SMALL));
}

#[test]
fn svc_sql_is_governed_by_its_pso_in_the_small_export() {
    policy_scenario(Path::new(SMALL));
}

#[test]
fn explain_follows_the_corpus_export() {
    let Some(ldif) = corpus_export() else { return };
    explain_scenario(&ldif);
}

#[test]
fn check_follows_the_corpus_export() {
    let Some(ldif) = corpus_export() else { return };
    check_scenario(&ldif);
}

#[test]
fn svc_sql_is_governed_by_its_pso_in_the_corpus_export() {
    let Some(ldif) = corpus_export() else { return };
    policy_scenario(&ldif);
}

/// Template entries written as names resolve through the directory:
/// GPL305 (DOMAIN\name) and GPL301 (a bare name) fire only for names the
/// directory lacks too.
#[test]
fn holders_by_name_are_known_when_the_directory_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let inf = dir.path().join("GptTmpl.inf");
    let text = "[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n[Privilege Rights]\r\nSeBatchLogonRight = CONTOSO\\bob,CONTOSO\\nobody,bob,nobody2\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&inf, bytes).unwrap();
    let inf = inf.display().to_string();
    let run = gplint(&[
        "check",
        &inf,
        "--expect",
        EXPECT,
        "--directory",
        SMALL,
        "--format",
        "json",
    ]);
    assert!(run.code < 2, "{}", run.stderr);
    let check: Value = serde_json::from_str(&run.stdout).unwrap();
    let about: Vec<(String, String)> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "GPL301" || f["rule"] == "GPL305")
        .map(|f| {
            let rule = f["rule"].as_str().unwrap().to_owned();
            (rule, f["message"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(about.len(), 2, "{about:#?}");
    assert!(
        about
            .iter()
            .any(|(r, m)| r == "GPL305" && m.contains("`CONTOSO\\nobody`")),
        "{about:#?}"
    );
    assert!(
        about
            .iter()
            .any(|(r, m)| r == "GPL301" && m.contains("`nobody2`")),
        "{about:#?}"
    );
}
