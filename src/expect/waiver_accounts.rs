//! A waiver's `account` that names no declared account: findings carry
//! the declared name of their account, so such a waiver waives nothing.
//! A warning, with a did-you-mean to the declared account one typo away.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{AccountDecl, WaiverDecl, fold};
use crate::near::NearIndex;

/// A warning for each waiver whose account is not declared.
pub(super) fn check(accounts: &[AccountDecl], waivers: &[WaiverDecl]) -> Vec<Diagnostic> {
    let named = waivers.iter().filter_map(|w| w.account.as_ref());
    let mut named = named.peekable();
    if named.peek().is_none() {
        return Vec::new();
    }
    let declared: std::collections::HashSet<String> =
        accounts.iter().map(|a| fold(&a.name.value)).collect();
    let mut near = NearIndex::new();
    for account in accounts {
        near.insert(&account.name.value, account.name.value.as_str());
    }
    named
        .filter(|account| !declared.contains(&fold(&account.value)))
        .map(|account| {
            let help = match near.nearest(&account.value) {
                Some(name) => format!("did you mean `{name}`, declared under `accounts`?"),
                None => "write the account's name as it is declared under `accounts` \
                         (findings name accounts so), or remove `account:`"
                    .to_owned(),
            };
            Diagnostic::new(
                Code::ExpectWaiverAccountUndeclared,
                format!(
                    "the waiver's account `{}` is not a declared account, so the waiver waives nothing",
                    account.value
                ),
                account.span,
            )
            .with_label("no account of this name")
            .with_help(help)
        })
        .collect()
}
