//! `gplint check` and `gplint explain`.

use super::baseline;
use super::inputs::{self, Inputs};
use super::output::{self, CheckReport};
use super::{
    CheckArgs, CheckFormat, ExplainArgs, ExplainFormat, FailOn, Io, Outcome, WriteError, load,
};
use crate::check::chains::{self, ChainRun, Library};
use crate::check::near_misses::near_misses;
use crate::check::select::{Hidden, Shown};
use crate::check::{ExpectationCase, causes};
use crate::check::{levels, waivers};
use crate::expect::Expectations;
use crate::finding::{FileRef, Finding};
use crate::model::Date;
use crate::progress::Progress;
use crate::report::{Sources, explain_human, explain_view};
use crate::rules::RuleSet;
use crate::scope;
use crate::source::SourceFile;
use crate::template::Template;
use crate::{syntax, template};
use rayon::prelude::*;

/// Runs `check`, telling `progress` of the reading and the evaluation.
pub fn run_check(
    args: &CheckArgs,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Result<Outcome, WriteError> {
    let Some(today) = today_or_say(args.today, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let Some(rules) = load::rules(&args.rules, args.limits.max_file_size, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    if let Err(unknown) = args.selection().check(&rules) {
        io.stderr_line(format_args!("error: {}", crate::report::one_line(&unknown)));
        return Ok(Outcome::UsageOrInput);
    }
    let expectations = super::directory::expectations(
        &args.expect,
        &args.files,
        &args.limits,
        &args.directory,
        io,
    );
    let inputs = inputs::read(&args.files, &args.limits, io, progress);
    let Some((expect_source, expect)) = expectations else {
        return Ok(Outcome::UsageOrInput);
    };
    if inputs.nothing_read() {
        return Ok(Outcome::UsageOrInput);
    }
    // Before the work: a refused --output wastes none of it.
    let mut reads = output::reads(Some(&args.expect), &args.rules, &inputs.gpos);
    super::directory::reads(&mut reads, &args.directory, &expect, &args.expect);
    let Ok(target) = output::target(args.output.as_deref(), &reads, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let mut unknown = waivers::check_rules(&expect.waivers, &rules);
    unknown.extend(levels::check_rules(&expect.rule_levels, &rules));
    if !unknown.is_empty() {
        load::render_all(&unknown, &expect_source, io);
        return Ok(Outcome::UsageOrInput);
    }
    let setting = Setting {
        expect: &expect,
        expect_source: &expect_source,
        rules: &rules,
        today,
        args,
    };
    let Some(Run {
        mut findings,
        cases,
        mut shown,
    }) = check_inputs(&inputs, &setting, true, io, progress)
    else {
        return Ok(Outcome::UsageOrInput);
    };
    let report = Sources {
        templates: &inputs.sources,
        expectations: &expect_source,
    };
    if let Some(base) = &args.baseline {
        let Some(base) = baseline::load(base, &setting, io, progress) else {
            return Ok(Outcome::UsageOrInput);
        };
        base.apply(&mut findings, &report, &mut shown, args);
    }
    let output = CheckReport {
        findings: &findings,
        sources: &report,
        accounts: expect.accounts.len(),
        rules: &rules,
        cases: &cases,
        shown: &shown,
        fail_on: args.fail_on,
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

/// What checking a set of inputs needs beside them: the same for the
/// head and for `--baseline`'s base.
pub(super) struct Setting<'a> {
    pub expect: &'a Expectations,
    pub expect_source: &'a SourceFile,
    pub rules: &'a RuleSet,
    pub today: Date,
    pub args: &'a CheckArgs,
}

/// What checking a set of inputs found.
pub(super) struct Run {
    pub findings: Vec<Finding>,
    pub cases: Vec<ExpectationCase>,
    pub shown: Shown,
}

/// Types, plans and checks `inputs`, then settles the findings as the
/// report shows them. `loud` says the templates' warnings and near
/// misses (the head's); a scope error is always said. `None` after
/// saying why the chains could not be planned.
pub(super) fn check_inputs(
    inputs: &Inputs,
    setting: &Setting<'_>,
    loud: bool,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Option<Run> {
    let Setting {
        expect,
        expect_source,
        rules,
        today,
        args,
    } = *setting;
    let templates = typed(&inputs.sources);
    if loud {
        // Unknown rights are left to rule GPL302.
        load::template_warnings(&inputs.sources, &templates, true, io);
        let pairs: Vec<_> = inputs.sources.iter().zip(&templates).collect();
        load::render_all(&near_misses(expect, &pairs), expect_source, io);
    }
    let chains = plan(inputs, expect, expect_source, io)?;
    let library = library(inputs, &templates, today);
    let with_cases = args.format == CheckFormat::Junit;
    let checked = chains::check(chains, library, expect, rules, with_cases, progress);
    let (mut findings, cases) = (checked.findings, checked.cases);
    let report = Sources {
        templates: &inputs.sources,
        expectations: expect_source,
    };
    let mut shown = Shown {
        selection: args.selection(),
        levels: levels::resolve(&expect.rule_levels, rules),
        expectations: expect_source.name.clone(),
        hidden: Hidden::default(),
    };
    let file_name = |file| report.file(file).map(|s| s.name.clone());
    let today_and_names = (today, &file_name as &dyn Fn(_) -> _);
    settle(&mut findings, &mut shown, expect, rules, today_and_names);
    Some(Run {
        findings,
        cases,
        shown,
    })
}

/// The findings as reported: `rules:` levels applied (before waivers, so
/// a waiver matches what the team sees), waivers marked, grouped by
/// cause, what the command line hides left out, in order and clipped.
fn settle(
    findings: &mut Vec<Finding>,
    shown: &mut Shown,
    expect: &Expectations,
    rules: &RuleSet,
    (today, file_name): (Date, &dyn Fn(FileRef) -> Option<String>),
) {
    shown.hidden.off = levels::apply(findings, &shown.levels);
    waivers::apply(findings, &expect.waivers, rules, today, file_name);
    // After waivers, which match one scope's finding at a time; before the
    // filters, which count hidden causes, not hidden scopes.
    *findings = causes::group(std::mem::take(findings));
    shown.filter(findings, rules);
    findings.sort_by(Finding::order);
    findings.iter_mut().for_each(Finding::clip_texts);
}

/// Runs `explain`, telling `progress` as `check` does.
pub fn run_explain(
    args: &ExplainArgs,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Result<Outcome, WriteError> {
    let Some(today) = today_or_say(args.today, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let mut left_out = 0;
    let survey = args
        .all_accounts
        .then(|| (survey_of(args.format), &mut left_out));
    let expectations = super::directory::expectations_surveying(
        &args.expect,
        &args.files,
        &args.limits,
        &args.directory,
        survey,
        io,
    );
    let inputs = inputs::read(&args.files, &args.limits, io, progress);
    let Some((expect_source, expect)) = expectations else {
        return Ok(Outcome::UsageOrInput);
    };
    if inputs.nothing_read() {
        return Ok(Outcome::UsageOrInput);
    }
    let mut reads = output::reads(Some(&args.expect), &[], &inputs.gpos);
    super::directory::reads(&mut reads, &args.directory, &expect, &args.expect);
    let Ok(target) = output::target(args.output.as_deref(), &reads, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let templates = typed(&inputs.sources);
    load::template_warnings(&inputs.sources, &templates, false, io);
    if args.format != ExplainFormat::Html {
        let setting = (&inputs, &templates[..], &expect, &expect_source, today);
        let Some(written) = stream(setting, args.format, target.as_ref(), io, progress)? else {
            return Ok(Outcome::UsageOrInput);
        };
        return Ok(if inputs.failed || !written {
            Outcome::UsageOrInput
        } else {
            Outcome::Clean
        });
    }
    let Some(runs) = evaluate(
        &inputs,
        &templates,
        &expect,
        &expect_source,
        today,
        io,
        progress,
    ) else {
        return Ok(Outcome::UsageOrInput);
    };
    // Text and JSON were written above, as the chains were evaluated.
    let text = explain_html(&runs, &inputs, &args.files, left_out);
    let written = output::emit(target.as_ref(), &text, io)?;
    Ok(if inputs.failed || !written {
        Outcome::UsageOrInput
    } else {
        Outcome::Clean
    })
}

/// Text or JSON, written as the chains are evaluated: whether it was
/// written, or `None` after saying why the chains could not be planned.
fn stream<'t>(
    (inputs, templates, expect, expect_source, today): (
        &'t Inputs,
        &'t [Template<'t>],
        &Expectations,
        &SourceFile,
        Date,
    ),
    format: ExplainFormat,
    target: Option<&super::target::Target>,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Result<Option<bool>, WriteError> {
    let Some(chains) = plan(inputs, expect, expect_source, io) else {
        return Ok(None);
    };
    let report = Sources {
        templates: &inputs.sources,
        expectations: expect_source,
    };
    let setting = Streamed {
        library: library(inputs, templates, today),
        expect,
        report: &report,
        format,
    };
    let mut chains = Some(chains);
    let mut fill = |out: &mut dyn std::io::Write| {
        let chains = chains.take().unwrap_or_default();
        setting.write(chains, out, progress)
    };
    output::emit_with(target, &mut fill, io).map(Some)
}

/// What writing the explanation as it is evaluated needs: one chain's
/// model at a time per thread, never all of them (`--all-accounts`).
struct Streamed<'a, 't> {
    library: Library<'t>,
    expect: &'a Expectations,
    report: &'a Sources<'a>,
    format: ExplainFormat,
}

impl Streamed<'_, '_> {
    /// Evaluates `chains` and writes the explanation into `out` as it goes.
    fn write(
        &self,
        chains: Vec<scope::Chain>,
        out: &mut dyn std::io::Write,
        progress: &dyn Progress,
    ) -> std::io::Result<()> {
        let kept = |run: ChainRun<'_>| {
            let scope = explain_view::scope_view_of(&run.chain, &run.evaluation.resultant);
            (scope, explain_view::accounts(&run, self.report))
        };
        if self.format == ExplainFormat::Json {
            let resultants = chains::resultants(&chains, self.library, self.expect);
            let head = explain_view::ExplainView {
                version: 1,
                target: self.expect.target,
                inputs: self
                    .report
                    .templates
                    .iter()
                    .map(|s| s.name.clone())
                    .collect(),
                scopes: chains
                    .iter()
                    .zip(&resultants)
                    .map(|(c, r)| explain_view::scope_view_of(c, r))
                    .collect(),
                accounts: Vec::new(),
            };
            drop(resultants);
            let mut json = explain_view::JsonWriter::default();
            json.start(out, &head)?;
            let each = |(_, accounts): (_, Vec<_>)| json.accounts(out, &accounts);
            chains::evaluate_each(chains, self.library, self.expect, progress, kept, each)?;
            return json.finish(out);
        }
        let mut human = explain_human::Writer::default();
        let each = |(scope, accounts): (_, Vec<_>)| {
            out.write_all(human.scope(&scope, accounts.iter()).as_bytes())
        };
        chains::evaluate_each(chains, self.library, self.expect, progress, kept, each)?;
        out.write_all(human.finish().as_bytes())
    }
}

/// The HTML explanation: the cells as `diff` reads them, drawn by the
/// matrix renderer `diff --format html` uses.
/// `left_out` surveyed accounts were not evaluated (HTML's cap).
fn explain_html(
    runs: &[ChainRun<'_>],
    inputs: &Inputs,
    files: &[std::path::PathBuf],
    left_out: usize,
) -> String {
    let state = crate::diff::snapshot(&crate::diff::Side {
        runs,
        sources: &inputs.sources,
        findings: &[],
        root: "",
    });
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    crate::report::explain_html::write(&state, &names.join(" "), left_out)
}

/// Most surveyed accounts `explain --all-accounts --format html` shows:
/// a page of 50,000 accounts × 100 scopes would not open.
pub const HTML_MOST_SURVEYED: usize = 200;

/// How many of the directory's accounts `--all-accounts` evaluates.
fn survey_of(format: ExplainFormat) -> super::directory::Survey {
    let most = match format {
        ExplainFormat::Html => HTML_MOST_SURVEYED,
        ExplainFormat::Human | ExplainFormat::Json => usize::MAX,
    };
    super::directory::Survey { most }
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
    progress: &dyn Progress,
) -> Option<Vec<ChainRun<'t>>> {
    let chains = plan(inputs, expect, expect_source, io)?;
    Some(chains::evaluate(
        chains,
        library(inputs, templates, today),
        expect,
        progress,
    ))
}

/// The chains to evaluate; scope errors are rendered against the
/// expectations file.
pub(super) fn plan(
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

pub(super) fn library<'t>(
    inputs: &'t Inputs,
    templates: &'t [Template<'t>],
    today: Date,
) -> Library<'t> {
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
pub(super) fn typed(sources: &[SourceFile]) -> Vec<Template<'_>> {
    sources
        .par_iter()
        .map(|source| template::build_logon(&syntax::parse(&source.text)))
        .collect()
}

/// Whether the findings shown fail the run: what is hidden or waived
/// never does.
fn fails(findings: &[Finding], fail_on: FailOn) -> bool {
    findings.iter().any(|f| fail_on.fails(f))
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
