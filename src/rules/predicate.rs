//! The predicate language: which facts a rule reports.

use crate::facts::{Fact, FactValue};

use super::scalar::{Scalar, contains_ignore_case, eq_ignore_case};

/// A condition over the fields of one fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Predicate {
    /// Every one holds.
    All(Vec<Predicate>),
    /// At least one holds.
    Any(Vec<Predicate>),
    /// It does not hold.
    Not(Box<Predicate>),
    /// One field passes one test.
    Test {
        /// The field's name, one of the fact kind's fields.
        field: String,
        /// The test.
        matcher: Matcher,
    },
}

/// A test of one field's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Matcher {
    /// The value equals this one (text ignoring case).
    Equals(Scalar),
    /// The value equals one of these.
    OneOf(Vec<Scalar>),
    /// A list holds this item, or a text holds this substring (ignoring case).
    Contains(String),
    /// Whether the text or list is empty.
    IsEmpty(bool),
    /// The number is at least this.
    AtLeast(i64),
    /// The number is at most this.
    AtMost(i64),
}

impl Predicate {
    /// Whether `fact` satisfies the predicate. A field the fact does not
    /// have fails every test; loading makes sure rules name only fields
    /// their kind has.
    pub fn matches(&self, fact: &dyn Fact) -> bool {
        match self {
            Predicate::All(parts) => parts.iter().all(|part| part.matches(fact)),
            Predicate::Any(parts) => parts.iter().any(|part| part.matches(fact)),
            Predicate::Not(inner) => !inner.matches(fact),
            Predicate::Test { field, matcher } => fact
                .field(field)
                .is_some_and(|value| matcher.matches(&value)),
        }
    }
}

impl Predicate {
    /// The predicate in words, for documentation: `` `removed_by` is not
    /// empty``, `` `verdict` is not-granted and … ``.
    pub fn describe(&self) -> String {
        let joined = |parts: &[Predicate], word: &str| {
            let texts: Vec<String> = parts.iter().map(Predicate::describe).collect();
            texts.join(word)
        };
        match self {
            Predicate::All(parts) => joined(parts, " and "),
            Predicate::Any(parts) => format!("({})", joined(parts, " or ")),
            Predicate::Not(inner) => format!("not ({})", inner.describe()),
            Predicate::Test { field, matcher } => format!("`{field}` {}", matcher.describe()),
        }
    }
}

fn scalar_text(scalar: &Scalar) -> String {
    match scalar {
        Scalar::Text(text) => text.clone(),
        Scalar::Bool(flag) => flag.to_string(),
        Scalar::Int(number) => number.to_string(),
    }
}

impl Matcher {
    /// The test in words, after the field's name.
    fn describe(&self) -> String {
        match self {
            Matcher::Equals(want) => format!("is {}", scalar_text(want)),
            Matcher::OneOf(wants) => {
                let texts: Vec<String> = wants.iter().map(scalar_text).collect();
                format!("is one of {}", texts.join(", "))
            }
            Matcher::Contains(item) => format!("contains {item}"),
            Matcher::IsEmpty(true) => "is empty".to_owned(),
            Matcher::IsEmpty(false) => "is not empty".to_owned(),
            Matcher::AtLeast(least) => format!("is at least {least}"),
            Matcher::AtMost(most) => format!("is at most {most}"),
        }
    }

    /// Whether a field's value passes; a value of a type the matcher does
    /// not apply to fails.
    pub fn matches(&self, value: &FactValue<'_>) -> bool {
        match (self, value) {
            (Matcher::Equals(want), _) => want.matches(value),
            (Matcher::OneOf(wants), _) => wants.iter().any(|want| want.matches(value)),
            (Matcher::Contains(item), FactValue::List(items)) => {
                items.iter().any(|have| eq_ignore_case(have, item))
            }
            (Matcher::Contains(part), FactValue::Text(text)) => contains_ignore_case(text, part),
            (Matcher::IsEmpty(want), FactValue::Text(text)) => text.is_empty() == *want,
            (Matcher::IsEmpty(want), FactValue::List(items)) => items.is_empty() == *want,
            (Matcher::AtLeast(least), FactValue::Int(number)) => number >= least,
            (Matcher::AtMost(most), FactValue::Int(number)) => number <= most,
            _ => false,
        }
    }

