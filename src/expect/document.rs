//! The shape of `services.yaml` as Rust types: what the YAML layer reads
//! the file into (every structural problem found there, with its span),
//! and what the JSON Schema is generated from. The doc comments are the
//! schema's descriptions, so they speak to someone editing the file.
//! What the types cannot say is checked by [`super::validate`].
//!
//! `deny_unknown_fields` is for the schema (`additionalProperties:
//! false`, so an editor flags a misspelt key): the YAML layer refuses
//! unknown keys, with a did-you-mean, before serde's derive sees them.

use schemars::JsonSchema;
use serde::Deserialize;

use super::rule_levels::RuleLevels;
use super::word::Word;
use crate::logon_type::LogonType;
use crate::model::{AccountKind, Target};
use crate::span::{Span, Spanned};
use crate::yaml::{Field, List, ListOrMap, OneOrList, Shape, Words};

/// How messages name the file and its mappings.
pub(super) const WORDS: Words = Words {
    file: "an expectations file",
    shapes: &[
        Shape {
            name: "Document",
            what: "an expectations file",
            of: "at the top level",
            example: TOP_EXAMPLE,
        },
        Shape {
            name: "Account",
            what: "an account",
            of: "of an account",
            example: "- name: CONTOSO\\svc_sql\n    logon: [service]",
        },
        Shape {
            name: "Group",
            what: "a group",
            of: "of a group",
            example: "- name: CONTOSO\\SQL Admins\n    member_of: [BUILTIN\\Administrators]",
        },
        Shape {
            name: "Scope",
            what: "a scope",
            of: "of a scope",
            example: "- name: sql-servers\n    gpos: [Default Domain Policy, SQL Servers - Hardening]",
        },
        Shape {
            name: "Waiver",
            what: "a waiver",
            of: "of a waiver",
            example: "- rule: GPL101\n    account: CONTOSO\\svc_legacy\n    reason: moving to a gMSA, change 1234\n    expires: 2027-03-31",
        },
        Shape {
            name: "PasswordPolicy",
            what: "a password policy",
            of: "of a password policy",
            example: POLICY_EXAMPLE,
        },
    ],
};

/// The smallest useful file, shown when the top level is wrong.
pub(super) const TOP_EXAMPLE: &str = "accounts:\n  - name: CONTOSO\\svc_sql\n    logon: [service]";
/// A password policy, shown when one is wrong.
pub(super) const POLICY_EXAMPLE: &str = "{max_password_age_days: 60, lockout_threshold: 0}";

/// A text with where it is written.
pub(super) type Text = Spanned<String>;
/// A list of texts; a single one is a one-item list.
pub(super) type Texts = OneOrList<Spanned<String>>;
/// A list of logon types; a single one is a one-item list.
pub(super) type LogonTypes = OneOrList<Spanned<Word<LogonType>>>;

/// A field whose place matters even when it is not given: the span of
/// its value, of its key when written with nothing after it, or empty
/// when not written at all.
pub(super) type Placed<T> = Spanned<Field<T>>;

/// The default of a `Placed` field: not written, nowhere.
impl<T> Default for Placed<T> {
    fn default() -> Self {
        Spanned::new(Field::Absent, Span::default())
    }
}

