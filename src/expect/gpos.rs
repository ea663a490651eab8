//! A scope's `gpos` list: the GPOs that apply together, lowest precedence
//! first, each as written. Whether each names a GPO is for the caller,
//! who has the GPOs; here the list must be non-empty and name no entry
//! twice. `domain_policy` lists GPOs the same way ([`listed`]).

use std::collections::HashMap;

use super::fields::Field;
use super::model::fold;
use super::values::{item_text, items};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::{Span, Spanned};
use crate::yaml::{Node, NodeKind};

const EXAMPLE: &str =
    "gpos: [Default Domain Policy, '{6AC1786C-016F-11D2-945F-00C04FB984F9}', GPOs/Baseline]";

/// Reads `gpos`; `item` is where to point when the field is missing.
pub(super) fn gpos(
    field: Option<Field<'_>>,
    item: Span,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Spanned<String>> {
    let before = errors.len();
    let gpos = listed(field, EXAMPLE, "the same scope", errors);
    // Entries that were refused already have their error.
    if gpos.is_empty() && errors.len() == before {
        errors.push(no_gpos(field.map_or(item, |field| field.span())));
    }
    gpos
}

/// The GPO entries of a list field, each as written, with an error for
/// each entry written twice `within` ("the same scope"); `example` shows
/// the field's shape.
pub(super) fn listed(
    field: Option<Field<'_>>,
    example: &str,
    within: &str,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Spanned<String>> {
    let gpos = entries(field, example, errors);
    check_repeats(&gpos, within, errors);
    gpos
}

fn entries(
    field: Option<Field<'_>>,
    example: &str,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Spanned<String>> {
    let mut gpos = Vec::new();
    for node in items(field, example, errors) {
        if let Some(guid) = unquoted_guid(node) {
            errors.push(unquoted_guid_error(guid, node.span));
            continue;
        }
        gpos.extend(item_text("an entry of `gpos`", node, node.span, errors));
    }
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

/// `{GUID}` unquoted, which YAML reads as a mapping with one key and no
/// value: the GUID, when the node is that.
pub(super) fn unquoted_guid(node: &Node) -> Option<&str> {
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

pub(super) fn unquoted_guid_error(guid: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::unquoted-guid",
        format!("the GUID {{{guid}}} must be quoted: YAML reads `{{…}}` as a mapping"),
        span,
    )
    .with_label("read as a mapping")
    .with_help(format!("write it in quotes: '{{{guid}}}'"))
}

fn no_gpos(span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::scope-without-gpos",
        "a scope needs at least one GPO in `gpos`",
        span,
    )
    .with_label("no GPOs")
    .with_help(format!(
        "list the GPOs that apply together, lowest precedence first, each a display name, a GUID or a path: {EXAMPLE}"
    ))
}

fn repeated(again: &Spanned<String>, first: Span, within: &str) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        "expect::duplicate-gpo",
        format!("`{}` is listed twice in {within}", again.value),
        again.span,
    )
    .with_label("listed again here")
    .with_secondary(first, "first listed here")
    .with_help("a GPO applies once: keep the entry at its place in the order of precedence and remove the other")
}

#[cfg(test)]
mod tests {
    use super::super::fields::{Fields, Shape};
    use super::super::read_yaml::parse;
    use super::*;

    const SHAPE: Shape = Shape {
        what: "a test",
        of: "of a test",
        allowed: &["name", "gpos"],
        example: "{}",
    };

    const ITEM: Span = Span::new(0, 4);

    fn read(text: &str) -> (Vec<Spanned<String>>, Vec<Diagnostic>) {
        let node = parse(text).unwrap().unwrap();
        let mut errors = Vec::new();
        let fields = Fields::read(&node, &SHAPE, &mut errors).unwrap();
        let gpos = gpos(fields.get("gpos"), ITEM, &mut errors);
        (gpos, errors)
    }

    fn at(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    #[test]
    fn names_guids_and_paths_keep_their_order_and_spans() {
        let text = "gpos: [Default Domain Policy, '{6AC1786C-016F-11D2-945F-00C04FB984F9}', GPOs/Baseline]\n";
        let (gpos, errors) = read(text);
        let values: Vec<&str> = gpos.iter().map(|g| g.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "Default Domain Policy",
                "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
                "GPOs/Baseline"
            ]
        );
        assert_eq!(
            at(text, gpos[1].span),
            "'{6AC1786C-016F-11D2-945F-00C04FB984F9}'"
        );
        assert!(errors.is_empty());
    }

    #[test]
    fn a_single_gpo_is_a_one_item_list() {
        let (gpos, errors) = read("gpos: Default Domain Policy\n");
        assert_eq!(gpos.len(), 1);
        assert!(errors.is_empty());
    }

    #[test]
    fn no_gpos_is_an_error_at_the_list_the_key_or_the_item() {
        let text = "gpos: []\n";
        let (_, errors) = read(text);
        assert_eq!(errors[0].code, "expect::scope-without-gpos");
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "[]");
        let text = "gpos:\n";
        let (_, errors) = read(text);
        assert_eq!(at(text, errors[0].primary_span().unwrap()), "gpos");
        let (_, errors) = read("name: x\n");
        assert_eq!(errors[0].code, "expect::scope-without-gpos");
        assert_eq!(errors[0].primary_span(), Some(ITEM));
    }

    #[test]
    fn refused_entries_are_not_also_reported_as_no_gpos() {
        let text = "gpos: ['']\n";
        let (gpos, errors) = read(text);
        assert!(gpos.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "expect::empty-value");
    }

    #[test]
    fn a_gpo_written_twice_without_regard_to_case_labels_both() {
        let text = "gpos: [GPOs/Baseline, Default Domain Policy, gpos/baseline]\n";
        let (gpos, errors) = read(text);
        assert_eq!(gpos.len(), 3);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "expect::duplicate-gpo");
        assert_eq!(at(text, errors[0].labels[0].span), "gpos/baseline");
        assert_eq!(at(text, errors[0].labels[1].span), "GPOs/Baseline");
    }

    #[test]
    fn an_unquoted_guid_is_explained() {
        let text = "gpos: [{6AC1786C-016F-11D2-945F-00C04FB984F9}, Default Domain Policy]\n";
        let (gpos, errors) = read(text);
        assert_eq!(gpos.len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "expect::unquoted-guid");
        assert_eq!(
            at(text, errors[0].primary_span().unwrap()),
            "{6AC1786C-016F-11D2-945F-00C04FB984F9}"
        );
        assert_eq!(
            errors[0].help.as_deref(),
            Some("write it in quotes: '{6AC1786C-016F-11D2-945F-00C04FB984F9}'")
        );
    }

    #[test]
    fn other_mappings_are_the_wrong_shape() {
        let text = "gpos: [{name: Baseline}]\n";
        let (_, errors) = read(text);
        assert_eq!(errors[0].code, "expect::wrong-shape");
        assert_eq!(
            at(text, errors[0].primary_span().unwrap()),
            "{name: Baseline}"
        );
    }
}
