//! serde's views of a node's children: list items, the fields of a
//! mapping (unknown and repeated keys refused here, so every one is
//! reported), and a value with its span.

use serde::de::{self, DeserializeSeed, IntoDeserializer};

use super::SPANNED_FIELDS;
use super::deserializer::Deserializer;
use super::error::Error;
use super::place::{Place, Subject};
use super::problem;
use super::words::Shape;
use crate::span::Span;
use crate::yaml::{Entry, Node};

/// The items of a list.
pub(super) struct Seq<'a> {
    items: std::slice::Iter<'a, Node>,
    parent: Deserializer<'a>,
    place: Place<'a>,
}

impl<'a> Seq<'a> {
    pub(super) fn new(items: &'a [Node], parent: Deserializer<'a>, place: Place<'a>) -> Self {
        Seq {
            items: items.iter(),
            parent,
            place,
        }
    }
}

impl<'de> de::SeqAccess<'de> for Seq<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some(node) => seed
                .deserialize(self.parent.child(node, self.place))
                .map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of a mapping, each key given once.
pub(super) struct StructFields<'a> {
    entries: std::slice::Iter<'a, Entry>,
    parent: Deserializer<'a>,
    /// The mapping's shape and fields, for a struct; `None` for a map
    /// whose keys are data.
    known: Option<(Shape, &'static [&'static str])>,
    seen: Vec<(&'a str, Span)>,
    value: Option<(&'a Node, &'a str, Span)>,
}

impl<'a> StructFields<'a> {
    /// A struct's fields: only `fields` are allowed.
    pub(super) fn known(
        entries: &'a [Entry],
        parent: Deserializer<'a>,
        shape: Shape,
        fields: &'static [&'static str],
    ) -> Self {
        Self::new(entries, parent, Some((shape, fields)))
    }

    /// A map's entries: any key is allowed.
    pub(super) fn any(entries: &'a [Entry], parent: Deserializer<'a>) -> Self {
        Self::new(entries, parent, None)
    }

    fn new(
        entries: &'a [Entry],
        parent: Deserializer<'a>,
        known: Option<(Shape, &'static [&'static str])>,
    ) -> Self {
        StructFields {
            entries: entries.iter(),
            parent,
            known,
            seen: Vec::new(),
            value: None,
        }
    }

    fn example(&self) -> &'static str {
        self.known
            .map_or(self.parent.place.example, |(shape, _)| shape.example)
    }

    /// The key's text when it may be read; else the problem is reported.
    fn admit(&mut self, key: &'a Node) -> Option<&'a str> {
        let place = Place {
            subject: Subject::Whole("a field name"),
            key: None,
            example: self.example(),
        };
        let Some(text) = key.text() else {
            let problem = problem::wrong_shape(&place, "a single word", key);
            self.parent.cx.push(problem);
            return None;
        };
        if let Some((shape, fields)) = self.known
            && !fields.contains(&text)
        {
            let problem = problem::unknown_field(text, key.span, &shape, fields);
            self.parent.cx.push(problem);
            return None;
        }
        if let Some((_, first)) = self.seen.iter().find(|(seen, _)| *seen == text) {
            let problem = problem::duplicate_field(text, *first, key.span);
            self.parent.cx.push(problem);
            return None;
        }
        self.seen.push((text, key.span));
        Some(text)
    }
}

impl<'de> de::MapAccess<'de> for StructFields<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        while let Some(Entry { key, value }) = self.entries.next() {
            if let Some(text) = self.admit(key) {
                self.value = Some((value, text, key.span));
                let place = Place {
                    subject: Subject::Whole("a field name"),
                    key: None,
                    example: self.example(),
                };
                return seed.deserialize(self.parent.child(key, place)).map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((node, name, key)) = self.value.take() else {
            return Err(Error::Custom("a value without its key".to_owned()));
        };
        let place = Place {
            subject: Subject::Field(name),
            key: Some(key),
            example: self.example(),
        };
        seed.deserialize(self.parent.child(node, place))
    }
}

/// A node as the three fields of a `Spanned`: start, end, value.
pub(super) struct SpannedFields<'a> {
    node: Deserializer<'a>,
    next: usize,
}

impl<'a> SpannedFields<'a> {
    pub(super) fn new(node: Deserializer<'a>) -> Self {
        SpannedFields { node, next: 0 }
    }
}

impl<'de> de::MapAccess<'de> for SpannedFields<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(key) = SPANNED_FIELDS.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let span = self.node.place.span(self.node.node);
        let field = self.next;
        self.next += 1;
        match field {
            0 => seed.deserialize(span.start.into_deserializer()),
            1 => seed.deserialize(span.end.into_deserializer()),
            _ => seed.deserialize(self.node),
        }
    }
}
