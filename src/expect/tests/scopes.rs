//! `scopes:` and the accounts' `scopes` that name them.

use super::{at, errors, ok, only_error};
use crate::model::Target;

const EXAMPLE: &str = r#"target: workstation
scopes:
  - name: sql-servers
    target: member-server
    gpos: ["Default Domain Policy", "{6AC1786C-016F-11D2-945F-00C04FB984F9}", "SQL Servers - Hardening", "GPOs/Baseline"]
    description: the SQL servers' OU
  - name: Desktops
    gpos: [Default Domain Policy]
accounts:
  - name: CONTOSO\svc_sql
    scopes: [SQL-Servers]
    logon: [service]
  - name: CONTOSO\helpdesk
    logon: [interactive]
"#;

#[test]
fn the_documented_scopes_load_with_values_and_spans() {
    let loaded = ok(EXAMPLE);
    let sql = &loaded.scopes[0];
    assert_eq!(at(EXAMPLE, sql.name.span), "sql-servers");
    assert_eq!(sql.target, Target::MemberServer);
    assert_eq!(at(EXAMPLE, sql.target_span.unwrap()), "member-server");
    let gpos: Vec<&str> = sql.gpos.iter().map(|g| g.value.as_str()).collect();
    assert_eq!(
        gpos,
        [
            "Default Domain Policy",
            "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            "SQL Servers - Hardening",
            "GPOs/Baseline"
        ]
    );
    assert_eq!(at(EXAMPLE, sql.gpos[3].span), "\"GPOs/Baseline\"");
    assert!(at(EXAMPLE, sql.span).starts_with("name: sql-servers"));
    assert!(at(EXAMPLE, sql.span).ends_with("the SQL servers' OU"));
}

#[test]
fn a_scope_without_target_takes_the_top_level_one() {
    let desktops = &ok(EXAMPLE).scopes[1];
    assert_eq!(at(EXAMPLE, desktops.name.span), "Desktops");
    assert_eq!(
        (desktops.target, desktops.target_span),
        (Target::Workstation, None)
    );
}

#[test]
fn accounts_hold_in_their_scopes_or_everywhere() {
    let loaded = ok(EXAMPLE);
    let (sql, helpdesk) = (&loaded.accounts[0], &loaded.accounts[1]);
    assert_eq!(at(EXAMPLE, sql.scopes[0].span), "SQL-Servers");
    assert!(sql.in_scope("sql-servers"));
    assert!(!sql.in_scope("Desktops"));
    assert!(helpdesk.scopes.is_empty());
    assert!(helpdesk.in_scope("Desktops"));
}

#[test]
fn a_single_scope_is_a_one_item_list() {
    let text = "scopes:\n  - name: web\n    gpos: Web\naccounts:\n  - name: svc\n    scopes: web\n    logon: [batch]\n";
    let loaded = ok(text);
    assert_eq!(at(text, loaded.scopes[0].gpos[0].span), "Web");
    assert_eq!(at(text, loaded.accounts[0].scopes[0].span), "web");
}

const ACCOUNT: &str = "accounts:\n  - name: svc\n    logon: [batch]\n";

#[test]
fn a_scope_needs_a_name() {
    let text = format!("scopes:\n  - gpos: [Web]\n{ACCOUNT}");
    let error = only_error(&text, "yaml::missing-field", "gpos: [Web]");
    assert_eq!(error.message, "a scope needs `name`");
}

#[test]
fn a_scope_needs_gpos() {
    let text = format!("scopes:\n  - name: web\n    gpos: []\n{ACCOUNT}");
    let error = only_error(&text, "expect::scope-without-gpos", "[]");
    assert_eq!(error.message, "a scope needs at least one GPO in `gpos`");
    let text = format!("scopes:\n  - name: web\n{ACCOUNT}");
    only_error(&text, "expect::scope-without-gpos", "name: web");
}

#[test]
fn a_gpo_written_twice_in_one_scope_labels_both() {
    let text = format!(
        "scopes:\n  - name: web\n    gpos: [Default Domain Policy, Web, default domain policy]\n{ACCOUNT}"
    );
    let error = only_error(&text, "expect::duplicate-gpo", "default domain policy");
    assert_eq!(at(&text, error.labels[1].span), "Default Domain Policy");
}

