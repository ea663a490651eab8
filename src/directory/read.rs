//! Reading an export whatever its format, told from the content.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::{DirectoryError, DirectoryLimits, Export, bloodhound, ldif};
use crate::source::{Links, SourceError, open_checked};

/// The formats of directory export gplint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// LDIF (RFC 2849), as `ldifde -f` and `ldapsearch -LLL` write it.
    Ldif,
    /// A folder of SharpHound JSON files.
    BloodHoundFolder,
    /// A SharpHound `.zip` of JSON files.
    BloodHoundZip,
    /// One SharpHound JSON file.
    BloodHoundJson,
}

/// How much of a file is looked at to tell its format.
const SNIFF: usize = 4096;

/// Reads the export at `path`, which messages call `name`, within
/// `limits`. `links` says whether a link at `path` itself is followed.
/// A folder is a SharpHound collection; a file is told by its content.
pub fn read(
    name: &str,
    path: &Path,
    limits: &DirectoryLimits,
    links: Links,
) -> Result<Export, DirectoryError> {
    let is_folder = match links {
        Links::Follow => path.metadata(),
        Links::Refuse => path.symlink_metadata(),
    }
    .is_ok_and(|m| m.is_dir());
    if is_folder {
        return bloodhound::read_folder(name, path, limits);
    }
    let (mut file, _) = open_checked(name, path, limits.max_file_size, links)?;
    let head = sniff(name, path, &mut file)?;
    match format_of(&head) {
        Some(Format::BloodHoundZip) => bloodhound::read_zip(name, file, limits),
        Some(Format::BloodHoundJson) => bloodhound::read_json(name, file, limits),
        Some(Format::Ldif) => ldif::read(name, BufReader::new(file), limits),
        Some(Format::BloodHoundFolder) | None => Err(DirectoryError::NotRecognised {
            path: name.to_owned(),
            found: describe(&head),
        }),
    }
}

/// The first bytes of `file`, which is then rewound.
fn sniff(name: &str, path: &Path, file: &mut File) -> Result<Vec<u8>, SourceError> {
    let io_error = |error| SourceError::from_io(name.to_owned(), path, error);
    let mut head = Vec::with_capacity(SNIFF);
    file.by_ref()
        .take(SNIFF as u64)
        .read_to_end(&mut head)
        .map_err(io_error)?;
    file.seek(SeekFrom::Start(0)).map_err(io_error)?;
    Ok(head)
}

/// The format the first bytes of a file show, if any.
pub(super) fn format_of(head: &[u8]) -> Option<Format> {
    if head.starts_with(b"PK\x03\x04") {
        return Some(Format::BloodHoundZip);
    }
    let text = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head);
    let first = text.iter().find(|b| !b.is_ascii_whitespace())?;
    if *first == b'{' {
        return Some(Format::BloodHoundJson);
    }
    ldif::looks_like_ldif(head).then_some(Format::Ldif)
}

/// What a file that is no export looks like, in words.
fn describe(head: &[u8]) -> String {
    if head.is_empty() {
        return "the file is empty".to_owned();
    }
    let line = head
        .lines()
        .map_while(Result::ok)
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let line: String = line.chars().take(60).collect();
    format!(
        "it begins `{line}`, where LDIF begins with `dn:` or `version:` and SharpHound JSON with `{{`"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_of_tells_exports_by_content() {
        assert_eq!(format_of(b"dn: CN=a,DC=x\n"), Some(Format::Ldif));
        assert_eq!(
            format_of(b"\xEF\xBB\xBF# ldifde\r\n\r\nversion: 1\r\n"),
            Some(Format::Ldif)
        );
        assert_eq!(
            format_of(b"PK\x03\x04\x14\x00"),
            Some(Format::BloodHoundZip)
        );
        assert_eq!(
            format_of(b"\xEF\xBB\xBF  {\"data\": [], \"meta\": {}}"),
            Some(Format::BloodHoundJson)
        );
        assert_eq!(format_of(b"[Unicode]\r\nUnicode=yes\r\n"), None);
        assert_eq!(format_of(b"\x00\x01\x02garbage"), None);
        assert_eq!(format_of(b""), None);
        assert_eq!(format_of(b"# only a comment\n"), None);
    }

    #[test]
    fn a_file_that_is_no_export_is_refused_naming_what_it_begins_with() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("GptTmpl.inf");
        std::fs::write(&path, "[Unicode]\r\nUnicode=yes\r\n").unwrap();
        let error = read(
            "GptTmpl.inf",
            &path,
            &DirectoryLimits::default(),
            Links::Follow,
        )
        .unwrap_err();
        assert!(
            matches!(error, DirectoryError::NotRecognised { .. }),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            "`GptTmpl.inf` is not a directory export: it begins `[Unicode]`, where LDIF begins \
             with `dn:` or `version:` and SharpHound JSON with `{`"
        );
        let empty = dir.path().join("empty.ldif");
        std::fs::write(&empty, "").unwrap();
        let error = read(
            "empty.ldif",
            &empty,
            &DirectoryLimits::default(),
            Links::Follow,
        )
        .unwrap_err();
        assert!(error.to_string().ends_with("the file is empty"), "{error}");
    }

    #[test]
    fn an_ldif_file_is_read_through_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("contoso.ldif");
        std::fs::write(
            &path,
            "dn: CN=u,DC=x\nobjectClass: user\nsAMAccountName: u\n",
        )
        .unwrap();
        let export = read(
            "contoso.ldif",
            &path,
            &DirectoryLimits::default(),
            Links::Follow,
        )
        .unwrap();
        assert_eq!(export.objects.len(), 1);
        assert_eq!(export.files, ["contoso.ldif"]);
    }
}
