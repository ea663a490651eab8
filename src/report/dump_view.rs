//! The serializable view of a template that `gplint dump` prints.
//!
//! Built once from the typed template; the text and JSON forms both read
//! it, so they always say the same thing.
//!
//! The fields of each view are declared in alphabetical order: JSON is
//! written straight from the view, and its keys must come out sorted, as
//! they did when each template went through a `serde_json::Value` (whose
//! maps sort their keys). A test checks both ways agree.

use std::cell::Cell;

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
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// The path as given.
    pub file: &'a str,
    /// `[Group Membership]`.
    pub group_membership: Vec<MembershipView<'a>>,
    /// Sections kept as written, with their line counts.
    pub other_sections: Vec<OtherSectionView<'a>>,
    /// `[Privilege Rights]`.
    pub privilege_rights: Vec<RightView<'a>>,
    /// `[Registry Values]`.
    pub registry_values: Vec<RegistryView<'a>>,
    /// Section names in order of first appearance.
    pub sections: Vec<&'a str>,
    /// Settings by section: `[Version]`, `[System Access]`, `[Kerberos Policy]`,
    /// `[Event Audit]` and the log sections.
    pub settings: Vec<SettingsView<'a>>,
    /// Decoding and parsing warnings.
    pub warnings: Vec<WarningView<'a>>,
}

/// A place in the file, as an editor counts it.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Position {
    /// 1-based column, in characters.
    pub column: usize,
    /// 1-based line.
    pub line: usize,
}

/// One right and its holders.
#[derive(Debug, Serialize)]
pub struct RightView<'a> {
    /// Where the key is.
    pub at: Position,
    /// The `;` comment after the line's value, without the `;`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
    /// Display name, e.g. "Log on as a service".
    pub display_name: Option<&'static str>,
    /// The holders; empty means "defined, nobody".
    pub holders: Vec<HolderView<'a>>,
    /// For logon rights, the logon type they allow or deny.
    pub logon: Option<LogonEffect>,
    /// The canonical constant, or the key as written when unknown.
    pub right: &'a str,
    /// The key as written.
    pub written: &'a str,
}

/// One holder, resolved to SID and name where gplint knows them.
#[derive(Debug, Serialize)]
pub struct HolderView<'a> {
    /// Where it is written.
    pub at: Position,
    /// Account, group, placeholder or label, when known.
    pub kind: Option<PrincipalKind>,
    /// The name, when written or known.
    pub name: Option<String>,
    /// For names of a machine's or domain's accounts: which RID they are.
    pub relative_rid: Option<RelativeRid>,
    /// The SID, when written or known.
    pub sid: Option<String>,
    /// As written.
    pub written: &'a str,
}

/// A RID relative to a SID that the template cannot know.
#[derive(Debug, Serialize)]
pub struct RelativeRid {
    /// The relative identifier, e.g. 501 for Guest.
    pub rid: u32,
    /// `machine` or `domain`.
    pub to: &'static str,
}

/// One membership line.
#[derive(Debug, Serialize)]
pub struct MembershipView<'a> {
    /// The `;` comment after the line's value, without the `;`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
    /// The group, resolved.
    pub group: HolderView<'a>,
    /// `members` or `member-of`.
    pub relation: crate::template::Relation,
    /// The listed principals.
    pub values: Vec<HolderView<'a>>,
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
    /// Where it is.
    pub at: Position,
    /// The `;` comment after the line's value, without the `;`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
    /// The key as written.
    pub key: &'a str,
    /// The typed value.
    pub value: SettingValue<'a>,
}

/// One registry value.
#[derive(Debug, Serialize)]
pub struct RegistryView<'a> {
    /// Where it is.
    pub at: Position,
    /// The `;` comment after the line's value, without the `;`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<&'a str>,
    /// Data items.
    pub data: Vec<&'a str>,
    /// Type name, e.g. `REG_DWORD`.
    pub kind: &'static str,
    /// Path and value name.
    pub path: &'a str,
}

/// A section kept raw.
#[derive(Debug, Serialize)]
pub struct OtherSectionView<'a> {
    /// How many lines it holds.
    pub lines: usize,
    /// The section name.
    pub name: &'a str,
}

/// One warning.
#[derive(Debug, Serialize)]
pub struct WarningView<'a> {
    /// Where.
    pub at: Option<Position>,
    /// Stable code.
    pub code: &'static str,
    /// What to do.
    pub help: Option<&'a str>,
    /// The message.
    pub message: &'a str,
}

