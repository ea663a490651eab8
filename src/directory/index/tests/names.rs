//! Finding objects by every name Windows accepts, naming them back, and
//! the NetBIOS domain name.

use super::*;

#[test]
fn every_name_form_finds_the_object_without_regard_to_case() {
    let index = index(vec![contoso()]);
    let forms = [
        r"CONTOSO\svc_sql",
        r"contoso\SVC_SQL",
        r"contoso.test\svc_sql",
        r"CONTOSO.TEST\Svc_Sql",
        "svc_sql",
        "SVC_SQL",
        "svc_sql@contoso.test",
        "SVC_SQL@Contoso.Test",
        "S-1-5-21-1000-2000-3000-1105",
        "s-1-5-21-1000-2000-3000-1105",
        "CN=svc_sql,OU=Service Accounts,DC=contoso,DC=test",
        "cn=SVC_SQL, ou=service accounts, dc=CONTOSO, dc=test",
        "  CONTOSO\\svc_sql  ",
    ];
    for written in forms {
        let entry = index.find(written);
        let name = entry.map(|e| e.object.sam_account_name.as_str());
        assert_eq!(name, Some("svc_sql"), "{written}");
    }
    assert!(index.find(r"CONTOSO\svc_nobody").is_none());
    assert!(index.find("").is_none());
    assert!(index.find("S-1-5-21-1000-2000-3000-9999").is_none());
}

#[test]
fn by_sid_finds_the_object() {
    let index = index(vec![contoso()]);
    let entry = index.by_sid(&sid("S-1-5-21-1000-2000-3000-1109"));
    assert_eq!(
        entry.map(|e| e.object.sam_account_name.as_str()),
        Some("carol")
    );
    assert!(index.by_sid(&sid("S-1-5-21-1000-2000-3000-1")).is_none());
}

#[test]
fn a_bare_name_two_domains_share_is_ambiguous() {
    let index = index(vec![contoso(), fabrikam()]);
    assert!(index.find("svc_sql").is_none());
    let Lookup::Ambiguous(entries) = index.lookup("SVC_SQL") else {
        panic!("svc_sql should be ambiguous");
    };
    assert_eq!(
        names(&index, &entries),
        [r"CONTOSO\svc_sql", r"FABRIKAM\svc_sql"]
    );
    assert_eq!(
        index.name_of(get(&index, r"fabrikam\svc_sql")),
        r"FABRIKAM\svc_sql"
    );
    assert_eq!(
        index.name_of(get(&index, r"contoso\svc_sql")),
        r"CONTOSO\svc_sql"
    );
    // A name only one domain has stays findable alone.
    assert_eq!(index.name_of(get(&index, "carol")), r"CONTOSO\carol");
    assert!(matches!(index.lookup("nobody"), Lookup::Missing));
}

#[test]
fn the_same_account_in_two_exports_is_not_ambiguous() {
    let index = index(vec![contoso(), contoso()]);
    let entry = get(&index, "svc_sql");
    assert!(
        ptr::eq(entry.export, &index.exports()[0]),
        "first export wins"
    );
    // BUILTIN aliases repeat in every domain's export: one name.
    let administrators = get(&index, "Administrators");
    assert_eq!(index.name_of(administrators), r"BUILTIN\Administrators");
}

#[test]
fn builtin_aliases_are_named_builtin() {
    let index = index(vec![contoso()]);
    let administrators = get(&index, "administrators");
    assert_eq!(index.name_of(administrators), r"BUILTIN\Administrators");
    assert!(index.find(r"builtin\ADMINISTRATORS").is_some());
    assert!(index.find("S-1-5-32-544").is_some());
    assert!(index.find(r"CONTOSO\Administrators").is_none());
    assert_eq!(
        index.name_of(get(&index, "Domain Users")),
        r"CONTOSO\Domain Users"
    );
}

#[test]
fn a_builtin_group_without_a_sid_is_named_by_its_container() {
    let mut export = contoso();
    let mut users = Object::new(ObjectKind::Group, "Users".to_owned(), Origin::default());
    users.dn = Some("CN=Users,CN=Builtin,DC=contoso,DC=test".to_owned());
    export.objects.push(users);
    let index = index(vec![export]);
    assert_eq!(
        index.name_of(get(&index, r"BUILTIN\Users")),
        r"BUILTIN\Users"
    );
}