/// gplint's expectations file (`services.yaml`): which accounts must, and
/// must not, be able to log on in which ways, on which machines.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Document {
    /// The kind of machine the GPOs apply to, which decides Windows'
    /// defaults: `workstation`, `member-server` (the default) or
    /// `domain-controller` (`dc`).
    #[serde(default)]
    pub(super) target: Field<Spanned<Word<Target>>>,
    /// The domain's SID prefix, `S-1-5-21-a-b-c`, to which RIDs such as
    /// 513 (Domain Users) are added. Optional: otherwise taken from the
    /// first domain SID declared for a group or a domain account.
    #[serde(default)]
    pub(super) domain_sid: Field<Text>,
    /// Whether Remote Desktop requires Network Level Authentication on the
    /// machines, when the GPOs do not say; Windows' default is `true`.
    #[serde(default)]
    pub(super) nla: Field<Spanned<bool>>,
    /// Active Directory exports to read accounts, groups, SIDs and account
    /// facts from: an LDIF file (`ldifde -f`, `ldapsearch -LLL`) or a
    /// SharpHound collection (its folder or `.zip`), or a list of them;
    /// paths relative to this file's folder. With one, an account needs
    /// only `name` and `logon`/`no_logon`; what the file declares wins.
    #[serde(default)]
    pub(super) directory: Texts,
    /// The domain's NetBIOS name, e.g. `CONTOSO`, for a directory export
    /// that does not carry it (an LDIF without the domain's crossRef).
    #[serde(default)]
    pub(super) domain_name: Field<Text>,
    /// Where domain accounts take their password and lockout policy from:
    /// the GPOs linked at the domain root (a list, lowest precedence
    /// first), or the values themselves (`{max_password_age_days: 60,
    /// lockout_threshold: 0}`). Left out: the Default Domain Policy when
    /// it is among the inputs, else Windows' defaults.
    #[serde(default)]
    pub(super) domain_policy: Field<Spanned<ListOrMap<Texts, PasswordPolicy>>>,
    /// Sets of GPOs that apply together to one kind of machine, such as
    /// the SQL servers' OU. Without scopes, all GPOs given apply together.
    #[serde(default)]
    pub(super) scopes: Field<List<Spanned<Scope>>>,
    /// Directory groups the templates cannot see, and the groups they
    /// belong to.
    #[serde(default)]
    pub(super) groups: Field<List<Spanned<Group>>>,
    /// The accounts to check: each says which logon types it needs
    /// (`logon`) and which it must not have (`no_logon`).
    #[serde(default)]
    pub(super) accounts: Placed<List<Spanned<Account>>>,
    /// Accepted findings, each with a reason and an expiry date.
    #[serde(default)]
    pub(super) waivers: Field<List<Spanned<Waiver>>>,
    /// A level for some rules, by id (`GPL412`) or name: `off` drops the
    /// rule's findings; `note`, `warning` or `error` gives them that
    /// severity, for the exit code and every format (one resting on a
    /// default is still a step lower). E.g. `{GPL412: off, GPL406: error}`.
    #[serde(default)]
    pub(super) rules: Field<RuleLevels>,
}

/// An account to check. Give `name`, or `service` for a service's
/// virtual account, and at least one of `logon` and `no_logon`. With a
/// `directory`, the rest of a domain account (SID, kind, groups, facts)
/// comes from the export unless written here.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Account {
    /// The account's name as Windows writes it: `CONTOSO\svc_sql`,
    /// `.\backup` (local), `CONTOSO\gmsa_sql$`, `NT AUTHORITY\NETWORK
    /// SERVICE`. Not with `service`.
    #[serde(default)]
    pub(super) name: Placed<String>,
    /// A service's virtual account, by the service's name: `service:
    /// MSSQLSERVER` is `NT SERVICE\MSSQLSERVER`, whose SID gplint computes.
    /// Not with `name`.
    #[serde(default)]
    pub(super) service: Placed<String>,
    /// The account's SID, `S-1-5-21-…` (a leading `*`, quoted, is allowed).
    /// Needed when the templates name the account by SID.
    #[serde(default)]
    pub(super) sid: Field<Text>,
    /// What sort of account it is: `domain`, `local`, `gmsa`, `computer`
    /// (a machine's account, `CONTOSO\SRV01$`), `virtual` or `builtin`.
    /// Left out, it is inferred from the name and SID (a name ending in
    /// `$` is a gMSA).
    #[serde(default)]
    pub(super) kind: Field<Spanned<Word<AccountKind>>>,
    /// The groups the account belongs to, by name or SID, beyond those
    /// the templates show.
    #[serde(default)]
    pub(super) member_of: Texts,
    /// The scopes (under `scopes:`) where the expectation holds; left out,
    /// it holds in every scope.
    #[serde(default)]
    pub(super) scopes: Texts,
    /// The logon types the account must be able to use: `interactive`,
    /// `network`, `batch`, `service`, `remote-interactive` (`rdp`).
    #[serde(default)]
    pub(super) logon: LogonTypes,
    /// The logon types the account must not be able to use.
    #[serde(default)]
    pub(super) no_logon: LogonTypes,
    /// Free text, repeated in messages about the account.
    #[serde(default)]
    pub(super) description: Field<Text>,
    /// `true` when the account is disabled in the directory: it cannot
    /// log on at all.
    #[serde(default)]
    pub(super) disabled: Field<Spanned<bool>>,
    /// `true` when the password never expires (DONT_EXPIRE_PASSWORD).
    /// Domain and local accounts only.
    #[serde(default)]
    pub(super) password_never_expires: Field<Spanned<bool>>,
    /// The day the password was last set (pwdLastSet), `YYYY-MM-DD`.
    /// Domain and local accounts only.
    #[serde(default)]
    pub(super) password_last_set: Field<Text>,
    /// A fine-grained password policy (PSO) applied to the account
    /// itself. Domain accounts only.
    #[serde(default)]
    pub(super) password_policy: Field<Spanned<PasswordPolicy>>,
    /// `true` when the account has an empty password. Domain and local
    /// accounts only.
    #[serde(default)]
    pub(super) blank_password: Field<Spanned<bool>>,
    /// When the account may log on (logonHours), e.g. `["Mon-Fri
    /// 07:00-19:00"]`; left out, always.
    #[serde(default)]
    pub(super) logon_hours: Field<Spanned<Texts>>,
    /// When a service or task of the account must be able to log on, in
    /// the form of `logon_hours`; left out, around the clock.
    #[serde(default)]
    pub(super) runs_at: Field<Spanned<Texts>>,
    /// The machines the account may log on to (userWorkstations); left
    /// out, any.
    #[serde(default)]
    pub(super) workstations: Texts,
}

