//! Values a rule compares fields with, and how they compare.
//!
//! Text compares case-insensitively because what rules test are Windows
//! names, SIDs and right constants, which Windows itself compares that way.

use super::mapping::shape;
use crate::facts::{FactValue, FieldType};
use crate::yaml::{Node, NodeKind};

/// One value written in a predicate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scalar {
    /// Text, compared case-insensitively.
    Text(String),
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
}

impl Scalar {
    /// Whether a field's value equals this one; values of different types
    /// are never equal, and a list equals nothing.
    pub fn matches(&self, value: &FactValue<'_>) -> bool {
        match (self, value) {
            (Scalar::Text(want), FactValue::Text(have)) => eq_ignore_case(want, have),
            (Scalar::Bool(want), FactValue::Bool(have)) => want == have,
            (Scalar::Int(want), FactValue::Int(have)) => want == have,
            _ => false,
        }
    }
}

/// Whether two texts are equal, ignoring case.
pub(super) fn eq_ignore_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether `haystack` contains `needle`, ignoring case.
pub(super) fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

/// What YAML's core schema reads an unquoted scalar as.
#[derive(Debug, PartialEq, Eq)]
enum Core<'n> {
    Nothing,
    Bool(bool),
    Int(i64),
    Text(&'n str),
}

fn core(node: &Node) -> Option<Core<'_>> {
    let NodeKind::Scalar { text, plain } = &node.kind else {
        return None;
    };
    if node.is_null() {
        return Some(Core::Nothing);
    }
    if !plain {
        return Some(Core::Text(text));
    }
    Some(match text.as_str() {
        "true" | "True" | "TRUE" => Core::Bool(true),
        "false" | "False" | "FALSE" => Core::Bool(false),
        text => text.parse().map_or(Core::Text(text), Core::Int),
    })
}

/// Why a written value cannot be compared with a field.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Mismatch {
    /// What the field needs, e.g. "true or false".
    pub expected: &'static str,
    /// What was written instead, e.g. "a number".
    pub found: &'static str,
}

/// What values of a type are, in words.
pub(super) fn describe(ty: FieldType) -> &'static str {
    match ty {
        FieldType::Text => "text",
        FieldType::Bool => "true or false",
        FieldType::Int => "a whole number",
        FieldType::List => "a list of text",
    }
}

/// Reads `node` as a value to compare with a field of type `ty`; the items
/// of a list field are text.
pub(super) fn typed(node: &Node, ty: FieldType) -> Result<Scalar, Mismatch> {
    let expected = match ty {
        FieldType::List => describe(FieldType::Text),
        other => describe(other),
    };
    let mismatch = |found| Err(Mismatch { expected, found });
    let Some(value) = core(node) else {
        return mismatch(shape(node));
    };
    match (ty, value) {
        (FieldType::Bool, Core::Bool(flag)) => Ok(Scalar::Bool(flag)),
        (FieldType::Int, Core::Int(number)) => Ok(Scalar::Int(number)),
        (FieldType::Text | FieldType::List, Core::Text(text)) => Ok(Scalar::Text(text.to_owned())),
        (_, Core::Nothing) => mismatch("nothing"),
        (_, Core::Bool(_)) => mismatch("a bool"),
        (_, Core::Int(_)) => mismatch("a number"),
        (_, Core::Text(_)) => mismatch("text"),
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::super::read_yaml;
    use super::*;

    fn value_of(text: &str) -> Node {
        match read_yaml::parse(text).unwrap().unwrap().kind {
            NodeKind::Map(mut entries) => entries.remove(0).value,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_compares_without_case() {
        let have = FactValue::Text(Cow::Borrowed("CONTOSO\\Svc_SQL"));
        assert!(Scalar::Text("contoso\\svc_sql".into()).matches(&have));
        assert!(!Scalar::Text("contoso\\svc".into()).matches(&have));
        assert!(eq_ignore_case("ÉCOLE", "école"));
        assert!(contains_ignore_case("Domain Users", "USERS"));
    }

    #[test]
    fn types_must_agree() {
        assert!(Scalar::Bool(true).matches(&FactValue::Bool(true)));
        assert!(!Scalar::Bool(true).matches(&FactValue::Text(Cow::Borrowed("true"))));
        assert!(Scalar::Int(3).matches(&FactValue::Int(3)));
        assert!(!Scalar::Text("a".into()).matches(&FactValue::List(vec![Cow::Borrowed("a")])));
    }

    #[test]
    fn plain_values_are_typed_by_the_core_schema() {
        assert_eq!(
            typed(&value_of("a: true"), FieldType::Bool),
            Ok(Scalar::Bool(true))
        );
        assert_eq!(
            typed(&value_of("a: -4"), FieldType::Int),
            Ok(Scalar::Int(-4))
        );
        assert_eq!(
            typed(&value_of("a: must"), FieldType::Text),
            Ok(Scalar::Text("must".into()))
        );
        assert_eq!(
            typed(&value_of("a: '3'"), FieldType::List),
            Ok(Scalar::Text("3".into()))
        );
    }

    #[test]
    fn mismatches_name_both_sides() {
        let found = |text, ty| typed(&value_of(text), ty).unwrap_err();
        assert_eq!(
            found("a: yes", FieldType::Bool),
            Mismatch {
                expected: "true or false",
                found: "text"
            }
        );
        assert_eq!(found("a: 3", FieldType::Text).found, "a number");
        assert_eq!(found("a: false", FieldType::List).expected, "text");
        assert_eq!(found("a: 1.5", FieldType::Int).found, "text");
        assert_eq!(found("a: ~", FieldType::Int).found, "nothing");
        assert_eq!(found("a: [1]", FieldType::Int).found, "a list");
    }
}
