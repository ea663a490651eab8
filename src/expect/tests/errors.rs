//! One test per mistake in a single item or field.

use super::{at, errors, only_error};
use crate::report::{Style, render};

const OK_ACCOUNT: &str = "accounts:\n  - name: svc\n    logon: [batch]\n";

#[test]
fn yaml_syntax_errors_point_at_the_parser_position() {
    let text = "accounts:\n  - name: svc\n    logon: [batch\n  - name: x\n";
    let found = errors(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, "yaml::syntax");
    assert!(found[0].primary_span().unwrap().start > text.find("[batch").unwrap());
}

#[test]
fn the_top_level_must_be_a_mapping() {
    only_error("- name: svc\n", "yaml::wrong-shape", "- name: svc");
    only_error("just words\n", "yaml::wrong-shape", "just words");
}

#[test]
fn accounts_must_be_a_list_of_mappings() {
    let error = only_error(
        "accounts: CONTOSO\\svc\n",
        "yaml::wrong-shape",
        "CONTOSO\\svc",
    );
    assert_eq!(
        error.message,
        "`accounts` should be a list, not a single value"
    );
    only_error(
        "accounts:\n  - CONTOSO\\svc\n",
        "yaml::wrong-shape",
        "CONTOSO\\svc",
    );
    only_error(
        "groups: {name: x}\naccounts:\n  - {name: svc, logon: [batch]}\n",
        "yaml::wrong-shape",
        "{name: x}",
    );
}

#[test]
fn logon_must_be_a_list_of_words() {
    only_error(
        "accounts:\n  - name: svc\n    logon: {service: yes}\n",
        "yaml::wrong-shape",
        "{service: yes}",
    );
    only_error(
        "accounts:\n  - name: svc\n    logon: [[service]]\n",
        "yaml::wrong-shape",
        "[service]",
    );
}

#[test]
fn unknown_fields_get_a_did_you_mean_at_every_level() {
    let cases = [
        ("acounts:\n  - name: svc\n", "acounts", "accounts"),
        (
            "accounts:\n  - name: svc\n    memberof: [x]\n    logon: [batch]\n",
            "memberof",
            "member_of",
        ),
        (
            "accounts:\n  - name: svc\n    nologon: [batch]\n    logon: [batch]\n",
            "nologon",
            "no_logon",
        ),
        (
            "accounts:\n  - services: W3SVC\n    name: x\n    logon: [batch]\n",
            "services",
            "service",
        ),
        (
            &format!("groups:\n  - name: g\n    memberof: [x]\n{OK_ACCOUNT}"),
            "memberof",
            "member_of",
        ),
    ];
    for (text, key, near) in cases {
        let found = errors(text);
        let error = found
            .iter()
            .find(|e| e.code == "yaml::unknown-field")
            .unwrap();
        assert_eq!(at(text, error.primary_span().unwrap()), key);
        let help = error.help.as_deref().unwrap();
        assert!(
            help.starts_with(&format!("did you mean `{near}`?")),
            "{help}"
        );
    }
}

#[test]
fn the_help_lists_the_allowed_fields() {
    let text = "accounts:\n  - name: svc\n    colour: red\n    logon: [batch]\n";
    let error = only_error(text, "yaml::unknown-field", "colour");
    assert_eq!(
        error.help.as_deref(),
        Some(
            "the fields of an account are: name, service, sid, kind, member_of, scopes, logon, no_logon, description, disabled, password_never_expires, password_last_set, password_policy, blank_password, logon_hours, runs_at, workstations"
        )
    );
}

#[test]
fn a_repeated_key_is_an_error() {
    let text = "accounts:\n  - name: svc\n    logon: [batch]\n    logon: [service]\n";
    let error = only_error(text, "yaml::duplicate-field", "logon");
    assert_eq!(error.labels[0].span.start, text.rfind("logon").unwrap());
}

