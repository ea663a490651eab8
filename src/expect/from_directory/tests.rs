//! The directory applied to hand-built exports. Tests that look accounts
//! up by name or SID, or follow groups, need the directory index's
//! lookups (issue 17) and are ignored until they land; the filling of an
//! account from its object is tested directly.

use super::facts::{self, Fill};
use super::*;
use crate::directory::{
    Domain, Export, FactLines, Object, ObjectKind, Origin, PasswordSettings, Reference,
    UserAccountControl,
};
use crate::expect::load;
use crate::model::{AccountKind, FactOrigin, Week};
use crate::principal::Sid;

const DOMAIN: &str = "S-1-5-21-1004336348-1177238915-682003330";

fn sid(rid: u32) -> Sid {
    Sid::parse(&format!("{DOMAIN}-{rid}")).unwrap()
}

fn at(line: u32) -> Origin {
    Origin { file: 0, line }
}

fn object(kind: ObjectKind, name: &str, rid: u32, line: u32) -> Object {
    let mut object = Object::new(kind, name.to_owned(), at(line));
    object.sid = Some(sid(rid));
    object.dn = Some(format!("CN={name},CN=Users,DC=contoso,DC=test"));
    object
}

fn group_dn(name: &str) -> Reference {
    Reference::Dn(format!("CN={name},CN=Users,DC=contoso,DC=test"))
}

/// `contoso.ldif`: svc_sql (never expires, in SQL Services, which is in
/// Batch Runners and governed by SvcPSO), svc_reports (logon hours,
/// workstations), svc_disabled, gmsa_web$, and Loop A ⇄ Loop B.
fn contoso() -> Export {
    let mut sql = object(ObjectKind::User, "svc_sql", 1105, 100);
    sql.account_control = Some(UserAccountControl {
        password_never_expires: true,
        ..UserAccountControl::default()
    });
    sql.password_last_set = Some(1_767_225_600); // 2026-01-01
    sql.member_of = vec![group_dn("SQL Services")];
    sql.lines = FactLines {
        account_control: Some(110),
        password_last_set: Some(111),
        member_of: Some(112),
        ..FactLines::default()
    };
    let mut reports = object(ObjectKind::User, "svc_reports", 1104, 200);
    let mut hours = [0u8; 21];
    hours[3..6].copy_from_slice(&[0xC0, 0xFF, 0x0F]); // Monday 06:00-20:00
    reports.logon_hours = Some(hours);
    reports.workstations = vec!["SQL01".to_owned(), "SQL02".to_owned()];
    reports.lines.logon_hours = Some(233);
    reports.lines.workstations = Some(234);
    let mut disabled = object(ObjectKind::User, "svc_disabled", 1107, 300);
    disabled.account_control = Some(UserAccountControl {
        disabled: true,
        ..UserAccountControl::default()
    });
    let mut gmsa = object(ObjectKind::Gmsa, "gmsa_web$", 1110, 400);
    gmsa.password_last_set = Some(1_767_225_600);
    let mut services = object(ObjectKind::Group, "SQL Services", 1200, 500);
    services.member_of = vec![group_dn("Batch Runners")];
    let runners = object(ObjectKind::Group, "Batch Runners", 1201, 600);
    let mut loop_a = object(ObjectKind::Group, "Loop A", 1202, 700);
    loop_a.member_of = vec![group_dn("Loop B")];
    let mut loop_b = object(ObjectKind::Group, "Loop B", 1203, 800);
    loop_b.member_of = vec![group_dn("Loop A")];
    let mut alice = object(ObjectKind::User, "alice", 1300, 900);
    alice.member_of = vec![group_dn("Loop A")];
    Export {
        files: vec!["contoso.ldif".to_owned()],
        domains: vec![Domain {
            dns_name: "contoso.test".to_owned(),
            netbios_name: Some("CONTOSO".to_owned()),
            sid: Some(Sid::parse(DOMAIN).unwrap()),
            dn: Some("DC=contoso,DC=test".to_owned()),
            max_password_age_days: Some(60),
            lockout_threshold: Some(5),
            origin: at(1),
        }],
        objects: vec![
            sql, reports, disabled, gmsa, services, runners, loop_a, loop_b, alice,
        ],
        password_settings: vec![PasswordSettings {
            name: "SvcPSO".to_owned(),
            precedence: 10,
            max_password_age_days: 365,
            lockout_threshold: 0,
            applies_to: vec![group_dn("SQL Services")],
            origin: at(1000),
        }],
    }
}

