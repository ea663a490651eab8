//! Facts about the lines of `[Privilege Rights]`: one per line, one per holder.

use std::borrow::Cow;

use crate::facts::{Fact, FactKind, FactValue, text_value as text};
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
        let a = self.assignment;
        let logon_type = a.right.and_then(|r| r.logon).map(|effect| match effect {
            LogonEffect::Allow(t) | LogonEffect::Deny(t) => t.as_str(),
        });
        match name {
            "right" => text(a.constant()),
            "written" => text(a.key),
            "known" => Some(FactValue::Bool(a.right.is_some())),
            "suggestion" => text(match a.right {
                Some(_) => "",
                None => rights::suggest(a.key).unwrap_or("none"),
            }),
            "right_kind" => text(match a.right.map(|r| r.kind) {
                Some(RightKind::LogonRight) => "logon-right",
                Some(RightKind::Privilege) => "privilege",
                None => "",
            }),
            "logon_effect" => text(effect_word(a)),
            "logon_type" => text(logon_type.unwrap_or_default()),
            "holder_count" => Some(FactValue::Int(
                i64::try_from(a.holders.len()).unwrap_or(i64::MAX),
            )),
            "empty" => Some(FactValue::Bool(a.holders.is_empty())),
            "holder_sids" => Some(FactValue::List(
                self.holder_sids
                    .iter()
                    .map(|s| Cow::Owned(s.to_string()))
                    .collect(),
            )),
            "holders" => Some(FactValue::List(
                a.holders.iter().map(|h| Cow::Borrowed(h.written)).collect(),
            )),
            "effective" => Some(FactValue::Bool(self.context.effective)),
            "declared_virtual_accounts" => Some(FactValue::Int(
                i64::try_from(self.context.declared_virtual_accounts).unwrap_or(i64::MAX),
            )),
            "file" => text(self.context.file),
            _ => None,
        }
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
    fn name(&self) -> String {
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
        match name {
            "right" => text(self.assignment.constant()),
            "logon_effect" => text(effect_word(self.assignment)),
            "written" => text(self.holder.written),
            "sid" => text(self.sid.map(|sid| sid.to_string()).unwrap_or_default()),
            "name" => text(self.name()),
            "principal" => text(self.principal()),
            "is_sid" => Some(FactValue::Bool(matches!(
                self.holder.principal,
                PrincipalRef::Sid(_)
            ))),
            "resolved" => Some(FactValue::Bool(self.resolved)),
            "effective" => Some(FactValue::Bool(self.context.effective)),
            "renamed_to" => text(self.renamed_to.clone().unwrap_or_default()),
            "file" => text(self.context.file),
            _ => None,
        }
    }
}
