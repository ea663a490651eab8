//! Group membership as the machine sees it: who is a member of what, and why.
//!
//! Edges come from the expectations (directory groups), from Windows'
//! default memberships of BUILTIN groups, and from the templates'
//! `[Group Membership]`: `__Members` replaces a local group's members,
//! `__Memberof` adds a group to others. Off domain controllers neither
//! reaches a domain group (see [`machine_changes`]).

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::directory::{Directory, DirectoryGroup, Subject};
use crate::model::Target;
use crate::policy::{MembershipLine, ResultantMembership};
use crate::principal::PrincipalKey;
use crate::span::Span;

/// Why a principal is a member of a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EdgeReason {
    /// A `member_of` entry in the expectations file.
    Declared {
        /// Where in the expectations file.
        span: Span,
    },
    /// Windows' default membership of a BUILTIN group.
    Default,
    /// A `<group>__Members` line lists the member.
    TemplateMembers {
        /// Index of the input.
        input: usize,
        /// The member's entry.
        span: Span,
    },
    /// A `<group>__Memberof` line adds the group.
    TemplateMemberOf {
        /// Index of the input.
        input: usize,
        /// The group's entry in the line's list.
        span: Span,
    },
}

/// One edge: the member belongs to `group`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The group.
    pub group: PrincipalKey,
    /// Why.
    pub reason: EdgeReason,
}

/// A `__Members` line that replaced a group's members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    /// Index of the input.
    pub input: usize,
    /// The line's key, e.g. `*S-1-5-32-555__Members`.
    pub key_span: Span,
    /// The key as written, with the suffix as gplint spells it.
    pub written: String,
    /// The group whose members it replaced, canonical.
    pub group: PrincipalKey,
}

/// The memberships `__Members` lines took away: (member, group) → each
/// reason the member had, with the index of the line in `removals`.
type Removed = HashMap<(PrincipalKey, PrincipalKey), Vec<(EdgeReason, usize)>>;

/// Member → its groups' edges.
pub(crate) type Edges = HashMap<PrincipalKey, Vec<Edge>>;

/// Member → groups, canonical keys.
#[derive(Clone, Debug, Default)]
pub struct MembershipGraph {
    /// The chain's own edges: all of them, or (when `base` is the run's
    /// declared graph) its accounts', each followed by the base's edges
    /// of the same member. Looked up before `base`.
    edges: Edges,
    /// The declared groups' and default memberships, shared by every chain
    /// whose templates change no membership; else empty.
    base: Arc<Edges>,
    /// Whether `base` is the run's declared graph.
    declared_only: bool,
    /// The `__Members` lines that replaced members, and the memberships
    /// they took away, to say what removed a grant.
    removals: Vec<Removal>,
    removed: Removed,
}

/// Windows' default members of BUILTIN groups (member SID, group SID).
const DEFAULT_MEMBERS: &[(&str, &str)] = &[
    ("S-1-5-11", "S-1-5-32-545"), // Authenticated Users ∈ Users
    ("S-1-5-4", "S-1-5-32-545"),  // INTERACTIVE ∈ Users
];

impl MembershipGraph {
    /// Builds the graph for one chain and one set of declarations.
    pub fn build(
        directory: &Directory,
        memberships: &ResultantMembership<'_>,
        target: Target,
    ) -> Self {
        let unchanged = memberships.members.is_empty() && memberships.member_of.is_empty();
        if let (true, Some(shared)) = (unchanged, directory.shared()) {
            let base = shared
                .graph
                .get_or_init(|| Arc::new(MembershipGraph::declared(&[], &directory.groups).edges));
            return MembershipGraph::over(Arc::clone(base), &directory.accounts);
        }
        let mut graph = MembershipGraph::declared(&directory.accounts, &directory.groups);
        let replacing: Vec<_> = memberships
            .members
            .iter()
            .filter(|line| machine_changes(directory, &line.group, target))
            .collect();
        graph.replace_members(directory, &replacing);
        for line in &memberships.member_of {
            graph.add_member_of(directory, line, target);
        }
        graph
    }

    /// The declared memberships of `accounts` and `groups`, and Windows'
    /// defaults.
    fn declared(accounts: &[Subject], groups: &[DirectoryGroup]) -> Self {
        let mut graph = MembershipGraph::default();
        graph.add_declared(accounts, groups);
        graph.add_defaults();
        graph
    }

