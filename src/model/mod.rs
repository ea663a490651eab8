//! The vocabulary the Windows model is written in: the kind of machine
//! ([`Target`]), the sort of account ([`AccountKind`]), calendar days
//! ([`Date`]) and weekly hours ([`Week`]).
//!
//! Beside them are the declarations the model is given about the
//! directory and the machines ([`AccountDecl`], [`GroupDecl`],
//! [`ScopeDecl`], [`WaiverDecl`], password policies), which
//! `services.yaml` is read into.
//!
//! These are plain values with their text forms (`member-server`,
//! `gmsa`, `2027-03-31`, `Mon-Fri 07:00-19:00`) and no knowledge of any
//! file format. They sit below every stage that speaks of machines and
//! accounts: [`crate::expect`] reads them from `services.yaml`, and
//! [`crate::policy`], [`crate::logon`] and [`crate::restriction`] reason
//! with them, without the model depending on the file loader. What turns
//! a YAML node into one of these, with a diagnostic pointing at the
//! node, stays in [`crate::expect`].

mod account_kind;
mod date;
mod declared;
mod group_loops;
mod identity;
mod rule_level;
mod target;
mod week;

pub use account_kind::AccountKind;
pub use date::Date;
pub use declared::{
    AccountDecl, AccountFacts, DomainPolicyDecl, FactOrigin, FactSource, GroupDecl, KnownPrincipal,
    PasswordPolicyDecl, ScopeDecl, WaiverDecl, fold, same_name,
};
pub use rule_level::{RuleLevel, RuleLevelDecl};
pub use target::Target;
pub use week::{DAY_NAMES, Hour, Week};

pub(crate) use account_kind::is_virtual_name;
pub(crate) use date::read as read_date;
pub(crate) use group_loops::{Edge, loops};
pub(crate) use identity::{Identity, Index, fixed_sid};

/// Lower-cased without separators, so `Member_Server` equals `member-server`.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
