//! Whose account policy governs an account, through the command line:
//! a GPO linked below the domain sets password and lockout policy for the
//! local accounts of the machines it reaches only; domain accounts follow
//! the domain root (windows-logon-facts.md §9 item 6; windows-itpro-docs
//! `account-policies.md`; KB 255550).
//!
//! The DISA test needs `GPLINT_CORPUS`; without it it says it skipped and
//! passes.

mod common;

use std::path::Path;

use common::gplint;
use serde_json::Value;

/// Rules about a stored password's expiry and lockout.
const PASSWORD_RULES: [&str; 4] = ["GPL405", "GPL406", "GPL407", "GPL412"];

/// A local and a domain service account with the same facts.
const TWO_ACCOUNTS: &str = "accounts:
  - name: CONTOSO\\svc_app
    password_last_set: 2026-01-01
    logon: [service]
  - name: .\\svc_app
    password_last_set: 2026-01-01
    logon: [service]
";

/// `check --format json` as of 2026-02-15; the exit code and the findings.
fn check_json(inputs: &[&str], expect: &Path) -> (i32, Vec<Value>) {
    let mut args = vec!["check"];
    args.extend_from_slice(inputs);
    let expect = expect.to_str().unwrap();
    args.extend([
        "--expect",
        expect,
        "--format",
        "json",
        "--today",
        "2026-02-15",
    ]);
    let run = gplint(&args);
    assert!(run.code < 2, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    (run.code, json["findings"].as_array().unwrap().clone())
}

/// The password findings about `account`.
fn password_findings<'f>(findings: &'f [Value], account: &str) -> Vec<&'f Value> {
    findings
        .iter()
        .filter(|f| f["account"] == account)
        .filter(|f| PASSWORD_RULES.contains(&f["rule"].as_str().unwrap_or_default()))
        .collect()
}

fn rules_of(findings: &[&Value]) -> Vec<String> {
    let mut rules: Vec<String> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or_default().to_owned())
        .collect();
    rules.sort();
    rules
}

fn cites(finding: &Value, file: &str) -> bool {
    finding["file"].as_str().is_some_and(|f| f.ends_with(file))
}

#[test]
fn an_ou_linked_stig_gpo_sets_the_local_accounts_policy_not_the_domain_accounts() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let stig = corpus.join("trees/disa-stig-gpo-backups/DoD - Windows Server 2019 MS - Computer");
    let template = "SecEdit/GptTmpl.inf";
    let dir = tempfile::tempdir().unwrap();
    let expect = dir.path().join("services.yaml");
    let scope = "scopes:\n  - name: stig-member-servers\n    gpos: [\"DoD - Windows Server 2019 MS - Computer\"]\n";
    std::fs::write(&expect, format!("{scope}{TWO_ACCOUNTS}")).unwrap();
    let (_, findings) = check_json(&[stig.to_str().unwrap()], &expect);
    // The local account: the GPO's MaximumPasswordAge = 60 and
    // LockoutBadCount = 3, at their lines.
    let local = password_findings(&findings, ".\\svc_app");
    assert_eq!(rules_of(&local), ["GPL406", "GPL412"], "{local:#?}");
    assert!(local.iter().all(|f| cites(f, template)), "{local:#?}");
    assert_eq!(local[0]["line"], 5);
    assert_eq!(local[1]["line"], 9);
    // The domain account: nothing from that GPO; Windows' default of 42
    // days, one step less severe, and no lockout.
    let domain = password_findings(&findings, "CONTOSO\\svc_app");
    assert!(
        findings
            .iter()
            .filter(|f| f["account"] == "CONTOSO\\svc_app")
            .all(|f| !cites(f, template)),
        "{findings:#?}"
    );
    assert_eq!(rules_of(&domain), ["GPL405"], "{domain:#?}");
    assert_eq!(domain[0]["severity"], "warning");
    assert_eq!(domain[0]["from_default"], true);
    let message = domain[0]["message"].as_str().unwrap();
    assert!(message.contains("42 days by Windows' default"), "{message}");
    common::say(&format!(
        "corpus: DISA member-server GPO as a scope: local account {:?}, domain account {:?}",
        rules_of(&local),
        rules_of(&domain)
    ));
}

/// A scope of one OU-linked template, beside the SYSVOL fixture whose
/// `{31B2F340-…}` folder is the Default Domain Policy (MaximumPasswordAge
/// = 42, LockoutBadCount = 10).
fn sysvol_with_ou_template(domain_policy: &str) -> (tempfile::TempDir, String, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ou = dir.path().join("Servers.inf");
    std::fs::write(
        &ou,
        "[System Access]\nMaximumPasswordAge = 60\nLockoutBadCount = 3\n",
    )
    .unwrap();
    let expect = dir.path().join("services.yaml");
    let scope = format!(
        "{domain_policy}scopes:\n  - name: servers\n    gpos: ['{}']\n",
        ou.display()
    );
    std::fs::write(&expect, format!("{scope}{TWO_ACCOUNTS}")).unwrap();
    let ou = ou.to_str().unwrap().to_owned();
    (dir, ou, expect)
}

#[test]
fn the_default_domain_policy_among_the_inputs_governs_domain_accounts() {
    let (_dir, ou, expect) = sysvol_with_ou_template("");
    let (_, findings) = check_json(&["tests/fixtures/trees/sysvol", &ou], &expect);
    let domain = password_findings(&findings, "CONTOSO\\svc_app");
    let lockout = domain.iter().find(|f| f["rule"] == "GPL412").unwrap();
    assert!(
        cites(
            lockout,
            "{31B2F340-016D-11D2-945F-00C04FB984F9}/MACHINE/Microsoft/Windows NT/SecEdit/GptTmpl.inf"
        ),
        "{lockout:#}"
    );
    assert!(
        lockout["message"]
            .as_str()
            .unwrap()
            .contains("LockoutBadCount = 10 in the domain's account policy")
    );
    let expired = domain.iter().find(|f| f["rule"] == "GPL405").unwrap();
    assert_eq!(
        expired["severity"], "error",
        "the domain's 42 days are a policy"
    );
    let local = password_findings(&findings, ".\\svc_app");
    assert!(local.iter().all(|f| cites(f, "Servers.inf")), "{local:#?}");
}

#[test]
fn a_domain_policy_gpo_that_is_not_among_the_inputs_is_an_error_in_the_file() {
    let (_dir, ou, expect) = sysvol_with_ou_template("domain_policy: [Default Domain Polcy]\n");
    let run = gplint(&[
        "check",
        "tests/fixtures/trees/sysvol",
        &ou,
        "--expect",
        expect.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("no GPO `Default Domain Polcy` among the inputs"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("services.yaml:1:17"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `Default Domain Policy`?"),
        "{}",
        run.stderr
    );
}
