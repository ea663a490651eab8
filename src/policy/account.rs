//! The account-policy settings that decide whether a logon succeeds after
//! the rights check: `[System Access]` keys and two LSA registry values.
//!
//! Each is one setting, as a right is: the last input that defines it
//! wins, and one no input defines takes Windows' default for the target
//! (`windows-logon-facts.md` §8). A value that cannot be read as what the
//! key holds is skipped, so an earlier input or the default applies.

use crate::model::Target;
use crate::span::Span;
use crate::template::logon_keys::{
    FORCE_GUEST, LIMIT_BLANK_PASSWORD_USE, LOCKOUT_BAD_COUNT, MAX_PASSWORD_AGE, reads_system_access,
};
use crate::template::{SettingValue, Template, ranges};

use super::PolicyInput;
use super::password::{DEFAULT_LOCKOUT_BAD_COUNT, DEFAULT_MAX_PASSWORD_AGE};

/// Where a setting's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingOrigin {
    /// An input defines it.
    Policy {
        /// Index of the input in the chain.
        input: usize,
        /// The key's span in that input.
        span: Span,
    },
    /// No input defines it: Windows' default for the target.
    Default,
    /// The expectations file declares it, at this span: `domain_policy`
    /// values or a fine-grained password policy.
    Declared(Span),
}

impl SettingOrigin {
    /// The origin with its input index moved on by `by`: for inputs read
    /// after the chain's, such as the domain's GPOs.
    pub fn shifted(self, by: usize) -> SettingOrigin {
        match self {
            SettingOrigin::Policy { input, span } => SettingOrigin::Policy {
                input: input + by,
                span,
            },
            other => other,
        }
    }
}

/// One resultant setting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicySetting<T> {
    /// The key as gplint names it, e.g. `EnableGuestAccount`.
    pub key: &'static str,
    /// The value in force.
    pub value: T,
    /// Where it comes from.
    pub origin: SettingOrigin,
}

/// The resultant account policy of a chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountPolicy {
    /// `EnableGuestAccount`: the built-in Guest (RID 501) is enabled.
    pub guest_enabled: PolicySetting<bool>,
    /// `EnableAdminAccount`: the built-in Administrator (RID 500) is enabled.
    pub admin_enabled: PolicySetting<bool>,
    /// `NewGuestName`: the built-in Guest's name.
    pub guest_name: PolicySetting<String>,
    /// `NewAdministratorName`: the built-in Administrator's name.
    pub admin_name: PolicySetting<String>,
    /// `MaximumPasswordAge` in days, within the range Windows accepts
    /// (see [`crate::template::ranges`]); 0: passwords never expire.
    pub max_password_age: PolicySetting<i64>,
    /// `LockoutBadCount`: bad passwords before lockout; 0: never locks.
    pub lockout_bad_count: PolicySetting<i64>,
    /// `ForceLogoffWhenHourExpire`: network sessions end with the logon hours.
    pub force_logoff: PolicySetting<bool>,
    /// `LimitBlankPasswordUse`: blank-password local accounts at the console only.
    pub limit_blank_password_use: PolicySetting<bool>,
    /// `ForceGuest`: local accounts over the network become Guest.
    pub force_guest: PolicySetting<bool>,
}

