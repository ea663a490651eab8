//! The fixed well-known SIDs and the well-known domain RIDs.
//!
//! Names are what `LookupAccountSid` prints on an English system, so a
//! report can show the same text an administrator sees in secpol.msc.

/// How a principal takes part in logon-right checks (facts doc §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrincipalKind {
    /// Can be the user of a token (a person, service or machine account).
    Account,
    /// Rights apply to tokens that carry it as a group.
    Group,
    /// Stands in for another SID in ACLs; never appears in a token.
    Placeholder,
    /// An integrity level; granting it a right has no effect.
    Label,
}

use PrincipalKind::{Account, Group, Label, Placeholder};

/// A SID with a fixed value on every Windows machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WellKnown {
    /// Canonical string form, e.g. `S-1-5-32-544`.
    pub sid: &'static str,
    /// Full account name, e.g. `BUILTIN\Administrators`.
    pub name: &'static str,
    /// How the principal takes part in rights checks.
    pub kind: PrincipalKind,
}

/// A relative identifier with the same meaning in every domain (and, for
/// 500/501/503/504, in every machine's local SAM).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DomainRid {
    /// The last sub-authority, e.g. 513.
    pub rid: u32,
    /// Account name without the domain, e.g. `Domain Users`.
    pub name: &'static str,
    /// How the principal takes part in rights checks.
    pub kind: PrincipalKind,
}

const fn wk(sid: &'static str, name: &'static str, kind: PrincipalKind) -> WellKnown {
    WellKnown { sid, name, kind }
}

const fn rid(rid: u32, name: &'static str, kind: PrincipalKind) -> DomainRid {
    DomainRid { rid, name, kind }
}

