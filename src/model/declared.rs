//! What an expectations file declares about the directory and the
//! machines, typed, with the span of every value so later checks can point
//! back at the line that made the promise.
//!
//! These are the Windows model's input, not the file's shape: the policy,
//! logon and restriction stages reason with them, and a directory export
//! could produce them as well as `services.yaml` does. The file's own
//! types, and the checks that turn them into these, are
//! [`crate::expect`]'s.

use serde::Serialize;

use super::{AccountKind, Date, Target, Week};
use crate::logon_type::LogonType;
use crate::principal::Sid;
use crate::span::{Span, Spanned};

/// A scope declared under `scopes:`: GPOs that apply together to one
/// kind of machine, such as the SQL servers' OU.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScopeDecl {
    /// The scope's name, e.g. `sql-servers`; unique without regard to case.
    pub name: Spanned<String>,
    /// The machines the scope is for: as written, or the top-level target.
    pub target: Target,
    /// Where `target` is written; `None` when the top-level target applies.
    pub target_span: Option<Span>,
    /// The GPOs in precedence order, lowest first, each a display name, a
    /// GUID or a path as written; never empty, no entry twice. Whether
    /// each names a GPO is for the caller, who has the GPOs.
    pub gpos: Vec<Spanned<String>>,
    /// The machines in the scope, by name, as written; empty when not declared.
    pub hosts: Vec<Spanned<String>>,
    /// `nla:` for this scope's machines; `None` when the top level decides.
    pub nla: Option<Spanned<bool>>,
    /// The whole sequence item.
    pub span: Span,
}

/// A waiver declared under `waivers:`: findings of one rule that are
/// accepted until a date. Each optional field narrows which findings.
/// Whether `rule` names a rule and whether the waiver has expired are
/// for the caller.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WaiverDecl {
    /// The rule's id (`GPL101`) or name, as written.
    pub rule: Spanned<String>,
    /// Only findings about this account, as written.
    pub account: Option<Spanned<String>>,
    /// Only findings about this logon type.
    pub logon: Option<Spanned<LogonType>>,
    /// Only findings in this declared scope.
    pub scope: Option<Spanned<String>>,
    /// Only findings in this file, as written.
    pub file: Option<Spanned<String>>,
    /// Why the findings are accepted; never empty.
    pub reason: Spanned<String>,
    /// The last day the waiver holds.
    pub expires: Spanned<Date>,
    /// The whole sequence item.
    pub span: Span,
}

/// A directory group declared under `groups:`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupDecl {
    /// The group's name, e.g. `CONTOSO\SQL Admins`.
    pub name: Spanned<String>,
    /// The declared SID, if any.
    pub sid: Option<Spanned<Sid>>,
    /// Groups this group belongs to, names or SIDs as written (`*` stripped).
    pub member_of: Vec<Spanned<String>>,
    /// A fine-grained password policy (PSO) applied to the group, which
    /// governs the passwords of its domain members.
    pub password_policy: Option<PasswordPolicyDecl>,
    /// The whole sequence item.
    pub span: Span,
}

/// An account declared under `accounts:`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountDecl {
    /// The account's name. For `service: X` it is `NT SERVICE\X`, with the
    /// span of `X`.
    pub name: Spanned<String>,
    /// The declared SID; for a virtual account (`service: X`, or a name
    /// `NT SERVICE\X` / `IIS APPPOOL\X`) without one, the SID Windows
    /// computes from the name, with the name's span.
    pub sid: Option<Spanned<Sid>>,
    /// What sort of account it is, declared or inferred.
    pub kind: AccountKind,
    /// True when `kind` was not written and was inferred
    /// (see [`AccountKind::infer`]).
    pub kind_inferred: bool,
    /// Groups the account belongs to, names or SIDs as written (`*` stripped).
    pub member_of: Vec<Spanned<String>>,
    /// The scopes where the expectation holds; empty for every scope.
    pub scopes: Vec<Spanned<String>>,
    /// Logon types the account must be able to use.
    pub logon: Vec<Spanned<LogonType>>,
    /// Logon types the account must not be able to use.
    pub no_logon: Vec<Spanned<LogonType>>,
    /// Free text, kept for messages.
    pub description: Option<String>,
    /// Disabled, password, logon hours and workstations, as declared.
    pub facts: AccountFacts,
    /// Where each fact came from, once a directory export has filled in
    /// what the file left out; empty when no directory was read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<FactSource>,
    /// True for an account the file does not declare, taken from a
    /// directory export only to be evaluated (`explain --all-accounts`,
    /// `diff` with a directory): it has no expectation, and its spans are
    /// empty.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub surveyed: bool,
    /// The whole sequence item.
    pub span: Span,
}

/// Where one fact of an account came from. Every value keeps a span into
/// `services.yaml` (a value read from a directory has the account's
/// name's, so a finding still points at the account); this says where
/// the value was really read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactSource {
    /// The fact, as `services.yaml` names it: `sid`, `kind`, `member_of`,
    /// `disabled`, `password_never_expires`, `password_last_set`,
    /// `logon_hours`, `workstations`, `password_policy`.
    pub fact: &'static str,
    /// Where it was read.
    pub from: FactOrigin,
}

