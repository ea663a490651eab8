//! Direct group memberships, gathered once from the three places AD
//! keeps them: the member's `memberOf`, the group's `member`, and the
//! member's `primaryGroupID` (which neither of the others lists).
//!
//! Stored as one flat list sorted by member (compressed rows), built by
//! counting rather than sorting, so building stays linear in the number
//! of references.

use rustc_hash::FxHashSet as HashSet;

use super::tables::{Id, Tables};
use crate::directory::{Export, ObjectKind};

/// Each object's direct groups, in object-number order, each once.
#[derive(Debug, Default)]
pub(super) struct Memberships {
    /// `starts[id]..starts[id + 1]` is the range of `groups` for `id`.
    starts: Vec<u32>,
    groups: Vec<Id>,
}

impl Memberships {
    /// Resolves every membership reference of every export.
    pub fn build(tables: &mut Tables, exports: &[Export]) -> Memberships {
        let edges = edges(tables, exports);
        let count = tables.objects.len();
        let mut starts = vec![0u32; count + 1];
        for &(member, _) in &edges {
            if let Some(slot) = starts.get_mut(member as usize + 1) {
                *slot += 1;
            }
        }
        for at in 1..starts.len() {
            let before = starts.get(at - 1).copied().unwrap_or(0);
            if let Some(slot) = starts.get_mut(at) {
                *slot += before;
            }
        }
        let mut fill = starts.clone();
        let mut groups = vec![0; edges.len()];
        for (member, group) in edges {
            let Some(next) = fill.get_mut(member as usize) else {
                continue;
            };
            if let Some(slot) = groups.get_mut(*next as usize) {
                *slot = group;
            }
            *next += 1;
        }
        let mut memberships = Memberships { starts, groups };
        memberships.order_rows();
        memberships
    }

    /// Sorts each row into object order and drops repeats, compacting
    /// the list.
    fn order_rows(&mut self) {
        let mut kept = Vec::with_capacity(self.groups.len());
        let mut starts = Vec::with_capacity(self.starts.len());
        starts.push(0);
        for window in self.starts.windows(2) {
            let &[from, to] = <&[u32; 2]>::try_from(window).unwrap_or(&[0, 0]);
            let mut row = self
                .groups
                .get(from as usize..to as usize)
                .unwrap_or_default()
                .to_vec();
            row.sort_unstable();
            row.dedup();
            kept.extend(row);
            starts.push(u32::try_from(kept.len()).unwrap_or(u32::MAX));
        }
        self.starts = starts;
        self.groups = kept;
    }

    /// The direct groups of `id`.
    pub fn of(&self, id: Id) -> &[Id] {
        let at = id as usize;
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&from), Some(&to)) => self.groups.get(from as usize..to as usize),
            _ => None,
        }
        .unwrap_or_default()
    }

    /// Every group `id` reaches through nesting, each once, nearest
    /// first; never `id` itself, even when a cycle leads back to it.
    /// Bounded by the groups reached: a visited set, not a depth limit.
    pub fn transitive(&self, id: Id) -> Vec<Id> {
        let mut seen = HashSet::default();
        seen.insert(id);
        let mut found = Vec::new();
        let mut next = 0;
        let mut followed = 0;
        let mut frontier = vec![id];
        while let Some(&at) = frontier.get(next) {
            next += 1;
            for &group in self.of(at) {
                followed += 1;
                if seen.insert(group) {
                    found.push(group);
                    frontier.push(group);
                }
            }
        }
        crate::work::add(crate::work::Counter::DirectoryWork, followed);
        found
    }
}

/// Every (member, group) pair the exports state, resolved; references
/// to objects outside the exports are dropped.
fn edges(tables: &mut Tables, exports: &[Export]) -> Vec<(Id, Id)> {
    let mut edges = Vec::new();
    for id in 0..tables.objects.len() {
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        let Some(object) = tables.object(exports, id) else {
            continue;
        };
        for reference in &object.member_of {
            if let Some(group) = tables.resolve(reference) {
                edges.push((id, group));
            }
        }
        for reference in &object.members {
            if let Some(member) = tables.resolve(reference) {
                edges.push((member, id));
            }
        }
        if let Some(group) = primary_group(tables, exports, id) {
            edges.push((id, group));
        }
    }
    let is_group = |group: Id| {
        tables
            .object(exports, group)
            .is_some_and(|g| g.kind == ObjectKind::Group)
    };
    edges.retain(|&(member, group)| member != group && is_group(group));
    edges
}

/// The primary group: the RID of `primaryGroupID` in the member's
/// domain, whose SID is the member's own less its RID, or its domain's.
fn primary_group(tables: &mut Tables, exports: &[Export], id: Id) -> Option<Id> {
    let object = tables.object(exports, id)?;
    let rid = object.primary_group_rid?;
    let domain_sid = object.sid.and_then(|sid| sid.domain()).or_else(|| {
        let number = tables.object_domain.get(id as usize).copied().flatten()?;
        tables.domain(exports, number)?.sid
    })?;
    tables.work += 1;
    tables.by_sid.get(&domain_sid.with_rid(rid)?).copied()
}
