//! Writing `check`'s report: the format, and where it goes (standard
//! output or `--output FILE`), plus the GitHub step summary.

use super::reads::Reads;
use super::target::{self, Target};
use super::{CheckArgs, CheckFormat, Io, OutputError, WriteError, step_summary};
use crate::check::ExpectationCase;
use crate::discover::GpoKind;
use crate::finding::Finding;
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
}

/// Everything `check` reads, by path: the expectations file, the
/// `--rules` folders, each template and each GPO folder.
pub fn reads(args: &CheckArgs, gpos: &[crate::discover::Gpo]) -> Reads {
    let mut reads = Reads::default();
    reads.file("expectations file", &args.expect);
    for dir in &args.rules {
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

/// Where `--output` will write, decided before the work; `None` for
/// standard output.
pub fn target(args: &CheckArgs, reads: &Reads) -> Result<Option<Target>, OutputError> {
    args.output
        .as_deref()
        .map(|path| target::prepare(path, reads))
        .transpose()
}

/// Writes the report where `target` says. `Ok(false)` when the file could
/// not be written, after saying why on stderr; a failure on standard
/// output is the caller's to report.
pub fn write_check(
    args: &CheckArgs,
    target: Option<&Target>,
    report: &CheckReport<'_>,
    reads: &Reads,
    io: &mut Io<'_>,
) -> Result<bool, WriteError> {
    let text = render(args.format, report, style(args, io.style))?;
    let written = match target {
        Some(target) => match target::write(target, &text) {
            Ok(()) => true,
            Err(error) => {
                io.stderr_line(format_args!("error: {}", one_line(&error)));
                false
            }
        },
        None => {
            io.print(&text)?;
            true
        }
    };
    if args.format == CheckFormat::Github {
        step_summary::append(report, reads, io);
    }
    Ok(written)
}

/// A file is read later, by a person or a tool: no escape codes in it.
fn style(args: &CheckArgs, terminal: Style) -> Style {
    match args.output {
        Some(_) => Style {
            color: false,
            ..terminal
        },
        None => terminal,
    }
}

/// The report's text in one format.
fn render(
    format: CheckFormat,
    report: &CheckReport<'_>,
    style: Style,
) -> Result<String, WriteError> {
    let CheckReport {
        findings,
        sources,
        accounts,
        rules,
        cases,
    } = report;
    let json = WriteError::json("the report");
    Ok(match format {
        CheckFormat::Human => {
            let mut text = check_human::render_findings(findings, sources, style);
            if !findings.is_empty() {
                text.push('\n');
            }
            text + &check_human::summary_line(findings, *accounts, sources.templates.len())
        }
        CheckFormat::Json => check_json::write(findings, sources, *accounts).map_err(json)?,
        CheckFormat::Sarif => sarif::write(findings, sources, rules.rules()).map_err(json)?,
        CheckFormat::Github => github::write(findings, sources),
        CheckFormat::Junit => junit::write(findings, sources, cases),
    })
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Cli, Command};

    fn check_args(extra: &[&str]) -> CheckArgs {
        let mut args = vec!["gplint", "check", "t.inf", "--expect", "s.yaml"];
        args.extend(extra);
        match Cli::try_parse_from(args).unwrap().command {
            Command::Check(args) => args,
            other => panic!("not check: {other:?}"),
        }
    }

    #[test]
    fn a_report_written_to_a_file_has_no_colour() {
        let colour = Style {
            color: true,
            width: 80,
        };
        assert_eq!(style(&check_args(&[]), colour), colour);
        let to_file = style(&check_args(&["--output", "r.txt"]), colour);
        assert_eq!(
            to_file,
            Style {
                color: false,
                width: 80
            }
        );
    }
}
