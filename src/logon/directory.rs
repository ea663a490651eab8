//! The declared accounts and groups, as identities the model can match.
//!
//! An account or group may be known by SID and by name; templates may use
//! either. Every alias maps to one canonical key (the SID when declared),
//! so a holder written either way matches.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::expect::{AccountDecl, Expectations, GroupDecl, KnownPrincipal};

use crate::model::AccountKind;

use crate::principal::{PrincipalKey, Sid};
use crate::span::Span;
use crate::span::Spanned;

/// A declared membership: the group, and where the YAML says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclaredEdge {
    /// The group, canonical.
    pub group: PrincipalKey,
    /// The `member_of` entry in the expectations file.
    pub span: Span,
}

/// A declared account.
#[derive(Clone, Debug)]
pub struct Subject {
    /// The name shown in findings, e.g. `NT SERVICE\MSSQLSERVER`.
    pub display: String,
    /// The canonical key.
    pub key: PrincipalKey,
    /// Its SID, declared or computed.
    pub sid: Option<Sid>,
    /// Its kind.
    pub kind: AccountKind,
    /// Its declared groups.
    pub member_of: Vec<DeclaredEdge>,
}

impl Subject {
    /// Whether the account is an IIS application pool's identity
    /// (`IIS APPPOOL\x`), whose refused logons WAS reports.
    pub fn is_app_pool(&self) -> bool {
        let prefix = "IIS APPPOOL\\";
        self.display
            .get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    }
}

/// A declared directory group.
#[derive(Clone, Debug)]
pub struct DirectoryGroup {
    /// The name as declared.
    pub display: String,
    /// The canonical key.
    pub key: PrincipalKey,
    /// Its declared groups.
    pub member_of: Vec<DeclaredEdge>,
}

/// What every chain of a run shares: the domain, the declared groups and
/// their aliases, and the directory export's principals. Built once per
/// run (see [`SharedDirectory::new`]); each chain adds its own accounts
/// with [`Directory::scoped`], rather than resolving 200 groups' names and
/// `member_of` again for each of 1,500 scopes.
#[derive(Debug, Default)]
pub struct SharedDirectory {
    domain: Option<Sid>,
    groups: Arc<[DirectoryGroup]>,
    /// The groups' names → their SIDs.
    group_aliases: HashMap<PrincipalKey, PrincipalKey>,
    /// The export's names → their SIDs, where no declaration names them.
    known_aliases: HashMap<PrincipalKey, PrincipalKey>,
    /// The groups' keys → (the first group's name, `true`).
    group_declared: HashMap<PrincipalKey, (String, bool)>,
    /// The export's principals no declaration names.
    known_declared: HashMap<PrincipalKey, (String, bool)>,
    /// Token closures shared by the chains whose membership graph is the
    /// declared one (see `token::TokenCache`).
    pub(crate) tokens: super::token::TokenCache,
    /// The declared groups' and Windows' default memberships, once.
    pub(crate) graph: std::sync::OnceLock<Arc<super::graph::Edges>>,
}

impl SharedDirectory {
    /// The part of `expect`'s directory that does not depend on which
    /// accounts a chain evaluates; `None` when it would: the domain is
    /// implied by an account's SID, or an account's name is also written
    /// where a group or the export is resolved (its alias would change
    /// what that resolves to). Those runs build their directory per chain
    /// with [`Directory::new`], as before.
    pub fn new(expect: &Expectations) -> Option<Self> {
        let declared = expect.domain_sid.as_ref().map(|d| d.value);
        let domain = declared.or_else(|| implied_domain(&expect.groups, &[]));
        if domain.is_none() && implied_domain(&[], &expect.accounts).is_some() {
            return None;
        }
        let mut shared = SharedDirectory {
            domain,
            tokens: super::token::TokenCache::run_wide(),
            ..SharedDirectory::default()
        };
        let account_aliases: HashSet<PrincipalKey> = expect
            .accounts
            .iter()
            .filter_map(|a| alias_of(&a.name, a.sid.as_ref(), domain))
            .map(|(by_name, _)| by_name)
            .collect();
        let touched =
            |written: &str| account_aliases.contains(&PrincipalKey::of_written(written, domain));
        for group in &expect.groups {
            let entries = std::iter::once(&group.name).chain(&group.member_of);
            if entries.into_iter().any(|e| touched(&e.value)) {
                return None;
            }
            if let Some((by_name, by_sid)) = alias_of(&group.name, group.sid.as_ref(), domain) {
                shared.group_aliases.insert(by_name, by_sid);
            }
        }
        let lookup = |key: &PrincipalKey| shared.group_aliases.get(key);
        let groups: Vec<DirectoryGroup> = expect
            .groups
            .iter()
            .map(|g| group(g, domain, &lookup))
            .collect();
        for g in &groups {
            let entry = shared
                .group_declared
                .entry(g.key.clone())
                .or_insert_with(|| (g.display.clone(), false));
            entry.1 = true;
        }
        shared.groups = groups.into();
        for principal in expect.known.iter() {
            let sid_key = PrincipalKey::of_sid(principal.sid, domain);
            if account_aliases.contains(&sid_key) {
                return None;
            }
            shared.add_known(principal, &sid_key);
        }
        Some(shared)
    }

