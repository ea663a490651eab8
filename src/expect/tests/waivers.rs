//! `waivers:`: accepted findings, with a reason and an expiry date.

use super::{at, errors, ok, only_error};
use crate::logon_type::LogonType;
use crate::model::Date;

const EXAMPLE: &str = r"scopes:
  - name: sql-servers
    gpos: [SQL Servers - Hardening]
accounts:
  - name: CONTOSO\svc_legacy
    logon: [service]
waivers:
  - rule: GPL101
    account: CONTOSO\svc_legacy
    logon: service
    scope: SQL-Servers
    file: GPOs/Baseline/GptTmpl.inf
    reason: Moving to a gMSA, change 1234
    expires: 2027-03-31
  - rule: needed-logon-type-not-granted
    reason: accepted for the pilot
    expires: '2026-12-31'
";

#[test]
fn a_full_waiver_keeps_every_field_with_its_span() {
    let loaded = ok(EXAMPLE);
    let waiver = &loaded.waivers[0];
    assert_eq!(at(EXAMPLE, waiver.rule.span), "GPL101");
    let account = waiver.account.as_ref().unwrap();
    assert_eq!(at(EXAMPLE, account.span), "CONTOSO\\svc_legacy");
    let logon = waiver.logon.as_ref().unwrap();
    assert_eq!(logon.value, LogonType::Service);
    assert_eq!(at(EXAMPLE, logon.span), "service");
    assert_eq!(
        at(EXAMPLE, waiver.scope.as_ref().unwrap().span),
        "SQL-Servers"
    );
    let file = waiver.file.as_ref().unwrap();
    assert_eq!(at(EXAMPLE, file.span), "GPOs/Baseline/GptTmpl.inf");
    assert_eq!(waiver.reason.value, "Moving to a gMSA, change 1234");
    assert_eq!(
        at(EXAMPLE, waiver.reason.span),
        "Moving to a gMSA, change 1234"
    );
    assert_eq!(waiver.expires.value, Date::parse("2027-03-31").unwrap());
    assert_eq!(at(EXAMPLE, waiver.expires.span), "2027-03-31");
    assert!(at(EXAMPLE, waiver.span).starts_with("rule: GPL101"));
    assert!(at(EXAMPLE, waiver.span).ends_with("2027-03-31"));
}

#[test]
fn a_waiver_without_narrowing_covers_the_whole_rule() {
    let loaded = ok(EXAMPLE);
    let waiver = &loaded.waivers[1];
    assert_eq!(waiver.rule.value, "needed-logon-type-not-granted");
    assert_eq!(
        (&waiver.account, &waiver.logon, &waiver.scope, &waiver.file),
        (&None, &None, &None, &None)
    );
    assert_eq!(waiver.expires.value.to_string(), "2026-12-31");
    assert_eq!(at(EXAMPLE, waiver.expires.span), "'2026-12-31'");
}

#[test]
fn waivers_serialize_their_dates_as_written() {
    let json = serde_json::to_value(ok(EXAMPLE)).unwrap();
    assert_eq!(json["waivers"][0]["expires"]["value"], "2027-03-31");
}

const ACCOUNT: &str = "accounts:\n  - name: svc\n    logon: [batch]\n";

fn waiver(fields: &str) -> String {
    format!("{ACCOUNT}waivers:\n  - {fields}\n")
}

#[test]
fn a_waiver_needs_a_rule() {
    let text = waiver("reason: pilot\n    expires: 2027-03-31");
    let error = only_error(
        &text,
        "yaml::missing-field",
        "reason: pilot\n    expires: 2027-03-31",
    );
    assert_eq!(error.message, "a waiver needs `rule`");
    let text = waiver("rule: ''\n    reason: pilot\n    expires: 2027-03-31");
    only_error(&text, "yaml::empty-value", "''");
}

#[test]
fn a_waiver_needs_a_reason_that_says_something() {
    let text = waiver("rule: GPL101\n    expires: 2027-03-31");
    let error = only_error(
        &text,
        "expect::missing-reason",
        "rule: GPL101\n    expires: 2027-03-31",
    );
    assert_eq!(
        error.message,
        "a waiver needs a reason: say why the finding is accepted"
    );
    let text = waiver("rule: GPL101\n    reason: '  '\n    expires: 2027-03-31");
    only_error(&text, "expect::missing-reason", "'  '");
    let text = waiver("rule: GPL101\n    reason:\n    expires: 2027-03-31");
    only_error(&text, "expect::missing-reason", "reason");
    let text = waiver("rule: GPL101\n    reason: [a, b]\n    expires: 2027-03-31");
    only_error(&text, "yaml::wrong-shape", "[a, b]");
}

