//! `gplint check` and `gplint explain`.

use super::{CheckArgs, CheckFormat, ExplainArgs, FailOn, Io, Outcome, load};
use crate::check::{self, Evaluation};
use crate::diagnostic::Severity;
use crate::finding::Finding;
use crate::policy::PolicyInput;
use crate::report::{Sources, check_human, check_json, explain_human, explain_view};
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
    let accounts = expect.accounts.len();
    match args.format {
        CheckFormat::Human => {
            let _ = write!(
                io.stdout,
                "{}",
                check_human::render_findings(&findings, &report, io.style)
            );
            let summary = check_human::summary_line(&findings, accounts, sources.len());
            let _ = write!(
                io.stdout,
                "{}{summary}",
                if findings.is_empty() { "" } else { "\n" }
            );
        }
        CheckFormat::Json => {
            let _ = write!(
                io.stdout,
                "{}",
                check_json::write(&findings, &report, accounts)
            );
        }
    }
    if unreadable {
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
        CheckFormat::Human => explain_human::write(&view),
        CheckFormat::Json => {
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
