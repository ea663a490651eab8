//! The directory's accounts that `services.yaml` does not declare
//! ([`AccountDecl::surveyed`](crate::model::AccountDecl::surveyed)): `diff`
//! with a directory evaluates them on both sides, but a change to
//! thousands of accounts is read as one line per cause, not one per
//! account. Each side keeps a brief cell per account, logon type and
//! scope (a state, a restriction's Sub Status, an interned cause);
//! [`aggregate`] compares them in one pass into [`DirectoryChange`]s.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;

use super::State;
use crate::logon_type::LogonType;

/// How many account names a [`DirectoryChange`] lists.
pub const LISTED: usize = 20;

/// The surveyed accounts of a run, the same on both sides: their names
/// in the expectations' order, and each name's position.
#[derive(Clone, Debug, Default)]
pub struct Survey {
    names: Arc<[String]>,
    position: Arc<HashMap<String, u32>>,
}

impl Survey {
    /// The survey of `names` (each once, as the expectations write them).
    pub fn new(names: Vec<String>) -> Survey {
        let position = names
            .iter()
            .enumerate()
            .filter_map(|(i, name)| Some((name.clone(), u32::try_from(i).ok()?)))
            .collect();
        Survey {
            names: names.into(),
            position: Arc::new(position),
        }
    }

    /// How many accounts it holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Whether `name` (as the expectations write it) is surveyed.
    pub fn contains(&self, name: &str) -> bool {
        self.position.contains_key(name)
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.position.get(name).map(|&i| i as usize)
    }
}

/// What decides a surveyed account's cell: the right and the principal
/// whose entry matched, or the restriction that refuses the logon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct CauseId {
    right: &'static str,
    principal: Option<u32>,
    restriction: Option<&'static str>,
}

/// One surveyed account's verdict for one logon type, in brief.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Brief {
    state: State,
    cause: u32,
}

/// One side's cells of the surveyed accounts.
#[derive(Clone, Debug, Default)]
pub struct SurveyedCells {
    survey: Survey,
    /// Per scope, per account (by position in the survey), per logon type.
    scopes: BTreeMap<Option<String>, Vec<[Option<Brief>; LogonType::ALL.len()]>>,
    causes: Vec<CauseId>,
    cause_ids: HashMap<CauseId, u32>,
    principals: Vec<String>,
    principal_ids: HashMap<String, u32>,
}

/// A surveyed account's cell as the snapshot hands it over.
#[derive(Clone, Copy, Debug)]
pub struct Observed<'a> {
    /// The verdict.
    pub state: State,
    /// The deciding right.
    pub right: &'static str,
    /// The principal whose entry matched, by the name gplint knows.
    pub principal: Option<&'a str>,
    /// The Sub Status of the restriction that refuses it.
    pub restriction: Option<&'static str>,
}

impl SurveyedCells {
    /// No cell yet, for the accounts of `survey`.
    pub fn new(survey: &Survey) -> SurveyedCells {
        SurveyedCells {
            survey: survey.clone(),
            ..SurveyedCells::default()
        }
    }

    /// The survey these cells are of.
    pub fn survey(&self) -> &Survey {
        &self.survey
    }

    /// Records `name`'s cell for `logon_type` in `scope`; `false` when
    /// `name` is not surveyed.
    pub fn record(
        &mut self,
        scope: &Option<String>,
        name: &str,
        logon_type: LogonType,
        seen: Observed<'_>,
    ) -> bool {
        let Some(position) = self.survey.position(name) else {
            return false;
        };
        let cause = self.cause(seen);
        let accounts = self.survey.len();
        let rows = match self.scopes.get_mut(scope) {
            Some(rows) => rows,
            None => self
                .scopes
                .entry(scope.clone())
                .or_insert_with(|| vec![[None; LogonType::ALL.len()]; accounts]),
        };
        if let Some(slot) = rows
            .get_mut(position)
            .and_then(|row| row.get_mut(logon_index(logon_type)))
        {
            *slot = Some(Brief {
                state: seen.state,
                cause,
            });
        }
        true
    }

