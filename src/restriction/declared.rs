//! Restrictions that follow from what `services.yaml` declares: a disabled
//! account, its workstations, its logon hours.

use super::{Account, Context, Evidence, Restriction, RestrictionKind, SubStatus, restriction};
use crate::logon_type::LogonType;
use crate::model::Week;

/// `disabled: true`.
pub(super) fn disabled(account: Account<'_>) -> Option<Restriction> {
    let flag = account.decl.facts.disabled.as_ref().filter(|f| f.value)?;
    let name = &account.subject.display;
    let words = match account.decl.directory_source("disabled") {
        Some(place) => (
            format!("{name} is disabled in the directory (userAccountControl at {place})"),
            "disabled in the directory".to_owned(),
        ),
        None => (
            format!("{name} is declared disabled"),
            "declared disabled".to_owned(),
        ),
    };
    Some(restriction(
        RestrictionKind::AccountDisabled,
        SubStatus::AccountDisabled,
        Evidence::Declared(flag.span),
        words,
    ))
}

/// `workstations` that leave out some of the scope's `hosts`. A network
/// logon's workstation is the client, not the host, so it is not checked.
pub(super) fn workstation(
    account: Account<'_>,
    logon_type: LogonType,
    context: Context<'_>,
) -> Option<Restriction> {
    let allowed = &account.decl.facts.workstations;
    let first = allowed.first()?;
    if logon_type == LogonType::Network {
        return None;
    }
    let outside: Vec<&str> = context
        .hosts
        .iter()
        .map(|h| h.value.as_str())
        .filter(|host| !allowed.iter().any(|w| same_machine(&w.value, host)))
        .collect();
    if outside.is_empty() {
        return None;
    }
    let listed: Vec<&str> = allowed.iter().map(|w| w.value.as_str()).collect();
    Some(restriction(
        RestrictionKind::Workstation,
        SubStatus::InvalidWorkstation,
        Evidence::Declared(first.span),
        (
            format!(
                "{} may log on only to {}, not to {} in this scope",
                account.subject.display,
                listed.join(", "),
                outside.join(", ")
            ),
            format!("leaves out {}", outside.join(", ")),
        ),
    ))
}

/// Machines compare by their first DNS label, without regard to case:
/// userWorkstations holds NetBIOS names.
fn same_machine(a: &str, b: &str) -> bool {
    let short = |name: &str| name.trim().split('.').next().unwrap_or("").to_lowercase();
    short(a) == short(b)
}

/// `logon_hours` that leave out hours a service or task must run:
/// `runs_at`, or around the clock.
pub(super) fn hours(
    account: Account<'_>,
    logon_type: LogonType,
    context: Context<'_>,
) -> Option<Restriction> {
    let facts = &account.decl.facts;
    let allowed = facts.logon_hours.as_ref()?;
    if !matches!(logon_type, LogonType::Service | LogonType::Batch) {
        return None;
    }
    let needed = facts.runs_at.as_ref().map_or(Week::ALWAYS, |r| r.value);
    let gap = allowed.value.first_gap(&needed)?;
    let when = if facts.runs_at.is_some() {
        format!("must run at {needed}")
    } else {
        "runs around the clock (no `runs_at`)".to_owned()
    };
    let logoff = if context.policy.force_logoff.value {
        "; ForceLogoffWhenHourExpire also ends its network sessions when the hours end"
    } else {
        ""
    };
    Some(restriction(
        RestrictionKind::LogonHours,
        SubStatus::InvalidLogonHours,
        Evidence::Declared(allowed.span),
        (
            format!(
                "the logon hours of {} ({}) leave out {gap}, but a {} {when}{logoff}",
                account.subject.display,
                allowed.value,
                if logon_type == LogonType::Service {
                    "service"
                } else {
                    "scheduled task"
                },
            ),
            format!("leave out {gap}"),
        ),
    ))
}
