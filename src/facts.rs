//! Facts: what the logon model computed, in the shape rules read.
//!
//! The rule engine never sees templates or tokens, only facts: flat
//! records of named fields. Each kind of fact has a fixed set of fields,
//! declared once below with `fact_fields!`: the declaration gives the
//! list a rule is checked against when it is loaded (a rule naming a field
//! that does not exist is refused), `docs/rule-fields.md`, and a trait the
//! fact's type implements with one method per field, so a field declared
//! without its lookup, or a lookup without its declaration, does not
//! compile.
//!
//! A fact's type implements its kind's `Fields`, and its [`Fact::field`]
//! is the kind's `get`:
//!
//! ```
//! use std::borrow::Cow;
//! use gplint::facts::{FactValue, holder};
//!
//! struct Entry;
//! impl holder::Fields for Entry {
//! #     fn right(&self) -> Cow<'_, str> { "SeServiceLogonRight".into() }
//! #     fn logon_effect(&self) -> Cow<'_, str> { "allow".into() }
//! #     fn written(&self) -> Cow<'_, str> { "*S-1-5-80-0".into() }
//! #     fn sid(&self) -> Cow<'_, str> { "S-1-5-80-0".into() }
//! #     fn name(&self) -> Cow<'_, str> { "".into() }
//! #     fn principal(&self) -> Cow<'_, str> { "NT SERVICE\\ALL SERVICES".into() }
//! #     fn is_sid(&self) -> bool { true }
//! #     fn resolved(&self) -> bool { true }
//! #     fn domain(&self) -> Cow<'_, str> { "".into() }
//! #     fn effective(&self) -> bool { true }
//! #     fn renamed_to(&self) -> Cow<'_, str> { "".into() }
//!     fn file(&self) -> Cow<'_, str> { "GptTmpl.inf".into() }
//! }
//! let file = holder::get(&Entry, "file");
//! assert_eq!(file, Some(FactValue::Text("GptTmpl.inf".into())));
//! assert_eq!(holder::get(&Entry, "nickname"), None);
//! ```
//!
//! Leaving out a field's method does not compile:
//!
//! ```compile_fail,E0046
//! # use std::borrow::Cow;
//! # use gplint::facts::holder;
//! # struct Entry;
//! impl holder::Fields for Entry {
//! #     fn right(&self) -> Cow<'_, str> { "SeServiceLogonRight".into() }
//! #     fn logon_effect(&self) -> Cow<'_, str> { "allow".into() }
//! #     fn written(&self) -> Cow<'_, str> { "*S-1-5-80-0".into() }
//! #     fn sid(&self) -> Cow<'_, str> { "S-1-5-80-0".into() }
//! #     fn name(&self) -> Cow<'_, str> { "".into() }
//! #     fn principal(&self) -> Cow<'_, str> { "NT SERVICE\\ALL SERVICES".into() }
//! #     fn is_sid(&self) -> bool { true }
//! #     fn resolved(&self) -> bool { true }
//! #     fn domain(&self) -> Cow<'_, str> { "".into() }
//! #     fn effective(&self) -> bool { true }
//! #     fn renamed_to(&self) -> Cow<'_, str> { "".into() }
//!     // no `fn file`
//! }
//! ```
//!
//! Nor does a method for a field that is not declared:
//!
//! ```compile_fail,E0407
//! # use std::borrow::Cow;
//! # use gplint::facts::holder;
//! # struct Entry;
//! impl holder::Fields for Entry {
//! #     fn right(&self) -> Cow<'_, str> { "SeServiceLogonRight".into() }
//! #     fn logon_effect(&self) -> Cow<'_, str> { "allow".into() }
//! #     fn written(&self) -> Cow<'_, str> { "*S-1-5-80-0".into() }
//! #     fn sid(&self) -> Cow<'_, str> { "S-1-5-80-0".into() }
//! #     fn name(&self) -> Cow<'_, str> { "".into() }
//! #     fn principal(&self) -> Cow<'_, str> { "NT SERVICE\\ALL SERVICES".into() }
//! #     fn is_sid(&self) -> bool { true }
//! #     fn resolved(&self) -> bool { true }
//! #     fn domain(&self) -> Cow<'_, str> { "".into() }
//! #     fn effective(&self) -> bool { true }
//! #     fn renamed_to(&self) -> Cow<'_, str> { "".into() }
//! #     fn file(&self) -> Cow<'_, str> { "GptTmpl.inf".into() }
//!     fn nickname(&self) -> Cow<'_, str> { "".into() }
//! }
//! ```

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
        match self {
            FactKind::Expectation => expectation::FIELDS,
            FactKind::Right => right::FIELDS,
            FactKind::Holder => holder::FIELDS,
            FactKind::Restriction => restriction::FIELDS,
            FactKind::Membership => membership::FIELDS,
        }
    }

    /// Which facts of this kind there are, in words.
    pub fn about(self) -> &'static str {
        match self {
            FactKind::Expectation => expectation::ABOUT,
            FactKind::Right => right::ABOUT,
            FactKind::Holder => holder::ABOUT,
            FactKind::Restriction => restriction::ABOUT,
            FactKind::Membership => membership::ABOUT,
        }
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

