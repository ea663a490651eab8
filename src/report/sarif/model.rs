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
    /// The run's category (`gplint/` by default), which GitHub uses to keep
    /// several analyses of one commit apart.
    pub(super) automation_details: AutomationDetails,
    /// The one invocation: whether every input was read, and what was said.
    pub(super) invocations: Vec<Invocation>,
    /// Where `%SRCROOT%` is, when files are named relative to a repository.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) original_uri_base_ids: BTreeMap<&'static str, BaseUri>,
    /// gplint counts columns in characters, not SARIF's default UTF-16 units.
    pub(super) column_kind: &'static str,
    pub(super) results: Vec<SarifResult>,
}

/// `automationDetails`: `category/` or `category/run`.
#[derive(Serialize)]
pub(super) struct AutomationDetails {
    pub(super) id: String,
}

/// An `invocation`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Invocation {
    /// False when an input could not be read (gplint exits with 2).
    pub(super) execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) tool_execution_notifications: Vec<Notification>,
}

/// A `notification`: something gplint says about the run itself.
#[derive(Serialize)]
pub(super) struct Notification {
    pub(super) level: &'static str,
    pub(super) message: Text,
}

/// An `artifactLocation` naming a base folder, as a `file:` URI ending in `/`.
#[derive(Serialize)]
pub(super) struct BaseUri {
    pub(super) uri: String,
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
    pub(super) properties: RuleProperties,
}

/// What GitHub code scanning reads from a rule's property bag.
#[derive(Serialize)]
pub(super) struct RuleProperties {
    pub(super) tags: [&'static str; 3],
    pub(super) precision: &'static str,
    /// A number from 0.0 to 10.0, as a string (GitHub's form).
    #[serde(rename = "security-severity")]
    pub(super) security_severity: &'static str,
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
    /// Under `check --baseline`: `new`, or `unchanged` for a result the
    /// base has too (SARIF 2.1.0 §3.27.24).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) baseline_state: Option<&'static str>,
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

/// The file: relative to `%SRCROOT%` inside a repository, else an
/// absolute `file:` URI.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ArtifactLocation {
    pub(super) uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) uri_base_id: Option<&'static str>,
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
