//! The SIDs Windows puts in an account's token, each with how it got there.
//!
//! A token is the account and everything its seeds reach: the SIDs every
//! token of its kind holds, the account's groups and theirs, transitively.
//! All but the account itself depends only on the account's kind and its
//! direct groups, so that part (a [`Closure`]) is computed once per chain
//! for every account with the same ones and shared ([`TokenCache`]): 4,000
//! accounts in a group at the bottom of a chain 4,000 groups deep walked
//! the chain once each (54 s). Evidence names at most [`VIA_STEPS`] steps
//! of a path, so it costs no more than that per verdict.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap as HashMap;

use super::directory::{Directory, Subject};
use super::graph::{EdgeReason, MembershipGraph};
use crate::logon_type::LogonType;
use crate::model::AccountKind;
use crate::principal::PrincipalKey;
use crate::work::{self, Counter};

/// Most steps of a path evidence names: the first, then the last ones.
pub const VIA_STEPS: usize = 20;

/// Why a SID is in the token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The account itself.
    Account,
    /// Windows adds it at logon; the text says why.
    Computed(&'static str),
    /// A member of `group`'s parent: the key it was reached from, and the edge.
    Member {
        /// The principal that is the member.
        member: PrincipalKey,
        /// Why it is a member.
        reason: EdgeReason,
    },
}

/// How a key of a closure was reached.
#[derive(Clone, Debug)]
enum Step {
    /// The account's direct group at this position of its [`Seeds`].
    Direct(usize),
    /// A seed Windows adds.
    Computed(&'static str),
    /// A group of `member`.
    Member {
        member: PrincipalKey,
        reason: EdgeReason,
    },
}

/// One key of a closure: how it was reached, how many steps from the
/// account or seed its path starts at, and which seed that is (`None`:
/// the account).
#[derive(Clone, Debug)]
struct Node {
    step: Step,
    depth: usize,
    seed: Option<usize>,
}

/// What a token holds besides the account, in the order reached.
#[derive(Clone, Debug, Default)]
pub struct Closure {
    nodes: HashMap<PrincipalKey, Node>,
    order: Vec<PrincipalKey>,
    /// The computed seeds, by position.
    seeds: Vec<PrincipalKey>,
    /// Whether the walk went through a chain's own edges (an account's),
    /// so the closure is not the same in every chain.
    local: bool,
}

/// A token: the account and its shared closure.
#[derive(Clone, Debug)]
pub struct Token {
    account: PrincipalKey,
    /// Whether the closure was built for this account alone (its groups
    /// lead back to it), so tokens derived from it are not shared.
    alone: bool,
    /// Why the account is in each of its direct groups, by position.
    reasons: Arc<[EdgeReason]>,
    shared: Arc<Closure>,
}

impl Token {
    /// Whether the token holds the key.
    pub fn contains(&self, key: &PrincipalKey) -> bool {
        *key == self.account || self.shared.nodes.contains_key(key)
    }

    /// How many keys the token holds.
    pub fn len(&self) -> usize {
        self.shared.order.len() + 1
    }

    /// Whether the token holds nothing (never: it holds the account).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The keys in the order they were reached, the account first.
    pub fn keys(&self) -> impl Iterator<Item = &PrincipalKey> {
        std::iter::once(&self.account).chain(&self.shared.order)
    }

    /// How a key got into the token: the path from where it started,
    /// ending with the key itself.
    pub fn chain(&self, key: &PrincipalKey) -> Vec<(PrincipalKey, Origin)> {
        let mut chain = self.walk_back(key, usize::MAX);
        chain.reverse();
        chain
    }

    /// [`Token::chain`] with at most [`VIA_STEPS`] steps: the first, then
    /// the last ones; the number of steps left out between them. Only the
    /// steps kept are walked.
    pub fn chain_within(&self, key: &PrincipalKey) -> (Vec<(PrincipalKey, Origin)>, usize) {
        let Some(node) = self.shared.nodes.get(key) else {
            return (self.chain(key), 0);
        };
        // The path's steps: the key's depth (the account or seed it
        // starts at is depth 0) plus that start.
        let length = node.depth + 1;
        if length <= VIA_STEPS {
            return (self.chain(key), 0);
        }
        let mut tail = self.walk_back(key, VIA_STEPS - 1);
        tail.reverse();
        let first = match node.seed.and_then(|at| self.shared.seeds.get(at)) {
            Some(seed) => self.walk_back(seed, 1),
            None => vec![(self.account.clone(), Origin::Account)],
        };
        let mut chain = first;
        chain.extend(tail);
        (chain, length - VIA_STEPS)
    }