#[test]
fn netbios_name_comes_from_the_cross_ref_first() {
    let mut export = contoso();
    export.domains[0].netbios_name = Some("CORP".to_owned());
    let index = DirectoryIndex::new(vec![export], Some("DECLARED".to_owned()));
    let (domain, _) = index.domains().next().unwrap();
    assert_eq!(index.netbios_name(domain), "CORP");
    assert_eq!(index.name_of(get(&index, r"corp\svc_sql")), r"CORP\svc_sql");
    assert!(index.find(r"CONTOSO\svc_sql").is_none());
}

#[test]
fn netbios_name_comes_from_services_yaml_when_the_export_has_none() {
    let index = DirectoryIndex::new(vec![contoso()], Some("CTSO".to_owned()));
    let (domain, _) = index.domains().next().unwrap();
    assert_eq!(index.netbios_name(domain), "CTSO");
    assert_eq!(index.name_of(get(&index, r"ctso\svc_sql")), r"CTSO\svc_sql");
}

#[test]
fn netbios_name_falls_back_to_the_first_dns_label() {
    let index = index(vec![contoso()]);
    let (domain, _) = index.domains().next().unwrap();
    assert_eq!(index.netbios_name(domain), "CONTOSO");
}

#[test]
fn a_declared_name_does_not_rename_several_domains() {
    let index = DirectoryIndex::new(vec![contoso(), fabrikam()], Some("CTSO".to_owned()));
    let netbios: Vec<_> = index
        .domains()
        .map(|(d, _)| index.netbios_name(d))
        .collect();
    assert_eq!(netbios, ["CONTOSO", "FABRIKAM"]);
}

#[test]
fn the_domain_of_an_object_is_found_by_sid_then_dn_then_export() {
    let mut two = contoso();
    two.domains.push(domain("fabrikam.test", FABRIKAM));
    let mut by_dn = Object::new(ObjectKind::User, "by_dn".to_owned(), Origin::default());
    by_dn.dn = Some("CN=by_dn,CN=Users,DC=fabrikam,DC=test".to_owned());
    let mut by_sid = user("by_sid", 1200);
    by_sid.sid = sid(FABRIKAM).with_rid(1200);
    two.objects.extend([by_dn, by_sid]);
    let mut alone = fabrikam();
    let bare = Object::new(ObjectKind::User, "bare".to_owned(), Origin::default());
    alone.objects.push(bare);
    let index = index(vec![two, alone]);
    let dns = |written: &str| {
        let (domain, _) = index.domain_of(get(&index, written)).unwrap();
        domain.dns_name.clone()
    };
    assert_eq!(dns("by_dn"), "fabrikam.test");
    assert_eq!(dns("by_sid"), "fabrikam.test", "the SID beats the DN");
    assert_eq!(dns("bare"), "fabrikam.test");
    assert_eq!(dns(r"CONTOSO\svc_sql"), "contoso.test");
}

#[test]
fn an_entry_of_another_index_is_not_taken_for_one_of_this() {
    let one = index(vec![contoso()]);
    let other = index(vec![contoso()]);
    let foreign = get(&other, "svc_sql");
    assert!(one.direct_groups(foreign).is_empty());
    assert!(one.domain_of(foreign).is_none());
    assert!(one.governing_policy(foreign).is_none());
}

#[test]
fn suggestions_are_written_netbios_backslash_sam() {
    let index = index(vec![contoso(), fabrikam()]);
    assert_eq!(
        index.suggest(r"CONTOSO\svc_sqll").as_deref(),
        Some(r"CONTOSO\svc_sql")
    );
    assert_eq!(
        index.suggest(r"fabrikam\svc_sqll").as_deref(),
        Some(r"FABRIKAM\svc_sql")
    );
    assert_eq!(
        index.suggest(r"contoso.test\carrol").as_deref(),
        Some(r"CONTOSO\carol")
    );
    assert_eq!(index.suggest("carrol").as_deref(), Some(r"CONTOSO\carol"));
    assert_eq!(
        index.suggest("carol@contoso.tst").as_deref(),
        Some(r"CONTOSO\carol")
    );
    assert_eq!(
        index.suggest(r"CONTSO\carol").as_deref(),
        Some(r"CONTOSO\carol")
    );
    assert_eq!(
        index.suggest(r"BUILTIN\Administrator").as_deref(),
        Some(r"BUILTIN\Administrators")
    );
    assert_eq!(index.suggest("zzz"), None);
}
