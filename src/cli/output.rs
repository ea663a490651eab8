//! Writing `check`'s report: the format, and where it goes (standard
//! output or `--output FILE`), plus the GitHub step summary.

use std::io::Write as _;
use std::path::Path;

use super::{CheckArgs, CheckFormat, Io};
use crate::check::ExpectationCase;
use crate::finding::Finding;
use crate::report::{
    Sources, Style, check_human, check_json, github, github_summary, junit, one_line, sarif,
};
use crate::rules::RuleSet;

/// The variable GitHub Actions sets to the file a step appends its
/// Markdown summary to.
const STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";

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

/// Writes the report where `args` says. Returns `false` when it could
/// not be written, after saying why on stderr.
pub fn write_check(args: &CheckArgs, report: &CheckReport<'_>, io: &mut Io<'_>) -> bool {
    let text = render(args.format, report, style(args, io.style));
    let written = match &args.output {
        Some(path) => write_file(path, &text, io),
        // As before there were formats: a closed pipe is the reader's choice.
        None => {
            let _ = io.stdout.write_all(text.as_bytes());
            true
        }
    };
    if args.format == CheckFormat::Github {
        step_summary(report, io);
    }
    written
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
fn render(format: CheckFormat, report: &CheckReport<'_>, style: Style) -> String {
    let CheckReport {
        findings,
        sources,
        accounts,
        rules,
        cases,
    } = report;
    match format {
        CheckFormat::Human => {
            let mut text = check_human::render_findings(findings, sources, style);
            if !findings.is_empty() {
                text.push('\n');
            }
            text + &check_human::summary_line(findings, *accounts, sources.templates.len())
        }
        CheckFormat::Json => check_json::write(findings, sources, *accounts),
        CheckFormat::Sarif => sarif::write(findings, sources, rules.rules()),
        CheckFormat::Github => github::write(findings, sources),
        CheckFormat::Junit => junit::write(findings, sources, cases),
    }
}

/// Replaces the file only once the report is complete (see [`super::atomic`]).
fn write_file(path: &Path, text: &str, io: &mut Io<'_>) -> bool {
    match super::atomic::replace(path, text) {
        Ok(()) => true,
        Err(error) => {
            let _ = writeln!(
                io.stderr,
                "error: cannot write the report to `{}`: {}",
                path.display(),
                one_line(&error)
            );
            false
        }
    }
}

/// Appends the Markdown summary to the file `$GITHUB_STEP_SUMMARY` names,
/// when it names one. A summary that cannot be written is only warned
/// about: the annotations, which are the report, are out.
fn step_summary(report: &CheckReport<'_>, io: &mut Io<'_>) {
    let Some(path) = std::env::var_os(STEP_SUMMARY).filter(|p| !p.is_empty()) else {
        return;
    };
    let markdown = github_summary::write(report.findings, report.sources, report.accounts);
    let appended = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(markdown.as_bytes()));
    if let Err(error) = appended {
        let _ = writeln!(
            io.stderr,
            "warning: cannot append the summary to `{}` (${STEP_SUMMARY}): {}",
            Path::new(&path).display(),
            one_line(&error)
        );
    }
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
