//! What discovery left aside on purpose, for the user to know: files in a
//! searched folder that are not templates, and backups superseded by a
//! newer backup of the same GPO. Unlike [`super::Skipped`], a note does
//! not fail the run: nothing the user meant to check is missing.

use std::fmt;
use std::path::PathBuf;

/// How many file names a note lists before it counts the rest.
pub(super) const LISTED: usize = 10;

/// One thing discovery left aside on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Files in a folder searched for GPOs that are neither a template
    /// (`*.inf`) nor part of a GPO.
    NotTemplates {
        /// The folder.
        folder: PathBuf,
        /// The first `LISTED` file names, in byte order.
        names: Vec<String>,
        /// How many more there are.
        more: usize,
    },
    /// An older GPMC backup of a GPO of which a newer backup is read.
    OlderBackup {
        /// The GPO, as messages name it.
        gpo: String,
        /// The backup folder left aside.
        skipped: PathBuf,
        /// Its backup time, as `bkupInfo.xml` writes it, if any.
        skipped_time: Option<String>,
        /// The backup folder read.
        kept: PathBuf,
        /// Its backup time, if any.
        kept_time: Option<String>,
    },
}

impl Note {
    /// The folder or backup the note is about, for sorting.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Note::NotTemplates { folder, .. } => folder,
            Note::OlderBackup { skipped, .. } => skipped,
        }
    }
}

/// One line, without the `note: ` prefix.
impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::NotTemplates {
                folder,
                names,
                more,
            } => {
                let count = names.len() + more;
                let (files, are) = if count == 1 {
                    ("file", "is not a template")
                } else {
                    ("files", "are not templates")
                };
                write!(
                    f,
                    "skipped {count} {files} in `{}` that {are} (only `.inf` files and GPO folders are read): {}",
                    folder.display(),
                    names.join(", ")
                )?;
                if *more > 0 {
                    write!(f, " and {more} more")?;
                }
                if names.iter().any(|n| may_be_export(n)) {
                    f.write_str("; a `secedit /export /cfg` file named otherwise (`secpol.cfg`) is read when given as an argument, or renamed to `.inf`")?;
                }
                Ok(())
            }
            Note::OlderBackup {
                gpo,
                skipped,
                skipped_time,
                kept,
                kept_time,
            } => {
                let at = |time: &Option<String>| match time {
                    Some(time) => format!("backed up {time}"),
                    None => "no backup time".to_owned(),
                };
                write!(
                    f,
                    "skipped `{}` ({}): an older backup of {gpo}, whose newest backup `{}` ({}) is read",
                    skipped.display(),
                    at(skipped_time),
                    kept.display(),
                    at(kept_time)
                )
            }
        }
    }
}

/// Whether a file name is one people give `secedit /export /cfg`
/// (`secpol.cfg`: 13 of the 112 real templates of the shared corpus are
/// named so): worth a word on how to read it.
fn may_be_export(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".cfg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_files_is_cut_and_counted() {
        let note = Note::NotTemplates {
            folder: "exports".into(),
            names: vec!["a.csv".into(), "b.xml".into()],
            more: 3,
        };
        assert_eq!(
            note.to_string(),
            "skipped 5 files in `exports` that are not templates (only `.inf` files and GPO folders are read): a.csv, b.xml and 3 more"
        );
        let cfg = Note::NotTemplates {
            folder: "exports".into(),
            names: vec!["secpol.cfg".into()],
            more: 0,
        };
        let line = cfg.to_string();
        assert!(
            line.contains("1 file in `exports` that is not a template"),
            "{line}"
        );
        assert!(
            line.ends_with("is read when given as an argument, or renamed to `.inf`"),
            "{line}"
        );
    }

    #[test]
    fn an_older_backup_names_both_and_their_times() {
        let note = Note::OlderBackup {
            gpo: "'Banner' {D8AF}".into(),
            skipped: "b/{1}".into(),
            skipped_time: Some("2022-07-15T21:43:23".into()),
            kept: "b/{2}".into(),
            kept_time: None,
        };
        assert_eq!(
            note.to_string(),
            "skipped `b/{1}` (backed up 2022-07-15T21:43:23): an older backup of 'Banner' {D8AF}, whose newest backup `b/{2}` (no backup time) is read"
        );
    }
}
