//! A key a rule file must have. It is read as optional, so one missing
//! key does not hide the problems of the others: the check says it is
//! missing, at the mapping's first key, where the old loader pointed.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer};

/// The mark [`super::schema`] turns into the mapping's `required` list.
pub(super) const MARK: &str = "x-gplint-required";

/// A required key: not written, written wrong (already reported), or
/// its value.
#[derive(Debug, Default)]
pub(super) enum Required<T> {
    /// Not written; the check reports it.
    #[default]
    Missing,
    /// Written, but unreadable; the reader reported why.
    Invalid,
    /// Its value.
    Given(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Required<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The reader words every error before returning it: what is
        // dropped here is already said.
        Ok(T::deserialize(deserializer).map_or(Required::Invalid, Required::Given))
    }
}

impl<T: JsonSchema> JsonSchema for Required<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = generator.subschema_for::<T>();
        schema.insert(MARK.to_owned(), true.into());
        schema
    }
}
