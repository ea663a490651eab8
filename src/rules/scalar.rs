//! Values a rule compares fields with, and how they compare.
//!
//! Text compares case-insensitively because what rules test are Windows
//! names, SIDs and right constants, which Windows itself compares that way.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error, Visitor};

use crate::facts::FactValue;

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

/// A value as YAML's core schema types it: a plain `true` is a flag, a
/// plain `3` a number, anything quoted is text. Nothing, a list or a
/// mapping is refused by the reader.
impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text, `true`, `false` or a whole number")
    }

    fn visit_bool<E: Error>(self, flag: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(flag))
    }

    fn visit_i64<E: Error>(self, number: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(number))
    }

    /// A number past `i64` is no number a field holds: text.
    fn visit_u64<E: Error>(self, number: u64) -> Result<Scalar, E> {
        Ok(i64::try_from(number).map_or_else(|_| Scalar::Text(number.to_string()), Scalar::Int))
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(text.to_owned()))
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

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

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
}