#[test]
fn malformed_sids_are_errors_on_the_value() {
    let text = "accounts:\n  - name: svc\n    sid: S-1-5-21-abc\n    logon: [batch]\n";
    let error = only_error(text, "expect::bad-sid", "S-1-5-21-abc");
    assert!(
        error
            .message
            .starts_with("`S-1-5-21-abc` is not a valid SID"),
        "{}",
        error.message
    );
    let text = format!("domain_sid: S-1-5-\n{OK_ACCOUNT}");
    only_error(&text, "expect::bad-sid", "S-1-5-");
    let text = "accounts:\n  - name: svc\n    member_of: ['*S-1-5-32-x']\n    logon: [batch]\n";
    only_error(text, "expect::bad-sid", "'*S-1-5-32-x'");
}

#[test]
fn an_account_sid_is_not_a_domain_sid() {
    let text = format!("domain_sid: S-1-5-21-1-2-3-1105\n{OK_ACCOUNT}");
    let error = only_error(&text, "expect::bad-domain-sid", "S-1-5-21-1-2-3-1105");
    assert_eq!(
        error.help.as_deref(),
        Some("this is an account's SID; its domain is S-1-5-21-1-2-3")
    );
    let text = format!("domain_sid: S-1-5-32\n{OK_ACCOUNT}");
    only_error(&text, "expect::bad-domain-sid", "S-1-5-32");
}

#[test]
fn an_unquoted_star_sid_is_explained() {
    let text = "accounts:\n  - name: svc\n    member_of: [*S-1-5-32-555]\n";
    only_error(text, "yaml::unquoted-star-sid", "*S-1-5-32-555");
}

#[test]
fn aliases_are_refused() {
    let text = "accounts:\n  - name: a\n    logon: &l [batch]\n  - name: b\n    logon: *l\n";
    only_error(text, "yaml::unsupported", "*l");
}

#[test]
fn unknown_logon_types_suggest_the_nearest() {
    let text = "accounts:\n  - name: svc\n    logon: [sevice]\n";
    let error = only_error(text, "yaml::unknown-value", "sevice");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `service`?")
    );
}

#[test]
fn unknown_target_and_kind_suggest_the_nearest() {
    let text = format!("target: member-servr\n{OK_ACCOUNT}");
    let error = only_error(&text, "yaml::unknown-value", "member-servr");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `member-server`?")
    );
    let text = "accounts:\n  - name: svc\n    kind: gmas\n    logon: [batch]\n";
    let error = only_error(text, "yaml::unknown-value", "gmas");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `gmsa`?")
    );
}

#[test]
fn an_account_needs_exactly_one_of_name_and_service() {
    let text = "accounts:\n  - logon: [batch]\n";
    only_error(text, "expect::missing-name", "logon: [batch]");
    let text = "accounts:\n  - name: NT SERVICE\\W3SVC\n    service: W3SVC\n    logon: [service]\n";
    let error = only_error(text, "expect::name-and-service", "service");
    assert_eq!(at(text, error.labels[1].span), "name");
    let text = format!("groups:\n  - sid: S-1-5-21-1-2-3-4\n{OK_ACCOUNT}");
    let error = only_error(&text, "yaml::missing-field", "sid: S-1-5-21-1-2-3-4");
    assert_eq!(error.message, "a group needs `name`");
}

#[test]
fn empty_names_are_errors_at_the_key() {
    let text = "accounts:\n  - name:\n    logon: [batch]\n";
    only_error(text, "yaml::empty-value", "name");
}

#[test]
fn a_service_name_has_no_backslash() {
    let text = "accounts:\n  - service: NT SERVICE\\W3SVC\n    logon: [service]\n";
    let error = only_error(text, "expect::bad-service-name", "NT SERVICE\\W3SVC");
    assert!(
        error
            .help
            .as_deref()
            .unwrap()
            .starts_with("write `service: W3SVC`")
    );
}

