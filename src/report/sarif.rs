//! The SARIF 2.1.0 form of `gplint check`, for code-scanning tools such as
//! GitHub's: one run, every loaded rule in `tool.driver.rules`, one result
//! per finding with its place, the expectation it breaks, and a fingerprint
//! that survives lines moving.

mod driver;
mod identity;
mod model;
mod uri;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use crate::diagnostic::Severity;
use crate::finding::{BaselineState, Finding, Location};
use crate::rules::Rule;

use super::check_human::{expectation_title, plural};
use super::ci::{RepoPaths, Selection};
use super::sources::Sources;
pub use identity::{FINGERPRINT_KEY, LINE_HASH_KEY, fingerprint, fingerprint_with};
use model::{
    AutomationDetails, BaseUri, Invocation, Log, Notification, PhysicalLocation, Properties,
    Region, Run, SarifLocation, SarifResult, Suppression, Text,
};

/// The schema `$schema` names.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The most results one run holds: GitHub code scanning refuses a run
/// with more.
pub const MAX_RESULTS: usize = 25_000;

/// The default `automationDetails.id`: the category `gplint`, no run id.
pub const DEFAULT_CATEGORY: &str = "gplint/";

/// How to write the log, beyond the findings.
#[derive(Clone, Debug)]
pub struct Options<'a> {
    /// Which findings, at which level.
    pub selection: Selection,
    /// Where the repository is, for relative URIs.
    pub paths: &'a RepoPaths,
    /// `automationDetails.id`; a `/` is added when it has none at its end.
    pub category: &'a str,
    /// The repository `helpUri` points into.
    pub help_uri_base: &'a str,
    /// One line per input that could not be read.
    pub unreadable: &'a [String],
    /// The most results written ([`MAX_RESULTS`]; tests lower it).
    pub max_results: usize,
}

impl Options<'_> {
    /// The defaults: warnings and errors, names as given, no unreadable input.
    pub fn plain(paths: &RepoPaths) -> Options<'_> {
        Options {
            selection: Selection::default(),
            paths,
            category: DEFAULT_CATEGORY,
            help_uri_base: crate::PROJECT_URI,
            unreadable: &[],
            max_results: MAX_RESULTS,
        }
    }
}

/// Writes the findings as one SARIF log; `rules` are the loaded rules,
/// which results refer to by index. Errors come first, so a cap drops
/// notes before warnings and warnings before errors. An error is the
/// serialiser's, never replaced by an empty log.
pub fn write(
    findings: &[Finding],
    sources: &Sources<'_>,
    rules: &[Rule],
    options: &Options<'_>,
) -> serde_json::Result<String> {
    let shown = options.selection.select(findings);
    let kept = &shown[..shown.len().min(options.max_results)];
    let mut occurrences = HashMap::new();
    let results = kept
        .iter()
        .map(|finding| result(finding, sources, rules, options, &mut occurrences))
        .collect();
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: model::Tool {
                driver: driver::driver(rules, options.help_uri_base),
            },
            automation_details: AutomationDetails {
                id: category(options.category),
            },
            invocations: vec![invocation(findings, &shown, kept.len(), options)],
            original_uri_base_ids: base_ids(options.paths),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut text = serde_json::to_string_pretty(&log)?;
    text.push('\n');
    Ok(text)
}

/// `category/`: GitHub reads the part before the last `/` as the category.
fn category(given: &str) -> String {
    if given.ends_with('/') {
        given.to_owned()
    } else {
        format!("{given}/")
    }
}

fn base_ids(paths: &RepoPaths) -> BTreeMap<&'static str, BaseUri> {
    let Some(root) = &paths.root else {
        return BTreeMap::new();
    };
    let mut uri = uri::absolute_uri(root);
    if !uri.ends_with('/') {
        uri.push('/');
    }
    BTreeMap::from([(uri::SRCROOT, BaseUri { uri })])
}

/// The run's one invocation: unsuccessful when an input could not be
/// read, with a notification for each, one for what the minimum severity
/// left out and one for what the cap did.
fn invocation(
    findings: &[Finding],
    shown: &[&Finding],
    kept: usize,
    options: &Options<'_>,
) -> Invocation {
    let mut notes: Vec<Notification> = options
        .unreadable
        .iter()
        .map(|line| notification("error", format!("An input could not be read: {line}")))
        .collect();
    let below = findings.len() - shown.len();
    if below > 0 {
        notes.push(notification(
            "note",
            format!(
                "{} below {} left out; `--min-severity note` includes them, `--format json` lists every finding.",
                plural(below, "finding"),
                options.selection.min_severity.as_str()
            ),
        ));
    }
    if shown.len() > kept {
        notes.push(notification("warning", capped(&shown[kept..], options)));
    }
    Invocation {
        execution_successful: options.unreadable.is_empty(),
        tool_execution_notifications: notes,
    }
}

