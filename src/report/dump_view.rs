//! The serializable view of a template that `gplint dump` prints.
//!
//! Built once from the typed template; the text and JSON forms both read
//! it, so they always say the same thing.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::principal::{self, PrincipalKind, ResolvedSid};
use crate::rights::LogonEffect;
use crate::source::{Encoding, SourceFile};
use crate::span::Span;
use crate::syntax::{Document, LineKind};
use crate::template::{Holder, PrincipalRef, Setting, SettingValue, Template};

/// A whole template, as `dump` shows it.
#[derive(Debug, Serialize)]
pub struct DumpView<'a> {
    /// The path as given.
    pub file: &'a str,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// Section names in order of first appearance.
    pub sections: Vec<&'a str>,
    /// `[Privilege Rights]`.
    pub privilege_rights: Vec<RightView<'a>>,
    /// `[Group Membership]`.
    pub group_membership: Vec<MembershipView<'a>>,
    /// Settings by section: `[Version]`, `[System Access]`, `[Kerberos Policy]`,
    /// `[Event Audit]` and the log sections.
    pub settings: Vec<SettingsView<'a>>,
    /// `[Registry Values]`.
    pub registry_values: Vec<RegistryView<'a>>,
    /// Sections kept as written, with their line counts.
    pub other_sections: Vec<OtherSectionView<'a>>,
    /// Decoding and parsing warnings.
    pub warnings: Vec<WarningView<'a>>,
}

/// A place in the file, as an editor counts it.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One right and its holders.
#[derive(Debug, Serialize)]
pub struct RightView<'a> {
    /// The canonical constant, or the key as written when unknown.
    pub right: &'a str,
    /// The key as written.
    pub written: &'a str,
    /// Display name, e.g. "Log on as a service".
    pub display_name: Option<&'static str>,
    /// For logon rights, the logon type they allow or deny.
    pub logon: Option<LogonEffect>,
    /// Where the key is.
    pub at: Position,
    /// The holders; empty means "defined, nobody".
    pub holders: Vec<HolderView<'a>>,
    /// The `;` comment after the line's value, without the `;`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
}

/// One holder, resolved to SID and name where gplint knows them.
#[derive(Debug, Serialize)]
pub struct HolderView<'a> {
    /// As written.
    pub written: &'a str,
    /// The SID, when written or known.
    pub sid: Option<String>,
    /// The name, when written or known.
    pub name: Option<String>,
    /// Account, group, placeholder or label, when known.
    pub kind: Option<PrincipalKind>,
    /// For names of a machine's or domain's accounts: which RID they are.
    pub relative_rid: Option<RelativeRid>,
    /// Where it is written.
    pub at: Position,
}

/// A RID relative to a SID that the template cannot know.
#[derive(Debug, Serialize)]
pub struct RelativeRid {
    /// `machine` or `domain`.
    pub to: &'static str,
    /// The relative identifier, e.g. 501 for Guest.
    pub rid: u32,
}

/// One membership line.
#[derive(Debug, Serialize)]
pub struct MembershipView<'a> {
    /// The group, resolved.
    pub group: HolderView<'a>,
    /// `members` or `member-of`.
    pub relation: crate::template::Relation,
    /// The listed principals.
    pub values: Vec<HolderView<'a>>,
    /// The `;` comment after the line's value, without the `;`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
}

/// The settings of one section.
#[derive(Debug, Serialize)]
pub struct SettingsView<'a> {
    /// The section name.
    pub section: &'a str,
    /// Its settings, in order.
    pub values: Vec<SettingView<'a>>,
}

/// One setting.
#[derive(Debug, Serialize)]
pub struct SettingView<'a> {
    /// The key as written.
    pub key: &'a str,
    /// The typed value.
    pub value: SettingValue<'a>,
    /// Where it is.
    pub at: Position,
    /// The `;` comment after the line's value, without the `;`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
}

/// One registry value.
#[derive(Debug, Serialize)]
pub struct RegistryView<'a> {
    /// Path and value name.
    pub path: &'a str,
    /// Type name, e.g. `REG_DWORD`.
    pub kind: &'static str,
    /// Data items.
    pub data: Vec<&'a str>,
    /// Where it is.
    pub at: Position,
    /// The `;` comment after the line's value, without the `;`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
}

/// A section kept raw.
#[derive(Debug, Serialize)]
pub struct OtherSectionView<'a> {
    /// The section name.
    pub name: &'a str,
    /// How many lines it holds.
    pub lines: usize,
}

/// One warning.
#[derive(Debug, Serialize)]
pub struct WarningView<'a> {
    /// Stable code.
    pub code: &'static str,
    /// The message.
    pub message: &'a str,
    /// What to do.
    pub help: Option<&'a str>,
    /// Where.
    pub at: Option<Position>,
}

