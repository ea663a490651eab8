//! Values a rule compares fields with, and how they compare.
//!
//! Text compares case-insensitively because what rules test are Windows
//! names, SIDs and right constants, which Windows itself compares that way.

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