/// Every fixed SID of facts doc §5.
///
/// Windows cannot translate a few of these on an ordinary machine (553, 571,
/// 572 and 582 of BUILTIN); their names here follow the winnt.h meaning so a
/// report still says something useful.
pub static WELL_KNOWN: &[WellKnown] = &[
    wk("S-1-0-0", "NULL SID", Placeholder),
    wk("S-1-1-0", "Everyone", Group),
    wk("S-1-2-0", "LOCAL", Group),
    wk("S-1-2-1", "CONSOLE LOGON", Group),
    wk("S-1-3-0", "CREATOR OWNER", Placeholder),
    wk("S-1-3-1", "CREATOR GROUP", Placeholder),
    wk("S-1-3-2", "CREATOR OWNER SERVER", Placeholder),
    wk("S-1-3-3", "CREATOR GROUP SERVER", Placeholder),
    wk("S-1-3-4", "OWNER RIGHTS", Placeholder),
    wk("S-1-5-1", "NT AUTHORITY\\DIALUP", Group),
    wk("S-1-5-2", "NT AUTHORITY\\NETWORK", Group),
    wk("S-1-5-3", "NT AUTHORITY\\BATCH", Group),
    wk("S-1-5-4", "NT AUTHORITY\\INTERACTIVE", Group),
    wk("S-1-5-6", "NT AUTHORITY\\SERVICE", Group),
    wk("S-1-5-7", "NT AUTHORITY\\ANONYMOUS LOGON", Account),
    wk("S-1-5-8", "NT AUTHORITY\\PROXY", Group),
    wk(
        "S-1-5-9",
        "NT AUTHORITY\\ENTERPRISE DOMAIN CONTROLLERS",
        Group,
    ),
    wk("S-1-5-10", "NT AUTHORITY\\SELF", Placeholder),
    wk("S-1-5-11", "NT AUTHORITY\\Authenticated Users", Group),
    wk("S-1-5-12", "NT AUTHORITY\\RESTRICTED", Group),
    wk("S-1-5-13", "NT AUTHORITY\\TERMINAL SERVER USER", Group),
    wk("S-1-5-14", "NT AUTHORITY\\REMOTE INTERACTIVE LOGON", Group),
    wk("S-1-5-15", "NT AUTHORITY\\This Organization", Group),
    wk("S-1-5-17", "NT AUTHORITY\\IUSR", Account),
    wk("S-1-5-18", "NT AUTHORITY\\SYSTEM", Account),
    wk("S-1-5-19", "NT AUTHORITY\\LOCAL SERVICE", Account),
    wk("S-1-5-20", "NT AUTHORITY\\NETWORK SERVICE", Account),
    wk("S-1-5-32-544", "BUILTIN\\Administrators", Group),
    wk("S-1-5-32-545", "BUILTIN\\Users", Group),
    wk("S-1-5-32-546", "BUILTIN\\Guests", Group),
    wk("S-1-5-32-547", "BUILTIN\\Power Users", Group),
    wk("S-1-5-32-548", "BUILTIN\\Account Operators", Group),
    wk("S-1-5-32-549", "BUILTIN\\Server Operators", Group),
    wk("S-1-5-32-550", "BUILTIN\\Print Operators", Group),
    wk("S-1-5-32-551", "BUILTIN\\Backup Operators", Group),
    wk("S-1-5-32-552", "BUILTIN\\Replicator", Group),
    wk("S-1-5-32-553", "BUILTIN\\RAS Servers", Group),
    wk(
        "S-1-5-32-554",
        "BUILTIN\\Pre-Windows 2000 Compatible Access",
        Group,
    ),
    wk("S-1-5-32-555", "BUILTIN\\Remote Desktop Users", Group),
    wk(
        "S-1-5-32-556",
        "BUILTIN\\Network Configuration Operators",
        Group,
    ),
    wk(
        "S-1-5-32-557",
        "BUILTIN\\Incoming Forest Trust Builders",
        Group,
    ),
    wk("S-1-5-32-558", "BUILTIN\\Performance Monitor Users", Group),
    wk("S-1-5-32-559", "BUILTIN\\Performance Log Users", Group),
    wk(
        "S-1-5-32-560",
        "BUILTIN\\Windows Authorization Access Group",
        Group,
    ),
    wk(
        "S-1-5-32-561",
        "BUILTIN\\Terminal Server License Servers",
        Group,
    ),
    wk("S-1-5-32-562", "BUILTIN\\Distributed COM Users", Group),
    wk("S-1-5-32-568", "BUILTIN\\IIS_IUSRS", Group),
    wk("S-1-5-32-569", "BUILTIN\\Cryptographic Operators", Group),
    wk("S-1-5-32-571", "BUILTIN\\Cacheable Principals Group", Group),
    wk(
        "S-1-5-32-572",
        "BUILTIN\\Non-Cacheable Principals Group",
        Group,
    ),
    wk("S-1-5-32-573", "BUILTIN\\Event Log Readers", Group),
    wk(
        "S-1-5-32-574",
        "BUILTIN\\Certificate Service DCOM Access",
        Group,
    ),
    wk("S-1-5-32-575", "BUILTIN\\RDS Remote Access Servers", Group),
    wk("S-1-5-32-576", "BUILTIN\\RDS Endpoint Servers", Group),
    wk("S-1-5-32-577", "BUILTIN\\RDS Management Servers", Group),
    wk("S-1-5-32-578", "BUILTIN\\Hyper-V Administrators", Group),
    wk(
        "S-1-5-32-579",
        "BUILTIN\\Access Control Assistance Operators",
        Group,
    ),
    wk("S-1-5-32-580", "BUILTIN\\Remote Management Users", Group),
    wk(
        "S-1-5-32-581",
        "BUILTIN\\System Managed Accounts Group",
        Group,
    ),
    wk(
        "S-1-5-32-582",
        "BUILTIN\\Storage Replica Administrators",
        Group,
    ),
    wk("S-1-5-32-583", "BUILTIN\\Device Owners", Group),
    wk("S-1-5-33", "NT AUTHORITY\\WRITE RESTRICTED", Group),
    wk("S-1-5-64-10", "NT AUTHORITY\\NTLM Authentication", Group),
    wk(
        "S-1-5-64-14",
        "NT AUTHORITY\\SChannel Authentication",
        Group,
    ),
    wk("S-1-5-64-21", "NT AUTHORITY\\Digest Authentication", Group),
    wk(
        "S-1-5-65-1",
        "NT AUTHORITY\\This Organization Certificate",
        Group,
    ),
    wk("S-1-5-80-0", "NT SERVICE\\ALL SERVICES", Group),
    wk("S-1-5-83-0", "NT VIRTUAL MACHINE\\Virtual Machines", Group),
    wk(
        "S-1-5-84-0-0-0-0-0",
        "NT AUTHORITY\\USER MODE DRIVERS",
        Account,
    ),
    wk("S-1-5-90-0", "Window Manager\\Window Manager Group", Group),
    wk("S-1-5-96-0", "Font Driver Host\\UMFD", Group),
    wk(
        "S-1-5-99-0",
        "RESTRICTED SERVICES\\ALL RESTRICTED SERVICES",
        Group,
    ),
    wk("S-1-5-113", "NT AUTHORITY\\Local account", Group),
    wk(
        "S-1-5-114",
        "NT AUTHORITY\\Local account and member of Administrators group",
        Group,
    ),
    wk("S-1-5-1000", "NT AUTHORITY\\Other Organization", Group),
    wk(
        "S-1-16-0",
        "Mandatory Label\\Untrusted Mandatory Level",
        Label,
    ),
    wk("S-1-16-4096", "Mandatory Label\\Low Mandatory Level", Label),
    wk(
        "S-1-16-8192",
        "Mandatory Label\\Medium Mandatory Level",
        Label,
    ),
    wk(
        "S-1-16-8448",
        "Mandatory Label\\Medium Plus Mandatory Level",
        Label,
    ),
    wk(
        "S-1-16-12288",
        "Mandatory Label\\High Mandatory Level",
        Label,
    ),
    wk(
        "S-1-16-16384",
        "Mandatory Label\\System Mandatory Level",
        Label,
    ),
    wk(
        "S-1-16-20480",
        "Mandatory Label\\Protected Process Mandatory Level",
        Label,
    ),
    wk(
        "S-1-16-28672",
        "Mandatory Label\\Secure Process Mandatory Level",
        Label,
    ),
];

