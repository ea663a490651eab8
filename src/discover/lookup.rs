//! Finding a GPO's `GptTmpl.inf` below its folder, whatever the case of
//! each path part.

use std::path::{Path, PathBuf};

use super::budget::Budget;
use super::error::DiscoverError;
use super::listing::{Found, Listing, Want};
use super::skipped::{Effect, SkipReason, Skipped, Wanted};

/// The template's place in a SYSVOL GPO folder.
pub(super) const SYSVOL_TEMPLATE: &[&str] = &[
    "Machine",
    "Microsoft",
    "Windows NT",
    "SecEdit",
    "GptTmpl.inf",
];

/// The template's place in a GPMC backup folder.
pub(super) const BACKUP_TEMPLATE: &[&str] = &[
    "DomainSysvol",
    "GPO",
    "Machine",
    "microsoft",
    "windows nt",
    "SecEdit",
    "GptTmpl.inf",
];

/// Where a GPO's template is.
#[derive(Debug)]
pub(super) enum Lookup {
    /// Here.
    Found(PathBuf),
    /// A part is missing: the GPO has no security settings.
    Missing,
    /// A part could not be read, or is a link, a pipe or of the wrong
    /// kind: the GPO's template is unknown.
    Skipped(Skipped),
}

/// Follows `parts` down from `root`, each matched ignoring case; the last
/// part must be a regular file, the others folders. A symbolic link in
/// the way is not followed; it, an entry of the wrong kind, or a folder
/// that cannot be listed is a [`Lookup::Skipped`] naming it. Only a tree
/// over its `budget` is an error.
#[cfg(test)]
pub(super) fn find(root: &Path, parts: &[&str], budget: &Budget) -> Result<Lookup, DiscoverError> {
    match Listing::read(root, budget) {
        Ok(listing) => find_in(root, &listing, parts, budget),
        Err(error @ DiscoverError::TooManyFiles { .. }) => Err(error),
        Err(error) => {
            let effect = Effect::NoTemplate(root.to_path_buf());
            let reason = SkipReason::Error(error);
            Ok(Lookup::Skipped(Skipped::new(root, reason, effect)))
        }
    }
}

/// [`find`] from `root` already listed in `listing`: its entries are
/// counted again, as when the walk listed a GPO folder twice, so the
/// budget a tree spends is what it has always been.
pub(super) fn find_in(
    root: &Path,
    listing: &Listing,
    parts: &[&str],
    budget: &Budget,
) -> Result<Lookup, DiscoverError> {
    budget.spend_many(listing.len())?;
    let effect = || Effect::NoTemplate(root.to_path_buf());
    let mut here = root.to_path_buf();
    // The listing of each folder below `root`, once read.
    let mut read;
    for (index, part) in parts.iter().enumerate() {
        let (want, wanted) = if index + 1 == parts.len() {
            (Want::File, Wanted::File)
        } else {
            (Want::Dir, Wanted::Dir)
        };
        let listing = match index {
            0 => listing,
            _ => match Listing::read(&here, budget) {
                Ok(listing) => {
                    read = listing;
                    &read
                }
                Err(error @ DiscoverError::TooManyFiles { .. }) => return Err(error),
                Err(error) => {
                    let reason = SkipReason::Error(error);
                    return Ok(Lookup::Skipped(Skipped::new(here, reason, effect())));
                }
            },
        };
        here = match listing.find(part, want) {
            Found::Yes(path) => path.to_path_buf(),
            Found::Wrong(path, kind) => {
                return Ok(Lookup::Skipped(Skipped::kind(path, kind, wanted, effect())));
            }
            Found::No => return Ok(Lookup::Missing),
        };
    }
    Ok(Lookup::Found(here))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, rel: &str) -> PathBuf {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, b"x").unwrap();
        path
    }

    fn lookup(root: &Path, parts: &[&str]) -> Lookup {
        find(root, parts, &Budget::new(root, 1000)).unwrap()
    }

    #[test]
    fn each_part_matches_ignoring_case() {
        let dir = tempfile::tempdir().unwrap();
        let want = touch(
            dir.path(),
            "MACHINE/microsoft/WINDOWS NT/secedit/GPTTMPL.INF",
        );
        let Lookup::Found(found) = lookup(dir.path(), SYSVOL_TEMPLATE) else {
            panic!("not found");
        };
        assert_eq!(found, want);
    }

    #[test]
    fn backup_layout_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let want = touch(
            dir.path(),
            "DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf",
        );
        let Lookup::Found(found) = lookup(dir.path(), BACKUP_TEMPLATE) else {
            panic!("not found");
        };
        assert_eq!(found, want);
        assert!(matches!(
            lookup(dir.path(), SYSVOL_TEMPLATE),
            Lookup::Missing
        ));
    }

    #[test]
    fn a_missing_part_is_no_template_and_a_wrong_kind_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "Machine/Microsoft/Windows NT/Audit/audit.csv");
        assert!(matches!(
            lookup(dir.path(), SYSVOL_TEMPLATE),
            Lookup::Missing
        ));
        let template = dir
            .path()
            .join("Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf");
        std::fs::create_dir_all(&template).unwrap();
        let Lookup::Skipped(skipped) = lookup(dir.path(), SYSVOL_TEMPLATE) else {
            panic!("a folder named GptTmpl.inf is not skipped");
        };
        assert_eq!(skipped.path, template);
        assert_eq!(skipped.effect, Effect::NoTemplate(dir.path().to_path_buf()));
        assert!(
            skipped
                .to_string()
                .contains("it is a folder, not a regular file")
        );
    }

    #[test]
    fn a_linked_part_is_skipped_and_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        touch(
            dir.path(),
            "elsewhere/Microsoft/Windows NT/SecEdit/GptTmpl.inf",
        );
        std::os::unix::fs::symlink("elsewhere", dir.path().join("Machine")).unwrap();
        let Lookup::Skipped(skipped) = lookup(dir.path(), SYSVOL_TEMPLATE) else {
            panic!("a link is not skipped");
        };
        assert_eq!(skipped.path, dir.path().join("Machine"));
        assert!(matches!(skipped.reason, SkipReason::Link));
    }
}
