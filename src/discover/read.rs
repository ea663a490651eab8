//! Reading the small metadata files of a GPO as text.

use std::path::Path;

use super::error::DiscoverError;
use super::xml::{self, Element};
use crate::source::{DecodeError, Links, decode, read_bytes};

/// How deep XML elements are kept: `GPO/LinksTo/SOMPath` is the deepest
/// path read.
const XML_DEPTH: usize = 3;

/// Reads and decodes a file (`gpreport.xml` is UTF-16LE, the others ASCII)
/// of at most `max` bytes, as templates are read: a link is refused, not
/// followed, and the read stops at the limit. An empty file reads as
/// empty text, so each caller decides what an empty file means.
pub(super) fn text(path: &Path, max: u64) -> Result<String, DiscoverError> {
    let name = path.display().to_string();
    let bytes = read_bytes(&name, path, max, Links::Refuse)?;
    match decode(bytes) {
        Ok(decoded) => Ok(decoded.text),
        Err(DecodeError::Empty) => Ok(String::new()),
        Err(source) => Err(DiscoverError::Decode {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Reads an XML file down to the depth gplint needs, and keeps its text.
pub(super) fn xml(path: &Path, max: u64) -> Result<(Element, String), DiscoverError> {
    let text = text(path, max)?;
    let root =
        xml::parse(&text, XML_DEPTH).map_err(|message| DiscoverError::bad_xml(path, &message))?;
    Ok((root, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: u64 = 1 << 20;

    #[test]
    fn a_file_over_the_limit_or_a_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("GPT.INI");
        std::fs::write(&path, "[General]\r\nVersion=1\r\n").unwrap();
        let err = text(&path, 8).unwrap_err();
        assert!(err.to_string().contains("--max-file-size"), "{err}");
        let link = dir.path().join("gpt.ini");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let err = text(&link, MAX).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gpreport.xml");
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(
            "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<GPO><Name>N</Name></GPO>"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        std::fs::write(&path, bytes).unwrap();
        let (root, _) = xml(&path, MAX).unwrap();
        assert_eq!(root.text_at(&["Name"]), Some("N"));
    }

    #[test]
    fn empty_files_are_empty_text_and_bad_xml() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bkupInfo.xml");
        std::fs::write(&path, b"").unwrap();
        assert_eq!(text(&path, MAX).unwrap(), "");
        assert!(matches!(xml(&path, MAX), Err(DiscoverError::BadXml { .. })));
    }

    #[test]
    fn binary_files_are_decode_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("GPT.INI");
        std::fs::write(&path, b"[General]\0\0\0").unwrap();
        let Err(DiscoverError::Decode { path: named, .. }) = text(&path, MAX) else {
            panic!("expected Decode");
        };
        assert_eq!(named, path);
    }
}