    fn canonical(&self, key: &PrincipalKey) -> Option<&PrincipalKey> {
        self.group_aliases
            .get(key)
            .or_else(|| self.known_aliases.get(key))
    }

    /// One principal of the export, as [`Directory::add_known`] adds it.
    fn add_known(&mut self, principal: &KnownPrincipal, sid_key: &PrincipalKey) {
        let by_sid = self.canonical(sid_key).unwrap_or(sid_key).clone();
        for name in [&principal.name, &principal.sam_account_name] {
            let by_name = PrincipalKey::of_written(name, self.domain);
            let taken = self.group_aliases.contains_key(&by_name)
                || self.known_aliases.contains_key(&by_name);
            if matches!(by_name, PrincipalKey::Name(_)) && by_name != by_sid && !taken {
                self.known_aliases.insert(by_name, by_sid.clone());
            }
        }
        if !self.group_declared.contains_key(&by_sid) {
            let shown = (principal.name.clone(), principal.group);
            self.known_declared.entry(by_sid).or_insert(shown);
        }
    }
}

/// Every declared identity, with aliases resolved: the run's shared part
/// and the chain's own accounts, which are looked up first.
#[derive(Clone, Debug, Default)]
pub struct Directory {
    /// The domain SID prefix, when declared or implied.
    pub domain: Option<Sid>,
    /// Declared accounts, in file order.
    pub accounts: Vec<Subject>,
    /// Declared groups, in file order.
    pub groups: Arc<[DirectoryGroup]>,
    /// The run's shared part, or `None` when everything is in this
    /// directory's own maps ([`Directory::new`]).
    shared: Option<Arc<SharedDirectory>>,
    aliases: HashMap<PrincipalKey, PrincipalKey>,
    /// Canonical key → (the first declaration's name, whether any group
    /// declares it): every holder of every chain is looked up here.
    declared: HashMap<PrincipalKey, (String, bool)>,
}

impl Directory {
    /// Builds the directory of an expectations file.
    pub fn new(expect: &Expectations) -> Self {
        let domain = expect
            .domain_sid
            .as_ref()
            .map(|d| d.value)
            .or_else(|| implied_domain(&expect.groups, &expect.accounts));
        let mut directory = Directory {
            domain,
            ..Directory::default()
        };
        for group in &expect.groups {
            directory.alias(&group.name, group.sid.as_ref());
        }
        for account in &expect.accounts {
            directory.alias(&account.name, account.sid.as_ref());
        }
        let lookup = |key: &PrincipalKey| directory.aliases.get(key);
        let groups: Vec<DirectoryGroup> = expect
            .groups
            .iter()
            .map(|g| group(g, domain, &lookup))
            .collect();
        directory.groups = groups.into();
        directory.accounts = expect
            .accounts
            .iter()
            .map(|a| directory.subject(a))
            .collect();
        directory.index_declared();
        directory.add_known(&expect.known);
        directory
    }

