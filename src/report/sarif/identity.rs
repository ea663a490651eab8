//! What identifies a result across runs, as GitHub code scanning tracks
//! alerts: `primaryLocationLineHash` (the decoded line's text, so a
//! UTF-16 template hashes the line GitHub shows) and gplint's own
//! `gplint/v2`. Neither reads a line number or the message text, so an
//! edit elsewhere in the file, or GPL406's day count, changes neither.

use crate::finding::identity::{self, hex};
use crate::finding::{FileRef, Finding};

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
    fingerprint_with(finding, sources, &|name| gpo_of(name, paths))
}

/// [`fingerprint`] with the GPO of a template outside a `{GUID}` folder
/// named by `named` (given the template's name): `check --baseline` with
/// a path names it relative to the path it was read from, so two trees
/// in different folders match.
pub fn fingerprint_with(
    finding: &Finding,
    sources: &Sources<'_>,
    named: &dyn Fn(&str) -> String,
) -> String {
    let primary = finding.primary.as_ref();
    let gpo = match primary.map(|at| at.file) {
        Some(FileRef::Template(index)) => sources
            .templates
            .get(index)
            .map(|source| named(&source.name))
            .unwrap_or_default(),
        _ => identity::NO_GPO.to_owned(),
    };
    let entry = primary
        .and_then(|at| {
            let text = &sources.file(at.file)?.text;
            text.get(at.span.start..at.span.end)
        })
        .unwrap_or_default();
    identity::fingerprint(finding, &gpo, entry)
}

/// The GPO a template belongs to: the last `{GUID}` folder on its path
/// (SYSVOL and GPMC backups name GPOs so), else the path relative to the
/// repository, else the path as given.
fn gpo_of(name: &str, paths: &RepoPaths) -> String {
    identity::guid_folder(name)
        .unwrap_or_else(|| paths.relative(name).unwrap_or_else(|| name.to_owned()))
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
}
