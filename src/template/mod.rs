//! The typed model of one security template.
//!
//! [`build`] reads the sections gplint understands from a parsed
//! [`Document`] and keeps the rest raw. It never fails: what it cannot use
//! becomes a warning with a span.

pub mod group_membership;
pub mod holder;
mod keyed;
pub mod logon_keys;
pub mod privilege_rights;
pub mod ranges;
pub mod raw;
pub mod registry_values;
pub mod sections;
pub mod settings;

pub use group_membership::{Membership, Relation};
pub use holder::{Holder, PrincipalRef};
use logon_keys::{reads_registry_value, reads_system_access};
pub use privilege_rights::RightAssignment;
pub use raw::RawSection;
pub use registry_values::RegistryValue;
pub use settings::{Setting, SettingValue};

use crate::diagnostic::{Code, Diagnostic};
use crate::syntax::{Document, Section};

/// One template, typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Template<'a> {
    /// `[Unicode]` and `[Version]` settings, e.g. `signature`.
    pub version: Vec<Setting<'a>>,
    /// `[Privilege Rights]`.
    pub privilege_rights: Vec<RightAssignment<'a>>,
    /// `[Group Membership]`.
    pub group_membership: Vec<Membership<'a>>,
    /// `[System Access]`.
    pub system_access: Vec<Setting<'a>>,
    /// `[Kerberos Policy]`.
    pub kerberos_policy: Vec<Setting<'a>>,
    /// `[Event Audit]`.
    pub event_audit: Vec<Setting<'a>>,
    /// `[System Log]`, `[Security Log]`, `[Application Log]`, by section name.
    pub logs: Vec<(&'a str, Vec<Setting<'a>>)>,
    /// `[Registry Values]`.
    pub registry_values: Vec<RegistryValue<'a>>,
    /// Every other section, as written.
    pub other_sections: Vec<RawSection<'a>>,
    /// Problems found by the parser and while typing sections, in text order.
    pub warnings: Vec<Diagnostic>,
}

impl<'a> Template<'a> {
    /// The assignment of a right, by constant, compared case-insensitively.
    pub fn right(&self, constant: &str) -> Option<&RightAssignment<'a>> {
        self.privilege_rights
            .iter()
            .find(|a| a.constant().eq_ignore_ascii_case(constant))
    }

    /// Only what the logon model reads (rights, group membership, the
    /// account policy's keys of `[System Access]` and the LSA registry values
    /// that restrict logons) and the warnings: what a run over thousands
    /// of GPOs keeps of each, since the other settings and registry values
    /// are most of a template's size.
    pub fn logon_only(self) -> Self {
        Template {
            privilege_rights: self.privilege_rights,
            group_membership: self.group_membership,
            system_access: self
                .system_access
                .into_iter()
                .filter(|s| reads_system_access(s.key))
                .collect(),
            registry_values: self
                .registry_values
                .into_iter()
                .filter(|v| reads_registry_value(v.path))
                .collect(),
            warnings: self.warnings,
            ..Template::default()
        }
    }
}

/// Types a parsed document.
pub fn build<'a>(doc: &Document<'a>) -> Template<'a> {
    build_keeping(doc, Keep::All)
}

/// Types a parsed document, keeping what [`Template::logon_only`] keeps,
/// with the same warnings: the sections and values the logon model does
/// not read are checked and dropped as they are read, so a large export
/// is never held typed in full.
pub fn build_logon<'a>(doc: &Document<'a>) -> Template<'a> {
    build_keeping(doc, Keep::Logon)
}

/// How much of a template to keep.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    All,
    Logon,
}

fn build_keeping<'a>(doc: &Document<'a>, keep: Keep) -> Template<'a> {
    let mut template = Template {
        warnings: doc.warnings.clone(),
        ..Template::default()
    };
    for section in &doc.sections {
        template.warnings.extend(sections::misspelt(section));
        match keep {
            Keep::All => read_section(doc, section, &mut template),
            Keep::Logon => read_logon_section(doc, section, &mut template),
        }
    }
    if doc.sections.is_empty() {
        template.warnings.push(no_section());
    }
    template
        .warnings
        .sort_by_key(|w| w.primary_span().map(|s| s.start));
    template
}

