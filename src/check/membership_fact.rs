//! Facts about the lines of `[Group Membership]`: one per line, with
//! which of its parts the target machine applies.

use std::borrow::Cow;

use crate::facts::{Fact, FactKind, FactValue, text_value as text};
use crate::finding::{FileRef, Location};
use crate::logon::Directory;
use crate::logon::graph::{is_domain_group, machine_changes};
use crate::model::Target;
use crate::policy::key_of_ref;
use crate::principal::PrincipalKey;
use crate::template::{Holder, Membership, Relation};

/// One `<group>__Members` or `<group>__Memberof` line of one input.
#[derive(Debug)]
pub struct MembershipFact<'a> {
    /// The line.
    pub line: &'a Membership<'a>,
    /// The index of the input in the chain.
    pub input: usize,
    /// The input's name.
    pub file: &'a str,
    /// Whether no later input writes the same group and relation.
    pub effective: bool,
    /// The machine type the chain is applied to.
    pub target: Target,
    /// The line's group, canonical.
    pub group: PrincipalKey,
    /// Whether the machine applies the line's group part: false for the
    /// `__Members` line of a domain group off a domain controller.
    pub applies: bool,
    /// The `__Memberof` entries naming groups the machine cannot change,
    /// each with its key.
    pub without_effect: Vec<(&'a Holder<'a>, PrincipalKey)>,
    /// The declared identities, for the names to show.
    pub directory: &'a Directory,
}

impl<'a> MembershipFact<'a> {
    /// The fact of `line`, from `input`, on `target`.
    pub fn new(
        line: &'a Membership<'a>,
        input: (usize, &'a str),
        effective: bool,
        target: Target,
        directory: &'a Directory,
    ) -> Self {
        let key = |principal| directory.canonical(&key_of_ref(principal, directory.domain));
        let group = key(&line.group);
        let (applies, without_effect) = match line.relation {
            Relation::Members => (machine_changes(directory, &group, target), Vec::new()),
            Relation::MemberOf => {
                let ignored = line
                    .values
                    .iter()
                    .map(|value| (value, key(&value.principal)))
                    .filter(|(_, k)| !machine_changes(directory, k, target))
                    .collect();
                (true, ignored)
            }
        };
        MembershipFact {
            line,
            input: input.0,
            file: input.1,
            effective,
            target,
            group,
            applies,
            without_effect,
            directory,
        }
    }

    /// For entries without effect, the first of them (the message names
    /// them all); else the line's key.
    pub fn primary(&self) -> Location {
        let (span, label) = match (self.applies, self.without_effect.first()) {
            (false, _) => (self.line.key_span, "sets the members of a domain group"),
            (true, Some((holder, _))) => (
                holder.span,
                "a domain group, which this machine cannot change",
            ),
            (true, None) => (self.line.key_span, ""),
        };
        Location {
            file: FileRef::Template(self.input),
            span,
            label: label.to_owned(),
        }
    }

    /// A principal by its declared or well-known name, else as written.
    fn name(&self, key: &PrincipalKey, written: &str) -> String {
        match key {
            PrincipalKey::Name(_) if !self.directory.is_declared(key) => written.to_owned(),
            _ => self.directory.display(key),
        }
    }
}

impl Fact for MembershipFact<'_> {
    fn kind(&self) -> FactKind {
        FactKind::Membership
    }

    fn field(&self, name: &str) -> Option<FactValue<'_>> {
        let line = self.line;
        match name {
            "written" => text(line.group_written.to_owned() + line.relation.suffix()),
            "group" => text(line.group_written),
            "group_name" => text(self.name(&self.group, line.group_written)),
            "relation" => text(match line.relation {
                Relation::Members => "members",
                Relation::MemberOf => "member-of",
            }),
            "domain_group" => Some(FactValue::Bool(is_domain_group(
                self.directory,
                &self.group,
            ))),
            "values" => Some(FactValue::List(
                line.values
                    .iter()
                    .map(|h| Cow::Borrowed(h.written))
                    .collect(),
            )),
            "applies" => Some(FactValue::Bool(self.applies)),
            "without_effect" => Some(FactValue::List(
                self.without_effect
                    .iter()
                    .map(|(h, _)| Cow::Borrowed(h.written))
                    .collect(),
            )),
            "without_effect_names" => Some(FactValue::List(
                self.without_effect
                    .iter()
                    .map(|(h, key)| Cow::Owned(self.name(key, h.written)))
                    .collect(),
            )),
            "target" => text(self.target.as_str()),
            "effective" => Some(FactValue::Bool(self.effective)),
            "file" => text(self.file),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{expect, syntax, template};

    const YAML: &str = "domain_sid: S-1-5-21-1-2-3\ngroups:\n  - name: CONTOSO\\Ops\naccounts:\n  - name: CONTOSO\\alice\n    logon: [batch]\n";
    const TEMPLATE: &str = "[Group Membership]\nCONTOSO\\Ops__Members =\nCONTOSO\\Ops__Memberof = *S-1-5-32-555,*S-1-5-21-1-2-3-512,CONTOSO\\Ops\n*S-1-5-32-544__Members = CONTOSO\\Ops\n";

    fn field_of(fact: &MembershipFact<'_>, name: &str) -> String {
        fact.field(name).map(|v| v.display()).unwrap_or_default()
    }

    #[test]
    fn off_domain_controllers_domain_groups_are_left_alone() {
        let directory = Directory::new(&expect::load("s.yaml", YAML).unwrap());
        let typed = template::build(&syntax::parse(TEMPLATE));
        let facts = |target| -> Vec<MembershipFact<'_>> {
            let lines = typed.group_membership.iter();
            lines
                .map(|line| MembershipFact::new(line, (0, "t.inf"), true, target, &directory))
                .collect()
        };
        let member = facts(Target::MemberServer);
        assert_eq!(field_of(&member[0], "applies"), "false");
        assert_eq!(field_of(&member[0], "domain_group"), "true");
        assert_eq!(
            field_of(&member[1], "without_effect"),
            "*S-1-5-21-1-2-3-512, CONTOSO\\Ops"
        );
        assert_eq!(
            field_of(&member[1], "without_effect_names"),
            "Domain Admins, CONTOSO\\Ops"
        );
        let at = member[1].primary().span;
        assert_eq!(&TEMPLATE[at.start..at.end], "*S-1-5-21-1-2-3-512");
        assert_eq!(field_of(&member[2], "applies"), "true");
        assert_eq!(field_of(&member[2], "domain_group"), "false");
        let dc = facts(Target::DomainController);
        assert_eq!(field_of(&dc[0], "applies"), "true");
        assert_eq!(field_of(&dc[1], "without_effect"), "");
    }
}
