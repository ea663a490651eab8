//! Tests of the index over exports built by hand, shaped as the readers
//! give them for `contoso-samba-ad.ldif` (DNs in `memberOf`/`member`,
//! `primaryGroupID` left out of `memberOf`, foreign security principals
//! by DN) and for BloodHound (references by SID).

mod groups;
mod names;
mod policy;
mod scale;

use super::*;
use crate::directory::{Origin, Reference};

/// CONTOSO's domain SID.
pub const CONTOSO: &str = "S-1-5-21-1000-2000-3000";
/// FABRIKAM's domain SID.
pub const FABRIKAM: &str = "S-1-5-21-4000-5000-6000";

pub fn sid(text: &str) -> Sid {
    Sid::parse(text).unwrap()
}

/// A domain `dns` (`contoso.test`) with SID `domain_sid`, its DN from
/// the DNS name, and the policy of the corpus LDIF (60 days, 5 tries).
pub fn domain(dns: &str, domain_sid: &str) -> Domain {
    let dn = dns
        .split('.')
        .map(|label| format!("DC={label}"))
        .collect::<Vec<_>>()
        .join(",");
    Domain {
        dns_name: dns.to_owned(),
        netbios_name: None,
        sid: Some(sid(domain_sid)),
        dn: Some(dn),
        max_password_age_days: Some(60),
        lockout_threshold: Some(5),
        origin: Origin::default(),
    }
}

/// An object of `kind` in the domain of `domain_sid` with RID `rid`,
/// under `container` (`CN=Users,DC=contoso,DC=test`).
pub fn object(kind: ObjectKind, sam: &str, container: &str, domain_sid: &str, rid: u32) -> Object {
    let mut object = Object::new(kind, sam.to_owned(), Origin::default());
    let cn = sam.trim_end_matches('$');
    object.dn = Some(format!("CN={cn},{container}"));
    object.sid = sid(domain_sid).with_rid(rid);
    if kind != ObjectKind::Group {
        object.primary_group_rid = Some(513);
    }
    object
}

/// A user of CONTOSO in `CN=Users`, with its UPN and primary group 513.
pub fn user(sam: &str, rid: u32) -> Object {
    let mut user = object(
        ObjectKind::User,
        sam,
        "CN=Users,DC=contoso,DC=test",
        CONTOSO,
        rid,
    );
    user.upn = Some(format!("{sam}@contoso.test"));
    user
}

/// A global group of CONTOSO in `CN=Users`.
pub fn group(sam: &str, rid: u32) -> Object {
    object(
        ObjectKind::Group,
        sam,
        "CN=Users,DC=contoso,DC=test",
        CONTOSO,
        rid,
    )
}

/// `CN=name,CN=Users,DC=contoso,DC=test`, as LDIF references it.
pub fn dn(name: &str) -> Reference {
    Reference::Dn(format!("CN={name},CN=Users,DC=contoso,DC=test"))
}

/// A PSO of `precedence` and `days` applied to `targets`.
pub fn pso(name: &str, precedence: u32, days: i64, targets: Vec<Reference>) -> PasswordSettings {
    PasswordSettings {
        name: name.to_owned(),
        precedence,
        max_password_age_days: days,
        lockout_threshold: 0,
        applies_to: targets,
        origin: Origin::default(),
    }
}

/// CONTOSO as the corpus LDIF has it, reduced: `svc_sql` in `SQL
/// Services` ⊂ `Batch Runners`, `carol` in the `Loop A` ⇄ `Loop B`
/// cycle, `Domain Users`, `BUILTIN\Administrators`, a computer, `SvcPSO`
/// on `SQL Services`.
pub fn contoso() -> Export {
    let mut svc_sql = object(
        ObjectKind::User,
        "svc_sql",
        "OU=Service Accounts,DC=contoso,DC=test",
        CONTOSO,
        1105,
    );
    svc_sql.upn = Some("svc_sql@contoso.test".to_owned());
    svc_sql.member_of = vec![dn("SQL Services")];
    let mut sql = group("SQL Services", 1106);
    sql.members = vec![Reference::Dn(
        "CN=svc_sql,OU=Service Accounts,DC=contoso,DC=test".to_owned(),
    )];
    sql.member_of = vec![dn("Batch Runners")];
    let mut batch = group("Batch Runners", 1107);
    batch.members = vec![dn("SQL Services")];
    let mut carol = user("carol", 1109);
    carol.member_of = vec![dn("Loop A")];
    let mut loop_a = group("Loop A", 1110);
    loop_a.members = vec![dn("Loop B"), dn("carol")];
    loop_a.member_of = vec![dn("Loop B")];
    let mut loop_b = group("Loop B", 1111);
    loop_b.members = vec![dn("Loop A")];
    loop_b.member_of = vec![dn("Loop A")];
    let mut administrators = Object::new(
        ObjectKind::Group,
        "Administrators".to_owned(),
        Origin::default(),
    );
    administrators.dn = Some("CN=Administrators,CN=Builtin,DC=contoso,DC=test".to_owned());
    administrators.sid = Some(sid("S-1-5-32-544"));
    administrators.members = vec![dn("Domain Admins")];
    let mut web01 = object(
        ObjectKind::Computer,
        "WEB01$",
        "OU=Servers,DC=contoso,DC=test",
        CONTOSO,
        1112,
    );
    web01.primary_group_rid = Some(515);
    Export {
        files: vec!["contoso.ldif".to_owned()],
        domains: vec![domain("contoso.test", CONTOSO)],
        objects: vec![
            group("Domain Users", 513),
            group("Domain Admins", 512),
            svc_sql,
            sql,
            batch,
            carol,
            loop_a,
            loop_b,
            administrators,
            web01,
        ],
        password_settings: vec![pso("SvcPSO", 10, 365, vec![dn("SQL Services")])],
    }
}

/// FABRIKAM, another domain with its own `svc_sql` and `Domain Users`.
pub fn fabrikam() -> Export {
    let container = "CN=Users,DC=fabrikam,DC=test";
    Export {
        files: vec!["fabrikam.ldif".to_owned()],
        domains: vec![domain("fabrikam.test", FABRIKAM)],
        objects: vec![
            object(ObjectKind::Group, "Domain Users", container, FABRIKAM, 513),
            object(ObjectKind::User, "svc_sql", container, FABRIKAM, 1105),
        ],
        password_settings: Vec::new(),
    }
}

/// The index of `exports`, no `domain_name:` declared.
pub fn index(exports: Vec<Export>) -> DirectoryIndex {
    DirectoryIndex::new(exports, None)
}

/// The names of entries, as `name_of` gives them.
pub fn names(index: &DirectoryIndex, entries: &[Entry<'_>]) -> Vec<String> {
    entries.iter().map(|&entry| index.name_of(entry)).collect()
}

/// The entry `written` finds, or a panic naming it.
pub fn get<'a>(index: &'a DirectoryIndex, written: &str) -> Entry<'a> {
    index
        .find(written)
        .unwrap_or_else(|| panic!("{written} not found"))
}