/// A file without a single `[Section]` defines nothing: whitespace, a
/// byte-order mark and line ends, comments, or text that is no template.
/// It is evaluated as such, but not without a word.
fn no_section() -> Diagnostic {
    Diagnostic::new(Code::TemplateNoSection,
        "this file has no section, so it defines nothing: no `[Privilege Rights]`, no `[Group Membership]`, no `[System Access]`",
        crate::span::Span::new(0, 0),
    )
    .with_label("no section header in the whole file")
    .with_help("check that this is the template you meant; an exported template starts with `[Unicode]`")
}

/// What the logon model reads of a section; other typed sections are read
/// for their warnings only, and raw sections (which have none) not at all.
fn read_logon_section<'a>(doc: &Document<'a>, section: &Section<'a>, t: &mut Template<'a>) {
    let w = &mut t.warnings;
    match section.name.to_ascii_lowercase().as_str() {
        "privilege rights" => t.privilege_rights = privilege_rights::read(doc, section, w),
        "group membership" => t.group_membership = group_membership::read(doc, section, w),
        "system access" => {
            t.system_access = settings::read(doc, section, w)
                .into_iter()
                .filter(|s| reads_system_access(s.key))
                .collect();
            w.extend(ranges::warnings(&t.system_access));
        }
        "registry values" => {
            t.registry_values = registry_values::read_kept(doc, section, w, reads_registry_value);
        }
        "unicode" | "version" | "kerberos policy" | "event audit" | "system log"
        | "security log" | "application log" => drop(settings::read(doc, section, w)),
        _ => {}
    }
}