/// Builds the view of a template typed from `doc`. `warnings` holds every
/// diagnostic for the file, decoding included.
pub fn view<'a>(
    source: &'a SourceFile,
    doc: &Document<'a>,
    template: &'a Template<'a>,
    warnings: &'a [Diagnostic],
) -> DumpView<'a> {
    let at = |span: Span| position(source, span);
    let comments = comments_of(doc);
    let comment = |line: usize| comments.get(&line).copied();
    DumpView {
        file: &source.name,
        encoding: source.encoding,
        sections: doc.sections.iter().map(|s| s.name).collect(),
        privilege_rights: template
            .privilege_rights
            .iter()
            .map(|a| RightView {
                right: a.constant(),
                written: a.key,
                display_name: a.right.map(|r| r.display_name),
                logon: a.right.and_then(|r| r.logon),
                at: at(a.key_span),
                holders: a.holders.iter().map(|h| holder(source, h)).collect(),
                comment: comment(a.line),
            })
            .collect(),
        group_membership: template
            .group_membership
            .iter()
            .map(|m| MembershipView {
                group: resolved(source, m.group_written, &m.group, m.group_span),
                relation: m.relation,
                values: m.values.iter().map(|h| holder(source, h)).collect(),
                comment: comment(m.line),
            })
            .collect(),
        settings: settings_views(source, &comments, template),
        registry_values: template
            .registry_values
            .iter()
            .map(|v| RegistryView {
                path: v.path,
                kind: v.kind_name(),
                data: v.data.clone(),
                at: at(v.path_span),
                comment: comment(v.line),
            })
            .collect(),
        other_sections: template
            .other_sections
            .iter()
            .map(|s| OtherSectionView {
                name: s.name,
                lines: s.lines.len(),
            })
            .collect(),
        warnings: warnings
            .iter()
            .map(|w| WarningView {
                code: w.code.as_str(),
                message: &w.message,
                help: w.help.as_deref(),
                at: w.primary_span().map(at),
            })
            .collect(),
    }
}

/// The words of the `;` comment of each `key = value` line that has one,
/// by line index: the lines are read once, and only these are kept.
fn comments_of<'a>(doc: &Document<'a>) -> Comments<'a> {
    doc.lines()
        .enumerate()
        .filter(|(_, line)| matches!(line.kind, LineKind::Entry(_)))
        .filter_map(|(index, line)| Some((index, line.comment?.text())))
        .collect()
}

type Comments<'a> = rustc_hash::FxHashMap<usize, &'a str>;

fn settings_views<'a>(
    source: &'a SourceFile,
    comments: &Comments<'a>,
    t: &'a Template<'a>,
) -> Vec<SettingsView<'a>> {
    let mut groups: Vec<(&'a str, &'a [Setting<'a>])> = vec![
        ("Version", &t.version),
        ("System Access", &t.system_access),
        ("Kerberos Policy", &t.kerberos_policy),
        ("Event Audit", &t.event_audit),
    ];
    groups.extend(t.logs.iter().map(|(name, s)| (*name, s.as_slice())));
    groups
        .into_iter()
        .filter(|(_, settings)| !settings.is_empty())
        .map(|(section, settings)| SettingsView {
            section,
            values: settings
                .iter()
                .map(|s| SettingView {
                    key: s.key,
                    value: s.value.clone(),
                    at: position(source, s.key_span),
                    comment: comments.get(&s.line).copied(),
                })
                .collect(),
        })
        .collect()
}

fn holder<'a>(source: &SourceFile, h: &Holder<'a>) -> HolderView<'a> {
    resolved(source, h.written, &h.principal, h.span)
}

fn resolved<'a>(
    source: &SourceFile,
    written: &'a str,
    principal: &PrincipalRef<'a>,
    span: Span,
) -> HolderView<'a> {
    let mut view = HolderView {
        written,
        sid: None,
        name: None,
        kind: None,
        relative_rid: None,
        at: position(source, span),
    };
    match principal {
        PrincipalRef::Sid(sid) => {
            view.sid = Some(sid.to_string());
            if let Some(known) = principal::describe(sid) {
                view.name = Some(known.name.into_owned());
                view.kind = Some(known.kind);
            }
        }
        PrincipalRef::Name(name) => {
            view.name = Some((*name).to_owned());
            if let Some(known) = principal::resolve_name(name) {
                view.name = Some(known.name.into_owned());
                view.kind = Some(known.kind);
                match known.sid {
                    ResolvedSid::Fixed(sid) => view.sid = Some(sid.to_string()),
                    ResolvedSid::MachineRelative(rid) => {
                        view.relative_rid = Some(RelativeRid { to: "machine", rid });
                    }
                    ResolvedSid::DomainRelative(rid) => {
                        view.relative_rid = Some(RelativeRid { to: "domain", rid });
                    }
                }
            }
        }
        PrincipalRef::InvalidSid(..) => {}
    }
    view
}

fn position(source: &SourceFile, span: Span) -> Position {
    let (line, column) = source.line_col(span.start);
    Position { line, column }
}
