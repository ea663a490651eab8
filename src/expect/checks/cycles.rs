//! Loops among the declared groups' `member_of`.
//!
//! Active Directory allows circular nesting and expands membership as a
//! transitive closure (MS-DRSR 4.1.8.3 `IDL_DRSGetMemberships`, MS-ADTS
//! 3.1.1.4.5.19 tokenGroups; facts doc §9 item 3), and so does the logon
//! model: a loop is a warning, so the user knows each group in it reaches
//! the others, never an error.
//!
//! Depth-first search with an explicit stack (a file may declare many
//! groups; recursion would tie the call stack to the input). Every loop
//! is found once, at the entry whose edge leads back into the open path.

use super::index::Index;
use crate::diagnostic::{Diagnostic, Severity};
use crate::expect::model::GroupDecl;
use crate::expect::names::Identity;

/// Warns about each membership loop at the `member_of` entry that closes it.
pub(super) fn check(groups: &[GroupDecl], warnings: &mut Vec<Diagnostic>) {
    let graph = edges(groups);
    let mut search = Search::new(groups.len());
    for root in 0..groups.len() {
        for cycle in search.from(root, &graph) {
            warnings.extend(report(groups, &cycle));
        }
    }
}

/// `from` is a member of group `to` through its entry number `entry`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Edge {
    from: usize,
    to: usize,
    entry: usize,
}

fn edges(groups: &[GroupDecl]) -> Vec<Vec<Edge>> {
    let identities: Vec<Identity> = groups
        .iter()
        .map(|g| Identity::of(&g.name.value, g.sid.as_ref().map(|s| &s.value)))
        .collect();
    let index = Index::new(&identities);
    let out_of = |(from, group): (usize, &GroupDecl)| {
        let entries = group.member_of.iter().enumerate();
        entries
            .filter_map(|(entry, name)| {
                let to = index.find(&Identity::of_entry(&name.value))?;
                Some(Edge { from, to, entry })
            })
            .collect()
    };
    groups.iter().enumerate().map(out_of).collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    New,
    Open,
    Done,
}

struct Search {
    marks: Vec<Mark>,
}

impl Search {
    fn new(len: usize) -> Self {
        Search {
            marks: vec![Mark::New; len],
        }
    }

    fn mark(&self, node: usize) -> Mark {
        self.marks.get(node).copied().unwrap_or(Mark::Done)
    }

    fn set(&mut self, node: usize, mark: Mark) {
        if let Some(slot) = self.marks.get_mut(node) {
            *slot = mark;
        }
    }

    /// The loops found searching from `root`: each as the edges around
    /// it, the closing edge last.
    fn from(&mut self, root: usize, graph: &[Vec<Edge>]) -> Vec<Vec<Edge>> {
        let mut cycles = Vec::new();
        if self.mark(root) != Mark::New {
            return cycles;
        }
        // The open path: each node with the edge taken out of it so far.
        let mut path: Vec<(usize, Option<Edge>)> = vec![(root, None)];
        self.set(root, Mark::Open);
        let mut next = vec![0usize];
        while let (Some(&(node, _)), Some(index)) = (path.last(), next.last_mut()) {
            let Some(edge) = graph.get(node).and_then(|out| out.get(*index)).copied() else {
                self.set(node, Mark::Done);
                path.pop();
                next.pop();
                continue;
            };
            *index += 1;
            match self.mark(edge.to) {
                Mark::New => {
                    if let Some(last) = path.last_mut() {
                        last.1 = Some(edge);
                    }
                    self.set(edge.to, Mark::Open);
                    path.push((edge.to, None));
                    next.push(0);
                }
                Mark::Open => cycles.push(around(&path, edge)),
                Mark::Done => {}
            }
        }
        cycles
    }
}

/// The edges from `closing.to` along the open path, then `closing`.
fn around(path: &[(usize, Option<Edge>)], closing: Edge) -> Vec<Edge> {
    let start = path
        .iter()
        .position(|(node, _)| *node == closing.to)
        .unwrap_or(0);
    // The last node's slot may still hold the edge to a child it finished
    // with; the closing edge is the one that leaves it now.
    let before_last = path.len().saturating_sub(1);
    let mut cycle: Vec<Edge> = path
        .iter()
        .take(before_last)
        .skip(start)
        .filter_map(|(_, edge)| *edge)
        .collect();
    cycle.push(closing);
    cycle
}

