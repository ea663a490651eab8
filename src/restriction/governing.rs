//! Which password and lockout policy governs each declared account.
//!
//! A local account follows the account policy of the GPOs applied to the
//! machine (the chain's). A domain account follows only its domain's: a
//! fine-grained password policy on the account itself, else the first
//! one found on its groups (nearest first, in declaration order), else
//! the domain's policy in [`Context::domain`] (windows-logon-facts.md §9
//! item 6; MS-ADTS `msDS-ResultantPSO`: a PSO on the user beats one on a
//! group). gMSAs, virtual and well-known accounts have no password of
//! their own and are given the machine's, which no check reads.

use std::cell::RefCell;
use std::collections::VecDeque;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Context;
use crate::expect::{AccountDecl, Expectations};
use crate::logon::{Directory, Subject};
use crate::model::AccountKind;
use crate::policy::password::{PasswordPolicy, PolicyScope};
use crate::principal::PrincipalKey;

/// One policy per declared account, in the directory's order.
pub(super) fn password_policies(
    expect: &Expectations,
    directory: &Directory,
    context: Context<'_>,
) -> Vec<PasswordPolicy> {
    let machine = PasswordPolicy::machine(context.policy);
    let groups = GroupPolicies::new(expect, directory);
    directory
        .accounts
        .iter()
        .zip(&expect.accounts)
        .map(|(subject, decl)| match decl.kind {
            AccountKind::Domain => own(subject, decl)
                .or_else(|| groups.first_of(subject))
                .unwrap_or_else(|| context.domain.clone()),
            _ => machine.clone(),
        })
        .collect()
}

/// A fine-grained password policy on the account itself.
fn own(subject: &Subject, decl: &AccountDecl) -> Option<PasswordPolicy> {
    let on = PolicyScope::FineGrained {
        on: subject.display.clone(),
    };
    let pso = decl.facts.password_policy.as_ref()?;
    Some(PasswordPolicy::declared(pso, on))
}

/// The declared groups that carry a fine-grained password policy.
struct GroupPolicies<'a> {
    directory: &'a Directory,
    expect: &'a Expectations,
    /// Canonical key → index in the directory's (and the file's) groups.
    index: HashMap<&'a PrincipalKey, usize>,
    /// The group whose policy applies, by an account's direct groups: the
    /// search is made once for all accounts with the same ones (4,000
    /// accounts at the bottom of a 4,000-deep chain searched it 4,000
    /// times).
    found: RefCell<HashMap<Vec<&'a PrincipalKey>, Option<usize>>>,
}

impl<'a> GroupPolicies<'a> {
    /// Indexes the groups only when one declares a policy: most files
    /// declare none, and then no account's groups are walked.
    fn new(expect: &'a Expectations, directory: &'a Directory) -> Self {
        let any = expect.groups.iter().any(|g| g.password_policy.is_some());
        let index = if any {
            directory
                .groups
                .iter()
                .enumerate()
                .map(|(i, group)| (&group.key, i))
                .collect()
        } else {
            HashMap::default()
        };
        GroupPolicies {
            directory,
            expect,
            index,
            found: RefCell::default(),
        }
    }

    /// The policy of the first of the account's groups that has one:
    /// breadth first, so a direct group before the groups it is in, and
    /// among direct groups the first declared. Cycles end.
    fn first_of(&self, subject: &'a Subject) -> Option<PasswordPolicy> {
        if self.index.is_empty() {
            return None;
        }
        let direct: Vec<&'a PrincipalKey> =
            subject.member_of.iter().map(|edge| &edge.group).collect();
        let known = self.found.borrow().get(&direct).copied();
        let found = match known {
            Some(found) => found,
            None => {
                let found = self.search(direct.clone());
                self.found.borrow_mut().insert(direct, found);
                found
            }
        };
        let (group, decl) = found
            .and_then(|i| Some((self.directory.groups.get(i)?, self.expect.groups.get(i)?)))?;
        let pso = decl.password_policy.as_ref()?;
        let on = PolicyScope::FineGrained {
            on: group.display.clone(),
        };
        Some(PasswordPolicy::declared(pso, on))
    }

