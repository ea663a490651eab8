//! Several exports read together, with every account and group findable
//! by any name Windows accepts for it (`CONTOSO\svc_sql`, `svc_sql`,
//! `svc_sql@contoso.test`, its SID, its DN), and the facts AD derives
//! rather than stores: the NetBIOS domain name, the primary group, the
//! password policy that governs an account.
//!
//! Built once, in time linear in the exports' size; every lookup after
//! is a hash-map probe.

mod groups;
mod keys;
mod lookup;
mod naming;
mod policy;
mod tables;
#[cfg(test)]
mod tests;

use std::ptr;

use super::{Domain, Export, Object, ObjectKind, Origin, PasswordSettings};
use crate::principal::Sid;
use tables::{Id, Tables, get};

/// One object of the index, with the export it was read from.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    /// The export holding the object.
    pub export: &'a Export,
    /// The object.
    pub object: &'a Object,
}

impl Entry<'_> {
    /// Where `line` of the object's file is, as messages write it:
    /// `contoso.ldif:1234`.
    pub fn place(&self, line: u32) -> String {
        let file = self.object.origin.file;
        self.export.place(Origin { file, line })
    }

    /// Where the object starts, as messages write it.
    pub fn origin(&self) -> String {
        self.place(self.object.origin.line)
    }
}

/// The password and lockout policy that governs a domain account, as AD
/// resolves it.
#[derive(Clone, Copy, Debug)]
pub enum Governing<'a> {
    /// A PSO: the one applied to the account itself with the lowest
    /// precedence, else the lowest of those applied to its global groups.
    Pso(&'a PasswordSettings, &'a Export),
    /// No PSO applies: the domain's own policy.
    Domain(&'a Domain, &'a Export),
}

/// What a written name stands for in the directory.
#[derive(Clone, Debug)]
pub enum Lookup<'a> {
    /// One object.
    Found(Entry<'a>),
    /// A bare `sam` that accounts of several domains carry: the caller
    /// should ask for `NETBIOS\sam` and can list these, in export order.
    Ambiguous(Vec<Entry<'a>>),
    /// Nothing by that name.
    Missing,
}

impl<'a> Lookup<'a> {
    /// The object, when exactly one was found.
    pub fn found(self) -> Option<Entry<'a>> {
        match self {
            Lookup::Found(entry) => Some(entry),
            Lookup::Ambiguous(_) | Lookup::Missing => None,
        }
    }
}

/// Every export given, indexed.
#[derive(Debug, Default)]
pub struct DirectoryIndex {
    exports: Vec<Export>,
    /// `domain_name:` of services.yaml: the NetBIOS name when no export
    /// carries one.
    domain_name: Option<String>,
    tables: Tables,
}

impl DirectoryIndex {
    /// Indexes `exports`; `domain_name` is the NetBIOS name declared in
    /// services.yaml, used for a domain whose export carries none when
    /// the exports hold exactly one domain (with several, no one name
    /// can be meant for all, and each falls to its DNS name's first
    /// label).
    pub fn new(exports: Vec<Export>, domain_name: Option<String>) -> Self {
        let tables = Tables::build(&exports, domain_name.as_deref());
        DirectoryIndex {
            exports,
            domain_name,
            tables,
        }
    }

    /// The exports, in the order given.
    pub fn exports(&self) -> &[Export] {
        &self.exports
    }

