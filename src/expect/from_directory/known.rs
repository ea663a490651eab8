//! The names and SIDs of every principal of the directory, for the
//! model to resolve template entries (`CONTOSO\svc_x`, `svc_x`, a SID)
//! that `services.yaml` does not declare. One entry per object with a
//! domain SID: linear in the exports. The domain controllers' BUILTIN
//! groups and well-known principals are left to the model's own tables.

use crate::directory::{DirectoryIndex, ObjectKind};
use crate::model::KnownPrincipal;

/// Every object of `index` with a domain SID.
pub(super) fn principals(index: &DirectoryIndex) -> Vec<KnownPrincipal> {
    index
        .entries()
        .filter_map(|entry| {
            let sid = entry.object.sid.filter(|sid| sid.is_domain_relative())?;
            Some(KnownPrincipal {
                name: index.name_of(entry),
                sam_account_name: entry.object.sam_account_name.clone(),
                sid,
                group: entry.object.kind == ObjectKind::Group,
            })
        })
        .collect()
}
