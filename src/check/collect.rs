//! Builds the facts rules read from the model's results.

use rustc_hash::FxHashSet as HashSet;

use crate::expect::Expectations;

use crate::logon::{AccountVerdicts, Directory, Outcome};
use crate::model::AccountKind;
use crate::policy::account::AccountPolicy;
use crate::policy::{Resultant, key_of_ref};
use crate::principal::{PrincipalKey, ResolvedSid, resolve_name};
use crate::template::{Holder, PrincipalRef, RightAssignment};

use super::expectation_fact::ExpectationFact;
use super::membership_fact::MembershipFact;
use super::right_fact::{HolderFact, LineContext, RightFact};

/// One fact per declared account × logon type, in file order.
pub fn expectation_facts<'a>(
    expect: &'a Expectations,
    directory: &'a Directory,
    resultant: &'a Resultant<'a>,
    verdicts: &'a [AccountVerdicts],
    line_of: &dyn Fn(usize, crate::span::Span) -> usize,
) -> Vec<ExpectationFact<'a>> {
    let mut facts = Vec::new();
    for account_verdicts in verdicts {
        let (Some(decl), Some(subject)) = (
            expect.accounts.get(account_verdicts.account),
            directory.accounts.get(account_verdicts.account),
        ) else {
            continue;
        };
        let wanted = decl.logon.iter().map(|t| (t, true));
        let forbidden = decl.no_logon.iter().map(|t| (t, false));
        for (logon_type, must) in wanted.chain(forbidden) {
            let Some(verdict) = account_verdicts.get(logon_type.value) else {
                continue;
            };
            let file = verdict
                .input
                .and_then(|i| resultant.inputs.get(i))
                .map(|input| input.name);
            let line = verdict
                .input
                .zip(verdict.right_span)
                .map(|(i, span)| line_of(i, span));
            let replaced_file = verdict
                .replaced
                .as_ref()
                .and_then(|r| resultant.inputs.get(r.input))
                .map(|input| input.name);
            let proposed_right = (verdict.outcome == Outcome::NotGranted)
                .then(|| resultant.rights.iter().find(|r| r.right == verdict.right))
                .flatten();
            let removed_at = verdict.removed_by.as_ref().and_then(|r| {
                let input = resultant.inputs.get(r.input)?;
                Some((input.name, line_of(r.input, r.span)))
            });
            facts.push(ExpectationFact {
                subject,
                logon_type: logon_type.value,
                must,
                verdict,
                file,
                line,
                replaced_file,
                proposed_right,
                removed_at,
                yaml_span: logon_type.span,
            });
        }
    }
    facts
}

/// One fact per `[Privilege Rights]` line of every input, and one per holder.
pub fn right_facts<'a>(
    resultant: &'a Resultant<'a>,
    directory: &'a Directory,
    expect: &Expectations,
    policy: &AccountPolicy,
) -> (Vec<RightFact<'a>>, Vec<HolderFact<'a>>) {
    let declared_virtual_accounts = expect
        .accounts
        .iter()
        .filter(|a| a.kind == AccountKind::Virtual)
        .count();
    let groups = membership_groups(resultant, directory);
    let mut rights = Vec::new();
    let mut holders = Vec::new();
    for (input, policy_input) in resultant.inputs.iter().enumerate() {
        for assignment in &policy_input.template.privilege_rights {
            let context = LineContext {
                input,
                file: policy_input.name,
                effective: resultant.is_effective(input, assignment.constant()),
                declared_virtual_accounts,
            };
            let facts: Vec<HolderFact<'a>> = assignment
                .holders
                .iter()
                .map(|holder| {
                    let mut fact = holder_fact(holder, assignment, context, directory, &groups);
                    fact.renamed_to = renamed_to(&fact, policy);
                    fact
                })
                .collect();
            rights.push(RightFact {
                assignment,
                context,
                holder_sids: facts.iter().filter_map(|f| f.sid).collect(),
            });
            holders.extend(facts);
        }
    }
    (rights, holders)
}

fn holder_fact<'a>(
    holder: &'a Holder<'a>,
    assignment: &'a RightAssignment<'a>,
    context: LineContext<'a>,
    directory: &'a Directory,
    groups: &HashSet<PrincipalKey>,
) -> HolderFact<'a> {
    let key = directory.canonical(&key_of_ref(&holder.principal, directory.domain));
    let sid = match &holder.principal {
        PrincipalRef::Sid(sid) => Some(*sid),
        PrincipalRef::Name(name) => match resolve_name(name).map(|r| r.sid) {
            Some(ResolvedSid::Fixed(sid)) => Some(sid),
            _ => None,
        },
        PrincipalRef::InvalidSid(..) => None,
    };
    let resolved = match &key {
        PrincipalKey::Name(_) => directory.is_declared(&key) || groups.contains(&key),
        _ => !matches!(holder.principal, PrincipalRef::InvalidSid(..)),
    };
    HolderFact {
        holder,
        assignment,
        context,
        key,
        resolved,
        sid,
        directory,
        renamed_to: None,
    }
}

/// A built-in account written by the name the policy renamed.
fn renamed_to(fact: &HolderFact<'_>, policy: &AccountPolicy) -> Option<String> {
    let PrincipalRef::Name(name) = fact.holder.principal else {
        return None;
    };
    crate::restriction::renamed_entry(&fact.key, name, policy).map(str::to_owned)
}

/// One fact per `[Group Membership]` line of every input.
pub fn membership_facts<'a>(
    resultant: &'a Resultant<'a>,
    directory: &'a Directory,
) -> Vec<MembershipFact<'a>> {
    // The winning lines, by input and address: one set, not a scan per line.
    let m = &resultant.memberships;
    let winners: HashSet<(usize, *const crate::template::Membership<'_>)> = m
        .members
        .iter()
        .chain(&m.member_of)
        .map(|w| (w.input, std::ptr::from_ref(w.line)))
        .collect();
    let mut facts = Vec::new();
    for (input, policy_input) in resultant.inputs.iter().enumerate() {
        for line in &policy_input.template.group_membership {
            facts.push(MembershipFact::new(
                line,
                (input, policy_input.name),
                winners.contains(&(input, std::ptr::from_ref(line))),
                resultant.target,
                directory,
            ));
        }
    }
    facts
}

/// The groups the chain's `[Group Membership]` lines are about: a name
/// among them is a real local group. Built once per chain, not per holder.
fn membership_groups(resultant: &Resultant<'_>, directory: &Directory) -> HashSet<PrincipalKey> {
    let m = &resultant.memberships;
    m.members
        .iter()
        .chain(&m.member_of)
        .map(|line| directory.canonical(&line.group))
        .collect()
}
