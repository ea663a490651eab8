//! Several exports read together, with every account and group findable
//! by any name Windows accepts for it (`CONTOSO\svc_sql`, `svc_sql`,
//! `svc_sql@contoso.test`, its SID, its DN), and the facts AD derives
//! rather than stores: the NetBIOS domain name, the primary group, the
//! password policy that governs an account.
//!
//! Built once, in time linear in the exports' size; every lookup after
//! is a hash-map probe.

use super::{Domain, Export, Object, PasswordSettings};
use crate::principal::Sid;

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
        let file = usize::try_from(self.object.origin.file)
            .ok()
            .and_then(|at| self.export.files.get(at))
            .map_or("directory export", String::as_str);
        format!("{file}:{line}")
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

/// Every export given, indexed.
#[derive(Debug, Default)]
pub struct DirectoryIndex {
    exports: Vec<Export>,
    /// `domain_name:` of services.yaml: the NetBIOS name when no export
    /// carries one.
    domain_name: Option<String>,
}

impl DirectoryIndex {
    /// Indexes `exports`; `domain_name` is the NetBIOS name declared in
    /// services.yaml, used when an export carries none.
    pub fn new(exports: Vec<Export>, domain_name: Option<String>) -> Self {
        DirectoryIndex {
            exports,
            domain_name,
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

    /// The object a name or SID as written stands for: `CONTOSO\svc_sql`,
    /// `svc_sql`, `svc_sql@contoso.test`, `S-1-5-21-…-1105`, or a DN;
    /// without regard to case.
    pub fn find(&self, written: &str) -> Option<Entry<'_>> {
        let _ = written;
        None
    }

    /// The object with this SID.
    pub fn by_sid(&self, sid: &Sid) -> Option<Entry<'_>> {
        let _ = sid;
        None
    }

    /// The name Windows shows for the object: `CONTOSO\svc_sql`, or
    /// `BUILTIN\Administrators` for a built-in group.
    pub fn name_of(&self, entry: Entry<'_>) -> String {
        entry.object.sam_account_name.clone()
    }

    /// The NetBIOS name of a domain: its crossRef's `nETBIOSName`, else
    /// `domain_name:` of services.yaml, else the first label of its DNS
    /// name upper-cased.
    pub fn netbios_name(&self, domain: &Domain) -> String {
        let declared = self.domain_name.clone();
        domain.netbios_name.clone().or(declared).unwrap_or_default()
    }

    /// The groups the object is a direct member of: `memberOf`, the
    /// groups whose `member` lists it, and its primary group; each once,
    /// in a stable order.
    pub fn direct_groups(&self, entry: Entry<'_>) -> Vec<Entry<'_>> {
        let _ = entry;
        Vec::new()
    }

    /// The domain the object belongs to, by SID or DN.
    pub fn domain_of(&self, entry: Entry<'_>) -> Option<(&Domain, &Export)> {
        let _ = entry;
        None
    }

    /// The policy that governs the object's password and lockout, as AD
    /// resolves it; `None` when the export carries neither a PSO that
    /// applies nor the domain's values.
    pub fn governing_policy(&self, entry: Entry<'_>) -> Option<Governing<'_>> {
        let _ = entry;
        None
    }

    /// The closest name the directory has to `written`, for a
    /// did-you-mean.
    pub fn suggest(&self, written: &str) -> Option<String> {
        let _ = written;
        None
    }
}
