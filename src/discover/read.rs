//! Reading the small metadata files of a GPO as text.

use std::path::Path;

use super::error::DiscoverError;
use super::xml::{self, Element};
use crate::source::{DecodeError, decode};

/// How deep XML elements are kept: `GPO/LinksTo/SOMPath` is the deepest
/// path read.
const XML_DEPTH: usize = 3;

/// Reads and decodes a file (`gpreport.xml` is UTF-16LE, the others ASCII).
/// An empty file reads as empty text, so each caller decides what an empty
/// file means.
pub(super) fn text(path: &Path) -> Result<String, DiscoverError> {
    let bytes = std::fs::read(path).map_err(|e| DiscoverError::unreadable(path, e))?;
    match decode(bytes) {
        Ok(decoded) => Ok(decoded.text),
        Err(DecodeError::Empty) => Ok(String::new()),
        Err(source) => Err(DiscoverError::Decode {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Reads an XML file down to the depth gplint needs.
pub(super) fn xml(path: &Path) -> Result<Element, DiscoverError> {
    xml::parse(&text(path)?, XML_DEPTH).map_err(|message| DiscoverError::BadXml {
        path: path.to_path_buf(),
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let root = xml(&path).unwrap();
        assert_eq!(root.text_at(&["Name"]), Some("N"));
    }

    #[test]
    fn empty_files_are_empty_text_and_bad_xml() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bkupInfo.xml");
        std::fs::write(&path, b"").unwrap();
        assert_eq!(text(&path).unwrap(), "");
        assert!(matches!(xml(&path), Err(DiscoverError::BadXml { .. })));
    }

    #[test]
    fn binary_files_are_decode_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("GPT.INI");
        std::fs::write(&path, b"[General]\0\0\0").unwrap();
        let Err(DiscoverError::Decode { path: named, .. }) = text(&path) else {
            panic!("expected Decode");
        };
        assert_eq!(named, path);
    }
}