    /// Every object of every export, in the order read.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        self.exports.iter().flat_map(|export| {
            export
                .objects
                .iter()
                .map(move |object| Entry { export, object })
        })
    }

    /// Every domain of every export, in the order read, with its export.
    pub fn domains(&self) -> impl Iterator<Item = (&Domain, &Export)> {
        self.exports
            .iter()
            .flat_map(|export| export.domains.iter().map(move |domain| (domain, export)))
    }

    /// The object a name or SID as written stands for: `CONTOSO\svc_sql`,
    /// `contoso.test\svc_sql`, `svc_sql`, `svc_sql@contoso.test`,
    /// `S-1-5-21-…-1105`, or a DN; without regard to case. A bare name
    /// two domains share finds nothing: see [`Self::lookup`].
    pub fn find(&self, written: &str) -> Option<Entry<'_>> {
        self.lookup(written).found()
    }

    /// The object with this SID.
    pub fn by_sid(&self, sid: &Sid) -> Option<Entry<'_>> {
        self.entry_of(*self.tables.by_sid.get(sid)?)
    }

    /// The name Windows shows for the object: `CONTOSO\svc_sql`, or
    /// `BUILTIN\Administrators` for a built-in group; the bare
    /// `sAMAccountName` when its domain is not in the exports.
    pub fn name_of(&self, entry: Entry<'_>) -> String {
        let sam = &entry.object.sam_account_name;
        if self.tables.is_builtin(entry.object) {
            return format!("{}\\{sam}", keys::BUILTIN);
        }
        let netbios = self
            .id_of(entry)
            .and_then(|id| {
                self.tables
                    .object_domain
                    .get(id as usize)
                    .copied()
                    .flatten()
            })
            .and_then(|domain| self.tables.netbios.get(domain as usize));
        match netbios {
            Some(netbios) => format!("{netbios}\\{sam}"),
            None => sam.clone(),
        }
    }

    /// The NetBIOS name of a domain: its crossRef's `nETBIOSName`, else
    /// `domain_name:` of services.yaml (when the exports hold this one
    /// domain only), else the first label of its DNS name upper-cased.
    pub fn netbios_name(&self, domain: &Domain) -> String {
        let only = self.tables.domains.len() <= 1;
        let declared = self.domain_name.as_deref().filter(|_| only);
        tables::netbios_name(domain, declared)
    }

    /// The groups the object is a direct member of: `memberOf`, the
    /// groups whose `member` lists it, and its primary group; each once,
    /// in export order. References to objects outside the exports are
    /// left out; a foreign security principal's DN counts as its SID.
    pub fn direct_groups(&self, entry: Entry<'_>) -> Vec<Entry<'_>> {
        let Some(id) = self.id_of(entry) else {
            return Vec::new();
        };
        let groups = self.tables.groups.of(id);
        groups.iter().filter_map(|&g| self.entry_of(g)).collect()
    }

    /// Every group the object belongs to through nesting, each once,
    /// nearest first; cycles are followed once, and the object itself
    /// is never its own group.
    pub fn transitive_groups(&self, entry: Entry<'_>) -> Vec<Entry<'_>> {
        let Some(id) = self.id_of(entry) else {
            return Vec::new();
        };
        let groups = self.tables.groups.transitive(id);
        groups
            .into_iter()
            .filter_map(|g| self.entry_of(g))
            .collect()
    }

    /// The domain the object belongs to: by its SID's domain part, else
    /// by the domain DN its DN ends with, else its export's only domain.
    pub fn domain_of(&self, entry: Entry<'_>) -> Option<(&Domain, &Export)> {
        let id = self.id_of(entry)?;
        let number = self
            .tables
            .object_domain
            .get(id as usize)
            .copied()
            .flatten()?;
        let &(e, _) = self.tables.domains.get(number as usize)?;
        Some((
            self.tables.domain(&self.exports, number)?,
            get(&self.exports, e)?,
        ))
    }

    /// The policy that governs the object's password and lockout, as AD
    /// resolves `msDS-ResultantPSO` (rules in `policy.rs`); `None` for a
    /// group, and when the export carries neither a PSO that applies nor
    /// the domain's values.
    pub fn governing_policy(&self, entry: Entry<'_>) -> Option<Governing<'_>> {
        let id = self.id_of(entry)?;
        if entry.object.kind == ObjectKind::Group {
            return None;
        }
        if let Some(number) = policy::resultant_pso(&self.tables, &self.exports, id) {
            let &(e, _) = self.tables.psos.get(number as usize)?;
            let pso = policy::pso(&self.tables, &self.exports, number)?;
            return Some(Governing::Pso(pso, get(&self.exports, e)?));
        }
        let (domain, export) = self.domain_of(entry)?;
        let known = domain.max_password_age_days.is_some() || domain.lockout_threshold.is_some();
        known.then_some(Governing::Domain(domain, export))
    }

    /// The number of an entry of this index; `None` for an entry of
    /// another index. Found by address: the export by identity, the
    /// object by its offset in the export's list.
    fn id_of(&self, entry: Entry<'_>) -> Option<Id> {
        let e = self.exports.iter().position(|x| ptr::eq(x, entry.export))?;
        let objects = &entry.export.objects;
        let offset = ptr::from_ref(entry.object)
            .addr()
            .checked_sub(objects.as_ptr().addr())?;
        let at = offset / size_of::<Object>().max(1);
        if !ptr::eq(objects.get(at)?, entry.object) {
            return None;
        }
        let before: usize = self.exports.iter().take(e).map(|x| x.objects.len()).sum();
        u32::try_from(before + at).ok()
    }

    /// The entry numbered `id`.
    fn entry_of(&self, id: Id) -> Option<Entry<'_>> {
        let &(e, _) = self.tables.objects.get(id as usize)?;
        Some(Entry {
            export: get(&self.exports, e)?,
            object: self.object(id)?,
        })
    }

    fn object(&self, id: Id) -> Option<&Object> {
        self.tables.object(&self.exports, id)
    }

    /// Map insertions and probes the build made, for the doubling test.
    #[cfg(test)]
    fn build_work(&self) -> u64 {
        self.tables.work
    }
}
