//! The spanned tree typed through serde: a document's Rust types derive
//! `Deserialize`, and this deserializer reads them from the tree, wording
//! every problem as a diagnostic with the exact span, a did-you-mean and
//! a help line.
//!
//! Why a deserializer over our own tree rather than a YAML crate's: the
//! tree already refuses what hostile files do (aliases, deep nesting,
//! second documents) and has a span on every node; serde_yaml gives no
//! value spans. Typing through serde keeps one definition per document
//! (the same types give the JSON Schema), while this layer keeps the
//! error quality the hand-written loaders had.
//!
//! Every problem is collected rather than the first returned: unknown and
//! repeated keys are skipped, a list keeps its readable items
//! ([`List`]), and an optional [`Field`] read wrong is `Invalid`. A
//! required field missing, or written wrong, makes the mapping that needs
//! it unreadable, and so its place in a list empty.

mod access;
mod deserializer;
mod error;
mod place;
mod problem;
mod schema;
mod types;
mod words;

use std::cell::RefCell;

use serde::de::DeserializeOwned;

pub(crate) use types::{Field, List, ListOrMap, OneOrList};
pub(crate) use words::{Shape, Words};

use self::deserializer::{Context, Deserializer};
use self::place::{Place, Subject};
use crate::diagnostic::Diagnostic;
use crate::yaml::Node;

/// The struct name by which `Spanned` asks for a value and its span.
const SPANNED: &str = "$gplint::Spanned";
const SPANNED_FIELDS: &[&str] = &["$start", "$end", "$value"];
/// The newtype name by which `OneOrList` asks for a list, or one value.
const ONE_OR_LIST: &str = "$gplint::OneOrList";
/// The newtype name by which `ListOrMap` asks for either shape.
const LIST_OR_MAP: &str = "$gplint::ListOrMap";

/// A document typed from its tree, with every problem found: the value
/// is `None` only when the top level itself could not be read.
#[derive(Debug)]
pub(crate) struct Typed<T> {
    /// The document, as far as it could be read.
    pub(crate) value: Option<T>,
    /// Every problem, in the order found.
    pub(crate) problems: Vec<Diagnostic>,
}

/// Types `root` as a `T`, worded with `words`.
pub(crate) fn from_node<T: DeserializeOwned>(root: &Node, words: &Words) -> Typed<T> {
    let cx = Context {
        words,
        problems: RefCell::new(Vec::new()),
    };
    let deserializer = Deserializer {
        node: root,
        place: Place {
            subject: Subject::Whole(words.file),
            key: None,
            example: words.example(),
        },
        cx: &cx,
    };
    let value = T::deserialize(deserializer).ok();
    Typed {
        value,
        problems: cx.problems.into_inner(),
    }
}

#[cfg(test)]
mod tests;