    /// The matcher's key in rule files.
    pub fn key(&self) -> &'static str {
        match self {
            Matcher::Equals(_) => "equals",
            Matcher::OneOf(_) => "one_of",
            Matcher::Contains(_) => "contains",
            Matcher::IsEmpty(_) => "is_empty",
            Matcher::AtLeast(_) => "at_least",
            Matcher::AtMost(_) => "at_most",
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::borrow::Cow;
    use std::collections::HashMap;

    use super::*;
    use crate::facts::FactKind;

    /// A fact made of named values, for tests.
    pub(crate) struct MapFact {
        pub kind: FactKind,
        pub fields: HashMap<&'static str, FactValue<'static>>,
    }

    impl Fact for MapFact {
        fn kind(&self) -> FactKind {
            self.kind
        }

        fn field(&self, name: &str) -> Option<FactValue<'_>> {
            self.fields.get(name).cloned()
        }
    }

    /// An expectation fact denied through a group.
    pub(crate) fn expectation() -> MapFact {
        let text = |s: &'static str| FactValue::Text(Cow::Borrowed(s));
        MapFact {
            kind: FactKind::Expectation,
            fields: HashMap::from([
                ("account", text("CONTOSO\\svc_sql")),
                ("expectation", text("must")),
                ("verdict", text("not-granted")),
                ("right", text("SeServiceLogonRight")),
                ("logon_description", text("log on as a service")),
                ("via", text("")),
            ]),
        }
    }

    /// A right fact with two holders.
    pub(crate) fn right() -> MapFact {
        MapFact {
            kind: FactKind::Right,
            fields: HashMap::from([
                ("known", FactValue::Bool(true)),
                ("holder_count", FactValue::Int(2)),
                (
                    "holder_sids",
                    FactValue::List(vec![
                        Cow::Borrowed("S-1-1-0"),
                        Cow::Borrowed("S-1-5-32-544"),
                    ]),
                ),
                ("holders", FactValue::List(Vec::new())),
            ]),
        }
    }

    fn test(field: &str, matcher: Matcher) -> Predicate {
        Predicate::Test {
            field: field.into(),
            matcher,
        }
    }

    fn text(value: &str) -> Scalar {
        Scalar::Text(value.into())
    }

    #[test]
    fn equals_and_one_of_ignore_case() {
        let fact = expectation();
        assert!(test("verdict", Matcher::Equals(text("NOT-GRANTED"))).matches(&fact));
        assert!(!test("verdict", Matcher::Equals(text("denied"))).matches(&fact));
        let either = Matcher::OneOf(vec![text("denied"), text("not-granted")]);
        assert!(test("verdict", either).matches(&fact));
    }

    #[test]
    fn contains_tests_lists_by_item_and_text_by_substring() {
        let fact = right();
        assert!(test("holder_sids", Matcher::Contains("s-1-1-0".into())).matches(&fact));
        assert!(!test("holder_sids", Matcher::Contains("S-1-1".into())).matches(&fact));
        let fact = expectation();
        assert!(test("right", Matcher::Contains("servicelogon".into())).matches(&fact));
    }

    #[test]
    fn is_empty_covers_text_and_lists() {
        assert!(test("via", Matcher::IsEmpty(true)).matches(&expectation()));
        assert!(!test("account", Matcher::IsEmpty(true)).matches(&expectation()));
        assert!(test("holders", Matcher::IsEmpty(true)).matches(&right()));
        assert!(test("holder_sids", Matcher::IsEmpty(false)).matches(&right()));
    }

    #[test]
    fn bounds_are_inclusive() {
        let fact = right();
        assert!(test("holder_count", Matcher::AtLeast(2)).matches(&fact));
        assert!(!test("holder_count", Matcher::AtLeast(3)).matches(&fact));
        assert!(test("holder_count", Matcher::AtMost(2)).matches(&fact));
        assert!(!test("holder_count", Matcher::AtMost(1)).matches(&fact));
        assert!(test("known", Matcher::Equals(Scalar::Bool(true))).matches(&fact));
    }

    #[test]
    fn combinators_combine() {
        let fact = expectation();
        let must = test("expectation", Matcher::Equals(text("must")));
        let denied = test("verdict", Matcher::Equals(text("denied")));
        assert!(!Predicate::All(vec![must.clone(), denied.clone()]).matches(&fact));
        assert!(Predicate::Any(vec![must.clone(), denied.clone()]).matches(&fact));
        assert!(Predicate::Not(Box::new(denied)).matches(&fact));
    }

    #[test]
    fn missing_fields_and_wrong_types_fail() {
        let fact = expectation();
        assert!(!test("nothing", Matcher::IsEmpty(true)).matches(&fact));
        assert!(!test("account", Matcher::AtLeast(0)).matches(&fact));
        assert_eq!(Matcher::AtLeast(0).key(), "at_least");
    }
}
