//! What a change does: the verdicts, effective rights and findings of two
//! states of the same GPOs (BASE and HEAD), compared cell by cell into a
//! list of [`Change`]s that every format renders. Nothing here reads
//! files or git: the command line evaluates each side and hands over a
//! [`Snapshot`] of it.

mod compare;
mod snapshot;
mod surveyed;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::logon_type::LogonType;

pub use compare::compare;
pub use snapshot::{Side, snapshot, snapshot_surveyed};
pub use surveyed::{
    Cause, DirectoryChange, DirectoryChanges, LISTED, Survey, SurveyedCells, counted, grouped,
};

/// A cell's verdict, as `explain` shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// The rights allow the logon and nothing refuses it.
    Allowed,
    /// A deny right holds the account.
    Denied,
    /// No allow right holds the account.
    NotGranted,
    /// The rights allow it; an account restriction refuses it.
    Restricted,
}

impl State {
    /// The word used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Allowed => "allowed",
            State::Denied => "denied",
            State::NotGranted => "not-granted",
            State::Restricted => "restricted",
        }
    }
}

/// What `services.yaml` says of one account and logon type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expected {
    /// Listed under `logon:`.
    Must,
    /// Listed under `no_logon:`.
    MustNot,
}

/// A place in a template, as reports print it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The template's name (for a revision, `REV:path`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
}

/// One account's verdict for one logon type in one scope, with what
/// decides it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The verdict.
    pub state: State,
    /// The deciding right's constant.
    pub right: &'static str,
    /// The entry that matched (the one that denies, for `denied`).
    pub entry: Option<String>,
    /// From the account to the entry's principal.
    pub via: Vec<String>,
    /// Where the deciding right or entry is written.
    pub place: Option<Place>,
    /// For `restricted`: the Sub Status name and why.
    pub restriction: Option<String>,
}

impl Cell {
    /// Whether the logon works: allowed and not restricted.
    pub fn works(&self) -> bool {
        self.state == State::Allowed
    }
}

/// Which cell: scope (`None` for the command line's files as one
/// chain), account as declared, logon type.
pub type CellKey = (Option<String>, String, LogonType);

/// Which right in which scope.
pub type RightKey = (Option<String>, &'static str);

/// A finding reduced to what identifies it across the two sides: the
/// parts `gplint/v2` hashes (rule, GPO, account, logon type, entry text),
/// with the GPO relative to its side's input so BASE and HEAD agree.
pub type FindingKey = (String, String, String, String, String);

/// One side evaluated: every cell, every effective logon right's holders,
/// every finding.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// Every declared account × scope × logon type.
    pub cells: BTreeMap<CellKey, Cell>,
    /// What `services.yaml` expects of each cell (the same on both sides).
    pub expected: BTreeMap<CellKey, Expected>,
    /// Each effective logon right's holders per scope: identity → label.
    pub holders: BTreeMap<RightKey, BTreeMap<String, String>>,
    /// The findings by identity.
    pub findings: BTreeMap<FindingKey, FindingView>,
    /// With a directory: the cells of its accounts that `services.yaml`
    /// does not declare, kept apart from [`Snapshot::cells`].
    pub surveyed: Option<SurveyedCells>,
}

/// A finding as the diff shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingView {
    /// The rule's id.
    pub rule: String,
    /// Its severity.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// The scopes it reaches.
    pub scopes: Vec<String>,
    /// The account, for a finding about one.
    pub account: Option<String>,
    /// The logon type, for a finding about one.
    pub logon_type: Option<LogonType>,
}

/// One difference between BASE and HEAD.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    /// A declared account's verdict changed.
    Verdict(VerdictChange),
    /// An effective logon right gained or lost holders.
    Holders(HoldersChange),
    /// A finding appeared on HEAD or disappeared from BASE.
    Finding(FindingChange),
}

