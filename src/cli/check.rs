//! `gplint check` and `gplint explain`.

use super::inputs::{self, Inputs};
use super::output::{self, CheckReport};
use super::{
    CheckArgs, CheckFormat, ExplainArgs, ExplainFormat, FailOn, Io, Outcome, WriteError, load,
};
use crate::check::chains::{self, ChainRun, Library};
use crate::check::near_misses::near_misses;
use crate::check::waivers;
use crate::diagnostic::Severity;
use crate::expect::Expectations;
use crate::finding::Finding;
use crate::model::Date;
use crate::report::{Sources, explain_human, explain_view};
use crate::scope;
use crate::source::SourceFile;
use crate::template::Template;
use crate::{syntax, template};
use rayon::prelude::*;

/// Runs `check`.
pub fn run_check(args: &CheckArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    let Some(today) = today_or_say(args.today, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let Some(rules) = load::rules(&args.rules, args.limits.max_file_size, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let expectations = load::expectations(&args.expect, &args.files, &args.limits.read(), io);
    let inputs = inputs::read(&args.files, &args.limits, io);
    let Some((expect_source, expect)) = expectations else {
        return Ok(Outcome::UsageOrInput);
    };
    if inputs.nothing_read() {
        return Ok(Outcome::UsageOrInput);
    }
    // Before the work: a refused --output wastes none of it.
    let reads = output::reads(Some(&args.expect), &args.rules, &inputs.gpos);
    let Ok(target) = output::target(args.output.as_deref(), &reads, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let templates = typed(&inputs.sources);
    // Unknown rights are left to rule GPL302.
    load::template_warnings(&inputs.sources, &templates, true, io);
    let pairs: Vec<_> = inputs.sources.iter().zip(&templates).collect();
    load::render_all(&near_misses(&expect, &pairs), &expect_source, io);
    let Some(chains) = plan(&inputs, &expect, &expect_source, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let unknown = waivers::check_rules(&expect.waivers, &rules);
    if !unknown.is_empty() {
        load::render_all(&unknown, &expect_source, io);
        return Ok(Outcome::UsageOrInput);
    }
    let library = library(&inputs, &templates, today);
    let with_cases = args.format == CheckFormat::Junit;
    let checked = chains::check(chains, library, &expect, &rules, with_cases);
    let (mut findings, cases) = (checked.findings, checked.cases);
    let report = Sources {
        templates: &inputs.sources,
        expectations: &expect_source,
    };
    let file_name = |file| report.file(file).map(|s| s.name.clone());
    waivers::apply(&mut findings, &expect.waivers, &rules, today, &file_name);
    findings.sort_by_key(Finding::sort_key);
    findings.iter_mut().for_each(Finding::clip_texts);
    let output = CheckReport {
        findings: &findings,
        sources: &report,
        accounts: expect.accounts.len(),
        rules: &rules,
        cases: &cases,
        unreadable: &inputs.unreadable,
    };
    let written = output::write_check(args, target.as_ref(), &output, &reads, io)?;
    Ok(if inputs.failed || !written {
        Outcome::UsageOrInput
    } else if fails(&findings, args.fail_on) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Runs `explain`.
pub fn run_explain(args: &ExplainArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    let Some(today) = today_or_say(args.today, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let expectations = load::expectations(&args.expect, &args.files, &args.limits.read(), io);
    let inputs = inputs::read(&args.files, &args.limits, io);
    let Some((expect_source, expect)) = expectations else {
        return Ok(Outcome::UsageOrInput);
    };
    if inputs.nothing_read() {
        return Ok(Outcome::UsageOrInput);
    }
    let reads = output::reads(Some(&args.expect), &[], &inputs.gpos);
    let Ok(target) = output::target(args.output.as_deref(), &reads, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let templates = typed(&inputs.sources);
    load::template_warnings(&inputs.sources, &templates, false, io);
    let Some(runs) = evaluate(&inputs, &templates, &expect, &expect_source, today, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let report = Sources {
        templates: &inputs.sources,
        expectations: &expect_source,
    };
    let view = explain_view::view(&runs, &expect, &report);
    let text = match args.format {
        ExplainFormat::Human => explain_human::write(&view),
        ExplainFormat::Json => {
            let mut json =
                serde_json::to_string_pretty(&view).map_err(WriteError::json("the explanation"))?;
            json.push('\n');
            json
        }
    };
    let written = output::emit(target.as_ref(), &text, io)?;
    Ok(if inputs.failed || !written {
        Outcome::UsageOrInput
    } else {
        Outcome::Clean
    })
}

/// Plans the chains and evaluates each; scope errors point into the
/// expectations file.
fn evaluate<'t>(
    inputs: &'t Inputs,
    templates: &'t [Template<'t>],
    expect: &Expectations,
    expect_source: &SourceFile,
    today: Date,
    io: &mut Io<'_>,
) -> Option<Vec<ChainRun<'t>>> {
    let chains = plan(inputs, expect, expect_source, io)?;
    Some(chains::evaluate(
        chains,
        library(inputs, templates, today),
        expect,
    ))
}

/// The chains to evaluate; scope errors are rendered against the
/// expectations file.
fn plan(
    inputs: &Inputs,
    expect: &Expectations,
    expect_source: &SourceFile,
    io: &mut Io<'_>,
) -> Option<Vec<scope::Chain>> {
    match scope::plan(&inputs.gpos, &inputs.origins, expect) {
        Ok(chains) => Some(chains),
        Err(errors) => {
            load::render_all(&errors, expect_source, io);
            None
        }
    }
}

fn library<'t>(inputs: &'t Inputs, templates: &'t [Template<'t>], today: Date) -> Library<'t> {
    Library {
        gpos: &inputs.gpos,
        source_of: &inputs.source_of,
        sources: &inputs.sources,
        templates,
        names: &inputs.names,
        today: Some(today),
    }
}

/// Parses and types every template, in parallel and in order, keeping
/// what `check` and `explain` read.
fn typed(sources: &[SourceFile]) -> Vec<Template<'_>> {
    sources
        .par_iter()
        .map(|source| template::build_logon(&syntax::parse(&source.text)))
        .collect()
}

fn fails(findings: &[Finding], fail_on: FailOn) -> bool {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Never => return false,
    };
    findings
        .iter()
        .any(|f| f.severity >= threshold && f.waived.is_none())
}

/// Today's date, or `None` after saying why `GPLINT_TODAY` is not one.
fn today_or_say(flag: Option<Date>, io: &mut Io<'_>) -> Option<Date> {
    match super::today::today(flag) {
        Ok(date) => Some(date),
        Err(why) => {
            io.stderr_line(format_args!("gplint: {why}"));
            None
        }
    }
}
