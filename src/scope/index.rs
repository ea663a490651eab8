//! An index of the GPOs by the keys a scope entry can name them by, so
//! that resolving every entry of every scope does not compare each entry
//! with every GPO (1,500 scopes × 10,000 GPOs in a large forest).

use std::collections::HashMap;
use std::path::{Component, Path};

use crate::discover::{Gpo, normalize_guid};

/// GPO indices by GUID, by display name and by the last part of their
/// paths. Lookups give candidates; the caller still checks each one.
#[derive(Debug, Default)]
pub struct GpoIndex {
    by_guid: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    by_last_part: HashMap<String, Vec<usize>>,
}

impl GpoIndex {
    /// Indexes every GPO.
    pub fn new(gpos: &[Gpo]) -> Self {
        let mut index = GpoIndex::default();
        for (i, gpo) in gpos.iter().enumerate() {
            if let Some(guid) = &gpo.guid {
                push(&mut index.by_guid, guid.clone(), i);
            }
            if let Some(name) = &gpo.name {
                push(&mut index.by_name, name.to_ascii_lowercase(), i);
            }
            let paths = std::iter::once(gpo.root.as_path()).chain(gpo.template.as_deref());
            for part in paths.filter_map(last_part) {
                push(&mut index.by_last_part, part, i);
            }
        }
        index
    }

    /// Every GPO `entry` could name, ascending: a superset of the GPOs
    /// whose GUID, display name or path matches it.
    pub fn candidates(&self, entry: &str) -> Vec<usize> {
        let entry = entry.trim();
        let guid = normalize_guid(entry).and_then(|g| self.by_guid.get(&g));
        let name = self.by_name.get(&entry.to_ascii_lowercase());
        let part = last_entry_part(entry).and_then(|p| self.by_last_part.get(&p));
        let mut out: Vec<usize> = [guid, name, part]
            .into_iter()
            .flatten()
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn push(map: &mut HashMap<String, Vec<usize>>, key: String, index: usize) {
    let list = map.entry(key).or_default();
    // A GPO whose root and template end alike is listed once.
    if list.last() != Some(&index) {
        list.push(index);
    }
}

/// The last normal component of a path, lower case, as path matching compares it.
fn last_part(path: &Path) -> Option<String> {
    path.components().rev().find_map(|c| match c {
        Component::Normal(part) => Some(part.to_string_lossy().to_lowercase()),
        _ => None,
    })
}

/// The last part of an entry read as a path, with either kind of slash.
fn last_entry_part(entry: &str) -> Option<String> {
    entry
        .split(['/', '\\'])
        .rfind(|part| !part.is_empty() && *part != ".")
        .map(str::to_lowercase)
}
