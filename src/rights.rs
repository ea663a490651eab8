//! The table of user rights and privileges that `[Privilege Rights]` assigns.

use serde::Serialize;

use crate::logon_type::LogonType;

/// Whether a right decides who may log on, or is a privilege held once logged on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RightKind {
    /// One of the ten allow/deny logon rights.
    LogonRight,
    /// A privilege in the token (`Se…Privilege`).
    Privilege,
}

/// What a logon right does to one logon type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "effect", content = "logon-type")]
pub enum LogonEffect {
    /// Holding the right is required for the logon type.
    Allow(LogonType),
    /// Holding the right blocks the logon type, whatever allows it.
    Deny(LogonType),
}

/// One user right or privilege.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RightInfo {
    /// The name used in templates, e.g. `SeServiceLogonRight`.
    pub constant: &'static str,
    /// The name Group Policy editors show, e.g. "Log on as a service".
    pub display_name: &'static str,
    /// Logon right or privilege.
    pub kind: RightKind,
    /// For logon rights, the logon type allowed or denied.
    pub logon: Option<LogonEffect>,
    /// Whether Windows no longer uses the right.
    pub obsolete: bool,
}

const fn logon(
    constant: &'static str,
    display_name: &'static str,
    effect: LogonEffect,
) -> RightInfo {
    RightInfo {
        constant,
        display_name,
        kind: RightKind::LogonRight,
        logon: Some(effect),
        obsolete: false,
    }
}

const fn privilege(constant: &'static str, display_name: &'static str) -> RightInfo {
    RightInfo {
        constant,
        display_name,
        kind: RightKind::Privilege,
        logon: None,
        obsolete: false,
    }
}

const fn obsolete(info: RightInfo) -> RightInfo {
    RightInfo {
        obsolete: true,
        ..info
    }
}

use LogonEffect::{Allow, Deny};
use LogonType::{Batch, Interactive, Network, RemoteInteractive, Service};

/// The table; the logon rights come first so [`allow_right`] and
/// [`deny_right`] can index it with constants checked at compile time.
static TABLE: [RightInfo; 46] = [
    logon(
        "SeInteractiveLogonRight",
        "Allow log on locally",
        Allow(Interactive),
    ),
    logon(
        "SeNetworkLogonRight",
        "Access this computer from the network",
        Allow(Network),
    ),
    logon("SeBatchLogonRight", "Log on as a batch job", Allow(Batch)),
    logon("SeServiceLogonRight", "Log on as a service", Allow(Service)),
    logon(
        "SeRemoteInteractiveLogonRight",
        "Allow log on through Remote Desktop Services",
        Allow(RemoteInteractive),
    ),
    logon(
        "SeDenyInteractiveLogonRight",
        "Deny log on locally",
        Deny(Interactive),
    ),
    logon(
        "SeDenyNetworkLogonRight",
        "Deny access to this computer from the network",
        Deny(Network),
    ),
    logon(
        "SeDenyBatchLogonRight",
        "Deny log on as a batch job",
        Deny(Batch),
    ),
    logon(
        "SeDenyServiceLogonRight",
        "Deny log on as a service",
        Deny(Service),
    ),
    logon(
        "SeDenyRemoteInteractiveLogonRight",
        "Deny log on through Remote Desktop Services",
        Deny(RemoteInteractive),
    ),
    privilege(
        "SeTrustedCredManAccessPrivilege",
        "Access Credential Manager as a trusted caller",
    ),
    privilege("SeTcbPrivilege", "Act as part of the operating system"),
    privilege("SeMachineAccountPrivilege", "Add workstations to domain"),
    privilege(
        "SeIncreaseQuotaPrivilege",
        "Adjust memory quotas for a process",
    ),
    privilege("SeBackupPrivilege", "Back up files and directories"),
    privilege("SeChangeNotifyPrivilege", "Bypass traverse checking"),
    privilege("SeSystemtimePrivilege", "Change the system time"),
    privilege("SeTimeZonePrivilege", "Change the time zone"),
    privilege("SeCreatePagefilePrivilege", "Create a pagefile"),
    privilege("SeCreateTokenPrivilege", "Create a token object"),
    privilege("SeCreateGlobalPrivilege", "Create global objects"),
    privilege(
        "SeCreatePermanentPrivilege",
        "Create permanent shared objects",
    ),
    privilege("SeCreateSymbolicLinkPrivilege", "Create symbolic links"),
    privilege("SeDebugPrivilege", "Debug programs"),
    privilege(
        "SeEnableDelegationPrivilege",
        "Enable computer and user accounts to be trusted for delegation",
    ),
    privilege(
        "SeRemoteShutdownPrivilege",
        "Force shutdown from a remote system",
    ),
    privilege("SeAuditPrivilege", "Generate security audits"),
    privilege(
        "SeImpersonatePrivilege",
        "Impersonate a client after authentication",
    ),
    privilege(
        "SeIncreaseWorkingSetPrivilege",
        "Increase a process working set",
    ),
    privilege(
        "SeIncreaseBasePriorityPrivilege",
        "Increase scheduling priority",
    ),
    privilege("SeLoadDriverPrivilege", "Load and unload device drivers"),
    privilege("SeLockMemoryPrivilege", "Lock pages in memory"),
    privilege("SeSecurityPrivilege", "Manage auditing and security log"),
    privilege("SeRelabelPrivilege", "Modify an object label"),
    privilege(
        "SeSystemEnvironmentPrivilege",
        "Modify firmware environment values",
    ),
    privilege(
        "SeDelegateSessionUserImpersonatePrivilege",
        "Obtain an impersonation token for another user in the same session",
    ),
    privilege(
        "SeManageVolumePrivilege",
        "Perform volume maintenance tasks",
    ),
    privilege("SeProfileSingleProcessPrivilege", "Profile single process"),
    privilege("SeSystemProfilePrivilege", "Profile system performance"),
    privilege("SeUndockPrivilege", "Remove computer from docking station"),
    privilege(
        "SeAssignPrimaryTokenPrivilege",
        "Replace a process level token",
    ),
    privilege("SeRestorePrivilege", "Restore files and directories"),
    privilege("SeShutdownPrivilege", "Shut down the system"),
    privilege("SeSyncAgentPrivilege", "Synchronize directory service data"),
    privilege(
        "SeTakeOwnershipPrivilege",
        "Take ownership of files or other objects",
    ),
    obsolete(privilege(
        "SeUnsolicitedInputPrivilege",
        "Read unsolicited input from a terminal device",
    )),
];

