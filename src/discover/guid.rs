//! GUIDs in the one spelling gplint uses: braces, upper case; and the
//! well-known GUID of the Default Domain Policy.

/// The Default Domain Policy, linked at the domain root: the same GUID in
/// every domain. Its password and lockout policy governs domain accounts.
pub const DEFAULT_DOMAIN_POLICY: &str = "{31B2F340-016D-11D2-945F-00C04FB984F9}";

/// Normalizes a GUID to `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` in upper
/// case. Braces are optional on input (folder names have them, some XML
/// values not) and surrounding whitespace is ignored. Anything that is not
/// a GUID gives `None`, so a folder that merely holds a GPT.INI is not
/// mistaken for a GUID-named policy folder.
pub fn normalize_guid(text: &str) -> Option<String> {
    let text = text.trim();
    let bare = match text.strip_prefix('{') {
        Some(rest) => rest.strip_suffix('}')?,
        None => text,
    };
    is_bare_guid(bare).then(|| format!("{{{}}}", bare.to_ascii_uppercase()))
}

/// 8-4-4-4-12 hex digits separated by hyphens.
fn is_bare_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    lengths == [8, 4, 4, 4, 12]
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_are_added_and_case_is_raised() {
        let want = Some("{6AC1786C-016F-11D2-945F-00C04FB984F9}".to_string());
        assert_eq!(
            normalize_guid("{6AC1786C-016F-11D2-945F-00C04fB984F9}"),
            want
        );
        assert_eq!(normalize_guid("6ac1786c-016f-11d2-945f-00c04fb984f9"), want);
        assert_eq!(
            normalize_guid("  {6ac1786c-016f-11d2-945f-00c04fb984f9}\r\n"),
            want
        );
    }

    #[test]
    fn the_default_domain_policy_guid_is_normalized() {
        assert_eq!(
            normalize_guid(DEFAULT_DOMAIN_POLICY).as_deref(),
            Some(DEFAULT_DOMAIN_POLICY)
        );
    }

    #[test]
    fn non_guids_are_refused() {
        for text in [
            "",
            "{}",
            "Default Domain Policy",
            "{31B2F340-016D-11D2-945F-00C04FB984F9",
            "31B2F340-016D-11D2-945F-00C04FB984F9}",
            "31B2F340016D11D2945F00C04FB984F9",
            "{31B2F340-016D-11D2-945F-00C04FB984FG}",
            "{31B2F340-016D-11D2-945F-00C04FB984F9-1}",
            "{31B2F340-016D-11D2-945F00C04FB984F9}",
            "{３1B2F340-016D-11D2-945F-00C04FB984F9}",
        ] {
            assert_eq!(normalize_guid(text), None, "{text:?}");
        }
    }
}
