//! The part of the SARIF 2.1.0 object model gplint writes, as serde types.
//! Field names follow the specification (camelCase); absent optional
//! properties are left out rather than written as null, which the schema
//! refuses.

use std::collections::BTreeMap;

use serde::Serialize;

/// The root `sarifLog`.
#[derive(Serialize)]
pub(super) struct Log {
    #[serde(rename = "$schema")]
    pub(super) schema: &'static str,
    pub(super) version: &'static str,
    pub(super) runs: Vec<Run>,
}

/// One run of one tool.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Run {
    pub(super) tool: Tool,
    /// gplint counts columns in characters, not SARIF's default UTF-16 units.
    pub(super) column_kind: &'static str,
    pub(super) results: Vec<SarifResult>,
}

/// The tool.
#[derive(Serialize)]
pub(super) struct Tool {
    pub(super) driver: Driver,
}

/// gplint itself and its rules.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Driver {
    pub(super) name: &'static str,
    pub(super) version: &'static str,
    pub(super) information_uri: &'static str,
    pub(super) rules: Vec<Descriptor>,
}

/// A `reportingDescriptor`: one rule.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Descriptor {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) short_description: Text,
    pub(super) full_description: Text,
    pub(super) help: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) help_uri: Option<String>,
    pub(super) default_configuration: Configuration,
}

/// A message, plain and optionally as Markdown.
#[derive(Serialize)]
pub(super) struct Text {
    pub(super) text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) markdown: Option<String>,
}

impl Text {
    /// Plain text only.
    pub(super) fn plain(text: impl Into<String>) -> Text {
        Text {
            text: text.into(),
            markdown: None,
        }
    }
}

/// A rule's default level.
#[derive(Serialize)]
pub(super) struct Configuration {
    pub(super) level: &'static str,
}

/// One finding.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SarifResult {
    pub(super) rule_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) rule_index: Option<usize>,
    pub(super) level: &'static str,
    pub(super) message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) related_locations: Vec<SarifLocation>,
    pub(super) partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) suppressions: Vec<Suppression>,
    pub(super) properties: Properties,
}

/// A waiver, as SARIF records an accepted result.
#[derive(Serialize)]
pub(super) struct Suppression {
    /// Declared in the expectations file, outside the analysed templates.
    pub(super) kind: &'static str,
    /// The team has accepted it.
    pub(super) status: &'static str,
    /// The waiver's reason and expiry.
    pub(super) justification: String,
}

/// gplint's own facts about a result, in SARIF's property bag.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Properties {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) scope: Option<String>,
    /// Every scope of the finding's cause; `scope` is the first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) scopes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) logon_type: Option<&'static str>,
    pub(super) from_default: bool,
}

/// A place, with an id and a message when it is a related location.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) id: Option<usize>,
    pub(super) physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) message: Option<Text>,
}

/// A file and a region in it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PhysicalLocation {
    pub(super) artifact_location: ArtifactLocation,
    pub(super) region: Region,
}

/// The file.
#[derive(Serialize)]
pub(super) struct ArtifactLocation {
    pub(super) uri: String,
}

/// 1-based lines and columns; `endColumn` is just past the last character.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Region {
    pub(super) start_line: usize,
    pub(super) start_column: usize,
    pub(super) end_line: usize,
    pub(super) end_column: usize,
}
