//! The JUnit XML form of `gplint check`, for CI systems that show test
//! reports (GitLab's `artifacts:reports:junit`, Jenkins, Azure Pipelines).
//!
//! Each declared expectation is a test case under `gplint expectations`;
//! every other finding (how a right is assigned, entries that cannot mean
//! what they say) is a case under `gplint rules`, classed by rule id. A
//! case fails exactly when one of its findings fails the run (`--fail-on`:
//! a warning fails only under `--fail-on warning`); a case whose findings
//! are all waived is skipped, `<skipped message="waived until DATE:
//! REASON"/>`; other findings (notes, warnings that do not fail) are in
//! the case's `<system-out>`. Every case has a unique name, `file`,
//! `line` and `time`, as the Jenkins xUnit schema (`junit-10.xsd`)
//! allows. Times are 0: gplint decides every case in one pass, and a
//! report that does not change between identical runs diffs cleanly.

use std::fmt::Write as _;

use crate::check::ExpectationCase;
use crate::finding::{Finding, Location};

use super::junit_case::{Case, cases, unique_names};
use super::sources::Sources;
use super::xml;

pub use super::junit_case::case_name;

/// Writes the report: `tested` are the expectations the check tested;
/// `fails` says whether a finding fails the run.
pub fn write(
    findings: &[Finding],
    sources: &Sources<'_>,
    tested: &[ExpectationCase],
    fails: &dyn Fn(&Finding) -> bool,
) -> String {
    let (mut expectations, mut rules) = cases(findings, sources, tested);
    let mut all: Vec<&mut Case<'_>> = expectations.iter_mut().chain(rules.iter_mut()).collect();
    unique_names(&mut all);
    let suites = [
        suite("gplint expectations", &expectations, sources, fails),
        suite("gplint rules", &rules, sources, fails),
    ];
    let tests = expectations.len() + rules.len();
    let failures = suites.iter().map(|s| s.failures).sum::<usize>();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"gplint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" time=\"0\">"
    );
    for suite in suites {
        out.push_str(&suite.text);
    }
    out.push_str("</testsuites>\n");
    out
}

/// A suite as written, with its failures for the total.
struct Suite {
    text: String,
    failures: usize,
}

fn suite(
    name: &str,
    cases: &[Case<'_>],
    sources: &Sources<'_>,
    fails: &dyn Fn(&Finding) -> bool,
) -> Suite {
    let outcomes: Vec<Outcome<'_>> = cases.iter().map(|c| outcome(c, fails)).collect();
    let failures = outcomes.iter().filter(|o| !o.failing.is_empty()).count();
    let skipped = outcomes
        .iter()
        .filter(|o| o.failing.is_empty() && o.waived.is_some())
        .count();
    let mut text = format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\" time=\"0\">\n",
        xml::attribute(name),
        cases.len(),
    );
    for (case, outcome) in cases.iter().zip(&outcomes) {
        text.push_str(&testcase(case, outcome, sources));
    }
    text.push_str("  </testsuite>\n");
    Suite { text, failures }
}

/// How a case ends: the findings that fail it, the first waived one, and
/// the others, which it reports as output.
struct Outcome<'f> {
    failing: Vec<&'f Finding>,
    waived: Option<&'f Finding>,
    others: Vec<&'f Finding>,
}

fn outcome<'f>(case: &Case<'f>, fails: &dyn Fn(&Finding) -> bool) -> Outcome<'f> {
    let (failing, rest): (Vec<&Finding>, Vec<&Finding>) =
        case.findings.iter().copied().partition(|f| fails(f));
    let (waived, others): (Vec<&Finding>, Vec<&Finding>) =
        rest.into_iter().partition(|f| f.waived.is_some());
    Outcome {
        failing,
        waived: waived.first().copied(),
        others,
    }
}

fn testcase(case: &Case<'_>, outcome: &Outcome<'_>, sources: &Sources<'_>) -> String {
    let open = format!(
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\" time=\"0\"",
        xml::attribute(&case.name),
        xml::attribute(&case.classname),
        xml::attribute(&case.file),
        case.line,
    );
    let mut body = String::new();
    if let Some(first) = outcome.failing.first() {
        // One <failure> per case, as most readers expect: the first
        // finding's message as its summary, every failing finding in its
        // body.
        let text: Vec<String> = outcome
            .failing
            .iter()
            .map(|f| details(f, sources))
            .collect();
        let _ = writeln!(
            body,
            "      <failure message=\"{}\" type=\"{}\">{}</failure>",
            xml::attribute(&first.message),
            xml::attribute(&format!("{} {}", first.rule, first.rule_name)),
            xml::text(&text.join("\n\n"))
        );
    } else if let Some(waived) = outcome.waived.and_then(|f| f.waived.as_ref()) {
        let message = format!("waived until {}: {}", waived.expires, waived.reason);
        let _ = writeln!(
            body,
            "      <skipped message=\"{}\"/>",
            xml::attribute(&message)
        );
    }
    if !outcome.others.is_empty() {
        let text: Vec<String> = outcome.others.iter().map(|f| details(f, sources)).collect();
        let _ = writeln!(
            body,
            "      <system-out>{}</system-out>",
            xml::text(&text.join("\n\n"))
        );
    }
    match body.is_empty() {
        true => format!("{open}/>\n"),
        false => format!("{open}>\n{body}    </testcase>\n"),
    }
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
