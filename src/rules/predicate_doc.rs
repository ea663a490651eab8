//! A predicate as written: its keys with where each is written, and
//! their values as YAML typed them. Which keys may go together, and
//! whether a value suits its field, is for the check
//! ([`super::check_predicate`]), which knows the fact kind.
//!
//! The mapping is read by hand rather than derived because the check
//! points at keys (a second matcher, a key beside `all`), and a derived
//! struct keeps only its values' spans.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::scalar::Scalar;
use crate::span::Spanned;
use crate::yaml::List;

/// The serde name the reader's words know a predicate by.
pub(super) const NAME: &str = "Predicate";

/// The keys of a predicate mapping; the matchers in the docs' order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Key {
    All,
    Any,
    Not,
    Field,
    Equals,
    OneOf,
    Contains,
    IsEmpty,
    AtLeast,
    AtMost,
}

/// Every key, as written, in [`Key`]'s order.
pub(super) const KEYS: &[&str] = &[
    "all", "any", "not", "field", "equals", "one_of", "contains", "is_empty", "at_least", "at_most",
];

impl Key {
    /// The key as written.
    pub(super) fn name(self) -> &'static str {
        KEYS.get(self as usize).copied().unwrap_or_default()
    }

    /// `all`, `any` or `not`, which stand alone.
    pub(super) fn combines(self) -> bool {
        matches!(self, Key::All | Key::Any | Key::Not)
    }

    /// A test of the field's value.
    pub(super) fn matches(self) -> bool {
        !self.combines() && self != Key::Field
    }
}

/// One key's value, read as its key needs.
#[derive(Debug)]
pub(super) enum Part {
    /// `all` or `any`.
    Predicates(Spanned<List<Spanned<PredicateDoc>>>),
    /// `not`.
    Not(Box<Spanned<PredicateDoc>>),
    /// `field`.
    Field(Spanned<String>),
    /// `one_of`.
    Values(Spanned<List<Spanned<Scalar>>>),
    /// Every other matcher.
    Value(Spanned<Scalar>),
}

/// A predicate mapping: each known key, once, in written order, with its
/// value (`None` when it could not be read; the reader said why).
#[derive(Debug, Default)]
pub(super) struct PredicateDoc {
    pub(super) entries: Vec<(Spanned<Key>, Option<Part>)>,
}

impl<'de> Deserialize<'de> for PredicateDoc {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct(NAME, KEYS, PredicateVisitor)
    }
}

struct PredicateVisitor;

impl<'de> Visitor<'de> for PredicateVisitor {
    type Value = PredicateDoc;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a predicate")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PredicateDoc, A::Error> {
        let mut doc = PredicateDoc::default();
        while let Some(key) = map.next_key::<Spanned<Key>>()? {
            let part = match key.value {
                Key::All | Key::Any => map.next_value().map(Part::Predicates),
                Key::Not => map.next_value().map(Part::Not),
                Key::Field => map.next_value().map(Part::Field),
                Key::OneOf => map.next_value().map(Part::Values),
                _ => map.next_value().map(Part::Value),
            };
            doc.entries.push((key, part.ok()));
        }
        Ok(doc)
    }
}