    fn cause(&mut self, seen: Observed<'_>) -> u32 {
        let principal = seen.principal.map(|p| match self.principal_ids.get(p) {
            Some(&id) => id,
            None => {
                let id = next_id(self.principals.len());
                self.principals.push(p.to_owned());
                self.principal_ids.insert(p.to_owned(), id);
                id
            }
        });
        let cause = CauseId {
            right: seen.right,
            principal,
            restriction: seen.restriction,
        };
        *self.cause_ids.entry(cause).or_insert_with(|| {
            let id = next_id(self.causes.len());
            self.causes.push(cause);
            id
        })
    }

    fn resolve(&self, id: u32) -> Option<CauseRef<'_>> {
        let cause = self.causes.get(id as usize)?;
        Some(CauseRef {
            right: cause.right,
            principal: cause
                .principal
                .and_then(|p| self.principals.get(p as usize))
                .map(String::as_str),
            restriction: cause.restriction,
        })
    }

    fn cell(&self, scope: &Option<String>, account: usize, logon: usize) -> Option<Brief> {
        *self.scopes.get(scope)?.get(account)?.get(logon)?
    }
}

/// Ids are positions in a table that holds at most one entry per cell.
fn next_id(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

fn logon_index(logon_type: LogonType) -> usize {
    LogonType::ALL
        .iter()
        .position(|&t| t == logon_type)
        .unwrap_or_default()
}

/// A cause borrowed from one side's tables, so the same cause from BASE
/// and from HEAD is one key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct CauseRef<'a> {
    right: &'a str,
    principal: Option<&'a str>,
    restriction: Option<&'a str>,
}

/// Through what a change happens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cause {
    /// The right whose entry (or whose lack of one) decides.
    pub right: String,
    /// The principal of that entry, by the name gplint knows (a group
    /// such as `CONTOSO\Domain Users`, or the account itself).
    pub principal: Option<String>,
    /// The Sub Status of the restriction that refuses the logon.
    pub restriction: Option<String>,
}

/// Surveyed accounts whose verdict for one logon type changes the same
/// way through the same cause, over every scope where it does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DirectoryChange {
    /// The logon type.
    pub logon_type: LogonType,
    /// BASE's verdict; absent when BASE has no such scope.
    pub before: Option<State>,
    /// HEAD's verdict; absent when HEAD has no such scope.
    pub after: Option<State>,
    /// Through what.
    pub cause: Cause,
    /// The scopes where it happens (`null`: the inputs as one chain).
    pub scopes: Vec<Option<String>>,
    /// How many accounts, each counted once however many scopes.
    pub count: usize,
    /// The first [`LISTED`] of them, by name.
    pub accounts: Vec<String>,
}

/// What the directory's surveyed accounts do in a diff.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DirectoryChanges {
    /// How many accounts were surveyed.
    pub surveyed: usize,
    /// The changes, the most accounts first.
    pub changes: Vec<DirectoryChange>,
}

type Key<'a> = (LogonType, Option<State>, Option<State>, CauseRef<'a>);

#[derive(Default)]
struct Group<'a> {
    scopes: BTreeSet<&'a Option<String>>,
    accounts: HashSet<u32>,
}

/// Every surveyed cell whose verdict differs between `base` and `head`,
/// grouped in one pass by logon type, the two verdicts and the cause.
pub fn aggregate(base: &SurveyedCells, head: &SurveyedCells) -> DirectoryChanges {
    let scopes: BTreeSet<&Option<String>> = base.scopes.keys().chain(head.scopes.keys()).collect();
    let accounts = base.survey.len().max(head.survey.len());
    let mut groups: HashMap<Key<'_>, Group<'_>> = HashMap::default();
    for scope in scopes {
        for account in 0..accounts {
            for (logon, &logon_type) in LogonType::ALL.iter().enumerate() {
                let before = base.cell(scope, account, logon);
                let after = head.cell(scope, account, logon);
                let Some(cause) = cause(base, before, head, after) else {
                    continue;
                };
                let key = (
                    logon_type,
                    before.map(|b| b.state),
                    after.map(|a| a.state),
                    cause,
                );
                let group = groups.entry(key).or_default();
                group.scopes.insert(scope);
                group
                    .accounts
                    .insert(u32::try_from(account).unwrap_or(u32::MAX));
            }
        }
    }
    let names = if base.survey.len() >= head.survey.len() {
        &base.survey.names
    } else {
        &head.survey.names
    };
    let mut changes: Vec<DirectoryChange> = groups
        .into_iter()
        .map(|(key, group)| change(key, group, names))
        .collect();
    changes.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| order(a).cmp(&order(b))));
    DirectoryChanges {
        surveyed: accounts,
        changes,
    }
}

