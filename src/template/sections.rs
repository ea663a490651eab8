//! The sections a security template may hold, and a warning for a name
//! that is one of them misspelt.
//!
//! Windows ignores a section it does not know, so `[Privilege Right]`
//! grants nothing and nobody is told. gplint keeps an unknown section as
//! written (tools and people add their own), but one that is close to a
//! known name is almost surely a typo of it.

use crate::diagnostic::{Code, Diagnostic};
use crate::suggest::did_you_mean;
use crate::syntax::Section;

/// Every section of the security template format, as `secedit /export`
/// and the Security Templates snap-in write them (Microsoft's "Security
/// Configuration Engine" INF format), whether gplint models it or not.
pub const KNOWN_SECTIONS: &[&str] = &[
    "Unicode",
    "Version",
    "Profile Description",
    "System Access",
    "System Log",
    "Security Log",
    "Application Log",
    "Event Audit",
    "Registry Values",
    "Privilege Rights",
    "Group Membership",
    "Service General Setting",
    "Registry Keys",
    "File Security",
    "Kerberos Policy",
    "Strings",
];

/// A warning when `section`'s name is not a known section but close to
/// one; nothing for a known name (in any case) or an unrelated one.
pub fn misspelt(section: &Section<'_>) -> Option<Diagnostic> {
    let name = section.name;
    if KNOWN_SECTIONS.iter().any(|k| k.eq_ignore_ascii_case(name)) {
        return None;
    }
    let known = did_you_mean(name, KNOWN_SECTIONS.iter().copied())?;
    let span = *section.headers.first()?;
    Some(
        Diagnostic::new(
            Code::TemplateUnknownSection,
            format!("`[{name}]` is not a section of a security template"),
            span,
        )
        .with_label("unknown section")
        .with_help(format!("did you mean `[{known}]`?"))
        .with_note(
            "Windows ignores a section it does not know, so nothing under this header applies",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax;

    fn warnings(text: &str) -> Vec<Diagnostic> {
        let doc = syntax::parse(text);
        doc.sections.iter().filter_map(misspelt).collect()
    }

    #[test]
    fn a_near_miss_gets_a_did_you_mean_at_its_header() {
        let text =
            "[Unicode]\r\nUnicode=yes\r\n[Privilege Right]\r\nSeServiceLogonRight = *S-1-5-20\r\n";
        let [warning] = warnings(text).try_into().unwrap();
        assert_eq!(warning.code, "template::unknown-section");
        assert_eq!(
            warning.help.as_deref(),
            Some("did you mean `[Privilege Rights]`?")
        );
        let span = warning.primary_span().unwrap();
        assert_eq!(&text[span.start..span.end], "[Privilege Right]");
        for typo in [
            "System Acess",
            "Group Memberships",
            "Regsitry Values",
            "Kerberos Polcy",
        ] {
            assert_eq!(warnings(&format!("[{typo}]\r\n")).len(), 1, "{typo}");
        }
    }

    #[test]
    fn known_sections_in_any_case_and_unrelated_names_are_quiet() {
        for name in KNOWN_SECTIONS {
            assert!(warnings(&format!("[{name}]\r\n")).is_empty(), "{name}");
            let upper = name.to_uppercase();
            assert!(warnings(&format!("[{upper}]\r\n")).is_empty(), "{upper}");
        }
        assert!(warnings("[System access]\r\n[My Team Notes]\r\n").is_empty());
    }
}
