//! Text that is plainly another kind of file than a security template.
//!
//! People hand gplint the files that lie beside a template: a GPMC
//! backup's `Backup.xml` or `bkupInfo.xml`, its `gpreport.xml`, a
//! `gpresult /x` report. Read as INF text, each line of such a file is a
//! warning (about 1,900 for a STIG backup's report) and the run checks
//! Windows' defaults. A template's first character that is not white
//! space is `[` or `;`; an XML or HTML document's is `<`. So the decoded
//! text decides, not the file's name, and the root element says which
//! file it is and what to give instead.

use std::path::Path;

/// How much of the text is searched for the root element: declarations
/// and comments before it are short.
const SCAN: usize = 4096;

/// What a file is, when it is plainly not a template: the words for the
/// message, e.g. "a GPMC backup's Backup.xml", and what to give instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherFile {
    /// What the file is.
    pub what: String,
    /// What to give instead.
    pub instead: String,
}

/// The kind of file `text` (decoded) is, when its first character that
/// is not white space is `<`: XML or HTML is never a template. `path` is
/// where it was read, so that the advice can name the folder beside it.
pub fn other_file(text: &str, path: &Path) -> Option<OtherFile> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !start.starts_with('<') {
        return None;
    }
    let head = start.get(..SCAN.min(start.len())).unwrap_or(start);
    let root = root_element(head);
    Some(describe(root.as_deref(), &folder_of(path)))
}

/// The folder holding `path`, as messages show it.
fn folder_of(path: &Path) -> String {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => format!("`{}`", parent.display()),
        _ => "the folder holding it".to_owned(),
    }
}

/// The words for a document whose root element is `root` (local name,
/// any prefix dropped), lying in `folder`.
fn describe(root: Option<&str>, folder: &str) -> OtherFile {
    let template = "DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf";
    let backup = |what: &str| OtherFile {
        what: what.to_owned(),
        instead: format!("give the backup folder {folder}, or its {template}"),
    };
    let lower = root.map(str::to_ascii_lowercase);
    match lower.as_deref() {
        Some("grouppolicybackupscheme") => backup("a GPMC backup's Backup.xml"),
        Some("backupinst") => backup("a GPMC backup's bkupInfo.xml"),
        Some("gpo") => OtherFile {
            what: "a GPMC report of one GPO (gpreport.xml, or Get-GPOReport -ReportType Xml)"
                .to_owned(),
            instead: format!(
                "give the backup folder it lies in ({folder}), or that backup's {template}; a report saved alone holds no template: back the GPO up (Backup-GPO) and give the backup"
            ),
        },
        Some("backups") => OtherFile {
            what: "a GPMC backup folder's manifest.xml".to_owned(),
            instead: format!("give the folder {folder}, which holds the backups it lists"),
        },
        Some("rsop") => OtherFile {
            what: "a resultant set of policy report (gpresult /x, or Get-GPResultantSetOfPolicy)".to_owned(),
            instead: "it shows what applied, not the templates that set it: give the GPOs' folders or backups (Backup-GPO -All), or a `secedit /export /cfg` file of the machine".to_owned(),
        },
        Some("report") => OtherFile {
            what: "a GPMC report of several GPOs (Get-GPOReport -All -ReportType Xml)".to_owned(),
            instead: "give the GPOs' backups (Backup-GPO -All -Path …) or their folders in SYSVOL".to_owned(),
        },
        Some("html") => OtherFile {
            what: "an HTML report (gpresult /h, or a GPMC report saved as HTML)".to_owned(),
            instead: "give the GPOs' backups or folders, or a GptTmpl.inf or `secedit /export` .inf file".to_owned(),
        },
        Some(_) => OtherFile {
            what: format!("an XML document (root element <{}>)", root.unwrap_or_default()),
            instead: "give a GptTmpl.inf or a `secedit /export` .inf file, or a folder of GPOs or GPMC backups".to_owned(),
        },
        None => OtherFile {
            what: "XML or HTML".to_owned(),
            instead: "give a GptTmpl.inf or a `secedit /export` .inf file, or a folder of GPOs or GPMC backups".to_owned(),
        },
    }
}

