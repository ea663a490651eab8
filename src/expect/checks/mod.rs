//! Checks across items: duplicates, membership cycles (a warning), and
//! membership in something that is not a group.

mod cycles;
mod duplicates;
mod membership;

use crate::diagnostic::Diagnostic;
use crate::model::Identity;
use crate::model::{AccountDecl, GroupDecl};
use crate::principal::Sid;
use crate::span::Span;
use crate::span::Spanned;

/// Runs every check across the declared groups and accounts: what makes
/// the file unusable goes to `errors`, what is worth knowing (a loop of
/// groups, which Active Directory allows) to `warnings`.
pub(super) fn cross_check(
    groups: &[GroupDecl],
    accounts: &[AccountDecl],
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) {
    let principals = principals(groups, accounts);
    duplicates::check(&principals, errors);
    cycles::check(groups, warnings);
    membership::check(&principals, errors);
}

/// A declared group or account, seen the same way by every check.
struct Principal<'a> {
    /// "group" or "account".
    what: &'static str,
    name: &'a Spanned<String>,
    sid: Option<&'a Spanned<Sid>>,
    member_of: &'a [Spanned<String>],
    identity: Identity,
}

impl Principal<'_> {
    /// Where its SID is written, or its name when the SID comes from it.
    fn sid_span(&self) -> Span {
        self.sid.map_or(self.name.span, |sid| sid.span)
    }
}

/// Groups and accounts in file order, so "first declared" means first in
/// the text even when `accounts:` comes before `groups:`.
fn principals<'a>(groups: &'a [GroupDecl], accounts: &'a [AccountDecl]) -> Vec<Principal<'a>> {
    let groups = groups
        .iter()
        .map(|g| principal("group", &g.name, g.sid.as_ref(), &g.member_of));
    let accounts = accounts
        .iter()
        .map(|a| principal("account", &a.name, a.sid.as_ref(), &a.member_of));
    let mut all: Vec<Principal<'a>> = groups.chain(accounts).collect();
    all.sort_by_key(|p| p.name.span.start);
    all
}

fn principal<'a>(
    what: &'static str,
    name: &'a Spanned<String>,
    sid: Option<&'a Spanned<Sid>>,
    member_of: &'a [Spanned<String>],
) -> Principal<'a> {
    Principal {
        what,
        name,
        sid,
        member_of,
        identity: Identity::of(&name.value, sid.map(|s| &s.value)),
    }
}
