//! The NTSTATUS codes an authentication package returns when it refuses a
//! logon after the rights check, and what a user sees for each.

use crate::logon_type::LogonType;

/// Why the authentication package refuses a logon (the 4625 Sub Status).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubStatus {
    /// `STATUS_ACCOUNT_RESTRICTION`, e.g. a blank password off the console.
    AccountRestriction,
    /// `STATUS_INVALID_LOGON_HOURS`.
    InvalidLogonHours,
    /// `STATUS_INVALID_WORKSTATION`.
    InvalidWorkstation,
    /// `STATUS_PASSWORD_EXPIRED`.
    PasswordExpired,
    /// `STATUS_ACCOUNT_DISABLED`.
    AccountDisabled,
    /// `STATUS_ACCOUNT_LOCKED_OUT`.
    AccountLockedOut,
    /// `STATUS_NO_SUCH_USER`: the name names no account.
    NoSuchUser,
}

impl SubStatus {
    /// The NTSTATUS value.
    pub fn code(self) -> u32 {
        match self {
            SubStatus::AccountRestriction => 0xC000_006E,
            SubStatus::InvalidLogonHours => 0xC000_006F,
            SubStatus::InvalidWorkstation => 0xC000_0070,
            SubStatus::PasswordExpired => 0xC000_0071,
            SubStatus::AccountDisabled => 0xC000_0072,
            SubStatus::AccountLockedOut => 0xC000_0234,
            SubStatus::NoSuchUser => 0xC000_0064,
        }
    }

    /// The NTSTATUS name.
    pub fn name(self) -> &'static str {
        match self {
            SubStatus::AccountRestriction => "STATUS_ACCOUNT_RESTRICTION",
            SubStatus::InvalidLogonHours => "STATUS_INVALID_LOGON_HOURS",
            SubStatus::InvalidWorkstation => "STATUS_INVALID_WORKSTATION",
            SubStatus::PasswordExpired => "STATUS_PASSWORD_EXPIRED",
            SubStatus::AccountDisabled => "STATUS_ACCOUNT_DISABLED",
            SubStatus::AccountLockedOut => "STATUS_ACCOUNT_LOCKED_OUT",
            SubStatus::NoSuchUser => "STATUS_NO_SUCH_USER",
        }
    }

    /// The Win32 error a caller of `LogonUser` or the SCM gets.
    pub fn error(self) -> u32 {
        match self {
            SubStatus::AccountRestriction => 1327,
            SubStatus::InvalidLogonHours => 1328,
            SubStatus::InvalidWorkstation => 1329,
            SubStatus::PasswordExpired => 1330,
            SubStatus::AccountDisabled => 1331,
            SubStatus::AccountLockedOut => 1909,
            // LSA hides an unknown name behind the generic logon failure.
            SubStatus::NoSuchUser => 1326,
        }
    }

    /// The Win32 error's name.
    pub fn error_name(self) -> &'static str {
        match self {
            SubStatus::AccountRestriction => "ERROR_ACCOUNT_RESTRICTION",
            SubStatus::InvalidLogonHours => "ERROR_INVALID_LOGON_HOURS",
            SubStatus::InvalidWorkstation => "ERROR_INVALID_WORKSTATION",
            SubStatus::PasswordExpired => "ERROR_PASSWORD_EXPIRED",
            SubStatus::AccountDisabled => "ERROR_ACCOUNT_DISABLED",
            SubStatus::AccountLockedOut => "ERROR_ACCOUNT_LOCKED_OUT",
            SubStatus::NoSuchUser => "ERROR_LOGON_FAILURE",
        }
    }

    /// `0xC0000072`.
    pub fn hex(self) -> String {
        format!("0x{:08X}", self.code())
    }

    /// The 4625 Status beside this Sub Status: lockout has its own status,
    /// an unknown name the generic failure, the rest the restriction.
    pub fn status(self) -> u32 {
        match self {
            SubStatus::AccountLockedOut => 0xC000_0234,
            SubStatus::NoSuchUser => 0xC000_006D,
            _ => 0xC000_006E,
        }
    }

    /// What a person sees when a logon of this type is refused so; for an
    /// IIS application pool's identity (`app_pool`), what WAS reports.
    pub fn symptom(self, logon_type: LogonType, app_pool: bool) -> String {
        let error = self.error();
        let event = if self.status() == self.code() {
            format!("security event 4625 with Status {}", self.hex())
        } else {
            format!(
                "security event 4625 with Status 0x{:08X} and Sub Status {}",
                self.status(),
                self.hex()
            )
        };
        match logon_type {
            _ if app_pool && logon_type.starts_workloads() => format!(
                "The application pool does not start: WAS logs event 5021 naming error {error}, then events 5057 and 5059 as it disables the pool, and clients get HTTP 503 Service Unavailable; {event}."
            ),
            LogonType::Service => format!(
                "The service does not start: error 1069 (\"The service did not start due to a logon failure\"), event 7000, and event 7038 naming error {error}; {event}."
            ),
            LogonType::Batch => format!(
                "The scheduled task does not run: its Last Run Result is 0x8007{error:04X} (error {error}), with Task Scheduler event 101; {event}."
            ),
            _ => format!("The logon fails with error {error}, and {event}."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disabled_is_1331_and_shows_in_4625() {
        let s = SubStatus::AccountDisabled;
        assert_eq!(s.hex(), "0xC0000072");
        assert_eq!(s.error(), 1331);
        assert!(
            s.symptom(LogonType::Network, false)
                .contains("Status 0xC000006E and Sub Status 0xC0000072")
        );
        assert!(
            SubStatus::PasswordExpired
                .symptom(LogonType::Batch, false)
                .contains("0x80070532")
        );
    }
}
