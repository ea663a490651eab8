//! Scenario tests of account restrictions: what refuses a logon after the
//! rights check, each through the rule that reports it, and `explain`.

mod common;

use gplint::check::check_texts_on;
use gplint::diagnostic::Severity;
use gplint::finding::Finding;
use gplint::model::Date;
use gplint::rules::RuleSet;

fn check(template: &str, yaml: &str, today: &str) -> Vec<Finding> {
    let rules = RuleSet::builtin().unwrap();
    check_texts_on(&[template], yaml, &rules, Date::parse(today))
        .unwrap_or_else(|e| panic!("{e:?}"))
}

fn of<'f>(findings: &'f [Finding], rule: &str) -> Vec<&'f Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

const TODAY: &str = "2026-03-01";

#[test]
fn guest_disabled_by_the_template_is_an_error_with_1331() {
    let t = "[System Access]\nEnableGuestAccount = 0\n[Privilege Rights]\nSeNetworkLogonRight = *S-1-1-0\nSeDenyNetworkLogonRight =\n";
    let found = check(
        t,
        "accounts:\n  - name: Guest\n    logon: [network]\n",
        TODAY,
    );
    let disabled = of(&found, "GPL401");
    assert_eq!(disabled.len(), 1, "{found:#?}");
    assert_eq!(disabled[0].severity, Severity::Error);
    let note = disabled[0].note.as_deref().unwrap();
    assert!(
        note.contains("STATUS_ACCOUNT_DISABLED (0xC0000072)"),
        "{note}"
    );
    assert!(
        note.contains("(1331)") && note.contains("Sub Status 0xC0000072"),
        "{note}"
    );
}

#[test]
fn administrator_disabled_by_the_workstation_default_is_one_step_less_severe() {
    let yaml =
        "target: workstation\naccounts:\n  - name: Administrator\n    logon: [interactive]\n";
    let found = check("[Version]\nRevision=1\n", yaml, TODAY);
    let disabled = of(&found, "GPL401");
    assert_eq!(disabled[0].severity, Severity::Warning);
    assert!(disabled[0].from_default);
    let on_server = check(
        "[Version]\nRevision=1\n",
        &yaml.replace("workstation", "member-server"),
        TODAY,
    );
    assert!(of(&on_server, "GPL401").is_empty());
    let defined = check(
        "[System Access]\nEnableAdminAccount = 0\n",
        &yaml.replace("workstation", "member-server"),
        TODAY,
    );
    assert_eq!(of(&defined, "GPL401")[0].severity, Severity::Error);
}

#[test]
fn a_renamed_guest_whose_old_name_stays_in_a_right_is_flagged() {
    let t = "[System Access]\nNewGuestName = \"Visitor\"\n[Privilege Rights]\nSeDenyNetworkLogonRight = Guest,*S-1-5-114\n";
    let found = check(
        t,
        "accounts:\n  - name: CONTOSO\\alice\n    logon: [network]\n",
        TODAY,
    );
    let renamed = of(&found, "GPL404");
    assert_eq!(renamed.len(), 1);
    assert!(
        renamed[0].message.contains("renames it to Visitor"),
        "{}",
        renamed[0].message
    );
    let by_old_name = check(
        t,
        "accounts:\n  - name: Guest\n    logon: [interactive]\n",
        TODAY,
    );
    assert_eq!(of(&by_old_name, "GPL403").len(), 1);
}

/// The account policy of the GPOs applied to the machine governs its
/// local accounts (windows-itpro-docs `account-policies.md`).
const EXPIRING: &str = "[System Access]\nMaximumPasswordAge = 42\n[Privilege Rights]\nSeServiceLogonRight = .\\svc_sql\n";

#[test]
fn a_password_with_a_known_set_date_expires_on_a_predicted_day() {
    let yaml = "accounts:\n  - name: .\\svc_sql\n    password_last_set: 2026-01-31\n    logon: [service]\n";
    let soon = check(EXPIRING, yaml, TODAY);
    let warning = of(&soon, "GPL406");
    assert_eq!(warning.len(), 1, "{soon:#?}");
    assert_eq!(warning[0].severity, Severity::Warning);
    assert!(
        warning[0].message.contains("on 2026-03-14, in 13 days"),
        "{}",
        warning[0].message
    );
    let later = check(EXPIRING, yaml, "2026-03-20");
    let expired = of(&later, "GPL405");
    assert_eq!(expired[0].severity, Severity::Error);
    assert!(expired[0].note.as_deref().unwrap().contains("(1330)"));
    assert!(
        of(&check(EXPIRING, yaml, "2026-02-01"), "GPL406").is_empty(),
        "42 days ahead is no warning"
    );
}

