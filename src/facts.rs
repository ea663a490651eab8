//! Facts: what the logon model computed, in the shape rules read.
//!
//! The rule engine never sees templates or tokens, only facts: flat
//! records of named fields. Each kind of fact has a fixed set of fields,
//! listed in [`FIELDS`], so a rule that names a field that does not exist
//! is refused when it is loaded.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// What a fact is about; a rule applies to one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    /// One declared expectation: an account and a logon type it must, or
    /// must not, be able to use, with the verdict of the logon model.
    Expectation,
    /// One `[Privilege Rights]` line of one input template.
    Right,
    /// One entry in the holder list of a right.
    Holder,
    /// One account restriction on a declared expectation: what refuses,
    /// or may refuse, the logon after the rights check.
    Restriction,
    /// One `[Group Membership]` line of one input template, with what the
    /// target machine applies of it.
    Membership,
}

impl FactKind {
    /// Every kind, in order.
    pub const ALL: [FactKind; 5] = [
        FactKind::Expectation,
        FactKind::Right,
        FactKind::Holder,
        FactKind::Restriction,
        FactKind::Membership,
    ];

    /// The name used in rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Expectation => "expectation",
            FactKind::Right => "right",
            FactKind::Holder => "holder",
            FactKind::Restriction => "restriction",
            FactKind::Membership => "membership",
        }
    }

    /// The fields a fact of this kind has.
    pub fn fields(self) -> &'static [FieldDoc] {
        FIELDS
            .iter()
            .find(|(kind, _)| *kind == self)
            .map_or(&[], |(_, fields)| fields)
    }
}

/// A field a rule can test, with what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldDoc {
    /// The field's name in rule files.
    pub name: &'static str,
    /// The type of its value.
    pub ty: FieldType,
    /// What it holds.
    pub doc: &'static str,
}

/// The type of a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// Text.
    Text,
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Int,
    /// A list of text values.
    List,
}

const fn text(name: &'static str, doc: &'static str) -> FieldDoc {
    FieldDoc {
        name,
        ty: FieldType::Text,
        doc,
    }
}

const fn flag(name: &'static str, doc: &'static str) -> FieldDoc {
    FieldDoc {
        name,
        ty: FieldType::Bool,
        doc,
    }
}

const fn int(name: &'static str, doc: &'static str) -> FieldDoc {
    FieldDoc {
        name,
        ty: FieldType::Int,
        doc,
    }
}

const fn list(name: &'static str, doc: &'static str) -> FieldDoc {
    FieldDoc {
        name,
        ty: FieldType::List,
        doc,
    }
}

