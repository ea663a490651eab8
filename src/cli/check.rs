//! `gplint check` and `gplint explain`.

use super::output::{self, CheckReport};
use super::{CheckArgs, ExplainArgs, ExplainFormat, FailOn, Io, Outcome, load};
use crate::check::{self, Evaluation};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::policy::PolicyInput;
use crate::report::{Sources, explain_human, explain_view};
use crate::source::SourceFile;
use crate::template::Template;
use crate::{syntax, template};

/// Runs `check`.
pub fn run_check(args: &CheckArgs, io: &mut Io<'_>) -> Outcome {
    let Some(rules) = load::rules(&args.rules, io) else {
        return Outcome::UsageOrInput;
    };
    let expectations = load::expectations(&args.expect, io);
    let (sources, unreadable) = load::templates(&args.files, io);
    let Some((expect_source, expect)) = expectations else {
        return Outcome::UsageOrInput;
    };
    let templates = typed(&sources);
    render_template_warnings(&sources, &templates, io);
    let evaluation = Evaluation::new(inputs(&sources, &templates), &expect);
    let line_of = |input: usize, span: crate::span::Span| {
        sources.get(input).map_or(0, |s| s.line_col(span.start).0)
    };
    let findings = check::findings(&evaluation, &expect, &rules, &line_of);
    let report = Sources {
        templates: &sources,
        expectations: &expect_source,
    };
    let cases = check::expectation_cases(&evaluation, &expect, None);
    let output = CheckReport {
        findings: &findings,
        sources: &report,
        accounts: expect.accounts.len(),
        rules: &rules,
        cases: &cases,
    };
    let written = output::write_check(args, &output, io);
    if unreadable || !written {
        Outcome::UsageOrInput
    } else if fails(&findings, args.fail_on) {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// Runs `explain`.
pub fn run_explain(args: &ExplainArgs, io: &mut Io<'_>) -> Outcome {
    let expectations = load::expectations(&args.expect, io);
    let (sources, unreadable) = load::templates(&args.files, io);
    let Some((expect_source, expect)) = expectations else {
        return Outcome::UsageOrInput;
    };
    let templates = typed(&sources);
    let evaluation = Evaluation::new(inputs(&sources, &templates), &expect);
    let report = Sources {
        templates: &sources,
        expectations: &expect_source,
    };
    let view = explain_view::view(&evaluation, &expect, &report);
    let text = match args.format {
        ExplainFormat::Human => explain_human::write(&view),
        ExplainFormat::Json => {
            let mut json = serde_json::to_string_pretty(&view).unwrap_or_default();
            json.push('\n');
            json
        }
    };
    let _ = write!(io.stdout, "{text}");
    if unreadable {
        Outcome::UsageOrInput
    } else {
        Outcome::Clean
    }
}

fn typed(sources: &[SourceFile]) -> Vec<Template<'_>> {
    sources
        .iter()
        .map(|source| template::build(&syntax::parse(&source.text)))
        .collect()
}

fn inputs<'t>(sources: &'t [SourceFile], templates: &'t [Template<'t>]) -> Vec<PolicyInput<'t>> {
    sources
        .iter()
        .zip(templates)
        .map(|(source, template)| PolicyInput {
            name: &source.name,
            template,
        })
        .collect()
}

/// Parse warnings go to stderr; unknown rights are left to rule GPL302.
fn render_template_warnings(sources: &[SourceFile], templates: &[Template<'_>], io: &mut Io<'_>) {
    for (source, template) in sources.iter().zip(templates) {
        let decode = source
            .warnings
            .iter()
            .map(crate::diagnostic::Diagnostic::from);
        let parse = template
            .warnings
            .iter()
            .filter(|w| w.code != "template::unknown-right")
            .cloned();
        let all: Vec<_> = decode.chain(parse).collect();
        load::render_all(&all, source, io);
    }
}

fn fails(findings: &[Finding], fail_on: FailOn) -> bool {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Never => return false,
    };
    findings.iter().any(|f| f.severity >= threshold)
}