impl FieldType {
    /// The type's name in `docs/rule-fields.md`, in the words rule-loading
    /// errors use for it.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Bool => "true or false",
            FieldType::Int => "a whole number",
            FieldType::List => "a list of text",
        }
    }
}

/// A field's doc as written in `///` lines: each line's text starts with
/// the space after `///`, so joining them leaves one space between lines
/// and one in front, which this drops.
const fn doc_text(joined: &'static str) -> &'static str {
    joined.trim_ascii_start()
}

/// The Rust type of a field's value, by its [`FieldType`] variant.
macro_rules! value_type {
    (Text) => { Cow<'_, str> };
    (Bool) => { bool };
    (Int) => { i64 };
    (List) => { Vec<Cow<'_, str>> };
}

/// Declares one kind of fact: a module `$kind` holding `ABOUT` (the
/// kind's doc), `FIELDS` (each field's name, type and doc, in order), the
/// trait `Fields` with one method per field returning the value of the
/// field's type, and `get`, which looks a field up by name through those
/// methods. A fact's type implements `Fields`, and its [`Fact::field`]
/// is `get`: nothing else maps a name to a value.
macro_rules! fact_fields {
    (
        $(#[doc = $about:literal])+
        $kind:ident {
            $(
                $(#[doc = $doc:literal])+
                $name:ident : $ty:ident,
            )+
        }
    ) => {
        $(#[doc = $about])+
        pub mod $kind {
            use std::borrow::Cow;

            use super::{FactValue, FieldDoc, FieldType, doc_text};

            /// Which facts of this kind there are, in words.
            pub const ABOUT: &str = doc_text(concat!($($about),+));

            /// The fields, in the order rule-loading errors list them.
            pub const FIELDS: &[FieldDoc] = &[$(
                FieldDoc {
                    name: stringify!($name),
                    ty: FieldType::$ty,
                    doc: doc_text(concat!($($doc),+)),
                },
            )+];

            /// One method per field: the value a rule reads.
            pub trait Fields {
                $(
                    $(#[doc = $doc])+
                    fn $name(&self) -> value_type!($ty);
                )+
            }

            /// The value of the field `name`; `None` when this kind has
            /// no such field.
            pub fn get<'f, F: Fields + ?Sized>(fact: &'f F, name: &str) -> Option<FactValue<'f>> {
                match name {
                    $(stringify!($name) => Some(FactValue::$ty(fact.$name())),)+
                    _ => None,
                }
            }
        }
    };
}

fact_fields! {
    /// One per account × logon type declared under `logon` or `no_logon`:
    /// what the expectations file demands, and the logon model's verdict.
    expectation {
        /// the account as declared, e.g. CONTOSO\svc_sql or NT
        /// SERVICE\MSSQLSERVER
        account: Text,
        /// the account's SID when declared or computed, else empty
        account_sid: Text,
        /// domain, local, gmsa, computer, virtual or builtin
        account_kind: Text,
        /// interactive, network, batch, service or remote-interactive
        logon_type: Text,
        /// the logon type in words, e.g. "log on as a service"
        logon_description: Text,
        /// must (declared under logon) or must-not (declared under no_logon)
        expectation: Text,
        /// allowed, denied or not-granted
        verdict: Text,
        /// policy (a template defines the deciding right), default (the target's
        /// documented default) or builtin (Windows grants it by definition)
        source: Text,
        /// the right that decides: the deny right when denied, else the allow
        /// right
        right: Text,
        /// the allow right of this logon type, e.g. SeServiceLogonRight
        allow_right: Text,
        /// the deny right of this logon type, e.g. SeDenyServiceLogonRight
        deny_right: Text,
        /// the entry that matched the account, as written, else empty
        holder: Text,
        /// the matched entry's principal by the name a user knows (Domain Users,
        /// BUILTIN\Administrators), else empty
        holder_name: Text,
        /// the chain of groups through which the entry matched, e.g.
        /// "CONTOSO\svc_sql → Domain Users", else empty
        via: Text,
        /// the template that supplies the deciding right, else empty
        file: Text,
        /// the line of the deciding right in that template, else empty
        line: Text,
        /// when a later template's list replaced an earlier one that granted
        /// the account: the earlier template, else empty
        replaced_file: Text,
        /// the account as a template entry: *SID when its SID is known, else its
        /// name
        account_entry: Text,
        /// what the user sees when this logon type is refused
        symptom: Text,
        /// for a logon not granted: the deciding right's whole line with the
        /// account added to what it holds now, Windows' default holders kept when
        /// no template defines it; else empty
        proposed_line: Text,
        /// Remote Desktop under Network Level Authentication, refused by the
        /// network logon NLA performs first: right, holder and file are then the
        /// network rights'
        network_first: Bool,
        /// for not-granted: the `[Group Membership]` key (e.g.
        /// *S-1-5-32-555__Members) whose list left the account, or a group of it,
        /// out of a group the allow right lists, so that the right would grant
        /// the logon without that line; else empty
        removed_by: Text,
        /// the group whose members that line sets, by the name a user knows
        /// (BUILTIN\Remote Desktop Users), else empty
        removed_group: Text,
        /// the principal the line leaves out of that group: the account or one of
        /// its groups, by name; else empty
        removed_member: Text,
        /// that principal as a template entry: *SID (name) when its SID is known,
        /// else its name; else empty
        removed_member_entry: Text,
        /// the template of that line, else empty
        removed_file: Text,
        /// the line's number in it, else empty
        removed_line: Text,
    }
}

fact_fields! {
    /// One per `[Privilege Rights]` line of every template.
    right {
        /// the right's constant, or the key as written when unknown
        right: Text,
        /// the key as written
        written: Text,
        /// whether gplint knows the right
        known: Bool,
        /// for an unknown right, the closest known constant or "none"; empty for
        /// a known right
        suggestion: Text,
        /// logon-right or privilege; empty when unknown
        right_kind: Text,
        /// allow or deny for the ten logon rights, else empty
        logon_effect: Text,
        /// the logon type a logon right allows or denies, else empty
        logon_type: Text,
        /// how many holders the line lists
        holder_count: Int,
        /// whether the line is defined with no holder ("defined, nobody")
        empty: Bool,
        /// the SIDs of the holders gplint could resolve, e.g. S-1-1-0
        holder_sids: List,
        /// the holders as written
        holders: List,
        /// whether this line wins: no later input defines the same right
        effective: Bool,
        /// how many virtual accounts (NT SERVICE\x) the expectations declare
        declared_virtual_accounts: Int,
        /// the template the line is in
        file: Text,
    }
}

fact_fields! {
    /// One per entry of a `[Privilege Rights]` line.
    holder {
        /// the right's constant, or the key as written when unknown
        right: Text,
        /// allow or deny for the ten logon rights, else empty
        logon_effect: Text,
        /// the holder as written
        written: Text,
        /// the holder's SID when written or resolved, else empty
        sid: Text,
        /// the holder's name when written or known, else empty
        name: Text,
        /// the principal by its well-known name when gplint knows it (Everyone,
        /// NT AUTHORITY\Authenticated Users, BUILTIN\Users, Domain Users), else
        /// as written
        principal: Text,
        /// whether it is written as *SID
        is_sid: Bool,
        /// whether it names a SID, a well-known principal, or a declared account
        /// or group
        resolved: Bool,
        /// for a name written DOMAIN\name: the part before the backslash, as
        /// written (CONTOSO, BUILTIN, `.` for the machine); else empty
        domain: Text,
        /// whether its line wins: no later input defines the same right
        effective: Bool,
        /// for Guest or Administrator written by name when NewGuestName /
        /// NewAdministratorName renames the account: the new name, else empty
        renamed_to: Text,
        /// the template the line is in
        file: Text,
    }
}

fact_fields! {
    /// One per restriction on each declared account × logon type: what
    /// refuses, or may refuse, the logon after the rights check (see the
    /// README's "Account restrictions").
    restriction {
        /// the account as declared
        account: Text,
        /// the account's SID when declared or computed, else empty
        account_sid: Text,
        /// domain, local, gmsa, computer, virtual or builtin
        account_kind: Text,
        /// the account as a template entry: *SID when its SID is known, else its
        /// name
        account_entry: Text,
        /// interactive, network, batch, service or remote-interactive
        logon_type: Text,
        /// the logon type in words
        logon_description: Text,
        /// must or must-not
        expectation: Text,
        /// the rights verdict: allowed, denied or not-granted
        verdict: Text,
        /// builtin-disabled, builtin-renamed, account-disabled, password-expiry,
        /// blank-password, force-guest, workstation, logon-hours or
        /// lockout-exposure
        restriction: Text,
        /// whether it refuses the logon now (false for a risk: an expiry to come,
        /// a lockout)
        refuses: Bool,
        /// for an expired password at the console, or over Remote Desktop without
        /// NLA: Windows asks the person for a new password rather than refusing
        prompts_change: Bool,
        /// why, in words, naming the setting or declaration
        reason: Text,
        /// the NTSTATUS Sub Status, e.g. 0xC0000072
        substatus: Text,
        /// its name, e.g. STATUS_ACCOUNT_DISABLED
        substatus_name: Text,
        /// the Win32 error, e.g. 1331
        error: Int,
        /// its name, e.g. ERROR_ACCOUNT_DISABLED
        error_name: Text,
        /// the deciding setting, e.g. EnableGuestAccount; empty for a declaration
        /// alone
        setting: Text,
        /// policy (a template sets it), default (Windows' default) or declared
        /// (services.yaml says so)
        source: Text,
        /// for password-expiry: the day the password expires (YYYY-MM-DD) when
        /// password_last_set is declared, else empty
        expires: Text,
        /// for password-expiry: whether the expiry is placed against today's date
        expiry_known: Bool,
        /// for password-expiry: days from today to the expiry (0 or less:
        /// expired); 0 when not known
        days_left: Int,
        /// the template of the deciding setting, else empty
        file: Text,
        /// the line of the deciding setting, else empty
        line: Text,
        /// what the user sees: event 4625's Status and Sub Status, service error
        /// 1069 with events 7000/7038, or the task's Last Run Result
        symptom: Text,
    }
}

fact_fields! {
    /// One per `[Group Membership]` line of every template, with what the
    /// chain's target machine applies of it.
    membership {
        /// the key as written, e.g. *S-1-5-32-555__Members or
        /// CONTOSO\Ops__Memberof
        written: Text,
        /// the line's group as written, without the suffix
        group: Text,
        /// the line's group by the name a user knows (BUILTIN\Remote Desktop
        /// Users, Domain Admins), else as written
        group_name: Text,
        /// members (`__Members`: sets the group's members) or member-of
        /// (`__Memberof`: adds the group to others)
        relation: Text,
        /// whether the line's group is a domain group: a domain RID or SID, or a
        /// group declared under `groups`
        domain_group: Bool,
        /// the listed principals as written
        values: List,
        /// whether the target applies the line to its group: false for
        /// `__Members` of a domain group off a domain controller (KB 279301)
        applies: Bool,
        /// the `__Memberof` entries, as written, naming domain groups that the
        /// target cannot change (off a domain controller); empty on domain
        /// controllers
        without_effect: List,
        /// those entries by the name a user knows
        without_effect_names: List,
        /// the machine type the chain is applied to: workstation, member-server
        /// or domain-controller
        target: Text,
        /// whether this line wins: no later input writes the same group and
        /// relation
        effective: Bool,
        /// the template the line is in
        file: Text,
    }
}

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
