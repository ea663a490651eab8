//! serde's `Deserializer` over one node of the tree. Every error is
//! worded here, with the node's place, into the sink: what leaves a
//! method is only ever [`Error::Reported`].

use std::cell::RefCell;

use serde::de::value::StrDeserializer;
use serde::de::{self, IntoDeserializer, Visitor};

use super::access::{Seq, SpannedFields, StructFields};
use super::error::Error;
use super::place::{Place, Subject};
use super::problem;
use super::words::Words;
use super::{LIST_OR_MAP, ONE_OR_LIST, SPANNED};
use crate::diagnostic::Diagnostic;
use crate::yaml::{Node, NodeKind};

/// What every node of one document shares: the file's words and the
/// problems found so far.
pub(super) struct Context<'w> {
    pub(super) words: &'w Words,
    pub(super) problems: RefCell<Vec<Diagnostic>>,
}

impl Context<'_> {
    pub(super) fn push(&self, diagnostic: Diagnostic) {
        self.problems.borrow_mut().push(diagnostic);
    }

    /// How many problems are known: a value is clean when none were added
    /// while it was read.
    pub(super) fn count(&self) -> usize {
        self.problems.borrow().len()
    }
}

/// One node to type, with its place and the document's context.
#[derive(Clone, Copy)]
pub(super) struct Deserializer<'a> {
    pub(super) node: &'a Node,
    pub(super) place: Place<'a>,
    pub(super) cx: &'a Context<'a>,
}

impl<'a> Deserializer<'a> {
    /// The node's scalar text, or a wrong-shape error for a collection.
    fn scalar(&self, expected: &str) -> Result<&'a str, Error> {
        match &self.node.kind {
            NodeKind::Scalar { text, .. } => Ok(text),
            _ => Err(self.wrong_shape(expected)),
        }
    }

    /// The node's text, or an error for nothing or a collection.
    fn text(&self, expected: &str) -> Result<&'a str, Error> {
        if self.node.is_null() {
            self.cx.push(problem::empty_value(
                &self.place,
                self.place.span(self.node),
            ));
            return Err(Error::Reported);
        }
        self.scalar(expected)
    }

    fn wrong_shape(&self, expected: &str) -> Error {
        self.cx
            .push(problem::wrong_shape(&self.place, expected, self.node));
        Error::Reported
    }

    /// Words `error` with this node's place; what leaves a method.
    fn fail(&self, error: Error) -> Error {
        if let Some(diagnostic) = problem::diagnostic(error, self.node, &self.place) {
            self.cx.push(diagnostic);
        }
        Error::Reported
    }

    /// A child node at `place`.
    pub(super) fn child(&self, node: &'a Node, place: Place<'a>) -> Self {
        Deserializer {
            node,
            place,
            cx: self.cx,
        }
    }

    /// The items of a list held by this node's field.
    fn entries(&self) -> Place<'a> {
        Place {
            subject: match self.place.subject {
                Subject::Field(name) | Subject::Entry(name) => Subject::Entry(name),
                whole @ Subject::Whole(_) => whole,
            },
            key: None,
            example: self.place.example,
        }
    }

    fn seq<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items: &[Node] = match &self.node.kind {
            NodeKind::Seq(items) => items,
            _ if self.node.is_null() => &[],
            _ => return Err(self.wrong_shape("a list")),
        };
        visitor.visit_seq(Seq::new(items, self, self.entries()))
    }

    /// A one-item list for a single value (`logon: service`).
    fn one_or_list<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            NodeKind::Seq(_) => self.seq(visitor),
            _ if self.node.is_null() => self.seq(visitor),
            _ => visitor.visit_seq(Seq::new(std::slice::from_ref(self.node), self, self.place)),
        }
    }

    fn map<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            NodeKind::Map(entries) => visitor.visit_map(StructFields::any(entries, self)),
            _ if self.node.is_null() => visitor.visit_map(StructFields::any(&[], self)),
            _ => Err(self.wrong_shape("a mapping (`key: value` lines)")),
        }
    }

    fn structure<'de, V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let shape = self.cx.words.shape(name);
        let NodeKind::Map(entries) = &self.node.kind else {
            let expected = format!("a mapping of fields ({})", fields.join(", "));
            // The mapping's own example shows its shape, where the file
            // lists it; the enclosing one's may not even mention it.
            let place = match shape.name {
                "" => self.place,
                _ => Place {
                    example: shape.example,
                    ..self.place
                },
            };
            self.cx
                .push(problem::wrong_shape(&place, &expected, self.node));
            return Err(Error::Reported);
        };
        let access = StructFields::known(entries, self, shape, fields);
        match visitor.visit_map(access) {
            Err(Error::MissingField(field)) => {
                let span = self.place.span(self.node);
                self.cx.push(problem::missing_field(
                    field,
                    shape.what,
                    shape.example,
                    span,
                ));
                Err(Error::Reported)
            }
            other => other,
        }
    }

    fn any<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            NodeKind::Seq(_) => self.seq(visitor),
            NodeKind::Map(_) => self.map(visitor),
            _ if self.node.is_null() => visitor.visit_unit(),
            NodeKind::Scalar { text, plain: true } => typed_scalar(text, visitor),
            NodeKind::Scalar { text, .. } => visitor.visit_str(text),
        }
    }

    /// Enums are words (`severity: error`); none carries data.
    fn enumeration<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let text = self.text("a single value")?;
        visitor.visit_enum(StrDeserializer::<Error>::new(text))
    }
}