#[test]
fn a_password_without_a_set_date_is_a_note() {
    let yaml = "accounts:\n  - name: .\\svc_sql\n    logon: [service]\n";
    let found = check(EXPIRING, yaml, TODAY);
    let note = of(&found, "GPL407");
    assert_eq!(note.len(), 1);
    assert_eq!(note[0].severity, Severity::Note);
    let never = check(
        EXPIRING,
        &yaml.replace("    logon", "    password_never_expires: true\n    logon"),
        TODAY,
    );
    assert!(of(&never, "GPL407").is_empty());
}

#[test]
fn gmsas_and_virtual_accounts_are_never_flagged_for_passwords() {
    let t = "[System Access]\nMaximumPasswordAge = 1\nLockoutBadCount = 3\n[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0,CONTOSO\\gmsa_sql$\n";
    let yaml = "accounts:\n  - name: CONTOSO\\gmsa_sql$\n    logon: [service]\n  - service: MSSQLSERVER\n    logon: [service]\n";
    let found = check(t, yaml, TODAY);
    for rule in ["GPL405", "GPL406", "GPL407", "GPL412"] {
        assert!(of(&found, rule).is_empty(), "{rule}: {found:#?}");
    }
    let declared = "accounts:\n  - name: CONTOSO\\gmsa_sql$\n    password_last_set: 2026-01-01\n    logon: [service]\n";
    // Issue 14 item 5: an export carries pwdLastSet for gMSAs too, so the
    // fact is read past with a warning, not refused.
    let loaded = gplint::expect::load("services.yaml", declared).unwrap();
    assert_eq!(
        loaded.warnings[0].code,
        "expect::password-fact-not-applicable"
    );
    assert_eq!(loaded.accounts[0].facts.password_last_set, None);
    let blank = declared.replace("password_last_set: 2026-01-01", "blank_password: true");
    let errors = gplint::expect::load("services.yaml", &blank).unwrap_err();
    assert_eq!(errors[0].code, "expect::managed-password");
}

#[test]
fn a_blank_password_local_account_cannot_log_on_over_the_network() {
    let yaml = "accounts:\n  - name: .\\kiosk\n    blank_password: true\n    logon: [network, interactive]\n";
    let found = check("[Version]\nRevision=1\n", yaml, TODAY);
    let blank = of(&found, "GPL408");
    assert_eq!(blank.len(), 1, "the console stays allowed");
    assert_eq!(blank[0].logon_type.map(|t| t.as_str()), Some("network"));
    assert!(blank[0].note.as_deref().unwrap().contains("(1327)"));
    assert!(
        blank[0].from_default,
        "LimitBlankPasswordUse rests on its default"
    );
}

#[test]
fn an_account_limited_to_other_workstations_is_flagged_in_the_scope() {
    let yaml = "scopes:\n  - name: sql\n    gpos: [GptTmpl.inf]\n    hosts: [SQL01, SQL02]\naccounts:\n  - name: CONTOSO\\svc_sql\n    workstations: [SQL01, APP01]\n    logon: [service, network]\n";
    let t = "[Privilege Rights]\nSeServiceLogonRight = CONTOSO\\svc_sql\n";
    let found = check(t, yaml, TODAY);
    let ws = of(&found, "GPL410");
    assert_eq!(ws.len(), 1, "network logons are not checked: {found:#?}");
    assert!(ws[0].message.contains("not to SQL02"), "{}", ws[0].message);
    assert!(ws[0].note.as_deref().unwrap().contains("0xC0000070"));
}

#[test]
fn logon_hours_that_exclude_a_services_hours_are_flagged() {
    let t = "[Privilege Rights]\nSeServiceLogonRight = CONTOSO\\svc_sql\n";
    let yaml = "accounts:\n  - name: CONTOSO\\svc_sql\n    logon_hours: [\"Mon-Sat\"]\n    logon: [service]\n";
    let found = check(t, yaml, TODAY);
    let hours = of(&found, "GPL411");
    assert_eq!(hours.len(), 1);
    assert!(
        hours[0].message.contains("leave out Sun 00:00"),
        "{}",
        hours[0].message
    );
    let fits = yaml.replace(
        "    logon:",
        "    runs_at: [\"Mon-Fri 08:00-17:00\"]\n    logon:",
    );
    assert!(of(&check(t, &fits, TODAY), "GPL411").is_empty());
}

