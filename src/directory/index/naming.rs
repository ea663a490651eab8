//! The name keys of [`Tables`]: every name Windows accepts for an
//! object, and bare names that several domains share.

use super::keys::{self, BUILTIN};
use super::tables::{Bare, Id, Tables, number};
use crate::directory::{Export, Object};
use crate::model::fold;

impl Tables {
    /// Keys every object by SID, by each qualified name, by UPN, by DN
    /// and by bare name.
    pub(super) fn key_objects(&mut self, exports: &[Export]) {
        for id in 0..self.objects.len() {
            let id = number(id);
            let Some(object) = self.object(exports, id) else {
                continue;
            };
            if let Some(sid) = object.sid {
                self.by_sid.entry(sid).or_insert(id);
                self.work += 1;
            }
            let mut keys = self.qualified_keys(exports, id, object);
            keys.extend(object.upn.as_deref().map(fold));
            keys.extend(object.dn.as_deref().map(keys::fold_dn));
            self.work += keys.len() as u64;
            for key in keys {
                self.by_key.entry(key).or_insert(id);
            }
            self.key_bare(exports, id, object);
        }
    }

    /// `NETBIOS\sam` and `dns.name\sam`, or `BUILTIN\sam`, folded.
    fn qualified_keys(&self, exports: &[Export], id: Id, object: &Object) -> Vec<String> {
        let sam = &object.sam_account_name;
        if self.is_builtin(object) {
            return vec![keys::qualified(BUILTIN, sam)];
        }
        let Some(domain) = self.object_domain.get(id as usize).copied().flatten() else {
            return Vec::new();
        };
        let mut names = Vec::with_capacity(2);
        if let Some(netbios) = self.netbios.get(domain as usize) {
            names.push(keys::qualified(netbios, sam));
        }
        let dns = self.domain(exports, domain).map(|d| d.dns_name.as_str());
        if let Some(dns) = dns.filter(|dns| !dns.is_empty()) {
            names.push(keys::qualified(dns, sam));
        }
        names
    }

    /// Adds `sam` alone, unless an object of the same qualified name
    /// already holds it (the same account in two exports): a second
    /// domain's account with that name makes the bare name ambiguous.
    fn key_bare(&mut self, exports: &[Export], id: Id, object: &Object) {
        let key = fold(&object.sam_account_name);
        self.work += 1;
        let same = |other: Id| self.same_account(exports, id, other);
        let grown = match self.by_bare.get(&key) {
            None => Some(Bare::One(id)),
            Some(&Bare::One(other)) => (!same(other)).then(|| Bare::Many(vec![other, id])),
            Some(Bare::Many(others)) => (!others.iter().any(|&other| same(other))).then(|| {
                let mut all = others.clone();
                all.push(id);
                Bare::Many(all)
            }),
        };
        if let Some(bare) = grown {
            self.by_bare.insert(key, bare);
        }
    }

    /// Whether two objects are the same account as Windows names it: the
    /// same folded qualified name, or the same SID.
    fn same_account(&self, exports: &[Export], a: Id, b: Id) -> bool {
        let (Some(x), Some(y)) = (self.object(exports, a), self.object(exports, b)) else {
            return false;
        };
        if let (Some(p), Some(q)) = (x.sid, y.sid) {
            return p == q;
        }
        let domain = |id: Id, object: &Object| {
            if self.is_builtin(object) {
                return Some(BUILTIN.to_owned());
            }
            let d = self.object_domain.get(id as usize).copied().flatten()?;
            self.netbios.get(d as usize).map(|n| fold(n))
        };
        domain(a, x) == domain(b, y)
    }
}
