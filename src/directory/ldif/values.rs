//! Decoding the values the model reads: base64, binary SIDs, FILETIMEs
//! and the negative intervals of password policies.

use crate::principal::Sid;

/// Seconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01.
const EPOCH_GAP: i64 = 11_644_473_600;

/// 100-ns intervals in a second and in a day.
const TICKS_PER_SECOND: i64 = 10_000_000;
const TICKS_PER_DAY: u64 = 864_000_000_000;

/// Decodes standard base64 (RFC 4648, with or without padding);
/// `None` when `text` is not base64.
pub(super) fn base64(text: &[u8]) -> Option<Vec<u8>> {
    let text = text.trim_ascii_end();
    let body = text.strip_suffix(b"==").or_else(|| text.strip_suffix(b"="));
    let body = body.unwrap_or(text);
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &byte in body {
        acc = (acc << 6) | u32::from(sextet(byte)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn sextet(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Decodes a binary SID as `objectSid` holds it: revision 1, the count
/// of sub-authorities, a 6-byte big-endian authority, then each
/// sub-authority as 4 little-endian bytes.
pub(super) fn sid(bytes: &[u8]) -> Result<Sid, String> {
    let [revision, count, rest @ ..] = bytes else {
        return Err(format!("is {} bytes, too short for a SID", bytes.len()));
    };
    if *revision != 1 {
        return Err(format!(
            "is a SID of revision {revision}, where 1 is the only one"
        ));
    }
    let count = usize::from(*count);
    let (authority, subs) = rest
        .split_at_checked(6)
        .ok_or("ends inside the SID's authority")?;
    if subs.len() != 4 * count || count > 15 {
        return Err(format!(
            "says it has {count} sub-authorities but holds {} bytes for them",
            subs.len()
        ));
    }
    let authority = authority
        .iter()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    let subs: Vec<u32> = subs
        .chunks_exact(4)
        .map(|c| <[u8; 4]>::try_from(c).map_or(0, u32::from_le_bytes))
        .collect();
    Sid::from_parts(authority, &subs).ok_or_else(|| "is not a valid SID".to_owned())
}

/// A FILETIME (100-ns intervals since 1601) as seconds since 1970; 0
/// stays 0, which AD uses for "must change at next logon".
pub(super) fn filetime(ticks: i64) -> i64 {
    if ticks == 0 {
        0
    } else {
        ticks / TICKS_PER_SECOND - EPOCH_GAP
    }
}

/// `accountExpires`: `None` for 0 and `0x7FFFFFFFFFFFFFFF`, which both
/// mean the account never expires.
pub(super) fn account_expires(ticks: i64) -> Option<i64> {
    (ticks != 0 && ticks != i64::MAX).then(|| filetime(ticks))
}

/// A password age as AD stores it (negative 100-ns intervals) in whole
/// days; 0 when it never expires (0, or the most negative value).
pub(super) fn interval_days(ticks: i64) -> i64 {
    if ticks == i64::MIN {
        return 0;
    }
    i64::try_from(ticks.unsigned_abs() / TICKS_PER_DAY).unwrap_or(0)
}

/// A decimal integer, as LDAP writes numbers.
pub(super) fn integer(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(
            base64(b"AQIAAAAAAAUgAAAALQIAAA==").map(|b| b.len()),
            Some(16)
        );
        assert_eq!(base64(b"TWFu").as_deref(), Some(&b"Man"[..]));
        assert_eq!(base64(b"TWE=").as_deref(), Some(&b"Ma"[..]));
        assert_eq!(base64(b"TWE").as_deref(), Some(&b"Ma"[..]));
        assert_eq!(base64(b"").as_deref(), Some(&b""[..]));
        assert_eq!(base64(b"T"), None);
        assert_eq!(base64(b"TW!u"), None);
    }

    #[test]
    fn sids_decode_as_ad_stores_them() {
        // BUILTIN\Incoming Forest Trust Builders and the contoso domain,
        // from the corpus export.
        let builtin = base64(b"AQIAAAAAAAUgAAAALQIAAA==").unwrap();
        assert_eq!(sid(&builtin).unwrap().to_string(), "S-1-5-32-557");
        let domain = base64(b"AQQAAAAAAAUVAAAA/F1PLx9OCLLDHPV8").unwrap();
        assert_eq!(
            sid(&domain).unwrap().to_string(),
            "S-1-5-21-793730556-2986888735-2096438467"
        );
        let world = [1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0];
        assert_eq!(sid(&world).unwrap().to_string(), "S-1-1-0");
    }

    #[test]
    fn malformed_sids_are_refused() {
        assert!(sid(&[]).is_err());
        assert!(sid(&[1]).is_err());
        assert!(sid(&[2, 0, 0, 0, 0, 0, 0, 5]).is_err());
        assert!(sid(&[1, 1, 0, 0, 0, 0, 0, 5]).is_err());
        assert!(sid(&[1, 0, 0, 0, 0]).is_err());
        let mut too_many = vec![1, 16, 0, 0, 0, 0, 0, 5];
        too_many.extend([0; 64]);
        assert!(sid(&too_many).is_err());
        assert!(sid(&[1, 0, 0, 0, 0, 0, 0, 5]).is_ok());
    }

    #[test]
    fn times_and_intervals() {
        // 2026-11-30 01:59:29 UTC, svc_reports' pwdLastSet in the corpus.
        assert_eq!(filetime(134_404_775_698_944_950), 1_796_003_969);
        assert_eq!(filetime(0), 0);
        assert_eq!(account_expires(0), None);
        assert_eq!(account_expires(i64::MAX), None);
        assert_eq!(account_expires(116_444_736_000_000_000), Some(0));
        assert_eq!(interval_days(-51_840_000_000_000), 60);
        assert_eq!(interval_days(-315_360_000_000_000), 365);
        assert_eq!(interval_days(i64::MIN), 0);
        assert_eq!(interval_days(0), 0);
    }
}
