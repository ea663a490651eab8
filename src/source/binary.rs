//! Rejecting binary files after decoding, and flagging stray controls.

use super::decode::{DecodeWarning, DecodeWarningKind, Encoding};
use super::decode_error::{BinaryReason, DecodeError};

/// Controls that real text files carry: TAB, LF, CR, form feed, and SUB
/// (the old DOS end-of-file mark).
fn is_stray_control(c: char) -> bool {
    c.is_ascii_control() && c != '\u{7F}' && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}' | '\u{1A}')
}

/// Fails on a U+0000, or when stray controls make up more than 1% of the
/// characters (and there are at least two, so one stray byte in a tiny file
/// is only a warning). Otherwise adds a warning per stray control.
/// `bom_len` lets the error give an offset in the file as stored.
pub(super) fn check(
    text: &str,
    encoding: Encoding,
    bom_len: usize,
    warnings: &mut Vec<DecodeWarning>,
) -> Result<(), DecodeError> {
    // Controls are ASCII, so a scan of the bytes clears nearly every file
    // without decoding characters.
    if !text
        .bytes()
        .any(|b| is_stray_control(char::from(b)) || b == 0)
    {
        return Ok(());
    }
    let mut file_offset = bom_len;
    let mut chars = 0usize;
    let mut first_stray = None;
    let mut strays = Vec::new();
    for (offset, c) in text.char_indices() {
        if c == '\0' {
            return Err(DecodeError::Binary {
                byte_offset: file_offset,
                reason: BinaryReason::Nul,
            });
        }
        if is_stray_control(c) {
            first_stray.get_or_insert(file_offset);
            strays.push((offset, c));
        }
        chars += 1;
        file_offset += encoding.byte_width(c);
    }
    if let Some(byte_offset) =
        first_stray.filter(|_| strays.len() >= 2 && strays.len() * 100 > chars)
    {
        return Err(DecodeError::Binary {
            byte_offset,
            reason: BinaryReason::ControlCharacters {
                count: strays.len(),
            },
        });
    }
    warnings.extend(
        strays
            .into_iter()
            .map(|(offset, c)| stray_warning(offset, c)),
    );
    Ok(())
}

fn stray_warning(offset: usize, c: char) -> DecodeWarning {
    DecodeWarning {
        kind: DecodeWarningKind::ControlCharacter,
        offset,
        message: format!(
            "control character U+{:04X} does not belong in a template; remove it",
            u32::from(c)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::decode::decode;

    /// Deterministic pseudo-random bytes (xorshift64).
    fn random_bytes(len: usize, mut state: u64) -> Vec<u8> {
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state.to_le_bytes()[0]
            })
            .collect()
    }

    #[test]
    fn random_bytes_are_binary() {
        for seed in [1, 0x9E37_79B9_7F4A_7C15, 42, 7, 12345] {
            let err = decode(random_bytes(4096, seed)).unwrap_err();
            assert!(
                matches!(err, DecodeError::Binary { .. }),
                "seed {seed}: {err}"
            );
        }
    }

    #[test]
    fn nul_offset_is_a_file_offset() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("[A]".encode_utf16().flat_map(u16::to_le_bytes));
        bytes.extend([0, 0, b'x', 0]);
        let err = decode(bytes).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Binary {
                byte_offset: 8,
                reason: BinaryReason::Nul
            }
        );
    }

    #[test]
    fn many_controls_are_binary() {
        let text = "[A]\r\nx=\u{1}\u{2}\u{3}\r\n";
        let err = decode(text.as_bytes().to_vec()).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Binary {
                byte_offset: 7,
                reason: BinaryReason::ControlCharacters { count: 3 }
            }
        );
    }

    #[test]
    fn an_isolated_control_is_a_warning() {
        let text = format!("[A]\r\nx=1\u{7}\r\n{}", "y=2\r\n".repeat(40));
        let d = decode(text.into_bytes()).unwrap();
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].kind, DecodeWarningKind::ControlCharacter);
        assert_eq!(d.warnings[0].offset, 8);
        assert!(d.warnings[0].message.contains("U+0007"));
    }

    #[test]
    fn usual_whitespace_controls_are_fine() {
        let d = decode(b"[A]\tx\x0C\r\ny\x1A".to_vec()).unwrap();
        assert!(d.warnings.is_empty());
    }
}
