//! The JSON Schema of `services.yaml`, generated from the types the file
//! is read into, so an editor checks and completes what gplint accepts.

use super::document::Document;

/// Where the committed copy of the schema is published, under the
/// project's address; editors fetch it from `$id`.
pub(crate) const SCHEMA_PATH: &str = "/raw/main/schemas/services.schema.json";

/// The schema's address: the project's, then [`SCHEMA_PATH`].
pub fn schema_url() -> String {
    format!("{}{SCHEMA_PATH}", crate::PROJECT_URI)
}

/// The JSON Schema (draft 2020-12) of an expectations file, with the
/// descriptions an editor shows while the file is edited.
pub fn schema() -> serde_json::Value {
    let mut schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Document>();
    schema.insert("$id".to_owned(), schema_url().into());
    schema.insert("title".to_owned(), "gplint expectations file (services.yaml)".into());
    schema.to_value()
}