impl AccountPolicy {
    /// Folds the chain's `[System Access]` and `[Registry Values]`.
    pub fn fold(inputs: &[PolicyInput<'_>], target: Target) -> Self {
        let number = |key, default| number_setting(inputs, key, default);
        let switch = |key, default| access(inputs, key, default, |v| integer(v).map(|n| n != 0));
        let name = |key, default: &str| access(inputs, key, default.to_owned(), text);
        AccountPolicy {
            guest_enabled: switch("EnableGuestAccount", false),
            // Enabled on servers and DCs, disabled on clients (§8).
            admin_enabled: switch("EnableAdminAccount", target != Target::Workstation),
            guest_name: name("NewGuestName", "Guest"),
            admin_name: name("NewAdministratorName", "Administrator"),
            max_password_age: number(MAX_PASSWORD_AGE, DEFAULT_MAX_PASSWORD_AGE),
            lockout_bad_count: number(LOCKOUT_BAD_COUNT, DEFAULT_LOCKOUT_BAD_COUNT),
            force_logoff: switch("ForceLogoffWhenHourExpire", false),
            limit_blank_password_use: registry(inputs, LIMIT_BLANK_PASSWORD_USE, true),
            force_guest: registry(inputs, FORCE_GUEST, false),
        }
    }

    /// Whether passwords that may expire do.
    pub fn passwords_expire(&self) -> bool {
        self.max_password_age.value > 0
    }
}

/// The last input whose `[System Access]` defines the number `key`
/// readably and within the range Windows accepts (see
/// [`crate::template::ranges`]), else `default`.
pub(super) fn number_setting(
    inputs: &[PolicyInput<'_>],
    key: &'static str,
    default: i64,
) -> PolicySetting<i64> {
    access(inputs, key, default, |value| {
        integer(value).and_then(|n| ranges::in_force(key, n))
    })
}

fn integer(value: &SettingValue<'_>) -> Option<i64> {
    match value {
        SettingValue::Integer(n) => Some(*n),
        _ => None,
    }
}

fn text(value: &SettingValue<'_>) -> Option<String> {
    match value {
        SettingValue::Text(t) | SettingValue::Raw(t) if !t.trim().is_empty() => {
            Some(t.trim().to_owned())
        }
        _ => None,
    }
}

/// The last input whose `[System Access]` defines `key` readably.
fn access<T>(
    inputs: &[PolicyInput<'_>],
    key: &'static str,
    default: T,
    read: impl Fn(&SettingValue<'_>) -> Option<T>,
) -> PolicySetting<T> {
    debug_assert!(
        reads_system_access(key),
        "{key} is missing from SYSTEM_ACCESS_KEYS"
    );
    let found = inputs.iter().enumerate().rev().find_map(|(input, i)| {
        let setting = crate::template::settings::find(&i.template.system_access, key)?;
        Some((input, setting.key_span, read(&setting.value)?))
    });
    setting(key, default, found)
}

/// The last input whose `[Registry Values]` sets the DWORD at `path`.
fn registry(inputs: &[PolicyInput<'_>], path: &'static str, default: bool) -> PolicySetting<bool> {
    let found = registry_switch(inputs, path);
    let key = path.rsplit('\\').next().unwrap_or(path);
    setting(key, default, found)
}

/// The last input whose `[Registry Values]` sets the DWORD at `path` to a
/// number: that input, the path's span, and whether the number is not 0.
pub(super) fn registry_switch(
    inputs: &[PolicyInput<'_>],
    path: &str,
) -> Option<(usize, Span, bool)> {
    inputs.iter().enumerate().rev().find_map(|(input, i)| {
        let value = registry_value(i.template, path)?;
        let number: u32 = value.data.first()?.trim().parse().ok()?;
        Some((input, value.path_span, number != 0))
    })
}

fn registry_value<'s>(
    template: &'s Template<'_>,
    path: &str,
) -> Option<&'s crate::template::RegistryValue<'s>> {
    template
        .registry_values
        .iter()
        .find(|v| v.path.trim().eq_ignore_ascii_case(path))
}

fn setting<T>(key: &'static str, default: T, found: Option<(usize, Span, T)>) -> PolicySetting<T> {
    match found {
        Some((input, span, value)) => PolicySetting {
            key,
            value,
            origin: SettingOrigin::Policy { input, span },
        },
        None => PolicySetting {
            key,
            value: default,
            origin: SettingOrigin::Default,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{syntax, template};

    fn fold(texts: &[&'static str], target: Target) -> AccountPolicy {
        let typed: Vec<_> = texts
            .iter()
            .map(|t| template::build(&syntax::parse(t)))
            .collect();
        fold_typed(&typed, target)
    }

    fn fold_typed(typed: &[Template<'_>], target: Target) -> AccountPolicy {
        let inputs: Vec<_> = typed
            .iter()
            .map(|template| PolicyInput {
                name: "x.inf",
                template,
            })
            .collect();
        AccountPolicy::fold(&inputs, target)
    }

    #[test]
    fn defaults_apply_where_no_template_speaks() {
        let policy = fold(&["[Version]\nRevision=1\n"], Target::Workstation);
        assert!(!policy.guest_enabled.value);
        assert!(!policy.admin_enabled.value);
        assert_eq!(policy.max_password_age.value, 42);
        assert!(policy.limit_blank_password_use.value);
        assert_eq!(policy.guest_enabled.origin, SettingOrigin::Default);
        assert!(fold(&[""], Target::MemberServer).admin_enabled.value);
    }

    #[test]
    fn the_last_template_that_defines_a_setting_wins() {
        let policy = fold(
            &[
                "[System Access]\nEnableGuestAccount = 1\nMaximumPasswordAge = 60\nNewGuestName = \"Visitor\"\n",
                "[System Access]\nEnableGuestAccount = 0\n[Registry Values]\nMACHINE\\System\\CurrentControlSet\\Control\\Lsa\\LimitBlankPasswordUse=4,0\n",
            ],
            Target::MemberServer,
        );
        assert!(!policy.guest_enabled.value);
        assert!(matches!(
            policy.guest_enabled.origin,
            SettingOrigin::Policy { input: 1, .. }
        ));
        assert_eq!(policy.max_password_age.value, 60);
        assert_eq!(policy.guest_name.value, "Visitor");
        assert!(!policy.limit_blank_password_use.value);
    }

    #[test]
    fn unreadable_values_fall_through() {
        let policy = fold(
            &["[System Access]\nMaximumPasswordAge = soon\n"],
            Target::MemberServer,
        );
        assert_eq!(policy.max_password_age.value, 42);
        assert_eq!(policy.max_password_age.origin, SettingOrigin::Default);
    }

    #[test]
    fn a_template_kept_for_the_logon_model_folds_alike() {
        let text = "[System Access]\nEnableGuestAccount = 1\nenableadminaccount = 0\n\
            NewGuestName = \"Visitor\"\nNewAdministratorName = \"Root\"\n\
            MaximumPasswordAge = 60\nLockoutBadCount = 3\nForceLogoffWhenHourExpire = 1\n\
            MinimumPasswordLength = 14\n";
        let full = template::build(&syntax::parse(text));
        let kept = full.clone().logon_only();
        assert_eq!(kept.system_access.len(), 7, "{:?}", kept.system_access);
        for target in [Target::Workstation, Target::MemberServer] {
            assert_eq!(
                fold_typed(std::slice::from_ref(&kept), target),
                fold_typed(std::slice::from_ref(&full), target)
            );
        }
    }
}
