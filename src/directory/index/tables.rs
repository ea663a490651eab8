//! The maps behind [`super::DirectoryIndex`], built in one pass over the
//! objects for names, then one over their references.
//!
//! Objects, domains and PSOs are numbered in the order the exports give
//! them (export by export), so every list the index returns is in that
//! order too, whatever the hash maps' order.

use rustc_hash::FxHashMap as HashMap;

use super::groups::Memberships;
use super::keys;
use crate::directory::{Export, Object, Reference};
use crate::principal::Sid;

/// An object's number: its place among every export's objects.
pub(super) type Id = u32;

/// What a bare `sam` stands for: one account, or several in different
/// domains.
#[derive(Clone, Debug)]
pub(super) enum Bare {
    One(Id),
    Many(Vec<Id>),
}

/// The index's tables.
#[derive(Debug, Default)]
pub(super) struct Tables {
    /// Object number → (export, object) positions.
    pub objects: Vec<(u32, u32)>,
    /// Domain number → (export, domain) positions.
    pub domains: Vec<(u32, u32)>,
    /// Domain number → its NetBIOS name, as `netbios_name` gives it.
    pub netbios: Vec<String>,
    /// Object number → its domain's number.
    pub object_domain: Vec<Option<u32>>,
    /// Objects by SID; the first export to give a SID keeps it.
    pub by_sid: HashMap<Sid, Id>,
    /// Objects by folded `NETBIOS\sam`, `dns.name\sam`, `BUILTIN\sam`,
    /// UPN and DN; the first to give a key keeps it.
    pub by_key: HashMap<String, Id>,
    /// Objects by folded bare `sam`.
    pub by_bare: HashMap<String, Bare>,
    /// Each object's direct groups.
    pub groups: Memberships,
    /// PSO number → (export, PSO) positions.
    pub psos: Vec<(u32, u32)>,
    /// Object number → the PSOs whose `msDS-PSOAppliesTo` names it.
    pub pso_targets: HashMap<Id, Vec<u32>>,
    /// Map insertions and probes made while building, for the doubling
    /// test.
    pub work: u64,
}

