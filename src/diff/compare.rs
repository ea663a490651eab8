//! Comparing two snapshots into changes.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Cell, CellKey, Change, Diff, Expected, FindingChange, HoldersChange, Snapshot, VerdictChange,
};

/// Every difference between `base` and `head`: per scope (in name order,
/// the unscoped chain first) the verdict changes by account and logon
/// type, then the rights whose holders changed; then findings new on
/// HEAD, then findings gone from BASE, each by identity. With a
/// directory on both sides, its surveyed accounts' changes are
/// aggregated apart.
pub fn compare(base: &Snapshot, head: &Snapshot) -> Diff {
    let scopes: BTreeSet<&Option<String>> = [base, head]
        .iter()
        .flat_map(|s| {
            s.cells
                .keys()
                .map(|k| &k.0)
                .chain(s.holders.keys().map(|k| &k.0))
        })
        .collect();
    let mut changes = Vec::new();
    for scope in scopes {
        changes.extend(verdicts(base, head, scope).map(Change::Verdict));
        changes.extend(holders(base, head, scope).map(Change::Holders));
    }
    changes.extend(findings(head, base, true));
    changes.extend(findings(base, head, false));
    let directory = match (&base.surveyed, &head.surveyed) {
        (Some(b), Some(h)) => Some(super::surveyed::aggregate(b, h)),
        _ => None,
    };
    Diff { changes, directory }
}

fn verdicts<'a>(
    base: &'a Snapshot,
    head: &'a Snapshot,
    scope: &'a Option<String>,
) -> impl Iterator<Item = VerdictChange> + 'a {
    let keys: BTreeSet<&CellKey> = base
        .cells
        .keys()
        .chain(head.cells.keys())
        .filter(move |k| &k.0 == scope)
        .collect();
    keys.into_iter().filter_map(move |key| {
        let before = base.cells.get(key);
        let after = head.cells.get(key);
        if same(before, after) {
            return None;
        }
        let expected = head.expected.get(key).or(base.expected.get(key)).copied();
        Some(VerdictChange {
            scope: key.0.clone(),
            account: key.1.clone(),
            logon_type: key.2,
            expected,
            breaks: breaks(expected, before, after),
            before: before.cloned(),
            after: after.cloned(),
        })
    })
}

/// The same verdict, and the same restriction when restricted: which
/// entry decides may change without the logon changing.
fn same(before: Option<&Cell>, after: Option<&Cell>) -> bool {
    match (before, after) {
        (Some(b), Some(a)) => b.state == a.state && b.restriction == a.restriction,
        (None, None) => true,
        _ => false,
    }
}

/// An expectation that held on BASE and does not on HEAD.
fn breaks(expected: Option<Expected>, before: Option<&Cell>, after: Option<&Cell>) -> bool {
    let works = |c: Option<&Cell>| c.is_some_and(Cell::works);
    match expected {
        Some(Expected::Must) => works(before) && !works(after),
        Some(Expected::MustNot) => before.is_some() && !works(before) && works(after),
        None => false,
    }
}

fn holders<'a>(
    base: &'a Snapshot,
    head: &'a Snapshot,
    scope: &'a Option<String>,
) -> impl Iterator<Item = HoldersChange> + 'a {
    let empty = BTreeMap::new();
    let rights: BTreeSet<_> = base
        .holders
        .keys()
        .chain(head.holders.keys())
        .filter(move |k| &k.0 == scope)
        .cloned()
        .collect();
    rights.into_iter().filter_map(move |key| {
        let before = base.holders.get(&key).unwrap_or(&empty);
        let after = head.holders.get(&key).unwrap_or(&empty);
        let only = |a: &BTreeMap<String, String>, b: &BTreeMap<String, String>| -> Vec<String> {
            a.iter()
                .filter(|(id, _)| !b.contains_key(*id))
                .map(|(_, label)| label.clone())
                .collect()
        };
        let added = only(after, before);
        let removed = only(before, after);
        if added.is_empty() && removed.is_empty() {
            return None;
        }
        Some(HoldersChange {
            scope: key.0,
            right: key.1,
            added,
            removed,
        })
    })
}

/// The findings of `side` that `other` does not have.
fn findings<'a>(
    side: &'a Snapshot,
    other: &'a Snapshot,
    appeared: bool,
) -> impl Iterator<Item = Change> + 'a {
    side.findings
        .iter()
        .filter(|(key, _)| !other.findings.contains_key(*key))
        .map(move |(_, finding)| {
            Change::Finding(FindingChange {
                appeared,
                finding: finding.clone(),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::super::State;
    use super::*;
    use crate::logon_type::LogonType;

    fn cell(state: State) -> Cell {
        Cell {
            state,
            right: "SeServiceLogonRight",
            entry: None,
            via: Vec::new(),
            place: None,
            restriction: None,
        }
    }

    fn side(state: State, expected: Option<Expected>) -> Snapshot {
        let key: CellKey = (Some("T1".into()), "svc".into(), LogonType::Service);
        let mut s = Snapshot::default();
        s.cells.insert(key.clone(), cell(state));
        if let Some(e) = expected {
            s.expected.insert(key, e);
        }
        s
    }

    #[test]
    fn a_must_logon_that_stops_working_breaks() {
        let base = side(State::Allowed, Some(Expected::Must));
        let head = side(State::Denied, Some(Expected::Must));
        let diff = compare(&base, &head);
        assert!(diff.breaks());
        assert_eq!(diff.summary().refused, 1);
    }

    #[test]
    fn a_must_logon_already_broken_on_base_does_not_break() {
        let base = side(State::NotGranted, Some(Expected::Must));
        let head = side(State::Denied, Some(Expected::Must));
        let diff = compare(&base, &head);
        assert_eq!(diff.summary().verdicts, 1);
        assert!(!diff.breaks());
    }

    #[test]
    fn a_refused_logon_that_becomes_allowed_breaks_no_logon() {
        let base = side(State::Restricted, Some(Expected::MustNot));
        let head = side(State::Allowed, Some(Expected::MustNot));
        assert!(compare(&base, &head).breaks());
        let undeclared = compare(&side(State::Denied, None), &side(State::Allowed, None));
        assert!(!undeclared.breaks());
        assert_eq!(undeclared.summary().allowed, 1);
    }

    #[test]
    fn the_same_verdict_is_no_change() {
        let base = side(State::Allowed, None);
        assert!(compare(&base, &base.clone()).changes.is_empty());
    }
}
