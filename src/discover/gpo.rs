//! What discovery finds: GPOs, where they came from, and where they are linked.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// Where a GPO came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GpoKind {
    /// A policy folder in SYSVOL (`Policies/{GUID}` with a `GPT.INI`).
    Sysvol,
    /// A GPMC backup folder (`{BackupId}` with `bkupInfo.xml`).
    Backup,
    /// A template file given on its own.
    File,
}

/// One GPO found on disk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Gpo {
    /// Where it came from.
    pub kind: GpoKind,
    /// The GPO's GUID, braced and upper case: the folder name for SYSVOL,
    /// `GPOGuid` (else the report's `Identifier`) for a backup, `None` for a
    /// file.
    pub guid: Option<String>,
    /// For a backup, the backup's own id (`ID` in `bkupInfo.xml`, else the
    /// folder name), braced and upper case.
    pub backup_id: Option<String>,
    /// The display name: `GPODisplayName`, else the report's `<Name>`, else
    /// `displayName=` in GPT.INI.
    pub name: Option<String>,
    /// The GPO folder, or the file itself.
    pub root: PathBuf,
    /// Its `GptTmpl.inf`; `None` when the GPO has no security settings.
    pub template: Option<PathBuf>,
    /// Where the GPO is linked, in the order the backup's report lists them.
    pub links: Vec<GpoLink>,
    /// The names the backup's report gives the SIDs it lists (user
    /// rights, restricted groups), each SID once; empty without a report.
    #[serde(skip)]
    pub principal_names: Vec<(crate::principal::Sid, String)>,
}

/// One link of a GPO to a site, domain or OU, as a GPMC report lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GpoLink {
    /// The linked container's name, e.g. `SQL`.
    pub som_name: String,
    /// The linked container's canonical path, e.g. `contoso.com/Servers/SQL`.
    pub som_path: String,
    /// Whether the link is enabled; a disabled link applies nothing.
    pub enabled: bool,
    /// Whether the link is enforced ("No Override").
    pub no_override: bool,
}

impl Gpo {
    /// A template file given on its own.
    pub fn file(path: &Path) -> Gpo {
        Gpo {
            kind: GpoKind::File,
            guid: None,
            backup_id: None,
            name: None,
            root: path.to_path_buf(),
            template: Some(path.to_path_buf()),
            links: Vec::new(),
            principal_names: Vec::new(),
        }
    }

    /// How messages name the GPO: `'Display Name' {GUID}` when both are
    /// known, otherwise as much of that as there is, and the path when
    /// neither is (or beside a name alone, since names need not be unique).
    pub fn label(&self) -> String {
        match (&self.name, &self.guid) {
            (Some(name), Some(guid)) => format!("'{name}' {guid}"),
            (Some(name), None) => format!("'{name}' ({})", self.root.display()),
            (None, Some(guid)) => guid.clone(),
            (None, None) => self.root.display().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_prefer_name_and_guid() {
        let mut gpo = Gpo::file(Path::new("x/GptTmpl.inf"));
        assert_eq!(gpo.label(), "x/GptTmpl.inf");
        gpo.guid = Some("{31B2F340-016D-11D2-945F-00C04FB984F9}".into());
        assert_eq!(gpo.label(), "{31B2F340-016D-11D2-945F-00C04FB984F9}");
        gpo.name = Some("Default Domain Policy".into());
        assert_eq!(
            gpo.label(),
            "'Default Domain Policy' {31B2F340-016D-11D2-945F-00C04FB984F9}"
        );
        gpo.guid = None;
        assert_eq!(gpo.label(), "'Default Domain Policy' (x/GptTmpl.inf)");
    }

    #[test]
    fn serializes_kind_in_kebab_case() {
        let gpo = Gpo::file(Path::new("a.inf"));
        let json = serde_json::to_value(&gpo).unwrap();
        assert_eq!(json["kind"], "file");
        assert_eq!(json["template"], "a.inf");
        assert_eq!(json["links"], serde_json::json!([]));
    }
}
