//! Which holders of a logon right the expectations file should declare:
//! the accounts and groups of a directory or a service, which gplint
//! cannot know. Well-known principals are the same on every machine, so
//! declaring them would add nothing.

use crate::principal::{DOMAIN_RIDS, ResolvedSid, Sid, WELL_KNOWN, resolve_name};

/// `S-1-5-21-…` (domain and machine accounts), `S-1-5-80-…` (services),
/// `S-1-5-82-…` (application pools), `S-1-5-83-…` (virtual machines).
const NON_UNIQUE: u32 = 21;
const SERVICE: u32 = 80;
const APP_POOL: u32 = 82;
const VIRTUAL_MACHINE: u32 = 83;

/// Authorities whose every principal gplint knows: an unknown name under
/// them is a typo (rule GPL301 says so), not something to declare, and
/// the expectations reader refuses it.
const CLOSED_AUTHORITIES: [&str; 2] = ["BUILTIN", "NT AUTHORITY"];

/// Whether a SID names a principal to declare: a domain or machine
/// account or group that is not a well-known RID (512, 513, 500, …), or a
/// service, application pool or virtual machine account.
pub fn sid_to_declare(sid: &Sid) -> bool {
    if sid.authority() != 5 || is_table_entry(sid) {
        return false;
    }
    match sid.sub_authorities().first() {
        Some(&NON_UNIQUE) => sid.is_domain_relative() && !has_well_known_rid(sid),
        Some(&(SERVICE | APP_POOL | VIRTUAL_MACHINE)) => true,
        _ => false,
    }
}

/// Whether a name names a principal to declare: anything gplint cannot
/// tie to a well-known SID, except names under BUILTIN or NT AUTHORITY.
pub fn name_to_declare(name: &str) -> bool {
    match resolve_name(name).map(|resolved| resolved.sid) {
        Some(ResolvedSid::Fixed(sid)) => sid_to_declare(&sid),
        Some(ResolvedSid::MachineRelative(_) | ResolvedSid::DomainRelative(_)) => false,
        None => !under_closed_authority(name),
    }
}

/// Whether the SID is a service, application pool or virtual machine
/// SID, whose account is virtual rather than a directory account.
pub fn is_virtual_sid(sid: &Sid) -> bool {
    sid.authority() == 5
        && matches!(
            sid.sub_authorities().first(),
            Some(&(SERVICE | APP_POOL | VIRTUAL_MACHINE))
        )
}

fn is_table_entry(sid: &Sid) -> bool {
    WELL_KNOWN
        .iter()
        .any(|entry| Sid::parse(entry.sid).is_ok_and(|known| known == *sid))
}

fn has_well_known_rid(sid: &Sid) -> bool {
    sid.rid()
        .is_some_and(|rid| DOMAIN_RIDS.iter().any(|entry| entry.rid == rid))
}

fn under_closed_authority(name: &str) -> bool {
    name.split_once('\\').is_some_and(|(authority, _)| {
        CLOSED_AUTHORITIES
            .iter()
            .any(|closed| closed.eq_ignore_ascii_case(authority.trim()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sid(text: &str) -> Sid {
        Sid::parse(text).unwrap()
    }

    #[test]
    fn domain_accounts_and_services_are_declared() {
        assert!(sid_to_declare(&sid("S-1-5-21-1-2-3-1105")));
        assert!(sid_to_declare(&sid(
            "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"
        )));
        assert!(name_to_declare("CONTOSO\\svc_sql"));
        assert!(name_to_declare("ADD YOUR DOMAIN ADMINS"));
        assert!(name_to_declare("NT SERVICE\\MSSQLSERVER"));
        assert!(name_to_declare("CONTOSO\\gmsa_web$"));
    }

    #[test]
    fn well_known_principals_are_not() {
        for text in [
            "S-1-5-32-544",
            "S-1-5-32-999",
            "S-1-5-20",
            "S-1-5-80-0",
            "S-1-5-114",
            "S-1-1-0",
            "S-1-5-21-1-2-3-513",
            "S-1-5-21-1-2-3-512",
            "S-1-5-21-7-8-9-501",
        ] {
            assert!(!sid_to_declare(&sid(text)), "{text}");
        }
        for name in [
            "Guest",
            "Administrators",
            "BUILTIN\\Remote Desktop Users",
            "NT AUTHORITY\\NETWORK SERVICE",
            "NT SERVICE\\ALL SERVICES",
            "CONTOSO\\Domain Admins",
            "Everyone",
            "BUILTIN\\Administratoren",
            "nt authority\\no such thing",
        ] {
            assert!(!name_to_declare(name), "{name}");
        }
    }
}
