//! A GPMC backup folder: `{BackupId}/` with `bkupInfo.xml`, `Backup.xml`,
//! `gpreport.xml` and the GPO's files under `DomainSysvol/GPO/`.

use std::path::Path;

use super::bkup_info::BkupInfo;
use super::error::DiscoverError;
use super::gpo::{Gpo, GpoKind};
use super::gpreport::GpReport;
use super::guid::normalize_guid;
use super::listing::{Found, Listing, Want};
use super::lookup::BACKUP_TEMPLATE;
use super::read;
use super::skipped::{Effect, SkipReason, Skipped, Wanted};
use super::walk::Walker;
use super::xml::Element;

/// Builds the GPO for the backup folder `dir`. `bkupInfo.xml` is preferred
/// for names and ids since GPMC writes it for the backup itself; the
/// report fills gaps and is the only source of links. When either file
/// cannot be read the GPO is left out (`None`) and the file noted as
/// skipped: a GPO with a guessed identity or without its links could
/// change what applies where.
pub(super) fn gpo(
    walker: &mut Walker<'_>,
    dir: &Path,
    listing: &Listing,
) -> Result<Option<Gpo>, DiscoverError> {
    let info = metadata(walker, dir, listing, "bkupInfo.xml", |root, _| {
        Ok(BkupInfo::from_xml(root))
    });
    let report = metadata(walker, dir, listing, "gpreport.xml", GpReport::from_xml);
    let (Some(info), Some(report)) = (info, report) else {
        return Ok(None);
    };
    let (info, report) = (info.unwrap_or_default(), report.unwrap_or_default());
    if let Some(time) = info.backup_time.or(report.read_time) {
        walker.backup_time(dir, time);
    }
    Ok(Some(Gpo {
        kind: GpoKind::Backup,
        guid: info.gpo_guid.or(report.guid),
        backup_id: info.backup_id.or_else(|| folder_guid(dir)),
        name: info.display_name.or(report.name),
        root: dir.to_path_buf(),
        template: walker.template(dir, listing, BACKUP_TEMPLATE)?,
        links: report.links,
        principal_names: report.names,
    }))
}

/// The XML file `name` in the backup folder read by `parse`: `Some(None)`
/// when there is none, `None` when it could not be read (noted).
fn metadata<T>(
    walker: &mut Walker<'_>,
    dir: &Path,
    listing: &Listing,
    name: &str,
    parse: impl Fn(&Element, &str) -> Result<T, String>,
) -> Option<Option<T>> {
    let left_out = || Effect::LeftOut(dir.to_path_buf());
    let path = match listing.find(name, Want::File) {
        Found::Yes(path) => path,
        Found::Wrong(path, kind) => {
            walker.skip(Skipped::kind(path, kind, Wanted::File, left_out()));
            return None;
        }
        Found::No => return Some(None),
    };
    let read = read::xml(path, walker.max_file_size()).and_then(|(root, text)| {
        parse(&root, &text).map_err(|message| DiscoverError::bad_xml(path, &message))
    });
    match read {
        Ok(value) => Some(Some(value)),
        Err(error) => {
            walker.skip(Skipped::new(path, SkipReason::Error(error), left_out()));
            None
        }
    }
}

/// GPMC names a backup's folder after the backup id.
fn folder_guid(dir: &Path) -> Option<String> {
    dir.file_name()
        .and_then(|n| n.to_str())
        .and_then(normalize_guid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::budget::Budget;

    fn build(dir: &Path) -> (Option<Gpo>, Walker<'static>) {
        let listing = Listing::read(dir, &Budget::new(dir, 100)).unwrap();
        let mut walker = Walker::for_tests(dir);
        (gpo(&mut walker, dir, &listing).unwrap(), walker)
    }

    #[test]
    fn the_report_fills_what_bkup_info_lacks() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("{bba18542-b116-40dc-8fab-3d22c4403b64}");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("Backup.xml"), "<GroupPolicyBackupScheme/>").unwrap();
        std::fs::write(
            folder.join("GPREPORT.XML"),
            "<GPO><Identifier><Identifier>ff853571-3790-4d83-a700-81b3288c868d</Identifier></Identifier><Name>From Report</Name></GPO>",
        )
        .unwrap();
        let (gpo, walker) = build(&folder);
        let gpo = gpo.unwrap();
        assert_eq!(gpo.kind, GpoKind::Backup);
        assert_eq!(
            gpo.guid.as_deref(),
            Some("{FF853571-3790-4D83-A700-81B3288C868D}")
        );
        assert_eq!(
            gpo.backup_id.as_deref(),
            Some("{BBA18542-B116-40DC-8FAB-3D22C4403B64}")
        );
        assert_eq!(gpo.name.as_deref(), Some("From Report"));
        assert_eq!(gpo.template, None);
        assert!(walker.skipped().is_empty());
    }

    #[test]
    fn malformed_xml_leaves_the_gpo_out_and_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let info = dir.path().join("bkupInfo.xml");
        std::fs::write(&info, "<BackupInst><GPOGuid>").unwrap();
        let (gpo, walker) = build(dir.path());
        assert_eq!(gpo, None);
        let [skipped] = walker.skipped() else {
            panic!("one item is skipped");
        };
        assert_eq!(skipped.path, info);
        assert_eq!(skipped.effect, Effect::LeftOut(dir.path().to_path_buf()));
        let SkipReason::Error(DiscoverError::BadXml { message, .. }) = &skipped.reason else {
            panic!("expected BadXml");
        };
        assert!(message.starts_with("line 1:"), "{message}");
    }

    #[test]
    fn a_bad_link_in_the_report_names_the_report() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("gpreport.xml");
        std::fs::write(dir.path().join("bkupInfo.xml"), "<BackupInst/>").unwrap();
        std::fs::write(
            &report,
            "<GPO><LinksTo><SOMName>x</SOMName></LinksTo></GPO>",
        )
        .unwrap();
        let (gpo, walker) = build(dir.path());
        assert_eq!(gpo, None);
        assert_eq!(walker.skipped()[0].path, report);
    }

    #[test]
    fn a_linked_bkup_info_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("info.xml");
        std::fs::write(&target, "<BackupInst/>").unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join("bkupInfo.xml")).unwrap();
        let (gpo, walker) = build(dir.path());
        assert_eq!(gpo, None);
        assert!(matches!(walker.skipped()[0].reason, SkipReason::Link));
    }
}
