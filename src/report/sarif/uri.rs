//! File names as SARIF `uri` values.

use std::path::Path;

use super::super::ci::RepoPaths;
use super::model::ArtifactLocation;

/// The base id relative URIs are resolved against: the repository root.
pub(super) const SRCROOT: &str = "%SRCROOT%";

/// A file as SARIF names it: relative to [`SRCROOT`] when it is inside
/// the repository, else an absolute `file:` URI. A name in angle brackets
/// (`<stdin>`) is no file and stays as it is, encoded.
pub(super) fn artifact(name: &str, paths: &RepoPaths) -> ArtifactLocation {
    if name.starts_with('<') && name.ends_with('>') {
        return ArtifactLocation {
            uri: file_uri(name),
            uri_base_id: None,
        };
    }
    match paths.relative(name) {
        Some(relative) => ArtifactLocation {
            uri: file_uri(&relative),
            uri_base_id: Some(SRCROOT),
        },
        None => ArtifactLocation {
            uri: absolute_uri(&paths.absolute(name)),
            uri_base_id: None,
        },
    }
}

/// An absolute path as a `file:` URI; a folder's ends in `/`, as
/// `originalUriBaseIds` requires.
pub(super) fn absolute_uri(path: &Path) -> String {
    let uri = file_uri(&path.to_string_lossy());
    if uri.starts_with("file:") {
        uri
    } else {
        format!("file://{uri}")
    }
}

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
    fn inside_the_root_is_relative_outside_is_absolute() {
        let paths = RepoPaths {
            cwd: "/repo".into(),
            root: Some("/repo".into()),
        };
        let inside = artifact("GPOs/a b.inf", &paths);
        assert_eq!(inside.uri, "GPOs/a%20b.inf");
        assert_eq!(inside.uri_base_id, Some(SRCROOT));
        let outside = artifact("/tmp/x.inf", &paths);
        assert_eq!(outside.uri, "file:///tmp/x.inf");
        assert_eq!(outside.uri_base_id, None);
        assert_eq!(artifact("<stdin>", &paths).uri, "%3Cstdin%3E");
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