    /// The path back from `key`, at most `most` steps, key first.
    fn walk_back(&self, key: &PrincipalKey, most: usize) -> Vec<(PrincipalKey, Origin)> {
        let mut chain = Vec::new();
        if *key == self.account {
            chain.push((key.clone(), Origin::Account));
            return chain;
        }
        let mut current = key.clone();
        // Each step goes to a key reached earlier, so the walk ends; the
        // bound only guards against a bug turning it into a loop.
        for _ in 0..=self.shared.order.len() {
            if chain.len() >= most {
                break;
            }
            let Some(node) = self.shared.nodes.get(&current) else {
                break;
            };
            match &node.step {
                Step::Direct(at) => {
                    let reason = self.reasons.get(*at).cloned();
                    let origin = match reason {
                        Some(reason) => Origin::Member {
                            member: self.account.clone(),
                            reason,
                        },
                        None => Origin::Computed("a group of the account"),
                    };
                    chain.push((current, origin));
                    if chain.len() < most {
                        chain.push((self.account.clone(), Origin::Account));
                    }
                    break;
                }
                Step::Computed(why) => {
                    chain.push((current, Origin::Computed(why)));
                    break;
                }
                Step::Member { member, reason } => {
                    let next = member.clone();
                    let origin = Origin::Member {
                        member: member.clone(),
                        reason: reason.clone(),
                    };
                    chain.push((current, origin));
                    current = next;
                }
            }
        }
        chain
    }
}

impl Closure {
    fn insert(&mut self, key: PrincipalKey, node: Node, blocked: Option<&PrincipalKey>) -> bool {
        if self.nodes.contains_key(&key) || blocked == Some(&key) {
            return false;
        }
        self.order.push(key.clone());
        self.nodes.insert(key, node);
        true
    }

    /// Adds the computed `seeds`, the account's `direct` groups (when the
    /// account starts the queue, as it does for a base token), and
    /// everything they are members of, breadth first. Cycles end because a
    /// key is visited once; `blocked` (the account, when it is reachable)
    /// is never added.
    fn close(
        &mut self,
        graph: &MembershipGraph,
        direct: Option<&[PrincipalKey]>,
        seeds: Vec<(PrincipalKey, &'static str)>,
        blocked: Option<&PrincipalKey>,
    ) {
        let mut queue: VecDeque<PrincipalKey> = VecDeque::new();
        for (key, why) in seeds {
            let at = self.seeds.len();
            let node = Node {
                step: Step::Computed(why),
                depth: 0,
                seed: Some(at),
            };
            if self.insert(key.clone(), node, blocked) {
                self.seeds.push(key.clone());
                queue.push_back(key);
            }
        }
        // The account is inserted before the seeds and visited first: its
        // groups come right after the seeds.
        let mut direct_groups = Vec::new();
        for (at, group) in direct.unwrap_or_default().iter().enumerate() {
            let node = Node {
                step: Step::Direct(at),
                depth: 1,
                seed: None,
            };
            if self.insert(group.clone(), node, blocked) {
                direct_groups.push(group.clone());
            }
        }
        work::add(Counter::TokenEdges, direct_groups.len());
        // The account, first in the queue, put its groups after the seeds.
        queue.extend(direct_groups);
        self.visit(graph, queue, blocked);
    }

    fn visit(
        &mut self,
        graph: &MembershipGraph,
        mut queue: VecDeque<PrincipalKey>,
        blocked: Option<&PrincipalKey>,
    ) {
        let mut followed = 0;
        while let Some(member) = queue.pop_front() {
            self.local |= graph.is_own(&member);
            let edges = graph.groups_of(&member);
            followed += edges.len() + 1;
            let (depth, seed) = self
                .nodes
                .get(&member)
                .map_or((0, None), |n| (n.depth, n.seed));
            for edge in edges {
                let node = Node {
                    step: Step::Member {
                        member: member.clone(),
                        reason: edge.reason.clone(),
                    },
                    depth: depth + 1,
                    seed,
                };
                if self.insert(edge.group.clone(), node, blocked) {
                    queue.push_back(edge.group.clone());
                }
            }
        }
        work::add(Counter::TokenEdges, followed);
    }
}

fn well_known(sid: &str) -> Option<PrincipalKey> {
    PrincipalKey::well_known(sid)
}

/// What a base closure depends on: the account's kind, whether it is
/// Guest, and its direct groups in order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct BaseKey {
    kind: AccountKind,
    guest: bool,
    groups: Vec<PrincipalKey>,
}

/// The closures of one graph, shared by the accounts with the same kind
/// and direct groups; or, run-wide (see `SharedDirectory`), by the chains
/// whose graph is the declared one, for the closures that reach none of
/// a chain's own accounts.
#[derive(Debug, Default)]
pub struct TokenCache {
    base: Mutex<HashMap<BaseKey, Arc<Closure>>>,
    logon: Mutex<HashMap<(BaseKey, LogonType), Arc<Closure>>>,
    run_wide: bool,
}

impl TokenCache {
    /// An empty cache, for one graph.
    pub fn new() -> Self {
        TokenCache::default()
    }