/// The local name of the first element of `text`, after any XML
/// declaration, processing instruction, comment or DOCTYPE.
fn root_element(mut text: &str) -> Option<String> {
    loop {
        text = text.trim_start();
        let rest = text.strip_prefix('<')?;
        let skip_to = if rest.starts_with('?') {
            "?>"
        } else if rest.starts_with("!--") {
            "-->"
        } else if rest.starts_with('!') {
            ">"
        } else {
            return element_name(rest);
        };
        let end = rest.find(skip_to)?;
        text = rest.get(end + skip_to.len()..)?;
    }
}

/// The name at the start of a tag, without a namespace prefix.
fn element_name(tag: &str) -> Option<String> {
    let end = tag
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | '/'))
        .unwrap_or(tag.len());
    let name = tag.get(..end)?;
    let local = name.rsplit(':').next().unwrap_or(name);
    let plausible = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    plausible.then(|| local.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn what(text: &str) -> Option<String> {
        other_file(text, Path::new("b/{ID}/x.xml")).map(|o| o.what)
    }

    #[test]
    fn each_gpmc_file_is_named_from_its_root_element() {
        let backup = "<?xml version=\"1.0\" encoding=\"utf-8\"?><!-- Copyright (c) Microsoft Corporation.  All rights reserved. --><GroupPolicyBackupScheme bkp:version=\"2.0\" xmlns=\"x\">";
        assert_eq!(what(backup).unwrap(), "a GPMC backup's Backup.xml");
        let info = "<BackupInst xmlns=\"http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest\"><GPOGuid>";
        assert_eq!(what(info).unwrap(), "a GPMC backup's bkupInfo.xml");
        let report = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<GPO xmlns:xsd=\"x\">";
        assert!(what(report).unwrap().contains("gpreport.xml"));
        let rsop = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<Rsop xmlns=\"x\">";
        assert!(what(rsop).unwrap().contains("gpresult /x"));
        assert!(
            what("<Backups><BackupInst/></Backups>")
                .unwrap()
                .contains("manifest.xml")
        );
        assert!(
            what("<!DOCTYPE html>\n<html><head>")
                .unwrap()
                .contains("HTML")
        );
    }

    #[test]
    fn the_advice_names_the_folder_beside_the_file() {
        let other = other_file("<BackupInst/>", Path::new("b/{ID}/bkupInfo.xml")).unwrap();
        assert_eq!(
            other.instead,
            "give the backup folder `b/{ID}`, or its DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf"
        );
        let bare = other_file("<BackupInst/>", Path::new("bkupInfo.xml")).unwrap();
        assert!(
            bare.instead.contains("the folder holding it"),
            "{}",
            bare.instead
        );
    }

    #[test]
    fn prefixes_are_dropped_and_unknown_roots_named() {
        assert!(
            what("<a:GPO xmlns:a=\"x\">")
                .unwrap()
                .contains("gpreport.xml")
        );
        assert_eq!(
            what("<Settings/>").unwrap(),
            "an XML document (root element <Settings>)"
        );
        assert_eq!(what("<?xml version=\"1.0\"?>").unwrap(), "XML or HTML");
        assert_eq!(what("< not a tag").unwrap(), "XML or HTML");
    }

    #[test]
    fn templates_and_text_that_does_not_start_with_a_tag_are_left_alone() {
        assert_eq!(what("[Unicode]\r\nUnicode=yes\r\n"), None);
        assert_eq!(what("; <GPO>\r\n[Version]\r\n"), None);
        assert_eq!(what(""), None);
        assert_eq!(what("\u{feff}  \r\n"), None);
        assert!(what("\u{feff}\r\n  <GPO>").is_some());
    }
}
