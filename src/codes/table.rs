//! The Win32 errors a refused logon shows, each with the NTSTATUS it
//! comes from (`windows-logon-facts.md` §2).
//!
//! Sources: Win32 texts are those of the Windows 10/11 SDK's winerror.h
//! (MessageText), as learn.microsoft.com's "System Error Codes (1300-1699)"
//! and "(1700-3999)" pages print them; NTSTATUS texts are MS-ERREF §2.3.1's;
//! which NTSTATUS maps to which error is `RtlNtStatusToDosError`'s table
//! (Wine/ReactOS ntdll `error.c`). Where a text is quoted from elsewhere,
//! the entry says so.
use super::{Code, ErrorEntry};

pub(super) const fn code(value: u32, name: &'static str, text: &'static str) -> Code {
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
    // 1327-1331: the Windows 10/11 texts (winerror.h of the Windows 10
    // SDK; learn.microsoft.com "System Error Codes (1300-1699)"), which
    // replaced the "Logon failure: …" texts of older SDKs.
    ErrorEntry {
        win32: code(
            1327,
            "ERROR_ACCOUNT_RESTRICTION",
            "Account restrictions are preventing this user from signing in. For example: blank passwords aren't allowed, sign-in times are limited, or a policy restriction has been enforced.",
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
            "Your account has time restrictions that keep you from signing in right now.",
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
            "This user isn't allowed to sign in to this computer.",
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
            "The password for this account has expired.",
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
            "This user can't sign in because this account is currently disabled.",
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
        cause: "A wrong password, or a name that names no account (4625 Sub Status 0xC0000064, STATUS_NO_SUCH_USER: `gplint why 0xC0000064`), e.g. Guest after NewGuestName renamed it.",
        events: &[4625, 7038, 4771],
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
    // MS-ERREF: STATUS_NO_SUCH_USER; event-4625.md lists 0xC0000064 as
    // "User logon with misspelled or bad user account".
    ErrorEntry {
        win32: code(
            1317,
            "ERROR_NO_SUCH_USER",
            "The specified account does not exist.",
        ),
        ntstatus: Some(code(
            0xC000_0064,
            "STATUS_NO_SUCH_USER",
            "The specified account does not exist.",
        )),
        cause: "The name names no account: a typo, an account deleted or not yet replicated, or a built-in account renamed (NewGuestName / NewAdministratorName) and still used by its old name. Event 4625 shows it as Sub Status 0xC0000064 under Status 0xC000006D, and the caller usually gets error 1326.",
        events: &[4625],
    },
    // Win32 text: System Error Codes (1700-3999); NTSTATUS text as MS-ERREF
    // and the event-4625.md monitoring table give it.
    ErrorEntry {
        win32: code(
            1935,
            "ERROR_AUTHENTICATION_FIREWALL_FAILED",
            "The computer you are signing into is protected by an authentication firewall. The specified account is not allowed to authenticate to the computer.",
        ),
        ntstatus: Some(code(
            0xC000_0413,
            "STATUS_AUTHENTICATION_FIREWALL_FAILED",
            "Logon Failure: The machine you are logging onto is protected by an authentication firewall. The specified account is not allowed to authenticate to the machine.",
        )),
        cause: "Not a user right: a trust with selective authentication where the account lacks \"Allowed to authenticate\" on this computer, or an authentication policy or silo that does not let the account sign in here. gplint does not model either.",
        events: &[4625],
    },
    // Win32 text: the Windows 10/11 winerror.h (older SDKs: "There are
    // currently no logon servers available to service the logon
    // request."); NTSTATUS text as the event-4625.md monitoring table
    // quotes it.
    ErrorEntry {
        win32: code(
            1311,
            "ERROR_NO_LOGON_SERVERS",
            "We can't sign you in with this credential because your domain isn't available. Make sure your device is connected to your organization's network and try again. If you previously signed in on this device with another credential, you can sign in with that credential.",
        ),
        ntstatus: Some(code(
            0xC000_005E,
            "STATUS_NO_LOGON_SERVERS",
            "There are currently no logon servers available to service the logon request.",
        )),
        cause: "No domain controller answered: network, DNS, or a broken secure channel (Netlogon event 5719). Not a logon right: gplint cannot predict it.",
        events: &[4625],
    },
    // winerror.h: ERROR_REQUEST_REFUSED. Task Scheduler shows it as Last
    // Run Result 0x800710E0.
    ErrorEntry {
        win32: code(
            4320,
            "ERROR_REQUEST_REFUSED",
            "The operator or administrator has refused the request.",
        ),
        ntstatus: None,
        cause: "As a task's Last Run Result (0x800710E0): Task Scheduler refused to start the task. Often a task set to run whether the user is logged on or not whose account cannot log on (a stored password that changed or expired, a missing Log on as a batch job right), or an instance already running while the task is set not to start another. The task's History tab and event 101 beside it give the underlying error.",
        events: &[101],
    },
    // Win32 errors whose numbers are also Kerberos failure codes (0x12,
    // 0x17, 0x18): shown beside the Kerberos reading so that a bare number
    // is read every way it can be. winerror.h texts. (0x25, 37, is no Win32
    // error.)
    ErrorEntry {
        win32: code(18, "ERROR_NO_MORE_FILES", "There are no more files."),
        ntstatus: None,
        cause: NOT_A_LOGON_ERROR,
        events: &[],
    },
    ErrorEntry {
        win32: code(23, "ERROR_CRC", "Data error (cyclic redundancy check)."),
        ntstatus: None,
        cause: NOT_A_LOGON_ERROR,
        events: &[],
    },
    ErrorEntry {
        win32: code(
            24,
            "ERROR_BAD_LENGTH",
            "The program issued a command but the command length is incorrect.",
        ),
        ntstatus: None,
        cause: NOT_A_LOGON_ERROR,
        events: &[],
    },
];

/// What a Win32 error that shares its number with a Kerberos code says.
const NOT_A_LOGON_ERROR: &str = "Not a logon error: a file or device error of the same number. A Failure Code of event 4771 (or 4768) is a Kerberos code: read the number as the Kerberos error.";