/// Numbers from positions: every count here is bounded by `u32` since an
/// export's objects come from a file under 4 GiB, one line or more each.
pub(super) fn number(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Tables {
    /// Builds every table over `exports`; `declared` is services.yaml's
    /// `domain_name:`.
    pub fn build(exports: &[Export], declared: Option<&str>) -> Tables {
        let mut tables = Tables::default();
        tables.number_all(exports);
        tables.name_domains(exports, declared);
        tables.place_objects(exports);
        tables.key_objects(exports);
        tables.groups = Memberships::build(&mut tables, exports);
        tables.target_psos(exports);
        crate::work::add(
            crate::work::Counter::DirectoryWork,
            usize::try_from(tables.work).unwrap_or(usize::MAX),
        );
        tables
    }

    fn number_all(&mut self, exports: &[Export]) {
        for (e, export) in exports.iter().enumerate() {
            let e = number(e);
            let objects = (0..export.objects.len()).map(|o| (e, number(o)));
            self.objects.extend(objects);
            let domains = (0..export.domains.len()).map(|d| (e, number(d)));
            self.domains.extend(domains);
            let psos = (0..export.password_settings.len()).map(|p| (e, number(p)));
            self.psos.extend(psos);
        }
    }

    fn name_domains(&mut self, exports: &[Export], declared: Option<&str>) {
        let only = self.domains.len() == 1;
        self.netbios = self
            .domains
            .iter()
            .filter_map(|&(e, d)| get(exports, e)?.domains.get(d as usize))
            .map(|domain| netbios_name(domain, declared.filter(|_| only)))
            .collect();
    }

    /// Gives each object its domain: by its SID's domain part, else by
    /// the domain DN its DN ends with, else its export's only domain.
    fn place_objects(&mut self, exports: &[Export]) {
        let mut by_sid = HashMap::default();
        let mut by_dn = HashMap::default();
        for (number, &(e, d)) in self.domains.iter().enumerate() {
            let Some(domain) = get(exports, e).and_then(|x| x.domains.get(d as usize)) else {
                continue;
            };
            if let Some(sid) = domain.sid {
                by_sid.entry(sid).or_insert(self::number(number));
            }
            if let Some(dn) = &domain.dn {
                by_dn
                    .entry(keys::fold_dn(dn))
                    .or_insert(self::number(number));
            }
        }
        let mut probes = 0;
        let mut first_domain = Vec::with_capacity(exports.len());
        let mut next = 0;
        for export in exports {
            first_domain.push((export.domains.len() == 1).then_some(number(next)));
            next += export.domains.len();
        }
        let domain_of = |object: &Object, probes: &mut u64| {
            *probes += 1;
            if let Some(found) = object.sid.and_then(|sid| by_sid.get(&sid.domain()?)) {
                return Some(*found);
            }
            let dn = keys::fold_dn(object.dn.as_deref()?);
            keys::dn_suffixes(&dn).find_map(|suffix| {
                *probes += 1;
                by_dn.get(suffix).copied()
            })
        };
        self.object_domain = self
            .objects
            .iter()
            .map(|&(e, o)| {
                let object = get(exports, e).and_then(|x| x.objects.get(o as usize))?;
                domain_of(object, &mut probes)
                    .or_else(|| first_domain.get(e as usize).copied().flatten())
            })
            .collect();
        self.work += probes + (self.domains.len() * 2) as u64;
    }

    /// Finds which PSOs apply to which objects.
    fn target_psos(&mut self, exports: &[Export]) {
        for number in 0..self.psos.len() {
            let Some(&(e, p)) = self.psos.get(number) else {
                continue;
            };
            let Some(pso) = get(exports, e).and_then(|x| x.password_settings.get(p as usize))
            else {
                continue;
            };
            for reference in &pso.applies_to {
                if let Some(target) = self.resolve(reference) {
                    self.pso_targets
                        .entry(target)
                        .or_default()
                        .push(self::number(number));
                }
            }
        }
    }

    /// The object a reference names: by SID, by DN, or by the SID a
    /// foreign security principal's DN carries.
    pub fn resolve(&mut self, reference: &Reference) -> Option<Id> {
        self.work += 1;
        match reference {
            Reference::Sid(sid) => self.by_sid.get(sid).copied(),
            Reference::Dn(dn) => {
                let dn = keys::fold_dn(dn);
                self.by_key.get(&dn).copied().or_else(|| {
                    self.work += 1;
                    self.by_sid.get(&keys::foreign_sid(&dn)?).copied()
                })
            }
        }
    }

    /// Whether an object is a `BUILTIN` alias: by SID, or, without one,
    /// by sitting in the `CN=Builtin` container.
    pub fn is_builtin(&self, object: &Object) -> bool {
        match (&object.sid, &object.dn) {
            (Some(sid), _) => keys::is_builtin(sid),
            (None, Some(dn)) => keys::in_builtin_container(&keys::fold_dn(dn)),
            (None, None) => false,
        }
    }

    /// The object numbered `id`.
    pub fn object<'e>(&self, exports: &'e [Export], id: Id) -> Option<&'e Object> {
        let &(e, o) = self.objects.get(id as usize)?;
        get(exports, e)?.objects.get(o as usize)
    }

    /// The domain numbered `number`.
    pub fn domain<'e>(
        &self,
        exports: &'e [Export],
        number: u32,
    ) -> Option<&'e crate::directory::Domain> {
        let &(e, d) = self.domains.get(number as usize)?;
        get(exports, e)?.domains.get(d as usize)
    }
}

/// The export numbered `e`.
pub(super) fn get(exports: &[Export], e: u32) -> Option<&Export> {
    exports.get(e as usize)
}

/// A domain's NetBIOS name: its crossRef's, else `declared`, else the
/// first label of its DNS name upper-cased.
pub(super) fn netbios_name(domain: &crate::directory::Domain, declared: Option<&str>) -> String {
    if let Some(name) = domain.netbios_name.as_deref().filter(|n| !n.is_empty()) {
        return name.to_owned();
    }
    if let Some(name) = declared.filter(|n| !n.is_empty()) {
        return name.to_owned();
    }
    keys::first_label(&domain.dns_name)
}
