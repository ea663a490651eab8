//! What Windows grants when no template defines a logon right.
//!
//! From Microsoft's user rights reference and real `secedit /export`
//! output (see `windows-logon-facts.md` §7). Where the two disagree the
//! choice is written next to the entry.

use crate::logon_type::LogonType;
use crate::model::Target;
use crate::principal::{PrincipalKey, Sid};
use crate::rights::LogonEffect;

/// One default holder: how to show it, and its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefaultHolder {
    /// As Windows would write it in an export, e.g. `*S-1-5-32-544`.
    pub written: &'static str,
    /// Its identity.
    pub key: PrincipalKey,
}

const ADMINISTRATORS: &str = "*S-1-5-32-544";
const USERS: &str = "*S-1-5-32-545";
const BACKUP_OPERATORS: &str = "*S-1-5-32-551";
const EVERYONE: &str = "*S-1-1-0";
const REMOTE_DESKTOP_USERS: &str = "*S-1-5-32-555";
const ALL_SERVICES: &str = "*S-1-5-80-0";

/// The default holders of a logon right on a target.
pub fn holders(effect: LogonEffect, target: Target) -> Vec<DefaultHolder> {
    written(effect, target)
        .iter()
        .map(|&written| DefaultHolder {
            written,
            key: key_of(written),
        })
        .collect()
}

fn key_of(written: &'static str) -> PrincipalKey {
    match written.strip_prefix('*').map(Sid::parse) {
        Some(Ok(sid)) => PrincipalKey::Sid(sid),
        _ => PrincipalKey::of_name(written, None),
    }
}

fn written(effect: LogonEffect, target: Target) -> &'static [&'static str] {
    use LogonType as L;
    let dc = target == Target::DomainController;
    match effect {
        LogonEffect::Allow(L::Interactive) if dc => &[
            "*S-1-5-32-548",
            ADMINISTRATORS,
            BACKUP_OPERATORS,
            "*S-1-5-32-550",
            "*S-1-5-32-549",
        ],
        LogonEffect::Allow(L::Interactive) => &[ADMINISTRATORS, BACKUP_OPERATORS, USERS],
        LogonEffect::Allow(L::Network) if dc => &[
            EVERYONE,
            ADMINISTRATORS,
            "*S-1-5-11",
            "*S-1-5-9",
            "*S-1-5-32-554",
        ],
        LogonEffect::Allow(L::Network) => &[EVERYONE, ADMINISTRATORS, USERS, BACKUP_OPERATORS],
        // The documentation lists Administrators alone for clients, but
        // exports of every type show Backup Operators and Performance Log
        // Users too; gplint follows the exports.
        LogonEffect::Allow(L::Batch) => &[ADMINISTRATORS, BACKUP_OPERATORS, "*S-1-5-32-559"],
        // Not defined in default templates; every export shows ALL SERVICES.
        // NETWORK SERVICE, LOCAL SERVICE and SYSTEM hold it by definition.
        LogonEffect::Allow(L::Service) => &[ALL_SERVICES],
        LogonEffect::Allow(L::RemoteInteractive) if dc => &[ADMINISTRATORS],
        LogonEffect::Allow(L::RemoteInteractive) => &[ADMINISTRATORS, REMOTE_DESKTOP_USERS],
        LogonEffect::Deny(L::Network) => &["Guest"],
        // "Not defined" in the documentation; Windows 10/11 exports show
        // Guest. gplint follows the documentation: Guest is disabled by
        // default anyway.
        LogonEffect::Deny(_) => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_differ_by_target_where_documented() {
        let member = holders(
            LogonEffect::Allow(LogonType::RemoteInteractive),
            Target::MemberServer,
        );
        let dc = holders(
            LogonEffect::Allow(LogonType::RemoteInteractive),
            Target::DomainController,
        );
        assert_eq!(member.len(), 2);
        assert_eq!(dc.len(), 1);
    }

    #[test]
    fn deny_network_defaults_to_guest() {
        let deny = holders(LogonEffect::Deny(LogonType::Network), Target::Workstation);
        assert_eq!(deny[0].key, PrincipalKey::MachineRid(501));
    }

    #[test]
    fn every_default_resolves_to_a_known_key() {
        for target in [
            Target::Workstation,
            Target::MemberServer,
            Target::DomainController,
        ] {
            for t in LogonType::ALL {
                for effect in [LogonEffect::Allow(t), LogonEffect::Deny(t)] {
                    for holder in holders(effect, target) {
                        assert!(
                            !matches!(holder.key, PrincipalKey::Name(_)),
                            "{}",
                            holder.written
                        );
                    }
                }
            }
        }
    }
}
