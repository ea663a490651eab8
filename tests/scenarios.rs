//! Scenario tests of the logon model: templates + expectations → verdicts.
//! Each test shows one statement of the model.

use gplint::check::Evaluation;
use gplint::diagnostic::Severity;
use gplint::expect;
use gplint::finding::{FileRef, Finding};
use gplint::logon::{Outcome, VerdictSource};
use gplint::logon_type::LogonType;
use gplint::model::Date;
use gplint::policy::PolicyInput;
use gplint::restriction::{Evidence, Restriction, RestrictionKind};
use gplint::template::Template;
use gplint::{syntax, template};

/// The verdict, its source and its evidence chain for one account and type.
struct Seen {
    outcome: Outcome,
    source: VerdictSource,
    holder: Option<String>,
    via: Vec<String>,
    input: Option<usize>,
    right: &'static str,
    network_first: bool,
}

fn verdict(templates: &[&str], yaml: &str, account: &str, logon_type: LogonType) -> Seen {
    let expectations = expect::load("services.yaml", yaml).unwrap_or_else(|e| panic!("{e:?}"));
    let typed: Vec<Template<'_>> = templates
        .iter()
        .map(|text| template::build(&syntax::parse(text)))
        .collect();
    let inputs = typed
        .iter()
        .map(|t| PolicyInput {
            name: "GptTmpl.inf",
            template: t,
        })
        .collect();
    let evaluation = Evaluation::new(inputs, &expectations);
    let index = evaluation
        .directory
        .accounts
        .iter()
        .position(|a| a.display.eq_ignore_ascii_case(account))
        .unwrap_or_else(|| panic!("no account {account}"));
    let v = evaluation.verdicts[index].get(logon_type).unwrap();
    Seen {
        outcome: v.outcome,
        source: v.source,
        holder: v.matched.as_ref().map(|m| m.written.clone()),
        via: v
            .matched
            .as_ref()
            .map(|m| m.via.iter().map(|s| s.principal.clone()).collect())
            .unwrap_or_default(),
        input: v.input,
        right: v.right.constant,
        network_first: v.network_first,
    }
}

const SQL: &str =
    "accounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-21-1-2-3-1105\n    logon: [service]\n";

#[test]
fn deny_wins_over_allow() {
    let t = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-21-1-2-3-1105\nSeDenyServiceLogonRight = *S-1-5-21-1-2-3-1105\n";
    let seen = verdict(&[t], SQL, "CONTOSO\\svc_sql", LogonType::Service);
    assert_eq!(seen.outcome, Outcome::Denied);
    assert_eq!(seen.holder.as_deref(), Some("*S-1-5-21-1-2-3-1105"));
}

#[test]
fn allowed_when_a_token_sid_holds_the_allow_right_and_none_the_deny_right() {
    let t = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-21-1-2-3-1105\nSeDenyServiceLogonRight = Guest\n";
    let seen = verdict(&[t], SQL, "CONTOSO\\svc_sql", LogonType::Service);
    assert_eq!(seen.outcome, Outcome::Allowed);
    assert_eq!(seen.source, VerdictSource::Policy);
    assert_eq!(seen.via, ["CONTOSO\\svc_sql"]);
}

#[test]
fn not_granted_when_no_token_sid_holds_the_allow_right() {
    let t = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-20\n";
    let seen = verdict(&[t], SQL, "CONTOSO\\svc_sql", LogonType::Service);
    assert_eq!(seen.outcome, Outcome::NotGranted);
    assert_eq!(seen.holder, None);
}

#[test]
fn declared_groups_count_transitively_and_cycles_are_safe() {
    let yaml = "groups:\n  - name: CONTOSO\\Inner\n    member_of: [CONTOSO\\Outer]\n  - name: CONTOSO\\Outer\n    sid: S-1-5-21-1-2-3-2000\naccounts:\n  - name: CONTOSO\\svc\n    member_of: [CONTOSO\\Inner]\n    logon: [batch]\n";
    let t = "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-21-1-2-3-2000\n";
    let seen = verdict(&[t], yaml, "CONTOSO\\svc", LogonType::Batch);
    assert_eq!(seen.outcome, Outcome::Allowed);
    assert_eq!(
        seen.via,
        ["CONTOSO\\svc", "CONTOSO\\Inner", "CONTOSO\\Outer"]
    );
    // A cycle made by the template (Outer added back to Inner) ends.
    let cyclic = "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-21-1-2-3-2000\n[Group Membership]\n*S-1-5-21-1-2-3-2000__Memberof = CONTOSO\\Inner\n";
    let seen = verdict(&[cyclic], yaml, "CONTOSO\\svc", LogonType::Batch);
    assert_eq!(seen.outcome, Outcome::Allowed);
}

#[test]
fn domain_accounts_hold_domain_users_as_primary_group() {
    let t = "[Privilege Rights]\nSeBatchLogonRight = CONTOSO\\svc\nSeDenyBatchLogonRight = *S-1-5-21-1-2-3-513\n";
    let yaml =
        "domain_sid: S-1-5-21-1-2-3\naccounts:\n  - name: CONTOSO\\svc\n    logon: [batch]\n";
    let seen = verdict(&[t], yaml, "CONTOSO\\svc", LogonType::Batch);
    assert_eq!(seen.outcome, Outcome::Denied);
    assert_eq!(seen.via, ["Domain Users"]);
}

#[test]
fn gmsas_hold_domain_computers_not_domain_users() {
    let t = "[Privilege Rights]\nSeServiceLogonRight = CONTOSO\\gmsa_web$\nSeDenyServiceLogonRight = CONTOSO\\Domain Users\n";
    let yaml = "accounts:\n  - name: CONTOSO\\gmsa_web$\n    logon: [service]\n";
    let seen = verdict(&[t], yaml, "CONTOSO\\gmsa_web$", LogonType::Service);
    assert_eq!(seen.outcome, Outcome::Allowed);
}

#[test]
fn every_token_holds_everyone() {
    // The default deny of network logon holds Guest; define it empty.
    let t = "[Privilege Rights]\nSeNetworkLogonRight = *S-1-1-0\nSeDenyNetworkLogonRight =\n";
    let yaml = "accounts:\n  - name: Guest\n    logon: [network]\n";
    let seen = verdict(&[t], yaml, "Guest", LogonType::Network);
    assert_eq!(seen.outcome, Outcome::Allowed);
    assert_eq!(seen.via, ["Everyone"]);
}

