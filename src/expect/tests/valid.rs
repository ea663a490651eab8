use super::{at, ok};
use crate::logon_type::LogonType;
use crate::model::{AccountKind, Target};

const EXAMPLE: &str = r"target: member-server        # default member-server
groups:
  - name: CONTOSO\SQL Admins
    sid: S-1-5-21-1004336348-1177238915-682003330-1107
    member_of: [BUILTIN\Administrators]
accounts:
  - name: CONTOSO\svc_sql
    sid: S-1-5-21-1004336348-1177238915-682003330-1105
    kind: domain
    member_of: [CONTOSO\SQL Admins, S-1-5-32-555]
    logon: [service]
    no_logon: [interactive, remote-interactive]
    description: SQL Server engine
  - service: MSSQLSERVER
    logon: [service]
";

const MSSQL_SID: &str = "S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003";

#[test]
fn the_documented_example_loads_with_values_and_spans() {
    let loaded = ok(EXAMPLE);
    assert_eq!(loaded.target, Target::MemberServer);
    assert_eq!(at(EXAMPLE, loaded.target_span.unwrap()), "member-server");
    let group = &loaded.groups[0];
    assert_eq!(at(EXAMPLE, group.name.span), "CONTOSO\\SQL Admins");
    assert_eq!(group.sid.as_ref().unwrap().value.rid(), Some(1107));
    assert_eq!(
        at(EXAMPLE, group.member_of[0].span),
        "BUILTIN\\Administrators"
    );
    assert!(at(EXAMPLE, group.span).starts_with("name: CONTOSO\\SQL Admins"));
    assert!(at(EXAMPLE, group.span).ends_with("[BUILTIN\\Administrators]"));
}

#[test]
fn a_full_account_keeps_every_field() {
    let loaded = ok(EXAMPLE);
    let sql = &loaded.accounts[0];
    assert_eq!(sql.name.value, "CONTOSO\\svc_sql");
    assert_eq!(at(EXAMPLE, sql.name.span), "CONTOSO\\svc_sql");
    let sid = sql.sid.as_ref().unwrap();
    assert_eq!(at(EXAMPLE, sid.span), sid.value.to_string());
    assert_eq!((sql.kind, sql.kind_inferred), (AccountKind::Domain, false));
    let member_of: Vec<&str> = sql.member_of.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(member_of, ["CONTOSO\\SQL Admins", "S-1-5-32-555"]);
    assert_eq!(sql.logon[0].value, LogonType::Service);
    assert_eq!(at(EXAMPLE, sql.logon[0].span), "service");
    let denied: Vec<LogonType> = sql.no_logon.iter().map(|t| t.value).collect();
    assert_eq!(
        denied,
        [LogonType::Interactive, LogonType::RemoteInteractive]
    );
    assert_eq!(at(EXAMPLE, sql.no_logon[1].span), "remote-interactive");
    assert_eq!(sql.description.as_deref(), Some("SQL Server engine"));
    assert!(at(EXAMPLE, sql.span).starts_with("name: CONTOSO\\svc_sql"));
    assert!(at(EXAMPLE, sql.span).ends_with("SQL Server engine"));
}

#[test]
fn a_service_entry_is_its_virtual_account_with_computed_sid() {
    let loaded = ok(EXAMPLE);
    let service = &loaded.accounts[1];
    assert_eq!(service.name.value, "NT SERVICE\\MSSQLSERVER");
    assert_eq!(at(EXAMPLE, service.name.span), "MSSQLSERVER");
    let sid = service.sid.as_ref().unwrap();
    assert_eq!(sid.value.to_string(), MSSQL_SID);
    assert_eq!(sid.span, service.name.span);
    assert_eq!(
        (service.kind, service.kind_inferred),
        (AccountKind::Virtual, true)
    );
}

#[test]
fn virtual_names_get_computed_sids_too() {
    let text = "accounts:\n  - name: IIS APPPOOL\\DefaultAppPool\n    logon: [batch]\n  - name: nt service\\mssqlserver\n    logon: [service]\n";
    let loaded = ok(text);
    let pool = loaded.accounts[0].sid.as_ref().unwrap();
    assert!(pool.value.to_string().starts_with("S-1-5-82-3006700770-"));
    assert_eq!(at(text, pool.span), "IIS APPPOOL\\DefaultAppPool");
    let service = loaded.accounts[1].sid.as_ref().unwrap();
    assert_eq!(service.value.to_string(), MSSQL_SID);
}

