//! The password and lockout settings that govern one account's password,
//! and whose policy they are.
//!
//! Password and lockout policy (`MaximumPasswordAge`, `LockoutBadCount`)
//! from a GPO linked below the domain affects only the local accounts of
//! the computers it applies to: "If these policies are set at any level
//! below the domain level in AD DS, they affect only local accounts on
//! member servers" (windows-itpro-docs `account-policies.md`), and the
//! Domain Controllers OU's account policy affects no domain account (KB
//! 255550). Domain accounts take it from the GPOs linked at the domain
//! root, or from a fine-grained password policy (PSO) on the account or
//! one of its groups (windows-logon-facts.md §9 item 6).

use crate::expect::PasswordPolicyDecl;
use crate::template::logon_keys::{LOCKOUT_BAD_COUNT, MAX_PASSWORD_AGE};

use super::PolicyInput;
use super::account::{AccountPolicy, PolicySetting, SettingOrigin, number_setting};

/// Windows' default maximum password age: 42 days.
pub const DEFAULT_MAX_PASSWORD_AGE: i64 = 42;
/// Windows' default lockout threshold: 0, the account never locks.
pub const DEFAULT_LOCKOUT_BAD_COUNT: i64 = 0;

/// Whose password policy governs an account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyScope {
    /// The account policy of the GPOs applied to the machine: its local
    /// accounts'.
    Machine,
    /// The domain's: the GPOs linked at the domain root, or the values
    /// `domain_policy` declares.
    Domain,
    /// A fine-grained password policy on the account or a group of it.
    FineGrained {
        /// The account or group the policy is applied to, as declared.
        on: String,
    },
}

/// The password and lockout settings that govern one account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordPolicy {
    /// `MaximumPasswordAge` in days, within the range Windows accepts
    /// (see [`crate::template::ranges`]); 0: passwords never expire.
    pub max_password_age: PolicySetting<i64>,
    /// `LockoutBadCount`: bad passwords before lockout; 0: never locks.
    pub lockout_bad_count: PolicySetting<i64>,
    /// Whose policy it is.
    pub scope: PolicyScope,
}

impl PasswordPolicy {
    /// The machine's: the chain's account policy, for local accounts.
    pub fn machine(policy: &AccountPolicy) -> Self {
        PasswordPolicy {
            max_password_age: policy.max_password_age.clone(),
            lockout_bad_count: policy.lockout_bad_count.clone(),
            scope: PolicyScope::Machine,
        }
    }

