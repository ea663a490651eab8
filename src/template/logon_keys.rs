//! The settings of a template the logon model reads, by name: the
//! `[System Access]` keys of the account and password policies and the
//! `[Registry Values]` paths of the LSA and Remote Desktop switches.
//!
//! They are named here, with the template, rather than with the policy
//! that folds them, because the template stage needs the list first:
//! [`build_logon`](super::build_logon) keeps only these of a large
//! export, and [`crate::policy`] reads them from what was kept. One list
//! both stages use means a key the policy reads cannot be dropped.

/// The `[System Access]` key of the maximum password age, in days.
pub const MAX_PASSWORD_AGE: &str = "MaximumPasswordAge";
/// The `[System Access]` key of the lockout threshold.
pub const LOCKOUT_BAD_COUNT: &str = "LockoutBadCount";

/// The `[System Access]` keys the account and password policies read.
const SYSTEM_ACCESS_KEYS: [&str; 7] = [
    "EnableGuestAccount",
    "EnableAdminAccount",
    "NewGuestName",
    "NewAdministratorName",
    MAX_PASSWORD_AGE,
    LOCKOUT_BAD_COUNT,
    "ForceLogoffWhenHourExpire",
];

/// `[Registry Values]` path of "Accounts: Limit local account use of blank
/// passwords to console logon only".
pub const LIMIT_BLANK_PASSWORD_USE: &str =
    "MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\LimitBlankPasswordUse";
/// `[Registry Values]` path of "Network access: Sharing and security model
/// for local accounts".
pub const FORCE_GUEST: &str = "MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\ForceGuest";

/// `[Registry Values]` path of the Group Policy setting "Require user
/// authentication for remote connections by using Network Level
/// Authentication".
pub const NLA_POLICY: &str =
    "MACHINE\\Software\\Policies\\Microsoft\\Windows NT\\Terminal Services\\UserAuthentication";
/// `[Registry Values]` path of the RDP listener's own NLA setting.
pub const NLA_LISTENER: &str = "MACHINE\\System\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp\\UserAuthentication";

/// The `[Registry Values]` paths the logon model reads.
const REGISTRY_VALUES: [&str; 4] = [
    LIMIT_BLANK_PASSWORD_USE,
    FORCE_GUEST,
    NLA_POLICY,
    NLA_LISTENER,
];

/// Whether the account policy reads this `[System Access]` key: what a
/// template kept for the logon model must not drop. Keeping only these
/// makes each chain's lookups cost the few keys read, not the size of
/// the section, however many chains read the template.
pub fn reads_system_access(key: &str) -> bool {
    SYSTEM_ACCESS_KEYS
        .iter()
        .any(|known| known.eq_ignore_ascii_case(key))
}

/// Whether the logon model reads the registry value at `path`: what a
/// template kept for the logon model must not drop.
pub fn reads_registry_value(path: &str) -> bool {
    REGISTRY_VALUES
        .iter()
        .any(|known| known.eq_ignore_ascii_case(path.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_paths_compare_without_case() {
        assert!(reads_system_access("maximumpasswordage"));
        assert!(!reads_system_access("MinimumPasswordLength"));
        assert!(reads_registry_value(&format!(
            " {} ",
            FORCE_GUEST.to_lowercase()
        )));
        assert!(reads_registry_value(NLA_LISTENER));
        assert!(!reads_registry_value(
            "MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\NoLMHash"
        ));
    }
}