#[test]
fn authenticated_users_excludes_guest() {
    let t = "[Privilege Rights]\nSeNetworkLogonRight = *S-1-5-11\nSeDenyNetworkLogonRight =\n";
    let yaml = "accounts:\n  - name: Guest\n    logon: [network]\n  - name: CONTOSO\\alice\n    logon: [network]\n";
    assert_eq!(
        verdict(&[t], yaml, "Guest", LogonType::Network).outcome,
        Outcome::NotGranted
    );
    assert_eq!(
        verdict(&[t], yaml, "CONTOSO\\alice", LogonType::Network).outcome,
        Outcome::Allowed
    );
}

#[test]
fn builtin_users_holds_its_default_members() {
    let t = "[Privilege Rights]\nSeInteractiveLogonRight = *S-1-5-32-545\n";
    let yaml = "accounts:\n  - name: CONTOSO\\alice\n    logon: [interactive]\n  - name: bob\n    kind: local\n    logon: [interactive]\n";
    let alice = verdict(&[t], yaml, "CONTOSO\\alice", LogonType::Interactive);
    assert_eq!(alice.outcome, Outcome::Allowed);
    assert_eq!(alice.via.last().map(String::as_str), Some("BUILTIN\\Users"));
    // A local account reaches Users through Authenticated Users or INTERACTIVE.
    assert_eq!(
        verdict(&[t], yaml, "bob", LogonType::Interactive).outcome,
        Outcome::Allowed
    );
}

#[test]
fn each_logon_type_adds_its_own_sid() {
    let t = "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-3\nSeServiceLogonRight = *S-1-5-6\nSeNetworkLogonRight = *S-1-5-2\nSeInteractiveLogonRight = *S-1-5-4\nSeRemoteInteractiveLogonRight = *S-1-5-14\n";
    let yaml = "accounts:\n  - name: CONTOSO\\svc\n    logon: [batch]\n";
    for t_ in LogonType::ALL {
        assert_eq!(
            verdict(&[t], yaml, "CONTOSO\\svc", t_).outcome,
            Outcome::Allowed,
            "{t_}"
        );
    }
    // The batch SID does not reach a service logon.
    let only_batch = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-3\n";
    assert_eq!(
        verdict(&[only_batch], yaml, "CONTOSO\\svc", LogonType::Service).outcome,
        Outcome::NotGranted
    );
}

#[test]
fn local_accounts_hold_113_and_local_admins_114() {
    let t = "[Privilege Rights]\nSeNetworkLogonRight = *S-1-1-0\nSeDenyNetworkLogonRight = *S-1-5-114\nSeDenyRemoteInteractiveLogonRight = *S-1-5-113\nSeRemoteInteractiveLogonRight = *S-1-5-32-544\n";
    let yaml = "accounts:\n  - name: breakglass\n    kind: local\n    member_of: [BUILTIN\\Administrators]\n    logon: [interactive]\n  - name: kiosk\n    kind: local\n    logon: [network]\n  - name: CONTOSO\\admin\n    member_of: [BUILTIN\\Administrators]\n    logon: [network]\n";
    assert_eq!(
        verdict(&[t], yaml, "breakglass", LogonType::Network).outcome,
        Outcome::Denied
    );
    assert_eq!(
        verdict(&[t], yaml, "breakglass", LogonType::RemoteInteractive).outcome,
        Outcome::Denied
    );
    assert_eq!(
        verdict(&[t], yaml, "kiosk", LogonType::Network).outcome,
        Outcome::Allowed
    );
    assert_eq!(
        verdict(&[t], yaml, "CONTOSO\\admin", LogonType::Network).outcome,
        Outcome::Allowed
    );
    assert_eq!(
        verdict(&[t], yaml, "CONTOSO\\admin", LogonType::RemoteInteractive).outcome,
        Outcome::Allowed
    );
}

#[test]
fn virtual_accounts_hold_all_services_and_their_own_sid_in_a_service_logon() {
    let yaml = "accounts:\n  - service: MSSQLSERVER\n    logon: [service]\n";
    let all = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0\n";
    let seen = verdict(&[all], yaml, "NT SERVICE\\MSSQLSERVER", LogonType::Service);
    assert_eq!(seen.outcome, Outcome::Allowed);
    assert_eq!(seen.via, ["NT SERVICE\\ALL SERVICES"]);
    let own = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003\n";
    assert_eq!(
        verdict(&[own], yaml, "NT SERVICE\\MSSQLSERVER", LogonType::Service).outcome,
        Outcome::Allowed
    );
    let by_name = "[Privilege Rights]\nSeServiceLogonRight = NT SERVICE\\mssqlserver\n";
    assert_eq!(
        verdict(
            &[by_name],
            yaml,
            "NT SERVICE\\MSSQLSERVER",
            LogonType::Service
        )
        .outcome,
        Outcome::Allowed
    );
    let neither = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-20\n";
    assert_eq!(
        verdict(
            &[neither],
            yaml,
            "NT SERVICE\\MSSQLSERVER",
            LogonType::Service
        )
        .outcome,
        Outcome::NotGranted
    );
    // ALL SERVICES is not in the token of a batch logon.
    let batch = "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-80-0\n";
    assert_eq!(
        verdict(&[batch], yaml, "NT SERVICE\\MSSQLSERVER", LogonType::Batch).outcome,
        Outcome::NotGranted
    );
}

#[test]
fn members_replaces_a_local_groups_members_and_memberof_adds() {
    let yaml = "groups:\n  - name: CONTOSO\\Jump Users\n    member_of: [BUILTIN\\Remote Desktop Users]\naccounts:\n  - name: CONTOSO\\alice\n    member_of: [CONTOSO\\Jump Users]\n    logon: [remote-interactive]\n";
    let rdp = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-555\n";
    assert_eq!(
        verdict(&[rdp], yaml, "CONTOSO\\alice", LogonType::RemoteInteractive).outcome,
        Outcome::Allowed
    );
    let emptied = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-555\n[Group Membership]\n*S-1-5-32-555__Members =\n";
    assert_eq!(
        verdict(
            &[emptied],
            yaml,
            "CONTOSO\\alice",
            LogonType::RemoteInteractive
        )
        .outcome,
        Outcome::NotGranted
    );
    let readded = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-555\n[Group Membership]\n*S-1-5-32-555__Members =\nCONTOSO\\Jump Users__Memberof = *S-1-5-32-555\n";
    let seen = verdict(
        &[readded],
        yaml,
        "CONTOSO\\alice",
        LogonType::RemoteInteractive,
    );
    assert_eq!(seen.outcome, Outcome::Allowed);
    assert_eq!(
        seen.via,
        [
            "CONTOSO\\alice",
            "CONTOSO\\Jump Users",
            "BUILTIN\\Remote Desktop Users"
        ]
    );
    let listed = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-555\n[Group Membership]\n*S-1-5-32-555__Members = contoso\\ALICE\n";
    assert_eq!(
        verdict(
            &[listed],
            yaml,
            "CONTOSO\\alice",
            LogonType::RemoteInteractive
        )
        .outcome,
        Outcome::Allowed
    );
}

