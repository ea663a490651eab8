//! `domain_policy` and `password_policy`: what loads, and the error each
//! mistake gets, at its place in the file. Whose policy governs which
//! account is windows-logon-facts.md §9 item 6.

use super::{at, errors, ok, only_error};
use crate::expect::{DomainPolicyDecl, PasswordPolicyDecl};
use crate::report::{Style, render};

const ACCOUNT: &str = "accounts:\n  - name: CONTOSO\\svc\n    logon: [batch]\n";

fn with_domain_policy(value: &str) -> String {
    format!("domain_policy: {value}\n{ACCOUNT}")
}

fn values(decl: &PasswordPolicyDecl) -> (i64, i64) {
    (
        decl.max_password_age_days.value,
        decl.lockout_threshold.value,
    )
}

#[test]
fn domain_policy_values_load_with_their_spans() {
    let text = with_domain_policy("{max_password_age_days: 60, lockout_threshold: 0}");
    let Some(DomainPolicyDecl::Values(decl)) = ok(&text).domain_policy else {
        panic!("values expected");
    };
    assert_eq!(values(&decl), (60, 0));
    assert_eq!(at(&text, decl.max_password_age_days.span), "60");
    assert_eq!(at(&text, decl.lockout_threshold.span), "0");
}

#[test]
fn domain_policy_gpos_are_a_list_and_a_single_one_is_a_one_item_list() {
    let text = with_domain_policy("[Default Domain Policy, 'Domain - Lockout']");
    let Some(DomainPolicyDecl::Gpos(gpos)) = ok(&text).domain_policy else {
        panic!("GPOs expected");
    };
    let names: Vec<&str> = gpos.iter().map(|g| g.value.as_str()).collect();
    assert_eq!(names, ["Default Domain Policy", "Domain - Lockout"]);
    let single = with_domain_policy("'{31B2F340-016D-11D2-945F-00C04FB984F9}'");
    assert!(matches!(
        ok(&single).domain_policy,
        Some(DomainPolicyDecl::Gpos(gpos)) if gpos.len() == 1
    ));
    assert_eq!(ok(&with_domain_policy("")).domain_policy, None);
}

#[test]
fn a_policy_value_must_be_a_whole_number_from_zero() {
    let text = with_domain_policy("{max_password_age_days: soon, lockout_threshold: 0}");
    let error = only_error(&text, "yaml::bad-value", "soon");
    assert_eq!(
        error.message,
        "`max_password_age_days` should be a whole number, not `soon`"
    );
    let text = with_domain_policy("{max_password_age_days: 60, lockout_threshold: -1}");
    let error = only_error(&text, "expect::bad-policy-value", "-1");
    assert!(error.message.contains("bad passwords"), "{}", error.message);
}

#[test]
fn a_policy_needs_both_values() {
    let text = with_domain_policy("{max_password_age_days: 60}");
    let error = only_error(&text, "yaml::missing-field", "{max_password_age_days: 60}");
    assert_eq!(error.message, "a password policy needs `lockout_threshold`");
}

#[test]
fn a_misspelt_key_gets_a_did_you_mean_and_the_missing_one_is_named() {
    let text = with_domain_policy("{max_pasword_age_days: 60, lockout_threshold: 0}");
    let found = errors(&text);
    let codes: Vec<&str> = found.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["yaml::missing-field", "yaml::unknown-field"]);
    assert_eq!(
        at(&text, found[1].primary_span().unwrap()),
        "max_pasword_age_days"
    );
    assert!(
        found[1]
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `max_password_age_days`?")
    );
}

#[test]
fn an_empty_or_repeating_gpo_list_is_refused() {
    only_error(
        &with_domain_policy("[]"),
        "expect::domain-policy-without-gpos",
        "[]",
    );
    let error = only_error(
        &with_domain_policy("[Default Domain Policy, default domain policy]"),
        "expect::duplicate-gpo",
        "default domain policy",
    );
    assert_eq!(
        error.message,
        "`default domain policy` is listed twice in `domain_policy`"
    );
    only_error(
        &with_domain_policy("{31B2F340-016D-11D2-945F-00C04FB984F9}"),
        "expect::unquoted-guid",
        "{31B2F340-016D-11D2-945F-00C04FB984F9}",
    );
}