/// The fields of each kind of fact.
pub static FIELDS: &[(FactKind, &[FieldDoc])] = &[
    (
        FactKind::Expectation,
        &[
            text(
                "account",
                "the account as declared, e.g. CONTOSO\\svc_sql or NT SERVICE\\MSSQLSERVER",
            ),
            text(
                "account_sid",
                "the account's SID when declared or computed, else empty",
            ),
            text("account_kind", "domain, local, gmsa, virtual or builtin"),
            text(
                "logon_type",
                "interactive, network, batch, service or remote-interactive",
            ),
            text(
                "logon_description",
                "the logon type in words, e.g. \"log on as a service\"",
            ),
            text(
                "expectation",
                "must (declared under logon) or must-not (declared under no_logon)",
            ),
            text("verdict", "allowed, denied or not-granted"),
            text(
                "source",
                "policy (a template defines the deciding right), default (the target's documented default) or builtin (Windows grants it by definition)",
            ),
            text(
                "right",
                "the right that decides: the deny right when denied, else the allow right",
            ),
            text(
                "allow_right",
                "the allow right of this logon type, e.g. SeServiceLogonRight",
            ),
            text(
                "deny_right",
                "the deny right of this logon type, e.g. SeDenyServiceLogonRight",
            ),
            text(
                "holder",
                "the entry that matched the account, as written, else empty",
            ),
            text(
                "holder_name",
                "the matched entry's principal by the name a user knows (Domain Users, BUILTIN\\Administrators), else empty",
            ),
            text(
                "via",
                "the chain of groups through which the entry matched, e.g. \"CONTOSO\\svc_sql → Domain Users\", else empty",
            ),
            text(
                "file",
                "the template that supplies the deciding right, else empty",
            ),
            text(
                "line",
                "the line of the deciding right in that template, else empty",
            ),
            text(
                "account_entry",
                "the account as a template entry: *SID when its SID is known, else its name",
            ),
            text(
                "symptom",
                "what the user sees when this logon type is refused",
            ),
            text(
                "proposed_line",
                "for a logon not granted: the deciding right's whole line with the account added to what it holds now, Windows' default holders kept when no template defines it; else empty",
            ),
            flag(
                "network_first",
                "Remote Desktop under Network Level Authentication, refused by the network logon NLA performs first: right, holder and file are then the network rights'",
            ),
            text(
                "removed_by",
                "for not-granted: the `[Group Membership]` key (e.g. *S-1-5-32-555__Members) whose list left the account, or a group of it, out of a group the allow right lists, so that the right would grant the logon without that line; else empty",
            ),
            text(
                "removed_group",
                "the group whose members that line sets, by the name a user knows (BUILTIN\\Remote Desktop Users), else empty",
            ),
            text(
                "removed_member",
                "the principal the line leaves out of that group: the account or one of its groups, by name; else empty",
            ),
            text(
                "removed_member_entry",
                "that principal as a template entry: *SID (name) when its SID is known, else its name; else empty",
            ),
            text("removed_file", "the template of that line, else empty"),
            text("removed_line", "the line's number in it, else empty"),
        ],
    ),
    (
        FactKind::Right,
        &[
            text(
                "right",
                "the right's constant, or the key as written when unknown",
            ),
            text("written", "the key as written"),
            flag("known", "whether gplint knows the right"),
            text(
                "suggestion",
                "for an unknown right, the closest known constant or \"none\"; empty for a known right",
            ),
            text("right_kind", "logon-right or privilege; empty when unknown"),
            text(
                "logon_effect",
                "allow or deny for the ten logon rights, else empty",
            ),
            text(
                "logon_type",
                "the logon type a logon right allows or denies, else empty",
            ),
            int("holder_count", "how many holders the line lists"),
            flag(
                "empty",
                "whether the line is defined with no holder (\"defined, nobody\")",
            ),
            list(
                "holder_sids",
                "the SIDs of the holders gplint could resolve, e.g. S-1-1-0",
            ),
            list("holders", "the holders as written"),
            flag(
                "effective",
                "whether this line wins: no later input defines the same right",
            ),
            int(
                "declared_virtual_accounts",
                "how many virtual accounts (NT SERVICE\\x) the expectations declare",
            ),
            text("file", "the template the line is in"),
        ],
    ),
    (
        FactKind::Holder,
        &[
            text(
                "right",
                "the right's constant, or the key as written when unknown",
            ),
            text(
                "logon_effect",
                "allow or deny for the ten logon rights, else empty",
            ),
            text("written", "the holder as written"),
            text(
                "sid",
                "the holder's SID when written or resolved, else empty",
            ),
            text(
                "name",
                "the holder's name when written or known, else empty",
            ),
            text(
                "principal",
                "the principal by its well-known name when gplint knows it (Everyone, NT AUTHORITY\\Authenticated Users, BUILTIN\\Users, Domain Users), else as written",
            ),
            flag("is_sid", "whether it is written as *SID"),
            flag(
                "resolved",
                "whether it names a SID, a well-known principal, or a declared account or group",
            ),
            flag(
                "effective",
                "whether its line wins: no later input defines the same right",
            ),
            text(
                "renamed_to",
                "for Guest or Administrator written by name when NewGuestName / NewAdministratorName renames the account: the new name, else empty",
            ),
            text("file", "the template the line is in"),
        ],
    ),
    (FactKind::Restriction, RESTRICTION_FIELDS),
    (FactKind::Membership, MEMBERSHIP_FIELDS),
];

static MEMBERSHIP_FIELDS: &[FieldDoc] = &[
    text(
        "written",
        "the key as written, e.g. *S-1-5-32-555__Members or CONTOSO\\Ops__Memberof",
    ),
    text("group", "the line's group as written, without the suffix"),
    text(
        "group_name",
        "the line's group by the name a user knows (BUILTIN\\Remote Desktop Users, Domain Admins), else as written",
    ),
    text(
        "relation",
        "members (`__Members`: sets the group's members) or member-of (`__Memberof`: adds the group to others)",
    ),
    flag(
        "domain_group",
        "whether the line's group is a domain group: a domain RID or SID, or a group declared under `groups`",
    ),
    list("values", "the listed principals as written"),
    flag(
        "applies",
        "whether the target applies the line to its group: false for `__Members` of a domain group off a domain controller (KB 279301)",
    ),
    list(
        "without_effect",
        "the `__Memberof` entries, as written, naming domain groups that the target cannot change (off a domain controller); empty on domain controllers",
    ),
    list(
        "without_effect_names",
        "those entries by the name a user knows",
    ),
    text(
        "target",
        "the machine type the chain is applied to: workstation, member-server or domain-controller",
    ),
    flag(
        "effective",
        "whether this line wins: no later input writes the same group and relation",
    ),
    text("file", "the template the line is in"),
];