    /// An empty cache for every chain whose graph is the declared one.
    pub(crate) fn run_wide() -> Self {
        TokenCache {
            run_wide: true,
            ..TokenCache::default()
        }
    }

    fn base(&self, key: &BaseKey) -> Option<Arc<Closure>> {
        let map = self.base.lock().unwrap_or_else(PoisonError::into_inner);
        map.get(key).cloned()
    }

    fn keep_base(&self, key: BaseKey, closure: &Arc<Closure>) {
        if self.run_wide && closure.local {
            return;
        }
        let mut map = self.base.lock().unwrap_or_else(PoisonError::into_inner);
        map.insert(key, Arc::clone(closure));
    }

    fn logon(&self, key: &(BaseKey, LogonType)) -> Option<Arc<Closure>> {
        let map = self.logon.lock().unwrap_or_else(PoisonError::into_inner);
        map.get(key).cloned()
    }

    fn keep_logon(&self, key: (BaseKey, LogonType), closure: &Arc<Closure>) {
        if self.run_wide && closure.local {
            return;
        }
        let mut map = self.logon.lock().unwrap_or_else(PoisonError::into_inner);
        map.insert(key, Arc::clone(closure));
    }
}

/// The part of every token of the account that does not depend on the
/// logon type; its closure is shared through `cache`.
pub fn base_token(
    subject: &Subject,
    directory: &Directory,
    graph: &MembershipGraph,
    cache: &TokenCache,
) -> Token {
    let edges = graph.groups_of(&subject.key);
    let key = BaseKey {
        kind: subject.kind,
        guest: is_guest(subject, directory),
        groups: edges.iter().map(|edge| edge.group.clone()).collect(),
    };
    let reasons: Arc<[EdgeReason]> = edges.iter().map(|edge| edge.reason.clone()).collect();
    let cached = cache.base(&key);
    let shared = match cached {
        Some(shared) => shared,
        None => {
            let built = Arc::new(base_closure(&key, graph, None));
            cache.keep_base(key.clone(), &built);
            built
        }
    };
    // An account its own groups lead back to is not added again: its
    // closure is built for it alone.
    let alone = shared.nodes.contains_key(&subject.key);
    let shared = if alone {
        Arc::new(base_closure(&key, graph, Some(&subject.key)))
    } else {
        shared
    };
    Token {
        account: subject.key.clone(),
        alone,
        reasons,
        shared,
    }
}

fn base_closure(key: &BaseKey, graph: &MembershipGraph, blocked: Option<&PrincipalKey>) -> Closure {
    let mut seeds = Vec::new();
    let mut computed = |sid: &str, why: &'static str| {
        if let Some(key) = well_known(sid) {
            seeds.push((key, why));
        }
    };
    computed("S-1-1-0", "every token holds it");
    if !key.guest {
        computed("S-1-5-11", "every account but Guest holds it");
    }
    match key.kind {
        AccountKind::Domain => seeds.push((
            PrincipalKey::DomainRid(513),
            "the primary group of domain accounts",
        )),
        AccountKind::Gmsa => {
            seeds.push((PrincipalKey::DomainRid(515), "the primary group of gMSAs"))
        }
        AccountKind::Computer => seeds.push((
            PrincipalKey::DomainRid(515),
            "the primary group of computer accounts",
        )),
        AccountKind::Local => computed("S-1-5-113", "every local account holds it"),
        AccountKind::Virtual | AccountKind::Builtin => {}
    }
    let mut closure = Closure::default();
    closure.close(graph, Some(&key.groups), seeds, blocked);
    closure
}