/// A scalar as YAML's core schema types it: what asks for any value gets
/// a plain `5` as a number and a quoted `'5'` as text (a rule's `equals:
/// '5'` compares text); what asks for a number or a flag gets it from
/// either.
fn typed_scalar<'de, V: Visitor<'de>>(text: &str, visitor: V) -> Result<V::Value, Error> {
    if let Some(flag) = bool_of(text) {
        return visitor.visit_bool(flag);
    }
    if let Ok(number) = text.parse::<u64>() {
        return visitor.visit_u64(number);
    }
    if let Ok(number) = text.parse::<i64>() {
        return visitor.visit_i64(number);
    }
    visitor.visit_str(text)
}

fn bool_of(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Numbers and flags: typed from the scalar's text whatever its quoting.
macro_rules! typed {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            let text = self.text("a single value").map_err(|error| self.fail(error))?;
            typed_scalar(text.trim(), visitor).map_err(|error| self.fail(error))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Deserializer<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.any(visitor).map_err(|error| self.fail(error))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = self
            .text("a single value")
            .and_then(|text| visitor.visit_str(text));
        result.map_err(|error| self.fail(error))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = if self.node.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        };
        result.map_err(|error| self.fail(error))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let result = if self.node.is_null() {
            visitor.visit_unit()
        } else {
            Err(self.wrong_shape("nothing"))
        };
        result.map_err(|error| self.fail(error))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = if name == ONE_OR_LIST {
            self.one_or_list(visitor)
        } else if name == LIST_OR_MAP {
            match &self.node.kind {
                NodeKind::Map(_) => visitor.visit_newtype_struct(self),
                _ => self.one_or_list(visitor),
            }
        } else {
            visitor.visit_newtype_struct(self)
        };
        result.map_err(|error| self.fail(error))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.seq(visitor).map_err(|error| self.fail(error))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.map(visitor).map_err(|error| self.fail(error))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let result = if name == SPANNED {
            visitor.visit_map(SpannedFields::new(self))
        } else {
            self.structure(name, fields, visitor)
        };
        result.map_err(|error| self.fail(error))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.enumeration(visitor).map_err(|error| self.fail(error))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    typed! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_i128 deserialize_u128
    }
}

impl<'de> IntoDeserializer<'de, Error> for Deserializer<'_> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}
