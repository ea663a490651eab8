//! Findings: what a rule reports, as data with places in the inputs.

pub mod identity;

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::logon_type::LogonType;
use crate::span::Span;

/// Which input file a location is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileRef {
    /// A template of the chain, by index.
    Template(usize),
    /// The expectations file.
    Expectations,
}

/// A labelled place in an input.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Location {
    /// Which file.
    pub file: FileRef,
    /// Where in it.
    pub span: Span,
    /// What this place has to do with the finding.
    pub label: String,
}

/// One problem a rule found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id, e.g. `GPL101`.
    pub rule: String,
    /// The rule's name, e.g. `needed-logon-type-not-granted`.
    pub rule_name: String,
    /// How serious, after lowering for findings that rest on a default.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
    /// What Windows does: the symptom and error the user would see.
    pub note: Option<String>,
    /// The main place, in a template when there is one.
    pub primary: Option<Location>,
    /// Other places in templates, such as an earlier GPO's grant that the
    /// winning GPO's list replaces.
    pub secondary: Vec<Location>,
    /// The `[Group Membership]` line whose `__Members` list took away the
    /// membership through which a right would have granted the logon.
    pub removed_by: Option<Location>,
    /// The place in the expectations file that the finding is about.
    pub related: Option<Location>,
    /// The scope (machine group) whose chain of templates was evaluated,
    /// when the expectations declare scopes or a GPO is evaluated alone.
    pub scope: Option<String>,
    /// Every scope where the same cause applies, in name order, once
    /// findings are grouped by cause (see `check::causes`); `scope` is the
    /// first. Empty for a finding about no scope, and before grouping.
    pub scopes: Vec<String>,
    /// The account, for findings about one.
    pub account: Option<String>,
    /// The logon type, for findings about one.
    pub logon_type: Option<LogonType>,
    /// Whether it rests on a default rather than on a template's line.
    pub from_default: bool,
    /// The waiver that accepts it, if any: it is shown but does not fail the run.
    pub waived: Option<Waived>,
    /// Under `check --baseline`, whether the baseline has it too; `None`
    /// without a baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineState>,
}

/// A finding compared with `check --baseline`'s findings (matched by
/// [`identity::fingerprint`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BaselineState {
    /// Not on the baseline: it counts toward the exit code.
    New,
    /// Already on the baseline: shown only with `--baseline-show-all`,
    /// and never fails the run.
    Existing,
}

impl BaselineState {
    /// The word the JSON report uses.
    pub fn as_str(self) -> &'static str {
        match self {
            BaselineState::New => "new",
            BaselineState::Existing => "existing",
        }
    }
}

/// Why a finding is accepted, and until when.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Waived {
    /// The waiver's reason.
    pub reason: String,
    /// The last day the waiver holds, `YYYY-MM-DD`.
    pub expires: String,
}

impl Finding {
    /// Cuts each text to a bound, keeping both ends (see [`crate::clip`]):
    /// whatever the inputs hold, a report carries each finding in bounded
    /// size. Done once the findings are final, as waivers match the
    /// account named in full.
    pub fn clip_texts(&mut self) {
        use crate::clip::{MAX_QUOTED, MAX_TEXT, middle_owned};
        let cut = |text: &mut String, max| *text = middle_owned(std::mem::take(text), max);
        cut(&mut self.message, MAX_TEXT);
        for text in [&mut self.help, &mut self.note].into_iter().flatten() {
            cut(text, MAX_TEXT);
        }
        for name in [&mut self.account, &mut self.scope].into_iter().flatten() {
            cut(name, MAX_QUOTED);
        }
        for name in &mut self.scopes {
            cut(name, MAX_QUOTED);
        }
        let places = [&mut self.primary, &mut self.removed_by, &mut self.related];
        let places = places.into_iter().flatten().chain(&mut self.secondary);
        for place in places {
            cut(&mut place.label, MAX_TEXT);
        }
        if let Some(waived) = &mut self.waived {
            cut(&mut waived.reason, MAX_QUOTED);
        }
    }

