//! UTF-16 code units to text, replacing lone surrogates.

use super::decode::{DecodeWarning, DecodeWarningKind};

/// Decodes an even-length UTF-16 payload (byte-order mark removed). A
/// trailing odd byte is ignored; the caller rejects odd lengths first.
pub(super) fn decode(payload: &[u8], big_endian: bool) -> (String, Vec<DecodeWarning>) {
    // Well-formed text, nearly every file, takes encoding_rs's vectorised
    // decoder; only text with a lone surrogate needs the warnings below.
    let (pairs, _) = payload.as_chunks::<2>();
    let whole = pairs.as_flattened();
    let encoding = if big_endian {
        encoding_rs::UTF_16BE
    } else {
        encoding_rs::UTF_16LE
    };
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(whole) {
        let mut text = text.into_owned();
        // The decoder reserves for the worst case; thousands of templates
        // are kept for the whole run.
        text.shrink_to_fit();
        return (text, Vec::new());
    }
    with_replacement(pairs, big_endian)
}

/// The slow path: decodes unit by unit, replacing and reporting lone surrogates.
fn with_replacement(pairs: &[[u8; 2]], big_endian: bool) -> (String, Vec<DecodeWarning>) {
    let units = pairs.iter().map(|&pair| {
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(pairs.len());
    let mut warnings = Vec::new();
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => text.push(c),
            Err(err) => {
                warnings.push(lone_surrogate(text.len(), err.unpaired_surrogate()));
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    (text, warnings)
}

fn lone_surrogate(offset: usize, unit: u16) -> DecodeWarning {
    DecodeWarning {
        kind: DecodeWarningKind::LoneSurrogate,
        offset,
        message: format!(
            "unpaired UTF-16 surrogate 0x{unit:04X} was replaced by U+FFFD; the file may be damaged"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_decode_and_lone_surrogates_are_replaced() {
        // "a", U+1F600 as a pair, then a lone low surrogate.
        let units: [u16; 4] = [0x61, 0xD83D, 0xDE00, 0xDC00];
        let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        let (text, warnings) = decode(&bytes, true);
        assert_eq!(text, "a\u{1F600}\u{FFFD}");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].offset, 5);
        assert!(warnings[0].message.contains("0xDC00"));
    }
}