/// Builds the view of a template typed from `doc`. `warnings` holds every
/// diagnostic for the file, decoding included.
pub fn view<'a>(
    source: &'a SourceFile,
    doc: &Document<'a>,
    template: &'a Template<'a>,
    warnings: &'a [Diagnostic],
) -> DumpView<'a> {
    let places = Places::new(source);
    let at = |span: Span| places.at(span);
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
                holders: a.holders.iter().map(|h| holder(&places, h)).collect(),
                comment: comment(a.line),
            })
            .collect(),
        group_membership: template
            .group_membership
            .iter()
            .map(|m| MembershipView {
                group: resolved(&places, m.group_written, &m.group, m.group_span),
                relation: m.relation,
                values: m.values.iter().map(|h| holder(&places, h)).collect(),
                comment: comment(m.line),
            })
            .collect(),
        settings: settings_views(&places, &comments, template),
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
    places: &Places<'_>,
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
                    at: places.at(s.key_span),
                    comment: comments.get(&s.line).copied(),
                })
                .collect(),
        })
        .collect()
}

fn holder<'a>(places: &Places<'_>, h: &Holder<'a>) -> HolderView<'a> {
    resolved(places, h.written, &h.principal, h.span)
}

fn resolved<'a>(
    places: &Places<'_>,
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
        at: places.at(span),
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

/// Where spans start, as an editor counts, for spans asked for mostly in
/// the file's order: a line's holders are counted on from the one before,
/// not looked up from the line index's mark each (which scans up to 2 KB
/// per lookup, and was a sixth of `dump`'s time).
struct Places<'s> {
    source: &'s SourceFile,
    /// The last offset placed, and where it is.
    last: Cell<Option<(usize, Position)>>,
}

impl<'s> Places<'s> {
    fn new(source: &'s SourceFile) -> Places<'s> {
        Places {
            source,
            last: Cell::new(None),
        }
    }

    /// Where `span` starts. Counted on from the last place when nothing
    /// between them ends a line (the same line: the column grows by the
    /// characters between); otherwise, or backwards, or off a character's
    /// start, looked up in the line index as before.
    fn at(&self, span: Span) -> Position {
        let offset = span.start;
        let text = &self.source.text;
        let on_line = self.last.get().and_then(|(from, last)| {
            let between = text.get(from..offset)?;
            let same_line = !between.contains(['\n', '\r']);
            same_line.then(|| Position {
                line: last.line,
                column: last.column + between.chars().count(),
            })
        });
        let position = on_line.unwrap_or_else(|| {
            let (line, column) = self.source.line_col(offset);
            Position { line, column }
        });
        self.last.set(Some((offset, position)));
        position
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture template's view, written straight and through a
    /// `Value` (sorted keys): the same bytes, so a field added out of
    /// alphabetical order fails here.
    #[test]
    fn views_are_written_with_their_keys_sorted() {
        let root = env!("CARGO_MANIFEST_DIR");
        // The shared corpus's real templates too, when it is given.
        let corpus = std::env::var("GPLINT_CORPUS").unwrap_or_else(|_| format!("{root}/examples"));
        let templates = walkdir::WalkDir::new(format!("{root}/tests/fixtures"))
            .into_iter()
            .chain(walkdir::WalkDir::new(format!("{root}/examples")))
            .chain(walkdir::WalkDir::new(corpus))
            .map(|entry| entry.unwrap().into_path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("inf"))
            });
        let mut seen = 0;
        for path in templates {
            let bytes = std::fs::read(&path).unwrap();
            let Ok(source) = SourceFile::from_bytes("t.inf", bytes) else {
                continue;
            };
            let doc = crate::syntax::parse(&source.text);
            let template = crate::template::build(&doc);
            let warnings = template.warnings.clone();
            let view = view(&source, &doc, &template, &warnings);
            let straight = serde_json::to_string_pretty(&view).unwrap();
            let value = serde_json::to_value(&view).unwrap();
            assert_eq!(straight, serde_json::to_string_pretty(&value).unwrap());
            seen += 1;
        }
        assert!(seen >= 25, "{seen} templates");
    }

    #[test]
    fn places_counted_on_are_those_the_line_index_gives() {
        let text = "[Unicode]\r\nA = *S-1-5-32-544,é名, b\rc = d\n\nlast ,line\r\n";
        let source = SourceFile::from_bytes("t.inf", text.as_bytes().to_vec()).unwrap();
        let places = Places::new(&source);
        let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
        // Forwards, then backwards and jumping, as views ask.
        offsets.extend((0..text.len()).rev().step_by(3));
        for offset in offsets {
            let (line, column) = source.line_col(offset);
            let span = Span::new(offset, offset);
            let got = places.at(span);
            assert_eq!((got.line, got.column), (line, column), "at {offset}");
        }
    }
}
