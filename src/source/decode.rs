//! Decoding a template's bytes into text, with the encoding that was found.

use serde::Serialize;

use super::{binary, detect, plausible, text8, utf16};

pub use super::decode_error::{BinaryReason, DecodeError};

/// The encoding a file was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Encoding {
    /// UTF-16 little-endian with a `FF FE` byte-order mark (what `secedit` writes).
    #[serde(rename = "utf-16le-bom")]
    Utf16LeBom,
    /// UTF-16 big-endian with a `FE FF` byte-order mark.
    #[serde(rename = "utf-16be-bom")]
    Utf16BeBom,
    /// UTF-16 little-endian recognised by its NUL pattern, without a mark.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16 big-endian recognised by its NUL pattern, without a mark.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// UTF-8 with an `EF BB BF` byte-order mark.
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    /// UTF-8 (including plain ASCII) without a mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// Not valid UTF-8, so read as Windows-1252.
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    /// A human-readable name, e.g. `"UTF-16LE with BOM"`.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf16LeBom => "UTF-16LE with BOM",
            Encoding::Utf16BeBom => "UTF-16BE with BOM",
            Encoding::Utf16Le => "UTF-16LE without BOM",
            Encoding::Utf16Be => "UTF-16BE without BOM",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    /// Whether text in this encoding takes two bytes per UTF-16 code unit.
    pub fn is_utf16(self) -> bool {
        matches!(
            self,
            Encoding::Utf16LeBom | Encoding::Utf16BeBom | Encoding::Utf16Le | Encoding::Utf16Be
        )
    }

    /// How many bytes of the file `c` took, so errors can give file offsets.
    pub(super) fn byte_width(self, c: char) -> usize {
        match self {
            _ if self.is_utf16() => c.len_utf16() * 2,
            Encoding::Windows1252 => 1,
            _ => c.len_utf8(),
        }
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A file's text, the encoding it was read in, and what looked wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text without byte-order mark; line ends are kept as they were.
    pub text: String,
    /// The encoding the bytes were read in.
    pub encoding: Encoding,
    /// Problems that did not stop decoding, ordered by offset.
    pub warnings: Vec<DecodeWarning>,
}

/// A problem found while decoding that still left usable text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeWarning {
    /// What kind of problem.
    pub kind: DecodeWarningKind,
    /// Byte offset into the decoded text.
    pub offset: usize,
    /// One-line explanation for the user.
    pub message: String,
}

/// The kinds of [`DecodeWarning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecodeWarningKind {
    /// An unpaired UTF-16 surrogate, replaced by U+FFFD.
    LoneSurrogate,
    /// The file was not valid UTF-8 and was read as Windows-1252.
    Windows1252Fallback,
    /// A stray C0 control character (too few to call the file binary).
    ControlCharacter,
    /// UTF-16 that reads as mostly CJK or other unlikely characters: a
    /// byte-order mark that contradicts the bytes.
    ImplausibleText,
}

/// Decodes a template file's bytes.
///
/// A byte-order mark decides the encoding; without one, a NUL pattern in the
/// first 1024 bytes means UTF-16, then valid UTF-8 is taken as is (without
/// copying) and anything else is read as Windows-1252 with a warning. A
/// UTF-8 BOM followed by invalid UTF-8 is also read as Windows-1252.
pub fn decode(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let (detected, bom_len) = detect::sniff(&bytes);
    if bytes.len() <= bom_len {
        return Err(DecodeError::Empty);
    }
    let (text, encoding, mut warnings) = if detected.is_utf16() {
        decode_utf16(&bytes, detected, bom_len)?
    } else {
        // drain shifts in place, so the Vec is still handed over without a copy.
        bytes.drain(..bom_len.min(bytes.len()));
        text8::decode(bytes, detected)
    };
    binary::check(&text, encoding, bom_len, &mut warnings)?;
    warnings.sort_by_key(|w| w.offset);
    Ok(Decoded {
        text,
        encoding,
        warnings,
    })
}

type Parts = (String, Encoding, Vec<DecodeWarning>);

