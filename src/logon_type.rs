//! The logon types that security templates grant or deny.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The five logon types whose rights security templates assign.
///
/// Other Windows logon types (unlock, cached, network-cleartext) are checked
/// against one of these five pairs of rights, so they need no variant.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum LogonType {
    /// Console logon (Windows logon type 2).
    Interactive,
    /// SMB, WinRM and other network logons (type 3).
    Network,
    /// Scheduled tasks (type 4).
    Batch,
    /// Services started by the service control manager (type 5).
    Service,
    /// Remote Desktop (type 10).
    #[serde(alias = "remote_interactive", alias = "rdp")]
    RemoteInteractive,
}

/// What an IIS application pool refused its identity's logon shows.
pub const APP_POOL_SYMPTOM: &str = "The application pool does not start: WAS logs event 5021 (\"The identity of application pool … is invalid\"), then events 5057 and 5059 as it disables the pool after repeated failures, and clients get HTTP 503 Service Unavailable.";

impl LogonType {
    /// Every logon type, in declaration order.
    pub const ALL: [LogonType; 5] = [
        LogonType::Interactive,
        LogonType::Network,
        LogonType::Batch,
        LogonType::Service,
        LogonType::RemoteInteractive,
    ];

    /// The kebab-case name used in configuration and output.
    pub fn as_str(self) -> &'static str {
        match self {
            LogonType::Interactive => "interactive",
            LogonType::Network => "network",
            LogonType::Batch => "batch",
            LogonType::Service => "service",
            LogonType::RemoteInteractive => "remote-interactive",
        }
    }

    /// Parses a name, ignoring ASCII case and treating `-`, `_` and no
    /// separator alike (`remote-interactive`, `remote_interactive`,
    /// `RemoteInteractive`). `rdp` is accepted for remote interactive because
    /// that is what users call it. Windows numbers are not accepted here;
    /// see [`LogonType::from_windows_number`].
    pub fn parse(s: &str) -> Option<LogonType> {
        if s.eq_ignore_ascii_case("rdp") {
            return Some(LogonType::RemoteInteractive);
        }
        let wanted = squash(s);
        LogonType::ALL
            .into_iter()
            .find(|t| squash(t.as_str()).eq(wanted.clone()))
    }

    /// The logon type with this Windows `SECURITY_LOGON_TYPE` number
    /// (2, 3, 4, 5 or 10), as shown in event 4625.
    pub fn from_windows_number(n: u32) -> Option<LogonType> {
        LogonType::ALL.into_iter().find(|t| t.windows_number() == n)
    }

    /// What the logon type allows, in the words of the allow right's name.
    pub fn description(self) -> &'static str {
        match self {
            LogonType::Interactive => "log on locally",
            LogonType::Network => "access this computer from the network",
            LogonType::Batch => "log on as a batch job",
            LogonType::Service => "log on as a service",
            LogonType::RemoteInteractive => "log on through Remote Desktop Services",
        }
    }

    /// The well-known SID Windows adds to the token for this logon type, so
    /// rights granted to it reach every such logon. A remote interactive
    /// logon also gets INTERACTIVE (S-1-5-4); [`LogonType::token_sids`]
    /// lists both.
    pub fn logon_sid(self) -> &'static str {
        match self {
            LogonType::Interactive => "S-1-5-4",
            LogonType::Network => "S-1-5-2",
            LogonType::Batch => "S-1-5-3",
            LogonType::Service => "S-1-5-6",
            LogonType::RemoteInteractive => "S-1-5-14",
        }
    }

    /// Every logon-type SID in the token of such a logon: remote interactive
    /// carries INTERACTIVE as well as REMOTE INTERACTIVE LOGON.
    pub fn token_sids(self) -> &'static [&'static str] {
        match self {
            LogonType::Interactive => &["S-1-5-4"],
            LogonType::Network => &["S-1-5-2"],
            LogonType::Batch => &["S-1-5-3"],
            LogonType::Service => &["S-1-5-6"],
            LogonType::RemoteInteractive => &["S-1-5-4", "S-1-5-14"],
        }
    }

    /// [`LogonType::symptom`], for an account that is an IIS application
    /// pool's identity when `app_pool`: IIS starts the pool's worker
    /// process with that logon, and the Windows Process Activation Service
    /// reports the failure, not the service control manager or Task
    /// Scheduler (`windows-logon-facts.md` §9 item 10).
    pub fn symptom_for(self, app_pool: bool) -> &'static str {
        if app_pool && self.starts_workloads() {
            return APP_POOL_SYMPTOM;
        }
        self.symptom()
    }

    /// Service and batch logons start services, tasks and worker processes
    /// rather than a person's session.
    pub fn starts_workloads(self) -> bool {
        matches!(self, LogonType::Service | LogonType::Batch)
    }

    /// What a person sees when Windows refuses this logon type with
    /// `ERROR_LOGON_TYPE_NOT_GRANTED` (1385).
    pub fn symptom(self) -> &'static str {
        match self {
            LogonType::Service => {
                "The service does not start: \"Error 1069: The service did not start due to a logon failure\", with event 7041 in the System log."
            }
            LogonType::Batch => {
                "The scheduled task does not run: its Last Run Result is 0x80070569, with Task Scheduler event 101."
            }
            LogonType::RemoteInteractive => {
                "Remote Desktop refuses the session: \"The connection was denied because the user account is not authorized for remote login\"."
            }
            LogonType::Interactive => {
                "The sign-in screen refuses the logon (\"The sign-in method you're trying to use isn't allowed\"), with security event 4625, status 0xC000015B."
            }
            LogonType::Network => {
                "File shares, WinRM and other network access fail with error 1385, and security event 4625 with status 0xC000015B."
            }
        }
    }

    /// The `SECURITY_LOGON_TYPE` / `LOGON32_LOGON_*` number.
    pub fn windows_number(self) -> u32 {
        match self {
            LogonType::Interactive => 2,
            LogonType::Network => 3,
            LogonType::Batch => 4,
            LogonType::Service => 5,
            LogonType::RemoteInteractive => 10,
        }
    }
}

