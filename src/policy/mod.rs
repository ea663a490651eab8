//! The resultant policy of an ordered chain of templates.
//!
//! Inputs are applied in order, later ones taking precedence. Each right
//! is one setting: the last input that defines it supplies its whole list,
//! and lists are never merged. A right no input defines falls back to the
//! target's documented default. Group membership lines work the same way,
//! per group and per direction (`__Members`, `__Memberof`).

pub mod account;
pub mod defaults;
mod membership;
pub mod nla;
pub mod password;

pub use membership::{MembershipLine, ResultantMembership};

use crate::logon_type::LogonType;
use crate::model::Target;
use crate::principal::{PrincipalKey, Sid};
use crate::rights::{self, LogonEffect, RightInfo};
use crate::span::Span;
use crate::template::{Holder, PrincipalRef, RightAssignment, Template};

/// One input of the chain: a template and the name it is reported under.
#[derive(Clone, Copy, Debug)]
pub struct PolicyInput<'t> {
    /// The file name as the user gave it.
    pub name: &'t str,
    /// The typed template.
    pub template: &'t Template<'t>,
}

/// Where the value of a right comes from.
#[derive(Clone, Debug)]
pub enum RightOrigin<'t> {
    /// An input defines it; `overrides` lists earlier inputs whose lines it replaced.
    Policy {
        /// Index of the input in the chain.
        input: usize,
        /// The winning line.
        assignment: &'t RightAssignment<'t>,
        /// Earlier inputs that also define the right.
        overrides: Vec<usize>,
    },
    /// No input defines it; the target's default applies.
    Default,
}

/// One holder of a resultant right, resolved to a key.
#[derive(Clone, Debug)]
pub struct ResolvedHolder {
    /// Its identity.
    pub key: PrincipalKey,
    /// As written (or as a default would be written).
    pub written: String,
    /// Where it is written, for holders from an input.
    pub span: Option<Span>,
}

/// The value a logon right ends up with.
#[derive(Clone, Debug)]
pub struct ResultantRight<'t> {
    /// Which right.
    pub right: &'static RightInfo,
    /// Where the value comes from.
    pub origin: RightOrigin<'t>,
    /// Its holders, resolved once for every account.
    pub holders: Vec<ResolvedHolder>,
}

impl ResultantRight<'_> {
    /// The index of the input that supplies the value, if any.
    pub fn input(&self) -> Option<usize> {
        match self.origin {
            RightOrigin::Policy { input, .. } => Some(input),
            RightOrigin::Default => None,
        }
    }
}

/// The resultant logon rights and group memberships of a chain.
#[derive(Debug)]
pub struct Resultant<'t> {
    /// The inputs, in precedence order (lowest first).
    pub inputs: Vec<PolicyInput<'t>>,
    /// The machine type whose defaults apply.
    pub target: Target,
    /// The ten logon rights, allow then deny, in [`LogonType::ALL`] order.
    pub rights: Vec<ResultantRight<'t>>,
    /// The winning membership lines.
    pub memberships: ResultantMembership<'t>,
}

impl<'t> Resultant<'t> {
    /// Folds the chain. `domain` places domain-relative SIDs (see [`PrincipalKey::of_sid`]).
    pub fn fold(inputs: Vec<PolicyInput<'t>>, target: Target, domain: Option<Sid>) -> Self {
        let rights = LogonType::ALL
            .iter()
            .flat_map(|&t| [LogonEffect::Allow(t), LogonEffect::Deny(t)])
            .map(|effect| resultant_right(&inputs, effect, target, domain))
            .collect();
        let memberships = ResultantMembership::fold(&inputs, domain);
        Resultant {
            inputs,
            target,
            rights,
            memberships,
        }
    }

    /// The resultant value of the right that allows or denies a logon type.
    pub fn right(&self, effect: LogonEffect) -> Option<&ResultantRight<'t>> {
        self.rights.iter().find(|r| r.right.logon == Some(effect))
    }

    /// Whether a later input redefines the given line, so that it does not win.
    pub fn is_effective(&self, input: usize, constant: &str) -> bool {
        !self
            .inputs
            .iter()
            .skip(input + 1)
            .any(|later| later.template.right(constant).is_some())
    }
}

