//! Direct groups from the three places AD keeps memberships, and the
//! transitive closure over nesting and cycles.

use super::*;

fn direct(index: &DirectoryIndex, written: &str) -> Vec<String> {
    names(index, &index.direct_groups(get(index, written)))
}

fn transitive(index: &DirectoryIndex, written: &str) -> Vec<String> {
    names(index, &index.transitive_groups(get(index, written)))
}

/// CONTOSO with `alice` and groups `A`, `B`, `C`, nothing linking them.
fn alice_and_groups() -> Export {
    Export {
        files: vec!["t.ldif".to_owned()],
        domains: vec![domain("contoso.test", CONTOSO)],
        objects: vec![
            group("A", 1101),
            group("B", 1102),
            group("C", 1103),
            group("Domain Users", 513),
            user("alice", 1104),
        ],
        password_settings: Vec::new(),
    }
}

fn alice(export: &mut Export) -> &mut Object {
    export
        .objects
        .iter_mut()
        .find(|o| o.sam_account_name == "alice")
        .unwrap()
}

#[test]
fn member_of_gives_direct_groups() {
    let mut export = alice_and_groups();
    alice(&mut export).primary_group_rid = None;
    alice(&mut export).member_of = vec![dn("B")];
    let index = index(vec![export]);
    assert_eq!(direct(&index, "alice"), [r"CONTOSO\B"]);
}

#[test]
fn a_groups_member_list_gives_direct_groups() {
    let mut export = alice_and_groups();
    alice(&mut export).primary_group_rid = None;
    export.objects[2].members = vec![dn("alice")];
    let index = index(vec![export]);
    assert_eq!(direct(&index, "alice"), [r"CONTOSO\C"]);
}

#[test]
fn members_by_sid_as_bloodhound_writes_them() {
    let mut export = alice_and_groups();
    export.objects[0].members = vec![Reference::Sid(sid("S-1-5-21-1000-2000-3000-1104"))];
    let index = index(vec![export]);
    assert_eq!(
        direct(&index, "alice"),
        [r"CONTOSO\A", r"CONTOSO\Domain Users"]
    );
}

#[test]
fn the_primary_group_is_a_direct_group() {
    let index = index(vec![alice_and_groups()]);
    assert_eq!(direct(&index, "alice"), [r"CONTOSO\Domain Users"]);
}

#[test]
fn the_primary_group_of_an_object_without_a_sid_comes_from_its_domain() {
    let mut export = alice_and_groups();
    alice(&mut export).sid = None;
    let index = index(vec![export]);
    assert_eq!(direct(&index, "alice"), [r"CONTOSO\Domain Users"]);
}

#[test]
fn every_source_together_gives_each_group_once_in_export_order() {
    let mut export = alice_and_groups();
    alice(&mut export).member_of = vec![dn("C"), dn("A"), dn("A")];
    export.objects[0].members = vec![dn("alice")];
    export.objects[1].members = vec![dn("alice")];
    // Domain Users both as the primary group and listing alice.
    export.objects[3].members = vec![dn("alice")];
    let index = index(vec![export]);
    assert_eq!(
        direct(&index, "alice"),
        [
            r"CONTOSO\A",
            r"CONTOSO\B",
            r"CONTOSO\C",
            r"CONTOSO\Domain Users"
        ]
    );
}

#[test]
fn references_outside_the_exports_are_skipped() {
    let mut export = alice_and_groups();
    alice(&mut export).member_of = vec![
        Reference::Dn("CN=Elsewhere,DC=other,DC=test".to_owned()),
        Reference::Sid(sid("S-1-5-21-9-9-9-1000")),
        dn("A"),
    ];
    // An object that is not a group is no one's group.
    alice(&mut export).primary_group_rid = Some(1104);
    let index = index(vec![export]);
    assert_eq!(direct(&index, "alice"), [r"CONTOSO\A"]);
}

#[test]
fn a_foreign_security_principal_resolves_by_its_sid() {
    let mut fabrikam = fabrikam();
    let mut readers = object(
        ObjectKind::Group,
        "Readers",
        "CN=Users,DC=fabrikam,DC=test",
        FABRIKAM,
        1200,
    );
    readers.members = vec![
        // Authenticated Users: not in any export, skipped.
        Reference::Dn("CN=S-1-5-11,CN=ForeignSecurityPrincipals,DC=fabrikam,DC=test".to_owned()),
        // CONTOSO\svc_sql, from the other export.
        Reference::Dn(format!(
            "CN={CONTOSO}-1105,CN=ForeignSecurityPrincipals,DC=fabrikam,DC=test"
        )),
    ];
    fabrikam.objects.push(readers);
    let index = index(vec![contoso(), fabrikam]);
    assert_eq!(
        direct(&index, r"CONTOSO\svc_sql"),
        [
            r"CONTOSO\Domain Users",
            r"CONTOSO\SQL Services",
            r"FABRIKAM\Readers"
        ]
    );
}

#[test]
fn nested_groups_are_reached_transitively() {
    let index = index(vec![contoso()]);
    assert_eq!(
        transitive(&index, "svc_sql"),
        [
            r"CONTOSO\Domain Users",
            r"CONTOSO\SQL Services",
            r"CONTOSO\Batch Runners"
        ]
    );
    assert_eq!(direct(&index, "Batch Runners"), Vec::<String>::new());
}

#[test]
fn a_cycle_ends_with_each_group_once() {
    let index = index(vec![contoso()]);
    assert_eq!(
        transitive(&index, "carol"),
        [
            r"CONTOSO\Domain Users",
            r"CONTOSO\Loop A",
            r"CONTOSO\Loop B"
        ]
    );
    assert_eq!(transitive(&index, "Loop A"), [r"CONTOSO\Loop B"]);
    assert_eq!(direct(&index, "Loop B"), [r"CONTOSO\Loop A"]);
}

#[test]
fn builtin_aliases_hold_domain_groups() {
    let index = index(vec![contoso()]);
    assert_eq!(direct(&index, "Domain Admins"), [r"BUILTIN\Administrators"]);
}