    /// The domain's, folded from the GPOs linked at the domain root as a
    /// chain is (the last that defines a key wins); a key none defines,
    /// or every key when there is no such GPO, takes Windows' default.
    /// Their inputs are numbered from `first`, after the chain's.
    pub fn domain(inputs: &[PolicyInput<'_>], first: usize) -> Self {
        let number = |key, default| {
            let mut setting = number_setting(inputs, key, default);
            setting.origin = setting.origin.shifted(first);
            setting
        };
        PasswordPolicy {
            max_password_age: number(MAX_PASSWORD_AGE, DEFAULT_MAX_PASSWORD_AGE),
            lockout_bad_count: number(LOCKOUT_BAD_COUNT, DEFAULT_LOCKOUT_BAD_COUNT),
            scope: PolicyScope::Domain,
        }
    }

    /// Values the expectations file declares: `domain_policy` or a
    /// fine-grained password policy.
    pub fn declared(decl: &PasswordPolicyDecl, scope: PolicyScope) -> Self {
        let age = &decl.max_password_age_days;
        let count = &decl.lockout_threshold;
        PasswordPolicy {
            max_password_age: PolicySetting {
                key: MAX_PASSWORD_AGE,
                value: age.value,
                origin: SettingOrigin::Declared(age.span),
            },
            lockout_bad_count: PolicySetting {
                key: LOCKOUT_BAD_COUNT,
                value: count.value,
                origin: SettingOrigin::Declared(count.span),
            },
            scope,
        }
    }

    /// Whether passwords that may expire do.
    pub fn passwords_expire(&self) -> bool {
        self.max_password_age.value > 0
    }

    /// Where `setting`'s value comes from, in words that follow it in a
    /// message: "MaximumPasswordAge = 60 days in the domain's account
    /// policy".
    pub fn from_words(&self, setting: &PolicySetting<i64>) -> String {
        match (&self.scope, setting.origin) {
            (PolicyScope::Domain, SettingOrigin::Default) => {
                "by Windows' default, as no account policy of the domain is known".to_owned()
            }
            (_, SettingOrigin::Default) => "by Windows' default".to_owned(),
            (PolicyScope::Machine, _) => "in the machine's account policy".to_owned(),
            (PolicyScope::Domain, SettingOrigin::Declared(_)) => {
                "in the domain's account policy (`domain_policy`)".to_owned()
            }
            (PolicyScope::Domain, _) => "in the domain's account policy".to_owned(),
            (PolicyScope::FineGrained { on }, _) => {
                format!("in the fine-grained password policy on {on}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Target;
    use crate::span::Span;
    use crate::span::Spanned;
    use crate::{syntax, template};

    fn inputs_of<'t>(typed: &'t [template::Template<'t>]) -> Vec<PolicyInput<'t>> {
        typed
            .iter()
            .map(|template| PolicyInput {
                name: "x.inf",
                template,
            })
            .collect()
    }

    #[test]
    fn the_domain_folds_its_gpos_and_numbers_them_after_the_chain() {
        let typed = [
            template::build(&syntax::parse(
                "[System Access]\nMaximumPasswordAge = 60\nLockoutBadCount = 3\n",
            )),
            template::build(&syntax::parse("[System Access]\nLockoutBadCount = 5\n")),
        ];
        let policy = PasswordPolicy::domain(&inputs_of(&typed), 4);
        assert_eq!(policy.max_password_age.value, 60);
        assert!(matches!(
            policy.max_password_age.origin,
            SettingOrigin::Policy { input: 4, .. }
        ));
        assert_eq!(policy.lockout_bad_count.value, 5);
        assert!(matches!(
            policy.lockout_bad_count.origin,
            SettingOrigin::Policy { input: 5, .. }
        ));
        assert_eq!(
            policy.from_words(&policy.max_password_age),
            "in the domain's account policy"
        );
    }

    #[test]
    fn a_domain_without_gpos_has_windows_defaults_and_says_so() {
        let policy = PasswordPolicy::domain(&[], 0);
        assert_eq!(policy.max_password_age.value, 42);
        assert_eq!(policy.lockout_bad_count.value, 0);
        assert_eq!(policy.max_password_age.origin, SettingOrigin::Default);
        assert!(
            policy
                .from_words(&policy.max_password_age)
                .contains("no account policy of the domain is known")
        );
    }

    #[test]
    fn declared_values_point_into_the_expectations_file() {
        let decl = PasswordPolicyDecl {
            max_password_age_days: Spanned::new(0, Span::new(3, 4)),
            lockout_threshold: Spanned::new(10, Span::new(7, 9)),
            span: Span::new(0, 10),
        };
        let on = PolicyScope::FineGrained {
            on: "CONTOSO\\Service Accounts".to_owned(),
        };
        let policy = PasswordPolicy::declared(&decl, on);
        assert!(!policy.passwords_expire());
        assert_eq!(
            policy.lockout_bad_count.origin,
            SettingOrigin::Declared(Span::new(7, 9))
        );
        assert_eq!(
            policy.from_words(&policy.lockout_bad_count),
            "in the fine-grained password policy on CONTOSO\\Service Accounts"
        );
    }

    #[test]
    fn the_machine_policy_is_the_chains() {
        let typed = [template::build(&syntax::parse(
            "[System Access]\nMaximumPasswordAge = 60\n",
        ))];
        let chain = AccountPolicy::fold(&inputs_of(&typed), Target::MemberServer);
        let policy = PasswordPolicy::machine(&chain);
        assert_eq!(policy.max_password_age.value, 60);
        assert_eq!(policy.scope, PolicyScope::Machine);
        assert_eq!(
            policy.from_words(&policy.lockout_bad_count),
            "by Windows' default"
        );
    }
}
