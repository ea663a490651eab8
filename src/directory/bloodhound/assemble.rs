//! The files of one collection gathered into one [`Export`].

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::convert::{self, FileKind};
use super::format::Collection;
use crate::directory::{DirectoryError, Domain, Export, Object, Origin, Reference};
use crate::principal::Sid;

/// The oldest `meta.version` read: v4 and before wrote other shapes.
const OLDEST_VERSION: i64 = 5;

/// What [`Builder::add`] made of a file.
#[derive(Debug)]
pub(super) enum Added {
    /// A users, groups, computers or domains file, read.
    Read,
    /// A SharpHound file of a type gplint does not read (`gpos`, …).
    OtherType(String),
    /// JSON, but no SharpHound file: what it lacks, in words.
    NotSharpHound(String),
}

/// An export being gathered, with each object findable by the
/// identifier SharpHound gave it.
#[derive(Debug, Default)]
pub(super) struct Builder {
    export: Export,
    /// Upper-cased `ObjectIdentifier` (with its `DOMAIN-` prefix, so
    /// the BUILTIN groups of two domains stay apart) → index in objects.
    objects: HashMap<String, usize>,
    /// Domain SID → index in domains.
    domains: HashMap<Sid, usize>,
    read_any: bool,
}

impl Builder {
    /// Adds the file `shown` (as messages name it).
    pub fn add(&mut self, shown: &str, collection: Collection) -> Result<Added, DirectoryError> {
        let Some(meta) = collection.meta else {
            return Ok(Added::NotSharpHound(
                "it is JSON without the `meta` object every SharpHound file has".to_owned(),
            ));
        };
        if let Some(version) = meta.version.filter(|&v| v < OLDEST_VERSION) {
            return Err(DirectoryError::BloodHoundVersion {
                path: shown.to_owned(),
                version,
            });
        }
        let Some(meta_type) = meta.kind else {
            return Ok(Added::NotSharpHound(
                "its `meta` object has no `type`".to_owned(),
            ));
        };
        let Some(kind) = FileKind::of(&meta_type) else {
            return Ok(Added::OtherType(meta_type));
        };
        let Some(data) = collection.data else {
            return Ok(Added::NotSharpHound(
                "it has a SharpHound `meta` object but no `data` array".to_owned(),
            ));
        };
        let file = u32::try_from(self.export.files.len()).unwrap_or(u32::MAX);
        self.export.files.push(shown.to_owned());
        self.read_any = true;
        for (at, item) in data.iter().enumerate() {
            let Some(record) = &item.0 else {
                continue;
            };
            let line = u32::try_from(at.saturating_add(1)).unwrap_or(u32::MAX);
            let origin = Origin { file, line };
            if kind == FileKind::Domains {
                if let Some(domain) = convert::domain(record, origin) {
                    self.add_domain(domain);
                }
            } else if let Some(object) = convert::object(kind, record, origin) {
                let id = record
                    .object_identifier
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_ascii_uppercase();
                self.add_object(id, object);
            }
        }
        Ok(Added::Read)
    }

    /// The export, or `None` when no users, groups, computers or domains
    /// file was added. Domains whose name no record gave are dropped.
    pub fn finish(mut self) -> Option<Export> {
        if !self.read_any {
            return None;
        }
        self.export.domains.retain(|d| !d.dns_name.is_empty());
        Some(self.export)
    }

    fn add_object(&mut self, id: String, object: Object) {
        match self.objects.entry(id) {
            Entry::Vacant(slot) => {
                slot.insert(self.export.objects.len());
                self.export.objects.push(object);
            }
            Entry::Occupied(slot) => {
                if let Some(kept) = self.export.objects.get_mut(*slot.get()) {
                    merge_object(kept, object);
                }
            }
        }
    }

    fn add_domain(&mut self, domain: Domain) {
        let Some(sid) = domain.sid else {
            return;
        };
        match self.domains.entry(sid) {
            Entry::Vacant(slot) => {
                slot.insert(self.export.domains.len());
                self.export.domains.push(domain);
            }
            Entry::Occupied(slot) => {
                if let Some(kept) = self.export.domains.get_mut(*slot.get()) {
                    merge_domain(kept, domain);
                }
            }
        }
    }
}

/// Joins a second record of the same object into the first. A full
/// record (one with a DN) wins over a stub for every fact; member lists
/// are joined.
fn merge_object(kept: &mut Object, mut other: Object) {
    if kept.dn.is_none() && other.dn.is_some() {
        std::mem::swap(kept, &mut other);
    }
    join_members(&mut kept.members, other.members);
    kept.upn = kept.upn.take().or(other.upn);
    kept.primary_group_rid = kept.primary_group_rid.or(other.primary_group_rid);
    kept.account_control = kept.account_control.or(other.account_control);
    kept.password_last_set = kept.password_last_set.or(other.password_last_set);
    kept.has_spn |= other.has_spn;
}

/// Appends the members of `more` not yet in `members`.
fn join_members(members: &mut Vec<Reference>, more: Vec<Reference>) {
    if more.is_empty() {
        return;
    }
    let mut seen: std::collections::HashSet<Reference> = members.iter().cloned().collect();
    for member in more {
        if seen.insert(member.clone()) {
            members.push(member);
        }
    }
}

/// Joins a second record of the same domain into the first; the one
/// with a name wins.
fn merge_domain(kept: &mut Domain, mut other: Domain) {
    if kept.dns_name.is_empty() && !other.dns_name.is_empty() {
        std::mem::swap(kept, &mut other);
    }
    kept.netbios_name = kept.netbios_name.take().or(other.netbios_name);
    kept.dn = kept.dn.take().or(other.dn);
    kept.max_password_age_days = kept.max_password_age_days.or(other.max_password_age_days);
    kept.lockout_threshold = kept.lockout_threshold.or(other.lockout_threshold);
}
