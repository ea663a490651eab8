//! A SYSVOL policy folder: `Policies/{GUID}/` with `GPT.INI`.

use std::path::Path;

use super::error::DiscoverError;
use super::gpo::{Gpo, GpoKind};
use super::gpt_ini;
use super::guid::normalize_guid;
use super::listing::{Found, Listing, Want};
use super::lookup::SYSVOL_TEMPLATE;
use super::read;
use super::skipped::{Effect, SkipReason, Skipped, Wanted};
use super::walk::Walker;

/// Builds the GPO for the folder `dir`, listed in `listing`. The folder's
/// name is the GPO's GUID; a folder named otherwise (a copy renamed by
/// hand) has none. A `GPT.INI` that cannot be read only costs the display
/// name, since that is all gplint reads of it; it is noted as skipped.
pub(super) fn gpo(
    walker: &mut Walker<'_>,
    dir: &Path,
    listing: &Listing,
) -> Result<Gpo, DiscoverError> {
    let name = display_name(walker, listing);
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
        template: walker.template(dir, listing, SYSVOL_TEMPLATE)?,
        links: Vec::new(),
        principal_names: Vec::new(),
    })
}

fn display_name(walker: &mut Walker<'_>, listing: &Listing) -> Option<String> {
    match listing.find("GPT.INI", Want::File) {
        Found::Yes(ini) => match read::text(ini, walker.max_file_size()) {
            Ok(text) => gpt_ini::display_name(&text),
            Err(error) => {
                walker.skip(Skipped::new(ini, SkipReason::Error(error), Effect::NoName));
                None
            }
        },
        Found::Wrong(ini, kind) => {
            walker.skip(Skipped::kind(ini, kind, Wanted::File, Effect::NoName));
            None
        }
        Found::No => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::budget::Budget;

    fn build(dir: &Path) -> (Gpo, Walker<'static>) {
        let listing = Listing::read(dir, &Budget::new(dir, 100)).unwrap();
        let mut walker = Walker::for_tests(dir);
        (gpo(&mut walker, dir, &listing).unwrap(), walker)
    }

    #[test]
    fn guid_from_folder_and_name_from_ini() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("{31b2f340-016d-11d2-945f-00c04fb984f9}");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(
            folder.join("gpt.ini"),
            "[General]\r\nVersion=3\r\ndisplayName=Default Domain Policy\r\n",
        )
        .unwrap();
        let (gpo, walker) = build(&folder);
        assert_eq!(
            gpo.guid.as_deref(),
            Some("{31B2F340-016D-11D2-945F-00C04FB984F9}")
        );
        assert_eq!(gpo.name.as_deref(), Some("Default Domain Policy"));
        assert_eq!(gpo.template, None);
        assert!(walker.skipped().is_empty());
    }

    #[test]
    fn an_empty_ini_is_fine_and_a_renamed_folder_has_no_guid() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("GPT.INI"), b"").unwrap();
        let (gpo, walker) = build(dir.path());
        assert_eq!(gpo.guid, None);
        assert_eq!(gpo.name, None);
        assert!(walker.skipped().is_empty());
    }

    #[test]
    fn an_ini_that_is_not_text_costs_only_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let ini = dir.path().join("GPT.INI");
        std::fs::write(&ini, b"[General]\0\0\x01\x02").unwrap();
        let secedit = dir.path().join("Machine/Microsoft/Windows NT/SecEdit");
        std::fs::create_dir_all(&secedit).unwrap();
        std::fs::write(secedit.join("GptTmpl.inf"), "[Unicode]\r\n").unwrap();
        let (gpo, walker) = build(dir.path());
        assert_eq!(gpo.name, None);
        assert_eq!(gpo.template, Some(secedit.join("GptTmpl.inf")));
        let [skipped] = walker.skipped() else {
            panic!("one item is skipped");
        };
        assert_eq!(skipped.path, ini);
        assert_eq!(skipped.effect, Effect::NoName);
    }
}
