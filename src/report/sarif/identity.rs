//! What identifies a result across runs, as GitHub code scanning tracks
//! alerts: `primaryLocationLineHash` (the decoded line's text, so a
//! UTF-16 template hashes the line GitHub shows) and gplint's own
//! `gplint/v2`. Neither reads a line number or the message text, so an
//! edit elsewhere in the file, or GPL406's day count, changes neither.

use std::fmt::Write as _;

use sha1::{Digest, Sha1};

use crate::finding::{FileRef, Finding};
use crate::principal::PrincipalKey;

use super::super::ci::RepoPaths;
use super::super::sources::Sources;

/// The key of gplint's fingerprint in `partialFingerprints`; the version
/// changes whenever what the fingerprint hashes does.
pub const FINGERPRINT_KEY: &str = "gplint/v2";

/// The key GitHub code scanning reads; gplint computes it, so
/// `upload-sarif` does not (it would read the file as UTF-8).
pub const LINE_HASH_KEY: &str = "primaryLocationLineHash";

/// The hash of the primary location's line, trimmed, with the rule,
/// account and logon type: two findings on one line differ, and the
/// line moving or other lines changing keeps it. `None` without a place.
/// The caller appends `:n`, the occurrence of the same hash in the file.
pub fn line_hash(finding: &Finding, sources: &Sources<'_>) -> Option<String> {
    let at = finding.primary.as_ref()?;
    let text = &sources.file(at.file)?.text;
    let line = line_at(text, at.span.start);
    let logon = finding.logon_type.map(|t| t.as_str()).unwrap_or_default();
    let account = finding.account.as_deref().unwrap_or_default();
    let digest = hex(&[line.trim(), &finding.rule, account, logon]);
    Some(digest.chars().take(16).collect())
}

/// gplint's fingerprint: rule, GPO (its `{GUID}` folder, else its path
/// relative to the repository), account (as a SID when gplint knows it),
/// logon type and the entry's text. A finding that rests on a default has
/// no GPO; it is one finding for every scope it reaches (a cause), so no
/// scope stands in: its identity is its rule, account, logon type and the
/// expectation's text.
pub fn fingerprint(finding: &Finding, sources: &Sources<'_>, paths: &RepoPaths) -> String {
    let primary = finding.primary.as_ref();
    let gpo = match primary.map(|at| at.file) {
        Some(FileRef::Template(index)) => sources
            .templates
            .get(index)
            .map(|source| gpo_of(&source.name, paths))
            .unwrap_or_default(),
        _ => "(no GPO)".to_owned(),
    };
    let entry = primary
        .and_then(|at| {
            let text = &sources.file(at.file)?.text;
            text.get(at.span.start..at.span.end)
        })
        .map(|e| e.trim().to_lowercase())
        .unwrap_or_default();
    let account = finding
        .account
        .as_deref()
        .map(account_id)
        .unwrap_or_default();
    let logon = finding.logon_type.map(|t| t.as_str()).unwrap_or_default();
    hex(&[&finding.rule, &gpo, &account, logon, &entry])
}

/// The GPO a template belongs to: the last `{GUID}` folder on its path
/// (SYSVOL and GPMC backups name GPOs so), else the path relative to the
/// repository, else the path as given.
fn gpo_of(name: &str, paths: &RepoPaths) -> String {
    let guid = name
        .split(['/', '\\'])
        .rev()
        .find(|part| part.len() == 38 && part.starts_with('{') && part.ends_with('}'));
    match guid {
        Some(guid) => guid.to_ascii_uppercase(),
        None => paths.relative(name).unwrap_or_else(|| name.to_owned()),
    }
}

/// The account as a SID when it is one or a well-known name; other names
/// upper-cased, as Windows compares them.
fn account_id(account: &str) -> String {
    match PrincipalKey::of_written(account, None) {
        PrincipalKey::Sid(sid) => sid.to_string(),
        PrincipalKey::MachineRid(rid) => format!("machine-rid-{rid}"),
        PrincipalKey::DomainRid(rid) => format!("domain-rid-{rid}"),
        PrincipalKey::Name(name) => name,
    }
}

/// The line of `text` holding byte `offset`, without its line end.
fn line_at(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text
        .get(..offset)
        .and_then(|head| head.rfind(['\n', '\r']))
        .map_or(0, |at| at + 1);
    let rest = text.get(start..).unwrap_or_default();
    let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default()
}

/// The hex SHA-1 of the parts, each ended by a NUL so that no two lists
/// of parts run together into the same bytes.
fn hex(parts: &[&str]) -> String {
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
    fn the_line_is_found_around_the_offset() {
        let text = "a\r\nSeServiceLogonRight = x\r\nb";
        assert_eq!(line_at(text, 5), "SeServiceLogonRight = x");
        assert_eq!(line_at(text, 0), "a");
        assert_eq!(line_at(text, 999), "b");
    }

    #[test]
    fn a_gpo_is_its_guid_folder_in_upper_case() {
        let paths = RepoPaths::default();
        let name = "sysvol/Policies/{31b2f340-016d-11d2-945f-00c04fb984f9}/MACHINE/x/GptTmpl.inf";
        assert_eq!(
            gpo_of(name, &paths),
            "{31B2F340-016D-11D2-945F-00C04FB984F9}"
        );
        assert_eq!(gpo_of("a/b.inf", &paths), "a/b.inf");
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
