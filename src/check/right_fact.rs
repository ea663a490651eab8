//! Facts about the lines of `[Privilege Rights]`: one per line, one per holder.

use std::borrow::Cow;

use crate::facts::{Fact, FactKind, FactValue, holder, right};
use crate::finding::{FileRef, Location};
use crate::logon::Directory;
use crate::principal::{PrincipalKey, Sid};
use crate::rights::{self, LogonEffect, RightKind};
use crate::template::{Holder, PrincipalRef, RightAssignment};

/// What the checker knows about a line besides the line itself.
#[derive(Clone, Copy, Debug)]
pub struct LineContext<'a> {
    /// The index of the input in the chain.
    pub input: usize,
    /// The input's name.
    pub file: &'a str,
    /// Whether no later input redefines the right.
    pub effective: bool,
    /// How many virtual accounts the expectations declare.
    pub declared_virtual_accounts: usize,
}

/// One `[Privilege Rights]` line.
#[derive(Debug)]
pub struct RightFact<'a> {
    /// The line.
    pub assignment: &'a RightAssignment<'a>,
    /// Its context.
    pub context: LineContext<'a>,
    /// The SIDs of the holders gplint could resolve; formatted only when a
    /// rule reads them, since most never do.
    pub holder_sids: Vec<Sid>,
}

/// One holder of one line.
#[derive(Debug)]
pub struct HolderFact<'a> {
    /// The holder.
    pub holder: &'a Holder<'a>,
    /// Its line.
    pub assignment: &'a RightAssignment<'a>,
    /// The line's context.
    pub context: LineContext<'a>,
    /// Its key, canonical.
    pub key: PrincipalKey,
    /// Whether it names a SID, a well-known principal or a declared one.
    pub resolved: bool,
    /// Its SID, when written or known.
    pub sid: Option<Sid>,
    /// The declared identities, for the name to show; looked up only when
    /// a rule reads `principal` or `name`.
    pub directory: &'a Directory,
    /// For `Guest` or `Administrator` by name when the policy renames the
    /// account: its new name.
    pub renamed_to: Option<String>,
}

fn effect_word(assignment: &RightAssignment<'_>) -> &'static str {
    match assignment.right.and_then(|r| r.logon) {
        Some(LogonEffect::Allow(_)) => "allow",
        Some(LogonEffect::Deny(_)) => "deny",
        None => "",
    }
}

impl RightFact<'_> {
    /// The line's key.
    pub fn primary(&self) -> Location {
        Location {
            file: FileRef::Template(self.context.input),
            span: self.assignment.key_span,
            label: String::new(),
        }
    }
}

impl Fact for RightFact<'_> {
    fn kind(&self) -> FactKind {
        FactKind::Right
    }

    fn field(&self, name: &str) -> Option<FactValue<'_>> {
        right::get(self, name)
    }
}

/// A count as a field's number; no list is long enough to saturate.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl right::Fields for RightFact<'_> {
    fn right(&self) -> Cow<'_, str> {
        self.assignment.constant().into()
    }

    fn written(&self) -> Cow<'_, str> {
        self.assignment.key.into()
    }

    fn known(&self) -> bool {
        self.assignment.right.is_some()
    }

    fn suggestion(&self) -> Cow<'_, str> {
        let a = self.assignment;
        match a.right {
            Some(_) => "".into(),
            None => rights::suggest(a.key).unwrap_or("none").into(),
        }
    }

    fn right_kind(&self) -> Cow<'_, str> {
        match self.assignment.right.map(|r| r.kind) {
            Some(RightKind::LogonRight) => "logon-right".into(),
            Some(RightKind::Privilege) => "privilege".into(),
            None => "".into(),
        }
    }

    fn logon_effect(&self) -> Cow<'_, str> {
        effect_word(self.assignment).into()
    }

    fn logon_type(&self) -> Cow<'_, str> {
        let effect = self.assignment.right.and_then(|r| r.logon);
        let logon_type = effect.map(|effect| match effect {
            LogonEffect::Allow(t) | LogonEffect::Deny(t) => t.as_str(),
        });
        logon_type.unwrap_or_default().into()
    }

    fn holder_count(&self) -> i64 {
        count(self.assignment.holders.len())
    }

    fn empty(&self) -> bool {
        self.assignment.holders.is_empty()
    }

    fn holder_sids(&self) -> Vec<Cow<'_, str>> {
        let sids = self.holder_sids.iter();
        sids.map(|s| Cow::Owned(s.to_string())).collect()
    }

    fn holders(&self) -> Vec<Cow<'_, str>> {
        let holders = self.assignment.holders.iter();
        holders.map(|h| Cow::Borrowed(h.written)).collect()
    }

    fn effective(&self) -> bool {
        self.context.effective
    }

    fn declared_virtual_accounts(&self) -> i64 {
        count(self.context.declared_virtual_accounts)
    }

    fn file(&self) -> Cow<'_, str> {
        self.context.file.into()
    }
}

impl HolderFact<'_> {
    /// The principal by its well-known or declared name, else as written.
    pub fn principal(&self) -> String {
        match &self.key {
            PrincipalKey::Name(_) if !self.directory.is_declared(&self.key) => {
                self.holder.written.to_owned()
            }
            _ => self.directory.display(&self.key),
        }
    }

    /// The holder's name: as written for a name, the known name for a SID.
    fn known_name(&self) -> String {
        match &self.holder.principal {
            PrincipalRef::Name(name) => (*name).to_owned(),
            _ => Some(self.principal())
                .filter(|p| !p.starts_with("S-1-"))
                .unwrap_or_default(),
        }
    }

    /// The holder's entry.
    pub fn primary(&self) -> Location {
        Location {
            file: FileRef::Template(self.context.input),
            span: self.holder.span,
            label: String::new(),
        }
    }
}

impl Fact for HolderFact<'_> {
    fn kind(&self) -> FactKind {
        FactKind::Holder
    }

    fn field(&self, name: &str) -> Option<FactValue<'_>> {
        holder::get(self, name)
    }
}

impl holder::Fields for HolderFact<'_> {
    fn right(&self) -> Cow<'_, str> {
        self.assignment.constant().into()
    }

    fn logon_effect(&self) -> Cow<'_, str> {
        effect_word(self.assignment).into()
    }

    fn written(&self) -> Cow<'_, str> {
        self.holder.written.into()
    }

    fn sid(&self) -> Cow<'_, str> {
        self.sid
            .map(|sid| sid.to_string())
            .unwrap_or_default()
            .into()
    }

    fn name(&self) -> Cow<'_, str> {
        self.known_name().into()
    }

    fn principal(&self) -> Cow<'_, str> {
        HolderFact::principal(self).into()
    }

    fn is_sid(&self) -> bool {
        matches!(self.holder.principal, PrincipalRef::Sid(_))
    }

    fn resolved(&self) -> bool {
        self.resolved
    }

    fn domain(&self) -> Cow<'_, str> {
        match self.holder.principal {
            PrincipalRef::Name(name) => name
                .split_once('\\')
                .map_or("", |(domain, _)| domain.trim())
                .into(),
            _ => "".into(),
        }
    }

    fn effective(&self) -> bool {
        self.context.effective
    }

    fn renamed_to(&self) -> Cow<'_, str> {
        self.renamed_to.as_deref().unwrap_or_default().into()
    }

    fn file(&self) -> Cow<'_, str> {
        self.context.file.into()
    }
}
