//! Loops among declared groups' `member_of`: Active Directory allows
//! circular nesting and expands membership as a transitive closure
//! (MS-DRSR 4.1.8.3 `IDL_DRSGetMemberships`, MS-ADTS 3.1.1.4.5.19
//! tokenGroups; facts doc §9 item 3), so a loop is part of the model, and
//! what to say about one is the expectations file's (`expect`'s warning).
//!
//! Groups that reach each other (a strongly connected component) are one
//! loop, found once, with one cycle through them: listing every entry that
//! closes a cycle repeated the loop once per entry (a 223 KB file gave
//! 1.4 GB of warnings). The cycle is found by a depth-first search with an
//! explicit stack (a file may declare many groups; recursion would tie the
//! call stack to the input), at the first entry whose edge leads back
//! into the open path.

use super::GroupDecl;
use super::identity::{Identity, Index};

/// One loop: the edges around one cycle of it, the closing edge last,
/// and how many groups reach each other in it.
pub(crate) struct Loop {
    /// The cycle found, closing edge last.
    pub(crate) cycle: Vec<Edge>,
    /// Groups in the loop, at least those of the cycle.
    pub(crate) size: usize,
}

/// Every loop among `groups`, each once, in the order a search from each
/// group in turn first meets it.
pub(crate) fn loops(groups: &[GroupDecl]) -> Vec<Loop> {
    let graph = edges(groups);
    let components = components(&graph);
    let mut search = Search::new(groups.len(), components);
    let mut found = Vec::new();
    for root in 0..groups.len() {
        for (cycle, size) in search.from(root, &graph) {
            found.push(Loop { cycle, size });
        }
    }
    found
}

/// `from` is a member of group `to` through its entry number `entry`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Edge {
    /// The group that is a member.
    pub(crate) from: usize,
    /// The group it is a member of.
    pub(crate) to: usize,
    /// The `member_of` entry that says so.
    pub(crate) entry: usize,
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
