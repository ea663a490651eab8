//! The fact of one restriction on one declared expectation: an account, a
//! logon type, and what refuses (or may refuse) it after the rights check.

use std::borrow::Cow;

use super::expectation_fact::{
    account_entry, account_sid, expectation_location, expectation_word, number_text,
};

use crate::facts::{Fact, FactKind, FactValue, restriction};
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
        restriction::get(self, name)
    }
}

impl restriction::Fields for RestrictionFact<'_> {
    fn account(&self) -> Cow<'_, str> {
        self.subject.display.as_str().into()
    }

    fn account_sid(&self) -> Cow<'_, str> {
        account_sid(self.subject)
    }

    fn account_kind(&self) -> Cow<'_, str> {
        self.subject.kind.as_str().into()
    }

    fn account_entry(&self) -> Cow<'_, str> {
        account_entry(self.subject).into()
    }

    fn logon_type(&self) -> Cow<'_, str> {
        self.logon_type.as_str().into()
    }

    fn logon_description(&self) -> Cow<'_, str> {
        self.logon_type.description().into()
    }

    fn expectation(&self) -> Cow<'_, str> {
        expectation_word(self.must)
    }

    fn verdict(&self) -> Cow<'_, str> {
        self.verdict.outcome.as_str().into()
    }

    fn restriction(&self) -> Cow<'_, str> {
        self.restriction.kind.as_str().into()
    }

    fn refuses(&self) -> bool {
        self.restriction.refuses
    }

    fn prompts_change(&self) -> bool {
        self.restriction.prompts_change
    }

    fn reason(&self) -> Cow<'_, str> {
        self.restriction.reason.as_str().into()
    }

    fn substatus(&self) -> Cow<'_, str> {
        self.restriction.status.hex().into()
    }

    fn substatus_name(&self) -> Cow<'_, str> {
        self.restriction.status.name().into()
    }

    fn error(&self) -> i64 {
        self.restriction.status.error().into()
    }

    fn error_name(&self) -> Cow<'_, str> {
        self.restriction.status.error_name().into()
    }

    fn setting(&self) -> Cow<'_, str> {
        self.restriction.setting.into()
    }

    fn source(&self) -> Cow<'_, str> {
        self.restriction.evidence.source().into()
    }

    fn expires(&self) -> Cow<'_, str> {
        let expires = self.restriction.expires;
        expires.map(|d| d.to_string()).unwrap_or_default().into()
    }

    fn expiry_known(&self) -> bool {
        self.restriction.days_left.is_some()
    }

    fn days_left(&self) -> i64 {
        self.restriction.days_left.unwrap_or(0)
    }

    fn file(&self) -> Cow<'_, str> {
        self.file.unwrap_or_default().into()
    }

    fn line(&self) -> Cow<'_, str> {
        number_text(self.line)
    }

    fn symptom(&self) -> Cow<'_, str> {
        let app_pool = self.subject.is_app_pool();
        self.restriction
            .status
            .symptom(self.logon_type, app_pool)
            .into()
    }
}