/// The token of one logon type: the base plus the logon-type SIDs and
/// what they bring; shared through `cache` like the base.
pub fn logon_token(
    base: &Token,
    subject: &Subject,
    directory: &Directory,
    logon_type: LogonType,
    graph: &MembershipGraph,
    cache: &TokenCache,
) -> Token {
    let key = BaseKey {
        kind: subject.kind,
        guest: is_guest(subject, directory),
        groups: graph
            .groups_of(&subject.key)
            .iter()
            .map(|edge| edge.group.clone())
            .collect(),
    };
    // The account being Administrators itself, or reached from its own
    // groups, makes its tokens its own: those are not shared.
    let is_admins = well_known("S-1-5-32-544").as_ref() == Some(&subject.key);
    let blocked = Some(&subject.key);
    let cache_key = (key, logon_type);
    let cached = if base.alone || is_admins {
        None
    } else {
        cache.logon(&cache_key)
    };
    let (shared, alone) = match cached {
        Some(shared) if !shared.nodes.contains_key(&subject.key) => (shared, false),
        Some(_) => (
            Arc::new(logon_closure(base, subject, logon_type, graph, blocked)),
            true,
        ),
        None if base.alone || is_admins => (
            Arc::new(logon_closure(base, subject, logon_type, graph, blocked)),
            true,
        ),
        None => {
            let built = Arc::new(logon_closure(base, subject, logon_type, graph, None));
            cache.keep_logon(cache_key, &built);
            if built.nodes.contains_key(&subject.key) {
                (
                    Arc::new(logon_closure(base, subject, logon_type, graph, blocked)),
                    true,
                )
            } else {
                (built, false)
            }
        }
    };
    Token {
        account: base.account.clone(),
        alone,
        reasons: Arc::clone(&base.reasons),
        shared,
    }
}