fn index() -> DirectoryIndex {
    DirectoryIndex::new(vec![contoso()], None)
}

fn loaded(yaml: &str) -> Expectations {
    load("services.yaml", yaml).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// `yaml` with the directory applied, which must raise no error.
fn applied(yaml: &str) -> Expectations {
    let mut expect = loaded(yaml);
    let errors = apply_directory(&mut expect, &index());
    assert!(errors.is_empty(), "{errors:#?}");
    expect
}

/// Fills the first account of `yaml` from the object called `name`,
/// without looking anything up.
fn filled(yaml: &str, name: &str) -> Expectations {
    let mut expect = loaded(yaml);
    let (index, export) = (index(), contoso());
    let object = export.objects.iter().find(|o| o.sam_account_name == name);
    let entry = Entry {
        export: &export,
        object: object.unwrap(),
    };
    let with = Fill {
        index: &index,
        psos_by_hand: false,
        domain_policy_declared: false,
    };
    facts::fill(&mut expect.accounts[0], entry, with);
    expect
}

fn source(expect: &Expectations, fact: &str) -> FactOrigin {
    let account = &expect.accounts[0];
    let found = account.sources.iter().find(|s| s.fact == fact);
    found
        .unwrap_or_else(|| panic!("no {fact} in {:#?}", account.sources))
        .from
        .clone()
}

fn from_directory(place: &str) -> FactOrigin {
    FactOrigin::Directory(place.to_owned())
}

const SQL: &str = "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n";

#[test]
fn a_name_only_account_is_given_its_sid_kind_and_facts_with_their_lines() {
    let expect = filled(SQL, "svc_sql");
    let account = &expect.accounts[0];
    let name_span = account.name.span;
    let sid_written = account.sid.as_ref().unwrap();
    assert_eq!(
        (sid_written.value, sid_written.span),
        (sid(1105), name_span)
    );
    assert_eq!(
        (account.kind, account.kind_inferred),
        (AccountKind::Domain, false)
    );
    let never = account.facts.password_never_expires.as_ref().unwrap();
    assert!(never.value);
    assert_eq!(never.span, name_span);
    let day = account.facts.password_last_set.as_ref().unwrap().value;
    assert_eq!(day.to_string(), "2026-01-01");
    assert_eq!(
        account.facts.disabled.as_ref().map(|d| d.value),
        Some(false)
    );
    assert_eq!(source(&expect, "sid"), from_directory("contoso.ldif:100"));
    assert_eq!(
        source(&expect, "password_never_expires"),
        from_directory("contoso.ldif:110")
    );
    assert_eq!(
        source(&expect, "password_last_set"),
        from_directory("contoso.ldif:111")
    );
}

#[test]
fn values_written_in_services_yaml_win_and_say_where_they_are() {
    let yaml = "accounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-21-1-2-3-4242\n    kind: domain\n    password_never_expires: false\n    logon: [service]\n";
    let expect = filled(yaml, "svc_sql");
    let account = &expect.accounts[0];
    assert_eq!(
        account.sid.as_ref().unwrap().value.to_string(),
        "S-1-5-21-1-2-3-4242"
    );
    assert!(!account.facts.password_never_expires.as_ref().unwrap().value);
    let FactOrigin::File(span) = source(&expect, "password_never_expires") else {
        panic!("not from the file");
    };
    assert_eq!(&yaml[span.start..span.end], "false");
    assert!(matches!(source(&expect, "sid"), FactOrigin::File(_)));
    assert!(matches!(source(&expect, "kind"), FactOrigin::File(_)));
    // What the file leaves out still comes from the directory.
    assert_eq!(
        source(&expect, "password_last_set"),
        from_directory("contoso.ldif:111")
    );
}

#[test]
fn logon_hours_and_workstations_come_from_the_directory_in_utc() {
    let yaml = "accounts:\n  - name: CONTOSO\\svc_reports\n    runs_at: [daily 01:00-03:00]\n    logon: [batch]\n";
    let expect = filled(yaml, "svc_reports");
    let facts = &expect.accounts[0].facts;
    let hours = facts.logon_hours.as_ref().unwrap().value;
    assert_eq!(hours, Week::parse("Mon 06:00-20:00").unwrap());
    let machines: Vec<&str> = facts
        .workstations
        .iter()
        .map(|w| w.value.as_str())
        .collect();
    assert_eq!(machines, ["SQL01", "SQL02"]);
    assert_eq!(
        source(&expect, "logon_hours"),
        from_directory("contoso.ldif:233")
    );
    assert_eq!(
        source(&expect, "workstations"),
        from_directory("contoso.ldif:234")
    );
}

#[test]
fn a_gmsa_is_a_gmsa_without_password_facts_and_a_disabled_account_is_disabled() {
    let gmsa = filled(
        "accounts:\n  - name: CONTOSO\\gmsa_web$\n    logon: [batch]\n",
        "gmsa_web$",
    );
    let account = &gmsa.accounts[0];
    assert_eq!(account.kind, AccountKind::Gmsa);
    assert_eq!(account.facts.password_last_set, None);
    let off = filled(
        "accounts:\n  - name: CONTOSO\\svc_disabled\n    no_logon: [batch]\n",
        "svc_disabled",
    );
    assert_eq!(
        off.accounts[0].facts.disabled.as_ref().map(|d| d.value),
        Some(true)
    );
}

#[test]
fn the_kinds_of_directory_objects() {
    assert_eq!(facts::kind_of(ObjectKind::User), Some(AccountKind::Domain));
    assert_eq!(facts::kind_of(ObjectKind::Gmsa), Some(AccountKind::Gmsa));
    assert_eq!(facts::kind_of(ObjectKind::Smsa), Some(AccountKind::Gmsa));
    assert_eq!(
        facts::kind_of(ObjectKind::Computer),
        Some(AccountKind::Computer)
    );
    assert_eq!(facts::kind_of(ObjectKind::Group), None);
}

#[test]
fn an_account_of_the_directory_s_domain_that_it_lacks_is_an_error() {
    let yaml = "accounts:\n  - name: CONTOSO\\svc_sqll\n    logon: [service]\n  - name: OTHER\\svc_x\n    logon: [service]\n  - service: MSSQLSERVER\n    logon: [service]\n  - name: .\\backup\n    logon: [batch]\n";
    let mut expect = loaded(yaml);
    let errors = apply_directory(&mut expect, &index());
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let error = &errors[0];
    assert_eq!(error.code, crate::diagnostic::Code::ExpectNotInDirectory);
    let span = error.primary_span().unwrap();
    assert_eq!(&yaml[span.start..span.end], "CONTOSO\\svc_sqll");
    assert!(error.message.contains("contoso.ldif"), "{error:#?}");
}

#[test]
fn the_did_you_mean_comes_from_the_directory() {
    let mut expect = loaded("accounts:\n  - name: CONTOSO\\svc_sqll\n    logon: [service]\n");
    let errors = apply_directory(&mut expect, &index());
    let help = errors[0].help.as_deref().unwrap_or_default();
    assert!(help.contains("svc_sql"), "{help}");
}

#[test]
fn groups_are_followed_transitively_and_loops_kept() {
    let expect = applied(
        "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n  - name: CONTOSO\\alice\n    logon: [interactive]\n",
    );
    let member_of: Vec<String> = expect.accounts[0]
        .member_of
        .iter()
        .map(|m| m.value.clone())
        .collect();
    assert_eq!(member_of, [sid(1200).to_string()]);
    let groups: Vec<(&str, Vec<&str>)> = expect
        .groups
        .iter()
        .map(|g| {
            (
                g.name.value.as_str(),
                g.member_of.iter().map(|m| m.value.as_str()).collect(),
            )
        })
        .collect();
    let (b, a, runners) = (
        sid(1203).to_string(),
        sid(1202).to_string(),
        sid(1201).to_string(),
    );
    assert!(
        groups.contains(&("CONTOSO\\SQL Services", vec![runners.as_str()])),
        "{groups:?}"
    );
    assert!(
        groups.contains(&("CONTOSO\\Loop A", vec![b.as_str()])),
        "{groups:?}"
    );
    assert!(
        groups.contains(&("CONTOSO\\Loop B", vec![a.as_str()])),
        "{groups:?}"
    );
    assert_eq!(expect.groups.len(), 4, "{groups:?}");
}

#[test]
fn the_pso_governs_svc_sql_and_the_domain_the_others() {
    let expect = applied(
        "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n  - name: CONTOSO\\svc_reports\n    logon: [batch]\n",
    );
    let pso = expect.accounts[0].facts.password_policy.as_ref().unwrap();
    assert_eq!(pso.max_password_age_days.value, 365);
    assert_eq!(
        source(&expect, "password_policy"),
        from_directory("contoso.ldif:1000")
    );
    let Some(DomainPolicyDecl::Values(domain)) = &expect.domain_policy else {
        panic!("{:?}", expect.domain_policy);
    };
    assert_eq!(domain.max_password_age_days.value, 60);
    assert_eq!(
        expect.domain_sid.as_ref().unwrap().value.to_string(),
        DOMAIN
    );
}

#[test]
fn a_declared_domain_policy_and_pso_win() {
    let expect = applied(
        "domain_policy: {max_password_age_days: 90, lockout_threshold: 0}\naccounts:\n  - name: CONTOSO\\svc_sql\n    password_policy: {max_password_age_days: 30, lockout_threshold: 0}\n    logon: [service]\n",
    );
    let pso = expect.accounts[0].facts.password_policy.as_ref().unwrap();
    assert_eq!(pso.max_password_age_days.value, 30);
    let Some(DomainPolicyDecl::Values(domain)) = &expect.domain_policy else {
        panic!("{:?}", expect.domain_policy);
    };
    assert_eq!(domain.max_password_age_days.value, 90);
}

#[test]
fn every_domain_principal_is_known_by_name_and_sid() {
    let mut expect = loaded(SQL);
    apply_directory(&mut expect, &index());
    assert_eq!(expect.known.len(), contoso().objects.len());
    let runners = expect
        .known
        .iter()
        .find(|k| k.sam_account_name == "Batch Runners");
    let runners = runners.unwrap();
    assert_eq!((runners.sid, runners.group), (sid(1201), true));
}

#[test]
fn template_entries_by_name_resolve_to_directory_principals() {
    let mut expect = loaded(SQL);
    apply_directory(&mut expect, &index());
    // The index's names are `DOMAIN\name` once it lands; by then both
    // forms below are aliases of the SID.
    let known = std::sync::Arc::make_mut(&mut expect.known);
    for principal in known.iter_mut() {
        principal.name = format!("CONTOSO\\{}", principal.sam_account_name);
    }
    let directory = crate::logon::Directory::new(&expect);
    let by_sid = crate::principal::PrincipalKey::Sid(sid(1201));
    for written in [
        "CONTOSO\\Batch Runners",
        "batch runners",
        "*S-1-5-21-1004336348-1177238915-682003330-1201",
    ] {
        assert_eq!(directory.key_of(written), by_sid, "{written}");
    }
    assert!(!directory.is_declared(&directory.key_of("CONTOSO\\svc_x_unknown")));
    assert!(directory.is_declared(&by_sid));
    assert_eq!(directory.display(&by_sid), "CONTOSO\\Batch Runners");
    // A name that is a well-known principal's is not taken over.
    assert_ne!(directory.key_of("Administrator"), by_sid);
}

#[test]
fn directory_and_domain_name_are_read_with_their_spans() {
    let yaml = "directory: [contoso.ldif, bh/]\ndomain_name: CONTOSO\naccounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n";
    let expect = loaded(yaml);
    let paths: Vec<&str> = expect
        .directories
        .iter()
        .map(|d| d.value.as_str())
        .collect();
    assert_eq!(paths, ["contoso.ldif", "bh/"]);
    assert_eq!(expect.domain_name.as_ref().unwrap().value, "CONTOSO");
    let one = loaded(
        "directory: contoso.ldif\naccounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]\n",
    );
    assert_eq!(one.directories.len(), 1);
}