/// The cause of a change, `None` when nothing changes: the same verdict
/// is no change, whichever entry decides it. Between a logon the rights
/// allow on both sides, the restriction that came, went or changed;
/// otherwise the entry of the side whose verdict weighs more (a deny,
/// then a grant, restricted or not), on a tie HEAD's.
fn cause<'a>(
    base: &'a SurveyedCells,
    before: Option<Brief>,
    head: &'a SurveyedCells,
    after: Option<Brief>,
) -> Option<CauseRef<'a>> {
    let same = match (before, after) {
        (Some(b), Some(a)) => b.state == a.state && same_restriction(base, b, head, a),
        (None, None) => true,
        _ => false,
    };
    if same {
        return None;
    }
    let restricted = |b: Option<Brief>| b.is_some_and(|b| b.state == State::Restricted);
    let allowed = |b: Option<Brief>| b.is_some_and(|b| works_or_restricted(b.state));
    if (restricted(before) || restricted(after)) && allowed(before) && allowed(after) {
        // The rights allow it on both sides: a restriction came, went or
        // changed, whichever entry grants it.
        let (side, brief) = if restricted(after) {
            (head, after)
        } else {
            (base, before)
        };
        let cause = brief.and_then(|b| side.resolve(b.cause))?;
        return Some(CauseRef {
            principal: None,
            ..cause
        });
    }
    // Otherwise the entries decide: a restriction only hides a grant.
    let weight = |b: Option<Brief>| b.map_or(0, |b| weight(b.state));
    let (side, brief) = if weight(before) > weight(after) {
        (base, before)
    } else {
        (head, after)
    };
    let cause = brief.and_then(|b| side.resolve(b.cause))?;
    Some(CauseRef {
        restriction: None,
        ..cause
    })
}

fn works_or_restricted(state: State) -> bool {
    matches!(state, State::Allowed | State::Restricted)
}

fn same_restriction(base: &SurveyedCells, b: Brief, head: &SurveyedCells, a: Brief) -> bool {
    let restriction = |side: &SurveyedCells, brief: Brief| {
        side.causes
            .get(brief.cause as usize)
            .and_then(|c| c.restriction)
    };
    restriction(base, b) == restriction(head, a)
}

/// A deny decides over a grant, a grant over its absence; a restricted
/// logon is granted.
fn weight(state: State) -> u8 {
    match state {
        State::Denied => 3,
        State::Restricted | State::Allowed => 2,
        State::NotGranted => 1,
    }
}

fn change(key: Key<'_>, group: Group<'_>, names: &[String]) -> DirectoryChange {
    let (logon_type, before, after, cause) = key;
    let mut accounts: Vec<&str> = group
        .accounts
        .iter()
        .filter_map(|&i| names.get(i as usize))
        .map(String::as_str)
        .collect();
    let count = accounts.len();
    let by_name = |a: &&str, b: &&str| {
        a.to_lowercase()
            .cmp(&b.to_lowercase())
            .then_with(|| a.cmp(b))
    };
    if accounts.len() > LISTED {
        accounts.select_nth_unstable_by(LISTED, by_name);
        accounts.truncate(LISTED);
    }
    accounts.sort_by(by_name);
    DirectoryChange {
        logon_type,
        before,
        after,
        cause: Cause {
            right: cause.right.to_owned(),
            principal: cause.principal.map(str::to_owned),
            restriction: cause.restriction.map(str::to_owned),
        },
        scopes: group.scopes.into_iter().cloned().collect(),
        count,
        accounts: accounts.into_iter().map(str::to_owned).collect(),
    }
}

