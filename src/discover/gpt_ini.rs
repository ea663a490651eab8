//! The display name in a SYSVOL `GPT.INI`, when it has one.
//!
//! GPT.INI holds `[General]` with `Version=` and, on GPOs made by the
//! GPMC console, `displayName=`. The name Windows shows lives in the
//! directory, so this one can be stale or missing; it is only a label.

/// The `displayName=` value in `[General]`, trimmed; section and key
/// names are matched ignoring case, like every INI file on Windows.
pub(super) fn display_name(text: &str) -> Option<String> {
    let mut in_general = false;
    for line in text.lines().map(str::trim) {
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            in_general = section.trim().eq_ignore_ascii_case("General");
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if in_general && key.trim().eq_ignore_ascii_case("displayName") {
            let value = value.trim();
            return (!value.is_empty()).then(|| value.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_display_name_from_general() {
        let text = "[General]\r\nVersion=12\r\ndisplayName=Default Domain Policy\r\n";
        assert_eq!(display_name(text).as_deref(), Some("Default Domain Policy"));
        let text = "[general]\nDISPLAYNAME = Servers Baseline \n";
        assert_eq!(display_name(text).as_deref(), Some("Servers Baseline"));
    }

    #[test]
    fn missing_empty_or_elsewhere_is_none() {
        assert_eq!(display_name("[General]\r\nVersion=0\r\n"), None);
        assert_eq!(display_name("[General]\r\ndisplayName=\r\n"), None);
        assert_eq!(display_name("[Other]\r\ndisplayName=X\r\n"), None);
        assert_eq!(display_name("displayName=X\r\n"), None);
        assert_eq!(display_name(""), None);
    }
}