/// A directory group the templates cannot see.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Group {
    /// The group's name, e.g. `CONTOSO\SQL Admins`.
    pub(super) name: Text,
    /// The group's SID, `S-1-5-21-…`; a leading `*`, quoted, is allowed.
    #[serde(default)]
    pub(super) sid: Field<Text>,
    /// The groups this group belongs to, by name or SID.
    #[serde(default)]
    pub(super) member_of: Texts,
    /// A fine-grained password policy (PSO) applied to the group, which
    /// governs the passwords of its domain members.
    #[serde(default)]
    pub(super) password_policy: Field<Spanned<PasswordPolicy>>,
    /// Free text; not used.
    #[serde(default)]
    pub(super) description: Field<Text>,
}

/// GPOs that apply together to one kind of machine.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Scope {
    /// The scope's name, e.g. `sql-servers`, as accounts and waivers
    /// refer to it; case does not matter.
    pub(super) name: Text,
    /// The machines the scope is for; left out, the top-level `target`.
    #[serde(default)]
    pub(super) target: Field<Spanned<Word<Target>>>,
    /// The GPOs, lowest precedence first, each a display name, a GUID
    /// (quoted: `'{6AC1786C-016F-11D2-945F-00C04FB984F9}'`) or a path.
    #[serde(default)]
    pub(super) gpos: Placed<Texts>,
    /// The machines in the scope, by name.
    #[serde(default)]
    pub(super) hosts: Texts,
    /// Whether Remote Desktop requires Network Level Authentication on
    /// this scope's machines; left out, the top-level `nla`.
    #[serde(default)]
    pub(super) nla: Field<Spanned<bool>>,
    /// Free text; not used.
    #[serde(default)]
    pub(super) description: Field<Text>,
}

/// Findings of one rule that are accepted until a date. Each optional
/// field narrows which findings.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Waiver {
    /// The rule's id (`GPL101`) or name; `gplint rules` lists them.
    pub(super) rule: Text,
    /// Only findings about this account.
    #[serde(default)]
    pub(super) account: Field<Text>,
    /// Only findings about this logon type.
    #[serde(default)]
    pub(super) logon: Field<Spanned<Word<LogonType>>>,
    /// Only findings in this scope (under `scopes:`).
    #[serde(default)]
    pub(super) scope: Field<Text>,
    /// Only findings in this file, as its path is shown.
    #[serde(default)]
    pub(super) file: Field<Text>,
    /// Why the findings are accepted and where that is tracked, e.g.
    /// `moving to a gMSA, change 1234`.
    #[serde(default)]
    pub(super) reason: Placed<String>,
    /// The last day the waiver holds, `YYYY-MM-DD`.
    #[serde(default)]
    pub(super) expires: Placed<String>,
}

/// A password and lockout policy: both values, 0 for none.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct PasswordPolicy {
    /// Days until a password expires; 0: never.
    #[schemars(range(min = 0))]
    pub(super) max_password_age_days: Spanned<i64>,
    /// Bad passwords before the account locks; 0: never.
    #[schemars(range(min = 0))]
    pub(super) lockout_threshold: Spanned<i64>,
}
