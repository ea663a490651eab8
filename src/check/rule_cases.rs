//! Running a rule's own cases (`tests:` in its file) through the whole
//! check, and saying which do not behave. Loading a rule never runs them:
//! `gplint rules test` and the test suite do, through here.
//!
//! A case misbehaves when a `valid` case makes its rule fire, an `invalid`
//! case does not, an `invalid` case's `expect_message` is no finding's
//! message, or the case's expectations (or `target`, `today`) do not load.
//! Templates always load: the parser recovers from anything and warns.

use crate::diagnostic::Diagnostic;
use crate::model::Date;
use crate::rules::{Rule, RuleCase, RuleSet};

use super::check_texts_on;

/// The expectations of a case that gives none, for rules about templates
/// alone: an expectations file must check something, so one domain account
/// that must not log on as a service, which Windows' defaults never let it.
const NO_EXPECTATIONS: &str = "accounts:\n  - name: CONTOSO\\nobody\n    no_logon: [service]\n";

/// Which list of `tests:` a case is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseKind {
    /// Must produce a finding of the rule.
    Invalid,
    /// Must produce none.
    Valid,
}

impl CaseKind {
    /// The key the list is written under.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::Invalid => "invalid",
            CaseKind::Valid => "valid",
        }
    }
}

/// Why a case does not behave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseProblem {
    /// An `invalid` case produced no finding of the rule.
    DidNotFire,
    /// A `valid` case produced findings of the rule: their messages.
    Fired(Vec<String>),
    /// An `invalid` case fired, but no finding has its `expect_message`.
    MessageDiffers {
        /// The case's `expect_message`.
        expected: String,
        /// The messages of the rule's findings.
        got: Vec<String>,
    },
    /// The case's `today` is not a `YYYY-MM-DD` date.
    BadToday(String),
    /// The case's expectations, with its `target`, do not load.
    DoesNotLoad(Vec<LoadProblem>),
}

/// One problem of a case's expectations text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    /// The diagnostic's code, such as `yaml::unknown-field`.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// The 1-based line in the case's `expect` text; none when the problem
    /// is the case's `target`, or has no place.
    pub line: Option<usize>,
}

/// One case and how it went.
#[derive(Clone, Debug)]
pub struct CaseOutcome<'r> {
    /// The rule the case belongs to.
    pub rule: &'r Rule,
    /// Its list.
    pub kind: CaseKind,
    /// Its position in that list, from 1.
    pub number: usize,
    /// The case.
    pub case: &'r RuleCase,
    /// What went wrong; none when the case behaves.
    pub problem: Option<CaseProblem>,
}

impl CaseOutcome<'_> {
    /// The 1-based line of the rule file where the case is written.
    pub fn line(&self) -> usize {
        let text = &self.rule.origin.text;
        text.get(..self.case.span.start)
            .map_or(1, |before| before.matches('\n').count() + 1)
    }
}

/// Every case of a set of rules, in rule order (by id), `invalid` before
/// `valid`, each list in file order.
#[derive(Clone, Debug)]
pub struct CasesRun<'r> {
    /// How many rules ran.
    pub rules: usize,
    /// Every case, misbehaving or not.
    pub outcomes: Vec<CaseOutcome<'r>>,
}

impl<'r> CasesRun<'r> {
    /// The cases that do not behave, in run order.
    pub fn failures(&self) -> impl Iterator<Item = &CaseOutcome<'r>> {
        self.outcomes.iter().filter(|o| o.problem.is_some())
    }
}

/// Runs the cases of every rule in `rules`.
pub fn run_cases(rules: &RuleSet) -> CasesRun<'_> {
    let outcomes = rules
        .rules()
        .iter()
        .flat_map(|rule| run_rule_cases(rule, rules))
        .collect();
    CasesRun {
        rules: rules.rules().len(),
        outcomes,
    }
}

/// Runs the cases of `rule`, checking each against `rules` (which should
/// hold it) and looking only at the findings of `rule`.
pub fn run_rule_cases<'r>(rule: &'r Rule, rules: &RuleSet) -> Vec<CaseOutcome<'r>> {
    let lists = [
        (CaseKind::Invalid, &rule.tests.invalid),
        (CaseKind::Valid, &rule.tests.valid),
    ];
    let mut outcomes = Vec::new();
    for (kind, cases) in lists {
        for (index, case) in cases.iter().enumerate() {
            outcomes.push(CaseOutcome {
                rule,
                kind,
                number: index + 1,
                case,
                problem: problem(rule, kind, case, rules),
            });
        }
    }
    outcomes
}

fn problem(rule: &Rule, kind: CaseKind, case: &RuleCase, rules: &RuleSet) -> Option<CaseProblem> {
    let messages = match messages(rule, case, rules) {
        Ok(messages) => messages,
        Err(problem) => return Some(problem),
    };
    match kind {
        CaseKind::Valid if messages.is_empty() => None,
        CaseKind::Valid => Some(CaseProblem::Fired(messages)),
        CaseKind::Invalid if messages.is_empty() => Some(CaseProblem::DidNotFire),
        CaseKind::Invalid => match &case.expect_message {
            Some(expected) if !messages.contains(expected) => Some(CaseProblem::MessageDiffers {
                expected: expected.clone(),
                got: messages,
            }),
            _ => None,
        },
    }
}