#[test]
fn members_of_a_directory_group_applies_only_on_domain_controllers() {
    let yaml = |target: &str| {
        format!(
            "target: {target}\ngroups:\n  - name: CONTOSO\\Ops\naccounts:\n  - name: CONTOSO\\alice\n    member_of: [CONTOSO\\Ops]\n    logon: [batch]\n"
        )
    };
    let t = "[Privilege Rights]\nSeBatchLogonRight = CONTOSO\\Ops\n[Group Membership]\nCONTOSO\\Ops__Members =\n";
    assert_eq!(
        verdict(
            &[t],
            &yaml("member-server"),
            "CONTOSO\\alice",
            LogonType::Batch
        )
        .outcome,
        Outcome::Allowed
    );
    assert_eq!(
        verdict(
            &[t],
            &yaml("domain-controller"),
            "CONTOSO\\alice",
            LogonType::Batch
        )
        .outcome,
        Outcome::NotGranted
    );
}

// Issue 11, point 1. Sources: windows-logon-facts.md §9 item 1 ("By
// definition, the Network Service account has the Log on as a service user
// right. This right is not granted through the Group Policy setting",
// log-on-as-a-service.md); Task Scheduler starts tasks of these accounts
// with TASK_LOGON_SERVICE_ACCOUNT (sdk-api TASK_LOGON_TYPE).
const BUILTINS: &str = "accounts:\n  - name: NT AUTHORITY\\SYSTEM\n    logon: [service]\n  - name: NT AUTHORITY\\LOCAL SERVICE\n    logon: [service]\n  - name: NT AUTHORITY\\NETWORK SERVICE\n    logon: [service]\n  - name: NT SERVICE\\MSSQLSERVER\n    logon: [service]\n  - name: CONTOSO\\gmsa_sql$\n    logon: [service]\n";

#[test]
fn builtin_service_accounts_log_on_as_services_by_definition() {
    let t = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0\n";
    for account in [
        "NT AUTHORITY\\NETWORK SERVICE",
        "NT AUTHORITY\\LOCAL SERVICE",
    ] {
        let seen = verdict(&[t], BUILTINS, account, LogonType::Service);
        assert_eq!(
            (seen.outcome, seen.source, seen.input),
            (Outcome::Allowed, VerdictSource::Builtin, None),
            "{account}"
        );
    }
}

#[test]
fn no_deny_list_stops_system_local_service_or_network_service() {
    // Everyone, SERVICE and the accounts themselves, on every deny right.
    let everyone = "*S-1-1-0,*S-1-5-6,*S-1-5-18,*S-1-5-19,*S-1-5-20";
    let t = format!(
        "[Privilege Rights]\nSeServiceLogonRight =\nSeBatchLogonRight =\nSeInteractiveLogonRight =\nSeDenyServiceLogonRight = {everyone}\nSeDenyBatchLogonRight = {everyone}\nSeDenyInteractiveLogonRight = {everyone}\nSeDenyNetworkLogonRight = {everyone}\nSeDenyRemoteInteractiveLogonRight = {everyone}\n"
    );
    for t_type in LogonType::ALL {
        let seen = verdict(&[&t], BUILTINS, "NT AUTHORITY\\SYSTEM", t_type);
        assert_eq!(seen.outcome, Outcome::Allowed, "SYSTEM {t_type}");
        assert_eq!(seen.source, VerdictSource::Builtin, "SYSTEM {t_type}");
    }
    for account in [
        "NT AUTHORITY\\LOCAL SERVICE",
        "NT AUTHORITY\\NETWORK SERVICE",
    ] {
        for t_type in [LogonType::Service, LogonType::Batch] {
            let seen = verdict(&[&t], BUILTINS, account, t_type);
            assert_eq!(seen.outcome, Outcome::Allowed, "{account} {t_type}");
        }
        // Only service-account logons are theirs by definition.
        let seen = verdict(&[&t], BUILTINS, account, LogonType::Interactive);
        assert_eq!(seen.outcome, Outcome::Denied, "{account} interactive");
    }
}

#[test]
fn virtual_accounts_and_gmsas_stay_subject_to_every_list() {
    let t = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0,CONTOSO\\gmsa_sql$\nSeDenyServiceLogonRight = *S-1-5-6\n";
    for account in ["NT SERVICE\\MSSQLSERVER", "CONTOSO\\gmsa_sql$"] {
        let seen = verdict(&[t], BUILTINS, account, LogonType::Service);
        assert_eq!(seen.outcome, Outcome::Denied, "{account}");
        assert_eq!(seen.holder.as_deref(), Some("*S-1-5-6"));
    }
}

#[test]
fn system_runs_scheduled_tasks_whatever_the_batch_right_holds() {
    let t = "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-32-544\n";
    let yaml = "accounts:\n  - name: NT AUTHORITY\\SYSTEM\n    logon: [batch]\n";
    let seen = verdict(&[t], yaml, "NT AUTHORITY\\SYSTEM", LogonType::Batch);
    assert_eq!(
        (seen.outcome, seen.source),
        (Outcome::Allowed, VerdictSource::Builtin)
    );
}

#[test]
fn names_in_templates_match_declared_names_case_insensitively() {
    let t = "[Privilege Rights]\nSeServiceLogonRight = contoso\\SVC_SQL\n";
    let yaml = "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n";
    assert_eq!(
        verdict(&[t], yaml, "CONTOSO\\svc_sql", LogonType::Service).outcome,
        Outcome::Allowed
    );
}

#[test]
fn a_name_declared_with_a_sid_matches_either_spelling() {
    let yaml = "accounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-21-1-2-3-1105\n    logon: [service]\n";
    let by_name = "[Privilege Rights]\nSeServiceLogonRight = CONTOSO\\svc_sql\n";
    assert_eq!(
        verdict(&[by_name], yaml, "CONTOSO\\svc_sql", LogonType::Service).outcome,
        Outcome::Allowed
    );
}