/// `s` lower-cased without `-` and `_`, so separator style does not matter.
fn squash(s: &str) -> impl Iterator<Item = u8> + Clone + '_ {
    s.bytes()
        .filter(|b| !matches!(b, b'-' | b'_'))
        .map(|b| b.to_ascii_lowercase())
}

impl fmt::Display for LogonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in LogonType::ALL {
            assert_eq!(LogonType::parse(t.as_str()), Some(t));
            assert_eq!(LogonType::parse(&t.as_str().to_uppercase()), Some(t));
            assert_eq!(t.to_string(), t.as_str());
            assert_eq!(LogonType::from_windows_number(t.windows_number()), Some(t));
        }
    }

    #[test]
    fn parse_accepts_spellings_and_rejects_others() {
        let remote = Some(LogonType::RemoteInteractive);
        assert_eq!(LogonType::parse("remote_interactive"), remote);
        assert_eq!(LogonType::parse("RemoteInteractive"), remote);
        assert_eq!(LogonType::parse("RDP"), remote);
        assert_eq!(LogonType::parse("remote"), None);
        assert_eq!(LogonType::parse("unlock"), None);
        assert_eq!(LogonType::parse(""), None);
        assert_eq!(LogonType::from_windows_number(7), None);
    }

    #[test]
    fn serde_uses_kebab_case() {
        let json = serde_json::to_string(&LogonType::RemoteInteractive).unwrap();
        assert_eq!(json, "\"remote-interactive\"");
        let back: LogonType = serde_json::from_str("\"rdp\"").unwrap();
        assert_eq!(back, LogonType::RemoteInteractive);
    }

    #[test]
    fn sids_and_numbers_match_windows() {
        assert_eq!(LogonType::Network.logon_sid(), "S-1-5-2");
        assert_eq!(LogonType::RemoteInteractive.logon_sid(), "S-1-5-14");
        assert_eq!(
            LogonType::RemoteInteractive.token_sids(),
            ["S-1-5-4", "S-1-5-14"]
        );
        for t in LogonType::ALL {
            assert!(t.token_sids().contains(&t.logon_sid()));
        }
        assert_eq!(LogonType::RemoteInteractive.windows_number(), 10);
        assert_eq!(LogonType::Interactive.description(), "log on locally");
    }
}
