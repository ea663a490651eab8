//! The fact of one declared expectation: an account, a logon type, what
//! the expectations file demands, and the verdict.

use crate::facts::{Fact, FactKind, FactValue, text_value as text};
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

/// The fields every fact about one expectation has: the account, the
/// logon type, and whether it must or must not be possible.
pub(super) fn expectation_field<'a>(
    subject: &'a Subject,
    logon_type: LogonType,
    must: bool,
    name: &str,
) -> Option<FactValue<'a>> {
    match name {
        "account" => text(subject.display.as_str()),
        "account_sid" => text(subject.sid.map(|s| s.to_string()).unwrap_or_default()),
        "account_kind" => text(subject.kind.as_str()),
        "account_entry" => text(account_entry(subject)),
        "logon_type" => text(logon_type.as_str()),
        "logon_description" => text(logon_type.description()),
        "expectation" => text(if must { "must" } else { "must-not" }),
        _ => None,
    }
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
        let v = self.verdict;
        let matched = v.matched.as_ref();
        let removed = v.removed_by.as_ref();
        match name {
            "verdict" => text(v.outcome.as_str()),
            "source" => text(v.source.as_str()),
            "right" => text(v.right.constant),
            "allow_right" => text(rights::allow_right(self.logon_type).constant),
            "deny_right" => text(rights::deny_right(self.logon_type).constant),
            "holder" => text(matched.map(|m| m.written.clone()).unwrap_or_default()),
            "holder_name" => text(
                matched
                    .and_then(|m| m.via.last())
                    .map(|step| step.principal.clone())
                    .unwrap_or_default(),
            ),
            "via" => text(matched.map(|m| m.via_text()).unwrap_or_default()),
            "file" => text(self.file.unwrap_or_default()),
            "replaced_file" => text(self.replaced_file.unwrap_or_default()),
            "removed_by" => text(removed.map(|r| r.written.as_str()).unwrap_or_default()),
            "removed_group" => text(removed.map(|r| r.group.as_str()).unwrap_or_default()),
            "removed_member" => text(removed.map(|r| r.member.as_str()).unwrap_or_default()),
            "removed_member_entry" => {
                text(removed.map(|r| r.member_entry.as_str()).unwrap_or_default())
            }
            "removed_file" => text(self.removed_at.map(|(f, _)| f).unwrap_or_default()),
            "removed_line" => text(
                self.removed_at
                    .map(|(_, l)| l.to_string())
                    .unwrap_or_default(),
            ),
            "line" => text(self.line.map(|l| l.to_string()).unwrap_or_default()),
            "symptom" => text(self.logon_type.symptom_for(self.subject.is_app_pool())),
            "network_first" => Some(FactValue::Bool(v.network_first)),
            "proposed_line" => text(
                self.proposed_right
                    .map(|right| proposed_line(right, self.subject))
                    .unwrap_or_default(),
            ),
            _ => expectation_field(self.subject, self.logon_type, self.must, name),
        }
    }
}
