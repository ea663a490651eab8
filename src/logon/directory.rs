//! The declared accounts and groups, as identities the model can match.
//!
//! An account or group may be known by SID and by name; templates may use
//! either. Every alias maps to one canonical key (the SID when declared),
//! so a holder written either way matches.

use rustc_hash::FxHashMap as HashMap;

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

/// Every declared identity, with aliases resolved.
#[derive(Clone, Debug, Default)]
pub struct Directory {
    /// The domain SID prefix, when declared or implied.
    pub domain: Option<Sid>,
    /// Declared accounts, in file order.
    pub accounts: Vec<Subject>,
    /// Declared groups, in file order.
    pub groups: Vec<DirectoryGroup>,
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
            .or_else(|| implied_domain(expect));
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
        directory.groups = expect.groups.iter().map(|g| directory.group(g)).collect();
        directory.accounts = expect
            .accounts
            .iter()
            .map(|a| directory.subject(a))
            .collect();
        directory.index_declared();
        directory.add_known(&expect.known);
        directory
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

    /// The canonical key of any key: a declared alias, or itself.
    pub fn canonical(&self, key: &PrincipalKey) -> PrincipalKey {
        self.aliases
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.clone())
    }

    /// The canonical key of a `*SID` or name as written.
    pub fn key_of(&self, written: &str) -> PrincipalKey {
        self.canonical(&PrincipalKey::of_written(written, self.domain))
    }

    /// Whether the key is a declared account or group.
    pub fn is_declared(&self, key: &PrincipalKey) -> bool {
        self.declared.contains_key(&self.canonical(key))
    }

    /// Whether the key is a declared directory group.
    pub fn is_directory_group(&self, key: &PrincipalKey) -> bool {
        self.declared
            .get(&self.canonical(key))
            .is_some_and(|(_, group)| *group)
    }

    /// The name to show for a key: the declared name, else the well-known one.
    pub fn display(&self, key: &PrincipalKey) -> String {
        let key = self.canonical(key);
        self.declared
            .get(&key)
            .map_or_else(|| key.to_string(), |(name, _)| name.clone())
    }

    fn alias(&mut self, name: &Spanned<String>, sid: Option<&Spanned<Sid>>) {
        let by_name = PrincipalKey::of_written(&name.value, self.domain);
        let Some(sid) = sid else { return };
        let by_sid = PrincipalKey::of_sid(sid.value, self.domain);
        if by_name != by_sid {
            self.aliases.insert(by_name, by_sid);
        }
    }

    fn edges(&self, member_of: &[Spanned<String>]) -> Vec<DeclaredEdge> {
        member_of
            .iter()
            .map(|entry| DeclaredEdge {
                group: self.key_of(&entry.value),
                span: entry.span,
            })
            .collect()
    }

    fn group(&self, decl: &GroupDecl) -> DirectoryGroup {
        DirectoryGroup {
            display: decl.name.value.clone(),
            key: self.key_of(&decl.name.value),
            member_of: self.edges(&decl.member_of),
        }
    }

    fn subject(&self, decl: &AccountDecl) -> Subject {
        Subject {
            display: decl.name.value.clone(),
            key: self.key_of(&decl.name.value),
            sid: decl.sid.as_ref().map(|s| s.value),
            kind: decl.kind,
            member_of: self.edges(&decl.member_of),
        }
    }
}

/// The domain of the first declared domain SID, when none is declared.
fn implied_domain(expect: &Expectations) -> Option<Sid> {
    let groups = expect.groups.iter().filter_map(|g| g.sid.as_ref());
    let accounts = expect.accounts.iter().filter_map(|a| a.sid.as_ref());
    groups
        .chain(accounts)
        .find(|sid| sid.value.is_domain_relative())
        .and_then(|sid| sid.value.domain())
}
