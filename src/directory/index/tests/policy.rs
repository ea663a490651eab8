//! The resultant PSO, as AD constructs `msDS-ResultantPSO` (MS-ADTS
//! 3.1.1.4.5.36; `Get-ADUserResultantPasswordPolicy`), and the domain
//! policy when none applies.

use super::*;

/// What governs `written`: the PSO's name, `domain`, or `none`.
fn governing(index: &DirectoryIndex, written: &str) -> String {
    match index.governing_policy(get(index, written)) {
        Some(Governing::Pso(pso, _)) => pso.name.clone(),
        Some(Governing::Domain(domain, _)) => format!("domain {}", domain.dns_name),
        None => "none".to_owned(),
    }
}

fn with_psos(psos: Vec<PasswordSettings>) -> DirectoryIndex {
    let mut export = contoso();
    export.password_settings = psos;
    index(vec![export])
}

#[test]
fn a_group_pso_governs_its_members() {
    let index = index(vec![contoso()]);
    assert_eq!(governing(&index, "svc_sql"), "SvcPSO");
    let Some(Governing::Pso(pso, _)) = index.governing_policy(get(&index, "svc_sql")) else {
        panic!("svc_sql has a PSO");
    };
    assert_eq!(pso.max_password_age_days, 365);
}

#[test]
fn a_pso_applied_to_the_user_beats_one_through_a_group() {
    let svc_sql = Reference::Dn("CN=svc_sql,OU=Service Accounts,DC=contoso,DC=test".to_owned());
    let index = with_psos(vec![
        pso("Group", 1, 30, vec![dn("SQL Services")]),
        pso("Direct", 50, 90, vec![svc_sql]),
    ]);
    assert_eq!(governing(&index, "svc_sql"), "Direct");
}

#[test]
fn the_lowest_precedence_of_those_applied_to_the_user_wins() {
    let svc = Reference::Sid(sid("S-1-5-21-1000-2000-3000-1105"));
    let index = with_psos(vec![
        pso("Forty", 40, 30, vec![svc.clone()]),
        pso("Twenty", 20, 90, vec![svc]),
    ]);
    assert_eq!(governing(&index, "svc_sql"), "Twenty");
}

#[test]
fn the_lowest_precedence_among_groups_wins() {
    let index = with_psos(vec![
        pso("Thirty", 30, 30, vec![dn("SQL Services")]),
        pso("Twenty", 20, 90, vec![dn("Batch Runners")]),
        pso("Unrelated", 1, 90, vec![dn("Loop A")]),
    ]);
    assert_eq!(governing(&index, "svc_sql"), "Twenty");
}

#[test]
fn a_pso_on_an_outer_group_reaches_members_of_nested_groups() {
    let index = with_psos(vec![pso("Outer", 10, 30, vec![dn("Batch Runners")])]);
    assert_eq!(governing(&index, "svc_sql"), "Outer");
}

#[test]
fn a_pso_on_the_primary_group_counts() {
    let index = with_psos(vec![pso("Everyone", 90, 30, vec![dn("Domain Users")])]);
    assert_eq!(governing(&index, "carol"), "Everyone");
}

#[test]
fn a_pso_through_a_cycle_is_found_and_the_walk_ends() {
    let index = with_psos(vec![pso("Looped", 5, 30, vec![dn("Loop B")])]);
    assert_eq!(governing(&index, "carol"), "Looped");
}

#[test]
fn equal_precedence_goes_to_the_pso_given_first() {
    let index = with_psos(vec![
        pso("First", 10, 30, vec![dn("Batch Runners")]),
        pso("Second", 10, 90, vec![dn("SQL Services")]),
    ]);
    assert_eq!(governing(&index, "svc_sql"), "First");
}

#[test]
fn without_a_pso_the_domain_policy_governs() {
    let index = index(vec![contoso()]);
    assert_eq!(governing(&index, "carol"), "domain contoso.test");
}

#[test]
fn a_domain_without_policy_values_governs_nothing() {
    let mut export = contoso();
    export.domains[0].max_password_age_days = None;
    export.domains[0].lockout_threshold = None;
    let index = index(vec![export]);
    assert_eq!(governing(&index, "carol"), "none");
    assert_eq!(governing(&index, "svc_sql"), "SvcPSO");
}

#[test]
fn computers_and_krbtgt_have_no_pso_and_groups_no_policy() {
    let mut export = contoso();
    export.objects.push(user("krbtgt", 502));
    let computer = Reference::Dn("CN=WEB01,OU=Servers,DC=contoso,DC=test".to_owned());
    export.password_settings = vec![
        pso("Machines", 1, 30, vec![computer]),
        pso("Everyone", 2, 30, vec![dn("Domain Users")]),
    ];
    let index = index(vec![export]);
    assert_eq!(governing(&index, "WEB01$"), "domain contoso.test");
    assert_eq!(governing(&index, "krbtgt"), "domain contoso.test");
    assert_eq!(governing(&index, "carol"), "Everyone");
    assert_eq!(governing(&index, "SQL Services"), "none");
}

#[test]
fn builtin_groups_bring_no_pso() {
    let mut export = contoso();
    let administrators = Reference::Sid(sid("S-1-5-32-544"));
    export.password_settings = vec![pso("Builtin", 1, 30, vec![administrators])];
    export.objects.push({
        let mut admin = user("admin", 500);
        admin.member_of = vec![dn("Domain Admins")];
        admin
    });
    let index = index(vec![export]);
    assert_eq!(governing(&index, "admin"), "domain contoso.test");
}
