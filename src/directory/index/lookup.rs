//! Finding what a written name stands for, and the closest name when
//! nothing is.

use std::ptr;

use super::tables::{Bare, Id};
use super::{DirectoryIndex, Lookup, keys};
use crate::model::fold;
use crate::principal::Sid;

impl DirectoryIndex {
    /// What `written` stands for, telling a bare name several domains
    /// share from a name the directory lacks.
    pub fn lookup(&self, written: &str) -> Lookup<'_> {
        let written = written.trim();
        let found = |id: Option<&Id>| match id.and_then(|&id| self.entry_of(id)) {
            Some(entry) => Lookup::Found(entry),
            None => Lookup::Missing,
        };
        if written.is_empty() {
            return Lookup::Missing;
        }
        if let Ok(sid) = Sid::parse(written) {
            return found(self.tables.by_sid.get(&sid));
        }
        // `=` never appears in a sAMAccountName or a UPN: a DN.
        if written.contains('=') {
            return found(self.tables.by_key.get(&keys::fold_dn(written)));
        }
        let key = fold(written);
        if let Some(id) = self.tables.by_key.get(&key) {
            return found(Some(id));
        }
        match self.tables.by_bare.get(&key) {
            Some(Bare::One(id)) => found(Some(id)),
            Some(Bare::Many(ids)) => {
                Lookup::Ambiguous(ids.iter().filter_map(|&id| self.entry_of(id)).collect())
            }
            None => Lookup::Missing,
        }
    }

    /// The closest name the directory has to `written`, for a
    /// did-you-mean, written `NETBIOS\sam`. The account part is compared
    /// with every `sAMAccountName`, of the written domain's objects when
    /// the domain part names a known domain, else of all.
    pub fn suggest(&self, written: &str) -> Option<String> {
        let written = written.trim();
        let (domain, name) = match written.rsplit_once('\\') {
            Some((domain, name)) => (Some(domain), name),
            None => (None, written.split('@').next().unwrap_or(written)),
        };
        let within = domain.and_then(|d| self.domain_filter(d));
        let candidates: Vec<(&str, Id)> = (0..self.tables.objects.len())
            .filter_map(|id| u32::try_from(id).ok())
            .filter(|&id| within.as_ref().is_none_or(|keep| keep(id)))
            .filter_map(|id| Some((self.object(id)?.sam_account_name.as_str(), id)))
            .collect();
        let best = crate::suggest::did_you_mean(name, candidates.iter().map(|&(sam, _)| sam))?;
        let &(_, id) = candidates.iter().find(|&&(sam, _)| ptr::eq(sam, best))?;
        Some(self.name_of(self.entry_of(id)?))
    }

    /// A test keeping the objects of the domain written `domain` (NetBIOS
    /// name, DNS name or `BUILTIN`); `None` when no domain is written so.
    fn domain_filter(&self, domain: &str) -> Option<Box<dyn Fn(Id) -> bool + '_>> {
        let folded = fold(domain);
        if folded == fold(keys::BUILTIN) {
            return Some(Box::new(|id| {
                self.object(id).is_some_and(|o| self.tables.is_builtin(o))
            }));
        }
        let number = (0..self.tables.domains.len()).find_map(|number| {
            let number = u32::try_from(number).ok()?;
            let dns = &self.tables.domain(&self.exports, number)?.dns_name;
            let netbios = self.tables.netbios.get(number as usize)?;
            (fold(netbios) == folded || fold(dns) == folded).then_some(number)
        })?;
        Some(Box::new(move |id| {
            self.tables
                .object_domain
                .get(id as usize)
                .copied()
                .flatten()
                == Some(number)
        }))
    }
}
