//! `[Group Membership]`: restricted groups.
//!
//! `<group>__Members = …` sets the group's members (replaces them);
//! `<group>__Memberof = …` adds the group to each listed group.

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;
use crate::syntax::{Document, Section};

use super::holder::{Holder, PrincipalRef, holders, principal_ref};
use super::keyed::{warn_duplicate_key, warn_values_line};
use crate::last_wins::{AsciiFolded, LastWins};

/// Which way a membership line points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// `__Members`: the listed principals become the group's only members.
    Members,
    /// `__Memberof`: the group is added to each listed group.
    MemberOf,
}

impl Relation {
    /// The key suffix as Windows writes it.
    pub fn suffix(self) -> &'static str {
        match self {
            Relation::Members => "__Members",
            Relation::MemberOf => "__Memberof",
        }
    }
}

/// One `<group>__Members` or `<group>__Memberof` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership<'a> {
    /// The group the line is about, as written (without the suffix).
    pub group_written: &'a str,
    /// What it names.
    pub group: PrincipalRef<'a>,
    /// Where the group is written.
    pub group_span: Span,
    /// Members or member-of.
    pub relation: Relation,
    /// The listed principals; empty means "no members" / "no groups".
    pub values: Vec<Holder<'a>>,
    /// Where the key is written.
    pub key_span: Span,
    /// Index of the line in the document.
    pub line: usize,
}

/// Reads every membership line of the section.
pub fn read<'a>(
    doc: &Document<'a>,
    section: &Section<'a>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Membership<'a>> {
    let mut out = LastWins::new();
    for line in doc.section_lines(section) {
        let Some(entry) = warn_values_line(line, section.name, warnings) else {
            continue;
        };
        let Some((group, relation)) = split_key(entry.key) else {
            warnings.push(unknown_key(entry.key, entry.key_span));
            continue;
        };
        let membership = Membership {
            group_written: group,
            group: principal_ref(group),
            group_span: Span::new(entry.key_span.start, entry.key_span.start + group.len()),
            relation,
            values: holders(&entry.value.items, warnings),
            key_span: entry.key_span,
            line: entry.line,
        };
        // The group as borrowed text, case folded when compared.
        if let Some(earlier) = out.push((AsciiFolded(group), relation), membership) {
            warn_duplicate_key(entry.key, entry.key_span, earlier.key_span, warnings);
        }
    }
    // Every template of a run is kept: no room to spare past its lines.
    let mut kept = out.into_vec();
    kept.shrink_to_fit();
    kept
}

/// `key := group "__Members" | group "__Memberof"`, suffix case-insensitive.
fn split_key(key: &str) -> Option<(&str, Relation)> {
    [Relation::Members, Relation::MemberOf]
        .into_iter()
        .find_map(|relation| {
            let suffix = relation.suffix();
            let cut = key.len().checked_sub(suffix.len())?;
            let tail = key.get(cut..)?;
            let group = key.get(..cut)?.trim_end();
            (tail.eq_ignore_ascii_case(suffix) && !group.is_empty()).then_some((group, relation))
        })
}

fn unknown_key(key: &str, span: Span) -> Diagnostic {
    Diagnostic::new(Code::TemplateBadGroupMembershipKey,
        format!("`{key}` is not a group membership key"),
        span,
    )
    .with_label("expected `<group>__Members` or `<group>__Memberof`")
    .with_help("write the group as *SID or name followed by `__Members` (sets its members) or `__Memberof` (adds it to groups)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_key_reads_both_suffixes_case_insensitively() {
        assert_eq!(
            split_key("*S-1-5-32-544__Members"),
            Some(("*S-1-5-32-544", Relation::Members))
        );
        assert_eq!(
            split_key("CONTOSO\\Jump Hosts__memberOf"),
            Some(("CONTOSO\\Jump Hosts", Relation::MemberOf))
        );
        assert_eq!(split_key("__Members"), None);
        assert_eq!(split_key("Administrators"), None);
    }
}
