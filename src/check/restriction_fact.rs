//! The fact of one restriction on one declared expectation: an account, a
//! logon type, and what refuses (or may refuse) it after the rights check.

use super::expectation_fact::{expectation_field, expectation_location};

use crate::facts::{Fact, FactKind, FactValue, text_value as text};
use crate::finding::{FileRef, Location};
use crate::logon::{Subject, Verdict};
use crate::logon_type::LogonType;
use crate::restriction::{Evidence, Restriction};
use crate::span::Span;

/// One restriction on one account × logon type the expectations declare.
#[derive(Debug)]
pub struct RestrictionFact<'a> {
    /// The account.
    pub subject: &'a Subject,
    /// The logon type.
    pub logon_type: LogonType,
    /// `true` under `logon`, `false` under `no_logon`.
    pub must: bool,
    /// The rights verdict.
    pub verdict: &'a Verdict,
    /// The restriction.
    pub restriction: &'a Restriction,
    /// The template of the deciding setting, when a template decides.
    pub file: Option<&'a str>,
    /// Its line there.
    pub line: Option<usize>,
    /// The logon type's entry in the expectations file.
    pub yaml_span: Span,
}

impl RestrictionFact<'_> {
    /// Whether it rests on a default rather than a template or a declaration.
    pub fn from_default(&self) -> bool {
        self.restriction.evidence == Evidence::Default
    }

    /// The deciding setting or declaration; `None` for a default.
    pub fn primary(&self) -> Option<Location> {
        let label = self.restriction.label.clone();
        match self.restriction.evidence {
            Evidence::Template { input, span } => Some(Location {
                file: FileRef::Template(input),
                span,
                label,
            }),
            Evidence::Declared(span) => Some(Location {
                file: FileRef::Expectations,
                span,
                label,
            }),
            Evidence::Default => None,
        }
    }

    /// The expectation's entry in the expectations file.
    pub fn related(&self) -> Location {
        expectation_location(self.must, self.yaml_span)
    }
}

impl Fact for RestrictionFact<'_> {
    fn kind(&self) -> FactKind {
        FactKind::Restriction
    }

    fn field(&self, name: &str) -> Option<FactValue<'_>> {
        let r = self.restriction;
        let status = r.status;
        match name {
            "verdict" => text(self.verdict.outcome.as_str()),
            "restriction" => text(r.kind.as_str()),
            "refuses" => Some(FactValue::Bool(r.refuses)),
            "prompts_change" => Some(FactValue::Bool(r.prompts_change)),
            "reason" => text(r.reason.as_str()),
            "substatus" => text(status.hex()),
            "substatus_name" => text(status.name()),
            "error" => Some(FactValue::Int(status.error().into())),
            "error_name" => text(status.error_name()),
            "setting" => text(r.setting),
            "source" => text(r.evidence.source()),
            "expires" => text(r.expires.map(|d| d.to_string()).unwrap_or_default()),
            "expiry_known" => Some(FactValue::Bool(r.days_left.is_some())),
            "days_left" => Some(FactValue::Int(r.days_left.unwrap_or(0))),
            "file" => text(self.file.unwrap_or_default()),
            "line" => text(self.line.map(|l| l.to_string()).unwrap_or_default()),
            "symptom" => text(status.symptom(self.logon_type, self.subject.is_app_pool())),
            _ => expectation_field(self.subject, self.logon_type, self.must, name),
        }
    }
}