type Order<'a> = (
    LogonType,
    Option<State>,
    Option<State>,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
);

fn order(c: &DirectoryChange) -> Order<'_> {
    (
        c.logon_type,
        c.before,
        c.after,
        c.cause.right.as_str(),
        c.cause.principal.as_deref(),
        c.cause.restriction.as_deref(),
    )
}

impl DirectoryChange {
    /// "denies batch logon to 4,212 accounts through CONTOSO\Domain Users
    /// (SeDenyBatchLogonRight, allowed → denied, scope sql-servers)".
    pub fn sentence(&self) -> String {
        let logon = self.logon_type.as_str();
        let accounts = counted(self.count, "account");
        let what = match self.after {
            Some(State::Denied) => format!("denies {logon} logon to {accounts}"),
            Some(State::Allowed) => format!("allows {logon} logon to {accounts}"),
            Some(State::NotGranted) => format!("no longer grants {logon} logon to {accounts}"),
            Some(State::Restricted) => format!("restricts {logon} logon of {accounts}"),
            None => format!("drops the {logon} logon verdicts of {accounts}"),
        };
        let through = match (&self.cause.principal, &self.cause.restriction) {
            (_, Some(status)) => format!(" by {status}"),
            (Some(principal), None) => format!(" through {principal}"),
            (None, None) => String::new(),
        };
        let state = |s: Option<State>| s.map_or("absent", State::as_str);
        format!(
            "{what}{through} ({}, {} → {}, {})",
            self.cause.right,
            state(self.before),
            state(self.after),
            self.scopes_text()
        )
    }

    /// "scope a", "scopes a, b, c, d, e, 4 more", "the inputs as one chain".
    pub fn scopes_text(&self) -> String {
        match self.scopes.as_slice() {
            [None] => "the inputs as one chain".to_owned(),
            [Some(_)] => format!("scope {}", self.scope_list()),
            _ => format!("scopes {}", self.scope_list()),
        }
    }

    /// The scopes' names, the first five then how many more.
    pub fn scope_list(&self) -> String {
        const SHOWN: usize = 5;
        let name = |s: &Option<String>| {
            s.clone()
                .unwrap_or_else(|| "the inputs as one chain".into())
        };
        let mut names: Vec<String> = self.scopes.iter().take(SHOWN).map(name).collect();
        if let Some(more) = self.scopes.len().checked_sub(SHOWN).filter(|&n| n > 0) {
            names.push(format!("{} more", grouped(more)));
        }
        names.join(", ")
    }

    /// The listed accounts, then "(N more)" when there are more.
    pub fn accounts_text(&self) -> String {
        let mut text = self.accounts.join(", ");
        if let Some(more) = self
            .count
            .checked_sub(self.accounts.len())
            .filter(|&n| n > 0)
        {
            text.push_str(&format!(", … ({} more)", grouped(more)));
        }
        text
    }
}

/// "1 account", "4,212 accounts".
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", grouped(n))
    }
}

