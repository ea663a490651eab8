//! The password policy that governs an account, as AD constructs
//! `msDS-ResultantPSO` (MS-ADTS 3.1.1.4.5.36; "AD DS Fine-Grained
//! Password and Account Lockout Policy"; `Get-ADUserResultantPasswordPolicy`):
//!
//! 1. Only user accounts (`ADS_UF_NORMAL_ACCOUNT`) have a resultant PSO:
//!    computers, gMSAs and sMSAs are trust accounts and fall to the
//!    domain policy; so does `krbtgt` (RID 502, excluded since Windows
//!    Server 2019). A group is governed by nothing.
//! 2. PSOs whose `msDS-PSOAppliesTo` names the user itself: the lowest
//!    `msDS-PasswordSettingsPrecedence` wins, whatever the groups give.
//! 3. Else PSOs applied to the groups the user belongs to, transitively
//!    (`IDL_DRSGetMemberships`, `RevMembGetAccountGroups`: nested
//!    membership counts, the primary group too, `BUILTIN` groups not):
//!    the lowest precedence wins.
//! 4. Else the domain's own policy.
//!
//! Ties of precedence go to the lowest `objectGUID` in AD; exports do not
//! keep GUIDs here, so the PSO given first (export order, then order in
//! the export) wins. AD honours group links only on global security
//! groups; the export does not keep `groupType`, so a PSO linked to
//! another kind of group is counted here (documented in the README).

use super::tables::{Id, Tables, get};
use crate::directory::{Export, ObjectKind, PasswordSettings};

/// `DOMAIN_USER_RID_KRBTGT`.
const KRBTGT_RID: u32 = 502;

/// The PSO that governs `id`, by number: `None` when none applies (or
/// the object cannot have one).
pub(super) fn resultant_pso(tables: &Tables, exports: &[Export], id: Id) -> Option<u32> {
    let object = tables.object(exports, id)?;
    if object.kind != ObjectKind::User || object.sid.and_then(|s| s.rid()) == Some(KRBTGT_RID) {
        return None;
    }
    if let Some(direct) = lowest(tables, exports, tables.pso_targets.get(&id)) {
        return Some(direct);
    }
    let own_domain = tables.object_domain.get(id as usize).copied().flatten();
    let through_groups = tables
        .groups
        .transitive(id)
        .into_iter()
        .filter(|&group| counts_for_pso(tables, exports, group, own_domain))
        .filter_map(|group| tables.pso_targets.get(&group))
        .flatten()
        .copied()
        .collect::<Vec<_>>();
    lowest(tables, exports, Some(&through_groups))
}

/// Whether membership in `group` can bring a PSO: not a `BUILTIN`
/// alias, and in the user's domain when both domains are known (account
/// groups of another domain never hold this domain's users).
fn counts_for_pso(tables: &Tables, exports: &[Export], group: Id, own: Option<u32>) -> bool {
    let Some(object) = tables.object(exports, group) else {
        return false;
    };
    let theirs = tables.object_domain.get(group as usize).copied().flatten();
    let same_domain = match (own, theirs) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    same_domain && !tables.is_builtin(object)
}

/// The PSO of lowest precedence among `candidates`, the first given on
/// a tie.
fn lowest(tables: &Tables, exports: &[Export], candidates: Option<&Vec<u32>>) -> Option<u32> {
    candidates?
        .iter()
        .filter_map(|&number| Some((pso(tables, exports, number)?.precedence, number)))
        .min()
        .map(|(_, number)| number)
}

/// The PSO numbered `number`, with its export.
pub(super) fn pso<'e>(
    tables: &Tables,
    exports: &'e [Export],
    number: u32,
) -> Option<&'e PasswordSettings> {
    let &(e, p) = tables.psos.get(number as usize)?;
    get(exports, e)?.password_settings.get(p as usize)
}
