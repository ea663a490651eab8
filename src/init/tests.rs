//! Whole files: what `init` writes loads as expectations, with the
//! stubs and scopes the inputs call for.

use std::path::PathBuf;

use super::{GpoInput, Request, services_yaml};
use crate::discover::{Gpo, GpoKind, GpoLink};
use crate::expect::{self, Expectations};
use crate::model::Target;
use crate::principal::Sid;
use crate::syntax;
use crate::template::{self, Template};

fn typed(text: &str) -> Template<'_> {
    template::build(&syntax::parse(text))
}

fn file(path: &str) -> Gpo {
    Gpo::file(std::path::Path::new(path))
}

fn backup(name: &str, links: &[(&str, bool, bool)]) -> Gpo {
    Gpo {
        kind: GpoKind::Backup,
        guid: None,
        backup_id: None,
        name: Some(name.to_owned()),
        root: PathBuf::from("backups").join(name),
        template: Some(PathBuf::from("backups").join(name).join("GptTmpl.inf")),
        links: links
            .iter()
            .map(|&(path, enabled, no_override)| GpoLink {
                som_name: String::new(),
                som_path: path.to_owned(),
                enabled,
                no_override,
            })
            .collect(),
        principal_names: Vec::new(),
    }
}

fn written(gpos: &[Gpo], templates: &[Template<'_>]) -> String {
    let inputs: Vec<GpoInput<'_>> = gpos
        .iter()
        .zip(templates)
        .map(|(gpo, template)| GpoInput {
            gpo,
            name: gpo.name.as_deref().unwrap_or("a.inf"),
            template: Some(template),
        })
        .collect();
    let paths = ["GPOs".to_owned()];
    services_yaml(&Request {
        paths: &paths,
        gpos: &inputs,
        directory: None,
    })
}

fn loaded(text: &str) -> Expectations {
    match expect::load("services.yaml", text) {
        Ok(loaded) => loaded,
        Err(errors) => panic!("{errors:#?}\n{text}"),
    }
}

const QUICKSTART: &str = "[Privilege Rights]\n\
SeNetworkLogonRight = *S-1-5-11,*S-1-5-32-544\n\
SeBatchLogonRight = *S-1-5-32-544,*S-1-5-21-1004336348-1177238915-682003330-1130\n\
SeServiceLogonRight = *S-1-5-20,*S-1-5-21-1004336348-1177238915-682003330-1105,CONTOSO\\gmsa_web$\n\
SeDenyInteractiveLogonRight = Guest,*S-1-5-21-1004336348-1177238915-682003330-1105\n\
SeDenyBatchLogonRight = *S-1-5-21-1004336348-1177238915-682003330-513\n\
SeDenyRemoteInteractiveLogonRight = Guest,ADD YOUR DOMAIN ADMINS,O'Brien \"adm\"\n";

#[test]
fn every_principal_that_is_not_well_known_gets_a_stub_check_accepts() {
    let templates = [typed(QUICKSTART)];
    let text = written(&[file("a.inf")], &templates);
    let expectations = loaded(&text);
    let names: Vec<&str> = expectations
        .accounts
        .iter()
        .map(|a| a.name.value.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "UNRESOLVED\\S-1-5-21-1004336348-1177238915-682003330-1130",
            "UNRESOLVED\\S-1-5-21-1004336348-1177238915-682003330-1105",
            "CONTOSO\\gmsa_web$",
            "ADD YOUR DOMAIN ADMINS",
            "O'Brien \"adm\"",
        ]
    );
    let svc = &expectations.accounts[1];
    assert_eq!(
        svc.sid.as_ref().unwrap().value.to_string(),
        "S-1-5-21-1004336348-1177238915-682003330-1105"
    );
    assert_eq!(
        svc.logon
            .iter()
            .map(|l| l.value.as_str())
            .collect::<Vec<_>>(),
        ["service"]
    );
    assert!(svc.no_logon.is_empty());
    let placeholder = &expectations.accounts[3];
    assert!(placeholder.logon.is_empty());
    assert_eq!(placeholder.no_logon[0].value.as_str(), "remote-interactive");
    assert_eq!(
        expectations.domain_sid.unwrap().value.to_string(),
        "S-1-5-21-1004336348-1177238915-682003330"
    );
    assert!(expectations.scopes.is_empty());
    assert!(
        text.contains("# today: interactive denied by 'a.inf'"),
        "{text}"
    );
    assert!(
        text.contains("#   - SYSVOL copies and template files carry no link"),
        "{text}"
    );
}

#[test]
fn templates_naming_no_one_get_the_example_account() {
    let templates = [typed(
        "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-20,Guest\n",
    )];
    let text = written(&[file("a.inf")], &templates);
    let expectations = loaded(&text);
    assert_eq!(expectations.accounts.len(), 1);
    assert_eq!(expectations.accounts[0].name.value, "CONTOSO\\svc_example");
    assert!(text.contains("EXAMPLE"));
    assert!(text.contains("domain_sid is not set: the logon rights name no domain SID"));
}

