//! The SARIF 2.1.0 form of `gplint check`, for code-scanning tools such as
//! GitHub's: one run, every loaded rule in `tool.driver.rules`, one result
//! per finding with its place, the expectation it breaks, and a fingerprint
//! that survives lines moving.

mod driver;
mod model;
mod uri;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sha1::{Digest, Sha1};

use crate::finding::{Finding, Location};
use crate::rules::Rule;

use super::check_human::expectation_title;
use super::sources::Sources;
use model::{
    ArtifactLocation, Log, PhysicalLocation, Properties, Region, Run, SarifLocation, SarifResult,
    Suppression, Text,
};

/// The schema `$schema` names.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of gplint's fingerprint in `partialFingerprints`; the version
/// changes if what the fingerprint hashes ever does.
pub const FINGERPRINT_KEY: &str = "gplint/v1";

/// Writes the findings as one SARIF log; `rules` are the loaded rules,
/// which results refer to by index. An error is the serialiser's, never
/// replaced by an empty log.
pub fn write(
    findings: &[Finding],
    sources: &Sources<'_>,
    rules: &[Rule],
) -> serde_json::Result<String> {
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: model::Tool {
                driver: driver::driver(rules),
            },
            column_kind: "unicodeCodePoints",
            results: findings
                .iter()
                .map(|finding| result(finding, sources, rules))
                .collect(),
        }],
    };
    let mut text = serde_json::to_string_pretty(&log)?;
    text.push('\n');
    Ok(text)
}

/// The hex SHA-1 of [`Finding::identity`]: rule, scope, account, logon
/// type and message, never a line number.
pub fn fingerprint(finding: &Finding) -> String {
    let digest = Sha1::digest(finding.identity().as_bytes());
    digest.iter().fold(String::new(), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

fn result(finding: &Finding, sources: &Sources<'_>, rules: &[Rule]) -> SarifResult {
    let primary = finding.primary.as_ref();
    SarifResult {
        rule_id: finding.rule.clone(),
        rule_index: rules.iter().position(|rule| rule.id == finding.rule),
        level: finding.severity.as_str(),
        message: Text::plain(message(finding)),
        locations: primary
            .and_then(|at| location(at, None, sources))
            .into_iter()
            .collect(),
        related_locations: related(finding, sources),
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, fingerprint(finding))]),
        suppressions: finding
            .waived
            .iter()
            .map(|w| Suppression {
                kind: "external",
                status: "accepted",
                justification: format!("{} (waived until {})", w.reason, w.expires),
            })
            .collect(),
        properties: Properties {
            scope: finding.scope.clone(),
            scopes: finding.scope_names().map(str::to_owned).collect(),
            account: finding.account.clone(),
            logon_type: finding.logon_type.map(|t| t.as_str()),
            from_default: finding.from_default,
        },
    }
}

/// The message, then what to do and what Windows shows: the first line
/// is the summary code-scanning tools list, the rest is shown with it.
fn message(finding: &Finding) -> String {
    let mut text = finding.message.clone();
    if let Some(help) = &finding.help {
        let _ = write!(text, "\nhelp: {help}");
    }
    if let Some(note) = &finding.note {
        let _ = write!(text, "\nnote: {note}");
    }
    text
}

/// The replaced lists in earlier templates, the `__Members` line that
/// took a membership away, then the expectation, with ids from 1 in that
/// order.
fn related(finding: &Finding, sources: &Sources<'_>) -> Vec<SarifLocation> {
    let replaced = finding
        .secondary
        .iter()
        .map(|at| (at, "the list that was replaced".to_owned()));
    let removed_by = finding
        .removed_by
        .iter()
        .map(|at| (at, super::check_human::REMOVED_BY.to_owned()));
    let expectation = finding
        .related
        .iter()
        .map(|at| (at, expectation_title(finding)));
    replaced
        .chain(removed_by)
        .chain(expectation)
        .filter_map(|(at, title)| {
            let text = if at.label.is_empty() {
                title
            } else {
                format!("{title}: {}", at.label)
            };
            location(at, Some(text), sources)
        })
        .enumerate()
        .map(|(index, mut place)| {
            place.id = Some(index + 1);
            place
        })
        .collect()
}

fn location(
    at: &Location,
    message: Option<String>,
    sources: &Sources<'_>,
) -> Option<SarifLocation> {
    let region = sources.region(at)?;
    Some(SarifLocation {
        id: None,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri::file_uri(region.file),
            },
            region: Region {
                start_line: region.start.0,
                start_column: region.start.1,
                end_line: region.end.0,
                end_column: region.end.1,
            },
        },
        message: message.map(Text::plain),
    })
}
