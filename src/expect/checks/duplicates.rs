//! The same principal declared twice, by name or by SID.

use std::collections::HashMap;

use super::Principal;
use crate::diagnostic::{Code, Diagnostic};
use crate::principal::Sid;

/// Names are compared without case, as Windows does. A group and an
/// account count too: a directory name belongs to one object only.
pub(super) fn check(principals: &[Principal<'_>], errors: &mut Vec<Diagnostic>) {
    let mut by_name: HashMap<String, &Principal<'_>> = HashMap::new();
    let mut by_sid: HashMap<Sid, &Principal<'_>> = HashMap::new();
    for principal in principals {
        let key = principal.identity.key().to_owned();
        if let Some(first) = by_name.get(&key) {
            errors.push(same_name(first, principal));
        } else if let Some(first) = principal.identity.sid().and_then(|sid| by_sid.get(&sid)) {
            errors.push(same_sid(first, principal));
        }
        by_name.entry(key).or_insert(principal);
        if let Some(sid) = principal.identity.sid() {
            by_sid.entry(sid).or_insert(principal);
        }
    }
}

fn same_name(first: &Principal<'_>, again: &Principal<'_>) -> Diagnostic {
    let roles = if first.what == again.what {
        String::new()
    } else {
        format!(
            " (as {} and as {})",
            article(first.what),
            article(again.what)
        )
    };
    Diagnostic::new(
        Code::ExpectDuplicateName,
        format!("`{}` is declared twice{roles}", again.name.value),
        again.name.span,
    )
    .with_label("declared again here")
    .with_secondary(first.name.span, "first declared here")
    .with_help("keep one declaration and merge what the two say")
}

fn same_sid(first: &Principal<'_>, again: &Principal<'_>) -> Diagnostic {
    let sid = again
        .identity
        .sid()
        .map(|sid| sid.to_string())
        .unwrap_or_default();
    Diagnostic::new(
        Code::ExpectDuplicateSid,
        format!(
            "`{}` and `{}` have the same SID {sid}, so they are one principal",
            first.name.value, again.name.value
        ),
        again.sid_span(),
    )
    .with_label(format!("{sid} again"))
    .with_secondary(first.sid_span(), "first declared here")
    .with_help("keep one declaration, or correct the SID that was copied")
}

fn article(what: &str) -> String {
    match what {
        "account" => "an account".to_owned(),
        other => format!("a {other}"),
    }
}
