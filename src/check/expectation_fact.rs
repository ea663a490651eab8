//! The fact of one declared expectation: an account, a logon type, what
//! the expectations file demands, and the verdict.

use std::borrow::Cow;

use crate::facts::{Fact, FactKind, FactValue, expectation};
use crate::finding::{FileRef, Location};
use crate::logon::{Origin, Outcome, Subject, Verdict};
use crate::logon_type::LogonType;
use crate::policy::ResultantRight;
use crate::rights;
use crate::span::Span;

/// One account × logon type the expectations declare.
#[derive(Debug)]
pub struct ExpectationFact<'a> {
    /// The account.
    pub subject: &'a Subject,
    /// The logon type.
    pub logon_type: LogonType,
    /// `true` under `logon`, `false` under `no_logon`.
    pub must: bool,
    /// The model's verdict.
    pub verdict: &'a Verdict,
    /// The name of the template that supplies the deciding right.
    pub file: Option<&'a str>,
    /// The line of the deciding right in it.
    pub line: Option<usize>,
    /// The name of the earlier template whose grant the winner replaced.
    pub replaced_file: Option<&'a str>,
    /// For a logon not granted: the deciding right, whose whole line with
    /// the account added is the `proposed_line` field. The line is written
    /// only when a rule reads it: it is as long as the right's list, and
    /// writing it for every account not granted cost accounts × holders.
    pub proposed_right: Option<&'a ResultantRight<'a>>,
    /// The template and line of the `__Members` line that took the grant
    /// away, when one did.
    pub removed_at: Option<(&'a str, usize)>,
    /// The logon type's entry in the expectations file.
    pub yaml_span: Span,
}

impl ExpectationFact<'_> {
    /// Whether the finding rests on a default rather than on a template line.
    pub fn from_default(&self) -> bool {
        self.verdict.source == crate::logon::VerdictSource::Default
    }

    /// The place in a template that decides the verdict, when a template does.
    pub fn primary(&self) -> Option<Location> {
        let input = self.verdict.input?;
        let matched = self.verdict.matched.as_ref();
        let (span, label) = match (self.verdict.outcome, matched) {
            (Outcome::NotGranted, _) => (self.verdict.right_span?, self.not_granted_label()),
            (_, Some(m)) => (m.span?, matched_label(self, m)),
            (_, None) => (self.verdict.right_span?, String::new()),
        };
        Some(Location {
            file: FileRef::Template(input),
            span,
            label,
        })
    }

    /// Where an earlier template granted what the winning list takes away.
    pub fn secondary(&self) -> Vec<Location> {
        let Some(replaced) = &self.verdict.replaced else {
            return Vec::new();
        };
        let winner = self.file.unwrap_or("a later template");
        vec![Location {
            file: FileRef::Template(replaced.input),
            span: replaced.span,
            label: format!(
                "this entry granted {}, but the list from '{winner}' replaces this one",
                self.subject.display
            ),
        }]
    }

    /// Where a `__Members` line took away the membership through which
    /// the right would have granted the logon.
    pub fn removed_by(&self) -> Option<Location> {
        let removed = self.verdict.removed_by.as_ref()?;
        Some(Location {
            file: FileRef::Template(removed.input),
            span: removed.span,
            label: format!(
                "sets the members of {} without {}",
                removed.group, removed.member
            ),
        })
    }

    fn not_granted_label(&self) -> String {
        let account = &self.subject.display;
        if let Some(removed) = &self.verdict.removed_by {
            return format!(
                "this list holds {}, but `{}` leaves {} out of it",
                removed.group, removed.written, removed.member
            );
        }
        match (self.replaced_file, &self.verdict.replaced) {
            (Some(loser), Some(_)) => {
                format!("this list replaces the one from '{loser}', which granted {account}")
            }
            _ => format!("this list holds neither {account} nor any of its groups"),
        }
    }

    /// The expectation's entry in the expectations file.
    pub fn related(&self) -> Location {
        expectation_location(self.must, self.yaml_span)
    }
}

/// The account's SID as text, else empty: the `account_sid` field of
/// every fact about one expectation.
pub(super) fn account_sid(subject: &Subject) -> Cow<'_, str> {
    subject
        .sid
        .map(|s| s.to_string())
        .unwrap_or_default()
        .into()
}

/// `must` under `logon`, `must-not` under `no_logon`: the `expectation`
/// field of every fact about one expectation.
pub(super) fn expectation_word(must: bool) -> Cow<'static, str> {
    Cow::Borrowed(if must { "must" } else { "must-not" })
}

/// A number as text, else empty: how `line` fields read.
pub(super) fn number_text(number: Option<usize>) -> Cow<'static, str> {
    number.map(|n| n.to_string()).unwrap_or_default().into()
}

/// A logon type's entry under `logon` or `no_logon` in the expectations file.
pub(super) fn expectation_location(must: bool, span: Span) -> Location {
    let label = if must {
        "required here"
    } else {
        "forbidden here"
    };
    Location {
        file: FileRef::Expectations,
        span,
        label: label.to_owned(),
    }
}

