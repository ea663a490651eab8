//! File names as SARIF `uri` values.

/// The file name as the user gave it, made a valid URI reference: forward
/// slashes, bytes a URI cannot hold percent-encoded, and `file:` in front of
/// a Windows drive (`C:/…`) or UNC (`//server/…`) path, which would
/// otherwise read as a scheme or a host.
pub(super) fn file_uri(name: &str) -> String {
    let slashed = name.replace('\\', "/");
    let drive =
        matches!(slashed.as_bytes(), [letter, b':', b'/', ..] if letter.is_ascii_alphabetic());
    let (prefix, rest) = if drive {
        // The drive's colon stays literal: `file:///C:/x` is the usual form.
        let (letter, rest) = slashed.split_at(2);
        (format!("file:///{letter}"), rest)
    } else if slashed.starts_with("//") {
        ("file:".to_owned(), slashed.as_str())
    } else {
        (String::new(), slashed.as_str())
    };
    let mut out = prefix;
    for byte in rest.bytes() {
        if keeps(byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// RFC 3986 path characters, less `:` (which would start a scheme in a
/// relative reference's first segment).
fn keeps(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_keep_their_shape_with_forward_slashes() {
        assert_eq!(
            file_uri("examples/quickstart/GptTmpl.inf"),
            "examples/quickstart/GptTmpl.inf"
        );
        assert_eq!(
            file_uri(r"GPOs\Default Domain\GptTmpl.inf"),
            "GPOs/Default%20Domain/GptTmpl.inf"
        );
        assert_eq!(file_uri("/tmp/a#b/ü.inf"), "/tmp/a%23b/%C3%BC.inf");
        assert_eq!(file_uri("a:b.inf"), "a%3Ab.inf");
    }

    #[test]
    fn windows_drive_and_unc_paths_become_file_uris() {
        assert_eq!(
            file_uri(r"C:\GPOs\GptTmpl.inf"),
            "file:///C:/GPOs/GptTmpl.inf"
        );
        assert_eq!(
            file_uri(r"\\dc01\SYSVOL\GptTmpl.inf"),
            "file://dc01/SYSVOL/GptTmpl.inf"
        );
    }
}