/// `4212` as "4,212".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(state: State, principal: Option<&str>) -> Observed<'_> {
        Observed {
            state,
            right: "SeBatchLogonRight",
            principal,
            restriction: None,
        }
    }

    fn sides(n: usize) -> (SurveyedCells, SurveyedCells) {
        let survey = Survey::new((0..n).map(|i| format!("C\\u{i:02}")).collect());
        (SurveyedCells::new(&survey), SurveyedCells::new(&survey))
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(4212), "4,212");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn a_removed_grant_is_one_change_through_the_group_with_twenty_names() {
        let (mut base, mut head) = sides(25);
        let scope = Some("sql".to_owned());
        for i in (0..25).rev() {
            let name = format!("C\\u{i:02}");
            let du = Some("C\\Domain Users");
            base.record(&scope, &name, LogonType::Batch, seen(State::Allowed, du));
            head.record(
                &scope,
                &name,
                LogonType::Batch,
                seen(State::NotGranted, None),
            );
            // The same verdict through another entry is no change.
            base.record(&scope, &name, LogonType::Network, seen(State::Allowed, du));
            head.record(
                &scope,
                &name,
                LogonType::Network,
                seen(State::Allowed, None),
            );
        }
        let out = aggregate(&base, &head);
        assert_eq!(out.surveyed, 25);
        let [change] = out.changes.as_slice() else {
            panic!("one change: {out:?}");
        };
        assert_eq!(change.count, 25);
        assert_eq!(change.accounts.len(), LISTED);
        assert_eq!(change.accounts.first().map(String::as_str), Some("C\\u00"));
        assert_eq!(change.accounts.last().map(String::as_str), Some("C\\u19"));
        assert_eq!(
            change.sentence(),
            "no longer grants batch logon to 25 accounts through C\\Domain Users (SeBatchLogonRight, allowed → not-granted, scope sql)"
        );
        assert!(change.accounts_text().ends_with("C\\u19, … (5 more)"));
    }

    #[test]
    fn a_deny_is_the_cause_and_scopes_merge_counting_each_account_once() {
        let (mut base, mut head) = sides(3);
        for scope in [Some("a".to_owned()), Some("b".to_owned())] {
            for name in ["C\\u00", "C\\u01"] {
                base.record(
                    &scope,
                    name,
                    LogonType::Batch,
                    seen(State::Allowed, Some("X")),
                );
                let deny = Observed {
                    right: "SeDenyBatchLogonRight",
                    ..seen(State::Denied, Some("C\\Domain Users"))
                };
                head.record(&scope, name, LogonType::Batch, deny);
            }
        }
        let out = aggregate(&base, &head);
        let [change] = out.changes.as_slice() else {
            panic!("one change: {out:?}");
        };
        assert_eq!(change.count, 2);
        assert_eq!(change.cause.right, "SeDenyBatchLogonRight");
        assert_eq!(change.scopes_text(), "scopes a, b");
        assert_eq!(change.accounts_text(), "C\\u00, C\\u01");
    }

    #[test]
    fn a_restriction_decides_only_between_two_logons_the_rights_allow() {
        let (mut base, mut head) = sides(2);
        let du = Some("C\\Domain Users");
        let expired = |principal| Observed {
            restriction: Some("STATUS_PASSWORD_EXPIRED"),
            ..seen(State::Restricted, principal)
        };
        // u00: the grant goes; it was restricted, the grant is the cause.
        base.record(&None, "C\\u00", LogonType::Batch, expired(du));
        head.record(
            &None,
            "C\\u00",
            LogonType::Batch,
            seen(State::NotGranted, None),
        );
        // u01: still granted, now expired: the restriction is the cause.
        base.record(&None, "C\\u01", LogonType::Batch, seen(State::Allowed, du));
        head.record(&None, "C\\u01", LogonType::Batch, expired(du));
        let out = aggregate(&base, &head);
        let causes: Vec<(Option<State>, Option<&str>, Option<&str>)> = out
            .changes
            .iter()
            .map(|c| {
                let cause = &c.cause;
                (
                    c.after,
                    cause.principal.as_deref(),
                    cause.restriction.as_deref(),
                )
            })
            .collect();
        let expected = [
            (
                Some(State::Restricted),
                None,
                Some("STATUS_PASSWORD_EXPIRED"),
            ),
            (Some(State::NotGranted), du, None),
        ];
        assert_eq!(causes, expected);
        let scopes = out.changes.first().map(DirectoryChange::scopes_text);
        assert_eq!(scopes.as_deref(), Some("the inputs as one chain"));
    }

    #[test]
    fn a_name_not_surveyed_is_not_recorded() {
        let (mut base, _) = sides(1);
        assert!(!base.record(&None, "C\\x", LogonType::Batch, seen(State::Allowed, None)));
    }
}
