//! The winning `[Group Membership]` lines of a chain.

use crate::last_wins::LastWins;
use crate::principal::{PrincipalKey, Sid};
use crate::template::{Membership, Relation};

use super::{PolicyInput, ResolvedHolder, key_of_ref, resolve};

/// One winning membership line, with its group and values resolved.
#[derive(Clone, Debug)]
pub struct MembershipLine<'t> {
    /// Index of the input in the chain.
    pub input: usize,
    /// The group the line is about.
    pub group: PrincipalKey,
    /// The line itself.
    pub line: &'t Membership<'t>,
    /// Its values: the members (`__Members`) or the groups (`__Memberof`).
    pub values: Vec<ResolvedHolder>,
}

/// Membership lines after precedence: per group and direction, the last
/// input that defines the line wins.
#[derive(Clone, Debug, Default)]
pub struct ResultantMembership<'t> {
    /// `__Members` lines: each sets its group's members.
    pub members: Vec<MembershipLine<'t>>,
    /// `__Memberof` lines: each adds its group to other groups.
    pub member_of: Vec<MembershipLine<'t>>,
}

impl<'t> ResultantMembership<'t> {
    /// Folds the membership lines of every input, in order.
    pub fn fold(inputs: &[PolicyInput<'t>], domain: Option<Sid>) -> Self {
        // A later line for a group replaces the earlier one: one map per
        // relation keeps that linear in the number of lines.
        let mut members = LastWins::default();
        let mut member_of = LastWins::default();
        for (input, policy_input) in inputs.iter().enumerate() {
            for line in &policy_input.template.group_membership {
                let resolved = MembershipLine {
                    input,
                    group: key_of_ref(&line.group, domain),
                    line,
                    values: resolve(&line.values, domain),
                };
                let list = match line.relation {
                    Relation::Members => &mut members,
                    Relation::MemberOf => &mut member_of,
                };
                list.push(resolved.group.clone(), resolved);
            }
        }
        ResultantMembership {
            members: members.into_vec(),
            member_of: member_of.into_vec(),
        }
    }

    /// The line that sets a group's members, if any.
    pub fn members_of(&self, group: &PrincipalKey) -> Option<&MembershipLine<'t>> {
        self.members.iter().find(|line| &line.group == group)
    }
}