/// A cell whose verdict (or restriction) differs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerdictChange {
    /// The scope; absent for the command line's files as one chain.
    pub scope: Option<String>,
    /// The account as declared.
    pub account: String,
    /// The logon type.
    pub logon_type: LogonType,
    /// What `services.yaml` expects, if anything.
    pub expected: Option<Expected>,
    /// BASE's cell; absent when BASE has no such scope.
    pub before: Option<Cell>,
    /// HEAD's cell; absent when HEAD has no such scope.
    pub after: Option<Cell>,
    /// Whether the change breaks an expectation that held on BASE.
    pub breaks: bool,
}

impl VerdictChange {
    /// A logon that worked on BASE and no longer does.
    pub fn refuses(&self) -> bool {
        works(self.before.as_ref()) && !works(self.after.as_ref())
    }

    /// A logon that did not work on BASE and does on HEAD.
    pub fn allows(&self) -> bool {
        !works(self.before.as_ref()) && works(self.after.as_ref())
    }
}

fn works(cell: Option<&Cell>) -> bool {
    cell.is_some_and(Cell::works)
}

/// Holders added to or removed from one effective right in one scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HoldersChange {
    /// The scope.
    pub scope: Option<String>,
    /// The right's constant.
    pub right: &'static str,
    /// Holders on HEAD only, as written with the name gplint knows.
    pub added: Vec<String>,
    /// Holders on BASE only.
    pub removed: Vec<String>,
}

/// A finding on one side only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingChange {
    /// `true` when on HEAD only, `false` when on BASE only.
    pub appeared: bool,
    /// The finding.
    pub finding: FindingView,
}

/// The whole comparison, in a deterministic order: verdicts and holders
/// by scope, then findings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Every change.
    pub changes: Vec<Change>,
    /// With a directory: what the change does to its accounts that
    /// `services.yaml` does not declare, aggregated by cause.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub directory: Option<DirectoryChanges>,
}

/// The counts a headline says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Logons that worked on BASE and no longer do.
    pub refused: usize,
    /// Logons that work on HEAD and did not on BASE.
    pub allowed: usize,
    /// Expectations that held on BASE and HEAD breaks.
    pub broken: usize,
    /// Verdict changes of any kind.
    pub verdicts: usize,
    /// Effective rights whose holders changed.
    pub rights: usize,
    /// Findings on HEAD only.
    pub findings_new: usize,
    /// Findings on BASE only.
    pub findings_gone: usize,
}

impl Diff {
    /// The verdict changes.
    pub fn verdicts(&self) -> impl Iterator<Item = &VerdictChange> {
        self.changes.iter().filter_map(|c| match c {
            Change::Verdict(v) => Some(v),
            _ => None,
        })
    }

    /// Whether the change breaks an expectation that held on BASE.
    pub fn breaks(&self) -> bool {
        self.verdicts().any(|v| v.breaks)
    }

    /// The counts.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for change in &self.changes {
            match change {
                Change::Verdict(v) => {
                    s.verdicts += 1;
                    s.refused += usize::from(v.refuses());
                    s.allowed += usize::from(v.allows());
                    s.broken += usize::from(v.breaks);
                }
                Change::Holders(_) => s.rights += 1,
                Change::Finding(f) if f.appeared => s.findings_new += 1,
                Change::Finding(_) => s.findings_gone += 1,
            }
        }
        s
    }
}

impl Summary {
    /// "This change refuses 3 logons that worked before, and allows 1 new."
    pub fn headline(&self) -> String {
        if self.verdicts == 0 && self.rights == 0 {
            return "This change leaves every declared account's logons and every logon right as they were.".to_owned();
        }
        let logons = |n: usize| if n == 1 { "logon" } else { "logons" };
        let mut line = format!(
            "This change refuses {} {} that worked before, and allows {} new",
            self.refused,
            logons(self.refused),
            self.allowed
        );
        if self.broken > 0 {
            let plural = if self.broken == 1 { "" } else { "s" };
            line.push_str(&format!(
                "; it breaks {} expectation{plural} that held on BASE",
                self.broken
            ));
        }
        line.push('.');
        line
    }
}
