//! `tests:`, the cases that prove a rule fires when it should and stays
//! quiet when it should. Every rule needs at least one of each: a rule
//! with no failing case may never fire, one with no passing case may fire
//! on everything. Loading checks they are there; it does not run them.

use schemars::JsonSchema;
use serde::Deserialize;

use super::check::{Check, empty};
use super::load_error::error;
use super::required::Required;
use super::rule::{RuleCase, RuleTests};
use crate::diagnostic::Diagnostic;
use crate::expect::Spanned;
use crate::span::Span;
use crate::yaml::{Field, List};

/// The rule's own cases.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, rename = "Tests", deny_unknown_fields)]
pub(super) struct TestsDoc {
    /// Cases the rule must report: each gives at least one finding of it.
    pub(super) invalid: Field<Spanned<List<Spanned<CaseDoc>>>>,
    /// Cases the rule must pass: each gives no finding of it.
    pub(super) valid: Field<Spanned<List<Spanned<CaseDoc>>>>,
}

/// One case: a security template and the expectations to check it with.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, rename = "Case", deny_unknown_fields)]
pub(super) struct CaseDoc {
    /// The security template's text (`GptTmpl.inf`), usually a block
    /// (`template: |`); `template:` with nothing is an empty template.
    pub(super) template: Required<Field<String>>,
    /// The expectations (`services.yaml`) as text, a block
    /// (`expect: |`) with the YAML indented below.
    pub(super) expect: Field<String>,
    /// The Windows target whose default rights apply, e.g. `server-2022`.
    pub(super) target: Field<String>,
    /// Today's date for the case, `YYYY-MM-DD`, for password expiries.
    pub(super) today: Field<String>,
}

impl Check<'_> {
    /// The rule's `tests`; a problem when either kind of case is missing.
    pub(super) fn tests(&mut self, tests: &Field<Spanned<TestsDoc>>) -> Option<RuleTests> {
        let tests = match tests {
            Field::Given(tests) => &tests.value,
            Field::Invalid => return None,
            Field::Absent => {
                let label = "a rule without `tests`";
                return self.push(missing("a rule needs test cases", label, self.anchor()));
            }
        };
        let invalid = self.cases(&tests.invalid, "invalid");
        let valid = self.cases(&tests.valid, "valid");
        Some(RuleTests {
            valid: valid?,
            invalid: invalid?,
        })
    }

    fn cases(
        &mut self,
        cases: &Field<Spanned<List<Spanned<CaseDoc>>>>,
        which: &str,
    ) -> Option<Vec<RuleCase>> {
        let message = format!("a rule needs at least one `{which}` case");
        let list = match cases {
            Field::Given(list) => list,
            Field::Invalid => return None,
            Field::Absent => {
                let label = format!("no `{which}` cases here");
                return self.push(missing(&message, &label, self.key("tests")));
            }
        };
        if empty(&list.value) {
            return self.push(missing(&message, "no cases", list.span));
        }
        self.each(&list.value, Self::case)
    }

    fn case(&mut self, case: &Spanned<CaseDoc>) -> Option<RuleCase> {
        let doc = &case.value;
        let template = self.required(&doc.template, "template", "a test case", case.span)?;
        let word = |field: &Field<String>| field.given().map(|text| text.trim().to_owned());
        Some(RuleCase {
            template: template.given().cloned().unwrap_or_default(),
            expect: doc.expect.given().cloned(),
            target: word(&doc.target),
            today: word(&doc.today),
            span: case.span,
        })
    }
}

fn missing(message: &str, label: &str, span: Span) -> Diagnostic {
    error("rule::missing-tests", message, span)
        .with_label(label)
        .with_help("add a case under `tests.invalid` that the rule reports and one under `tests.valid` that it does not")
}
