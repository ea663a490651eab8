//! YAML read into a small tree with a byte span on every node, for the
//! expectations file and for rule files alike.
//!
//! serde_yaml says where a syntax error is but not where each value is,
//! and every message about these files should point at the exact key or
//! value. So a text is parsed once, from saphyr-parser's events, into this
//! tree, which each caller then checks and types by hand.
//!
//! The reader is also where hostile input stops: aliases are refused,
//! nesting is capped and only one document is read. How deep a kind of
//! file may nest, and what else it refuses, is its `Dialect`. Problems
//! come back as a `YamlError`, which each caller words for its own file.

mod build;
// The loaders move onto the deserializer one at a time; until both
// have, parts of it are unused.
#[allow(dead_code, unused_imports)]
mod de;
mod dialect;
mod error;
mod escape;
mod node;
mod offsets;
mod parse;
#[allow(dead_code)]
mod read;
#[cfg(test)]
mod tests;

#[allow(unused_imports)]
pub(crate) use de::{Field, List, ListOrMap, OneOrList, Shape, Typed, Words, from_node};
pub(crate) use dialect::Dialect;
pub(crate) use error::{Construct, SyntaxError, YamlError};
pub(crate) use node::{Entry, Node, NodeKind};
pub(crate) use parse::parse;
#[allow(unused_imports)]
pub(crate) use read::read;
