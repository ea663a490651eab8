//! One declared account filled in from its directory object: what
//! `services.yaml` leaves out is taken from the export, with the span of
//! the account's name, and each fact's source is recorded.

use super::sources::Sources;
use crate::directory::{Domain, Entry, Export, Governing, ObjectKind};
use crate::model::{AccountDecl, AccountKind, Date, PasswordPolicyDecl};
use crate::span::{Span, Spanned};

/// What filling an account needs beside it.
#[derive(Clone, Copy)]
pub(super) struct Fill<'a> {
    /// The exports, indexed.
    pub index: &'a crate::directory::DirectoryIndex,
    /// services.yaml declares a PSO on a group: its hand-written PSOs
    /// decide, not the directory's.
    pub psos_by_hand: bool,
    /// services.yaml declares `domain_policy`.
    pub domain_policy_declared: bool,
}

/// The model's kind for a directory object.
pub(super) fn kind_of(kind: ObjectKind) -> Option<AccountKind> {
    match kind {
        ObjectKind::User => Some(AccountKind::Domain),
        ObjectKind::Gmsa | ObjectKind::Smsa => Some(AccountKind::Gmsa),
        ObjectKind::Computer => Some(AccountKind::Computer),
        ObjectKind::Group => None,
    }
}

/// Fills `account` from `entry`. Returns the domain whose own policy
/// governs the account's password, when no PSO does and the export
/// carries the domain's values.
pub(super) fn fill<'a>(
    account: &mut AccountDecl,
    entry: Entry<'a>,
    with: Fill<'a>,
) -> Option<(&'a Domain, &'a Export)> {
    let mut sources = Sources::default();
    identity(account, entry, &mut sources);
    super::member_of::fill(account, entry, with.index, &mut sources);
    flags(account, entry, &mut sources);
    let governing = policy(account, entry, with, &mut sources);
    account.sources = sources.into_vec();
    governing
}

/// The SID and the kind.
fn identity(account: &mut AccountDecl, entry: Entry<'_>, sources: &mut Sources) {
    let at = account.name.span;
    match (&account.sid, entry.object.sid) {
        (Some(sid), _) => sources.file("sid", sid.span),
        (None, Some(sid)) => {
            account.sid = Some(Spanned::new(sid, at));
            sources.object("sid", entry, None);
        }
        (None, None) => {}
    }
    match (account.kind_inferred, kind_of(entry.object.kind)) {
        (false, _) => sources.file("kind", account.span),
        (true, Some(kind)) => {
            account.kind = kind;
            account.kind_inferred = false;
            sources.object("kind", entry, None);
        }
        (true, None) => {}
    }
}

/// Disabled, password, logon hours and workstations.
fn flags(account: &mut AccountDecl, entry: Entry<'_>, sources: &mut Sources) {
    let at = account.name.span;
    let object = entry.object;
    let lines = object.lines;
    let control = object.account_control;
    let facts = &mut account.facts;
    let mut take = Taker { at, entry, sources };
    take.one(
        &mut facts.disabled,
        "disabled",
        control.map(|c| c.disabled),
        lines.account_control,
    );
    if !account.kind.is_computer_class() {
        // A smart card's password is random and never expires for logon.
        let never = control.map(|c| c.password_never_expires || c.smartcard_required);
        take.one(
            &mut facts.password_never_expires,
            "password_never_expires",
            never,
            lines.account_control,
        );
        let day = object.password_last_set.filter(|&s| s > 0);
        let day = day.map(|s| Date::from_unix_days(s.div_euclid(86_400)));
        take.one(
            &mut facts.password_last_set,
            "password_last_set",
            day,
            lines.password_last_set,
        );
    }
    let hours = object.logon_hours.as_ref().map(super::hours::week);
    take.one(
        &mut facts.logon_hours,
        "logon_hours",
        hours,
        lines.logon_hours,
    );
    match facts.workstations.first() {
        Some(first) => take.sources.file("workstations", first.span),
        None if !object.workstations.is_empty() => {
            let spanned = object
                .workstations
                .iter()
                .map(|w| Spanned::new(w.clone(), at));
            facts.workstations = spanned.collect();
            take.sources
                .object("workstations", entry, lines.workstations);
        }
        None => {}
    }
}

/// Fills one optional fact, or records that services.yaml wrote it.
struct Taker<'s, 'a> {
    at: Span,
    entry: Entry<'a>,
    sources: &'s mut Sources,
}

impl Taker<'_, '_> {
    fn one<T>(
        &mut self,
        slot: &mut Option<Spanned<T>>,
        fact: &'static str,
        read: Option<T>,
        line: Option<u32>,
    ) {
        match (slot.as_ref(), read) {
            (Some(written), _) => self.sources.file(fact, written.span),
            (None, Some(value)) => {
                *slot = Some(Spanned::new(value, self.at));
                self.sources.object(fact, self.entry, line);
            }
            (None, None) => {}
        }
    }
}

/// The PSO that governs a domain account, as AD resolves it; or the
/// domain whose own policy does.
fn policy<'a>(
    account: &mut AccountDecl,
    entry: Entry<'a>,
    with: Fill<'a>,
    sources: &mut Sources,
) -> Option<(&'a Domain, &'a Export)> {
    if let Some(written) = &account.facts.password_policy {
        sources.file("password_policy", written.span);
        return None;
    }
    if account.kind != AccountKind::Domain || with.psos_by_hand {
        return None;
    }
    match with.index.governing_policy(entry)? {
        Governing::Pso(pso, export) => {
            let at = account.name.span;
            account.facts.password_policy = Some(PasswordPolicyDecl {
                max_password_age_days: Spanned::new(pso.max_password_age_days, at),
                lockout_threshold: Spanned::new(pso.lockout_threshold, at),
                span: at,
            });
            sources.read("password_policy", export, pso.origin);
            None
        }
        Governing::Domain(domain, export) => {
            let known =
                domain.max_password_age_days.is_some() && domain.lockout_threshold.is_some();
            if !known || with.domain_policy_declared {
                return None;
            }
            sources.read("password_policy", export, domain.origin);
            Some((domain, export))
        }
    }
}