/// Every known user right and privilege: the ten logon rights first, then
/// the privileges, then obsolete ones.
pub static RIGHTS: &[RightInfo] = &TABLE;

/// The right named `name`, ignoring ASCII case (exports contain
/// `seservicelogonright`). Does not trim or allocate.
pub fn lookup(name: &str) -> Option<&'static RightInfo> {
    RIGHTS
        .iter()
        .find(|r| r.constant.eq_ignore_ascii_case(name))
}

/// The right a logon of type `t` requires.
pub fn allow_right(t: LogonType) -> &'static RightInfo {
    match t {
        Interactive => &TABLE[0],
        Network => &TABLE[1],
        Batch => &TABLE[2],
        Service => &TABLE[3],
        RemoteInteractive => &TABLE[4],
    }
}

/// The right that blocks a logon of type `t`.
pub fn deny_right(t: LogonType) -> &'static RightInfo {
    match t {
        Interactive => &TABLE[5],
        Network => &TABLE[6],
        Batch => &TABLE[7],
        Service => &TABLE[8],
        RemoteInteractive => &TABLE[9],
    }
}

/// The known right `name` is probably a typo of. An exact match in other
/// case returns that right's proper spelling.
pub fn suggest(name: &str) -> Option<&'static str> {
    crate::suggest::did_you_mean(name, RIGHTS.iter().map(|r| r.constant))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn constants_are_unique_ignoring_case() {
        let names: HashSet<String> = RIGHTS
            .iter()
            .map(|r| r.constant.to_ascii_lowercase())
            .collect();
        assert_eq!(names.len(), RIGHTS.len());
    }

    #[test]
    fn ten_logon_rights_one_allow_and_deny_per_type() {
        let logon: Vec<_> = RIGHTS
            .iter()
            .filter(|r| r.kind == RightKind::LogonRight)
            .collect();
        assert_eq!(logon.len(), 10);
        for t in LogonType::ALL {
            let allows = logon.iter().filter(|r| r.logon == Some(Allow(t))).count();
            let denies = logon.iter().filter(|r| r.logon == Some(Deny(t))).count();
            assert_eq!((allows, denies), (1, 1), "{t}");
            assert_eq!(allow_right(t).logon, Some(Allow(t)));
            assert_eq!(deny_right(t).logon, Some(Deny(t)));
        }
        assert!(
            RIGHTS
                .iter()
                .all(|r| (r.kind == RightKind::LogonRight) == r.logon.is_some())
        );
    }

    #[test]
    fn lookup_ignores_case() {
        let right = lookup("seservicelogonright").unwrap();
        assert_eq!(right.constant, "SeServiceLogonRight");
        assert!(std::ptr::eq(right, allow_right(Service)));
        assert_eq!(
            lookup("SEDEBUGPRIVILEGE").unwrap().display_name,
            "Debug programs"
        );
        assert!(lookup("SeServiceLogonRight ").is_none());
        assert!(lookup("SeMadeUpPrivilege").is_none());
    }

    #[test]
    fn newer_and_obsolete_rights_are_known() {
        assert!(
            !lookup("SeDelegateSessionUserImpersonatePrivilege")
                .unwrap()
                .obsolete
        );
        assert!(lookup("SeUnsolicitedInputPrivilege").unwrap().obsolete);
        assert_eq!(RIGHTS.iter().filter(|r| r.obsolete).count(), 1);
    }

    #[test]
    fn suggest_finds_typos_only() {
        assert_eq!(suggest("SeServiceLogonRigth"), Some("SeServiceLogonRight"));
        assert_eq!(
            suggest("SeDenyNetworkLogonRigth"),
            Some("SeDenyNetworkLogonRight")
        );
        assert_eq!(suggest("SeDebugPriviledge"), Some("SeDebugPrivilege"));
        assert_eq!(suggest("Foo"), None);
    }

    #[test]
    fn serializes_logon_effect_with_tag() {
        let json = serde_json::to_value(allow_right(RemoteInteractive)).unwrap();
        assert_eq!(json["logon"]["effect"], "allow");
        assert_eq!(json["logon"]["logon-type"], "remote-interactive");
        assert_eq!(json["kind"], "logon-right");
    }
}
