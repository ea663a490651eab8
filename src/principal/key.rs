//! One identity for "the same principal", however it is written.
//!
//! Templates write `*S-1-5-32-544`, `BUILTIN\Administrators` or
//! `Administrators`; expectations write `CONTOSO\svc_sql` with or without a
//! SID. A [`PrincipalKey`] is what both reduce to, so that matching a
//! holder against a token is an equality test.

use std::fmt;

use super::{DOMAIN_RIDS, ResolvedSid, Sid, describe, resolve_name};

/// RIDs of the accounts every machine has in its own SAM.
const MACHINE_ACCOUNT_RIDS: [u32; 4] = [500, 501, 503, 504];

/// A normalised principal identity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PrincipalKey {
    /// A SID known in full.
    Sid(Sid),
    /// A well-known RID of the machine's own SAM (Administrator 500, Guest 501).
    MachineRid(u32),
    /// A well-known RID of the domain (Domain Users 513, Domain Admins 512).
    DomainRid(u32),
    /// A name gplint cannot tie to a SID, upper-cased, without a `.\` prefix.
    Name(String),
}

impl PrincipalKey {
    /// The key of a SID. `domain` is the domain SID the expectations declare
    /// or imply: a domain-relative SID of a well-known domain RID in that
    /// domain (or in any domain, when none is known) becomes a
    /// [`PrincipalKey::DomainRid`], so that `*S-1-5-21-…-513` and
    /// `CONTOSO\Domain Users` are the same group.
    pub fn of_sid(sid: Sid, domain: Option<Sid>) -> PrincipalKey {
        let Some(rid) = sid.rid().filter(|_| sid.is_domain_relative()) else {
            return PrincipalKey::Sid(sid);
        };
        let same_domain = domain.is_none_or(|d| sid.domain() == Some(d));
        let well_known = DOMAIN_RIDS.iter().any(|entry| entry.rid == rid);
        match (well_known, same_domain) {
            (true, true) => PrincipalKey::DomainRid(rid),
            // Another prefix with a built-in account RID is the machine's SAM.
            (true, false) if MACHINE_ACCOUNT_RIDS.contains(&rid) => PrincipalKey::MachineRid(rid),
            _ => PrincipalKey::Sid(sid),
        }
    }

    /// The key of a name: well-known names resolve to their SID or RID,
    /// anything else is kept as a name.
    pub fn of_name(name: &str, domain: Option<Sid>) -> PrincipalKey {
        match resolve_name(name).map(|resolved| resolved.sid) {
            Some(ResolvedSid::Fixed(sid)) => PrincipalKey::of_sid(sid, domain),
            Some(ResolvedSid::MachineRelative(rid)) => PrincipalKey::MachineRid(rid),
            Some(ResolvedSid::DomainRelative(rid)) => PrincipalKey::DomainRid(rid),
            None => PrincipalKey::Name(normal_name(name)),
        }
    }

    /// The key of a `*SID` or name as written in a template or expectations file.
    pub fn of_written(written: &str, domain: Option<Sid>) -> PrincipalKey {
        let bare = written.trim().strip_prefix('*').unwrap_or(written.trim());
        match Sid::parse_quietly(bare) {
            Some(sid) => PrincipalKey::of_sid(sid, domain),
            None => PrincipalKey::of_name(written, domain),
        }
    }

    /// Whether this is a BUILTIN alias (S-1-5-32-x), a local group of every machine.
    pub fn is_builtin_alias(&self) -> bool {
        matches!(self, PrincipalKey::Sid(sid)
            if sid.authority() == 5 && sid.sub_authorities().first() == Some(&32))
    }

    /// A well-known SID key from its text; for tables in code.
    pub fn well_known(sid: &str) -> Option<PrincipalKey> {
        Sid::parse(sid).ok().map(PrincipalKey::Sid)
    }
}

/// Names compare case-insensitively; `.\name` is the machine's `name`.
fn normal_name(name: &str) -> String {
    let name = name.trim();
    name.strip_prefix(".\\").unwrap_or(name).to_uppercase()
}

impl fmt::Display for PrincipalKey {
    /// The name a user recognises: the well-known name, else the SID or name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrincipalKey::Sid(sid) => match describe(sid) {
                Some(known) if !known.name.contains('(') => f.write_str(&known.name),
                _ => write!(f, "{sid}"),
            },
            PrincipalKey::MachineRid(rid) | PrincipalKey::DomainRid(rid) => {
                match DOMAIN_RIDS.iter().find(|entry| entry.rid == *rid) {
                    Some(entry) => f.write_str(entry.name),
                    None => write!(f, "RID {rid}"),
                }
            }
            PrincipalKey::Name(name) => f.write_str(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sid(text: &str) -> Sid {
        Sid::parse(text).unwrap()
    }

    #[test]
    fn sid_and_name_of_a_well_known_group_are_one_key() {
        let by_sid = PrincipalKey::of_written("*S-1-5-32-544", None);
        assert_eq!(
            by_sid,
            PrincipalKey::of_written("BUILTIN\\Administrators", None)
        );
        assert_eq!(by_sid, PrincipalKey::of_written("administrators", None));
        assert!(by_sid.is_builtin_alias());
    }

    #[test]
    fn domain_users_by_sid_and_by_name_are_one_key() {
        let domain = sid("S-1-5-21-1-2-3");
        let by_sid = PrincipalKey::of_written("*S-1-5-21-1-2-3-513", Some(domain));
        assert_eq!(by_sid, PrincipalKey::DomainRid(513));
        assert_eq!(
            by_sid,
            PrincipalKey::of_written("CONTOSO\\Domain Users", Some(domain))
        );
        let other = PrincipalKey::of_written("*S-1-5-21-9-9-9-513", Some(domain));
        assert_eq!(other, PrincipalKey::Sid(sid("S-1-5-21-9-9-9-513")));
    }

    #[test]
    fn guest_of_another_prefix_is_the_machine_guest() {
        let domain = sid("S-1-5-21-1-2-3");
        assert_eq!(
            PrincipalKey::of_written("*S-1-5-21-7-8-9-501", Some(domain)),
            PrincipalKey::MachineRid(501)
        );
        assert_eq!(
            PrincipalKey::of_written("Guest", None),
            PrincipalKey::MachineRid(501)
        );
    }

    #[test]
    fn other_names_compare_case_insensitively() {
        assert_eq!(
            PrincipalKey::of_written("contoso\\svc_sql", None),
            PrincipalKey::of_written("CONTOSO\\SVC_SQL", None)
        );
        assert_eq!(
            PrincipalKey::of_written(".\\breakglass", None),
            PrincipalKey::of_written("breakglass", None)
        );
    }

    #[test]
    fn display_prefers_the_well_known_name() {
        assert_eq!(
            PrincipalKey::of_written("*S-1-1-0", None).to_string(),
            "Everyone"
        );
        assert_eq!(PrincipalKey::DomainRid(513).to_string(), "Domain Users");
    }
}
