//! Lists of GPOs (a scope's `gpos`, `domain_policy`): the GPOs that apply
//! together, lowest precedence first, each as written. Whether each names
//! a GPO is for the caller, who has the GPOs; here a list must name no
//! entry twice. An unquoted `{GUID}`, which YAML reads as a mapping, is
//! explained before the types see it.

use std::collections::HashMap;

use super::document::{Placed, Texts};
use super::text::texts;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::fold;
use crate::span::{Span, Spanned};
use crate::yaml::{Field, Node, NodeKind};

const EXAMPLE: &str =
    "gpos: [Default Domain Policy, '{6AC1786C-016F-11D2-945F-00C04FB984F9}', GPOs/Baseline]";

/// A scope's `gpos`; `item` is the scope, where to point when the field
/// is not written.
pub(super) fn gpos(
    field: &Placed<Texts>,
    item: Span,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Spanned<String>> {
    let at = if field.span.is_empty() {
        item
    } else {
        field.span
    };
    let list = match &field.value {
        Field::Given(list) => list,
        Field::Invalid => return Vec::new(),
        Field::Absent => {
            errors.push(no_gpos(at));
            return Vec::new();
        }
    };
    let before = errors.len();
    let gpos = listed(list, "gpos", "the same scope", errors);
    // Entries that were refused already have their error.
    if gpos.is_empty() && list.0.complete && errors.len() == before {
        errors.push(no_gpos(at));
    }
    gpos
}

/// The GPO entries of `list`, the value of `field`, with an error for
/// each entry written twice `within` ("the same scope").
pub(super) fn listed(
    list: &Texts,
    field: &str,
    within: &str,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Spanned<String>> {
    let gpos = texts(list, field, errors);
    check_repeats(&gpos, within, errors);
    gpos
}

/// Windows compares GPO names and GUIDs without regard to case.
fn check_repeats(gpos: &[Spanned<String>], within: &str, errors: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, Span> = HashMap::new();
    for gpo in gpos {
        let key = fold(&gpo.value);
        match first.get(&key) {
            Some(&at) => errors.push(repeated(gpo, at, within)),
            None => {
                first.insert(key, gpo.span);
            }
        }
    }
}

/// Replaces what the types said about each unquoted `{GUID}` where GPOs
/// are listed (a mapping with one key and no value, to them) with the
/// error that says to quote it.
pub(super) fn explain_guids(root: &Node, problems: &mut Vec<Diagnostic>) {
    let mut guids = Vec::new();
    let top = |key: &str| value_of(root, key);
    if let Some(policy) = top("domain_policy") {
        collect(policy, &mut guids);
    }
    if let Some(NodeKind::Seq(scopes)) = top("scopes").map(|n| &n.kind) {
        for gpos in scopes.iter().filter_map(|scope| value_of(scope, "gpos")) {
            collect(gpos, &mut guids);
        }
    }
    for (guid, span) in guids {
        let within = |p: &Diagnostic| {
            p.primary_span()
                .is_some_and(|at| span.start <= at.start && at.end <= span.end)
        };
        problems.retain(|p| !within(p));
        problems.push(unquoted_guid(guid, span));
    }
}

fn value_of<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    match &node.kind {
        NodeKind::Map(entries) => entries
            .iter()
            .find(|e| e.key.text() == Some(key))
            .map(|e| &e.value),
        _ => None,
    }
}

/// The unquoted GUIDs of a list of GPOs, or of a single one.
fn collect<'n>(node: &'n Node, guids: &mut Vec<(&'n str, Span)>) {
    let items = match &node.kind {
        NodeKind::Seq(items) => items.as_slice(),
        _ => std::slice::from_ref(node),
    };
    guids.extend(
        items
            .iter()
            .filter_map(|item| guid(item).map(|g| (g, item.span))),
    );
}

/// `{GUID}` unquoted, which YAML reads as a mapping with one key and no
/// value: the GUID, when the node is that.
fn guid(node: &Node) -> Option<&str> {
    let NodeKind::Map(entries) = &node.kind else {
        return None;
    };
    let [entry] = entries.as_slice() else {
        return None;
    };
    let key = entry.key.text()?;
    let is_guid = key.len() == 36 && key.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    (is_guid && entry.value.is_null()).then_some(key)
}

fn unquoted_guid(guid: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Code::ExpectUnquotedGuid,
        format!("the GUID {{{guid}}} must be quoted: YAML reads `{{…}}` as a mapping"),
        span,
    )
    .with_label("read as a mapping")
    .with_help(format!("write it in quotes: '{{{guid}}}'"))
}

fn no_gpos(span: Span) -> Diagnostic {
    Diagnostic::new(Code::ExpectScopeWithoutGpos,
        "a scope needs at least one GPO in `gpos`",
        span,
    )
    .with_label("no GPOs")
    .with_help(format!(
        "list the GPOs that apply together, lowest precedence first, each a display name, a GUID or a path: {EXAMPLE}"
    ))
}

fn repeated(again: &Spanned<String>, first: Span, within: &str) -> Diagnostic {
    Diagnostic::new(Code::ExpectDuplicateGpo,
        format!("`{}` is listed twice in {within}", again.value),
        again.span,
    )
    .with_label("listed again here")
    .with_secondary(first, "first listed here")
    .with_help("a GPO applies once: keep the entry at its place in the order of precedence and remove the other")
}