#[test]
fn a_lockout_policy_exposes_stored_passwords() {
    let t = "[System Access]\nLockoutBadCount = 5\n[Privilege Rights]\nSeBatchLogonRight = .\\svc_reports\n";
    let yaml = "accounts:\n  - name: .\\svc_reports\n    password_never_expires: true\n    logon: [batch]\n";
    let found = check(t, yaml, TODAY);
    let lockout = of(&found, "GPL412");
    assert_eq!(lockout[0].severity, Severity::Note);
    assert!(lockout[0].note.as_deref().unwrap().contains("0xC0000234"));
}

#[test]
fn explain_json_shows_restricted_with_the_substatus_and_keeps_the_other_verdicts() {
    let dir = std::env::temp_dir().join(format!("gplint-restricted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let inf = dir.join("GptTmpl.inf");
    let yaml = dir.join("services.yaml");
    std::fs::write(&inf, "[System Access]\nEnableGuestAccount = 0\n[Privilege Rights]\nSeNetworkLogonRight = *S-1-1-0\nSeDenyNetworkLogonRight =\nSeBatchLogonRight = *S-1-5-32-544\nSeDenyBatchLogonRight = Guest\n").unwrap();
    std::fs::write(&yaml, "accounts:\n  - name: Guest\n    logon: [network]\n").unwrap();
    let run = common::gplint(&[
        "explain",
        inf.to_str().unwrap(),
        "--expect",
        yaml.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let logon = &json["accounts"][0]["logon"];
    assert_eq!(logon["network"]["verdict"], "restricted");
    assert_eq!(logon["network"]["as_expected"], false);
    assert_eq!(logon["network"]["restriction"]["substatus"], "0xC0000072");
    assert_eq!(
        logon["network"]["restriction"]["name"],
        "STATUS_ACCOUNT_DISABLED"
    );
    assert_eq!(logon["network"]["restriction"]["error"], 1331);
    assert_eq!(logon["batch"]["verdict"], "denied");
    assert!(logon["batch"].get("restriction").is_none());
    assert_eq!(logon["service"]["verdict"], "not-granted");
    let human = common::gplint(&[
        "explain",
        inf.to_str().unwrap(),
        "--expect",
        yaml.to_str().unwrap(),
    ]);
    assert!(human.stdout.contains("✗ restricted"), "{}", human.stdout);
    assert!(
        human
            .stdout
            .contains("STATUS_ACCOUNT_DISABLED (0xC0000072, error 1331)"),
        "{}",
        human.stdout
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn today_comes_from_the_flag_or_the_environment() {
    let yaml = "accounts:\n  - name: .\\svc_sql\n    password_last_set: 2026-01-31\n    logon: [service]\n";
    let dir = std::env::temp_dir().join(format!("gplint-today-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (inf, exp) = (dir.join("t.inf"), dir.join("s.yaml"));
    std::fs::write(&inf, EXPIRING).unwrap();
    std::fs::write(&exp, yaml).unwrap();
    let args = [
        "check",
        inf.to_str().unwrap(),
        "--expect",
        exp.to_str().unwrap(),
    ];
    let by_flag = common::gplint(&[&args[..], &["--today", "2026-03-01"]].concat());
    assert!(by_flag.stdout.contains("GPL406"), "{}", by_flag.stdout);
    let by_env = common::gplint_with_env(&args, &[("GPLINT_TODAY", "2026-04-01")]);
    assert!(by_env.stdout.contains("GPL405"), "{}", by_env.stdout);
    let bad = common::gplint_with_env(&args, &[("GPLINT_TODAY", "soon")]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("GPLINT_TODAY"), "{}", bad.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

// Issue 11, point 10. Sources: windows-logon-facts.md §9 item 10 (WAS
// events 5021, 5057 and 5059, HTTP 503 for an application pool refused its
// identity's logon); IIS grants IIS_IUSRS "Log on as a batch job" because
// worker processes log on so.
#[test]
fn an_application_pool_refused_its_logon_shows_was_events_not_task_scheduler() {
    let t = "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-32-544\n";
    let yaml = "accounts:\n  - name: IIS APPPOOL\\Portal\n    logon: [batch]\n  - name: CONTOSO\\svc_task\n    logon: [batch]\n";
    let found = check(t, yaml, TODAY);
    let refused = of(&found, "GPL101");
    let note = |account: &str| {
        refused
            .iter()
            .find(|f| f.message.starts_with(account))
            .and_then(|f| f.note.clone())
            .unwrap_or_else(|| panic!("no GPL101 for {account}: {found:#?}"))
    };
    let pool = note("IIS APPPOOL\\Portal");
    assert!(
        pool.contains("5021") && pool.contains("5059") && pool.contains("HTTP 503"),
        "{pool}"
    );
    assert!(!pool.contains("Task Scheduler"), "{pool}");
    assert!(note("CONTOSO\\svc_task").contains("Task Scheduler event 101"));
}

#[test]
fn a_restriction_on_an_application_pool_names_was_too() {
    let t = "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-32-544,CONTOSO\\svc_pool\n";
    let yaml = "accounts:\n  - name: CONTOSO\\svc_pool\n    logon: [batch]\n    disabled: true\n  - name: IIS APPPOOL\\Portal\n    logon: [batch]\n";
    let found = check(t, yaml, TODAY);
    let disabled = of(&found, "GPL402");
    let note = disabled[0].note.as_deref().unwrap_or_default();
    // A domain account may run a pool too, but nothing declares that: the
    // task symptom stays for it.
    assert!(note.contains("Task Scheduler"), "{note}");
    let pool = gplint::restriction::SubStatus::AccountDisabled
        .symptom(gplint::logon_type::LogonType::Batch, true);
    assert!(
        pool.contains("5021") && pool.contains("error 1331"),
        "{pool}"
    );
}

// Issue 11, point 10: the denial decides the cell, and GPL401's "the
// rights allow the logon" would contradict it.
#[test]
fn a_disabled_guest_that_the_rights_already_deny_gets_the_denial_alone() {
    // The default SeDenyNetworkLogonRight holds Guest.
    let t = "[System Access]\nEnableGuestAccount = 0\n[Privilege Rights]\nSeNetworkLogonRight = *S-1-1-0\n";
    let found = check(
        t,
        "accounts:\n  - name: Guest\n    logon: [network]\n",
        TODAY,
    );
    assert_eq!(of(&found, "GPL102").len(), 1, "{found:#?}");
    assert!(of(&found, "GPL401").is_empty(), "{found:#?}");
}

// Issue 11, point 4. Sources: windows-logon-facts.md §9 item 2: NTLM
// network logons fail with STATUS_PASSWORD_EXPIRED (Samba
// source4/auth/sam.c authsam_account_ok makes no exception by logon type),
// Kerberos with KDC_ERR_KEY_EXPIRED (event-4771.md); interactive logons get
// the change-password prompt; RDP with NLA fails before any prompt, as
// CredSSP performs a network logon first.
const EXPIRED: &str = "[System Access]\nMaximumPasswordAge = 30\n";

fn expired_person(logon: &str, nla: bool) -> Vec<Finding> {
    let yaml = format!(
        "nla: {nla}\naccounts:\n  - name: .\\operator\n    member_of: [BUILTIN\\Remote Desktop Users]\n    password_last_set: 2026-01-01\n    logon: [{logon}]\n"
    );
    check(EXPIRED, &yaml, TODAY)
}

#[test]
fn an_expired_password_refuses_network_logons() {
    let found = expired_person("network", true);
    let refused = of(&found, "GPL405");
    assert_eq!(refused.len(), 1, "{found:#?}");
    assert!(refused[0].message.contains("expired on 2026-01-31"));
    assert!(of(&found, "GPL413").is_empty());
}

#[test]
fn an_expired_password_refuses_remote_desktop_under_nla_and_prompts_without() {
    let under_nla = expired_person("remote-interactive", true);
    assert_eq!(of(&under_nla, "GPL405").len(), 1, "{under_nla:#?}");
    let without = expired_person("remote-interactive", false);
    assert!(of(&without, "GPL405").is_empty(), "{without:#?}");
    let prompted = of(&without, "GPL413");
    assert_eq!(prompted.len(), 1, "{without:#?}");
    assert_eq!(prompted[0].severity, Severity::Note);
}

#[test]
fn at_the_console_an_expired_password_is_a_prompt_and_a_note() {
    let found = expired_person("interactive", true);
    assert!(of(&found, "GPL405").is_empty(), "{found:#?}");
    assert!(of(&found, "GPL406").is_empty(), "{found:#?}");
    let prompted = of(&found, "GPL413");
    assert_eq!(prompted.len(), 1, "{found:#?}");
    assert!(prompted[0].message.contains("next interactive logon"));
}

#[test]
fn a_persons_password_that_will_expire_is_no_finding_but_a_stored_one_is() {
    let yaml = "accounts:\n  - name: .\\operator\n    password_last_set: 2026-02-15\n    logon: [network, batch]\n";
    let t = "[System Access]\nMaximumPasswordAge = 30\n[Privilege Rights]\nSeBatchLogonRight = .\\operator\n";
    let found = check(t, yaml, TODAY);
    let soon = of(&found, "GPL406");
    assert_eq!(soon.len(), 1, "{found:#?}");
    assert_eq!(
        soon[0].logon_type,
        Some(gplint::logon_type::LogonType::Batch)
    );
}
