//! The JSON Schema of rule files, derived from the types they are read
//! into, for editors (`gplint schema rule`, `schemas/rule.schema.json`).

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use super::document::RuleDoc;
use super::required::MARK;
use crate::facts::FactKind;

/// Where the committed schema is published; editors key their cache on it.
/// Built from Cargo.toml's `repository` ([`crate::PROJECT_URI`]).
const ID: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/raw/main/schemas/rule.schema.json"
);

/// The JSON Schema (draft 2020-12) of a rule file.
pub fn schema() -> Value {
    let generator = SchemaGenerator::new(SchemaSettings::draft2020_12());
    let mut schema = generator.into_root_schema_for::<RuleDoc>().to_value();
    if let Some(root) = schema.as_object_mut() {
        root.insert("$id".to_owned(), ID.into());
        root.insert("title".to_owned(), "gplint rule file".into());
    }
    lift_required(&mut schema);
    schema
}

/// Moves each property marked required into its object's `required`:
/// the types read such keys as optional, so that one missing key does
/// not hide the problems of the others.
fn lift_required(value: &mut Value) {
    match value {
        Value::Object(object) => {
            let marked: Vec<Value> = (object.get_mut("properties"))
                .and_then(Value::as_object_mut)
                .into_iter()
                .flat_map(|properties| properties.iter_mut())
                .filter_map(|(name, property)| {
                    let property = property.as_object_mut()?;
                    property.remove(MARK).map(|_| name.as_str().into())
                })
                .collect();
            object.values_mut().for_each(lift_required);
            if !marked.is_empty() {
                object.insert("required".to_owned(), Value::Array(marked));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(lift_required),
        _ => {}
    }
}

/// The names of the kinds of fact.
pub(super) struct FactKindSchema;

impl JsonSchema for FactKindSchema {
    fn schema_name() -> Cow<'static, str> {
        "FactKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "enum": FactKind::ALL.map(FactKind::as_str) })
    }
}

/// A condition over the fields of one fact: `all`, `any` or `not` alone,
/// or `field` with exactly one matcher.
#[derive(JsonSchema)]
#[schemars(rename = "Predicate")]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(super) struct PredicateSchema {
    /// Every predicate in the list holds.
    all: Option<Vec<PredicateSchema>>,
    /// At least one predicate in the list holds.
    any: Option<Vec<PredicateSchema>>,
    /// The predicate does not hold.
    not: Option<Box<PredicateSchema>>,
    /// The field tested, one of the fields of the rule's `applies_to`
    /// kind (docs/rule-fields.md).
    field: Option<String>,
    /// The field equals this value (text ignoring case); not for lists.
    equals: Option<Written>,
    /// The field equals one of these values; not for lists.
    one_of: Option<Vec<Written>>,
    /// A list field holds this item, or a text field this substring
    /// (ignoring case).
    contains: Option<String>,
    /// Whether the text or list field is empty.
    is_empty: Option<bool>,
    /// The number field is at least this.
    at_least: Option<i64>,
    /// The number field is at most this.
    at_most: Option<i64>,
}

/// A value to compare a field with: text, `true`/`false`, or a whole
/// number, as the field's type is.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum Written {
    Text(String),
    Bool(bool),
    Int(i64),
}