fn read_section<'a>(doc: &Document<'a>, section: &Section<'a>, t: &mut Template<'a>) {
    let w = &mut t.warnings;
    match section.name.to_ascii_lowercase().as_str() {
        "unicode" | "version" => t.version.extend(settings::read(doc, section, w)),
        "privilege rights" => t.privilege_rights = privilege_rights::read(doc, section, w),
        "group membership" => t.group_membership = group_membership::read(doc, section, w),
        "system access" => {
            t.system_access = settings::read(doc, section, w);
            w.extend(ranges::warnings(&t.system_access));
        }
        "kerberos policy" => t.kerberos_policy = settings::read(doc, section, w),
        "event audit" => t.event_audit = settings::read(doc, section, w),
        "system log" | "security log" | "application log" => {
            t.logs.push((section.name, settings::read(doc, section, w)));
        }
        "registry values" => t.registry_values = registry_values::read(doc, section, w),
        _ => t.other_sections.push(raw::read(doc, section)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax;

    fn typed(text: &str) -> Template<'_> {
        build(&syntax::parse(text))
    }

    #[test]
    fn rights_match_case_insensitively_and_keep_empty_lists() {
        let t = typed(
            "[Privilege Rights]\nseservicelogonright = *S-1-5-80-0\nSeDenyBatchLogonRight =\n",
        );
        let service = t.right("SeServiceLogonRight").unwrap();
        assert_eq!(service.key, "seservicelogonright");
        assert_eq!(service.holders.len(), 1);
        assert!(t.right("SeDenyBatchLogonRight").unwrap().holders.is_empty());
        assert!(t.right("SeBatchLogonRight").is_none());
        assert!(t.warnings.is_empty());
    }

    #[test]
    fn building_for_the_logon_model_keeps_what_logon_only_keeps() {
        let text = "[Unicode]\nUnicode=yes\n[System Access]\nMaximumPasswordAge = 42\n\
            MinimumPasswordLength = 14\nbroken line\n[Kerberos Policy]\nMaxTicketAge\n\
            [Registry Values]\nMACHINE\\Software\\X=4,1\n\
            MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\ForceGuest=4,1\n\
            machine\\software\\x=4,2\nMACHINE\\Y=x,1\n\
            MACHINE\\System\\CurrentControlSet\\Control\\Lsa\\FORCEGUEST=4,0\n\
            [Privilege Rights]\nSeBatchLogonRight = a\n[Group Membership]\n\
            *S-1-5-32-544__Members = b\n[Registry Keys]\n\"x\",0,\"y\"\n";
        let doc = syntax::parse(text);
        let full = build(&doc);
        let kept = build_logon(&doc);
        assert_eq!(kept, full.clone().logon_only());
        assert_eq!(kept.registry_values.len(), 1);
        assert_eq!(kept.registry_values[0].data, ["0"]);
        assert_eq!(kept.system_access.len(), 1);
        assert_eq!(full.warnings.len(), 5, "{:?}", full.warnings);
    }

    #[test]
    fn unknown_right_is_kept_with_a_suggestion() {
        let t = typed("[Privilege Rights]\nSeServiceLogonRigth = svc\n");
        assert_eq!(t.privilege_rights.len(), 1);
        assert!(t.privilege_rights[0].right.is_none());
        assert_eq!(t.warnings[0].code, "template::unknown-right");
        assert_eq!(
            t.warnings[0].help.as_deref(),
            Some("did you mean `SeServiceLogonRight`?")
        );
    }

    #[test]
    fn line_without_equals_in_a_typed_section_warns() {
        let t = typed("[System Access]\nMinimumPasswordAge\nMaximumPasswordAge = 42\n");
        assert_eq!(t.warnings[0].code, "syntax::line-without-equals");
        assert_eq!(t.system_access.len(), 1);
    }

    #[test]
    fn duplicate_right_keeps_the_later_line() {
        let t = typed("[Privilege Rights]\nSeBatchLogonRight = a\nSEBATCHLOGONRIGHT = b\n");
        assert_eq!(t.privilege_rights.len(), 1);
        assert_eq!(t.privilege_rights[0].holders[0].written, "b");
        assert_eq!(t.warnings[0].code, "template::duplicate-key");
    }

    #[test]
    fn group_membership_and_registry_values_are_typed() {
        let t = typed(
            "[Group Membership]\n*S-1-5-32-544__Members = *S-1-5-21-1-2-3-500\n*S-1-5-32-544__Memberof =\n[Registry Values]\nMACHINE\\System\\CurrentControlSet\\Control\\Lsa\\LimitBlankPasswordUse=4,1\n",
        );
        assert_eq!(t.group_membership.len(), 2);
        assert_eq!(t.group_membership[0].relation, Relation::Members);
        assert!(t.group_membership[1].values.is_empty());
        assert_eq!(t.registry_values[0].kind, Some(4));
        assert_eq!(t.registry_values[0].data, ["1"]);
    }

    #[test]
    fn a_file_without_a_section_warns_once() {
        for text in [
            "",
            "  \r\n\t\r\n",
            "; only a comment\r\n",
            "SeBatchLogonRight = x\r\n",
        ] {
            let t = typed(text);
            let codes: Vec<_> = t.warnings.iter().map(|w| w.code).collect();
            assert_eq!(
                codes
                    .iter()
                    .filter(|c| **c == crate::diagnostic::Code::TemplateNoSection.as_str())
                    .count(),
                1,
                "{text:?}: {codes:?}"
            );
        }
        assert!(typed("[Unicode]\r\nUnicode=yes\r\n").warnings.is_empty());
    }

    #[test]
    fn acl_sections_are_kept_raw_without_warnings() {
        let t = typed("[Registry Keys]\n\"MACHINE\\SOFTWARE\",0,\"D:PAR(A;;KA;;;BA)\"\n");
        assert_eq!(t.other_sections[0].lines.len(), 1);
        assert!(t.warnings.is_empty());
    }
}