fn report(groups: &[GroupDecl], cycle: &[Edge]) -> Option<Diagnostic> {
    let closing = cycle.last()?;
    let entry = groups.get(closing.from)?.member_of.get(closing.entry)?;
    let mut names: Vec<&str> = cycle
        .iter()
        .filter_map(|edge| groups.get(edge.from).map(|g| g.name.value.as_str()))
        .collect();
    names.push(groups.get(closing.to)?.name.value.as_str());
    let mut diagnostic = Diagnostic::new(
        Severity::Warning,
        "expect::group-cycle",
        format!(
            "groups are members of each other in a loop: {}",
            names.join(" → ")
        ),
        entry.span,
    )
    .with_label("closes the loop")
    .with_help(
        "if the directory has no such loop, remove one of these `member_of` entries; if it has, nothing needs changing",
    )
    .with_note(
        "Active Directory allows circular nesting: each group in the loop is a member of every other one and of every group any of them belongs to, and the checks count it so",
    );
    for edge in cycle.iter().take(cycle.len().saturating_sub(1)) {
        if let Some(other) = groups
            .get(edge.from)
            .and_then(|g| g.member_of.get(edge.entry))
        {
            diagnostic = diagnostic.with_secondary(other.span, "part of the loop");
        }
    }
    Some(diagnostic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expect::model::Spanned;
    use crate::span::Span;

    /// Groups named by letter; entry `k` of group `i` gets span `10i+k`.
    fn groups(spec: &[(&str, &[&str])]) -> Vec<GroupDecl> {
        spec.iter()
            .enumerate()
            .map(|(i, (name, member_of))| GroupDecl {
                name: Spanned::new((*name).to_owned(), Span::new(100 + i, 101 + i)),
                sid: None,
                member_of: member_of
                    .iter()
                    .enumerate()
                    .map(|(k, m)| {
                        Spanned::new((*m).to_owned(), Span::new(10 * i + k, 10 * i + k + 1))
                    })
                    .collect(),
                password_policy: None,
                span: Span::default(),
            })
            .collect()
    }

    fn run(spec: &[(&str, &[&str])]) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        check(&groups(spec), &mut errors);
        errors
    }

    #[test]
    fn a_two_group_loop_is_named_and_labelled() {
        let errors = run(&[("A", &["B"]), ("B", &["a", "BUILTIN\\Users"])]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "expect::group-cycle");
        assert_eq!(errors[0].severity, Severity::Warning);
        assert!(
            errors[0].message.ends_with("A → B → A"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].labels[0].span, Span::new(10, 11));
        assert_eq!(errors[0].labels[1].span, Span::new(0, 1));
    }

    #[test]
    fn a_group_in_itself_is_a_loop() {
        let errors = run(&[("A", &["x", "A"])]);
        assert!(errors[0].message.ends_with("A → A"));
        assert_eq!(errors[0].labels.len(), 1);
        assert_eq!(errors[0].labels[0].span, Span::new(1, 2));
    }

    #[test]
    fn a_longer_loop_reached_from_outside_is_reported_once() {
        let errors = run(&[("X", &["A"]), ("A", &["B"]), ("B", &["C"]), ("C", &["A"])]);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.ends_with("A → B → C → A"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].labels[0].span, Span::new(30, 31));
        assert_eq!(errors[0].labels.len(), 3);
    }

    #[test]
    fn shared_parents_are_not_loops() {
        let errors = run(&[("A", &["C"]), ("B", &["C", "A"]), ("C", &[])]);
        assert!(errors.is_empty());
    }

    #[test]
    fn groups_match_by_sid() {
        let mut declared = groups(&[("A", &["S-1-5-21-1-2-3-1108"]), ("B", &["A"])]);
        declared[1].sid = Some(Spanned::new(
            crate::principal::Sid::parse("S-1-5-21-1-2-3-1108").unwrap(),
            Span::default(),
        ));
        let mut errors = Vec::new();
        check(&declared, &mut errors);
        assert_eq!(errors.len(), 1);
    }
}
