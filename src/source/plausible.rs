//! Whether UTF-16 text is what the bytes meant, or a misreading.
//!
//! A byte-order mark decides how UTF-16 is read, and a wrong one turns a
//! template into text no editor would show: with the other byte order,
//! `[` (U+005B) reads as U+5B00, a CJK ideograph, and a line end as
//! U+0D00 U+0A00; 8-bit text behind a UTF-16 mark reads two letters at
//! a time, `[V` as U+565B. Both misreadings are code units made of two
//! text bytes, or of a text byte and a NUL: that is what is counted.

use super::decode::{DecodeWarning, DecodeWarningKind, Encoding};

/// More than this share of characters misread, in percent, and the text
/// is called implausible. Real templates are mostly ASCII, which never
/// counts; a file entirely in Chinese has about a fifth of such code
/// units.
const MISREAD_PERCENT: usize = 75;

/// Fewer characters than this are not judged.
const MIN_CHARS: usize = 4;

/// How many characters from the start are judged: a misreading runs
/// through the whole file, so the cost need not grow with it.
const SAMPLE: usize = 4096;

/// A warning when `text`, read as `encoding`, looks like one of the
/// misreadings above.
pub(super) fn check(text: &str, encoding: Encoding) -> Option<DecodeWarning> {
    let (mut total, mut swapped, mut paired) = (0usize, 0usize, 0usize);
    for c in text.chars().take(SAMPLE) {
        total += 1;
        let Ok(unit) = u16::try_from(u32::from(c)) else {
            continue;
        };
        let [high, low] = unit.to_be_bytes();
        if is_text_byte(high) && low == 0 {
            swapped += 1;
        } else if is_text_byte(high) && is_text_byte(low) {
            paired += 1;
        }
    }
    let misread = swapped + paired;
    if total < MIN_CHARS || misread * 100 <= total * MISREAD_PERCENT {
        return None;
    }
    let cause = if swapped >= paired {
        "UTF-16 in the other byte order, so the byte-order mark is wrong"
    } else {
        "8-bit text (ASCII, UTF-8 or Windows-1252) behind a UTF-16 byte-order mark"
    };
    Some(DecodeWarning {
        kind: DecodeWarningKind::ImplausibleText,
        offset: 0,
        message: format!(
            "read as {encoding}, {misread} of the first {total} characters are CJK or other unlikely characters: the bytes look like {cause}"
        ),
    })
}

/// Tab, line ends and printable ASCII.
fn is_text_byte(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\r' | 0x20..=0x7E)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str =
        "[Unicode]\r\nUnicode=yes\r\n[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-80-0\r\n";

    fn misread(bytes: &[u8], big_endian: bool) -> String {
        let units = bytes.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }

    #[test]
    fn the_wrong_byte_order_is_implausible() {
        let le: Vec<u8> = TEMPLATE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let text = misread(&le, true);
        assert!(text.starts_with('\u{5B00}'));
        let warning = check(&text, Encoding::Utf16BeBom).unwrap();
        assert!(
            warning.message.contains("other byte order"),
            "{}",
            warning.message
        );
    }

    #[test]
    fn eight_bit_text_read_as_utf16_is_implausible() {
        let text = misread(TEMPLATE.as_bytes(), false);
        let warning = check(&text, Encoding::Utf16LeBom).unwrap();
        assert!(
            warning.message.contains("8-bit text"),
            "{}",
            warning.message
        );
    }

    #[test]
    fn templates_and_text_in_other_scripts_are_plausible() {
        assert_eq!(check(TEMPLATE, Encoding::Utf16LeBom), None);
        let chinese = "这是一个关于服务帐户登录权限的说明文字，没有任何模板内容。".repeat(20);
        assert_eq!(check(&chinese, Encoding::Utf16LeBom), None);
        assert_eq!(check("\u{5B00}\u{5600}", Encoding::Utf16LeBom), None);
    }
}
