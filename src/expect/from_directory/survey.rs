//! Every account of the directory, not only the declared ones: for
//! `explain --all-accounts` and `diff` with a directory, which evaluate
//! each enabled user, managed service account and computer.

use rustc_hash::FxHashSet as HashSet;

use crate::directory::{DirectoryIndex, Entry, ObjectKind};
use crate::expect::Expectations;
use crate::model::{AccountDecl, AccountFacts, AccountKind, fold};
use crate::span::{Span, Spanned};

/// Appends to `expect` every enabled user, gMSA, sMSA and computer of
/// `index` it does not declare (by SID or name), in the exports' order,
/// each marked [`AccountDecl::surveyed`] with no expectation. Apply the
/// directory after, which fills in their SIDs, groups and facts as for
/// a declared account. Returns how many were added.
pub fn survey_directory(expect: &mut Expectations, index: &DirectoryIndex) -> usize {
    let declared_sids: HashSet<_> = expect
        .accounts
        .iter()
        .filter_map(|a| a.sid.as_ref().map(|s| s.value))
        .collect();
    let declared_names: HashSet<String> = expect
        .accounts
        .iter()
        .map(|a| fold(&a.name.value))
        .collect();
    let before = expect.accounts.len();
    for entry in index.entries().filter(|e| is_surveyed(*e)) {
        let name = index.name_of(entry);
        let by_sid = entry.object.sid.is_some_and(|s| declared_sids.contains(&s));
        if by_sid || declared_names.contains(&fold(&name)) {
            continue;
        }
        expect.accounts.push(surveyed(name, entry));
    }
    expect.accounts.len() - before
}

/// An enabled account that can log on: users, managed service accounts
/// and computers; groups and disabled accounts are left out.
fn is_surveyed(entry: Entry<'_>) -> bool {
    let object = entry.object;
    let account = matches!(
        object.kind,
        ObjectKind::User | ObjectKind::Gmsa | ObjectKind::Smsa | ObjectKind::Computer
    );
    account && !object.account_control.is_some_and(|uac| uac.disabled)
}

fn surveyed(name: String, entry: Entry<'_>) -> AccountDecl {
    AccountDecl {
        name: Spanned::new(name, Span::default()),
        sid: entry
            .object
            .sid
            .map(|sid| Spanned::new(sid, Span::default())),
        kind: AccountKind::Domain,
        kind_inferred: true,
        member_of: Vec::new(),
        scopes: Vec::new(),
        logon: Vec::new(),
        no_logon: Vec::new(),
        description: None,
        facts: AccountFacts::default(),
        sources: Vec::new(),
        surveyed: true,
        span: Span::default(),
    }
}