static RESTRICTION_FIELDS: &[FieldDoc] = &[
    text("account", "the account as declared"),
    text(
        "account_sid",
        "the account's SID when declared or computed, else empty",
    ),
    text("account_kind", "domain, local, gmsa, virtual or builtin"),
    text(
        "account_entry",
        "the account as a template entry: *SID when its SID is known, else its name",
    ),
    text(
        "logon_type",
        "interactive, network, batch, service or remote-interactive",
    ),
    text("logon_description", "the logon type in words"),
    text("expectation", "must or must-not"),
    text(
        "verdict",
        "the rights verdict: allowed, denied or not-granted",
    ),
    text(
        "restriction",
        "builtin-disabled, builtin-renamed, account-disabled, password-expiry, blank-password, force-guest, workstation, logon-hours or lockout-exposure",
    ),
    flag(
        "refuses",
        "whether it refuses the logon now (false for a risk: an expiry to come, a lockout)",
    ),
    flag(
        "prompts_change",
        "for an expired password at the console, or over Remote Desktop without NLA: Windows asks the person for a new password rather than refusing",
    ),
    text("reason", "why, in words, naming the setting or declaration"),
    text("substatus", "the NTSTATUS Sub Status, e.g. 0xC0000072"),
    text("substatus_name", "its name, e.g. STATUS_ACCOUNT_DISABLED"),
    int("error", "the Win32 error, e.g. 1331"),
    text("error_name", "its name, e.g. ERROR_ACCOUNT_DISABLED"),
    text(
        "setting",
        "the deciding setting, e.g. EnableGuestAccount; empty for a declaration alone",
    ),
    text(
        "source",
        "policy (a template sets it), default (Windows' default) or declared (services.yaml says so)",
    ),
    text(
        "expires",
        "for password-expiry: the day the password expires (YYYY-MM-DD) when password_last_set is declared, else empty",
    ),
    flag(
        "expiry_known",
        "for password-expiry: whether the expiry is placed against today's date",
    ),
    int(
        "days_left",
        "for password-expiry: days from today to the expiry (0 or less: expired); 0 when not known",
    ),
    text("file", "the template of the deciding setting, else empty"),
    text("line", "the line of the deciding setting, else empty"),
    text(
        "symptom",
        "what the user sees: event 4625's Status and Sub Status, service error 1069 with events 7000/7038, or the task's Last Run Result",
    ),
];

/// The value of one field of one fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactValue<'a> {
    /// Text.
    Text(Cow<'a, str>),
    /// A flag.
    Bool(bool),
    /// A number.
    Int(i64),
    /// A list of text values.
    List(Vec<Cow<'a, str>>),
}

impl FactValue<'_> {
    /// The value as message text: lists joined with ", ".
    pub fn display(&self) -> String {
        match self {
            FactValue::Text(text) => text.to_string(),
            FactValue::Bool(flag) => flag.to_string(),
            FactValue::Int(number) => number.to_string(),
            FactValue::List(items) => items.join(", "),
        }
    }
}

/// A text field's value, for `Fact::field` implementations.
pub fn text_value<'v>(value: impl Into<Cow<'v, str>>) -> Option<FactValue<'v>> {
    Some(FactValue::Text(value.into()))
}

/// A record a rule can test.
pub trait Fact {
    /// Which kind of fact it is.
    fn kind(&self) -> FactKind;
    /// The value of a field; `None` for a field this kind does not have.
    fn field(&self, name: &str) -> Option<FactValue<'_>>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_unique_documented_fields() {
        for kind in FactKind::ALL {
            let fields = kind.fields();
            assert!(!fields.is_empty(), "{kind:?}");
            for (i, field) in fields.iter().enumerate() {
                assert!(!field.doc.is_empty(), "{}", field.name);
                assert!(
                    fields[..i].iter().all(|f| f.name != field.name),
                    "{} twice in {kind:?}",
                    field.name
                );
            }
        }
    }
}
