//! The core of a finding's stable identity, shared by SARIF's `gplint/v2`
//! fingerprint, the JSON report's `fingerprint` and `check --baseline`:
//! rule, GPO, account, logon type and the deciding entry's text. None of
//! these is a line number or the message, so a line moving or a message
//! changing keeps the identity. The caller names the GPO and the entry
//! (they live in the files the report layer holds).

use std::fmt::Write as _;

use sha1::{Digest, Sha1};

use super::Finding;
use crate::principal::PrincipalKey;

/// What a finding rests on when no template's line decides it.
pub const NO_GPO: &str = "(no GPO)";

/// The fingerprint of `finding`, whose deciding entry reads `entry` in
/// the GPO named `gpo` ([`NO_GPO`] for a default). The entry is compared
/// trimmed and in lower case, as Windows reads names.
pub fn fingerprint(finding: &Finding, gpo: &str, entry: &str) -> String {
    let account = finding
        .account
        .as_deref()
        .map(account_id)
        .unwrap_or_default();
    let logon = finding.logon_type.map(|t| t.as_str()).unwrap_or_default();
    let entry = entry.trim().to_lowercase();
    hex(&[&finding.rule, gpo, &account, logon, &entry])
}

/// The last `{GUID}` folder on a template's path, in upper case: SYSVOL
/// and GPMC backups name GPOs so, wherever the tree is.
pub fn guid_folder(name: &str) -> Option<String> {
    name.split(['/', '\\'])
        .rev()
        .find(|part| part.len() == 38 && part.starts_with('{') && part.ends_with('}'))
        .map(str::to_ascii_uppercase)
}

/// The account as a SID when it is one or a well-known name; other names
/// upper-cased, as Windows compares them.
pub fn account_id(account: &str) -> String {
    match PrincipalKey::of_written(account, None) {
        PrincipalKey::Sid(sid) => sid.to_string(),
        PrincipalKey::MachineRid(rid) => format!("machine-rid-{rid}"),
        PrincipalKey::DomainRid(rid) => format!("domain-rid-{rid}"),
        PrincipalKey::Name(name) => name,
    }
}

/// The hex SHA-1 of the parts, each ended by a NUL so that no two lists
/// of parts run together into the same bytes.
pub fn hex(parts: &[&str]) -> String {
    let mut hasher = Sha1::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .fold(String::new(), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gpo_is_its_guid_folder_in_upper_case() {
        let name = "sysvol/Policies/{31b2f340-016d-11d2-945f-00c04fb984f9}/MACHINE/x/GptTmpl.inf";
        assert_eq!(
            guid_folder(name).as_deref(),
            Some("{31B2F340-016D-11D2-945F-00C04FB984F9}")
        );
        assert_eq!(guid_folder("a/b.inf"), None);
    }

    #[test]
    fn well_known_accounts_are_sids_and_names_ignore_case() {
        assert_eq!(account_id("*S-1-5-20"), "S-1-5-20");
        assert_eq!(account_id("NT AUTHORITY\\Network Service"), "S-1-5-20");
        assert_eq!(account_id("contoso\\svc"), account_id("CONTOSO\\SVC"));
    }

    #[test]
    fn parts_do_not_run_together() {
        assert_ne!(hex(&["ab", "c"]), hex(&["a", "bc"]));
    }
}
