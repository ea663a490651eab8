//! A SharpHound `.zip`, read in memory member by member: nothing is
//! extracted, and a member's name is only a label, never a path.

use std::fs::File;
use std::io::BufReader;

use zip::ZipArchive;

use super::assemble::Builder;
use super::parse::{self, ParseError};
use crate::directory::{DirectoryError, DirectoryLimits, Export};

/// Reads the SharpHound files of the zip `file`, which messages call
/// `name`.
pub(super) fn read(
    name: &str,
    file: File,
    limits: &DirectoryLimits,
) -> Result<Export, DirectoryError> {
    let zip_error = |path: &str, error: zip::result::ZipError| DirectoryError::Zip {
        path: path.to_owned(),
        reason: error.to_string(),
    };
    let mut archive = ZipArchive::new(BufReader::new(file)).map_err(|e| zip_error(name, e))?;
    let mut builder = Builder::default();
    let mut json_members = 0usize;
    for index in 0..archive.len() {
        let Some(member_name) = wanted_name(&archive, index) else {
            continue;
        };
        json_members += 1;
        let shown = format!("{name}:{member_name}");
        let member = archive.by_index(index).map_err(|e| zip_error(&shown, e))?;
        let too_large = || DirectoryError::ZipMemberTooLarge {
            path: shown.clone(),
            limit: limits.max_file_size,
        };
        // The declared size first, which costs nothing; then the bytes
        // actually inflated, since the declared size may lie.
        if member.size() > limits.max_file_size {
            return Err(too_large());
        }
        let collection =
            parse::parse(member, limits.max_file_size).map_err(|error| match error {
                ParseError::TooLarge => too_large(),
                ParseError::Io(reason) => DirectoryError::Zip {
                    path: shown.clone(),
                    reason,
                },
                ParseError::Json {
                    line,
                    column,
                    message,
                } => DirectoryError::Json {
                    path: shown.clone(),
                    line,
                    column,
                    message,
                },
            })?;
        builder.add(&shown, collection)?;
    }
    builder
        .finish()
        .ok_or_else(|| DirectoryError::NoSharpHoundFile {
            path: name.to_owned(),
            found: match json_members {
                0 => "the zip has no .json member".to_owned(),
                n => format!("none of its {n} .json members is one of them"),
            },
        })
}

/// The name of member `index` when it is a JSON file to read: a name
/// ending in `.json`, not a folder, not macOS metadata (`__MACOSX/`,
/// `._x.json`). Control characters are replaced, since the name goes
/// into messages.
fn wanted_name(archive: &ZipArchive<BufReader<File>>, index: usize) -> Option<String> {
    let name = archive.name_for_index(index)?.ok()?;
    if !is_json_member(&name) {
        return None;
    }
    Some(
        name.chars()
            .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Whether a member name is a JSON file worth reading.
fn is_json_member(name: &str) -> bool {
    let mut parts = name.split(['/', '\\']);
    let base = parts.next_back().unwrap_or_default();
    base.to_ascii_lowercase().ends_with(".json")
        && !base.starts_with("._")
        && !name
            .split(['/', '\\'])
            .any(|part| part.eq_ignore_ascii_case("__MACOSX"))
}

#[cfg(test)]
mod tests {
    use super::is_json_member;

    #[test]
    fn which_members_are_read() {
        assert!(is_json_member("20240101_users.json"));
        assert!(is_json_member("deep/er/20240101_GROUPS.JSON"));
        assert!(is_json_member("../../etc/x.json"));
        assert!(!is_json_member("__MACOSX/20240101_users.json"));
        assert!(!is_json_member("out/._users.json"));
        assert!(!is_json_member("users.json/"));
        assert!(!is_json_member("readme.txt"));
    }
}