    /// The directory of one chain: the run's `shared` part and `accounts`,
    /// the accounts the chain evaluates, in file order. The same as
    /// [`Directory::new`] of expectations holding those accounts.
    pub fn scoped<'a>(
        shared: &Arc<SharedDirectory>,
        accounts: impl IntoIterator<Item = &'a AccountDecl>,
    ) -> Self {
        let mut directory = Directory {
            domain: shared.domain,
            groups: Arc::clone(&shared.groups),
            shared: Some(Arc::clone(shared)),
            ..Directory::default()
        };
        let accounts: Vec<&AccountDecl> = accounts.into_iter().collect();
        for account in &accounts {
            directory.alias(&account.name, account.sid.as_ref());
        }
        directory.accounts = accounts.iter().map(|a| directory.subject(a)).collect();
        for subject in &directory.accounts {
            let group = shared.group_declared.contains_key(&subject.key);
            let entry = directory
                .declared
                .entry(subject.key.clone())
                .or_insert_with(|| (subject.display.clone(), false));
            entry.1 |= group;
        }
        directory
    }

    /// The run's shared part, when this directory was built from one.
    pub(crate) fn shared(&self) -> Option<&SharedDirectory> {
        self.shared.as_deref()
    }

    /// The principals of a directory export: each of their names (`CONTOSO\x`,
    /// `x`) an alias of their SID, and the SID shown by name. What the file
    /// declares keeps its own; a name that already means a well-known
    /// principal (`Administrator`, `Domain Users`) is not taken over.
    fn add_known(&mut self, known: &[KnownPrincipal]) {
        for principal in known {
            let by_sid = self.canonical(&PrincipalKey::of_sid(principal.sid, self.domain));
            for name in [&principal.name, &principal.sam_account_name] {
                let by_name = PrincipalKey::of_written(name, self.domain);
                if matches!(by_name, PrincipalKey::Name(_)) && by_name != by_sid {
                    self.aliases
                        .entry(by_name)
                        .or_insert_with(|| by_sid.clone());
                }
            }
            let shown = (principal.name.clone(), principal.group);
            self.declared.entry(by_sid).or_insert(shown);
        }
    }

    /// Fills `declared`, accounts before groups as the lookups read them.
    fn index_declared(&mut self) {
        let accounts = self.accounts.iter().map(|a| (&a.key, &a.display, false));
        let groups = self.groups.iter().map(|g| (&g.key, &g.display, true));
        for (key, display, group) in accounts.chain(groups) {
            let entry = self
                .declared
                .entry(key.clone())
                .or_insert_with(|| (display.clone(), false));
            entry.1 |= group;
        }
    }

    /// The alias of a key: the chain's accounts', else the run's groups'
    /// (and, with `known`, the export's).
    fn alias_of_key(&self, key: &PrincipalKey, known: bool) -> Option<&PrincipalKey> {
        let shared = || {
            let shared = self.shared.as_deref()?;
            match known {
                true => shared.canonical(key),
                false => shared.group_aliases.get(key),
            }
        };
        self.aliases.get(key).or_else(shared)
    }

    fn declared_entry(&self, key: &PrincipalKey) -> Option<&(String, bool)> {
        self.declared.get(key).or_else(|| {
            let shared = self.shared.as_deref()?;
            shared
                .group_declared
                .get(key)
                .or_else(|| shared.known_declared.get(key))
        })
    }

    /// The canonical key of any key: a declared alias, or itself.
    pub fn canonical(&self, key: &PrincipalKey) -> PrincipalKey {
        self.alias_of_key(key, true)
            .cloned()
            .unwrap_or_else(|| key.clone())
    }

    /// The canonical key of a `*SID` or name as written.
    pub fn key_of(&self, written: &str) -> PrincipalKey {
        self.canonical(&PrincipalKey::of_written(written, self.domain))
    }

    /// Whether the key is a declared account or group.
    pub fn is_declared(&self, key: &PrincipalKey) -> bool {
        self.declared_entry(&self.canonical(key)).is_some()
    }

    /// Whether the key is a declared directory group.
    pub fn is_directory_group(&self, key: &PrincipalKey) -> bool {
        self.declared_entry(&self.canonical(key))
            .is_some_and(|(_, group)| *group)
    }

    /// The name to show for a key: the declared name, else the well-known one.
    pub fn display(&self, key: &PrincipalKey) -> String {
        let key = self.canonical(key);
        self.declared_entry(&key)
            .map_or_else(|| key.to_string(), |(name, _)| name.clone())
    }

    fn alias(&mut self, name: &Spanned<String>, sid: Option<&Spanned<Sid>>) {
        if let Some((by_name, by_sid)) = alias_of(name, sid, self.domain) {
            self.aliases.insert(by_name, by_sid);
        }
    }

    /// An account's key and groups, resolved as they were declared: by the
    /// groups' and accounts' names, not yet the export's.
    fn subject(&self, decl: &AccountDecl) -> Subject {
        let key_of = |written: &str| {
            let key = PrincipalKey::of_written(written, self.domain);
            self.alias_of_key(&key, false).cloned().unwrap_or(key)
        };
        Subject {
            display: decl.name.value.clone(),
            key: key_of(&decl.name.value),
            sid: decl.sid.as_ref().map(|s| s.value),
            kind: decl.kind,
            member_of: edges(&decl.member_of, key_of),
        }
    }
}

