//! Every directory group the declared accounts and groups reach, made a
//! [`GroupDecl`] with its SID and its own direct groups, so that the
//! model sees nesting and loops (`Loop A` ⇄ `Loop B`) as it sees those
//! written under `groups:`. Only what is reached is added: a directory
//! of 5,000 groups adds the few the declared accounts are in.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::member_of::{direct, extend, is_builtin};
use crate::directory::{DirectoryIndex, Entry, Object};
use crate::model::{GroupDecl, fold};
use crate::principal::Sid;
use crate::span::{Span, Spanned};

/// The groups of `services.yaml`, findable by folded name and by SID.
struct Declared {
    by_name: HashMap<String, usize>,
    by_sid: HashMap<Sid, usize>,
}

impl Declared {
    fn new(groups: &[GroupDecl]) -> Self {
        let by_name = groups.iter().enumerate();
        let by_name = by_name.map(|(i, g)| (fold(&g.name.value), i)).collect();
        let by_sid = groups.iter().enumerate();
        let by_sid = by_sid
            .filter_map(|(i, g)| Some((g.sid.as_ref()?.value, i)))
            .collect();
        Declared { by_name, by_sid }
    }

    /// The declared group that is `entry`, if any.
    fn find(&self, index: &DirectoryIndex, entry: Entry<'_>) -> Option<usize> {
        let by_sid = entry.object.sid.and_then(|sid| self.by_sid.get(&sid));
        let by_name = || self.by_name.get(&fold(&index.name_of(entry)));
        by_sid.or_else(by_name).copied()
    }
}

/// Adds to `groups` every group reached from `seeds`, each with the span
/// `at` of what first reached it; a group `services.yaml` declares is
/// given what it lacks (its SID, its directory groups) instead.
pub(super) fn add<'a>(
    groups: &mut Vec<GroupDecl>,
    index: &'a DirectoryIndex,
    seeds: Vec<(Entry<'a>, Span)>,
) {
    let declared = Declared::new(groups);
    let mut seen: HashSet<*const Object> = HashSet::default();
    let mut queue = seeds;
    while let Some((group, at)) = queue.pop() {
        if is_builtin(&group) || !seen.insert(group.object) {
            continue;
        }
        let parents = direct(index, group);
        queue.extend(parents.iter().map(|&parent| (parent, at)));
        match declared.find(index, group) {
            Some(i) => fill_declared(groups.get_mut(i), index, group, parents),
            None => groups.push(new_group(index, group, parents, at)),
        }
    }
}

/// The groups the accounts are directly in, and the declared groups the
/// directory knows: where the walk starts.
pub(super) fn seeds<'a>(
    index: &'a DirectoryIndex,
    accounts: &[(Entry<'a>, Span)],
    groups: &[GroupDecl],
) -> Vec<(Entry<'a>, Span)> {
    let of_accounts = accounts.iter().flat_map(|&(entry, at)| {
        direct(index, entry)
            .into_iter()
            .map(move |group| (group, at))
    });
    let declared = groups.iter().filter_map(|g| {
        let entry = match &g.sid {
            Some(sid) => index.by_sid(&sid.value),
            None => index.find(&g.name.value),
        };
        Some((entry?, g.name.span))
    });
    let mut seeds: Vec<_> = of_accounts.chain(declared).collect();
    // Popped from the end: reversed, the first account's groups come first.
    seeds.reverse();
    seeds
}

fn new_group<'a>(
    index: &'a DirectoryIndex,
    group: Entry<'a>,
    parents: Vec<Entry<'a>>,
    at: Span,
) -> GroupDecl {
    let mut member_of = Vec::new();
    extend(&mut member_of, index, parents, at);
    GroupDecl {
        name: Spanned::new(index.name_of(group), at),
        sid: group.object.sid.map(|sid| Spanned::new(sid, at)),
        member_of,
        password_policy: None,
        span: at,
    }
}

fn fill_declared<'a>(
    decl: Option<&mut GroupDecl>,
    index: &'a DirectoryIndex,
    group: Entry<'a>,
    parents: Vec<Entry<'a>>,
) {
    let Some(decl) = decl else { return };
    let at = decl.name.span;
    if decl.sid.is_none() {
        decl.sid = group.object.sid.map(|sid| Spanned::new(sid, at));
    }
    extend(&mut decl.member_of, index, parents, at);
}
