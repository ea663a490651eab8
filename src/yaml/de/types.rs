//! The types a document's structs are made of, beyond serde's own: a
//! value with its span, an optional field that remembers it was written
//! wrong, and lists that keep their good items when some are bad.
//!
//! `Field` and the lists swallow the errors of what they hold. That is
//! only right because this deserializer reports every error as a
//! diagnostic before it returns it: what is swallowed is already said.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::SeqAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{LIST_OR_MAP, ONE_OR_LIST, SPANNED, SPANNED_FIELDS};
use crate::span::Span;
use crate::span::Spanned;

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct(SPANNED, SPANNED_FIELDS, SpannedVisitor(PhantomData))
    }
}

struct SpannedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
    type Value = Spanned<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let next = |map: &mut A| map.next_key::<IgnoredAny>().map(|_| ());
        next(&mut map)?;
        let start: usize = map.next_value()?;
        next(&mut map)?;
        let end: usize = map.next_value()?;
        next(&mut map)?;
        let value = map.next_value()?;
        Ok(Spanned::new(value, Span::new(start, end)))
    }
}

/// An optional field: not written (or written with no value), written
/// wrong (already reported), or its value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum Field<T> {
    /// Not written, or `key:` with nothing after it.
    #[default]
    Absent,
    /// Written, but its value could not be read; the problem is reported.
    Invalid,
    /// Its value.
    Given(T),
}

impl<T> Field<T> {
    /// The value, if given.
    pub(crate) fn given(&self) -> Option<&T> {
        match self {
            Field::Given(value) => Some(value),
            _ => None,
        }
    }

    /// The value, if given, owned.
    pub(crate) fn into_given(self) -> Option<T> {
        match self {
            Field::Given(value) => Some(value),
            _ => None,
        }
    }

    /// Whether the field is written at all, rightly or not.
    pub(crate) fn is_written(&self) -> bool {
        !matches!(self, Field::Absent)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(FieldVisitor(PhantomData))
    }
}

struct FieldVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Absent)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        Ok(T::deserialize(deserializer).map_or(Field::Invalid, Field::Given))
    }
}

/// A list whose unreadable items are left out (each already reported).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct List<T> {
    /// The items that could be read, in written order.
    pub(crate) items: Vec<T>,
    /// Whether every item could be read.
    pub(crate) complete: bool,
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List {
            items: Vec::new(),
            complete: true,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(ListVisitor(PhantomData))
    }
}

/// A [`List`] that also takes a single value as a one-item list
/// (`logon: service` is `logon: [service]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OneOrList<T>(pub(crate) List<T>);

impl<T> Default for OneOrList<T> {
    fn default() -> Self {
        OneOrList(List::default())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_newtype_struct(ONE_OR_LIST, ListVisitor(PhantomData))
            .map(OneOrList)
    }
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = List<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut list = List::default();
        while let Some(Attempt(item)) = seq.next_element()? {
            match item {
                Some(item) => list.items.push(item),
                None => list.complete = false,
            }
        }
        Ok(list)
    }
}

/// One list item, `None` when it could not be read.
struct Attempt<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Attempt<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Attempt(T::deserialize(deserializer).ok()))
    }
}

/// A field written either as a list (or a single value, a one-item
/// list) or as a mapping, such as `domain_policy: [Default Domain
/// Policy]` or `domain_policy: {max_password_age_days: 60, …}`; each
/// shape is read, and its problems worded, as its own type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ListOrMap<L, M> {
    /// Written as a list or a single value.
    List(L),
    /// Written as a mapping.
    Map(M),
}

impl<'de, L: Deserialize<'de>, M: Deserialize<'de>> Deserialize<'de> for ListOrMap<L, M> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_newtype_struct(LIST_OR_MAP, ListOrMapVisitor(PhantomData))
    }
}

struct ListOrMapVisitor<L, M>(PhantomData<(L, M)>);

impl<'de, L: Deserialize<'de>, M: Deserialize<'de>> Visitor<'de> for ListOrMapVisitor<L, M> {
    type Value = ListOrMap<L, M>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list or a mapping")
    }

    /// The deserializer hands over a mapping as a newtype.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, map: D) -> Result<Self::Value, D::Error> {
        M::deserialize(map).map(ListOrMap::Map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        L::deserialize(SeqAccessDeserializer::new(seq)).map(ListOrMap::List)
    }
}
