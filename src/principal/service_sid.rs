//! SIDs Windows derives from a name: `NT SERVICE\<svc>` and
//! `IIS APPPOOL\<pool>`.
//!
//! Both are `S-1-5-<n>-` followed by the SHA-1 of the UTF-16LE name, read as
//! five little-endian `u32`s. Computing them lets gplint match a name
//! written in one template with a `*S-1-5-80-…` written in another.
//!
//! `NT SERVICE\ALL SERVICES` is not hashed; it is the fixed S-1-5-80-0 and
//! lives in the well-known table.

use sha1::{Digest, Sha1};

use super::Sid;

/// `SECURITY_SERVICE_ID_BASE_RID`.
const SERVICE_BASE: u32 = 80;

/// `SECURITY_APPPOOL_ID_BASE_RID`.
const APP_POOL_BASE: u32 = 82;

/// The service SID of `NT SERVICE\<service_name>`.
///
/// The name is upper-cased first, as the Service Control Manager does.
pub fn service_sid(service_name: &str) -> Sid {
    hashed_sid(SERVICE_BASE, service_name.chars().map(upcase))
}

/// The SID of `IIS APPPOOL\<pool_name>`.
///
/// IIS hashes the lower-cased pool name, unlike service SIDs.
pub fn app_pool_sid(pool_name: &str) -> Sid {
    hashed_sid(APP_POOL_BASE, pool_name.chars().map(downcase))
}

fn hashed_sid(base: u32, name: impl Iterator<Item = char>) -> Sid {
    let digest = Sha1::digest(utf16le(name));
    let mut subs = [base, 0, 0, 0, 0, 0];
    for (slot, chunk) in subs.iter_mut().skip(1).zip(digest.chunks_exact(4)) {
        if let &[a, b, c, d] = chunk {
            *slot = u32::from_le_bytes([a, b, c, d]);
        }
    }
    Sid::nt_authority(subs)
}

fn utf16le(name: impl Iterator<Item = char>) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut units = [0u16; 2];
    for c in name {
        for unit in c.encode_utf16(&mut units) {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
    }
    bytes
}

fn upcase(c: char) -> char {
    single_bmp(c, c.to_uppercase())
}

fn downcase(c: char) -> char {
    single_bmp(c, c.to_lowercase())
}

/// Windows changes case one UTF-16 code unit at a time, so a character
/// keeps its case when Unicode would expand it (ß → SS) or when it lies
/// outside the Basic Multilingual Plane.
fn single_bmp(original: char, mut mapped: impl Iterator<Item = char>) -> char {
    match (mapped.next(), mapped.next()) {
        (Some(one), None) if is_bmp(original) && is_bmp(one) => one,
        _ => original,
    }
}

fn is_bmp(c: char) -> bool {
    u32::from(c) <= 0xFFFF
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(sid: Sid) -> String {
        sid.to_string()
    }

    #[test]
    fn trusted_installer_matches_winnt_h() {
        assert_eq!(
            text(service_sid("TrustedInstaller")),
            "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"
        );
    }

    #[test]
    fn mssqlserver_is_case_insensitive() {
        let expected = "S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003";
        assert_eq!(text(service_sid("MSSQLSERVER")), expected);
        assert_eq!(text(service_sid("mssqlserver")), expected);
    }

    #[test]
    fn wdi_service_host_matches_default_export() {
        assert_eq!(
            text(service_sid("WdiServiceHost")),
            "S-1-5-80-3139157870-2983391045-3678747466-658725712-1809340420"
        );
    }

    #[test]
    fn default_app_pool_uses_lower_case() {
        let expected = "S-1-5-82-3006700770-424185619-1745488364-794895919-4004696415";
        assert_eq!(text(app_pool_sid("DefaultAppPool")), expected);
        assert_eq!(text(app_pool_sid("DEFAULTAPPPOOL")), expected);
    }

    #[test]
    fn case_mapping_keeps_expanding_and_astral_chars() {
        assert_eq!(upcase('ß'), 'ß');
        assert_eq!(upcase('é'), 'É');
        assert_eq!(upcase('\u{10428}'), '\u{10428}');
        assert_eq!(downcase('İ'), 'İ');
    }

    #[test]
    fn encodes_utf16_little_endian() {
        assert_eq!(utf16le("A€".chars()), [0x41, 0x00, 0xAC, 0x20]);
        assert_eq!(utf16le("\u{1F600}".chars()), [0x3D, 0xD8, 0x00, 0xDE]);
    }
}
