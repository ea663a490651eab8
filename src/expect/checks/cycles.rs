//! Loops among the declared groups' `member_of`.
//!
//! Active Directory allows circular nesting and expands membership as a
//! transitive closure (MS-DRSR 4.1.8.3 `IDL_DRSGetMemberships`, MS-ADTS
//! 3.1.1.4.5.19 tokenGroups; facts doc §9 item 3), and so does the logon
//! model: a loop is a warning, so the user knows each group in it reaches
//! the others, never an error.
//!
//! Groups that reach each other (a strongly connected component) are one
//! loop and get one warning, naming one cycle through them: warning at
//! every entry that closes a cycle repeated the loop once per entry (a
//! 223 KB file gave 1.4 GB of warnings). The cycle is found by a
//! depth-first search with an explicit stack (a file may declare many
//! groups; recursion would tie the call stack to the input), at the first
//! entry whose edge leads back into the open path; at most [`LISTED`]
//! groups and entries are named.

use super::index::Index;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::GroupDecl;
use crate::expect::names::Identity;

/// How many groups of a loop the warning names, and how many of its
/// entries it labels.
const LISTED: usize = 20;

/// Warns once about each membership loop, at the `member_of` entry that
/// first closes it.
pub(super) fn check(groups: &[GroupDecl], warnings: &mut Vec<Diagnostic>) {
    let graph = edges(groups);
    let components = components(&graph);
    let mut search = Search::new(groups.len(), components);
    for root in 0..groups.len() {
        for (cycle, size) in search.from(root, &graph) {
            warnings.extend(report(groups, &cycle, size));
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

/// The strongly connected component of each group, and each component's
/// size: groups in one component all reach each other.
struct Components {
    of: Vec<usize>,
    sizes: Vec<usize>,
}

/// Tarjan's algorithm with an explicit stack: O(groups + entries).
fn components(graph: &[Vec<Edge>]) -> Components {
    const UNSEEN: usize = usize::MAX;
    let n = graph.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut of = vec![0usize; n];
    let mut sizes = Vec::new();
    let mut counter = 0;
    for root in 0..n {
        if order.get(root) != Some(&UNSEEN) {
            continue;
        }
        // (node, next edge to look at)
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (node, ref mut next)) = calls.last_mut() {
            if *next == 0 && order.get(node) == Some(&UNSEEN) {
                set(&mut order, node, counter);
                set(&mut low, node, counter);
                counter += 1;
                stack.push(node);
                set(&mut on_stack, node, true);
            }
            let edge = graph.get(node).and_then(|out| out.get(*next)).copied();
            *next += 1;
            match edge {
                Some(edge) if order.get(edge.to) == Some(&UNSEEN) => calls.push((edge.to, 0)),
                Some(edge) => {
                    if on_stack.get(edge.to) == Some(&true) {
                        let lowest = at(&low, node).min(at(&order, edge.to));
                        set(&mut low, node, lowest);
                    }
                }
                None => {
                    calls.pop();
                    if let Some(&(parent, _)) = calls.last() {
                        let lowest = at(&low, parent).min(at(&low, node));
                        set(&mut low, parent, lowest);
                    }
                    if low.get(node) == order.get(node) {
                        let id = sizes.len();
                        let mut size = 0;
                        while let Some(member) = stack.pop() {
                            set(&mut on_stack, member, false);
                            set(&mut of, member, id);
                            size += 1;
                            if member == node {
                                break;
                            }
                        }
                        sizes.push(size);
                    }
                }
            }
        }
    }
    Components { of, sizes }
}

fn at(slots: &[usize], index: usize) -> usize {
    slots.get(index).copied().unwrap_or(usize::MAX)
}

fn set<T>(slots: &mut [T], at: usize, value: T) {
    if let Some(slot) = slots.get_mut(at) {
        *slot = value;
    }
}

struct Search {
    marks: Vec<Mark>,
    /// Where each open group is on the path.
    position: Vec<usize>,
    components: Components,
    /// Whether a component's loop has been reported.
    reported: Vec<bool>,
}

impl Search {
    fn new(len: usize, components: Components) -> Self {
        Search {
            marks: vec![Mark::New; len],
            position: vec![0; len],
            reported: vec![false; components.sizes.len()],
            components,
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

    /// Whether the loop through `node` is yet to be reported; marks it so.
    fn first_of_loop(&mut self, node: usize) -> Option<usize> {
        let component = *self.components.of.get(node)?;
        let reported = self.reported.get_mut(component)?;
        if *reported {
            return None;
        }
        *reported = true;
        self.components.sizes.get(component).copied()
    }

    /// The loops first found searching from `root`: each as the edges
    /// around one cycle of it, the closing edge last, with the number of
    /// groups in the loop.
    fn from(&mut self, root: usize, graph: &[Vec<Edge>]) -> Vec<(Vec<Edge>, usize)> {
        let mut cycles = Vec::new();
        if self.mark(root) != Mark::New {
            return cycles;
        }
        // The open path: each node with the edge taken out of it so far.
        let mut path: Vec<(usize, Option<Edge>)> = vec![(root, None)];
        self.set(root, Mark::Open);
        set(&mut self.position, root, 0);
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
                    set(&mut self.position, edge.to, path.len());
                    path.push((edge.to, None));
                    next.push(0);
                }
                Mark::Open => {
                    if let Some(size) = self.first_of_loop(edge.to) {
                        let start = self.position.get(edge.to).copied().unwrap_or(0);
                        cycles.push((around(&path, start, edge), size));
                    }
                }
                Mark::Done => {}
            }
        }
        cycles
    }
}

/// The edges from the path's node at `start` (where `closing` leads back
/// to) along the open path, then `closing`.
fn around(path: &[(usize, Option<Edge>)], start: usize, closing: Edge) -> Vec<Edge> {
    // The last node's slot may still hold the edge to a child it finished
    // with; the closing edge is the one that leaves it now.
    let before_last = path.len().saturating_sub(1);
    let mut cycle: Vec<Edge> = path
        .get(start..before_last)
        .unwrap_or_default()
        .iter()
        .filter_map(|(_, edge)| *edge)
        .collect();
    cycle.push(closing);
    cycle
}

/// One warning for a loop of `size` groups, naming the cycle found
/// through it: at most [`LISTED`] names and labels, however long it is.
fn report(groups: &[GroupDecl], cycle: &[Edge], size: usize) -> Option<Diagnostic> {
    let closing = cycle.last()?;
    let entry = groups.get(closing.from)?.member_of.get(closing.entry)?;
    let name = |group: usize| groups.get(group).map(|g| g.name.value.as_str());
    let mut names: Vec<&str> = cycle
        .iter()
        .take(LISTED)
        .filter_map(|edge| name(edge.from))
        .collect();
    if cycle.len() > LISTED {
        names.push("…");
    }
    names.push(name(closing.to)?);
    let mut message = format!(
        "groups are members of each other in a loop: {}",
        names.join(" → ")
    );
    if size > LISTED || size > cycle.len() {
        message.push_str(&format!(" ({size} groups in all reach each other)"));
    }
    let mut diagnostic = Diagnostic::new(
        Severity::Warning,
        "expect::group-cycle",
        message,
        entry.span,
    )
    .with_label("closes the loop")
    .with_help(
        "if the directory has no such loop, remove one of these `member_of` entries; if it has, nothing needs changing",
    )
    .with_note(
        "Active Directory allows circular nesting: each group in the loop is a member of every other one and of every group any of them belongs to, and the checks count it so",
    );
    let others = cycle.iter().take(cycle.len().saturating_sub(1));
    for edge in others.take(LISTED - 1) {
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
    use crate::span::Span;
    use crate::span::Spanned;

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
    fn groups_reaching_each_other_are_one_loop() {
        // A → B → C → A and B → A: two cycles, one loop of three groups.
        let errors = run(&[
            ("A", &["B"]),
            ("B", &["C", "A"]),
            ("C", &["A"]),
            ("D", &["D"]),
        ]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].message.ends_with("A → B → C → A"),
            "{}",
            errors[0].message
        );
        assert!(
            errors[1].message.ends_with("D → D"),
            "{}",
            errors[1].message
        );
    }

    #[test]
    fn a_long_loop_names_at_most_twenty_groups() {
        let names: Vec<String> = (0..50).map(|i| format!("G{i}")).collect();
        let spec: Vec<(&str, Vec<&str>)> = (0..50)
            .map(|i| (names[i].as_str(), vec![names[(i + 1) % 50].as_str(), "G0"]))
            .collect();
        let spec: Vec<(&str, &[&str])> = spec.iter().map(|(n, m)| (*n, m.as_slice())).collect();
        let errors = run(&spec);
        assert_eq!(errors.len(), 1);
        let message = &errors[0].message;
        assert!(
            message.ends_with("G18 → G19 → … → G0 (50 groups in all reach each other)"),
            "{message}"
        );
        assert_eq!(errors[0].labels.len(), LISTED);
    }

    #[test]
    fn a_loop_smaller_than_its_component_says_how_many_reach_each_other() {
        let errors = run(&[("A", &["B"]), ("B", &["A", "C"]), ("C", &["B"])]);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .message
                .ends_with("A → B → A (3 groups in all reach each other)"),
            "{}",
            errors[0].message
        );
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
