//! What an expectations file declares, typed, with the span of every value
//! so later checks can point back at the line that made the promise.

use serde::Serialize;

use super::{AccountKind, Target};
use crate::logon_type::LogonType;
use crate::principal::Sid;
use crate::span::Span;

/// A value with the byte range it was read from in the YAML text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    /// The value, cleaned up (trimmed, `*` stripped from SIDs).
    pub value: T,
    /// Where the value is written in the YAML text.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// `value` read from `span`.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A whole expectations file (`services.yaml`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Expectations {
    /// The kind of machine the templates are applied to.
    pub target: Target,
    /// Where `target` is written; `None` when the default applies.
    pub target_span: Option<Span>,
    /// The domain's SID prefix `S-1-5-21-a-b-c`: as declared, or else
    /// taken from the first declared domain-relative SID of a group or a
    /// domain account or gMSA (with that SID's span).
    pub domain_sid: Option<Spanned<Sid>>,
    /// Directory groups the templates cannot see, in file order.
    pub groups: Vec<GroupDecl>,
    /// The accounts to check, in file order.
    pub accounts: Vec<AccountDecl>,
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
    /// Logon types the account must be able to use.
    pub logon: Vec<Spanned<LogonType>>,
    /// Logon types the account must not be able to use.
    pub no_logon: Vec<Spanned<LogonType>>,
    /// Free text, kept for messages.
    pub description: Option<String>,
    /// The whole sequence item.
    pub span: Span,
}
