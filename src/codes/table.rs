//! The codes and events a failed logon shows, with their texts
//! (`windows-logon-facts.md` §2; winerror.h, MS-ERREF, netevent.mc).

use super::{Code, ErrorEntry, EventEntry};

const fn code(value: u32, name: &'static str, text: &'static str) -> Code {
    Code { value, name, text }
}

/// Win32 errors, each with the NTSTATUS it comes from, if any.
pub static ERRORS: &[ErrorEntry] = &[
    ErrorEntry {
        win32: code(
            1385,
            "ERROR_LOGON_TYPE_NOT_GRANTED",
            "Logon failure: the user has not been granted the requested logon type at this computer.",
        ),
        ntstatus: Some(code(
            0xC000_015B,
            "STATUS_LOGON_TYPE_NOT_GRANTED",
            "A user has requested a type of logon (for example, interactive or network) that has not been granted. An administrator has control over who may logon interactively and through the network.",
        )),
        cause: "The account lacks the user right for this logon type (Log on as a service, as a batch job, locally, through Remote Desktop, from the network), or holds the matching Deny right. A GPO that defines the right replaces its whole list.",
        events: &[4625, 7041, 7000, 101],
    },
    ErrorEntry {
        win32: code(
            1380,
            "ERROR_LOGON_NOT_GRANTED",
            "Logon failure: the user has not been granted the requested logon type at this computer.",
        ),
        ntstatus: Some(code(
            0xC000_0155,
            "STATUS_LOGON_NOT_GRANTED",
            "A requested type of logon (for example, interactive, network, and service) is not granted by the local security policy of the target system. Ask the system administrator to grant the necessary form of logon.",
        )),
        cause: "The same text as 1385 and, in practice, the same cause: a missing or denied logon right. gplint predicts 1385; read 1380 as a synonym.",
        events: &[4625],
    },
    ErrorEntry {
        win32: code(
            1327,
            "ERROR_ACCOUNT_RESTRICTION",
            "Logon failure: user account restriction. Possible reasons are blank passwords not allowed, logon hour restrictions, or a policy restriction has been enforced.",
        ),
        ntstatus: Some(code(
            0xC000_006E,
            "STATUS_ACCOUNT_RESTRICTION",
            "Indicates a referenced user name and authentication information are valid, but some user account restriction has prevented successful authentication (such as time-of-day restrictions).",
        )),
        cause: "The rights allowed the logon, but an account restriction refused it; the 4625 Sub Status says which. Alone, usually a local account with a blank password logging on other than at the console (LimitBlankPasswordUse).",
        events: &[4625, 7038, 101],
    },
    ErrorEntry {
        win32: code(
            1328,
            "ERROR_INVALID_LOGON_HOURS",
            "Logon failure: account logon time restriction violation.",
        ),
        ntstatus: Some(code(
            0xC000_006F,
            "STATUS_INVALID_LOGON_HOURS",
            "The user account has time restrictions and cannot be logged onto at this time.",
        )),
        cause: "The account's logon hours (logonHours) exclude this time; services and tasks that run outside them fail.",
        events: &[4625, 7038, 101],
    },
    ErrorEntry {
        win32: code(
            1329,
            "ERROR_INVALID_WORKSTATION",
            "Logon failure: user not allowed to log on to this computer.",
        ),
        ntstatus: Some(code(
            0xC000_0070,
            "STATUS_INVALID_WORKSTATION",
            "The user account is restricted so that it cannot be used to log on from the source workstation.",
        )),
        cause: "The account's \"Log On To\" list (userWorkstations) does not include this machine.",
        events: &[4625, 7038, 101],
    },
    ErrorEntry {
        win32: code(
            1330,
            "ERROR_PASSWORD_EXPIRED",
            "Logon failure: the specified account password has expired.",
        ),
        ntstatus: Some(code(
            0xC000_0071,
            "STATUS_PASSWORD_EXPIRED",
            "The user account password has expired.",
        )),
        cause: "The password is older than MaximumPasswordAge and the account is not set to never expire; services and tasks fail until someone sets and stores a new password.",
        events: &[4625, 7038, 101],
    },
    ErrorEntry {
        win32: code(
            1331,
            "ERROR_ACCOUNT_DISABLED",
            "Logon failure: account currently disabled.",
        ),
        ntstatus: Some(code(
            0xC000_0072,
            "STATUS_ACCOUNT_DISABLED",
            "The referenced account is currently disabled and cannot be logged on to.",
        )),
        cause: "The account is disabled: in the directory, or, for the built-in Guest and Administrator, by EnableGuestAccount / EnableAdminAccount = 0.",
        events: &[4625, 7038, 101],
    },
    ErrorEntry {
        win32: code(
            1909,
            "ERROR_ACCOUNT_LOCKED_OUT",
            "The referenced account is currently locked out and may not be logged on to.",
        ),
        ntstatus: Some(code(
            0xC000_0234,
            "STATUS_ACCOUNT_LOCKED_OUT",
            "The user account has been automatically locked because too many invalid logon attempts or password change attempts have been requested.",
        )),
        cause: "More bad passwords than LockoutBadCount: often a service or task still using an old password on some host.",
        events: &[4625, 7038, 101],
    },
    ErrorEntry {
        win32: code(
            1793,
            "ERROR_ACCOUNT_EXPIRED",
            "The user's account has expired.",
        ),
        ntstatus: Some(code(
            0xC000_0193,
            "STATUS_ACCOUNT_EXPIRED",
            "The user account has expired.",
        )),
        cause: "The account's expiry date (accountExpires) has passed.",
        events: &[4625, 7038],
    },
    ErrorEntry {
        win32: code(
            1907,
            "ERROR_PASSWORD_MUST_CHANGE",
            "The user's password must be changed before signing in.",
        ),
        ntstatus: Some(code(
            0xC000_0224,
            "STATUS_PASSWORD_MUST_CHANGE",
            "The user password must be changed before logging on the first time.",
        )),
        cause: "\"User must change password at next logon\" is set; a service or task cannot change it.",
        events: &[4625, 7038],
    },
    ErrorEntry {
        win32: code(
            1326,
            "ERROR_LOGON_FAILURE",
            "The user name or password is incorrect.",
        ),
        ntstatus: Some(code(
            0xC000_006D,
            "STATUS_LOGON_FAILURE",
            "The attempted logon is invalid. This is either due to a bad username or authentication information.",
        )),
        cause: "A wrong password, or a name that names no account (4625 Sub Status 0xC0000064, STATUS_NO_SUCH_USER), e.g. Guest after NewGuestName renamed it.",
        events: &[4625, 7038],
    },
    ErrorEntry {
        win32: code(
            1069,
            "ERROR_SERVICE_LOGON_FAILED",
            "The service did not start due to a logon failure.",
        ),
        ntstatus: None,
        cause: "The service's account could not log on; event 7041 (a logon right) or 7038 (password or restriction) beside it says why.",
        events: &[7000, 7038, 7041],
    },
];