#[test]
fn a_fine_grained_policy_loads_on_domain_accounts_and_groups() {
    let text = "groups:\n  - name: CONTOSO\\Services\n    password_policy: {max_password_age_days: 0, lockout_threshold: 0}\naccounts:\n  - name: CONTOSO\\svc\n    password_policy:\n      max_password_age_days: 365\n      lockout_threshold: 20\n    logon: [batch]\n";
    let loaded = ok(text);
    let group = loaded.groups[0].password_policy.as_ref().unwrap();
    assert_eq!(values(group), (0, 0));
    let own = loaded.accounts[0].facts.password_policy.as_ref().unwrap();
    assert_eq!(values(own), (365, 20));
    assert_eq!(at(text, own.lockout_threshold.span), "20");
}

#[test]
fn a_fine_grained_policy_on_a_local_account_is_refused() {
    let text = "accounts:\n  - name: .\\kiosk\n    password_policy: {max_password_age_days: 0, lockout_threshold: 0}\n    logon: [interactive]\n";
    let error = only_error(
        text,
        "expect::password-policy-not-domain",
        "password_policy",
    );
    assert!(error.message.contains("local account"), "{}", error.message);
    let gmsa = "accounts:\n  - name: CONTOSO\\gmsa$\n    password_policy: {max_password_age_days: 0, lockout_threshold: 0}\n    logon: [service]\n";
    only_error(gmsa, "expect::managed-password", "password_policy");
}

#[test]
fn a_fine_grained_policy_must_be_a_mapping() {
    let text = "groups:\n  - name: CONTOSO\\Services\n    password_policy: 60\naccounts:\n  - name: CONTOSO\\svc\n    logon: [batch]\n";
    let error = only_error(text, "yaml::wrong-shape", "60");
    assert!(
        error
            .message
            .starts_with("`password_policy` should be a mapping of fields"),
        "{}",
        error.message
    );
}

// ---- values out of range (issue 12 item 8) ----

/// The domain's values are the Group Policy settings, 0 to 999 each
/// (windows-itpro-docs `maximum-password-age.md`,
/// `account-lockout-threshold.md`); a PSO's are its attributes' ranges.
#[test]
fn a_policy_value_past_what_windows_accepts_is_an_error_at_the_value() {
    let text = with_domain_policy("{max_password_age_days: 1000, lockout_threshold: 0}");
    let error = only_error(&text, "expect::bad-policy-value", "1000");
    assert!(error.message.contains("from 0 to 999"), "{}", error.message);
    let text =
        with_domain_policy("{max_password_age_days: 60, lockout_threshold: 9223372036854775807}");
    let error = only_error(&text, "expect::bad-policy-value", "9223372036854775807");
    assert!(
        error.message.contains("bad passwords from 0 to 999"),
        "{}",
        error.message
    );
    let pso = |value: &str| {
        format!(
            "accounts:\n  - name: CONTOSO\\svc\n    password_policy: {value}\n    logon: [batch]\n"
        )
    };
    let fine = pso("{max_password_age_days: 3650, lockout_threshold: 1000}");
    let own = ok(&fine).accounts[0].facts.password_policy.clone().unwrap();
    assert_eq!(values(&own), (3650, 1000));
    let text = pso("{max_password_age_days: 10675200, lockout_threshold: 0}");
    let error = only_error(&text, "expect::bad-policy-value", "10675200");
    assert!(
        error.message.contains("from 0 to 10,675,199"),
        "{}",
        error.message
    );
    let text = pso("{max_password_age_days: 60, lockout_threshold: 65536}");
    only_error(&text, "expect::bad-policy-value", "65536");
}

#[test]
fn a_policy_error_renders_at_its_line_and_column() {
    let text = with_domain_policy("{max_password_age_days: 60d, lockout_threshold: 3}");
    let error = &errors(&text)[0];
    let style = Style {
        color: false,
        width: 100,
    };
    let rendered = render(error, "services.yaml", &text, style);
    assert!(rendered.contains("services.yaml:1:40"), "{rendered}");
    assert!(
        rendered.contains("{max_password_age_days: 60, lockout_threshold: 0}"),
        "{rendered}"
    );
}
