//! The fields gplint reads from a backup's `bkupInfo.xml`.
//!
//! GPMC writes one `<BackupInst>` whose children hold CDATA:
//! `GPOGuid`, `ID` (the backup id), `GPODisplayName`, `BackupTime`,
//! `GPODomain`, …

use super::guid::normalize_guid;
use super::xml::Element;

/// What a `bkupInfo.xml` says about its backup.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct BkupInfo {
    /// The backed-up GPO's GUID, normalized.
    pub(super) gpo_guid: Option<String>,
    /// The backup's own id, normalized.
    pub(super) backup_id: Option<String>,
    /// The GPO's display name.
    pub(super) display_name: Option<String>,
    /// When the backup was taken (`BackupTime`, UTC, as written).
    pub(super) backup_time: Option<String>,
}

impl BkupInfo {
    /// Reads the fields from the document's root. A `manifest.xml`-style
    /// `<Backups><BackupInst>` wrapper is accepted too.
    pub(super) fn from_xml(root: &Element) -> BkupInfo {
        let inst = match root.name.as_str() {
            "BackupInst" => Some(root),
            _ => root.at(&["BackupInst"]),
        };
        let Some(inst) = inst else {
            return BkupInfo::default();
        };
        BkupInfo {
            gpo_guid: inst.text_at(&["GPOGuid"]).and_then(normalize_guid),
            backup_id: inst.text_at(&["ID"]).and_then(normalize_guid),
            display_name: inst.text_at(&["GPODisplayName"]).map(str::to_owned),
            backup_time: inst.text_at(&["BackupTime"]).map(str::to_owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::xml::parse;

    const CORPUS_STYLE: &str = "<BackupInst xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest\"><GPOGuid><![CDATA[{ff853571-3790-4d83-a700-81b3288c868d}]]></GPOGuid><GPODomain><![CDATA[soc.lan]]></GPODomain><ID><![CDATA[{BBA18542-B116-40DC-8FAB-3D22C4403B64}]]></ID><Comment><![CDATA[]]></Comment><GPODisplayName><![CDATA[DoD - Banner]]></GPODisplayName></BackupInst>\n";

    #[test]
    fn cdata_fields_are_read_and_guids_normalized() {
        let info = BkupInfo::from_xml(&parse(CORPUS_STYLE, 3).unwrap());
        assert_eq!(
            info,
            BkupInfo {
                gpo_guid: Some("{FF853571-3790-4D83-A700-81B3288C868D}".into()),
                backup_id: Some("{BBA18542-B116-40DC-8FAB-3D22C4403B64}".into()),
                display_name: Some("DoD - Banner".into()),
                backup_time: None,
            }
        );
    }

    #[test]
    fn the_backup_time_is_read_as_written() {
        let text = CORPUS_STYLE.replace(
            "<ID>",
            "<BackupTime><![CDATA[2022-07-15T21:43:23]]></BackupTime><ID>",
        );
        let info = BkupInfo::from_xml(&parse(&text, 3).unwrap());
        assert_eq!(info.backup_time.as_deref(), Some("2022-07-15T21:43:23"));
    }

    #[test]
    fn a_manifest_wrapper_is_accepted() {
        let text = format!("<Backups>{}</Backups>", CORPUS_STYLE.trim_end());
        let info = BkupInfo::from_xml(&parse(&text, 3).unwrap());
        assert_eq!(info.display_name.as_deref(), Some("DoD - Banner"));
    }

    #[test]
    fn missing_or_empty_fields_are_none() {
        let info = BkupInfo::from_xml(
            &parse("<BackupInst><GPODisplayName><![CDATA[]]></GPODisplayName><GPOGuid>nope</GPOGuid></BackupInst>", 3)
                .unwrap(),
        );
        assert_eq!(info, BkupInfo::default());
        assert_eq!(
            BkupInfo::from_xml(&parse("<Other/>", 3).unwrap()),
            BkupInfo::default()
        );
    }
}
