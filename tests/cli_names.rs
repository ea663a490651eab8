//! Names, SIDs and YAML in `services.yaml` (issue 14, items 1–5): each
//! mistake's exit code and the key words of what gplint says. The
//! rendered diagnostics are snapshotted in `tests/bad_inputs.rs`.

mod common;
mod scratch;

use scratch::{GOOD, Scratch};

const SQL_SID: &str = "S-1-5-21-1004336348-1177238915-682003330-1105";

/// `gplint check good.inf --expect <yaml>` with `yaml` written first.
fn check(s: &Scratch, yaml: &str) -> common::Run {
    s.write("names.yaml", yaml.as_bytes());
    s.check_with(&["good.inf"], "names.yaml", &[])
}

fn says(run: &common::Run, words: &[&str]) {
    for word in words {
        assert!(
            run.stderr.contains(word),
            "`{word}` not in:\n{}",
            run.stderr
        );
    }
}

// ---- backslashes in double quotes (issue 14 item 1) ----

#[test]
fn a_line_break_or_tab_from_double_quotes_is_an_error_at_the_value() {
    let s = Scratch::new();
    for (yaml, what) in [
        (
            "accounts:\n  - name: \"CONTOSO\\new_svc\"\n    logon: [service]\n",
            "`name` holds a line break",
        ),
        (
            "accounts:\n  - name: CONTOSO\\svc_sql\n    member_of: [\"CONTOSO\\tasks\"]\n    logon: [service]\n",
            "an entry of `member_of` holds a tab",
        ),
        (
            "scopes:\n  - name: s\n    gpos: [\"GPOs\\new\"]\naccounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n",
            "an entry of `gpos` holds a line break",
        ),
        (
            "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\nwaivers:\n  - rule: GPL101\n    account: \"CONTOSO\\tom\"\n    reason: r\n    expires: 2099-01-01\n",
            "`account` holds a tab",
        ),
    ] {
        let run = check(&s, yaml);
        assert_eq!(run.code, 2, "{yaml}\n{}", run.stderr);
        says(&run, &["expect::control-character", what, "single quotes"]);
    }
}

#[test]
fn an_unknown_escape_gets_the_quoting_help_not_the_indentation_help() {
    let s = Scratch::new();
    let run = check(
        &s,
        "accounts:\n  - name: \"CONTOSO\\svc_sql\"\n    logon: [service]\n",
    );
    assert_eq!(run.code, 2);
    says(
        &run,
        &[
            "yaml::unknown-escape",
            "`\\s`",
            "'CONTOSO\\svc_sql'",
            "\"CONTOSO\\\\svc_sql\"",
        ],
    );
    assert!(!run.stderr.contains("indentation"), "{}", run.stderr);
}

#[test]
fn single_quotes_and_doubled_backslashes_load() {
    let s = Scratch::new();
    for name in ["'CONTOSO\\svc_sql'", "\"CONTOSO\\\\svc_sql\""] {
        let yaml =
            format!("accounts:\n  - name: {name}\n    sid: {SQL_SID}\n    logon: [service]\n");
        let run = check(&s, &yaml);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
    }
}

// ---- SIDs that cannot be right (issue 14 item 2) ----

#[test]
fn a_builtin_sid_on_a_domain_account_is_an_error() {
    let s = Scratch::new();
    let run = check(
        &s,
        "accounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-32-544\n    logon: [service]\n",
    );
    assert_eq!(run.code, 2);
    says(
        &run,
        &[
            "expect::not-an-account-sid",
            "BUILTIN\\Administrators",
            "member_of",
        ],
    );
}

#[test]
fn a_domain_sid_without_a_rid_is_an_error() {
    let s = Scratch::new();
    let run = check(
        &s,
        "accounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-21-1004336348-1177238915-682003330\n    logon: [service]\n",
    );
    assert_eq!(run.code, 2);
    says(
        &run,
        &["expect::sid-without-rid", "has no RID", "domain_sid"],
    );
}

#[test]
fn a_sid_outside_domain_sid_is_a_warning_naming_both() {
    let s = Scratch::new();
    let yaml = format!(
        "domain_sid: S-1-5-21-1-2-3\naccounts:\n  - name: CONTOSO\\svc_sql\n    sid: {SQL_SID}\n    logon: [service]\n"
    );
    let run = check(&s, &yaml);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(
        &run,
        &[
            "expect::sid-outside-domain",
            "S-1-5-21-1-2-3",
            "S-1-5-21-1004336348-1177238915-682003330",
        ],
    );
}

// ---- near misses (issue 14 item 3) ----

