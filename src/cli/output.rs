//! Writing `check`'s report: the format, and where it goes (standard
//! output or `--output FILE`), plus the GitHub step summary.

use super::reads::Reads;
use super::target::{self, Target};
use std::path::{Path, PathBuf};

use super::{CheckArgs, CheckFormat, CiArgs, FailOn, Io, WriteError, repo_root, step_summary};
use crate::check::ExpectationCase;
use crate::check::select::Shown;
use crate::discover::GpoKind;
use crate::finding::Finding;
use crate::report::ci::{self, RepoPaths, Selection};
use crate::report::{Sources, Style, check_human, check_json, github, junit, one_line, sarif};
use crate::rules::RuleSet;

/// What `check` found, ready to be written in any format.
pub struct CheckReport<'a> {
    /// The findings, in order.
    pub findings: &'a [Finding],
    /// The files they point into.
    pub sources: &'a Sources<'a>,
    /// How many accounts were declared.
    pub accounts: usize,
    /// The loaded rules (SARIF lists them).
    pub rules: &'a RuleSet,
    /// The expectations tested (JUnit lists them).
    pub cases: &'a [ExpectationCase],
    /// What the command line and `rules:` chose to show, and what they
    /// hid. `shown.selection.min_severity` is `None` when not given: the
    /// reporters with a default of their own (SARIF, GitHub, the step
    /// summary: warning) apply it.
    pub shown: &'a Shown,
    /// `--fail-on`: JUnit fails a test case as the run would fail.
    pub fail_on: FailOn,
    /// One line per input that could not be read (SARIF notes each).
    pub unreadable: &'a [String],
}

/// Everything a command reads, by path: the expectations file, the
/// `--rules` folders, each template and each GPO folder.
pub fn reads(expect: Option<&Path>, rules: &[PathBuf], gpos: &[crate::discover::Gpo]) -> Reads {
    let mut reads = Reads::default();
    if let Some(expect) = expect {
        reads.file("expectations file", expect);
    }
    for dir in rules {
        reads.flat("--rules folder", dir);
    }
    for gpo in gpos {
        if gpo.kind != GpoKind::File {
            reads.tree("GPO folder", &gpo.root);
        }
        if let Some(template) = &gpo.template {
            reads.file("template", template);
        }
    }
    reads
}

/// `--output` was refused; the reason is on stderr.
pub struct Refused;

/// Where `--output` will write, decided before the work: `None` for
/// standard output (no `--output`, `-`, or a name of standard output such
/// as `/dev/stdout`). A refusal is said on stderr.
pub fn target(
    output: Option<&Path>,
    reads: &Reads,
    io: &mut Io<'_>,
) -> Result<Option<Target>, Refused> {
    let Some(path) = output.filter(|path| !is_standard_output(path)) else {
        return Ok(None);
    };
    match target::prepare(path, reads) {
        Ok(target) => Ok(Some(target)),
        Err(refusal) => {
            io.stderr_line(format_args!("error: {}", one_line(&refusal)));
            Err(Refused)
        }
    }
}

