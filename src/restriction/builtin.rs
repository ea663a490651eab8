//! The built-in Administrator (RID 500) and Guest (RID 501): disabled or
//! renamed by `[System Access]`.

use super::{Account, Context, Evidence, Restriction, RestrictionKind, SubStatus, restriction};
use crate::policy::account::{AccountPolicy, PolicySetting};
use crate::principal::PrincipalKey;

const ADMINISTRATOR: u32 = 500;
const GUEST: u32 = 501;

/// The built-in account `rid`'s enabled switch and name setting.
fn settings(policy: &AccountPolicy, rid: u32) -> (&PolicySetting<bool>, &PolicySetting<String>) {
    if rid == GUEST {
        (&policy.guest_enabled, &policy.guest_name)
    } else {
        (&policy.admin_enabled, &policy.admin_name)
    }
}

fn default_name(rid: u32) -> &'static str {
    if rid == GUEST {
        "Guest"
    } else {
        "Administrator"
    }
}

/// The account's name without a `.\` or machine prefix.
fn bare_name(account: Account<'_>) -> &str {
    let name = account.decl.name.value.trim();
    name.rsplit('\\').next().unwrap_or(name)
}

/// The built-in RID the account is, by SID, default name or new name.
pub(crate) fn builtin_rid(account: Account<'_>, policy: &AccountPolicy) -> Option<u32> {
    if let PrincipalKey::MachineRid(rid @ (ADMINISTRATOR | GUEST)) = account.subject.key {
        return Some(rid);
    }
    let name = bare_name(account);
    [ADMINISTRATOR, GUEST]
        .into_iter()
        .find(|&rid| settings(policy, rid).1.value.eq_ignore_ascii_case(name))
}

/// The expectation names a built-in account by the name it had before
/// `NewGuestName` / `NewAdministratorName` renamed it.
pub(super) fn renamed(account: Account<'_>, context: Context<'_>) -> Option<Restriction> {
    let name = bare_name(account);
    let rid = [ADMINISTRATOR, GUEST]
        .into_iter()
        .find(|&rid| default_name(rid).eq_ignore_ascii_case(name))
        .filter(|&rid| account.subject.key == PrincipalKey::MachineRid(rid))?;
    let (_, new_name) = settings(context.policy, rid);
    if new_name.value.eq_ignore_ascii_case(name) {
        return None;
    }
    let reason = format!(
        "{} = \"{}\" renames the built-in {} (RID {rid}), so the name {name} no longer names it",
        new_name.key,
        new_name.value,
        default_name(rid)
    );
    let mut r = restriction(
        RestrictionKind::BuiltinRenamed,
        SubStatus::NoSuchUser,
        Evidence::of(new_name),
        (
            reason,
            format!("renames the built-in {}", default_name(rid)),
        ),
    );
    r.setting = new_name.key;
    Some(r)
}

/// `EnableGuestAccount = 0` / `EnableAdminAccount = 0` disable the account.
pub(super) fn disabled(account: Account<'_>, context: Context<'_>) -> Option<Restriction> {
    let rid = builtin_rid(account, context.policy)?;
    let (enabled, name) = settings(context.policy, rid);
    if enabled.value {
        return None;
    }
    let how = match Evidence::of(enabled) {
        Evidence::Default => format!(
            "no template defines {}, and the default disables",
            enabled.key
        ),
        _ => format!("{} = 0 disables", enabled.key),
    };
    let reason = format!(
        "{how} the built-in {} account (RID {rid}, named {})",
        default_name(rid),
        name.value
    );
    let mut r = restriction(
        RestrictionKind::BuiltinDisabled,
        SubStatus::AccountDisabled,
        Evidence::of(enabled),
        (
            reason,
            format!("disables the built-in {}", default_name(rid)),
        ),
    );
    r.setting = enabled.key;
    Some(r)
}

/// For a template entry that names a built-in account by its default
/// name (`Guest`), the name the policy gave it instead, if renamed: the
/// entry no longer resolves to the account on the machine.
pub fn renamed_entry<'p>(
    key: &PrincipalKey,
    written_name: &str,
    policy: &'p AccountPolicy,
) -> Option<&'p str> {
    let PrincipalKey::MachineRid(rid @ (ADMINISTRATOR | GUEST)) = *key else {
        return None;
    };
    let bare = written_name.trim().rsplit('\\').next().unwrap_or("");
    let (_, name) = settings(policy, rid);
    let renamed = !name.value.eq_ignore_ascii_case(default_name(rid));
    (renamed && bare.eq_ignore_ascii_case(default_name(rid))).then_some(name.value.as_str())
}