/// Events that report a refused logon.
pub static EVENTS: &[EventEntry] = &[
    EventEntry {
        id: 4625,
        log: "Security",
        source: "Microsoft-Windows-Security-Auditing",
        name: "An account failed to log on",
        text: "An account failed to log on. … Failure Information: Failure Reason, Status, Sub Status; Logon Type.",
        cause: "Status 0xC000015B: the logon type is not granted (a right). Status 0xC000006E with Sub Status 0xC000006F/70/71/72: logon hours, workstation, expired password, disabled. 0xC0000234: locked out. 0xC000006D with 0xC0000064: no such user. Logon Type 2 interactive, 3 network, 4 batch, 5 service, 10 Remote Desktop.",
        errors: &[1385, 1327, 1328, 1329, 1330, 1331, 1909, 1326],
    },
    EventEntry {
        id: 7000,
        log: "System",
        source: "Service Control Manager",
        name: "Service failed to start",
        text: "The %1 service failed to start due to the following error: %2",
        cause: "With error 1069, the service's account could not log on; event 7038 or 7041 beside it says why.",
        errors: &[1069],
    },
    EventEntry {
        id: 7038,
        log: "System",
        source: "Service Control Manager",
        name: "Service logon failed",
        text: "The %1 service was unable to log on as %2 with the currently configured password due to the following error: %3 To ensure that the service is configured properly, use the Services snap-in in Microsoft Management Console (MMC).",
        cause: "The stored password is wrong or expired, or the account is disabled, locked out or restricted; the error in %3 says which.",
        errors: &[1069, 1326, 1327, 1328, 1329, 1330, 1331, 1909],
    },
    EventEntry {
        id: 7041,
        log: "System",
        source: "Service Control Manager",
        name: "EVENT_SERVICE_LOGON_TYPE_NOT_GRANTED",
        text: "The %1 service was unable to log on as %2 with the currently configured password due to the following error: Logon failure: the user has not been granted the requested logon type at this computer. … This service account does not have the required user right \"Log on as a service.\"",
        cause: "The service's account lacks SeServiceLogonRight or holds SeDenyServiceLogonRight; a GPO that defines the right may have removed it (for NT SERVICE\\x accounts: NT SERVICE\\ALL SERVICES left out).",
        errors: &[1385, 1069],
    },
    EventEntry {
        id: 101,
        log: "Microsoft-Windows-TaskScheduler/Operational",
        source: "Task Scheduler",
        name: "JOB_START_FAILED",
        text: "Task Scheduler failed to start the \"%1\" task for user \"%2\". The error value is: %3.",
        cause: "The task's account could not log on: 0x80070569 (1385) lacks Log on as a batch job; 0x80070532 (1330) expired password; 0x80070533 (1331) disabled; 0x8007052F (1327) restriction.",
        errors: &[1385, 1327, 1330, 1331],
    },
];
