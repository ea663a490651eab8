//! Guessing the encoding from a byte-order mark or the NUL pattern.

use super::decode::Encoding;

/// How far into the file the UTF-16 sniffing looks.
const SNIFF_LEN: usize = 1024;

/// The encoding the first bytes suggest and the length of the byte-order
/// mark. Returns [`Encoding::Utf8`] when nothing points at UTF-16; whether
/// that holds is only known once the whole file is checked.
pub(super) fn sniff(bytes: &[u8]) -> (Encoding, usize) {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        (Encoding::Utf8Bom, 3)
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        (Encoding::Utf16LeBom, 2)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        (Encoding::Utf16BeBom, 2)
    } else {
        let prefix = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
        (utf16_by_nuls(prefix).unwrap_or(Encoding::Utf8), 0)
    }
}

/// Templates are almost all ASCII, so UTF-16 shows as a NUL in most code
/// units' high byte and almost never in the low byte. Binary data has NULs
/// in both positions and is left for the binary check to reject.
fn utf16_by_nuls(prefix: &[u8]) -> Option<Encoding> {
    let (units, _) = prefix.as_chunks::<2>();
    let n = units.len();
    let even = units.iter().filter(|[a, _]| *a == 0).count();
    let odd = units.iter().filter(|[_, b]| *b == 0).count();
    let mostly = |count: usize| count * 2 > n;
    let few = |count: usize| count * 10 < n;
    if n == 0 {
        None
    } else if mostly(odd) && few(even) {
        Some(Encoding::Utf16Le)
    } else if mostly(even) && few(odd) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_win() {
        assert_eq!(sniff(&[0xFF, 0xFE, b'[', 0]), (Encoding::Utf16LeBom, 2));
        assert_eq!(sniff(&[0xFE, 0xFF, 0, b'[']), (Encoding::Utf16BeBom, 2));
        assert_eq!(sniff(&[0xEF, 0xBB, 0xBF, b'[']), (Encoding::Utf8Bom, 3));
    }

    #[test]
    fn nul_pattern_gives_endianness() {
        assert_eq!(sniff(b"[\0V\0e\0r\0"), (Encoding::Utf16Le, 0));
        assert_eq!(sniff(b"\0[\0V\0e\0r"), (Encoding::Utf16Be, 0));
    }

    #[test]
    fn text_and_mixed_nuls_are_not_utf16() {
        assert_eq!(sniff(b"[Version]"), (Encoding::Utf8, 0));
        assert_eq!(sniff(b"\0\0\0\0ab\0\0"), (Encoding::Utf8, 0));
        assert_eq!(sniff(b"x"), (Encoding::Utf8, 0));
    }
}