/// The messages of the findings of `rule` for `case`.
fn messages(rule: &Rule, case: &RuleCase, rules: &RuleSet) -> Result<Vec<String>, CaseProblem> {
    let today = match case.today.as_deref() {
        Some(text) => match Date::parse(text) {
            Some(date) => Some(date),
            None => return Err(CaseProblem::BadToday(text.to_owned())),
        },
        None => None,
    };
    let body = case.expect.as_deref().unwrap_or(NO_EXPECTATIONS);
    // `target` is a key of the expectations, written first so that the
    // text's own lines follow it one down.
    let (expect, shift) = match &case.target {
        Some(target) => (format!("target: {target}\n{body}"), 1),
        None => (body.to_owned(), 0),
    };
    let findings = check_texts_on(&[&case.template], &expect, rules, today)
        .map_err(|problems| CaseProblem::DoesNotLoad(load_problems(&problems, &expect, shift)))?;
    Ok(findings
        .into_iter()
        .filter(|f| f.rule == rule.id)
        .map(|f| f.message)
        .collect())
}

/// The problems of `expect`, with lines counted in the case's own text,
/// which is `expect` without its first `shift` lines.
fn load_problems(problems: &[Diagnostic], expect: &str, shift: usize) -> Vec<LoadProblem> {
    problems
        .iter()
        .map(|problem| {
            let line = problem
                .primary_span()
                .and_then(|span| expect.get(..span.start))
                .map(|before| before.matches('\n').count() + 1)
                .and_then(|line| line.checked_sub(shift))
                .filter(|line| *line > 0);
            LoadProblem {
                code: problem.code.as_str(),
                message: problem.message.clone(),
                line,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = r#"id: GPL950
name: service-logon-right-defined
severity: warning
applies_to: right
when:
  all:
    - field: right
      equals: SeServiceLogonRight
    - field: effective
      equals: true
summary: The service logon right is defined
message: "{right} is defined"
docs: A test rule.
tests:
  invalid:
    - template: |
        [Privilege Rights]
        SeServiceLogonRight = *S-1-5-20
      expect_message: "SeServiceLogonRight is defined"
  valid:
    - template: |
        [Privilege Rights]
        SeBatchLogonRight = *S-1-5-20
"#;

    fn run(text: &str) -> Vec<(CaseKind, usize, Option<CaseProblem>)> {
        let sources = vec![("team/GPL950.yaml".to_owned(), text.to_owned())];
        let rules = RuleSet::from_sources(&sources, false).unwrap();
        let run = run_cases(&rules);
        assert_eq!(run.rules, 1);
        run.outcomes
            .into_iter()
            .map(|o| (o.kind, o.number, o.problem))
            .collect()
    }

    #[test]
    fn cases_that_behave_report_no_problem() {
        assert_eq!(
            run(RULE),
            [(CaseKind::Invalid, 1, None), (CaseKind::Valid, 1, None)]
        );
    }

    #[test]
    fn a_valid_case_that_fires_gives_its_messages() {
        let text = RULE.replace("SeBatchLogonRight = *S-1-5-20", "SeServiceLogonRight =");
        let fired = CaseProblem::Fired(vec!["SeServiceLogonRight is defined".into()]);
        assert_eq!(run(&text)[1], (CaseKind::Valid, 1, Some(fired)));
    }

    #[test]
    fn an_invalid_case_that_cannot_fire_and_a_wrong_message_are_reported() {
        let silent = RULE.replacen("SeServiceLogonRight = *S-1-5-20", "", 1);
        let outcomes = run(&silent);
        assert_eq!(outcomes[0].2, Some(CaseProblem::DidNotFire));
        let wrong = RULE.replace("\"SeServiceLogonRight is defined\"", "\"defined\"");
        let differs = CaseProblem::MessageDiffers {
            expected: "defined".into(),
            got: vec!["SeServiceLogonRight is defined".into()],
        };
        assert_eq!(run(&wrong)[0].2, Some(differs));
    }

    #[test]
    fn expectations_that_do_not_load_name_their_line_in_the_case() {
        let text = RULE.replace(
            "      expect_message",
            "      target: workstation\n      expect: |\n        accounts:\n          - nme: x\n      expect_message",
        );
        let Some(CaseProblem::DoesNotLoad(problems)) = &run(&text)[0].2 else {
            panic!("the case loaded");
        };
        assert_eq!(problems[0].code, "yaml::unknown-field", "{problems:?}");
        assert_eq!(problems[0].line, Some(2));
        let bad_target = RULE.replace(
            "      expect_message",
            "      target: windows-3\n      expect_message",
        );
        let Some(CaseProblem::DoesNotLoad(problems)) = &run(&bad_target)[0].2 else {
            panic!("the case loaded");
        };
        assert_eq!(problems[0].line, None, "{problems:?}");
    }

    #[test]
    fn a_today_that_is_not_a_date_is_reported() {
        let text = RULE.replace(
            "      expect_message",
            "      today: someday\n      expect_message",
        );
        assert_eq!(
            run(&text)[0].2,
            Some(CaseProblem::BadToday("someday".into()))
        );
    }

    #[test]
    fn the_line_is_where_the_case_is_written() {
        let sources = vec![("team/GPL950.yaml".to_owned(), RULE.to_owned())];
        let rules = RuleSet::from_sources(&sources, false).unwrap();
        let run = run_cases(&rules);
        let lines: Vec<usize> = run.outcomes.iter().map(CaseOutcome::line).collect();
        assert_eq!(lines, [16, 21]);
    }
}
