//! `member_of` entries that name a declared account: accounts have no
//! members, so the entry is a mix-up.

use super::Principal;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Identity, Index};
use crate::span::Spanned;

/// Entries that name nothing declared are fine: they may be well-known
/// groups or groups that only templates define.
pub(super) fn check(principals: &[Principal<'_>], errors: &mut Vec<Diagnostic>) {
    let index = Index::new(principals.iter().map(|p| &p.identity));
    for member in principals {
        for entry in member.member_of {
            let found = index.find(&Identity::of_entry(&entry.value));
            match found.and_then(|at| principals.get(at)) {
                Some(account) if account.what == "account" => {
                    errors.push(not_a_group(entry, account));
                }
                _ => {}
            }
        }
    }
}

fn not_a_group(entry: &Spanned<String>, account: &Principal<'_>) -> Diagnostic {
    Diagnostic::new(Code::ExpectMemberOfAccount,
        format!("`{}` is an account, not a group, so nothing can be a member of it", entry.value),
        entry.span,
    )
    .with_label("names an account")
    .with_secondary(account.name.span, "declared as an account here")
    .with_help("list groups in `member_of`; declare the group under `groups:` if the templates cannot see it")
}