#[test]
fn the_last_input_that_defines_a_right_wins_and_lists_never_merge() {
    let base = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0,*S-1-5-21-1-2-3-1105\n";
    let hardening = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0\n";
    let unrelated = "[System Access]\nMinimumPasswordLength = 14\n";
    let seen = verdict(
        &[base, hardening, unrelated],
        SQL,
        "CONTOSO\\svc_sql",
        LogonType::Service,
    );
    assert_eq!(seen.outcome, Outcome::NotGranted);
    assert_eq!(seen.input, Some(1));
    let reversed = verdict(
        &[hardening, base],
        SQL,
        "CONTOSO\\svc_sql",
        LogonType::Service,
    );
    assert_eq!(reversed.outcome, Outcome::Allowed);
    assert_eq!(reversed.input, Some(1));
}

#[test]
fn an_undefined_right_takes_the_targets_default() {
    let t = "[System Access]\nMinimumPasswordLength = 14\n";
    let yaml = "target: member-server\naccounts:\n  - name: CONTOSO\\alice\n    logon: [remote-interactive, interactive]\n";
    let rdp = verdict(&[t], yaml, "CONTOSO\\alice", LogonType::RemoteInteractive);
    assert_eq!(
        (rdp.outcome, rdp.source),
        (Outcome::NotGranted, VerdictSource::Default)
    );
    let local = verdict(&[t], yaml, "CONTOSO\\alice", LogonType::Interactive);
    assert_eq!(
        (local.outcome, local.source),
        (Outcome::Allowed, VerdictSource::Default)
    );
    let dc = "target: domain-controller\naccounts:\n  - name: CONTOSO\\alice\n    logon: [interactive]\n";
    assert_eq!(
        verdict(&[t], dc, "CONTOSO\\alice", LogonType::Interactive).outcome,
        Outcome::NotGranted
    );
}

#[test]
fn a_default_deny_network_holds_guest() {
    let t = "[Privilege Rights]\nSeNetworkLogonRight = *S-1-1-0\n";
    let yaml = "accounts:\n  - name: Guest\n    logon: [network]\n";
    let seen = verdict(&[t], yaml, "Guest", LogonType::Network);
    assert_eq!(
        (seen.outcome, seen.source),
        (Outcome::Denied, VerdictSource::Default)
    );
}

#[test]
fn a_replaced_grant_is_reported_with_the_earlier_entry() {
    let base = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0,*S-1-5-21-1-2-3-1105\n";
    let hardening = "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0\n";
    let rules = gplint::rules::RuleSet::builtin().unwrap();
    let findings = gplint::check::check_texts(&[base, hardening], SQL, &rules).unwrap();
    let finding = findings.iter().find(|f| f.rule == "GPL101").unwrap();
    let primary = finding.primary.as_ref().unwrap();
    assert_eq!(primary.file, gplint::finding::FileRef::Template(1));
    assert!(
        primary.label.contains("replaces the one from"),
        "{}",
        primary.label
    );
    let replaced = &finding.secondary[0];
    assert_eq!(replaced.file, gplint::finding::FileRef::Template(0));
    assert_eq!(
        &base[replaced.span.start..replaced.span.end],
        "*S-1-5-21-1-2-3-1105"
    );
}

// Issue 11, point 2: Network Level Authentication. Sources:
// windows-logon-facts.md §9 item 8: with NLA (the default since Windows
// Server 2012 / Windows 8) the client authenticates over the network
// first (CredSSP), so "Deny access to this computer from the network", or
// the absence of the network right, blocks RDP (MicrosoftDocs
// windowsserverdocs issues #2466 and #6811).
const ALICE: &str = "domain_sid: S-1-5-21-1-2-3\naccounts:\n  - name: CONTOSO\\alice\n    member_of: [BUILTIN\\Remote Desktop Users]\n    logon: [remote-interactive]\n";
const RDP_OPEN: &str =
    "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-555\n";

#[test]
fn under_nla_a_network_deny_refuses_remote_desktop_and_names_its_entry() {
    let t = format!("{RDP_OPEN}SeDenyNetworkLogonRight = *S-1-5-21-1-2-3-513\n");
    let seen = verdict(&[&t], ALICE, "CONTOSO\\alice", LogonType::RemoteInteractive);
    assert_eq!(seen.outcome, Outcome::Denied);
    assert!(seen.network_first);
    assert_eq!(seen.right, "SeDenyNetworkLogonRight");
    assert_eq!(seen.holder.as_deref(), Some("*S-1-5-21-1-2-3-513"));
    assert_eq!(seen.via, ["Domain Users"]);
}

#[test]
fn under_nla_a_missing_network_grant_refuses_remote_desktop() {
    let t = format!("{RDP_OPEN}SeNetworkLogonRight = *S-1-5-32-544\n");
    let seen = verdict(&[&t], ALICE, "CONTOSO\\alice", LogonType::RemoteInteractive);
    assert_eq!(seen.outcome, Outcome::NotGranted);
    assert!(seen.network_first);
    assert_eq!(seen.right, "SeNetworkLogonRight");
}

#[test]
fn under_nla_the_remote_desktop_deny_still_decides_first() {
    // Deny wins over a missing grant, and the Remote Desktop deny is
    // reported before the network's.
    let t = format!(
        "{RDP_OPEN}SeDenyRemoteInteractiveLogonRight = CONTOSO\\alice\nSeNetworkLogonRight = *S-1-5-32-544\nSeDenyNetworkLogonRight = *S-1-5-21-1-2-3-513\n"
    );
    let seen = verdict(&[&t], ALICE, "CONTOSO\\alice", LogonType::RemoteInteractive);
    assert_eq!(seen.outcome, Outcome::Denied);
    assert!(!seen.network_first);
    assert_eq!(seen.right, "SeDenyRemoteInteractiveLogonRight");
    // A network deny beats the Remote Desktop's missing grant.
    let t = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-544\nSeDenyNetworkLogonRight = *S-1-5-21-1-2-3-513\n";
    let seen = verdict(&[t], ALICE, "CONTOSO\\alice", LogonType::RemoteInteractive);
    assert_eq!((seen.outcome, seen.network_first), (Outcome::Denied, true));
}

