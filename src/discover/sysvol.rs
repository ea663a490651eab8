//! A SYSVOL policy folder: `Policies/{GUID}/` with `GPT.INI`.

use std::path::{Path, PathBuf};

use super::error::DiscoverError;
use super::gpo::{Gpo, GpoKind};
use super::gpt_ini;
use super::guid::normalize_guid;
use super::lookup::{self, SYSVOL_TEMPLATE};
use super::read;

/// Builds the GPO for the folder `dir`, whose `GPT.INI` is `ini`. The
/// folder's name is the GPO's GUID; a folder named otherwise (a copy
/// renamed by hand) has none.
pub(super) fn gpo(dir: &Path, ini: &Path, links: &mut Vec<PathBuf>) -> Result<Gpo, DiscoverError> {
    let name = gpt_ini::display_name(&read::text(ini)?);
    let guid = dir
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(normalize_guid);
    Ok(Gpo {
        kind: GpoKind::Sysvol,
        guid,
        backup_id: None,
        name,
        root: dir.to_path_buf(),
        template: lookup::find(dir, SYSVOL_TEMPLATE, links)?,
        links: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guid_from_folder_and_name_from_ini() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("{31b2f340-016d-11d2-945f-00c04fb984f9}");
        std::fs::create_dir(&folder).unwrap();
        let ini = folder.join("gpt.ini");
        std::fs::write(
            &ini,
            "[General]\r\nVersion=3\r\ndisplayName=Default Domain Policy\r\n",
        )
        .unwrap();
        let gpo = gpo(&folder, &ini, &mut Vec::new()).unwrap();
        assert_eq!(
            gpo.guid.as_deref(),
            Some("{31B2F340-016D-11D2-945F-00C04FB984F9}")
        );
        assert_eq!(gpo.name.as_deref(), Some("Default Domain Policy"));
        assert_eq!(gpo.template, None);
    }

    #[test]
    fn an_empty_ini_is_fine_and_a_renamed_folder_has_no_guid() {
        let dir = tempfile::tempdir().unwrap();
        let ini = dir.path().join("GPT.INI");
        std::fs::write(&ini, b"").unwrap();
        let gpo = gpo(dir.path(), &ini, &mut Vec::new()).unwrap();
        assert_eq!(gpo.guid, None);
        assert_eq!(gpo.name, None);
    }
}