/// The alias a declaration with a SID makes: its name's key → its SID's.
fn alias_of(
    name: &Spanned<String>,
    sid: Option<&Spanned<Sid>>,
    domain: Option<Sid>,
) -> Option<(PrincipalKey, PrincipalKey)> {
    let by_name = PrincipalKey::of_written(&name.value, domain);
    let by_sid = PrincipalKey::of_sid(sid?.value, domain);
    (by_name != by_sid).then_some((by_name, by_sid))
}

fn edges(
    member_of: &[Spanned<String>],
    key_of: impl Fn(&str) -> PrincipalKey,
) -> Vec<DeclaredEdge> {
    member_of
        .iter()
        .map(|entry| DeclaredEdge {
            group: key_of(&entry.value),
            span: entry.span,
        })
        .collect()
}

/// A group resolved by `lookup`, the aliases declared so far.
fn group<'a>(
    decl: &GroupDecl,
    domain: Option<Sid>,
    lookup: &dyn Fn(&PrincipalKey) -> Option<&'a PrincipalKey>,
) -> DirectoryGroup {
    let key_of = |written: &str| {
        let key = PrincipalKey::of_written(written, domain);
        lookup(&key).cloned().unwrap_or(key)
    };
    DirectoryGroup {
        display: decl.name.value.clone(),
        key: key_of(&decl.name.value),
        member_of: edges(&decl.member_of, key_of),
    }
}

/// The domain of the first declared domain SID, when none is declared.
fn implied_domain(groups: &[GroupDecl], accounts: &[AccountDecl]) -> Option<Sid> {
    let groups = groups.iter().filter_map(|g| g.sid.as_ref());
    let accounts = accounts.iter().filter_map(|a| a.sid.as_ref());
    groups
        .chain(accounts)
        .find(|sid| sid.value.is_domain_relative())
        .and_then(|sid| sid.value.domain())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expect;

    const YAML: &str = "domain_sid: S-1-5-21-1-2-3\ngroups:\n  - name: CONTOSO\\g0\n    sid: S-1-5-21-1-2-3-2000\n    member_of: [CONTOSO\\g1]\n  - name: CONTOSO\\g1\n    sid: S-1-5-21-1-2-3-2001\naccounts:\n  - name: CONTOSO\\a\n    sid: S-1-5-21-1-2-3-5000\n    member_of: [CONTOSO\\g0]\n    logon: [batch]\n  - name: CONTOSO\\b\n    member_of: [CONTOSO\\g1]\n    logon: [service]\n";

    /// What a chain's lookups see, for a few keys.
    fn looks(directory: &Directory) -> Vec<(PrincipalKey, String, bool, bool)> {
        let written = [
            "CONTOSO\\a",
            "CONTOSO\\b",
            "CONTOSO\\g0",
            "*S-1-5-21-1-2-3-5000",
        ];
        let keys = written.iter().map(|w| directory.key_of(w));
        keys.map(|k| {
            let shown = directory.display(&k);
            (
                k.clone(),
                shown,
                directory.is_declared(&k),
                directory.is_directory_group(&k),
            )
        })
        .collect()
    }

    #[test]
    fn a_scoped_directory_resolves_as_one_built_for_its_accounts_alone() {
        let full = expect::load("s.yaml", YAML).unwrap();
        let shared = Arc::new(SharedDirectory::new(&full).unwrap());
        for keep in [vec![0], vec![1], vec![0, 1], vec![]] {
            let mut alone = full.clone();
            alone.accounts = keep.iter().map(|&i| full.accounts[i].clone()).collect();
            let built = Directory::new(&alone);
            let scoped = Directory::scoped(&shared, &alone.accounts);
            assert_eq!(looks(&scoped), looks(&built), "accounts {keep:?}");
            let subjects = |d: &Directory| {
                let each = d
                    .accounts
                    .iter()
                    .map(|s| (s.key.clone(), s.member_of.clone()));
                each.collect::<Vec<_>>()
            };
            assert_eq!(subjects(&scoped), subjects(&built));
        }
    }
}
