//! `gplint diff BASE HEAD`: what a change does to every declared account
//! and every logon right. Each side is read as `check` reads its paths,
//! or from a git revision (`REV:PATH`, see [`super::revision`]), then
//! evaluated and checked on its own; [`crate::diff`] compares the two.

use std::path::Path;

use super::check::{library, plan, typed};
use super::inputs::{self, Inputs};
use super::revision::{self, Revision};
use super::{DiffArgs, DiffFormat, Io, Outcome, WriteError, load};
use crate::check::{causes, chains, levels};
use crate::diff::{self, Side, Snapshot, Survey};
use crate::expect::Expectations;
use crate::model::Date;
use crate::progress::Progress;
use crate::report::{diff_html, diff_human, diff_markdown, one_line};
use crate::rules::RuleSet;
use crate::source::SourceFile;

/// What every side is read and checked with.
struct Common<'a> {
    args: &'a DiffArgs,
    expect: &'a Expectations,
    expect_source: &'a SourceFile,
    rules: &'a RuleSet,
    today: Date,
    /// With a directory, its accounts the file does not declare.
    survey: Option<&'a Survey>,
}

/// Runs `diff`: exit 1 when HEAD breaks an expectation that held on
/// BASE, 0 otherwise, 2 when a side or the expectations cannot be read.
pub fn run(
    args: &DiffArgs,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Result<Outcome, WriteError> {
    let today = match super::today::today(args.today) {
        Ok(today) => today,
        Err(why) => {
            io.stderr_line(format_args!("gplint: {why}"));
            return Ok(Outcome::UsageOrInput);
        }
    };
    let Some(rules) = load::rules(&[], args.limits.max_file_size, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let paths = [args.base.clone(), args.head.clone()];
    let Some((expect_source, expect, survey)) = super::directory_survey::expectations(
        &args.expect,
        &paths,
        &args.limits,
        &args.directory,
        io,
    ) else {
        return Ok(Outcome::UsageOrInput);
    };
    let common = Common {
        args,
        expect: &expect,
        expect_source: &expect_source,
        rules: &rules,
        today,
        survey: survey.as_ref(),
    };
    let Some((base, base_failed)) = side(&args.base, &common, io, progress) else {
        return Ok(Outcome::UsageOrInput);
    };
    let Some((head, head_failed)) = side(&args.head, &common, io, progress) else {
        return Ok(Outcome::UsageOrInput);
    };
    let diff = diff::compare(&base, &head);
    let labels = (label(&args.base), label(&args.head));
    let text = match args.format {
        DiffFormat::Human => diff_human::write(&diff, (&labels.0, &labels.1)),
        DiffFormat::Json => {
            let view = diff_human::json_view(&diff, (&labels.0, &labels.1));
            let mut json =
                serde_json::to_string_pretty(&view).map_err(WriteError::json("the diff"))?;
            json.push('\n');
            json
        }
        DiffFormat::Markdown => diff_markdown::write(&diff, (&labels.0, &labels.1)),
        DiffFormat::Html => diff_html::write(
            &diff,
            diff_html::Sides {
                labels: (&labels.0, &labels.1),
                base: &base,
                head: &head,
            },
        ),
    };
    io.print(text)?;
    Ok(if base_failed || head_failed {
        Outcome::UsageOrInput
    } else if diff.breaks() {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// How a side is named in output: the path as given, or `REV:PATH`.
fn label(arg: &Path) -> String {
    match Revision::parse(arg.as_os_str()) {
        Some(revision) => revision.label(),
        None => arg.display().to_string(),
    }
}

/// One side read, evaluated and checked; `None` after saying why it
/// could not be read at all. The flag says whether part of it failed.
fn side(
    arg: &Path,
    common: &Common<'_>,
    io: &mut Io<'_>,
    progress: &dyn Progress,
) -> Option<(Snapshot, bool)> {
    let Some(revision) = Revision::parse(arg.as_os_str()) else {
        let inputs = inputs::read(&[arg.to_path_buf()], &common.args.limits, io, progress);
        let root = arg.display().to_string();
        return evaluate(inputs, (arg, &root), common, io);
    };
    let folder = match tempfile::Builder::new().prefix("gplint-diff-").tempdir() {
        Ok(folder) => folder,
        Err(error) => {
            io.stderr_line(format_args!(
                "error: `{}`: cannot make a temporary folder for the revision's files: {error}",
                revision.label()
            ));
            return None;
        }
    };
    let copy = match revision::copy(&revision, folder.path()) {
        Ok(copy) => copy,
        Err(error) => {
            io.stderr_line(format_args!("error: {}", one_line(&error)));
            return None;
        }
    };
    let mut inputs = inputs::read(
        std::slice::from_ref(&copy),
        &common.args.limits,
        io,
        progress,
    );
    let label = revision.label();
    rename(&mut inputs, folder.path(), &revision);
    evaluate(inputs, (&copy, &label), common, io)
}

/// Names the copy's templates `REV:path/in/the/repository`, as users
/// know them, rather than by the temporary folder.
fn rename(inputs: &mut Inputs, folder: &Path, revision: &Revision) {
    let prefix = folder.display().to_string();
    let renamed = |name: &str| -> Option<String> {
        let rest = name.strip_prefix(&prefix)?;
        let rest = rest.trim_start_matches(['/', '\\']).replace('\\', "/");
        Some(format!("{}:{rest}", revision.rev))
    };
    for source in &mut inputs.sources {
        if let Some(name) = renamed(&source.name) {
            source.name = name;
        }
    }
    for name in &mut inputs.names {
        if let Some(new) = renamed(name) {
            *name = new;
        }
    }
}

/// Evaluates and checks one side read from `read` (a path, or the copy
/// of a revision), whose templates' names start with `root`.
fn evaluate(
    inputs: Inputs,
    (read, root): (&Path, &str),
    common: &Common<'_>,
    io: &mut Io<'_>,
) -> Option<(Snapshot, bool)> {
    if inputs.nothing_read() {
        return None;
    }
    let templates = typed(&inputs.sources);
    load::template_warnings(&inputs.sources, &templates, true, io);
    let chains = plan(&inputs, common.expect, common.expect_source, io)?;
    let library = library(&inputs, &templates, common.today);
    let mut runs = chains::evaluate(chains, library, common.expect, &crate::progress::NoProgress);
    let mut findings = chains::all_findings(&runs, common.rules, &inputs.sources);
    // Surveyed accounts have no expectation: what rules say of them is
    // not what the change does to the declared ones.
    if let Some(survey) = common.survey {
        findings.retain(|f| !f.account.as_deref().is_some_and(|a| survey.contains(a)));
    }
    levels::apply(
        &mut findings,
        &levels::resolve(&common.expect.rule_levels, common.rules),
    );
    // A GPO evaluated alone is its own scope, named by its path: the
    // part under the side's folder is what BASE and HEAD share.
    let prefix = read.display().to_string();
    let relative = |scope: &mut String| *scope = under(scope, &prefix);
    for run in runs.iter_mut().filter(|run| !run.chain.declared) {
        run.chain.scope.iter_mut().for_each(relative);
    }
    for finding in &mut findings {
        finding.scope.iter_mut().for_each(relative);
    }
    let findings = causes::group(findings);
    let side = Side {
        runs: &runs,
        sources: &inputs.sources,
        findings: &findings,
        root,
    };
    let snapshot = diff::snapshot_surveyed(&side, common.survey);
    Some((snapshot, inputs.failed))
}

/// `name` without `prefix` and the separator after it; `name` itself
/// when it is not under `prefix` (a display name) or is `prefix` alone.
fn under(name: &str, prefix: &str) -> String {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix(['/', '\\']))
        .filter(|rest| !rest.is_empty())
        .map_or_else(|| name.to_owned(), |rest| rest.replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::under;

    #[test]
    fn a_scope_under_the_side_loses_the_side() {
        assert_eq!(
            under("/tmp/x/gpo/a/GptTmpl.inf", "/tmp/x/gpo"),
            "a/GptTmpl.inf"
        );
        assert_eq!(under("Servers Baseline", "/tmp/x/gpo"), "Servers Baseline");
        assert_eq!(under("old2/a.inf", "old"), "old2/a.inf");
    }
}