    /// The run's declared graph `base` with `accounts`' memberships: what
    /// [`MembershipGraph::declared`] gives for them and the run's groups,
    /// without copying the groups' edges.
    fn over(base: Arc<Edges>, accounts: &[Subject]) -> Self {
        let mut graph = MembershipGraph::default();
        graph.add_declared(accounts, &[]);
        for (member, edges) in &mut graph.edges {
            edges.extend(base.get(member).into_iter().flatten().cloned());
        }
        graph.base = base;
        graph.declared_only = true;
        graph
    }

    /// Whether the graph is the run's declared one with the chain's
    /// accounts: closures that reach no account are then the same in
    /// every chain that is.
    pub fn is_declared_only(&self) -> bool {
        self.declared_only
    }

    /// Whether the member's edges are the chain's own rather than the
    /// run's (an account's, in a declared-only graph).
    pub fn is_own(&self, member: &PrincipalKey) -> bool {
        self.declared_only && self.edges.contains_key(member)
    }

    /// The groups a principal is directly a member of.
    pub fn groups_of(&self, member: &PrincipalKey) -> &[Edge] {
        self.edges
            .get(member)
            .or_else(|| self.base.get(member))
            .map_or(&[], Vec::as_slice)
    }

    fn add(&mut self, member: PrincipalKey, group: PrincipalKey, reason: EdgeReason) {
        self.edges
            .entry(member)
            .or_default()
            .push(Edge { group, reason });
    }

    fn add_declared(&mut self, accounts: &[Subject], groups: &[DirectoryGroup]) {
        let accounts = accounts.iter().map(|a| (&a.key, &a.member_of));
        let groups = groups.iter().map(|g| (&g.key, &g.member_of));
        for (member, edges) in accounts.chain(groups) {
            for edge in edges {
                let reason = EdgeReason::Declared { span: edge.span };
                self.add(member.clone(), edge.group.clone(), reason);
            }
        }
    }

    fn add_defaults(&mut self) {
        let defaults = DEFAULT_MEMBERS.iter().filter_map(|(member, group)| {
            Some((
                PrincipalKey::well_known(member)?,
                PrincipalKey::well_known(group)?,
            ))
        });
        for (member, group) in defaults {
            self.add(member, group, EdgeReason::Default);
        }
        // Domain Users is a member of Users, Domain Admins of Administrators
        // and Domain Guests of Guests on every domain member.
        let domain = [
            (513, "S-1-5-32-545"),
            (512, "S-1-5-32-544"),
            (514, "S-1-5-32-546"),
        ];
        for (rid, group) in domain {
            if let Some(group) = PrincipalKey::well_known(group) {
                self.add(PrincipalKey::DomainRid(rid), group, EdgeReason::Default);
            }
        }
    }

    /// The graph with the memberships that `__Members` lines took away
    /// put back, each with its first reason: the machine as it would be
    /// without those lines. `None` when no line took any away.
    pub fn restored(&self) -> Option<MembershipGraph> {
        if self.removed.is_empty() {
            return None;
        }
        // Removals come from `__Members` lines, whose chains have no base.
        let mut edges = (*self.base).clone();
        edges.extend(self.edges.clone());
        let mut graph = MembershipGraph {
            edges,
            ..MembershipGraph::default()
        };
        for ((member, group), reasons) in &self.removed {
            for (reason, _) in reasons {
                graph.add(member.clone(), group.clone(), reason.clone());
            }
        }
        Some(graph)
    }

    /// The `__Members` line that took away the membership of `member` in
    /// `group` that `reason` gave, if one did.
    pub fn removal(
        &self,
        member: &PrincipalKey,
        group: &PrincipalKey,
        reason: &EdgeReason,
    ) -> Option<&Removal> {
        let reasons = self.removed.get(&(member.clone(), group.clone()))?;
        let (_, by) = reasons.iter().find(|(r, _)| r == reason)?;
        self.removals.get(*by)
    }

