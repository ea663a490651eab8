//! The JUnit XML form of `gplint check`, for CI systems that show test
//! reports (GitLab's `artifacts:reports:junit`, Jenkins, Azure Pipelines).
//!
//! Each declared expectation is a test case that passes or fails, under
//! `gplint expectations`; every other finding (how a right is assigned,
//! entries that cannot mean what they say) is a failing case under
//! `gplint rules`, classed by rule id.

use std::fmt::Write as _;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::check::ExpectationCase;
use crate::finding::{Finding, Location};
use crate::logon_type::LogonType;

use super::sources::Sources;
use super::xml;

/// One test case as written: its name, class and failing findings.
struct Case<'f> {
    name: String,
    classname: String,
    failures: Vec<&'f Finding>,
}

/// Writes the report: `cases` are the expectations the check tested.
pub fn write(findings: &[Finding], sources: &Sources<'_>, cases: &[ExpectationCase]) -> String {
    // Findings by what a case is about, so that matching costs cases plus
    // findings, not their product (a case per account and scope).
    crate::work::add(
        crate::work::Counter::ScopeAccountPairs,
        cases.len() + findings.len(),
    );
    let mut about: HashMap<CaseKey<'_>, Vec<&Finding>> = HashMap::default();
    for finding in live(findings) {
        for key in finding_keys(finding) {
            about.entry(key).or_default().push(finding);
        }
    }
    let expectations: Vec<Case<'_>> = cases
        .iter()
        .map(|case| Case {
            name: case_name(case),
            classname: case.scope.clone().unwrap_or_else(|| "expectations".into()),
            failures: about.get(&case_key(case)).cloned().unwrap_or_default(),
        })
        .collect();
    let tested: HashSet<CaseKey<'_>> = cases.iter().map(case_key).collect();
    let rules: Vec<Case<'_>> = live(findings)
        .filter(|f| !finding_keys(f).any(|key| tested.contains(&key)))
        .map(|f| Case {
            name: f.message.clone(),
            classname: f.rule.clone(),
            failures: vec![f],
        })
        .collect();
    let tests = expectations.len() + rules.len();
    let failures = failed(&expectations) + failed(&rules);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"gplint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">"
    );
    out.push_str(&suite("gplint expectations", &expectations, sources));
    out.push_str(&suite("gplint rules", &rules, sources));
    out.push_str("</testsuites>\n");
    out
}

/// Account, logon type and scope: what [`ExpectationCase::is_about`] compares.
type CaseKey<'k> = (&'k str, LogonType, Option<&'k str>);

fn case_key(case: &ExpectationCase) -> CaseKey<'_> {
    (&case.account, case.logon_type, case.scope.as_deref())
}

/// A finding's keys: one per scope of its cause (one, without scope, for
/// a finding about no scope); none when it is about no account.
fn finding_keys(finding: &Finding) -> impl Iterator<Item = CaseKey<'_>> {
    let about = finding.account.as_deref().zip(finding.logon_type);
    let mut scopes: Vec<Option<&str>> = finding.scope_names().map(Some).collect();
    if scopes.is_empty() {
        scopes.push(None);
    }
    about.into_iter().flat_map(move |(account, logon)| {
        scopes.clone().into_iter().map(move |s| (account, logon, s))
    })
}

/// What fails a test case: neither a waived finding (the team accepted
/// it) nor a note (information, such as a lockout exposure, that never
/// fails a run).
fn live(findings: &[Finding]) -> impl Iterator<Item = &Finding> {
    findings
        .iter()
        .filter(|f| f.waived.is_none() && f.severity > crate::diagnostic::Severity::Note)
}

/// `CONTOSO\svc_sql must log on as a service`, `… must not …`.
pub fn case_name(case: &ExpectationCase) -> String {
    let verb = if case.must { "must" } else { "must not" };
    format!("{} {verb} {}", case.account, case.logon_type.description())
}

fn failed(cases: &[Case<'_>]) -> usize {
    cases.iter().filter(|c| !c.failures.is_empty()).count()
}

fn suite(name: &str, cases: &[Case<'_>], sources: &Sources<'_>) -> String {
    let mut out = format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
        xml::attribute(name),
        cases.len(),
        failed(cases)
    );
    for case in cases {
        out.push_str(&testcase(case, sources));
    }
    out.push_str("  </testsuite>\n");
    out
}

fn testcase(case: &Case<'_>, sources: &Sources<'_>) -> String {
    let open = format!(
        "    <testcase name=\"{}\" classname=\"{}\"",
        xml::attribute(&case.name),
        xml::attribute(&case.classname)
    );
    let Some(first) = case.failures.first() else {
        return format!("{open}/>\n");
    };
    // One <failure> per case, as most readers expect: the first finding's
    // message as its summary, every finding in its body.
    let body: Vec<String> = case.failures.iter().map(|f| details(f, sources)).collect();
    format!(
        "{open}>\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
        xml::attribute(&first.message),
        xml::attribute(&format!("{} {}", first.rule, first.rule_name)),
        xml::text(&body.join("\n\n"))
    )
}

/// A finding as a failure's text: rule, severity and place, then the
/// message, help, note and the expectation's place.
fn details(finding: &Finding, sources: &Sources<'_>) -> String {
    let at = |place: Option<&Location>| {
        place
            .and_then(|l| sources.region(l))
            .map(|r| format!("{}:{}:{}", r.file, r.start.0, r.start.1))
    };
    let mut text = format!(
        "{} {} ({})",
        finding.rule,
        finding.rule_name,
        finding.severity.as_str()
    );
    if let Some(place) = at(finding.primary.as_ref()) {
        let _ = write!(text, " at {place}");
    }
    let _ = write!(text, "\n{}", finding.message);
    if let Some(help) = &finding.help {
        let _ = write!(text, "\nhelp: {help}");
    }
    if let Some(note) = &finding.note {
        let _ = write!(text, "\nnote: {note}");
    }
    if let Some(place) = at(finding.related.as_ref()) {
        let _ = write!(text, "\nexpectation: {place}");
    }
    text
}