fn decode_utf16(bytes: &[u8], encoding: Encoding, bom_len: usize) -> Result<Parts, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::OddUtf16Length {
            len: bytes.len(),
            encoding,
        });
    }
    let payload = bytes.get(bom_len..).unwrap_or_default();
    let big_endian = matches!(encoding, Encoding::Utf16BeBom | Encoding::Utf16Be);
    let (text, mut warnings) = utf16::decode(payload, big_endian);
    warnings.extend(plausible::check(&text, encoding));
    Ok((text, encoding, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    fn utf16be(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFE, 0xFF] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        out
    }

    const SAMPLE: &str =
        "[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeBatchLogonRight = *S-1-5-32-544\r\n";

    #[test]
    fn utf16le_with_bom_drops_the_bom() {
        let d = decode(utf16le(SAMPLE, true)).unwrap();
        assert_eq!(d.encoding, Encoding::Utf16LeBom);
        assert_eq!(d.text, SAMPLE);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16be_with_bom() {
        let d = decode(utf16be("[Version]\nx=ü", true)).unwrap();
        assert_eq!(d.encoding, Encoding::Utf16BeBom);
        assert_eq!(d.text, "[Version]\nx=ü");
    }

    #[test]
    fn utf16_without_bom_is_found_by_nul_pattern() {
        let le = decode(utf16le(SAMPLE, false)).unwrap();
        assert_eq!(le.encoding, Encoding::Utf16Le);
        assert_eq!(le.text, SAMPLE);
        let be = decode(utf16be(SAMPLE, false)).unwrap();
        assert_eq!(be.encoding, Encoding::Utf16Be);
        assert_eq!(be.text, SAMPLE);
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("[Version]\r\nName=Jürgen\r\n".as_bytes());
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text, "[Version]\r\nName=Jürgen\r\n");
        let plain = decode(b"[Version]\n".to_vec()).unwrap();
        assert_eq!(plain.encoding, Encoding::Utf8);
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let d = decode(b"[Version]\r\nName=J\xFCrgen \x80\r\n".to_vec()).unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.text, "[Version]\r\nName=Jürgen €\r\n");
        assert_eq!(d.warnings.len(), 1);
        let w = &d.warnings[0];
        assert_eq!(w.kind, DecodeWarningKind::Windows1252Fallback);
        assert_eq!(w.offset, "[Version]\r\nName=J".len());
        assert!(w.message.contains("not valid UTF-8"), "{}", w.message);
        assert!(w.message.contains("UTF-16LE with BOM"), "{}", w.message);
    }

    #[test]
    fn fallback_offset_counts_earlier_multibyte_text_as_windows_1252() {
        // "é" is valid UTF-8 (2 bytes) but becomes "Ã©" (4 bytes) once the
        // whole file is read as Windows-1252.
        let d = decode(b"\xC3\xA9 \xFF".to_vec()).unwrap();
        assert_eq!(d.text, "Ã© ÿ");
        assert_eq!(d.warnings[0].offset, "Ã© ".len());
    }

    #[test]
    fn odd_utf16_length_is_an_error() {
        let mut bytes = utf16le(SAMPLE, true);
        bytes.push(b'x');
        let len = bytes.len();
        let err = decode(bytes).unwrap_err();
        assert_eq!(
            err,
            DecodeError::OddUtf16Length {
                len,
                encoding: Encoding::Utf16LeBom
            }
        );
        assert!(
            err.to_string()
                .contains(&format!("odd number of bytes ({len})"))
        );
    }

    #[test]
    fn lone_surrogate_becomes_replacement_with_warning() {
        let mut bytes = utf16le("[A]\r\nx=", true);
        bytes.extend_from_slice(&0xD800u16.to_le_bytes());
        bytes.extend(utf16le("y", false));
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "[A]\r\nx=\u{FFFD}y");
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].kind, DecodeWarningKind::LoneSurrogate);
        assert_eq!(d.warnings[0].offset, "[A]\r\nx=".len());
    }

    #[test]
    fn empty_and_bom_only_files_are_empty() {
        assert_eq!(decode(vec![]), Err(DecodeError::Empty));
        assert_eq!(decode(vec![0xFF, 0xFE]), Err(DecodeError::Empty));
        assert_eq!(decode(vec![0xEF, 0xBB, 0xBF]), Err(DecodeError::Empty));
    }

    #[test]
    fn line_ends_are_kept() {
        let d = decode(b"[A]\rx=1\ny=2\r\n".to_vec()).unwrap();
        assert_eq!(d.text, "[A]\rx=1\ny=2\r\n");
    }

    #[test]
    fn labels_are_readable() {
        assert_eq!(Encoding::Utf16LeBom.label(), "UTF-16LE with BOM");
        assert_eq!(Encoding::Windows1252.to_string(), "Windows-1252");
    }
}
