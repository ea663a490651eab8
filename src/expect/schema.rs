//! The JSON Schema of `services.yaml`, generated from the types the file
//! is read into, so an editor checks and completes what gplint accepts.

use serde_json::Value;

use super::document::Document;

/// Where the committed copy of the schema is published, under the
/// project's address; editors fetch it from `$id`.
const SCHEMA_PATH: &str = "/raw/main/schemas/services.schema.json";

/// Fields the types read as optional, so that `validate` can say what is
/// missing in its own words, but that a file must have: `(definition,
/// field)`, the top level being `""`.
const REQUIRED: [(&str, &str); 4] = [
    ("", "accounts"),
    ("Scope", "gpos"),
    ("Waiver", "reason"),
    ("Waiver", "expires"),
];

/// The schema's address: the project's, then the committed copy's path.
pub fn schema_url() -> String {
    format!("{}{SCHEMA_PATH}", crate::PROJECT_URI)
}

/// The JSON Schema (draft 2020-12) of an expectations file, with the
/// descriptions an editor shows while the file is edited.
pub fn schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<Document>().to_value();
    schema["$id"] = schema_url().into();
    schema["title"] = "gplint expectations file (services.yaml)".into();
    for (definition, field) in REQUIRED {
        let object = match definition {
            "" => &mut schema,
            name => &mut schema["$defs"][name],
        };
        if let Value::Array(required) = &mut object["required"] {
            required.push(field.into());
        } else {
            object["required"] = Value::Array(vec![field.into()]);
        }
    }
    schema
}