#[test]
fn a_logon_type_in_both_lists_labels_both() {
    let text = "accounts:\n  - name: svc\n    logon: [service, batch]\n    no_logon: [interactive, batch]\n";
    let error = only_error(text, "expect::logon-conflict", "batch");
    assert!(error.labels[0].span.start > text.find("no_logon").unwrap());
    assert_eq!(at(text, error.labels[1].span), "batch");
    assert!(error.labels[1].span.start < text.find("no_logon").unwrap());
}

#[test]
fn an_account_that_expects_nothing_is_an_error() {
    let text = "accounts:\n  - name: CONTOSO\\svc\n    logon: []\n";
    only_error(text, "expect::account-checks-nothing", "CONTOSO\\svc");
}

#[test]
fn a_misspelt_only_logon_type_is_not_also_reported_as_checking_nothing() {
    let text = "accounts:\n  - name: svc\n    logon: [sevice]\n";
    only_error(text, "yaml::unknown-value", "sevice");
}

#[test]
fn unknown_builtin_names_are_typos() {
    let text = "accounts:\n  - name: CONTOSO\\svc\n    member_of: [BUILTIN\\Remote Desktop User]\n    logon: [remote-interactive]\n";
    let error = only_error(
        text,
        "expect::unknown-builtin",
        "BUILTIN\\Remote Desktop User",
    );
    assert_eq!(
        error.help.as_deref(),
        Some("did you mean `BUILTIN\\Remote Desktop Users`?")
    );
}

#[test]
fn a_sid_that_contradicts_a_fixed_name_is_an_error() {
    let text = "accounts:\n  - name: NT AUTHORITY\\NETWORK SERVICE\n    sid: S-1-5-19\n    logon: [service]\n";
    let error = only_error(text, "expect::sid-mismatch", "S-1-5-19");
    assert_eq!(
        at(text, error.labels[1].span),
        "NT AUTHORITY\\NETWORK SERVICE"
    );
}

#[test]
fn files_that_declare_no_accounts_are_errors() {
    for text in [
        "",
        "# only a comment\n\n",
        "target: workstation\n",
        "accounts:\n",
    ] {
        let error = &errors(text)[0];
        assert_eq!(error.code, "expect::no-accounts", "{text:?}");
        assert_eq!(error.message, "services.yaml declares no accounts");
    }
    only_error("accounts: []\n", "expect::no-accounts", "[]");
}

#[test]
fn every_error_is_found_and_sorted_by_position() {
    let text = r"target: laptop
accounts:
  - name: svc
    logon: [sevice]
  - name: other
    kind: robot
    logon: [batch]
    colour: red
";
    let codes: Vec<&str> = errors(text).iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "yaml::unknown-value",
            "yaml::unknown-value",
            "yaml::unknown-value",
            "yaml::unknown-field",
        ]
    );
}

#[test]
fn an_error_renders_at_its_line_and_column() {
    let text = "accounts:\n  - name: svc\n    logon: [sevice]\n";
    let error = &errors(text)[0];
    let style = Style {
        color: false,
        width: 80,
    };
    let rendered = render(error, "services.yaml", text, style);
    assert!(rendered.contains("services.yaml:3:13"), "{rendered}");
    assert!(
        rendered.contains("an entry of `logon` cannot be `sevice`"),
        "{rendered}"
    );
    assert!(rendered.contains("did you mean `service`?"), "{rendered}");
}

#[test]
fn a_misspelt_entry_does_not_hide_other_problems_of_the_account() {
    let text = "accounts:\n  - name: svc\n    logon: [service, sevice]\n    no_logon: [service]\n  - name: SVC\n    logon: [batch]\n";
    let codes: Vec<&str> = errors(text).iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "yaml::unknown-value",
            "expect::logon-conflict",
            "expect::duplicate-name",
        ]
    );
}

#[test]
fn nesting_past_64_levels_is_refused() {
    let text: String = (0..200).map(|i| format!("{}- \n", " ".repeat(i))).collect();
    let found = errors(&text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, "yaml::too-deep");
}

#[test]
fn a_second_document_is_refused() {
    let text = "accounts: []\n---\naccounts: []\n";
    only_error(text, "yaml::multiple-documents", "---");
}
