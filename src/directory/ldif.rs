//! LDIF (RFC 2849) exports, as `ldifde -f` and `ldapsearch -LLL` write
//! them.

use std::io::BufRead;

use super::{DirectoryError, DirectoryLimits, Export};

/// Reads an LDIF export from `reader`; messages call it `name`.
pub(super) fn read(
    name: &str,
    reader: impl BufRead,
    limits: &DirectoryLimits,
) -> Result<Export, DirectoryError> {
    let _ = (reader, limits);
    Err(DirectoryError::NotRecognised {
        path: name.to_owned(),
        found: "LDIF is not read yet".to_owned(),
    })
}

/// Whether the first bytes of a file are LDIF: after comments and blank
/// lines, a `version:` or `dn:` line.
pub(super) fn looks_like_ldif(head: &[u8]) -> bool {
    let text = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head);
    text.split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .find(|line| !line.is_empty() && !line.starts_with(b"#"))
        .is_some_and(|line| {
            let lower = line.to_ascii_lowercase();
            lower.starts_with(b"dn:") || lower.starts_with(b"version:")
        })
}