#[test]
fn without_nla_only_the_remote_desktop_rights_decide() {
    let t = format!("{RDP_OPEN}SeDenyNetworkLogonRight = *S-1-5-21-1-2-3-513\n");
    let off_in_yaml = ALICE.replace("accounts:", "nla: false\naccounts:");
    let seen = verdict(
        &[&t],
        &off_in_yaml,
        "CONTOSO\\alice",
        LogonType::RemoteInteractive,
    );
    assert_eq!(
        (seen.outcome, seen.network_first),
        (Outcome::Allowed, false)
    );
    let off_on_scope = ALICE.replace(
        "accounts:",
        "scopes:\n  - name: jump-hosts\n    gpos: [Jump]\n    nla: false\naccounts:",
    );
    let seen = verdict(
        &[&t],
        &off_on_scope,
        "CONTOSO\\alice",
        LogonType::RemoteInteractive,
    );
    assert_eq!(seen.outcome, Outcome::Allowed);
    for path in [
        "MACHINE\\System\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp\\UserAuthentication",
        "MACHINE\\Software\\Policies\\Microsoft\\Windows NT\\Terminal Services\\UserAuthentication",
    ] {
        let off = format!("{t}[Registry Values]\n{path}=4,0\n");
        let seen = verdict(
            &[&off],
            ALICE,
            "CONTOSO\\alice",
            LogonType::RemoteInteractive,
        );
        assert_eq!(seen.outcome, Outcome::Allowed, "{path}");
    }
}

// ---- whose account policy (issue 11 point 3) ----
//
// Password and lockout policy from a GPO linked below the domain governs
// only the local accounts of the machines it reaches: "If these policies
// are set at any level below the domain level in AD DS, they affect only
// local accounts on member servers" (windows-itpro-docs
// `account-policies.md`); the Domain Controllers OU's account policy
// affects no domain account (KB 255550). Domain accounts follow the GPOs
// linked at the domain root, or a fine-grained password policy, the one
// on the user before those on groups (windows-logon-facts.md §9 item 6).

/// An OU-linked baseline, as DISA's member-server GPO sets it.
const OU_BASELINE: &str = "[System Access]\nMaximumPasswordAge = 60\nLockoutBadCount = 3\n";
/// The Default Domain Policy, linked at the domain root.
const DOMAIN_ROOT: &str = "[System Access]\nMaximumPasswordAge = 90\nLockoutBadCount = 10\n";
/// A local and a domain service account with the same facts.
const TWO_ACCOUNTS: &str = "accounts:\n  - name: .\\svc_local\n    password_last_set: 2026-01-01\n    logon: [service]\n  - name: CONTOSO\\svc_domain\n    password_last_set: 2026-01-01\n    logon: [service]\n";

