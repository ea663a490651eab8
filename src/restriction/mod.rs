//! Account restrictions: what refuses a logon after the rights check.
//!
//! The authentication package refuses a logon with
//! `STATUS_ACCOUNT_RESTRICTION` and a Sub Status that says why: disabled,
//! password expired, outside the logon hours, not this workstation, blank
//! password off the console. Some follow from the templates' account
//! policy ([`AccountPolicy`]), the rest from what `services.yaml` declares
//! about an account. Each [`Restriction`] says whether it refuses the
//! logon now (`refuses`) or is a risk (an expiry to come, a lockout).
//!
//! Decisions where Windows leaves room (see the README):
//! - Password expiry and lockout are about stored passwords, so only
//!   service and batch logons are checked; a person is prompted to change
//!   an expiring password.
//! - A blank-password local account is refused for every logon type but
//!   interactive (the console) while `LimitBlankPasswordUse` is on.
//! - Workstation lists are checked for logons that happen on the scope's
//!   hosts (all but network: a network logon's workstation is the client).
//! - Services and tasks run around the clock unless `runs_at` says when.
//! - Expiry and lockout read the password policy that governs the
//!   account: the chain's for a local account; for a domain account a
//!   fine-grained one, else the domain's (see `governing`).

mod builtin;
mod declared;
mod governing;
mod password;
pub mod status;

pub use builtin::renamed_entry;
pub use status::SubStatus;

use crate::expect::{AccountDecl, Expectations};

use crate::model::{Date, Target};

use crate::logon::{Directory, Subject};
use crate::logon_type::LogonType;
use crate::policy::account::{AccountPolicy, PolicySetting, SettingOrigin};
use crate::policy::password::{PasswordPolicy, PolicyScope};
use crate::span::Span;
use crate::span::Spanned;

/// What kind of restriction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RestrictionKind {
    /// The built-in Guest or Administrator is disabled by the policy.
    BuiltinDisabled,
    /// The expectation names a built-in account by the name the policy renamed.
    BuiltinRenamed,
    /// `disabled: true`.
    AccountDisabled,
    /// The password expires (or has expired, or may).
    PasswordExpiry,
    /// A blank password while `LimitBlankPasswordUse` is on.
    BlankPassword,
    /// `ForceGuest`: the local account's network logon becomes Guest.
    ForceGuest,
    /// The account may not log on to some of the scope's hosts.
    Workstation,
    /// The logon hours leave out hours the account must run.
    LogonHours,
    /// A stale stored password locks the account out everywhere.
    LockoutExposure,
}

impl RestrictionKind {
    /// The word rules use.
    pub fn as_str(self) -> &'static str {
        match self {
            RestrictionKind::BuiltinDisabled => "builtin-disabled",
            RestrictionKind::BuiltinRenamed => "builtin-renamed",
            RestrictionKind::AccountDisabled => "account-disabled",
            RestrictionKind::PasswordExpiry => "password-expiry",
            RestrictionKind::BlankPassword => "blank-password",
            RestrictionKind::ForceGuest => "force-guest",
            RestrictionKind::Workstation => "workstation",
            RestrictionKind::LogonHours => "logon-hours",
            RestrictionKind::LockoutExposure => "lockout-exposure",
        }
    }
}

/// Where the restriction comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// A template setting: input and key span.
    Template {
        /// Index of the input in the chain.
        input: usize,
        /// The setting's key.
        span: Span,
    },
    /// A default of the target: no template says.
    Default,
    /// What `services.yaml` declares, at this span.
    Declared(Span),
}

impl Evidence {
    /// `policy`, `default` or `declared`.
    pub fn source(self) -> &'static str {
        match self {
            Evidence::Template { .. } => "policy",
            Evidence::Default => "default",
            Evidence::Declared(_) => "declared",
        }
    }

    fn of<T>(setting: &PolicySetting<T>) -> Evidence {
        match setting.origin {
            SettingOrigin::Policy { input, span } => Evidence::Template { input, span },
            SettingOrigin::Default => Evidence::Default,
            SettingOrigin::Declared(span) => Evidence::Declared(span),
        }
    }
}