#[test]
fn a_matching_declared_service_sid_is_kept_with_its_own_span() {
    let text = format!(
        "accounts:\n  - service: MSSQLSERVER\n    sid: '*{MSSQL_SID}'\n    logon: service\n"
    );
    let loaded = ok(&text);
    let sid = loaded.accounts[0].sid.as_ref().unwrap();
    assert_eq!(at(&text, sid.span), format!("'*{MSSQL_SID}'"));
    assert_eq!(loaded.accounts[0].logon.len(), 1);
}

#[test]
fn target_defaults_and_accepts_every_name() {
    let loaded = ok("accounts:\n  - name: svc\n    logon: [batch]\n");
    assert_eq!(
        (loaded.target, loaded.target_span),
        (Target::MemberServer, None)
    );
    for (written, target) in [
        ("workstation", Target::Workstation),
        ("domain-controller", Target::DomainController),
        ("dc", Target::DomainController),
    ] {
        let text = format!("target: {written}\naccounts:\n  - name: svc\n    logon: [batch]\n");
        assert_eq!(ok(&text).target, target);
    }
}

#[test]
fn a_declared_domain_sid_may_carry_a_star() {
    let text = "domain_sid: '*S-1-5-21-1-2-3'\naccounts:\n  - name: svc\n    logon: [batch]\n";
    let domain = ok(text).domain_sid.unwrap();
    assert_eq!(domain.value.to_string(), "S-1-5-21-1-2-3");
    assert_eq!(at(text, domain.span), "'*S-1-5-21-1-2-3'");
}

#[test]
fn the_domain_sid_is_inferred_from_the_first_domain_sid_in_the_text() {
    let text = r"accounts:
  - name: .\backup
    sid: S-1-5-21-9-9-9-1001
    logon: [batch]
  - name: CONTOSO\svc_sql
    sid: S-1-5-21-1-2-3-1105
    logon: [service]
groups:
  - name: CONTOSO\SQL Admins
    sid: S-1-5-21-1-2-3-1107
";
    let domain = ok(text).domain_sid.unwrap();
    assert_eq!(domain.value.to_string(), "S-1-5-21-1-2-3");
    assert_eq!(at(text, domain.span), "S-1-5-21-1-2-3-1105");
}

#[test]
fn without_domain_sids_there_is_no_domain() {
    assert_eq!(
        ok("accounts:\n  - service: W3SVC\n    logon: [service]\n").domain_sid,
        None
    );
}

#[test]
fn spans_are_bytes_in_non_ascii_files() {
    let text = "\u{feff}# Dienstkonten für Müller\r\naccounts:\r\n  - name: MÜLLER\\svc_ärger\r\n    description: \"Jürgen's Dienst\"\r\n    logon: [rdp]\r\n";
    let loaded = ok(text);
    let account = &loaded.accounts[0];
    assert_eq!(at(text, account.name.span), "MÜLLER\\svc_ärger");
    assert_eq!(at(text, account.logon[0].span), "rdp");
    assert_eq!(account.logon[0].value, LogonType::RemoteInteractive);
    assert_eq!(account.description.as_deref(), Some("Jürgen's Dienst"));
}

#[test]
fn undeclared_member_of_names_are_not_errors() {
    let text = "accounts:\n  - name: CONTOSO\\svc\n    member_of: [BUILTIN\\Remote Desktop Users, CONTOSO\\Jump Hosts, '*S-1-5-32-544']\n    logon: [remote-interactive]\n";
    let loaded = ok(text);
    assert_eq!(loaded.accounts[0].member_of.len(), 3);
    assert_eq!(loaded.accounts[0].member_of[2].value, "S-1-5-32-544");
}

#[test]
fn nested_groups_without_a_loop_load() {
    let text = r"groups:
  - name: CONTOSO\A
    member_of: [CONTOSO\B]
  - name: CONTOSO\B
    member_of: [BUILTIN\Administrators]
accounts:
  - name: CONTOSO\svc
    member_of: [contoso\a]
    no_logon: [network]
";
    let loaded = ok(text);
    assert_eq!(loaded.groups.len(), 2);
    assert_eq!(loaded.accounts[0].no_logon[0].value, LogonType::Network);
}

#[test]
fn group_descriptions_are_accepted() {
    let text = "groups:\n  - name: CONTOSO\\A\n    description: jump hosts\naccounts:\n  - name: svc\n    logon: [batch]\n";
    assert_eq!(ok(text).groups[0].name.value, "CONTOSO\\A");
}
