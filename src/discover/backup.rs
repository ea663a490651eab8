//! A GPMC backup folder: `{BackupId}/` with `bkupInfo.xml`, `Backup.xml`,
//! `gpreport.xml` and the GPO's files under `DomainSysvol/GPO/`.

use std::path::{Path, PathBuf};

use super::bkup_info::BkupInfo;
use super::error::DiscoverError;
use super::gpo::{Gpo, GpoKind};
use super::gpreport::GpReport;
use super::guid::normalize_guid;
use super::listing::Listing;
use super::lookup::{self, BACKUP_TEMPLATE};
use super::read;

/// Builds the GPO for the backup folder `dir`. `bkupInfo.xml` is preferred
/// for names and ids since GPMC writes it for the backup itself; the
/// report fills gaps and is the only source of links.
pub(super) fn gpo(
    dir: &Path,
    listing: &Listing,
    links: &mut Vec<PathBuf>,
) -> Result<Gpo, DiscoverError> {
    let info = match listing.file("bkupInfo.xml") {
        Some(path) => BkupInfo::from_xml(&read::xml(path)?),
        None => BkupInfo::default(),
    };
    let report = match listing.file("gpreport.xml") {
        Some(path) => report(path)?,
        None => GpReport::default(),
    };
    Ok(Gpo {
        kind: GpoKind::Backup,
        guid: info.gpo_guid.or(report.guid),
        backup_id: info.backup_id.or_else(|| folder_guid(dir)),
        name: info.display_name.or(report.name),
        root: dir.to_path_buf(),
        template: lookup::find(dir, BACKUP_TEMPLATE, links)?,
        links: report.links,
    })
}

fn report(path: &Path) -> Result<GpReport, DiscoverError> {
    GpReport::from_xml(&read::xml(path)?).map_err(|message| DiscoverError::BadXml {
        path: path.to_path_buf(),
        message,
    })
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
        let listing = Listing::read(&folder).unwrap();
        let gpo = gpo(&folder, &listing, &mut Vec::new()).unwrap();
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
    }

    #[test]
    fn malformed_xml_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let info = dir.path().join("bkupInfo.xml");
        std::fs::write(&info, "<BackupInst><GPOGuid>").unwrap();
        let listing = Listing::read(dir.path()).unwrap();
        let Err(DiscoverError::BadXml { path, message }) =
            gpo(dir.path(), &listing, &mut Vec::new())
        else {
            panic!("expected BadXml");
        };
        assert_eq!(path, info);
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
        let listing = Listing::read(dir.path()).unwrap();
        let Err(DiscoverError::BadXml { path, .. }) = gpo(dir.path(), &listing, &mut Vec::new())
        else {
            panic!("expected BadXml");
        };
        assert_eq!(path, report);
    }
}