#[test]
fn a_typo_in_the_account_or_its_domain_gets_a_did_you_mean() {
    let s = Scratch::new();
    s.write(
        "named.inf",
        b"[Privilege Rights]\r\nSeServiceLogonRight = CONTOSO\\svc_sql\r\n",
    );
    for typo in ["CONTOSO\\svc_sqll", "CONTOS0\\svc_sql"] {
        s.write(
            "typo.yaml",
            format!("accounts:\n  - name: {typo}\n    logon: [service]\n").as_bytes(),
        );
        let run = s.check_with(&["named.inf"], "typo.yaml", &[]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        says(
            &run,
            &[
                "expect::near-miss",
                "did you mean it?",
                "`CONTOSO\\svc_sql`",
                "named.inf:2",
            ],
        );
    }
}

#[test]
fn a_waiver_for_an_undeclared_account_gets_a_did_you_mean() {
    let s = Scratch::new();
    let yaml = format!(
        "accounts:\n  - name: CONTOSO\\svc_sql\n    sid: {SQL_SID}\n    logon: [service]\nwaivers:\n  - rule: GPL101\n    account: CONTOSO\\svc_sqll\n    reason: moving to a gMSA\n    expires: 2099-01-01\n"
    );
    let run = check(&s, &yaml);
    assert_ne!(run.code, 2, "{}", run.stderr);
    says(
        &run,
        &[
            "expect::waiver-account-undeclared",
            "did you mean `CONTOSO\\svc_sql`",
        ],
    );
}

// ---- undeclared names in templates (issue 14 item 4) ----

#[test]
fn an_undeclared_domain_name_is_a_note_that_gplint_does_not_know_it() {
    let s = Scratch::new();
    let template = format!("{GOOD}SeDenyInteractiveLogonRight = CONTOSO\\Tier0 Admins\r\n");
    let file = s.write("t.inf", template.as_bytes());
    let run = s.check(&[&file]);
    assert_eq!(run.code, 0, "a note does not fail the run: {}", run.stdout);
    assert!(run.stdout.contains("GPL305"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("gplint does not know `CONTOSO\\Tier0 Admins`"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("cannot translate"), "{}", run.stdout);
}

#[test]
fn a_placeholder_without_a_domain_still_cannot_be_translated() {
    let s = Scratch::new();
    let template = format!("{GOOD}SeDenyInteractiveLogonRight = ADD YOUR DOMAIN ADMINS\r\n");
    let file = s.write("t.inf", template.as_bytes());
    let run = s.check(&[&file]);
    assert!(run.stdout.contains("GPL301"), "{}", run.stdout);
    assert!(run.stdout.contains("cannot translate"), "{}", run.stdout);
}

// ---- gMSA facts and computer accounts (issue 14 item 5) ----

/// Facts doc §9 item 2: workstation-trust accounts (gMSAs) never expire
/// (MS-ADTS `msDS-UserPasswordExpiryTimeComputed`).
#[test]
fn password_expiry_facts_on_a_gmsa_are_a_warning_not_exit_2() {
    let s = Scratch::new();
    let yaml = format!(
        "accounts:\n  - name: CONTOSO\\gmsa_sql$\n    sid: {SQL_SID}\n    password_last_set: 2025-01-01\n    password_never_expires: true\n    logon: [service]\n"
    );
    let run = check(&s, &yaml);
    assert_eq!(run.code, 0, "{}", run.stderr);
    says(
        &run,
        &[
            "expect::password-fact-not-applicable",
            "does not apply to a gmsa",
        ],
    );
}

/// Facts doc, "gMSA and sMSA": computer-class objects have Domain
/// Computers (RID 515), not Domain Users (513), as their primary group.
#[test]
fn a_computer_account_has_domain_computers_as_its_primary_group() {
    let s = Scratch::new();
    // Domain Computers (RID 515) may log on as a service and from the network.
    let template = "[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-21-1004336348-1177238915-682003330-515\r\nSeNetworkLogonRight = *S-1-5-21-1004336348-1177238915-682003330-515\r\n";
    s.write("computers.inf", template.as_bytes());
    let declare = |kind: &str| {
        format!(
            "domain_sid: S-1-5-21-1004336348-1177238915-682003330\naccounts:\n  - name: CONTOSO\\SRV01$\n    kind: {kind}\n    logon: [service, network]\n"
        )
    };
    s.write("computer.yaml", declare("computer").as_bytes());
    let run = s.check_with(&["computers.inf"], "computer.yaml", &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    s.write("domain.yaml", declare("domain").as_bytes());
    let run = s.check_with(&["computers.inf"], "domain.yaml", &[]);
    assert_eq!(run.code, 1, "a domain user is not in Domain Computers");
}