    /// `__Members`: each line's group gets exactly the listed members.
    /// The lines name distinct groups (the fold keeps one per group), so
    /// one pass over the edges drops every replaced group's members,
    /// rather than a pass per line; what it drops is kept, to say later
    /// which line removed a grant.
    fn replace_members(&mut self, directory: &Directory, lines: &[&MembershipLine<'_>]) {
        let groups: HashMap<PrincipalKey, usize> = lines
            .iter()
            .enumerate()
            .map(|(index, line)| (directory.canonical(&line.group), index))
            .collect();
        self.removals = lines
            .iter()
            .map(|line| Removal {
                input: line.input,
                key_span: line.line.key_span,
                written: format!("{}{}", line.line.group_written, line.line.relation.suffix()),
                group: directory.canonical(&line.group),
            })
            .collect();
        for (member, edges) in &mut self.edges {
            edges.retain(|edge| match groups.get(&edge.group) {
                Some(&by) => {
                    let key = (member.clone(), edge.group.clone());
                    let reasons = self.removed.entry(key).or_default();
                    reasons.push((edge.reason.clone(), by));
                    false
                }
                None => true,
            });
        }
        for line in lines {
            let group = directory.canonical(&line.group);
            for value in &line.values {
                let Some(span) = value.span else { continue };
                let reason = EdgeReason::TemplateMembers {
                    input: line.input,
                    span,
                };
                self.add(directory.canonical(&value.key), group.clone(), reason);
            }
        }
    }

    /// `__Memberof`: the group is added to each listed group that the
    /// machine can change; a domain group listed off a domain controller
    /// is left as it is.
    fn add_member_of(&mut self, directory: &Directory, line: &MembershipLine<'_>, target: Target) {
        let member = directory.canonical(&line.group);
        for value in &line.values {
            let Some(span) = value.span else { continue };
            if !machine_changes(directory, &value.key, target) {
                continue;
            }
            let reason = EdgeReason::TemplateMemberOf {
                input: line.input,
                span,
            };
            self.add(member.clone(), directory.canonical(&value.key), reason);
        }
    }
}

/// Whether Restricted Groups on the target changes this group's members:
/// a `__Members` line about it, or a `__Memberof` line naming it.
///
/// Restricted Groups is applied by each machine to its own groups: "a
/// client configuration means \[that\] cannot be used with Domain Groups"
/// (Microsoft KB 279301). On workstations and member servers a `__Members`
/// line for a domain group, and a `__Memberof` entry naming one, have no
/// effect; a `__Memberof` line of a domain group naming a local group
/// still adds it there. On domain controllers the machine's groups are the
/// domain's, so every line applies.
pub fn machine_changes(directory: &Directory, group: &PrincipalKey, target: Target) -> bool {
    target == Target::DomainController || !is_domain_group(directory, group)
}

/// Whether the key names a domain group: a domain RID, a domain-relative
/// SID, or a group declared under `groups:` (directory groups).
pub fn is_domain_group(directory: &Directory, key: &PrincipalKey) -> bool {
    let group = directory.canonical(key);
    matches!(group, PrincipalKey::DomainRid(_))
        || matches!(&group, PrincipalKey::Sid(sid) if sid.is_domain_relative())
        || directory.is_directory_group(&group)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{PolicyInput, Resultant};
    use crate::{expect, syntax, template};

    #[test]
    fn a_members_line_keeps_what_it_took_away_and_restored_puts_it_back() {
        let yaml = "accounts:\n  - name: CONTOSO\\alice\n    member_of: [BUILTIN\\Remote Desktop Users]\n    logon: [batch]\n";
        let directory = Directory::new(&expect::load("s.yaml", yaml).unwrap());
        let text = "[Group Membership]\n*S-1-5-32-555__Members = CONTOSO\\bob\n";
        let typed = template::build(&syntax::parse(text));
        let inputs = vec![PolicyInput {
            name: "t.inf",
            template: &typed,
        }];
        let resultant = Resultant::fold(inputs, Target::MemberServer, None);
        let graph = MembershipGraph::build(&directory, &resultant.memberships, resultant.target);
        let alice = directory.accounts[0].key.clone();
        let rdu = PrincipalKey::well_known("S-1-5-32-555").unwrap();
        assert!(graph.groups_of(&alice).is_empty());
        let restored = graph.restored().unwrap();
        let edge = &restored.groups_of(&alice)[0];
        assert_eq!(edge.group, rdu);
        let removal = graph.removal(&alice, &rdu, &edge.reason).unwrap();
        assert_eq!(removal.written, "*S-1-5-32-555__Members");
        assert_eq!(
            &text[removal.key_span.start..removal.key_span.end],
            removal.written
        );
        assert!(graph.removal(&alice, &rdu, &EdgeReason::Default).is_none());
        let untouched =
            MembershipGraph::build(&directory, &Default::default(), Target::MemberServer);
        assert!(untouched.restored().is_none());
    }
}
