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
        /// The first [`LISTED`] file names, in byte order.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_files_is_cut_and_counted() {
        let note = Note::NotTemplates {
            folder: "exports".into(),
            names: vec!["a.txt".into(), "b.csv".into()],
            more: 3,
        };
        assert_eq!(
            note.to_string(),
            "skipped 5 files in `exports` that are not templates (only `.inf` files and GPO folders are read): a.txt, b.csv and 3 more"
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
