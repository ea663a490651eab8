//! The principals of the synthetic domain, as templates and the
//! expectations file write them.

use super::rng::Rng;

/// The domain SID prefix.
pub const DOMAIN: &str = "S-1-5-21-1004336348-1177238915-682003330";
/// The NetBIOS domain name.
pub const NETBIOS: &str = "CONTOSO";
/// Declared accounts.
pub const ACCOUNTS: usize = 1000;
/// Declared groups; the first five are the logon groups, one per logon type.
pub const GROUPS: usize = 200;
/// The five logon types, in the order of the logon groups.
pub const LOGON_TYPES: [&str; 5] = [
    "interactive",
    "network",
    "batch",
    "service",
    "remote-interactive",
];
/// Allow rights, in [`LOGON_TYPES`] order.
pub const ALLOW: [&str; 5] = [
    "SeInteractiveLogonRight",
    "SeNetworkLogonRight",
    "SeBatchLogonRight",
    "SeServiceLogonRight",
    "SeRemoteInteractiveLogonRight",
];
/// Deny rights, in [`LOGON_TYPES`] order.
pub const DENY: [&str; 5] = [
    "SeDenyInteractiveLogonRight",
    "SeDenyNetworkLogonRight",
    "SeDenyBatchLogonRight",
    "SeDenyServiceLogonRight",
    "SeDenyRemoteInteractiveLogonRight",
];
/// Privileges (not logon rights) a template may assign.
pub const PRIVILEGES: [&str; 36] = [
    "SeAssignPrimaryTokenPrivilege",
    "SeAuditPrivilege",
    "SeBackupPrivilege",
    "SeChangeNotifyPrivilege",
    "SeCreateGlobalPrivilege",
    "SeCreatePagefilePrivilege",
    "SeCreatePermanentPrivilege",
    "SeCreateSymbolicLinkPrivilege",
    "SeCreateTokenPrivilege",
    "SeDebugPrivilege",
    "SeDelegateSessionUserImpersonatePrivilege",
    "SeEnableDelegationPrivilege",
    "SeImpersonatePrivilege",
    "SeIncreaseBasePriorityPrivilege",
    "SeIncreaseQuotaPrivilege",
    "SeIncreaseWorkingSetPrivilege",
    "SeLoadDriverPrivilege",
    "SeLockMemoryPrivilege",
    "SeMachineAccountPrivilege",
    "SeManageVolumePrivilege",
    "SeProfileSingleProcessPrivilege",
    "SeRelabelPrivilege",
    "SeRemoteShutdownPrivilege",
    "SeRestorePrivilege",
    "SeSecurityPrivilege",
    "SeShutdownPrivilege",
    "SeSyncAgentPrivilege",
    "SeSystemEnvironmentPrivilege",
    "SeSystemProfilePrivilege",
    "SeSystemtimePrivilege",
    "SeTakeOwnershipPrivilege",
    "SeTcbPrivilege",
    "SeTimeZonePrivilege",
    "SeTrustedCredManAccessPrivilege",
    "SeUndockPrivilege",
    "SeUnsolicitedInputPrivilege",
];
/// Well-known principals, as `*SID` or by name.
const WELL_KNOWN: [&str; 14] = [
    "*S-1-5-32-544",
    "*S-1-5-32-545",
    "*S-1-5-32-551",
    "*S-1-5-19",
    "*S-1-5-20",
    "*S-1-5-6",
    "*S-1-5-11",
    "*S-1-1-0",
    "Administrators",
    "Backup Operators",
    "*S-1-5-32-555",
    "*S-1-5-80-0",
    "*S-1-5-90-0",
    "NT AUTHORITY\\LOCAL SERVICE",
];

/// The RID of declared group `i`.
pub fn group_rid(i: usize) -> usize {
    2000 + i
}

/// The RID of declared account `i`.
pub fn account_rid(i: usize) -> usize {
    5000 + i
}

/// The name of declared group `i`.
pub fn group_name(i: usize) -> String {
    match i {
        0..5 => format!("{NETBIOS}\\Logon-{}", LOGON_TYPES[i]),
        _ => format!("{NETBIOS}\\grp-{i:04}"),
    }
}

/// The name of declared account `i`.
pub fn account_name(i: usize) -> String {
    format!("{NETBIOS}\\svc-{i:04}")
}

/// A domain principal written as `*SID`.
pub fn star_sid(rid: usize) -> String {
    format!("*{DOMAIN}-{rid}")
}

/// Declared group `i`, written by SID or by name at random.
pub fn group_ref(rng: &mut Rng, i: usize) -> String {
    if rng.chance(0.7) {
        star_sid(group_rid(i))
    } else {
        group_name(i)
    }
}

/// A random holder: well-known, a declared group or account, or an
/// undeclared domain SID; names and `*SID`s mixed.
pub fn random_holder(rng: &mut Rng) -> String {
    match rng.range(0, 9) {
        0..=3 => (*rng.pick(&WELL_KNOWN)).to_owned(),
        4..=6 => {
            let i = rng.range(5, GROUPS - 1);
            group_ref(rng, i)
        }
        // Accounts by SID only: gplint resolves an account's name only in
        // the scopes the account is declared for.
        7 => star_sid(account_rid(rng.range(0, ACCOUNTS - 1))),
        _ => star_sid(rng.range(9000, 99_999)),
    }
}

/// A holder that adds no declared account to a logon right, so that
/// expectations break only where the generator means them to.
pub fn narrow_holder(rng: &mut Rng) -> String {
    match rng.range(0, 3) {
        0 => "*S-1-5-32-551".to_owned(),
        1 => "Backup Operators".to_owned(),
        _ => star_sid(rng.range(9000, 99_999)),
    }
}

/// A GPO GUID, braced and upper case.
pub fn guid(rng: &mut Rng) -> String {
    let a = rng.next_u64();
    let b = rng.next_u64();
    format!(
        "{{{:08X}-{:04X}-{:04X}-{:04X}-{:012X}}}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFFF,
        b >> 48,
        b & 0xFFFF_FFFF_FFFF
    )
}