fn typed(texts: &[&'static str]) -> Vec<Template<'static>> {
    texts
        .iter()
        .map(|text| template::build(&syntax::parse(text)))
        .collect()
}

fn inputs<'t>(typed: &'t [Template<'t>]) -> Vec<PolicyInput<'t>> {
    typed
        .iter()
        .map(|template| PolicyInput {
            name: "GptTmpl.inf",
            template,
        })
        .collect()
}

/// The restrictions of `kind` on `account`'s service logon, with the
/// chain's templates and the domain root's.
fn password_restrictions(
    (chain, domain): (&[&'static str], &[&'static str]),
    yaml: &str,
    account: &str,
    kind: RestrictionKind,
) -> Vec<Restriction> {
    let expectations = expect::load("services.yaml", yaml).unwrap_or_else(|e| panic!("{e:?}"));
    let (chain, domain) = (typed(chain), typed(domain));
    let today = Date::parse("2026-02-15");
    let evaluation = Evaluation::with_domain(inputs(&chain), inputs(&domain), &expectations, today);
    let index = evaluation
        .directory
        .accounts
        .iter()
        .position(|a| a.display.eq_ignore_ascii_case(account))
        .unwrap_or_else(|| panic!("no account {account}"));
    evaluation.restrictions[index]
        .get(LogonType::Service)
        .iter()
        .filter(|r| r.kind == kind)
        .cloned()
        .collect()
}

fn check_on(templates: &[&str], yaml: &str, today: &str) -> Vec<Finding> {
    let rules = gplint::rules::RuleSet::builtin().unwrap();
    gplint::check::check_texts_on(templates, yaml, &rules, Date::parse(today))
        .unwrap_or_else(|e| panic!("{e:?}"))
}

fn rule_for<'f>(findings: &'f [Finding], rule: &str, account: &str) -> Vec<&'f Finding> {
    findings
        .iter()
        .filter(|f| f.rule == rule && f.account.as_deref() == Some(account))
        .collect()
}

#[test]
fn an_ou_linked_account_policy_governs_local_accounts_only() {
    // account-policies.md: below the domain level, "only local accounts".
    let chain: &[&'static str] = &[OU_BASELINE];
    let local = password_restrictions(
        (chain, &[]),
        TWO_ACCOUNTS,
        ".\\svc_local",
        RestrictionKind::PasswordExpiry,
    );
    assert!(matches!(
        local[0].evidence,
        Evidence::Template { input: 0, .. }
    ));
    assert_eq!(local[0].expires, Date::parse("2026-03-02"));
    let locks = password_restrictions(
        (chain, &[]),
        TWO_ACCOUNTS,
        ".\\svc_local",
        RestrictionKind::LockoutExposure,
    );
    assert_eq!(locks.len(), 1);
    // The domain account is not charged with the OU's 60 days or lockout.
    let domain = password_restrictions(
        (chain, &[]),
        TWO_ACCOUNTS,
        "CONTOSO\\svc_domain",
        RestrictionKind::PasswordExpiry,
    );
    assert_eq!(domain[0].evidence, Evidence::Default);
    assert_eq!(domain[0].expires, Date::parse("2026-02-12"));
    assert!(
        password_restrictions(
            (chain, &[]),
            TWO_ACCOUNTS,
            "CONTOSO\\svc_domain",
            RestrictionKind::LockoutExposure,
        )
        .is_empty()
    );
}

#[test]
fn the_domain_roots_gpos_govern_domain_accounts() {
    // windows-logon-facts.md §9 item 6: domain accounts follow the domain
    // root; its GPOs are numbered after the chain's inputs.
    let both: (&[&'static str], &[&'static str]) = (&[OU_BASELINE], &[DOMAIN_ROOT]);
    let expiry = password_restrictions(
        both,
        TWO_ACCOUNTS,
        "CONTOSO\\svc_domain",
        RestrictionKind::PasswordExpiry,
    );
    assert!(matches!(
        expiry[0].evidence,
        Evidence::Template { input: 1, .. }
    ));
    assert_eq!(expiry[0].expires, Date::parse("2026-04-01"));
    assert!(
        expiry[0]
            .reason
            .contains("90 days in the domain's account policy")
    );
    let lockout = password_restrictions(
        both,
        TWO_ACCOUNTS,
        "CONTOSO\\svc_domain",
        RestrictionKind::LockoutExposure,
    );
    assert!(
        lockout[0]
            .reason
            .starts_with("LockoutBadCount = 10 in the domain's")
    );
    // The local account still follows the machine's chain.
    let local = password_restrictions(
        both,
        TWO_ACCOUNTS,
        ".\\svc_local",
        RestrictionKind::LockoutExposure,
    );
    assert!(
        local[0]
            .reason
            .starts_with("LockoutBadCount = 3 in the machine's")
    );
}

#[test]
fn the_domain_controllers_ou_policy_governs_no_domain_account() {
    // KB 255550: account policy in the Domain Controllers OU has no
    // effect on domain accounts, DCs included.
    let yaml = TWO_ACCOUNTS.replacen("accounts:", "target: domain-controller\naccounts:", 1);
    let dc_ou: &[&'static str] =
        &["[System Access]\nMaximumPasswordAge = 1\nLockoutBadCount = 3\n"];
    let lockout = password_restrictions(
        (dc_ou, &[]),
        &yaml,
        "CONTOSO\\svc_domain",
        RestrictionKind::LockoutExposure,
    );
    assert!(lockout.is_empty());
    let expiry = password_restrictions(
        (dc_ou, &[]),
        &yaml,
        "CONTOSO\\svc_domain",
        RestrictionKind::PasswordExpiry,
    );
    assert_eq!(expiry[0].evidence, Evidence::Default);
}

#[test]
fn a_finding_on_windows_default_is_a_step_less_severe_and_says_so() {
    // No domain policy known: Windows' default of 42 days, lowered.
    let findings = check_on(&[OU_BASELINE], TWO_ACCOUNTS, "2026-03-20");
    let local = rule_for(&findings, "GPL405", ".\\svc_local");
    assert_eq!(local[0].severity, Severity::Error);
    assert!(!local[0].from_default);
    let domain = rule_for(&findings, "GPL405", "CONTOSO\\svc_domain");
    assert_eq!(domain[0].severity, Severity::Warning);
    assert!(domain[0].from_default);
    assert!(
        domain[0].message.contains("42 days by Windows' default"),
        "{}",
        domain[0].message
    );
    let note = domain[0].note.as_deref().unwrap();
    assert!(
        note.contains("never from a GPO linked below") && note.contains("Windows' default"),
        "{note}"
    );
    assert!(rule_for(&findings, "GPL412", "CONTOSO\\svc_domain").is_empty());
    assert_eq!(rule_for(&findings, "GPL412", ".\\svc_local").len(), 1);
}

#[test]
fn declared_domain_values_govern_domain_accounts_and_point_into_the_file() {
    // windows-logon-facts.md §9 item 6, with the domain's values declared.
    let yaml = format!(
        "domain_policy: {{max_password_age_days: 0, lockout_threshold: 5}}\n{TWO_ACCOUNTS}"
    );
    let findings = check_on(&[OU_BASELINE], &yaml, "2026-03-20");
    assert!(rule_for(&findings, "GPL405", "CONTOSO\\svc_domain").is_empty());
    let lockout = rule_for(&findings, "GPL412", "CONTOSO\\svc_domain");
    let primary = lockout[0].primary.as_ref().unwrap();
    assert_eq!(primary.file, FileRef::Expectations);
    assert_eq!(&yaml[primary.span.start..primary.span.end], "5");
    assert!(lockout[0].message.contains("(`domain_policy`)"));
}

#[test]
fn a_fine_grained_policy_beats_the_domain_and_the_users_own_beats_its_groups() {
    // MS-ADTS msDS-ResultantPSO: a PSO linked to the user wins over ones
    // linked to its groups, and any PSO over the domain's policy.
    let yaml = "domain_policy: {max_password_age_days: 30, lockout_threshold: 5}\ngroups:\n  - name: CONTOSO\\Service Accounts\n    password_policy: {max_password_age_days: 0, lockout_threshold: 50}\naccounts:\n  - name: CONTOSO\\svc_group\n    member_of: [CONTOSO\\Service Accounts]\n    password_last_set: 2026-01-01\n    logon: [batch]\n  - name: CONTOSO\\svc_own\n    member_of: [CONTOSO\\Service Accounts]\n    password_policy: {max_password_age_days: 365, lockout_threshold: 0}\n    password_last_set: 2026-01-01\n    logon: [batch]\n";
    let findings = check_on(&[OU_BASELINE], yaml, "2026-03-20");
    let by_group = rule_for(&findings, "GPL412", "CONTOSO\\svc_group");
    assert!(
        by_group[0].message.contains(
            "LockoutBadCount = 50 in the fine-grained password policy on CONTOSO\\Service Accounts"
        ),
        "{}",
        by_group[0].message
    );
    assert!(rule_for(&findings, "GPL405", "CONTOSO\\svc_group").is_empty());
    assert!(rule_for(&findings, "GPL412", "CONTOSO\\svc_own").is_empty());
    let own = rule_for(&findings, "GPL406", "CONTOSO\\svc_own");
    assert!(own.is_empty(), "365 days is far off: {own:#?}");
    assert!(rule_for(&findings, "GPL405", "CONTOSO\\svc_own").is_empty());
}

// ---- INF comments after values (issue 11 point 7) ----

/// A security template is an INF file: a `;` outside quotes starts a
/// comment, after a value too, so the comment does not become part of the
/// holder and Domain Users is denied (facts doc §9 item 9; "General Syntax
/// Rules for INF Files").
#[test]
fn a_comment_after_a_holder_leaves_the_holder_intact() {
    let t = "[Privilege Rights]\nSeBatchLogonRight = CONTOSO\\svc ; the job account\nSeDenyBatchLogonRight = *S-1-5-21-1-2-3-513 ; deny domain users\n";
    let yaml =
        "domain_sid: S-1-5-21-1-2-3\naccounts:\n  - name: CONTOSO\\svc\n    logon: [batch]\n";
    let seen = verdict(&[t], yaml, "CONTOSO\\svc", LogonType::Batch);
    assert_eq!(seen.outcome, Outcome::Denied);
    assert_eq!(seen.holder.as_deref(), Some("*S-1-5-21-1-2-3-513"));
    assert_eq!(seen.via, ["Domain Users"]);
    // Without the deny line, the commented grant still names the account.
    let granted = "[Privilege Rights]\nSeBatchLogonRight = CONTOSO\\svc ; the job account\n";
    let seen = verdict(&[granted], yaml, "CONTOSO\\svc", LogonType::Batch);
    assert_eq!(seen.outcome, Outcome::Allowed);
    assert_eq!(seen.holder.as_deref(), Some("CONTOSO\\svc"));
}

// ---- Group cycles are legal (issue 11 point 5) ----

/// Active Directory allows circular nesting and expands membership as a
/// transitive closure (facts doc §9 item 3: MS-DRSR 4.1.8.3
/// `IDL_DRSGetMemberships`, MS-ADTS 3.1.1.4.5.19 tokenGroups; Samba
/// `authsam_expand_nested_groups`): a member of any group of a loop holds
/// every group of the loop and every group one of them belongs to.
#[test]
fn a_member_of_a_group_loop_holds_every_group_of_the_loop() {
    let yaml = "domain_sid: S-1-5-21-1-2-3\ngroups:\n  - name: CONTOSO\\A\n    sid: S-1-5-21-1-2-3-2001\n    member_of: [CONTOSO\\B]\n  - name: CONTOSO\\B\n    sid: S-1-5-21-1-2-3-2002\n    member_of: [CONTOSO\\C, CONTOSO\\Outer]\n  - name: CONTOSO\\C\n    sid: S-1-5-21-1-2-3-2003\n    member_of: [CONTOSO\\A]\n  - name: CONTOSO\\Outer\n    sid: S-1-5-21-1-2-3-2009\naccounts:\n  - name: CONTOSO\\in_a\n    member_of: [CONTOSO\\A]\n    logon: [batch]\n  - name: CONTOSO\\in_b\n    member_of: [CONTOSO\\B]\n    logon: [batch]\n  - name: CONTOSO\\in_c\n    member_of: [CONTOSO\\C]\n    logon: [batch]\n";
    let loaded = expect::load("services.yaml", yaml).unwrap();
    let codes: Vec<_> = loaded.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["expect::group-cycle"]);
    for group in ["2001", "2002", "2003", "2009"] {
        let t = format!("[Privilege Rights]\nSeBatchLogonRight = *S-1-5-21-1-2-3-{group}\n");
        for account in ["CONTOSO\\in_a", "CONTOSO\\in_b", "CONTOSO\\in_c"] {
            let seen = verdict(&[&t], yaml, account, LogonType::Batch);
            assert_eq!(seen.outcome, Outcome::Allowed, "{account} via {group}");
            assert_eq!(seen.via.first().map(String::as_str), Some(account));
        }
    }
    // The way found is the shortest: C reaches Outer through A and B.
    let outer = "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-21-1-2-3-2009\n";
    let seen = verdict(&[outer], yaml, "CONTOSO\\in_c", LogonType::Batch);
    assert_eq!(
        seen.via,
        [
            "CONTOSO\\in_c",
            "CONTOSO\\C",
            "CONTOSO\\A",
            "CONTOSO\\B",
            "CONTOSO\\Outer"
        ]
    );
}

// ---- Restricted Groups on domain groups (issue 11 point 6) ----

/// Restricted Groups is applied by each machine to its own groups (KB
/// 279301, facts doc §9 item 7): off domain controllers a `__Memberof`
/// entry naming a domain group adds nothing, with a warning at the entry
/// (GPL303); an entry naming a local group still adds; on a domain
/// controller the domain group is the machine's and the entry applies.
#[test]
fn memberof_a_domain_group_applies_only_on_domain_controllers() {
    let yaml = |target: &str| {
        format!(
            "target: {target}\ndomain_sid: S-1-5-21-1-2-3\ngroups:\n  - name: CONTOSO\\Ops\n    sid: S-1-5-21-1-2-3-1107\n  - name: CONTOSO\\Jump Users\n    sid: S-1-5-21-1-2-3-1108\naccounts:\n  - name: CONTOSO\\alice\n    member_of: [CONTOSO\\Ops]\n    logon: [remote-interactive, batch]\n"
        )
    };
    let t = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = CONTOSO\\Jump Users\nSeBatchLogonRight = *S-1-5-32-555\n[Group Membership]\nCONTOSO\\Ops__Memberof = *S-1-5-32-555, *S-1-5-21-1-2-3-1108\n";
    for target in ["member-server", "workstation"] {
        let rdp = verdict(
            &[t],
            &yaml(target),
            "CONTOSO\\alice",
            LogonType::RemoteInteractive,
        );
        assert_eq!(rdp.outcome, Outcome::NotGranted, "{target}");
        // The entry naming the local Remote Desktop Users group still adds.
        let batch = verdict(&[t], &yaml(target), "CONTOSO\\alice", LogonType::Batch);
        assert_eq!(batch.outcome, Outcome::Allowed, "{target}");
        assert_eq!(
            batch.via,
            [
                "CONTOSO\\alice",
                "CONTOSO\\Ops",
                "BUILTIN\\Remote Desktop Users"
            ]
        );
    }
    let dc = verdict(
        &[t],
        &yaml("domain-controller"),
        "CONTOSO\\alice",
        LogonType::RemoteInteractive,
    );
    assert_eq!(dc.outcome, Outcome::Allowed);
    assert_eq!(
        dc.via,
        ["CONTOSO\\alice", "CONTOSO\\Ops", "CONTOSO\\Jump Users"]
    );

    let rules = gplint::rules::RuleSet::builtin().unwrap();
    let findings = gplint::check::check_texts(&[t], &yaml("member-server"), &rules).unwrap();
    let warning = findings.iter().find(|f| f.rule == "GPL303").unwrap();
    assert_eq!(warning.severity, gplint::diagnostic::Severity::Warning);
    let primary = warning.primary.as_ref().unwrap();
    assert_eq!(
        &t[primary.span.start..primary.span.end],
        "*S-1-5-21-1-2-3-1108"
    );
    assert!(
        warning
            .message
            .starts_with("`CONTOSO\\Ops__Memberof` cannot add CONTOSO\\Ops to CONTOSO\\Jump Users"),
        "{}",
        warning.message
    );
    let on_dc = gplint::check::check_texts(&[t], &yaml("domain-controller"), &rules).unwrap();
    assert!(on_dc.iter().all(|f| f.rule != "GPL303"), "{on_dc:#?}");
}

/// The other half of KB 279301 (facts doc §9 item 7): off domain
/// controllers `__Members` of a domain group has no effect, and now says
/// so (GPL304); `__Members` of a local group still sets its members.
#[test]
fn members_of_a_domain_group_is_reported_off_domain_controllers() {
    let yaml = "target: member-server\ngroups:\n  - name: CONTOSO\\Ops\naccounts:\n  - name: CONTOSO\\alice\n    member_of: [CONTOSO\\Ops]\n    logon: [batch]\n    password_never_expires: true\n";
    let t = "[Privilege Rights]\nSeBatchLogonRight = *S-1-5-32-551\n[Group Membership]\nCONTOSO\\Ops__Members =\n*S-1-5-32-551__Members = CONTOSO\\alice\n";
    let seen = verdict(&[t], yaml, "CONTOSO\\alice", LogonType::Batch);
    assert_eq!(seen.outcome, Outcome::Allowed);
    assert_eq!(seen.via, ["CONTOSO\\alice", "BUILTIN\\Backup Operators"]);
    let rules = gplint::rules::RuleSet::builtin().unwrap();
    let findings = gplint::check::check_texts(&[t], yaml, &rules).unwrap();
    let rules_found: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules_found, ["GPL304"], "{findings:#?}");
    let primary = findings[0].primary.as_ref().unwrap();
    assert_eq!(
        &t[primary.span.start..primary.span.end],
        "CONTOSO\\Ops__Members"
    );
}

// ---- Say what removed the membership (issue 11 point 8) ----

/// `<group>__Members` replaces the group's members (MS-GPSB 2.2.6
/// "[Group Membership]"; KB 279301 for where it applies), so an account
/// declared `member_of` it loses what the group granted. The verdict
/// names that line; GPL101 cites it as a second place and says to add the
/// account to its list, not to a group it is already declared in.
#[test]
fn a_members_line_that_empties_a_granting_group_is_named() {
    let yaml = "accounts:\n  - name: CONTOSO\\alice\n    sid: S-1-5-21-1-2-3-1105\n    member_of: [BUILTIN\\Remote Desktop Users]\n    logon: [remote-interactive]\n";
    let t = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-544,*S-1-5-32-555\n[Group Membership]\n*S-1-5-32-555__Members =\n";
    let rules = gplint::rules::RuleSet::builtin().unwrap();
    let findings = gplint::check::check_texts(&[t], yaml, &rules).unwrap();
    let finding = findings.iter().find(|f| f.rule == "GPL101").unwrap();
    let removed = finding.removed_by.as_ref().unwrap();
    assert_eq!(
        &t[removed.span.start..removed.span.end],
        "*S-1-5-32-555__Members"
    );
    assert_eq!(
        removed.label,
        "sets the members of BUILTIN\\Remote Desktop Users without CONTOSO\\alice"
    );
    let primary = finding.primary.as_ref().unwrap();
    assert!(
        primary.label.contains("leaves CONTOSO\\alice out of it"),
        "{}",
        primary.label
    );
    assert!(
        finding.message.contains(
            "but `*S-1-5-32-555__Members` sets the members of BUILTIN\\Remote Desktop Users without CONTOSO\\alice"
        ),
        "{}",
        finding.message
    );
    assert_eq!(
        finding.help.as_deref(),
        Some(
            "add *S-1-5-21-1-2-3-1105 (CONTOSO\\alice) to the `*S-1-5-32-555__Members` list (line 4 of GptTmpl.inf), or add *S-1-5-21-1-2-3-1105 (CONTOSO\\alice) to SeRemoteInteractiveLogonRight"
        )
    );
}

/// Through a nested group: the line left the account's group out, so the
/// fix names that group (MS-GPSB 2.2.6; facts doc §9 item 7 for where
/// `__Members` applies).
#[test]
fn a_members_line_that_leaves_out_the_accounts_group_names_the_group() {
    let yaml = "domain_sid: S-1-5-21-1-2-3\ngroups:\n  - name: CONTOSO\\Jump Users\n    sid: S-1-5-21-1-2-3-1108\n    member_of: [BUILTIN\\Remote Desktop Users]\naccounts:\n  - name: CONTOSO\\alice\n    member_of: [CONTOSO\\Jump Users]\n    logon: [remote-interactive]\n  - name: CONTOSO\\bob\n    logon: [remote-interactive]\n";
    let base = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-555\n";
    let hardening = "[Group Membership]\n*S-1-5-32-555__Members = CONTOSO\\bob\n";
    let rules = gplint::rules::RuleSet::builtin().unwrap();
    let findings = gplint::check::check_texts(&[base, hardening], yaml, &rules).unwrap();
    let alice = findings
        .iter()
        .find(|f| f.rule == "GPL101" && f.account.as_deref() == Some("CONTOSO\\alice"))
        .unwrap();
    let removed = alice.removed_by.as_ref().unwrap();
    assert_eq!(removed.file, gplint::finding::FileRef::Template(1));
    assert!(
        alice.help.as_deref().unwrap().starts_with(
            "add *S-1-5-21-1-2-3-1108 (CONTOSO\\Jump Users) to the `*S-1-5-32-555__Members` list"
        ),
        "{:?}",
        alice.help
    );
    // bob is listed, so he is granted; nothing is said about him.
    assert!(
        findings
            .iter()
            .all(|f| f.account.as_deref() != Some("CONTOSO\\bob") || f.rule != "GPL101")
    );
}

/// Only a removal that would have granted the logon is blamed: when the
/// right lists no group the account was in, or a deny right would refuse
/// it anyway, the finding stays as before (MS-GPSB 2.2.6).
#[test]
fn a_members_line_is_not_blamed_when_it_did_not_take_the_grant() {
    let yaml = "accounts:\n  - name: CONTOSO\\alice\n    member_of: [BUILTIN\\Remote Desktop Users]\n    logon: [remote-interactive]\n";
    let rules = gplint::rules::RuleSet::builtin().unwrap();
    let unrelated = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-544\n[Group Membership]\n*S-1-5-32-555__Members =\n";
    let denied = "[Privilege Rights]\nSeRemoteInteractiveLogonRight = *S-1-5-32-555\nSeDenyRemoteInteractiveLogonRight = *S-1-5-32-555\n[Group Membership]\n*S-1-5-32-555__Members =\n";
    for t in [unrelated, denied] {
        let findings = gplint::check::check_texts(&[t], yaml, &rules).unwrap();
        let finding = findings.iter().find(|f| f.rule == "GPL101").unwrap();
        assert!(finding.removed_by.is_none(), "{t}");
        assert!(
            finding
                .message
                .ends_with("holds neither the account nor any of its groups"),
            "{}",
            finding.message
        );
    }
}
