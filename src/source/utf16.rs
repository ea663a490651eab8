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
    if let Some(text) = without_replacement(whole, encoding) {
        return (text, Vec::new());
    }
    with_replacement(pairs, big_endian)
}

/// Bytes decoded per step into the fixed buffer.
const CHUNK: usize = 64 * 1024;

/// Decodes well-formed UTF-16, `None` at a lone surrogate. Decoding goes
/// through a small buffer into text sized for one byte per unit (exact
/// for ASCII; it grows for the rest): encoding_rs's one-call decoder
/// reserves and maps three bytes per unit, so a 200 MB file cost 300 MB
/// more while it was read. Thousands of templates are kept for the whole
/// run, so the text is shrunk to size.
fn without_replacement(whole: &[u8], encoding: &'static encoding_rs::Encoding) -> Option<String> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(whole.len() / 2);
    let mut rest = whole;
    // The buffer is the thread's, so ten thousand templates do not each
    // allocate and zero 64 KiB.
    BUFFER.with_borrow_mut(|buffer| {
        loop {
            let (result, read, written) =
                decoder.decode_to_str_without_replacement(rest, buffer, true);
            text.push_str(buffer.get(..written)?);
            rest = rest.get(read..)?;
            match result {
                encoding_rs::DecoderResult::InputEmpty => return Some(()),
                encoding_rs::DecoderResult::OutputFull => {}
                encoding_rs::DecoderResult::Malformed(..) => return None,
            }
        }
    })?;
    text.shrink_to_fit();
    Some(text)
}

thread_local! {
    /// The decoding buffer of [`without_replacement`].
    static BUFFER: std::cell::RefCell<String> = std::cell::RefCell::new("\0".repeat(CHUNK));
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
    fn text_longer_than_the_buffer_decodes_whole() {
        let text: String = "Sé\u{1F600}x\r\n".repeat(CHUNK / 3);
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let (decoded, warnings) = decode(&bytes, false);
        assert_eq!(decoded, text);
        assert!(warnings.is_empty());
        assert_eq!(decoded.capacity(), decoded.len());
    }

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
