//! Checks that compare items: duplicates, loops, membership in accounts.

use super::{at, errors, only_error, only_warning};

#[test]
fn two_accounts_with_one_name_label_both() {
    let text = "accounts:\n  - name: CONTOSO\\svc\n    logon: [batch]\n  - name: contoso\\SVC\n    logon: [service]\n";
    let error = only_error(text, "expect::duplicate-name", "contoso\\SVC");
    assert_eq!(at(text, error.labels[1].span), "CONTOSO\\svc");
}

#[test]
fn a_service_and_its_name_are_one_account() {
    let text = "accounts:\n  - service: W3SVC\n    logon: [service]\n  - name: NT SERVICE\\w3svc\n    logon: [batch]\n";
    only_error(text, "expect::duplicate-name", "NT SERVICE\\w3svc");
}

#[test]
fn two_groups_with_one_sid_label_both_sids() {
    let text = r"groups:
  - name: CONTOSO\A
    sid: S-1-5-21-1-2-3-1107
  - name: CONTOSO\B
    sid: '*S-1-5-21-1-2-3-1107'
accounts:
  - name: svc
    logon: [batch]
";
    let error = only_error(text, "expect::duplicate-sid", "'*S-1-5-21-1-2-3-1107'");
    assert_eq!(at(text, error.labels[1].span), "S-1-5-21-1-2-3-1107");
}

#[test]
fn two_spellings_of_a_builtin_account_are_one() {
    let text = "accounts:\n  - name: LocalSystem\n    logon: [service]\n  - name: NT AUTHORITY\\SYSTEM\n    logon: [batch]\n";
    let error = only_error(text, "expect::duplicate-sid", "NT AUTHORITY\\SYSTEM");
    assert_eq!(at(text, error.labels[1].span), "LocalSystem");
}

#[test]
fn a_group_and_an_account_cannot_share_a_name() {
    let text =
        "accounts:\n  - name: CONTOSO\\ops\n    logon: [batch]\ngroups:\n  - name: CONTOSO\\Ops\n";
    let error = only_error(text, "expect::duplicate-name", "CONTOSO\\Ops");
    assert_eq!(
        error.message,
        "`CONTOSO\\Ops` is declared twice (as an account and as a group)"
    );
}

/// Active Directory allows circular nesting (facts doc §9 item 3): the
/// file loads, with a warning at the entry that closes the loop.
#[test]
fn a_membership_loop_is_a_warning_at_the_closing_entry() {
    let text = r"groups:
  - name: CONTOSO\A
    member_of: [CONTOSO\B]
  - name: CONTOSO\B
    sid: S-1-5-21-1-2-3-1108
    member_of: [BUILTIN\Users, 'contoso\a']
accounts:
  - name: svc
    member_of: [CONTOSO\A]
    logon: [batch]
";
    let error = only_warning(text, "expect::group-cycle", "'contoso\\a'");
    assert!(
        error
            .message
            .ends_with("CONTOSO\\A → CONTOSO\\B → CONTOSO\\A"),
        "{}",
        error.message
    );
    assert_eq!(at(text, error.labels[1].span), "CONTOSO\\B");
}

#[test]
fn a_loop_through_a_sid_entry_is_found() {
    let text = r"groups:
  - name: CONTOSO\A
    member_of: [S-1-5-21-1-2-3-1108]
  - name: CONTOSO\B
    sid: S-1-5-21-1-2-3-1108
    member_of: [CONTOSO\A]
accounts:
  - name: svc
    logon: [batch]
";
    let error = only_warning(text, "expect::group-cycle", "CONTOSO\\A");
    assert!(error.labels[0].span.start > text.find("- name: CONTOSO\\B").unwrap());
}

#[test]
fn member_of_an_account_is_an_error() {
    let text = "accounts:\n  - name: CONTOSO\\svc\n    logon: [batch]\n  - name: CONTOSO\\web\n    member_of: [contoso\\SVC]\n    logon: [batch]\n";
    let error = only_error(text, "expect::member-of-account", "contoso\\SVC");
    assert_eq!(at(text, error.labels[1].span), "CONTOSO\\svc");
}

#[test]
fn several_cross_errors_are_all_reported() {
    let text = r"groups:
  - name: G
    member_of: [G]
accounts:
  - name: svc
    logon: [batch]
  - name: SVC
    logon: [batch]
";
    // The loop is only a warning, which a file with errors does not show.
    let codes: Vec<&str> = errors(text).iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["expect::duplicate-name"]);
}