/// `-`, and the names Unix gives this process's standard output: written
/// through the stream gplint already holds, so a shell's `>>` or pipe
/// behaves as it does without `--output`.
fn is_standard_output(path: &Path) -> bool {
    let names: &[&str] = if cfg!(unix) {
        &["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
    } else {
        &["-"]
    };
    names.iter().any(|name| path.as_os_str() == *name)
}

/// Writes a command's result where `target` says. `Ok(false)` when the
/// file could not be written, after saying why on stderr; a failure on
/// standard output is the caller's to report.
pub fn emit(target: Option<&Target>, text: &str, io: &mut Io<'_>) -> Result<bool, WriteError> {
    match target {
        Some(target) => match target::write(target, text) {
            Ok(()) => Ok(true),
            Err(error) => {
                io.stderr_line(format_args!("error: {}", one_line(&error)));
                Ok(false)
            }
        },
        None => {
            io.print(text)?;
            Ok(true)
        }
    }
}

/// [`emit`] of a report written piece by piece by `fill`, never held
/// whole. An error of `fill` is the destination's.
pub fn emit_with(
    target: Option<&Target>,
    fill: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    io: &mut Io<'_>,
) -> Result<bool, WriteError> {
    match target {
        Some(target) => match target::write_with(target, fill) {
            Ok(()) => Ok(true),
            Err(error) => {
                io.stderr_line(format_args!("error: {}", one_line(&error)));
                Ok(false)
            }
        },
        None => {
            let mut buffered = std::io::BufWriter::new(&mut *io.stdout);
            fill(&mut buffered)
                .and_then(|()| std::io::Write::flush(&mut buffered))
                .map_err(WriteError::Stdout)?;
            Ok(true)
        }
    }
}

/// Writes the report where `target` says, then the GitHub step summary.
/// `Ok(false)` when the file could not be written (see [`emit`]).
pub fn write_check(
    args: &CheckArgs,
    target: Option<&Target>,
    report: &CheckReport<'_>,
    reads: &Reads,
    io: &mut Io<'_>,
) -> Result<bool, WriteError> {
    let ci = matches!(
        args.format,
        CheckFormat::Sarif | CheckFormat::Github | CheckFormat::Json
    );
    // git runs only for the formats that name files relative to the root
    // (JSON's fingerprints name a GPO outside a `{GUID}` folder so).
    let paths = match ci {
        true => repo_root::paths(args.ci.repo_root.as_deref()),
        false => RepoPaths::default(),
    };
    let selection = selection(&args.ci, report.shown);
    let text = render(args, report, &paths, style(target.is_some(), io.style))?;
    let written = emit(target, &text, io)?;
    if args.format == CheckFormat::Github {
        step_summary::append(report, &paths, selection, reads, io);
    }
    Ok(written)
}

/// A file is read later, by a person or a tool: no escape codes in it.
fn style(to_file: bool, terminal: Style) -> Style {
    match to_file {
        true => Style {
            color: false,
            ..terminal
        },
        false => terminal,
    }
}

/// What the CI formats show: `--min-severity` when given, else their own
/// default, [`ci::CI_DEFAULT_MIN_SEVERITY`].
fn selection(args: &CiArgs, shown: &Shown) -> Selection {
    Selection {
        min_severity: shown
            .selection
            .min_severity
            .unwrap_or(ci::CI_DEFAULT_MIN_SEVERITY),
        include_waived: args.include_waived,
    }
}

/// The report's text in one format.
fn render(
    args: &CheckArgs,
    report: &CheckReport<'_>,
    paths: &RepoPaths,
    style: Style,
) -> Result<String, WriteError> {
    let CheckReport {
        findings,
        sources,
        accounts,
        rules,
        cases,
        shown,
        fail_on,
        unreadable,
    } = report;
    let selection = selection(&args.ci, shown);
    let format = args.format;
    let json = WriteError::json("the report");
    Ok(match format {
        CheckFormat::Human => {
            let mut text = check_human::render_findings(findings, sources, style);
            if !findings.is_empty() {
                text.push('\n');
            }
            let templates = sources.templates.len();
            text + &check_human::summary_line(
                findings,
                *accounts,
                templates,
                &shown.summary_parts(),
            )
        }
        CheckFormat::Json => {
            check_json::write(findings, sources, *accounts, paths).map_err(json)?
        }
        CheckFormat::Sarif => {
            let options = sarif::Options {
                selection,
                category: &args.ci.sarif_category,
                help_uri_base: &args.ci.help_uri_base,
                unreadable,
                ..sarif::Options::plain(paths)
            };
            sarif::write(findings, sources, rules.rules(), &options).map_err(json)?
        }
        CheckFormat::Github => github::write(findings, sources, selection),
        CheckFormat::Junit => {
            let fails = |f: &Finding| fail_on.fails(f);
            junit::write(findings, sources, cases, &fails)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_written_to_a_file_has_no_colour() {
        let colour = Style {
            color: true,
            width: 80,
        };
        assert_eq!(style(false, colour), colour);
        let plain = Style {
            color: false,
            width: 80,
        };
        assert_eq!(style(true, colour), plain);
    }

    #[test]
    fn a_dash_is_standard_output() {
        assert!(is_standard_output(Path::new("-")));
        assert!(!is_standard_output(Path::new("./-")));
        assert!(!is_standard_output(Path::new("report.txt")));
        #[cfg(unix)]
        assert!(is_standard_output(Path::new("/dev/stdout")));
    }
}