fn logon_closure(
    base: &Token,
    subject: &Subject,
    logon_type: LogonType,
    graph: &MembershipGraph,
    blocked: Option<&PrincipalKey>,
) -> Closure {
    let mut closure = (*base.shared).clone();
    let mut seeds: Vec<(PrincipalKey, &'static str)> = logon_type
        .token_sids()
        .iter()
        .filter_map(|sid| well_known(sid))
        .map(|key| (key, "Windows adds it for this logon type"))
        .collect();
    let virtual_service = subject.kind == AccountKind::Virtual && logon_type == LogonType::Service;
    if let (true, Some(key)) = (virtual_service, well_known("S-1-5-80-0")) {
        seeds.push((key, "every service's virtual account holds it"));
    }
    closure.close(graph, None, seeds, blocked);
    let local_admin = subject.kind == AccountKind::Local
        && well_known("S-1-5-32-544")
            .is_some_and(|admins| admins == subject.key || closure.nodes.contains_key(&admins));
    if let (true, Some(key)) = (local_admin, well_known("S-1-5-114")) {
        let why = "local members of Administrators hold it";
        closure.close(graph, None, vec![(key, why)], blocked);
    }
    closure
}

/// Guest (RID 501) is the one account without Authenticated Users.
fn is_guest(subject: &Subject, directory: &Directory) -> bool {
    let guest = [PrincipalKey::MachineRid(501), PrincipalKey::DomainRid(501)];
    guest.iter().any(|g| directory.canonical(g) == subject.key)
        || subject.sid.and_then(|sid| sid.rid()) == Some(501)
            && subject.sid.is_some_and(|s| s.is_domain_relative())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expect;
    use crate::model::Target;
    use crate::policy::ResultantMembership;

    fn setup(yaml: &str) -> (Directory, MembershipGraph) {
        let directory = Directory::new(&expect::load("s.yaml", yaml).unwrap());
        let graph = MembershipGraph::build(
            &directory,
            &ResultantMembership::default(),
            Target::MemberServer,
        );
        (directory, graph)
    }

    fn names(token: &Token, directory: &Directory, key: &PrincipalKey) -> Vec<String> {
        token
            .chain(key)
            .iter()
            .map(|(key, _)| directory.display(key))
            .collect()
    }

    #[test]
    fn accounts_with_the_same_groups_share_a_closure_and_keep_their_own_evidence() {
        let yaml = "groups:\n  - name: CONTOSO\\g0\n    member_of: [CONTOSO\\g1]\n  - name: CONTOSO\\g1\naccounts:\n  - name: CONTOSO\\a\n    member_of: [CONTOSO\\g0]\n    logon: [batch]\n  - name: CONTOSO\\b\n    member_of: [CONTOSO\\g0]\n    logon: [batch]\n";
        let (directory, graph) = setup(yaml);
        let cache = TokenCache::new();
        let a = base_token(&directory.accounts[0], &directory, &graph, &cache);
        let b = base_token(&directory.accounts[1], &directory, &graph, &cache);
        assert!(Arc::ptr_eq(&a.shared, &b.shared));
        let g1 = directory.key_of("CONTOSO\\g1");
        assert_eq!(
            names(&a, &directory, &g1),
            ["CONTOSO\\a", "CONTOSO\\g0", "CONTOSO\\g1"]
        );
        assert_eq!(
            names(&b, &directory, &g1),
            ["CONTOSO\\b", "CONTOSO\\g0", "CONTOSO\\g1"]
        );
        assert!(b.contains(&directory.accounts[1].key));
        assert!(!b.contains(&directory.accounts[0].key));
        let keys: Vec<String> = a.keys().map(|k| directory.display(k)).collect();
        assert_eq!(keys[0], "CONTOSO\\a");
        let ta = logon_token(
            &a,
            &directory.accounts[0],
            &directory,
            LogonType::Batch,
            &graph,
            &cache,
        );
        let tb = logon_token(
            &b,
            &directory.accounts[1],
            &directory,
            LogonType::Batch,
            &graph,
            &cache,
        );
        assert!(Arc::ptr_eq(&ta.shared, &tb.shared));
        assert!(ta.contains(&PrincipalKey::well_known("S-1-5-3").unwrap()));
    }

    #[test]
    fn a_long_path_keeps_its_first_and_last_steps() {
        let mut yaml = String::from("groups:\n");
        for i in 0..30 {
            yaml.push_str(&format!(
                "  - name: CONTOSO\\g{i}\n    member_of: [CONTOSO\\g{}]\n",
                i + 1
            ));
        }
        yaml.push_str("  - name: CONTOSO\\g30\naccounts:\n  - name: CONTOSO\\a\n    member_of: [CONTOSO\\g0]\n    logon: [batch]\n");
        let (directory, graph) = setup(&yaml);
        let token = base_token(
            &directory.accounts[0],
            &directory,
            &graph,
            &TokenCache::new(),
        );
        let g30 = directory.key_of("CONTOSO\\g30");
        assert_eq!(token.chain(&g30).len(), 32);
        let (kept, left_out) = token.chain_within(&g30);
        assert_eq!(kept.len(), VIA_STEPS);
        assert_eq!(left_out, 12);
        assert_eq!(
            kept[0],
            (directory.accounts[0].key.clone(), Origin::Account)
        );
        assert_eq!(kept[1].0, directory.key_of("CONTOSO\\g12"));
        assert_eq!(kept[VIA_STEPS - 1].0, g30);
        let g5 = directory.key_of("CONTOSO\\g5");
        assert_eq!(token.chain_within(&g5), (token.chain(&g5), 0));
    }
}
