//! Finding a GPO's `GptTmpl.inf` below its folder, whatever the case of
//! each path part.

use std::path::{Path, PathBuf};

use super::error::DiscoverError;
use super::listing::{Found, Listing, Want};

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

/// Follows `parts` down from `root`, each matched ignoring case; the last
/// part must be a file, the others directories. A missing part means no
/// template. A symbolic link in the way is not followed but noted in
/// `links`, so the caller can say why the template was not found.
pub(super) fn find(
    root: &Path,
    parts: &[&str],
    links: &mut Vec<PathBuf>,
) -> Result<Option<PathBuf>, DiscoverError> {
    let mut here = root.to_path_buf();
    for (index, part) in parts.iter().enumerate() {
        let want = if index + 1 == parts.len() {
            Want::File
        } else {
            Want::Dir
        };
        let listing = Listing::read(&here)?;
        here = match listing.find(part, want) {
            Found::Yes(path) => path.to_path_buf(),
            Found::Link(path) => {
                links.push(path.to_path_buf());
                return Ok(None);
            }
            Found::No => return Ok(None),
        };
    }
    Ok(Some(here))
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

    #[test]
    fn each_part_matches_ignoring_case() {
        let dir = tempfile::tempdir().unwrap();
        let want = touch(
            dir.path(),
            "MACHINE/microsoft/WINDOWS NT/secedit/GPTTMPL.INF",
        );
        let found = find(dir.path(), SYSVOL_TEMPLATE, &mut Vec::new()).unwrap();
        assert_eq!(found, Some(want));
    }

    #[test]
    fn backup_layout_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let want = touch(
            dir.path(),
            "DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf",
        );
        let found = find(dir.path(), BACKUP_TEMPLATE, &mut Vec::new()).unwrap();
        assert_eq!(found, Some(want));
        assert_eq!(
            find(dir.path(), SYSVOL_TEMPLATE, &mut Vec::new()).unwrap(),
            None
        );
    }

    #[test]
    fn a_missing_part_or_wrong_kind_is_no_template() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "Machine/Microsoft/Windows NT/Audit/audit.csv");
        std::fs::create_dir_all(
            dir.path()
                .join("Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf"),
        )
        .unwrap();
        assert_eq!(
            find(dir.path(), SYSVOL_TEMPLATE, &mut Vec::new()).unwrap(),
            None
        );
    }

    #[test]
    fn a_linked_part_is_noted_and_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        touch(
            dir.path(),
            "elsewhere/Microsoft/Windows NT/SecEdit/GptTmpl.inf",
        );
        std::os::unix::fs::symlink("elsewhere", dir.path().join("Machine")).unwrap();
        let mut links = Vec::new();
        assert_eq!(find(dir.path(), SYSVOL_TEMPLATE, &mut links).unwrap(), None);
        assert_eq!(links, vec![dir.path().join("Machine")]);
    }
}