#[test]
fn a_waiver_needs_an_expiry_date() {
    let text = waiver("rule: GPL101\n    reason: pilot");
    let error = only_error(
        &text,
        "expect::missing-expiry",
        "rule: GPL101\n    reason: pilot",
    );
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .contains("expires: YYYY-MM-DD")
    );
    let text = waiver("rule: GPL101\n    reason: pilot\n    expires:");
    only_error(&text, "expect::missing-expiry", "expires");
}

#[test]
fn a_malformed_date_says_why_and_shows_the_form() {
    let text = waiver("rule: GPL101\n    reason: pilot\n    expires: 31/03/2027");
    let error = only_error(&text, "expect::bad-date", "31/03/2027");
    assert_eq!(
        error.message,
        "`31/03/2027` is not a date: it is not in the form YYYY-MM-DD"
    );
    assert_eq!(
        error.help.as_deref(),
        Some("write the last day the waiver holds as YYYY-MM-DD, e.g. 2027-03-31")
    );
    let text = waiver("rule: GPL101\n    reason: pilot\n    expires: 2027-02-29");
    let error = only_error(&text, "expect::bad-date", "2027-02-29");
    assert_eq!(
        error.message,
        "`2027-02-29` is not a date: 2027-02 has 28 days"
    );
    let text = waiver("rule: GPL101\n    reason: pilot\n    expires: 2027-13-01");
    only_error(&text, "expect::bad-date", "2027-13-01");
}

#[test]
fn a_waiver_logon_type_must_exist() {
    let text =
        waiver("rule: GPL101\n    logon: sevice\n    reason: pilot\n    expires: 2027-03-31");
    let error = only_error(&text, "yaml::unknown-value", "sevice");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `service`?")
    );
}

#[test]
fn a_waiver_scope_must_be_declared() {
    let text =
        waiver("rule: GPL101\n    scope: sql-servers\n    reason: pilot\n    expires: 2027-03-31");
    let error = only_error(&text, "expect::unknown-scope", "sql-servers");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("this file declares no scopes")
    );
    let text = format!(
        "scopes:\n  - name: sql-servers\n    gpos: [SQL]\n{}",
        waiver("rule: GPL101\n    scope: sql-server\n    reason: pilot\n    expires: 2027-03-31")
    );
    let error = only_error(&text, "expect::unknown-scope", "sql-server");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `sql-servers`?")
    );
}

#[test]
fn a_waiver_account_under_builtin_must_exist() {
    let text = waiver(
        "rule: GPL101\n    account: BUILTIN\\Gusts\n    reason: pilot\n    expires: 2027-03-31",
    );
    only_error(&text, "expect::unknown-builtin", "BUILTIN\\Gusts");
}

#[test]
fn waiver_fields_get_a_did_you_mean() {
    let text = waiver("rule: GPL101\n    reason: pilot\n    expires: 2027-03-31\n    acount: svc");
    let error = only_error(&text, "yaml::unknown-field", "acount");
    assert_eq!(
        error.help.as_deref(),
        Some(
            "did you mean `account`? The fields of a waiver are: rule, account, logon, scope, file, reason, expires"
        )
    );
    let text =
        waiver("rule: GPL101\n    reason: pilot\n    expires: 2027-03-31\n    expiry: 2028-01-01");
    let found = errors(&text);
    assert_eq!(found[0].code, "yaml::unknown-field");
    assert!(
        found[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `expires`?")
    );
}

#[test]
fn every_problem_of_one_waiver_is_reported() {
    let text = waiver("rule: GPL101\n    logon: sevice\n    scope: web\n    expires: 2027-02-30");
    let codes: Vec<&str> = errors(&text).iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "expect::missing-reason",
            "yaml::unknown-value",
            "expect::unknown-scope",
            "expect::bad-date",
        ]
    );
}

#[test]
fn waivers_must_be_a_list_of_mappings() {
    let text = format!("{ACCOUNT}waivers: GPL101\n");
    let error = only_error(&text, "yaml::wrong-shape", "GPL101");
    assert_eq!(
        error.message,
        "`waivers` should be a list, not a single value"
    );
}
