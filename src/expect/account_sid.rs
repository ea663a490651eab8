//! SIDs declared for domain, local, gMSA and computer accounts that
//! cannot be right: a well-known or BUILTIN SID (`S-1-5-32-544` is a
//! group of every machine, never an account of a domain), a domain's SID
//! without the account's RID, and, a warning, a domain account whose SID
//! is not under the declared `domain_sid`.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::AccountKind;
use crate::principal::{Sid, describe};
use crate::span::Spanned;

/// `S-1-5-21`: the sub-authority that starts every domain and machine SID.
const NON_UNIQUE: u32 = 21;

/// What is wrong with the `sid` of the account `name` of `kind`, when
/// anything is. `domain_sid` is the declared one, with where it is.
pub(super) fn check(
    name: &Spanned<String>,
    sid: &Spanned<Sid>,
    kind: AccountKind,
    domain_sid: Option<&Spanned<Sid>>,
) -> Option<Diagnostic> {
    let has_account_sid = kind.in_domain() || kind == AccountKind::Local;
    if !has_account_sid {
        return None;
    }
    if sid.value.is_domain_relative() {
        return outside_domain(name, sid, kind, domain_sid?);
    }
    if is_domain_prefix(&sid.value) {
        return Some(without_rid(name, sid));
    }
    Some(not_an_account_sid(name, sid, kind))
}

/// `S-1-5-21-a-b-c`: a domain's (or machine's) SID with no RID.
fn is_domain_prefix(sid: &Sid) -> bool {
    sid.authority() == 5
        && sid.sub_authorities().len() == 4
        && sid.sub_authorities().first() == Some(&NON_UNIQUE)
}

fn without_rid(name: &Spanned<String>, sid: &Spanned<Sid>) -> Diagnostic {
    Diagnostic::new(
        Code::ExpectSidWithoutRid,
        format!(
            "`{}` is a domain's SID, not the SID of `{}`: it has no RID",
            sid.value, name.value
        ),
        sid.span,
    )
    .with_label("a domain's SID")
    .with_help(format!(
        "an account's SID is its domain's followed by its RID, e.g. {}-1105: copy it whole \
         (PowerShell: `(Get-ADUser <name>).SID.Value`); the domain's own SID goes in `domain_sid`",
        sid.value
    ))
}

fn not_an_account_sid(name: &Spanned<String>, sid: &Spanned<Sid>, kind: AccountKind) -> Diagnostic {
    let what = describe(&sid.value).map_or_else(
        || "not the SID of an account".to_owned(),
        |known| format!("{}, a well-known SID", known.name),
    );
    let help = match describe(&sid.value) {
        Some(known) => format!(
            "a {} account's SID is S-1-5-21-<a>-<b>-<c>-<RID>: correct `sid:`, or remove it; \
             if the account belongs to {}, write `member_of: [{}]`",
            kind.as_str(),
            known.name,
            known.name
        ),
        None => format!(
            "a {} account's SID is S-1-5-21-<a>-<b>-<c>-<RID>: correct `sid:`, or remove it",
            kind.as_str()
        ),
    };
    Diagnostic::new(
        Code::ExpectNotAnAccountSid,
        format!(
            "`{}` is {what}: it cannot be the SID of the {} account `{}`",
            sid.value,
            kind.as_str(),
            name.value
        ),
        sid.span,
    )
    .with_label("not an account's SID")
    .with_help(help)
}

/// A warning when a domain account's SID is under another domain than
/// the declared one: a typo in either, or an account of another domain
/// of the forest.
fn outside_domain(
    name: &Spanned<String>,
    sid: &Spanned<Sid>,
    kind: AccountKind,
    domain_sid: &Spanned<Sid>,
) -> Option<Diagnostic> {
    if !kind.in_domain() {
        return None;
    }
    let domain = sid.value.domain()?;
    if domain == domain_sid.value {
        return None;
    }
    Some(
        Diagnostic::new(
            Code::ExpectSidOutsideDomain,
            format!(
                "the SID of `{}`, {}, is not under `domain_sid` {}: its domain is {domain}",
                name.value, sid.value, domain_sid.value
            ),
            sid.span,
        )
        .with_label(format!("in domain {domain}"))
        .with_secondary(domain_sid.span, "the declared domain")
        .with_help(
            "correct the SID or `domain_sid`; an account of another domain of the forest may \
             keep its SID, but groups such as Domain Users that gplint places under \
             `domain_sid` are not its own",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn spanned<T>(value: T, at: usize) -> Spanned<T> {
        Spanned::new(value, Span::new(at, at + 1))
    }

    fn sid(text: &str) -> Spanned<Sid> {
        spanned(Sid::parse(text).unwrap(), 10)
    }

    fn name() -> Spanned<String> {
        spanned("CONTOSO\\svc_sql".to_owned(), 0)
    }

    const DOMAIN: &str = "S-1-5-21-1004336348-1177238915-682003330";

    #[test]
    fn a_builtin_sid_is_not_an_account_s() {
        let found = check(&name(), &sid("S-1-5-32-544"), AccountKind::Domain, None).unwrap();
        assert_eq!(found.code, Code::ExpectNotAnAccountSid);
        assert!(
            found.message.contains("BUILTIN\\Administrators"),
            "{found:?}"
        );
        let local = check(&name(), &sid("S-1-5-18"), AccountKind::Local, None);
        assert_eq!(local.unwrap().code, Code::ExpectNotAnAccountSid);
    }

    #[test]
    fn a_domain_prefix_has_no_rid() {
        let found = check(&name(), &sid(DOMAIN), AccountKind::Gmsa, None).unwrap();
        assert_eq!(found.code, Code::ExpectSidWithoutRid);
    }

    #[test]
    fn another_domain_is_a_warning_for_domain_accounts_only() {
        let declared = sid("S-1-5-21-1-2-3");
        let user = sid(&format!("{DOMAIN}-1105"));
        let found = check(&name(), &user, AccountKind::Domain, Some(&declared)).unwrap();
        assert_eq!(found.code, Code::ExpectSidOutsideDomain);
        assert_eq!(found.severity, crate::diagnostic::Severity::Warning);
        assert_eq!(
            check(&name(), &user, AccountKind::Local, Some(&declared)),
            None
        );
        let same = sid(DOMAIN);
        assert_eq!(
            check(&name(), &user, AccountKind::Domain, Some(&same)),
            None
        );
    }

    #[test]
    fn builtin_and_virtual_accounts_are_left_to_their_own_checks() {
        for kind in [AccountKind::Builtin, AccountKind::Virtual] {
            assert_eq!(check(&name(), &sid("S-1-5-32-544"), kind, None), None);
        }
    }
}