/// The well-known RIDs under a domain SID (facts doc §5).
pub static DOMAIN_RIDS: &[DomainRid] = &[
    rid(498, "Enterprise Read-only Domain Controllers", Group),
    rid(500, "Administrator", Account),
    rid(501, "Guest", Account),
    rid(502, "krbtgt", Account),
    rid(503, "DefaultAccount", Account),
    rid(504, "WDAGUtilityAccount", Account),
    rid(512, "Domain Admins", Group),
    rid(513, "Domain Users", Group),
    rid(514, "Domain Guests", Group),
    rid(515, "Domain Computers", Group),
    rid(516, "Domain Controllers", Group),
    rid(517, "Cert Publishers", Group),
    rid(518, "Schema Admins", Group),
    rid(519, "Enterprise Admins", Group),
    rid(520, "Group Policy Creator Owners", Group),
    rid(521, "Read-only Domain Controllers", Group),
    rid(522, "Cloneable Domain Controllers", Group),
    rid(525, "Protected Users", Group),
    rid(526, "Key Admins", Group),
    rid(527, "Enterprise Key Admins", Group),
    rid(553, "RAS and IAS Servers", Group),
    rid(571, "Allowed RODC Password Replication Group", Group),
    rid(572, "Denied RODC Password Replication Group", Group),
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::principal::Sid;

    #[test]
    fn every_entry_is_a_canonical_sid_with_a_unique_name() {
        let mut sids = HashSet::new();
        let mut names = HashSet::new();
        for entry in WELL_KNOWN {
            let sid = Sid::parse(entry.sid).unwrap();
            assert_eq!(sid.to_string(), entry.sid, "not canonical");
            assert!(!entry.name.is_empty(), "{} has no name", entry.sid);
            assert!(sids.insert(sid), "{} listed twice", entry.sid);
            assert!(
                names.insert(entry.name.to_uppercase()),
                "{} listed twice",
                entry.name
            );
        }
    }

    #[test]
    fn every_builtin_alias_of_the_facts_doc_is_listed() {
        let listed: HashSet<&str> = WELL_KNOWN.iter().map(|entry| entry.sid).collect();
        let rids = (544..=562).chain(568..=569).chain(571..=583);
        for rid in rids {
            assert!(listed.contains(format!("S-1-5-32-{rid}").as_str()), "{rid}");
        }
    }

    #[test]
    fn domain_rids_are_unique_and_named() {
        let mut rids = HashSet::new();
        let mut names = HashSet::new();
        for entry in DOMAIN_RIDS {
            assert!(!entry.name.is_empty(), "{} has no name", entry.rid);
            assert!(rids.insert(entry.rid), "{} listed twice", entry.rid);
            assert!(
                names.insert(entry.name.to_uppercase()),
                "{} listed twice",
                entry.name
            );
        }
    }

    #[test]
    fn kinds_serialize_in_kebab_case() {
        let json = serde_json::to_string(&[Account, Placeholder]).unwrap();
        assert_eq!(json, r#"["account","placeholder"]"#);
    }
}
