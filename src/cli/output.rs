//! Writing `check`'s report: the format, and where it goes (standard
//! output or `--output FILE`), plus the GitHub step summary.

use std::fs::OpenOptions;
use std::io::{self, Write as _};
use std::path::Path;

use super::target::{self, Reads, Target};
use super::{CheckArgs, CheckFormat, Io, WriteError};
use crate::check::ExpectationCase;
use crate::discover::GpoKind;
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

/// Where `--output` will write, decided before the work; `Ok(None)` for
/// standard output. A refusal is said on stderr and gives `Err(())`.
pub fn target(args: &CheckArgs, reads: &Reads, io: &mut Io<'_>) -> Result<Option<Target>, ()> {
    let Some(path) = &args.output else {
        return Ok(None);
    };
    target::prepare(path, reads).map(Some).map_err(|refusal| {
        io.stderr_line(format_args!("error: {}", one_line(&refusal)));
    })
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
        step_summary(report, reads, io);
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

/// Appends the Markdown summary to the file `$GITHUB_STEP_SUMMARY` names,
/// when it names one. A summary that cannot be written is only warned
/// about: the annotations, which are the report, are out.
fn step_summary(report: &CheckReport<'_>, reads: &Reads, io: &mut Io<'_>) {
    let Some(path) = std::env::var_os(STEP_SUMMARY).filter(|p| !p.is_empty()) else {
        return;
    };
    let path = Path::new(&path);
    let markdown = github_summary::write(report.findings, report.sources, report.accounts);
    if let Err(error) = append_summary(path, &markdown, reads) {
        io.stderr_line(format_args!(
            "warning: cannot append the summary to `{}` (${STEP_SUMMARY}): {}",
            path.display(),
            one_line(&error)
        ));
    }
}

/// Appends to a regular file only. Opened without blocking, so a named
/// pipe with no reader fails at once instead of waiting forever, and
/// without following a link; then checked, once open, to be a regular
/// file that this run does not read.
fn append_summary(path: &Path, markdown: &str, reads: &Reads) -> io::Result<()> {
    if let Some(reason) = reads.refusal(path, target::file_id(path, false).as_ref()) {
        return Err(io::Error::other(reason));
    }
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    let mut file = target::open_no_follow(path, &mut options, true).map_err(plain_reason)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("it is not a regular file"));
    }
    file.write_all(markdown.as_bytes())
}

/// The two refusals of [`append_summary`]'s open, in the user's terms.
fn plain_reason(error: io::Error) -> io::Error {
    match error.raw_os_error() {
        #[cfg(unix)]
        Some(libc::ELOOP) => {
            io::Error::other("it is a symbolic link, and gplint follows none when it writes")
        }
        // A named pipe that nobody reads yet (O_NONBLOCK).
        #[cfg(unix)]
        Some(libc::ENXIO) => io::Error::other("it is not a regular file (a named pipe)"),
        _ => error,
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
