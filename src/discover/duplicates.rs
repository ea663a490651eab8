//! Two GPMC backups of one GPO are one GPO.
//!
//! "Back Up All" in GPMC, or `Backup-GPO -All` run again into the same
//! folder, adds a new `{BackupId}` folder beside the old one for every
//! GPO: the same GPO GUID, a new backup id. Both describe one GPO at two
//! times, and only the newer says what applies now; keeping both would
//! check a past state as if it were live and make every scope that names
//! the GPO (by name or GUID) ambiguous. So each GPO's newest backup is
//! kept, by the backup time GPMC writes (`BackupTime` in `bkupInfo.xml`,
//! else the report's `ReadTime`), and each other one is noted.

use std::collections::HashMap;
use std::path::PathBuf;

use super::gpo::{Gpo, GpoKind};
use super::note::Note;

/// Keeps the newest backup of each GPO among `gpos`, in their order,
/// and returns a note for each backup left aside. `times` gives each
/// backup folder's backup time as written. A backup with a time beats
/// one without; between equal or missing times the later folder in path
/// order is kept, so the choice is the same on every run.
pub(super) fn newest_backups(
    gpos: Vec<Gpo>,
    times: &HashMap<PathBuf, String>,
) -> (Vec<Gpo>, Vec<Note>) {
    let time = |gpo: &Gpo| times.get(&gpo.root).and_then(|t| time_key(t));
    // For each GUID, the index of the backup kept so far.
    let mut newest: HashMap<&str, usize> = HashMap::new();
    for (at, gpo) in gpos.iter().enumerate() {
        let Some(guid) = backup_guid(gpo) else {
            continue;
        };
        let kept = *newest.entry(guid).or_insert(at);
        if let Some(other) = gpos.get(kept)
            && time(gpo) >= time(other)
        {
            newest.insert(guid, at);
        }
    }
    let mut notes = Vec::new();
    let mut out = Vec::with_capacity(gpos.len());
    for (at, gpo) in gpos.iter().enumerate() {
        let kept = backup_guid(gpo)
            .and_then(|guid| newest.get(guid))
            .and_then(|&i| gpos.get(i).map(|kept| (i, kept)));
        match kept {
            Some((i, kept)) if i != at => notes.push(Note::OlderBackup {
                gpo: kept.label(),
                skipped: gpo.root.clone(),
                skipped_time: times.get(&gpo.root).cloned(),
                kept: kept.root.clone(),
                kept_time: times.get(&kept.root).cloned(),
            }),
            _ => out.push(at),
        }
    }
    let mut gpos: Vec<Option<Gpo>> = gpos.into_iter().map(Some).collect();
    let kept = out
        .into_iter()
        .filter_map(|at| gpos.get_mut(at).and_then(Option::take))
        .collect();
    (kept, notes)
}

/// The GUID of a backup; other GPOs are never merged.
fn backup_guid(gpo: &Gpo) -> Option<&str> {
    match gpo.kind {
        GpoKind::Backup => gpo.guid.as_deref(),
        GpoKind::Sysvol | GpoKind::File => None,
    }
}

/// A time as GPMC writes it (`2022-07-15T21:43:23`, or with fractions
/// and a `Z` in a report's `ReadTime`) as digits that compare in time
/// order: year to second, then the fraction. `None` for text that is not
/// such a time, which then counts as no time at all.
fn time_key(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 14 || !text.trim().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Fractions have up to seven digits: pad so that lengths agree.
    Some(format!("{digits:0<21}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backup(guid: &str, root: &str) -> Gpo {
        Gpo {
            kind: GpoKind::Backup,
            guid: Some(guid.to_owned()),
            backup_id: None,
            name: Some("Banner".to_owned()),
            root: PathBuf::from(root),
            template: None,
            links: Vec::new(),
            principal_names: Vec::new(),
        }
    }

    fn times(pairs: &[(&str, &str)]) -> HashMap<PathBuf, String> {
        pairs
            .iter()
            .map(|(root, time)| (PathBuf::from(root), (*time).to_owned()))
            .collect()
    }

    fn roots(gpos: &[Gpo]) -> Vec<&str> {
        gpos.iter().filter_map(|g| g.root.to_str()).collect()
    }

    #[test]
    fn the_newest_backup_of_a_gpo_is_kept_whatever_the_order() {
        let gpos = vec![
            backup("{A}", "b/{1}"),
            backup("{B}", "b/{2}"),
            backup("{A}", "b/{3}"),
        ];
        let t = times(&[
            ("b/{1}", "2024-03-01T10:00:00"),
            ("b/{2}", "2020-01-01T00:00:00"),
            ("b/{3}", "2023-12-31T23:59:59"),
        ]);
        let (kept, notes) = newest_backups(gpos, &t);
        assert_eq!(roots(&kept), ["b/{1}", "b/{2}"]);
        let [Note::OlderBackup { skipped, kept, .. }] = notes.as_slice() else {
            panic!("one note: {notes:?}");
        };
        assert_eq!(
            (skipped.to_str(), kept.to_str()),
            (Some("b/{3}"), Some("b/{1}"))
        );
    }

    #[test]
    fn a_time_beats_none_and_ties_go_to_the_later_path() {
        let gpos = vec![backup("{A}", "b/{1}"), backup("{A}", "b/{2}")];
        let (kept, _) = newest_backups(gpos.clone(), &times(&[("b/{1}", "2022-07-15T21:43:23")]));
        assert_eq!(roots(&kept), ["b/{1}"]);
        let (kept, notes) = newest_backups(gpos, &HashMap::new());
        assert_eq!(roots(&kept), ["b/{2}"]);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn sysvol_folders_and_files_are_never_merged() {
        let mut sysvol = backup("{A}", "p/{A}");
        sysvol.kind = GpoKind::Sysvol;
        let gpos = vec![backup("{A}", "b/{1}"), sysvol, Gpo::file("x.inf".as_ref())];
        let (kept, notes) = newest_backups(gpos, &HashMap::new());
        assert_eq!(kept.len(), 3);
        assert!(notes.is_empty());
    }

    #[test]
    fn times_compare_across_report_and_backup_formats() {
        let backup = time_key("2022-07-15T21:43:23").unwrap();
        let report = time_key("2022-07-15T21:43:23.8510972Z").unwrap();
        assert!(report > backup);
        assert!(time_key("2022-07-16T00:00:00").unwrap() > report);
        assert_eq!(time_key("yesterday"), None);
        assert_eq!(time_key("2022-07-15"), None);
    }
}