    /// The index of the first group with a policy, breadth first from
    /// `direct`.
    fn search(&self, direct: Vec<&'a PrincipalKey>) -> Option<usize> {
        let mut queue: VecDeque<&PrincipalKey> = direct.into();
        let mut seen = HashSet::default();
        let mut found = None;
        while let Some(key) = queue.pop_front() {
            let Some(&i) = self.index.get(key) else {
                continue;
            };
            if !seen.insert(i) {
                continue;
            }
            let (Some(group), Some(decl)) =
                (self.directory.groups.get(i), self.expect.groups.get(i))
            else {
                continue;
            };
            if decl.password_policy.is_some() {
                found = Some(i);
                break;
            }
            queue.extend(group.member_of.iter().map(|edge| &edge.group));
        }
        crate::work::add(crate::work::Counter::TokenEdges, seen.len());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expect::load;
    use crate::policy::account::{AccountPolicy, SettingOrigin};

    fn policies(yaml: &str) -> Vec<PasswordPolicy> {
        let expect = load("services.yaml", yaml).unwrap_or_else(|e| panic!("{e:?}"));
        let directory = Directory::new(&expect);
        let chain = AccountPolicy::fold(&[], expect.target);
        let domain = PasswordPolicy::domain(&[], 0);
        let context = Context {
            policy: &chain,
            domain: &domain,
            hosts: &[],
            today: None,
            target: expect.target,
            nla: true,
        };
        password_policies(&expect, &directory, context)
    }

    fn scope(policy: &PasswordPolicy) -> String {
        match &policy.scope {
            PolicyScope::Machine => "machine".to_owned(),
            PolicyScope::Domain => "domain".to_owned(),
            PolicyScope::FineGrained { on } => on.clone(),
        }
    }

    const GROUPS: &str = "groups:\n  - name: CONTOSO\\Tier1\n    member_of: [CONTOSO\\Services]\n  - name: CONTOSO\\Services\n    password_policy: {max_password_age_days: 0, lockout_threshold: 0}\n  - name: CONTOSO\\Web\n    password_policy: {max_password_age_days: 90, lockout_threshold: 10}\n";

    #[test]
    fn local_accounts_follow_the_machine_and_domain_accounts_the_domain() {
        let found = policies(
            "accounts:\n  - name: .\\svc\n    logon: [batch]\n  - name: CONTOSO\\svc\n    logon: [batch]\n",
        );
        assert_eq!(scope(&found[0]), "machine");
        assert_eq!(scope(&found[1]), "domain");
        assert_eq!(found[1].max_password_age.origin, SettingOrigin::Default);
    }

    #[test]
    fn the_accounts_own_policy_beats_its_groups() {
        let yaml = format!(
            "{GROUPS}accounts:\n  - name: CONTOSO\\svc\n    member_of: [CONTOSO\\Web]\n    password_policy: {{max_password_age_days: 30, lockout_threshold: 0}}\n    logon: [batch]\n"
        );
        let found = policies(&yaml);
        assert_eq!(scope(&found[0]), "CONTOSO\\svc");
        assert_eq!(found[0].max_password_age.value, 30);
    }

    #[test]
    fn the_first_group_with_a_policy_wins_direct_before_nested() {
        let yaml = format!(
            "{GROUPS}accounts:\n  - name: CONTOSO\\a\n    member_of: [CONTOSO\\Tier1, CONTOSO\\Web]\n    logon: [batch]\n  - name: CONTOSO\\b\n    member_of: [CONTOSO\\Tier1]\n    logon: [batch]\n"
        );
        let found = policies(&yaml);
        assert_eq!(scope(&found[0]), "CONTOSO\\Web");
        assert_eq!(scope(&found[1]), "CONTOSO\\Services");
        assert!(!found[1].passwords_expire());
    }
}