    /// Rewrites template indices, e.g. from one chain's inputs to every
    /// template read in the run.
    pub fn remap_templates(&mut self, map: impl Fn(usize) -> usize) {
        let places = self
            .primary
            .iter_mut()
            .chain(self.secondary.iter_mut())
            .chain(self.removed_by.iter_mut())
            .chain(self.related.iter_mut());
        for place in places {
            if let FileRef::Template(index) = place.file {
                place.file = FileRef::Template(map(index));
            }
        }
    }

    /// What identifies the problem, whatever line it is on: rule, scope,
    /// account, logon type and the message's subject. Used for
    /// deduplication and fingerprints.
    pub fn identity(&self) -> String {
        let logon = self.logon_type.map(|t| t.as_str()).unwrap_or_default();
        format!(
            "{}|{}|{}|{}|{}",
            self.rule,
            self.scope.as_deref().unwrap_or_default(),
            self.account.as_deref().unwrap_or_default(),
            logon,
            self.message
        )
    }

    /// What makes two findings one cause: everything but the scope. Two
    /// scopes' findings with the same rule, account, logon type, deciding
    /// place (or, resting on a default, the same expectation and text) and
    /// waiver are one finding listing both scopes; anything that differs,
    /// such as the replaced list shown beside the deciding line, keeps
    /// them apart, so every scope listed has exactly the finding shown.
    pub fn cause_key(&self) -> CauseKey<'_> {
        CauseKey {
            rule: &self.rule,
            severity: self.severity,
            message: &self.message,
            help: self.help.as_deref(),
            note: self.note.as_deref(),
            primary: self.primary.as_ref(),
            secondary: &self.secondary,
            removed_by: self.removed_by.as_ref(),
            related: self.related.as_ref(),
            account: self.account.as_deref(),
            logon_type: self.logon_type,
            from_default: self.from_default,
            waived: self.waived.as_ref(),
        }
    }

    /// Whether `check --baseline` found it on the baseline already.
    pub fn is_existing(&self) -> bool {
        self.baseline == Some(BaselineState::Existing)
    }

    /// The scopes the finding applies in: [`Finding::scopes`] once grouped,
    /// else its one scope, if any.
    pub fn scope_names(&self) -> impl Iterator<Item = &str> + Clone {
        let single = self.scopes.is_empty().then_some(self.scope.as_deref());
        let single = single.flatten();
        self.scopes.iter().map(String::as_str).chain(single)
    }

    /// The sort key that keeps output deterministic: file, place, rule, account.
    /// Borrowed, so sorting copies no string: compare with
    /// [`Finding::order`].
    pub fn sort_key(&self) -> SortKey<'_> {
        let place = self.primary.as_ref().or(self.related.as_ref());
        (
            self.scope.as_deref(),
            place.map(|l| l.file),
            place.map_or(0, |l| l.span.start),
            &self.rule,
            self.account.as_deref(),
            self.logon_type,
        )
    }

    /// The report's order of two findings, by [`Finding::sort_key`]: for
    /// `sort_by`, which, unlike `sort_by_key`, lets the key borrow.
    pub fn order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
        a.sort_key().cmp(&b.sort_key())
    }
}

/// A finding's cause: every field but the scope (see [`Finding::cause_key`]).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct CauseKey<'f> {
    rule: &'f str,
    severity: Severity,
    message: &'f str,
    help: Option<&'f str>,
    note: Option<&'f str>,
    primary: Option<&'f Location>,
    secondary: &'f [Location],
    removed_by: Option<&'f Location>,
    related: Option<&'f Location>,
    account: Option<&'f str>,
    logon_type: Option<LogonType>,
    from_default: bool,
    waived: Option<&'f Waived>,
}

/// The order findings are reported in: scope, file, place, rule, account.
pub type SortKey<'f> = (
    Option<&'f str>,
    Option<FileRef>,
    usize,
    &'f str,
    Option<&'f str>,
    Option<LogonType>,
);

/// A finding resting on a default is one step less severe: the default
/// may not be what the machines really have.
pub fn lowered(severity: Severity) -> Severity {
    match severity {
        Severity::Error => Severity::Warning,
        Severity::Warning | Severity::Note => Severity::Note,
    }
}