fn resultant_right<'t>(
    inputs: &[PolicyInput<'t>],
    effect: LogonEffect,
    target: Target,
    domain: Option<Sid>,
) -> ResultantRight<'t> {
    let right = match effect {
        LogonEffect::Allow(t) => rights::allow_right(t),
        LogonEffect::Deny(t) => rights::deny_right(t),
    };
    let defining: Vec<usize> = (0..inputs.len())
        .filter(|&i| {
            inputs
                .get(i)
                .is_some_and(|input| input.template.right(right.constant).is_some())
        })
        .collect();
    let winner = defining.last().copied().and_then(|input| {
        let assignment = inputs.get(input)?.template.right(right.constant)?;
        Some((input, assignment))
    });
    match winner {
        Some((input, assignment)) => ResultantRight {
            right,
            origin: RightOrigin::Policy {
                input,
                assignment,
                overrides: defining.iter().copied().filter(|&i| i != input).collect(),
            },
            holders: resolve(&assignment.holders, domain),
        },
        None => ResultantRight {
            right,
            origin: RightOrigin::Default,
            holders: defaults::holders(effect, target)
                .into_iter()
                .map(|h| ResolvedHolder {
                    key: h.key,
                    written: h.written.to_owned(),
                    span: None,
                })
                .collect(),
        },
    }
}

/// Resolves the holders of a template line, once for every account.
pub fn resolve(holders: &[Holder<'_>], domain: Option<Sid>) -> Vec<ResolvedHolder> {
    holders
        .iter()
        .map(|h| ResolvedHolder {
            key: key_of_ref(&h.principal, domain),
            written: h.written.to_owned(),
            span: Some(h.span),
        })
        .collect()
}

/// The key of a principal as a template writes it.
pub fn key_of_ref(principal: &PrincipalRef<'_>, domain: Option<Sid>) -> PrincipalKey {
    match principal {
        PrincipalRef::Sid(sid) => PrincipalKey::of_sid(*sid, domain),
        PrincipalRef::Name(name) => PrincipalKey::of_name(name, domain),
        // An invalid `*SID` names nothing; keep it as an unmatched name.
        PrincipalRef::InvalidSid(written, _) => PrincipalKey::Name(written.to_uppercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{syntax, template};

    fn fold_texts(texts: &[&'static str]) -> Vec<Template<'static>> {
        texts
            .iter()
            .map(|text| template::build(&syntax::parse(text)))
            .collect()
    }

    #[test]
    fn the_last_input_that_defines_a_right_supplies_its_whole_list() {
        let templates = fold_texts(&[
            "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-80-0,svc_a\nSeBatchLogonRight = svc_b\n",
            "[Privilege Rights]\nSeServiceLogonRight = *S-1-5-20\n",
            "[System Access]\nMinimumPasswordAge = 1\n",
        ]);
        let inputs = templates
            .iter()
            .map(|t| PolicyInput {
                name: "x.inf",
                template: t,
            })
            .collect();
        let resultant = Resultant::fold(inputs, Target::MemberServer, None);
        let service = resultant
            .right(LogonEffect::Allow(LogonType::Service))
            .unwrap();
        assert_eq!(service.input(), Some(1));
        assert_eq!(service.holders.len(), 1);
        assert!(
            matches!(&service.origin, RightOrigin::Policy { overrides, .. } if overrides == &[0])
        );
        let batch = resultant
            .right(LogonEffect::Allow(LogonType::Batch))
            .unwrap();
        assert_eq!(batch.input(), Some(0));
        assert!(!resultant.is_effective(0, "SeServiceLogonRight"));
        assert!(resultant.is_effective(0, "SeBatchLogonRight"));
    }

    #[test]
    fn an_undefined_right_takes_the_targets_default() {
        let templates = fold_texts(&["[Privilege Rights]\nSeDebugPrivilege = *S-1-5-32-544\n"]);
        let inputs = vec![PolicyInput {
            name: "x.inf",
            template: &templates[0],
        }];
        let resultant = Resultant::fold(inputs, Target::MemberServer, None);
        let rdp = resultant
            .right(LogonEffect::Allow(LogonType::RemoteInteractive))
            .unwrap();
        assert!(matches!(rdp.origin, RightOrigin::Default));
        assert_eq!(rdp.holders.len(), 2);
    }

    #[test]
    fn an_empty_definition_is_not_a_default() {
        let templates = fold_texts(&["[Privilege Rights]\nSeDenyNetworkLogonRight =\n"]);
        let inputs = vec![PolicyInput {
            name: "x.inf",
            template: &templates[0],
        }];
        let resultant = Resultant::fold(inputs, Target::MemberServer, None);
        let deny = resultant
            .right(LogonEffect::Deny(LogonType::Network))
            .unwrap();
        assert_eq!(deny.input(), Some(0));
        assert!(deny.holders.is_empty());
    }
}
