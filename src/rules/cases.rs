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
use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;
use crate::span::Spanned;
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
    /// For an `invalid` case only: the exact message one finding of the
    /// rule must have, which `gplint rules test` compares.
    pub(super) expect_message: Field<Spanned<String>>,
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
        self.each(&list.value, |check, case| check.case(case, which))
    }

    fn case(&mut self, case: &Spanned<CaseDoc>, which: &str) -> Option<RuleCase> {
        let doc = &case.value;
        let expect_message = self.expect_message(&doc.expect_message, which);
        let template = self.required(&doc.template, "template", "a test case", case.span);
        let (expect_message, template) = (expect_message?, template?);
        let word = |field: &Field<String>| field.given().map(|text| text.trim().to_owned());
        Some(RuleCase {
            template: template.given().cloned().unwrap_or_default(),
            expect: doc.expect.given().cloned(),
            target: word(&doc.target),
            today: word(&doc.today),
            expect_message,
            span: case.span,
        })
    }

    /// `expect_message`: the exact message an `invalid` case must report.
    /// A `valid` case reports nothing, so there it is refused.
    fn expect_message(
        &mut self,
        field: &Field<Spanned<String>>,
        which: &str,
    ) -> Option<Option<String>> {
        let Field::Given(message) = field else {
            return Some(None);
        };
        if which == "invalid" {
            return Some(Some(message.value.clone()));
        }
        self.push(
            error(
                Code::RuleMisplacedExpectMessage,
                format!("a `{which}` case reports nothing, so it has no `expect_message`"),
                message.span,
            )
            .with_label("only for `invalid` cases")
            .with_help("`expect_message` is the message an `invalid` case reports; move it to one, or remove it"),
        )
    }
}

fn missing(message: &str, label: &str, span: Span) -> Diagnostic {
    error(Code::RuleMissingTests, message, span)
        .with_label(label)
        .with_help("add a case under `tests.invalid` that the rule reports and one under `tests.valid` that it does not")
}
