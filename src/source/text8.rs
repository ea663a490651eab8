//! Byte-per-character text: UTF-8, or Windows-1252 when UTF-8 fails.

use encoding_rs::WINDOWS_1252;

use super::decode::{DecodeWarning, DecodeWarningKind, Encoding};

/// Decodes `bytes` (byte-order mark already removed) as UTF-8, taking the
/// buffer over without a copy, or as Windows-1252 with a warning.
/// `utf8` says which UTF-8 flavour to report on success.
pub(super) fn decode(bytes: Vec<u8>, utf8: Encoding) -> (String, Encoding, Vec<DecodeWarning>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, utf8, Vec::new()),
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let (text, warning) = windows_1252(&bytes, valid_up_to);
            (text, Encoding::Windows1252, vec![warning])
        }
    }
}

/// Every byte is a character in Windows-1252, so the first bad UTF-8 byte's
/// index is also its character index in the decoded text.
fn windows_1252(bytes: &[u8], bad_index: usize) -> (String, DecodeWarning) {
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let offset = text
        .char_indices()
        .nth(bad_index)
        .map_or(text.len(), |(i, _)| i);
    let byte = bytes.get(bad_index).copied().unwrap_or_default();
    let message = format!(
        "the file is not valid UTF-8 (byte 0x{byte:02X} at offset {bad_index}) and was read as Windows-1252; \
         re-save it as UTF-16LE with BOM or as UTF-8"
    );
    let warning = DecodeWarning {
        kind: DecodeWarningKind::Windows1252Fallback,
        offset,
        message,
    };
    (text, warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_is_kept() {
        let (text, enc, warnings) = decode("a=ü".as_bytes().to_vec(), Encoding::Utf8Bom);
        assert_eq!((text.as_str(), enc), ("a=ü", Encoding::Utf8Bom));
        assert!(warnings.is_empty());
    }

    #[test]
    fn invalid_utf8_reads_as_windows_1252() {
        let (text, enc, warnings) = decode(b"a=\x93x\x94".to_vec(), Encoding::Utf8);
        assert_eq!(text, "a=\u{201C}x\u{201D}");
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(warnings[0].offset, 2);
        assert!(warnings[0].message.contains("0x93 at offset 2"));
    }
}