/// What the cap left out, by level, and how to see it.
fn capped(left: &[&Finding], options: &Options<'_>) -> String {
    let count = |level| {
        left.iter()
            .filter(|f| options.selection.level(f) == level)
            .count()
    };
    format!(
        "{} left out ({}, {}, {}): a SARIF run holds at most {} results. \
         Run `gplint check --format human` or `--format json` to see every finding, \
         or raise `--min-severity` to keep the most severe.",
        plural(left.len(), "result"),
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note"),
        options.max_results
    )
}

fn notification(level: &'static str, text: String) -> Notification {
    Notification {
        level,
        message: Text::plain(text),
    }
}

fn result(
    finding: &Finding,
    sources: &Sources<'_>,
    rules: &[Rule],
    options: &Options<'_>,
    occurrences: &mut HashMap<(String, String), usize>,
) -> SarifResult {
    let primary = finding.primary.as_ref();
    let paths = options.paths;
    let locations: Vec<SarifLocation> = primary
        .and_then(|at| location(at, None, sources, paths))
        .into_iter()
        .collect();
    let related = related(finding, sources, paths);
    let mut fingerprints = BTreeMap::from([(
        FINGERPRINT_KEY,
        identity::fingerprint(finding, sources, paths),
    )]);
    if let (Some(hash), Some(place)) = (identity::line_hash(finding, sources), locations.first()) {
        // GitHub's form: the hash, then which occurrence of it in the file.
        let file = place.physical_location.artifact_location.uri.clone();
        let seen = occurrences.entry((file, hash.clone())).or_insert(0);
        *seen += 1;
        fingerprints.insert(LINE_HASH_KEY, format!("{hash}:{seen}"));
    }
    SarifResult {
        rule_id: finding.rule.clone(),
        rule_index: rules.iter().position(|rule| rule.id == finding.rule),
        level: options.selection.level(finding).as_str(),
        message: Text::plain(message(finding, &related)),
        locations,
        related_locations: related,
        partial_fingerprints: fingerprints,
        suppressions: finding
            .waived
            .iter()
            .map(|w| Suppression {
                kind: "external",
                status: "accepted",
                justification: format!("{} (waived until {})", w.reason, w.expires),
            })
            .collect(),
        baseline_state: finding.baseline.map(|state| match state {
            BaselineState::New => "new",
            BaselineState::Existing => "unchanged",
        }),
        properties: Properties {
            scope: finding.scope.clone(),
            scopes: finding.scope_names().map(str::to_owned).collect(),
            account: finding.account.clone(),
            logon_type: finding.logon_type.map(|t| t.as_str()),
            from_default: finding.from_default,
        },
    }
}

/// The message as one sentence that stands alone (code-scanning tools
/// list it), then links to the related places, then what to do and what
/// Windows shows. Brackets of the text are escaped: SARIF reads `[x](1)`
/// as a link.
fn message(finding: &Finding, related: &[SarifLocation]) -> String {
    let mut text = escape_brackets(finding.message.trim_end());
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    let links: Vec<String> = related
        .iter()
        .filter_map(|place| {
            let id = place.id?;
            // The short name: "the expectation", not which one (the place says).
            let title = place.message.as_ref()?.text.split([':', ',']).next()?;
            let title = title.split(" for ").next()?.trim();
            Some(format!("[{}]({id})", escape_brackets(title)))
        })
        .collect();
    if !links.is_empty() {
        let _ = write!(text, " See {}.", links.join(", "));
    }
    if let Some(help) = &finding.help {
        let _ = write!(text, "\nhelp: {}", escape_brackets(help));
    }
    if let Some(note) = &finding.note {
        let _ = write!(text, "\nnote: {}", escape_brackets(note));
    }
    text
}

/// `[` and `]` as SARIF's plain text writes them outside a link.
fn escape_brackets(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// The replaced lists in earlier templates, the `__Members` line that
/// took a membership away, then the expectation, with ids from 1 in that
/// order.
fn related(finding: &Finding, sources: &Sources<'_>, paths: &RepoPaths) -> Vec<SarifLocation> {
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
            location(at, Some(text), sources, paths)
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
    paths: &RepoPaths,
) -> Option<SarifLocation> {
    let region = sources.region(at)?;
    Some(SarifLocation {
        id: None,
        physical_location: PhysicalLocation {
            artifact_location: uri::artifact(region.file, paths),
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
