//! Restrictions that come from passwords: expiry, blank passwords, the
//! Guest-only sharing model, and lockout of stored passwords.

use super::{Account, Context, Evidence, Restriction, RestrictionKind, SubStatus, restriction};
use crate::logon_type::LogonType;
use crate::model::AccountKind;

/// A password someone set and must keep up to date: gMSAs, virtual and
/// well-known accounts have theirs managed by Windows.
fn has_own_password(account: Account<'_>) -> bool {
    matches!(account.decl.kind, AccountKind::Domain | AccountKind::Local)
}

/// Services and tasks log on with a stored password.
fn stored(logon_type: LogonType) -> bool {
    matches!(logon_type, LogonType::Service | LogonType::Batch)
}

/// Whether an expired password refuses a logon of this type outright.
/// Network logons fail (NTLM `STATUS_PASSWORD_EXPIRED`, Kerberos
/// `KDC_ERR_KEY_EXPIRED`), and so does Remote Desktop under NLA, whose
/// network logon comes first; at the console, and over Remote Desktop
/// without NLA, Windows asks the person for a new password instead
/// (`windows-logon-facts.md` §9 item 2).
fn refused_when_expired(logon_type: LogonType, nla: bool) -> bool {
    match logon_type {
        LogonType::Service | LogonType::Batch | LogonType::Network => true,
        LogonType::RemoteInteractive => nla,
        LogonType::Interactive => false,
    }
}

fn blank_declared(account: Account<'_>) -> bool {
    account
        .decl
        .facts
        .blank_password
        .as_ref()
        .is_some_and(|b| b.value)
}

/// A password that is not set never to expire expires after
/// `MaximumPasswordAge` days of the policy that governs the account:
/// the machine's for a local account, the domain's (or a fine-grained
/// one) for a domain account.
pub(super) fn expiry(
    account: Account<'_>,
    logon_type: LogonType,
    context: Context<'_>,
) -> Option<Restriction> {
    let facts = &account.decl.facts;
    let never = facts
        .password_never_expires
        .as_ref()
        .is_some_and(|f| f.value);
    let policy = account.password;
    let age = &policy.max_password_age;
    if !has_own_password(account) || never || blank_declared(account) {
        return None;
    }
    if !policy.passwords_expire() {
        return None;
    }
    let expires = match &facts.password_last_set {
        Some(set) => match set.value.add_days(age.value) {
            Some(end) => Some(end),
            // After 9999-12-31: it does not expire within any date a
            // file can name.
            None => return None,
        },
        None => None,
    };
    let days_left = expires
        .zip(context.today)
        .map(|(end, today)| end.to_unix_days() - today.to_unix_days());
    let expired = days_left.is_some_and(|left| left <= 0);
    // A person's password that will expire is changed at a prompt: only
    // one stored for a service or task is a risk before it expires.
    if !stored(logon_type) && !expired {
        return None;
    }
    let refuses = expired && refused_when_expired(logon_type, context.nla);
    let setting = format!(
        "{} = {} days {}",
        age.key,
        age.value,
        policy.from_words(age)
    );
    let reason = match (expires, days_left) {
        (Some(end), _) if expired && !refuses => format!(
            "the password expired on {end} ({setting}); Windows asks for a new one before this logon completes"
        ),
        (Some(end), _) if expired => format!("the password expired on {end} ({setting})"),
        (Some(end), _) => format!("the password expires on {end} ({setting})"),
        (None, _) => format!(
            "the password expires {} days after it is set ({setting}), and neither `password_never_expires` nor `password_last_set` is declared",
            age.value
        ),
    };
    let mut r = restriction(
        RestrictionKind::PasswordExpiry,
        SubStatus::PasswordExpired,
        Evidence::of(age),
        (reason, format!("passwords expire after {} days", age.value)),
    );
    r.refuses = refuses;
    r.prompts_change = expired && !refuses;
    r.setting = age.key;
    r.expires = expires;
    r.days_left = days_left;
    r.policy = Some(policy.scope.clone());
    Some(r)
}

/// `LimitBlankPasswordUse`: a local account with a blank password logs on
/// at the console only.
pub(super) fn blank(
    account: Account<'_>,
    logon_type: LogonType,
    context: Context<'_>,
) -> Option<Restriction> {
    let limit = &context.policy.limit_blank_password_use;
    let local = account.decl.kind == AccountKind::Local;
    if !local || !blank_declared(account) || !limit.value || logon_type == LogonType::Interactive {
        return None;
    }
    let mut r = restriction(
        RestrictionKind::BlankPassword,
        SubStatus::AccountRestriction,
        Evidence::of(limit),
        (
            format!(
                "{} has a blank password, and {} = 1 allows such local accounts to log on only at the console",
                account.subject.display, limit.key
            ),
            "blank passwords log on at the console only".to_owned(),
        ),
    );
    r.setting = limit.key;
    Some(r)
}

/// `ForceGuest = 1` maps a local account's network logon to Guest, which
/// fails while Guest is disabled. (With Guest enabled the logon succeeds,
/// as Guest: an access problem, not a refused logon, so not flagged.)
pub(super) fn force_guest(
    account: Account<'_>,
    logon_type: LogonType,
    context: Context<'_>,
) -> Option<Restriction> {
    let policy = context.policy;
    let local = account.decl.kind == AccountKind::Local;
    if !local || logon_type != LogonType::Network || !policy.force_guest.value {
        return None;
    }
    if policy.guest_enabled.value {
        return None;
    }
    let mut r = restriction(
        RestrictionKind::ForceGuest,
        SubStatus::AccountDisabled,
        Evidence::of(&policy.force_guest),
        (
            format!(
                "ForceGuest = 1 (Guest only) makes {}'s network logons Guest logons, and the built-in Guest is disabled",
                account.subject.display
            ),
            "local accounts log on over the network as Guest".to_owned(),
        ),
    );
    r.setting = policy.force_guest.key;
    Some(r)
}

/// `LockoutBadCount` of the policy that governs the account: a service
/// or task whose password changed but is still stored, stale, on one
/// host retries until the account locks, on every host at once.
pub(super) fn lockout(
    account: Account<'_>,
    logon_type: LogonType,
    _context: Context<'_>,
) -> Option<Restriction> {
    let policy = account.password;
    let count = &policy.lockout_bad_count;
    if count.value <= 0 || !stored(logon_type) || !has_own_password(account) {
        return None;
    }
    let mut r = restriction(
        RestrictionKind::LockoutExposure,
        SubStatus::AccountLockedOut,
        Evidence::of(count),
        (
            format!(
                "{} = {} {} locks the account after that many bad passwords; a password stored for a {} that goes stale on one host locks {} out on every host",
                count.key,
                count.value,
                policy.from_words(count),
                if logon_type == LogonType::Service {
                    "service"
                } else {
                    "task"
                },
                account.subject.display
            ),
            format!("locks an account after {} bad passwords", count.value),
        ),
    );
    r.refuses = false;
    r.setting = count.key;
    r.policy = Some(policy.scope.clone());
    Some(r)
}
