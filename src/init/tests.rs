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

// ---- init with a directory export (issue 17 point 4) ----

mod with_directory {
    use super::*;
    use crate::directory::{
        DirectoryIndex, Domain, Export, Object, ObjectKind, Origin, Reference, UserAccountControl,
    };
    use crate::init::DirectoryRequest;

    const DOMAIN: &str = "S-1-5-21-1004336348-1177238915-682003330";

    fn object(kind: ObjectKind, sam: &str, rid: u32, line: u32) -> Object {
        let mut object = Object::new(kind, sam.to_owned(), Origin { file: 0, line });
        object.dn = Some(format!(
            "CN={},CN=Users,DC=contoso,DC=test",
            sam.trim_end_matches('$')
        ));
        object.sid = Sid::parse(DOMAIN).unwrap().with_rid(rid);
        object.account_control = Some(UserAccountControl::default());
        object
    }

    /// CONTOSO as the quickstart's SIDs have it: svc_sql (1105), the
    /// batch group 1130 with svc_reports in it, a gMSA, an account with
    /// an SPN, a disabled one with an SPN, and a plain user.
    fn index() -> DirectoryIndex {
        let mut export = Export {
            files: vec!["contoso.ldif".to_owned()],
            ..Export::default()
        };
        export.domains.push(Domain {
            dns_name: "contoso.test".to_owned(),
            netbios_name: None,
            sid: Some(Sid::parse(DOMAIN).unwrap()),
            dn: Some("DC=contoso,DC=test".to_owned()),
            max_password_age_days: Some(60),
            lockout_threshold: Some(5),
            origin: Origin { file: 0, line: 3 },
        });
        export
            .objects
            .push(object(ObjectKind::User, "svc_sql", 1105, 10));
        export
            .objects
            .push(object(ObjectKind::Group, "Batch Runners", 1130, 20));
        let mut reports = object(ObjectKind::User, "svc_reports", 1110, 30);
        reports.member_of = vec![Reference::Dn(
            "CN=Batch Runners,CN=Users,DC=contoso,DC=test".to_owned(),
        )];
        export.objects.push(reports);
        export
            .objects
            .push(object(ObjectKind::Gmsa, "gmsa_web$", 1120, 40));
        let mut backup = object(ObjectKind::User, "svc_backup", 1121, 50);
        backup.has_spn = true;
        export.objects.push(backup);
        let mut old = object(ObjectKind::User, "svc_old", 1122, 60);
        old.has_spn = true;
        old.account_control = Some(UserAccountControl {
            disabled: true,
            ..UserAccountControl::default()
        });
        export.objects.push(old);
        export
            .objects
            .push(object(ObjectKind::User, "alice", 1123, 70));
        export
            .objects
            .push(object(ObjectKind::Computer, "WEB01$", 1124, 80));
        export
            .objects
            .push(object(ObjectKind::Gmsa, "gmsa_app$", 1125, 90));
        DirectoryIndex::new(vec![export], None)
    }

    fn written_with(index: &DirectoryIndex) -> String {
        let gpo = file("a.inf");
        let templates = [typed(QUICKSTART)];
        let inputs = [GpoInput {
            gpo: &gpo,
            name: "a.inf",
            template: Some(&templates[0]),
        }];
        let paths = ["GPOs".to_owned()];
        let exports = ["contoso.ldif".to_owned()];
        services_yaml(&Request {
            paths: &paths,
            gpos: &inputs,
            directory: Some(DirectoryRequest {
                index,
                paths: &exports,
            }),
        })
    }

    #[test]
    fn sids_take_their_directory_names_and_need_no_sid() {
        let index = index();
        let text = written_with(&index);
        assert!(
            !text.contains("UNRESOLVED\\S-1-5-21-1004336348-1177238915-682003330-1105"),
            "{text}"
        );
        assert!(text.contains("  - name: 'CONTOSO\\svc_sql'\n"), "{text}");
        assert!(
            text.contains("  - name: 'CONTOSO\\Batch Runners'\n"),
            "{text}"
        );
        assert!(
            !text.contains("sid: S-1-5-21-1004336348-1177238915-682003330-1105"),
            "{text}"
        );
        assert!(text.contains("directory: ['contoso.ldif']"), "{text}");
    }

    #[test]
    fn the_domain_object_gives_domain_policy() {
        let text = written_with(&index());
        assert!(
            text.contains("domain_policy: {max_password_age_days: 60, lockout_threshold: 5}"),
            "{text}"
        );
        assert!(text.contains("(contoso.ldif:3)"), "{text}");
    }

    #[test]
    fn service_accounts_are_proposed_and_others_are_not() {
        let text = written_with(&index());
        let proposed = text
            .split("proposed")
            .nth(1)
            .unwrap_or_else(|| panic!("no proposals:\n{text}"));
        assert!(proposed.contains("# has a servicePrincipalName\n  - name: 'CONTOSO\\svc_backup'  # contoso.ldif:50\n    logon: [service]"), "{text}");
        assert!(
            proposed.contains("# in CONTOSO\\Batch Runners, granted batch by 'a.inf'"),
            "{text}"
        );
        assert!(
            proposed
                .contains("- name: 'CONTOSO\\svc_reports'  # contoso.ldif:30\n    logon: [batch]"),
            "{text}"
        );
        assert!(proposed.contains("# a managed service account\n  - name: 'CONTOSO\\gmsa_app$'  # contoso.ldif:90\n    logon: [service]"), "{text}");
        // The gMSA is proposed only when no logon right names it: the
        // quickstart's right does, so it is a stub above.
        for absent in ["svc_old", "alice", "WEB01$", "svc_sql", "gmsa_web$"] {
            assert!(!proposed.contains(absent), "{absent} proposed:\n{text}");
        }
    }
}
