//! The events a logon shows, refused or not (`windows-logon-facts.md` §2).
//!
//! Sources: the Security events' texts and fields are those of
//! Microsoft's auditing docs (windows-itpro-docs `event-4624.md`,
//! `event-4625.md`, `event-4771.md`); the Service Control Manager's are
//! netevent.mc's (KB 871236); Task Scheduler's event 101 is TechNet wiki
//! 1454 "Event ID 101".

use super::EventEntry;

/// Events that report a logon: refused, and (4624) allowed.
pub static EVENTS: &[EventEntry] = &[
    EventEntry {
        id: 4625,
        log: "Security",
        source: "Microsoft-Windows-Security-Auditing",
        name: "An account failed to log on",
        text: "An account failed to log on. … Failure Information: Failure Reason, Status, Sub Status; Logon Type.",
        cause: "Status 0xC000015B: the logon type is not granted (a right). Status 0xC000006E with Sub Status 0xC000006F/70/71/72: logon hours, workstation, expired password, disabled. 0xC0000234: locked out. 0xC000006D with 0xC0000064: no such user. Logon Type 2 interactive, 3 network, 4 batch, 5 service, 10 Remote Desktop.",
        kerberos: &[],
        errors: &[
            1385, 1327, 1328, 1329, 1330, 1331, 1909, 1326, 1317, 1935, 1311,
        ],
    },
    EventEntry {
        id: 7000,
        log: "System",
        source: "Service Control Manager",
        name: "Service failed to start",
        text: "The %1 service failed to start due to the following error: %2",
        cause: "With error 1069, the service's account could not log on; event 7038 or 7041 beside it says why.",
        kerberos: &[],
        errors: &[1069],
    },
    EventEntry {
        id: 7038,
        log: "System",
        source: "Service Control Manager",
        name: "Service logon failed",
        text: "The %1 service was unable to log on as %2 with the currently configured password due to the following error: %3 To ensure that the service is configured properly, use the Services snap-in in Microsoft Management Console (MMC).",
        cause: "The stored password is wrong or expired, or the account is disabled, locked out or restricted; the error in %3 says which.",
        kerberos: &[],
        errors: &[1069, 1326, 1327, 1328, 1329, 1330, 1331, 1909],
    },
    EventEntry {
        id: 7041,
        log: "System",
        source: "Service Control Manager",
        name: "EVENT_SERVICE_LOGON_TYPE_NOT_GRANTED",
        text: "The %1 service was unable to log on as %2 with the currently configured password due to the following error: Logon failure: the user has not been granted the requested logon type at this computer. … This service account does not have the required user right \"Log on as a service.\"",
        cause: "The service's account lacks SeServiceLogonRight or holds SeDenyServiceLogonRight; a GPO that defines the right may have removed it (for NT SERVICE\\x accounts: NT SERVICE\\ALL SERVICES left out).",
        kerberos: &[],
        errors: &[1385, 1069],
    },
    EventEntry {
        id: 101,
        log: "Microsoft-Windows-TaskScheduler/Operational",
        source: "Task Scheduler",
        name: "JOB_START_FAILED",
        text: "Task Scheduler failed to start the \"%1\" task for user \"%2\". The error value is: %3.",
        cause: "The task's account could not log on: 0x80070569 (1385) lacks Log on as a batch job; 0x80070532 (1330) expired password; 0x80070533 (1331) disabled; 0x8007052F (1327) restriction.",
        kerberos: &[],
        errors: &[1385, 1327, 1330, 1331, 4320],
    },
    // event-4624.md: "4624(S): An account was successfully logged on."
    EventEntry {
        id: 4624,
        log: "Security",
        source: "Microsoft-Windows-Security-Auditing",
        name: "An account was successfully logged on",
        text: "An account was successfully logged on. … Logon Information: Logon Type; New Logon: Security ID, Account Name.",
        cause: "The logon succeeded: Windows allowed this Logon Type (2 interactive, 3 network, 4 batch, 5 service, 10 Remote Desktop) to the account. Where the expectations forbid it, the rights grant what they should not.",
        kerberos: &[],
        errors: &[],
    },
    // event-4771.md: "4771(F): Kerberos pre-authentication failed."; its
    // Failure Code is an RFC 4120 §7.5.9 code.
    EventEntry {
        id: 4771,
        log: "Security (on domain controllers)",
        source: "Microsoft-Windows-Security-Auditing",
        name: "Kerberos pre-authentication failed",
        text: "Kerberos pre-authentication failed. … Additional Information: Ticket Options, Failure Code, Pre-Authentication Type. … Pre-authentication types, ticket options and failure codes are defined in RFC 4120.",
        cause: "The domain controller refused the account a ticket-granting ticket; the Failure Code (a Kerberos code, in hex) says why: 0x18 a wrong password, 0x17 an expired password, 0x12 an account disabled, expired, locked out or outside its logon hours, 0x25 a clock too far from the domain controller's.",
        kerberos: &[0x12, 0x17, 0x18, 0x25],
        errors: &[],
    },
];