/// The deciding right's line with the account added: defining a right
/// replaces the whole list, Windows' defaults included, so the line keeps
/// what the right holds now, e.g. `SeServiceLogonRight = *S-1-5-80-0,*S-…`.
fn proposed_line(right: &ResultantRight<'_>, subject: &Subject) -> String {
    let entry = match subject.sid {
        Some(sid) => format!("*{sid}"),
        None => subject.display.clone(),
    };
    let holders = right.holders.iter().map(|h| h.written.as_str());
    let list: Vec<&str> = holders.chain(std::iter::once(entry.as_str())).collect();
    format!("{} = {}", right.right.constant, list.join(","))
}

/// The account as a template would list it: `*SID (name)` when its SID is
/// known, else its name.
pub(super) fn account_entry(subject: &Subject) -> String {
    match subject.sid {
        Some(sid) => format!("*{sid} ({})", subject.display),
        None => subject.display.clone(),
    }
}

/// Says how the entry reaches the account: the account itself, a chain of
/// groups, or a SID Windows adds to every such token (with the reason).
fn matched_label(fact: &ExpectationFact<'_>, matched: &crate::logon::Matched) -> String {
    let verb = match fact.verdict.outcome {
        Outcome::Denied => "denies",
        _ => "grants",
    };
    let account = &fact.subject.display;
    let path = matched.via_text();
    match matched.via.first().map(|step| &step.origin) {
        Some(Origin::Computed(why)) => format!("{verb} {account} through {path}: {why}"),
        _ if matched.via.len() <= 1 => format!("{verb} {account} itself"),
        _ => format!("{verb} {account} through {path}"),
    }
}

impl Fact for ExpectationFact<'_> {
    fn kind(&self) -> FactKind {
        FactKind::Expectation
    }

    fn field(&self, name: &str) -> Option<FactValue<'_>> {
        expectation::get(self, name)
    }
}

impl expectation::Fields for ExpectationFact<'_> {
    fn account(&self) -> Cow<'_, str> {
        self.subject.display.as_str().into()
    }

    fn account_sid(&self) -> Cow<'_, str> {
        account_sid(self.subject)
    }

    fn account_kind(&self) -> Cow<'_, str> {
        self.subject.kind.as_str().into()
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

    fn source(&self) -> Cow<'_, str> {
        self.verdict.source.as_str().into()
    }

    fn right(&self) -> Cow<'_, str> {
        self.verdict.right.constant.into()
    }

    fn allow_right(&self) -> Cow<'_, str> {
        rights::allow_right(self.logon_type).constant.into()
    }

    fn deny_right(&self) -> Cow<'_, str> {
        rights::deny_right(self.logon_type).constant.into()
    }

    fn holder(&self) -> Cow<'_, str> {
        let matched = self.verdict.matched.as_ref();
        matched
            .map(|m| m.written.as_str())
            .unwrap_or_default()
            .into()
    }

    fn holder_name(&self) -> Cow<'_, str> {
        let matched = self.verdict.matched.as_ref();
        let last = matched.and_then(|m| m.via.last());
        last.map(|step| step.principal.as_str())
            .unwrap_or_default()
            .into()
    }

    fn via(&self) -> Cow<'_, str> {
        let matched = self.verdict.matched.as_ref();
        matched.map(|m| m.via_text()).unwrap_or_default().into()
    }

    fn file(&self) -> Cow<'_, str> {
        self.file.unwrap_or_default().into()
    }

    fn line(&self) -> Cow<'_, str> {
        number_text(self.line)
    }

    fn replaced_file(&self) -> Cow<'_, str> {
        self.replaced_file.unwrap_or_default().into()
    }

    fn account_entry(&self) -> Cow<'_, str> {
        account_entry(self.subject).into()
    }

    fn symptom(&self) -> Cow<'_, str> {
        let app_pool = self.subject.is_app_pool();
        self.logon_type.symptom_for(app_pool).into()
    }

    fn proposed_line(&self) -> Cow<'_, str> {
        let right = self.proposed_right;
        let line = right.map(|right| proposed_line(right, self.subject));
        line.unwrap_or_default().into()
    }

    fn network_first(&self) -> bool {
        self.verdict.network_first
    }

    fn removed_by(&self) -> Cow<'_, str> {
        let removed = self.verdict.removed_by.as_ref();
        removed
            .map(|r| r.written.as_str())
            .unwrap_or_default()
            .into()
    }

    fn removed_group(&self) -> Cow<'_, str> {
        let removed = self.verdict.removed_by.as_ref();
        removed.map(|r| r.group.as_str()).unwrap_or_default().into()
    }

    fn removed_member(&self) -> Cow<'_, str> {
        let removed = self.verdict.removed_by.as_ref();
        removed
            .map(|r| r.member.as_str())
            .unwrap_or_default()
            .into()
    }

    fn removed_member_entry(&self) -> Cow<'_, str> {
        let removed = self.verdict.removed_by.as_ref();
        let entry = removed.map(|r| r.member_entry.as_str());
        entry.unwrap_or_default().into()
    }

    fn removed_file(&self) -> Cow<'_, str> {
        self.removed_at.map(|(f, _)| f).unwrap_or_default().into()
    }

    fn removed_line(&self) -> Cow<'_, str> {
        number_text(self.removed_at.map(|(_, l)| l))
    }
}