#[test]
fn one_gpo_in_two_scopes_is_fine() {
    let text = format!(
        "scopes:\n  - name: web\n    gpos: [Baseline, Web]\n  - name: sql\n    gpos: [Baseline, SQL]\n{ACCOUNT}"
    );
    assert_eq!(ok(&text).scopes.len(), 2);
}

#[test]
fn two_scopes_with_one_name_label_both() {
    let text =
        format!("scopes:\n  - name: Web\n    gpos: [A]\n  - name: web\n    gpos: [B]\n{ACCOUNT}");
    let error = only_error(&text, "expect::duplicate-scope", "web");
    assert_eq!(error.message, "the scope `web` is declared twice");
    assert_eq!(at(&text, error.labels[1].span), "Web");
}

#[test]
fn an_account_scope_must_be_declared() {
    let text = "scopes:\n  - name: sql-servers\n    gpos: [SQL]\naccounts:\n  - name: svc\n    scopes: [sql-server]\n    logon: [batch]\n";
    let error = only_error(text, "expect::unknown-scope", "sql-server");
    assert_eq!(
        error.help.as_deref(),
        Some("did you mean `sql-servers`? The scopes are: sql-servers")
    );
}

#[test]
fn without_scopes_an_account_scope_is_told_to_declare_one() {
    let text = "accounts:\n  - name: svc\n    scopes: [sql-servers]\n    logon: [batch]\n";
    let error = only_error(text, "expect::unknown-scope", "sql-servers");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("this file declares no scopes; declare it")
    );
}

#[test]
fn a_scope_with_broken_gpos_is_still_declared() {
    let text = "scopes:\n  - name: web\n    gpos: []\naccounts:\n  - name: svc\n    scopes: [web]\n    logon: [batch]\n";
    only_error(text, "expect::scope-without-gpos", "[]");
}

#[test]
fn scope_fields_and_the_top_level_key_get_a_did_you_mean() {
    let text = format!("scopes:\n  - name: web\n    gpo: [Web]\n{ACCOUNT}");
    let found = errors(&text);
    let error = found
        .iter()
        .find(|e| e.code == "yaml::unknown-field")
        .unwrap();
    assert_eq!(at(&text, error.primary_span().unwrap()), "gpo");
    assert_eq!(
        error.help.as_deref(),
        Some(
            "did you mean `gpos`? The fields of a scope are: name, target, gpos, hosts, nla, description"
        )
    );
    let text = format!("scope:\n  - name: web\n{ACCOUNT}");
    let error = only_error(&text, "yaml::unknown-field", "scope");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `scopes`?")
    );
    let text = "accounts:\n  - name: svc\n    scope: [web]\n    logon: [batch]\n";
    let error = only_error(text, "yaml::unknown-field", "scope");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `scopes`?")
    );
}

#[test]
fn a_scope_target_must_be_a_target() {
    let text =
        format!("scopes:\n  - name: dcs\n    target: domain-controler\n    gpos: [DCs]\n{ACCOUNT}");
    only_error(&text, "yaml::unknown-value", "domain-controler");
}

#[test]
fn scopes_must_be_a_list_of_mappings() {
    let text = format!("scopes: sql-servers\n{ACCOUNT}");
    let error = only_error(&text, "yaml::wrong-shape", "sql-servers");
    assert_eq!(
        error.message,
        "`scopes` should be a list, not a single value"
    );
    let text = format!("scopes:\n  - sql-servers\n{ACCOUNT}");
    only_error(&text, "yaml::wrong-shape", "sql-servers");
}

#[test]
fn nla_is_read_at_the_top_level_and_on_a_scope() {
    let text =
        format!("nla: false\nscopes:\n  - name: web\n    gpos: [Web]\n    nla: true\n{ACCOUNT}");
    let loaded = ok(&text);
    assert_eq!(loaded.nla.map(|n| n.value), Some(false));
    assert_eq!(loaded.scopes[0].nla.as_ref().map(|n| n.value), Some(true));
    assert_eq!(ok(ACCOUNT).nla, None);
}

#[test]
fn an_nla_that_is_not_a_bool_is_an_error_at_the_value() {
    let text = format!("nla: sometimes\n{ACCOUNT}");
    let error = only_error(&text, "yaml::bad-value", "sometimes");
    assert_eq!(
        error.message,
        "`nla` should be `true` or `false`, not `sometimes`"
    );
    let text = format!("scopes:\n  - name: web\n    gpos: [Web]\n    nla: [on]\n{ACCOUNT}");
    assert!(!errors(&text).is_empty());
}