/// The file a fact was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactOrigin {
    /// Written in `services.yaml`, at this span.
    File(Span),
    /// Read from a directory export, at this place: `contoso.ldif:1234`.
    Directory(String),
}

/// A principal of a directory export, so that templates may name it by
/// any of its names or its SID even when `services.yaml` does not
/// declare it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownPrincipal {
    /// The name Windows shows: `CONTOSO\svc_sql`.
    pub name: String,
    /// `sAMAccountName` alone: `svc_sql`.
    pub sam_account_name: String,
    /// Its SID.
    pub sid: Sid,
    /// Whether it is a group.
    pub group: bool,
}

impl AccountDecl {
    /// The directory export place `fact` was read from (`contoso.ldif:12`),
    /// when a directory filled it in rather than `services.yaml`.
    pub fn directory_source(&self, fact: &str) -> Option<&str> {
        self.sources.iter().find_map(|source| match &source.from {
            FactOrigin::Directory(place) if source.fact == fact => Some(place.as_str()),
            _ => None,
        })
    }

    /// Whether the expectation holds in the scope called `scope`: an
    /// account that lists no scopes holds in every one.
    pub fn in_scope(&self, scope: &str) -> bool {
        self.scopes.is_empty() || self.scopes.iter().any(|s| same_name(&s.value, scope))
    }
}

/// Scope names and GPO entries are compared without regard to case, as
/// Windows compares account and GPO names.
pub fn same_name(a: &str, b: &str) -> bool {
    // ASCII names, nearly all, compare without decoding characters.
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// `name` folded as `same_name` compares it, for use as a map key.
pub fn fold(name: &str) -> String {
    name.chars().flat_map(char::to_lowercase).collect()
}

/// The account fields of `services.yaml` that restrict a logon.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AccountFacts {
    /// `disabled: true`: the account is disabled in the directory.
    pub disabled: Option<Spanned<bool>>,
    /// `password_never_expires: true` (DONT_EXPIRE_PASSWORD).
    pub password_never_expires: Option<Spanned<bool>>,
    /// `password_last_set`: the day the password was last set (pwdLastSet).
    pub password_last_set: Option<Spanned<Date>>,
    /// `blank_password: true`: the account has an empty password.
    pub blank_password: Option<Spanned<bool>>,
    /// `logon_hours`: when the account may log on; absent means always.
    pub logon_hours: Option<Spanned<Week>>,
    /// `runs_at`: when a service or task of the account must be able to
    /// log on; absent means around the clock.
    pub runs_at: Option<Spanned<Week>>,
    /// `workstations`: the machines it may log on to (userWorkstations);
    /// empty means any.
    pub workstations: Vec<Spanned<String>>,
    /// `password_policy`: a fine-grained password policy (PSO) applied to
    /// the account itself; domain accounts only.
    pub password_policy: Option<PasswordPolicyDecl>,
}

/// A password and lockout policy written in `services.yaml`: both values,
/// as a PSO (`msDS-PasswordSettings`) always carries both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PasswordPolicyDecl {
    /// `max_password_age_days`: days until a password expires; 0: never.
    pub max_password_age_days: Spanned<i64>,
    /// `lockout_threshold`: bad passwords before lockout; 0: never locks.
    pub lockout_threshold: Spanned<i64>,
    /// The whole mapping.
    pub span: Span,
}

/// `domain_policy:`, where domain accounts take their password and
/// lockout policy from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DomainPolicyDecl {
    /// The GPOs linked at the domain root, lowest precedence first, each a
    /// display name, GUID or path as written; never empty, no entry twice.
    Gpos(Vec<Spanned<String>>),
    /// The values themselves.
    Values(PasswordPolicyDecl),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(scopes: &[&str]) -> AccountDecl {
        AccountDecl {
            name: Spanned::new("svc".to_owned(), Span::default()),
            sid: None,
            kind: AccountKind::Local,
            kind_inferred: true,
            member_of: Vec::new(),
            scopes: scopes
                .iter()
                .map(|s| Spanned::new((*s).to_owned(), Span::default()))
                .collect(),
            logon: Vec::new(),
            no_logon: Vec::new(),
            description: None,
            facts: AccountFacts::default(),
            sources: Vec::new(),
            surveyed: false,
            span: Span::default(),
        }
    }

    #[test]
    fn an_account_without_scopes_holds_everywhere() {
        assert!(account(&[]).in_scope("sql-servers"));
        assert!(account(&[]).in_scope(""));
    }

    #[test]
    fn listed_scopes_match_without_case() {
        let sql = account(&["sql-servers", "Web-Servers"]);
        assert!(sql.in_scope("SQL-Servers"));
        assert!(sql.in_scope("web-servers"));
        assert!(!sql.in_scope("sql"));
        assert!(!sql.in_scope("domain-controllers"));
    }

    #[test]
    fn names_fold_beyond_ascii() {
        assert!(same_name("Dienste-Straße-Ä", "dienste-straße-ä"));
        assert!(!same_name("a", "ab"));
        assert_eq!(fold("GPOs/Baseline-Ä"), "gpos/baseline-ä");
    }
}
