//! `gplint rules test`: run the rules' own cases and say which do not
//! behave, one line each, then how many ran.

use std::path::PathBuf;

use super::{Io, Outcome, RulesTestArgs, WriteError, load};
use crate::check::{CaseOutcome, CaseProblem, LoadProblem, run_cases};
use crate::report::visible::visible_owned;
use crate::source::ReadLimits;

/// Runs `rules test`: exit 1 when a case misbehaves, 2 when a folder or
/// rule file does not load (rendered on standard error).
pub fn run(args: &RulesTestArgs, io: &mut Io<'_>) -> Result<Outcome, WriteError> {
    let dirs: Vec<PathBuf> = args.dirs.iter().chain(&args.rules).cloned().collect();
    let Some(rules) = load::rules(&dirs, ReadLimits::DEFAULT_FILE_SIZE, io) else {
        return Ok(Outcome::UsageOrInput);
    };
    let run = run_cases(&rules);
    let mut report: String = run.failures().map(failure_line).collect();
    let failed = run.failures().count();
    report.push_str(&format!(
        "{}, {}: {failed} failed\n",
        counted(run.rules, "rule"),
        counted(run.outcomes.len(), "case")
    ));
    // Rule files, messages and paths come from folders anyone may write.
    io.print(visible_owned(report))?;
    Ok(if failed == 0 {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// `GPL901 team-rules/x.yaml:31 invalid[1]: did not fire`
fn failure_line(outcome: &CaseOutcome<'_>) -> String {
    let what = outcome.problem.as_ref().map_or_else(String::new, describe);
    format!(
        "{} {}:{} {}[{}]: {what}\n",
        outcome.rule.id,
        outcome.rule.origin.file,
        outcome.line(),
        outcome.kind.as_str(),
        outcome.number
    )
}

fn describe(problem: &CaseProblem) -> String {
    match problem {
        CaseProblem::DidNotFire => "did not fire".to_owned(),
        CaseProblem::Fired(messages) => format!("fired: {}", first_and_more(messages)),
        CaseProblem::MessageDiffers { expected, got } => {
            let got: Vec<String> = got.iter().map(|m| format!("`{m}`")).collect();
            format!(
                "message differs: expected `{expected}`, got {}",
                got.join(", ")
            )
        }
        CaseProblem::BadToday(today) => {
            format!("`today` is not a date: `{today}` (write YYYY-MM-DD)")
        }
        CaseProblem::DoesNotLoad(problems) => {
            let each: Vec<String> = problems.iter().map(load_problem).collect();
            format!("expectations do not load: {}", first_and_more(&each))
        }
    }
}

fn load_problem(problem: &LoadProblem) -> String {
    match problem.line {
        Some(line) => format!(
            "{} ({}, line {line} of its `expect`)",
            problem.message, problem.code
        ),
        None => format!("{} ({})", problem.message, problem.code),
    }
}

/// The first text, and how many follow it: one line stays one line.
fn first_and_more(texts: &[String]) -> String {
    match texts {
        [] => String::new(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} (and {} more)", rest.len()),
    }
}

fn counted(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
