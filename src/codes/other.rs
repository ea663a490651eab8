//! Codes of their own families, outside Win32: Kerberos failure codes and
//! Task Scheduler's HRESULTs.
//!
//! Sources: Kerberos names and texts are RFC 4120 §7.5.9's (MS-KILE uses
//! them unchanged); what each means on Windows is from the auditing docs
//! for events 4768 and 4771 (windows-itpro-docs `event-4768.md`,
//! `event-4771.md`). Task Scheduler's are learn.microsoft.com "Task
//! Scheduler Error and Success Constants".

use super::table::code;
use super::{Family, OtherEntry};

/// Kerberos failure codes (event 4771's Failure Code) and Task
/// Scheduler HRESULTs.
pub static OTHERS: &[OtherEntry] = &[
    OtherEntry {
        family: Family::Kerberos,
        code: code(
            0x12,
            "KDC_ERR_CLIENT_REVOKED",
            "Clients credentials have been revoked",
        ),
        cause: "The domain controller refuses the account itself: it is disabled, expired or locked out, or outside its logon hours (event-4768.md).",
        events: &[4771],
    },
    OtherEntry {
        family: Family::Kerberos,
        code: code(
            0x17,
            "KDC_ERR_KEY_EXPIRED",
            "Password has expired—change password to reset",
        ),
        cause: "The account's password has expired (event-4771.md); a service or task with a stored password fails until someone sets and stores a new one.",
        events: &[4771],
    },
    OtherEntry {
        family: Family::Kerberos,
        code: code(
            0x18,
            "KDC_ERR_PREAUTH_FAILED",
            "Pre-authentication information was invalid",
        ),
        cause: "The wrong password was provided (event-4771.md): often a service, task or mapped drive still using an old password, which then locks the account out.",
        events: &[4771],
    },
    OtherEntry {
        family: Family::Kerberos,
        code: code(0x25, "KRB_AP_ERR_SKEW", "Clock skew too great"),
        cause: "The client's clock is too far from the domain controller's (5 minutes by default): a time problem, not a right.",
        events: &[4771],
    },
    OtherEntry {
        family: Family::TaskScheduler,
        code: code(
            0x8004_1310,
            "SCHED_E_ACCOUNT_NAME_NOT_FOUND",
            "Unable to establish existence of the account specified.",
        ),
        cause: "Task Scheduler could not find the task's account: a name that names no account (a typo, an account deleted or renamed), or no domain controller to ask.",
        events: &[101],
    },
];