#[test]
fn links_become_scopes_and_stubs_are_limited_to_the_scopes_that_name_them() {
    let gpos = [
        backup("Domain", &[("contoso.com", true, true)]),
        backup("Servers", &[("contoso.com/Servers", true, false)]),
        backup("Workstations", &[("contoso.com/Workstations", true, false)]),
        backup("Retired", &[("contoso.com/Servers", false, false)]),
    ];
    let templates = [
        typed("[Privilege Rights]\nSeBatchLogonRight = *S-1-5-32-544\n"),
        typed("[Privilege Rights]\nSeServiceLogonRight = CONTOSO\\svc_sql\n"),
        typed("[Privilege Rights]\nSeRemoteInteractiveLogonRight = CONTOSO\\Helpdesk\n"),
        typed("[Privilege Rights]\nSeServiceLogonRight = CONTOSO\\svc_old\n"),
    ];
    let text = written(&gpos, &templates);
    let expectations = loaded(&text);
    let scopes: Vec<(String, Vec<String>)> = expectations
        .scopes
        .iter()
        .map(|s| {
            (
                s.name.value.clone(),
                s.gpos.iter().map(|g| g.value.clone()).collect(),
            )
        })
        .collect();
    assert_eq!(
        scopes,
        [
            ("contoso.com".to_owned(), vec!["Domain".to_owned()]),
            (
                "contoso.com/Servers".to_owned(),
                vec!["Servers".to_owned(), "Domain".to_owned()]
            ),
            (
                "contoso.com/Workstations".to_owned(),
                vec!["Workstations".to_owned(), "Domain".to_owned()]
            ),
        ]
    );
    assert_eq!(expectations.scopes[2].target, Target::Workstation);
    assert_eq!(expectations.scopes[1].target, Target::MemberServer);
    let sql = &expectations.accounts[0];
    assert_eq!(
        sql.scopes
            .iter()
            .map(|s| s.value.as_str())
            .collect::<Vec<_>>(),
        ["contoso.com/Servers"]
    );
    // Named only by a GPO in no scope: checked everywhere, and said so.
    assert!(expectations.accounts[2].scopes.is_empty());
    assert!(text.contains("#   'Retired': no enabled link"), "{text}");
    assert!(
        text.contains("      - 'Domain'  # linked at contoso.com, enforced"),
        "{text}"
    );
}

fn domain_gpos(expectations: &Expectations) -> Vec<String> {
    match &expectations.domain_policy {
        Some(expect::DomainPolicyDecl::Gpos(gpos)) => {
            gpos.iter().map(|g| g.value.clone()).collect()
        }
        other => panic!("domain_policy: {other:?}"),
    }
}

#[test]
fn the_gpos_linked_at_the_domain_root_become_domain_policy() {
    // Only the domain root's account policy reaches domain accounts
    // (windows-logon-facts.md §9 item 6; KB 255550).
    let gpos = [
        backup("Default Domain Policy", &[("contoso.com", true, false)]),
        backup("Domain Lockout", &[("contoso.com", true, true)]),
        backup("Servers", &[("contoso.com/Servers", true, false)]),
    ];
    let templates = [
        typed("[System Access]\nMaximumPasswordAge = 42\n"),
        typed("[System Access]\nLockoutBadCount = 5\n"),
        typed("[Privilege Rights]\nSeServiceLogonRight = CONTOSO\\svc_sql\n"),
    ];
    let text = written(&gpos, &templates);
    let expectations = loaded(&text);
    assert_eq!(
        domain_gpos(&expectations),
        ["Default Domain Policy", "Domain Lockout"]
    );
    assert!(text.contains("# linked at contoso.com, lowest precedence first:"));
}

#[test]
fn without_one_domain_root_no_domain_policy_is_written() {
    let templates = [typed(QUICKSTART)];
    let text = written(&[file("a.inf")], &templates);
    assert_eq!(loaded(&text).domain_policy, None);
    assert!(!text.contains("domain_policy"), "{text}");
    let gpos = [
        backup("Parent", &[("contoso.com", true, false)]),
        backup("Child", &[("child.contoso.com", true, false)]),
    ];
    let templates = [typed(QUICKSTART), typed(QUICKSTART)];
    let text = written(&gpos, &templates);
    assert_eq!(loaded(&text).domain_policy, None);
    assert!(
        text.contains("# No domain_policy: GPOs are linked at more than one domain root"),
        "{text}"
    );
}

/// GPMC resolved the SID when it wrote the backup's report: the stub
/// takes that name and keeps the SID the templates use.
#[test]
fn a_sid_the_backup_report_names_is_declared_by_that_name() {
    let mut gpo = backup("SQL Baseline", &[]);
    let sid = Sid::parse("S-1-5-21-1004336348-1177238915-682003330-1105").unwrap();
    gpo.principal_names = vec![(sid, "CONTOSO\\svc_sql".to_owned())];
    let templates = [typed(QUICKSTART)];
    let text = written(&[gpo], &templates);
    assert!(
        text.contains("# Named by the GPMC report (gpreport.xml) of SQL Baseline"),
        "{text}"
    );
    let expectations = loaded(&text);
    let svc = &expectations.accounts[1];
    assert_eq!(svc.name.value, "CONTOSO\\svc_sql");
    assert_eq!(svc.sid.as_ref().unwrap().value, sid);
    assert_eq!(
        expectations.accounts[0].name.value,
        "UNRESOLVED\\S-1-5-21-1004336348-1177238915-682003330-1130"
    );
}