/// One restriction on one account's logon type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restriction {
    /// What kind.
    pub kind: RestrictionKind,
    /// The Sub Status Windows gives.
    pub status: SubStatus,
    /// Whether it refuses the logon now; `false` for a risk to come.
    pub refuses: bool,
    /// Why, in words, e.g. "EnableGuestAccount = 0 disables the built-in Guest".
    pub reason: String,
    /// A few words for the place it points at, e.g. "disables the built-in Guest".
    pub label: String,
    /// The deciding setting or declaration.
    pub evidence: Evidence,
    /// The setting that decides, e.g. `EnableGuestAccount`; empty for a
    /// declaration alone.
    pub setting: &'static str,
    /// For a password expiry: the day it expires, when known.
    pub expires: Option<Date>,
    /// For a password expiry: days from today to `expires` (negative: past).
    pub days_left: Option<i64>,
    /// For password expiry and lockout: whose password policy decides.
    pub policy: Option<PolicyScope>,
    /// For an expired password at the console (or Remote Desktop without
    /// NLA): Windows asks the person for a new one rather than refusing.
    pub prompts_change: bool,
}

/// The restrictions of one account, per logon type.
#[derive(Clone, Debug)]
pub struct AccountRestrictions {
    /// Index of the account in [`Directory::accounts`].
    pub account: usize,
    /// For each logon type of [`LogonType::ALL`], its restrictions.
    pub by_type: Vec<(LogonType, Vec<Restriction>)>,
}

impl AccountRestrictions {
    /// The restrictions on one logon type.
    pub fn get(&self, logon_type: LogonType) -> &[Restriction] {
        self.by_type
            .iter()
            .find(|(t, _)| *t == logon_type)
            .map_or(&[], |(_, r)| r.as_slice())
    }

    /// The first restriction that refuses the logon type now.
    pub fn refusing(&self, logon_type: LogonType) -> Option<&Restriction> {
        self.get(logon_type).iter().find(|r| r.refuses)
    }
}

/// What every check reads besides the account.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The chain's account policy; its password and lockout settings
    /// govern local accounts only.
    pub policy: &'a AccountPolicy,
    /// The domain's password and lockout policy, for domain accounts
    /// without a fine-grained one.
    pub domain: &'a PasswordPolicy,
    /// The machines of the evaluated scope; empty when not declared.
    pub hosts: &'a [Spanned<String>],
    /// Today, for expiry dates; `None` leaves dates unplaced.
    pub today: Option<Date>,
    /// The machine type.
    pub target: Target,
    /// Whether Remote Desktop requires Network Level Authentication.
    pub nla: bool,
}

/// One declared account, as the checks see it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Account<'a> {
    pub(crate) subject: &'a Subject,
    pub(crate) decl: &'a AccountDecl,
    /// The password and lockout policy that governs its password.
    pub(crate) password: &'a PasswordPolicy,
}

/// The restrictions of every declared account.
pub fn evaluate(
    expect: &Expectations,
    directory: &Directory,
    context: Context<'_>,
) -> Vec<AccountRestrictions> {
    let passwords = governing::password_policies(expect, directory, context);
    let accounts = directory.accounts.iter().zip(&expect.accounts);
    accounts
        .zip(&passwords)
        .enumerate()
        .map(|(account, ((subject, decl), password))| {
            let account_of = Account {
                subject,
                decl,
                password,
            };
            AccountRestrictions {
                account,
                by_type: LogonType::ALL
                    .iter()
                    .map(|&t| (t, on_type(account_of, t, context)))
                    .collect(),
            }
        })
        .collect()
}

/// Every restriction on one logon type, the ones that refuse first.
fn on_type(account: Account<'_>, logon_type: LogonType, context: Context<'_>) -> Vec<Restriction> {
    let mut found: Vec<Restriction> = [
        builtin::renamed(account, context),
        builtin::disabled(account, context),
        declared::disabled(account),
        password::blank(account, logon_type, context),
        password::force_guest(account, logon_type, context),
        declared::workstation(account, logon_type, context),
        declared::hours(account, logon_type, context),
        password::expiry(account, logon_type, context),
        password::lockout(account, logon_type, context),
    ]
    .into_iter()
    .flatten()
    .collect();
    found.sort_by_key(|r| !r.refuses);
    found
}

fn restriction(
    kind: RestrictionKind,
    status: SubStatus,
    evidence: Evidence,
    (reason, label): (String, String),
) -> Restriction {
    Restriction {
        kind,
        status,
        refuses: true,
        reason,
        label,
        evidence,
        setting: "",
        expires: None,
        days_left: None,
        policy: None,
        prompts_change: false,
    }
}
