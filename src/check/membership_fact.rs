//! Facts about the lines of `[Group Membership]`: one per line, with
//! which of its parts the target machine applies.

use std::borrow::Cow;

use crate::facts::{Fact, FactKind, FactValue, membership};
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
        membership::get(self, name)
    }
}

impl membership::Fields for MembershipFact<'_> {
    fn written(&self) -> Cow<'_, str> {
        let line = self.line;
        (line.group_written.to_owned() + line.relation.suffix()).into()
    }

    fn group(&self) -> Cow<'_, str> {
        self.line.group_written.into()
    }

    fn group_name(&self) -> Cow<'_, str> {
        self.name(&self.group, self.line.group_written).into()
    }

    fn relation(&self) -> Cow<'_, str> {
        match self.line.relation {
            Relation::Members => "members".into(),
            Relation::MemberOf => "member-of".into(),
        }
    }

    fn domain_group(&self) -> bool {
        is_domain_group(self.directory, &self.group)
    }

    fn values(&self) -> Vec<Cow<'_, str>> {
        let values = self.line.values.iter();
        values.map(|h| Cow::Borrowed(h.written)).collect()
    }

    fn applies(&self) -> bool {
        self.applies
    }

    fn without_effect(&self) -> Vec<Cow<'_, str>> {
        let entries = self.without_effect.iter();
        entries.map(|(h, _)| Cow::Borrowed(h.written)).collect()
    }

    fn without_effect_names(&self) -> Vec<Cow<'_, str>> {
        let entries = self.without_effect.iter();
        entries
            .map(|(h, key)| Cow::Owned(self.name(key, h.written)))
            .collect()
    }

    fn target(&self) -> Cow<'_, str> {
        self.target.as_str().into()
    }

    fn effective(&self) -> bool {
        self.effective
    }

    fn file(&self) -> Cow<'_, str> {
        self.file.into()
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
