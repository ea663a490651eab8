//! Principal names in an expectations file that cannot be right: unknown
//! built-in names, and SIDs that contradict a name's fixed SID.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::fixed_sid;
use crate::principal::{Sid, WELL_KNOWN, resolve_name};
use crate::span::Spanned;
use crate::suggest::did_you_mean;

/// Authorities whose every principal gplint knows, so an unknown name
/// under them is a typo rather than an account of some domain.
const CLOSED_AUTHORITIES: [&str; 2] = ["BUILTIN", "NT AUTHORITY"];

/// An error for `BUILTIN\…` or `NT AUTHORITY\…` names that name nothing,
/// which would otherwise be taken for a domain called `BUILTIN`.
pub(super) fn unknown_builtin(name: &Spanned<String>) -> Option<Diagnostic> {
    let (authority, _) = name.value.split_once('\\')?;
    let authority = CLOSED_AUTHORITIES
        .into_iter()
        .find(|known| known.eq_ignore_ascii_case(authority.trim()))?;
    if resolve_name(&name.value).is_some() {
        return None;
    }
    let prefix = format!("{authority}\\");
    let candidates = WELL_KNOWN
        .iter()
        .map(|entry| entry.name)
        .filter(|known| known.starts_with(&prefix));
    let help = match did_you_mean(&name.value, candidates) {
        Some(near) => format!("did you mean `{near}`?"),
        None => "check the spelling; gplint knows the English names of built-in principals, \
                 so write the SID for a localized one"
            .to_owned(),
    };
    Some(
        Diagnostic::new(
            Code::ExpectUnknownBuiltin,
            format!("`{}` is not a built-in principal", name.value),
            name.span,
        )
        .with_label(format!("no such principal in {authority}"))
        .with_help(help),
    )
}

/// An error when `declared` is not the SID `name` always has.
pub(super) fn sid_mismatch(name: &Spanned<String>, declared: &Spanned<Sid>) -> Option<Diagnostic> {
    let fixed = fixed_sid(&name.value)?;
    if fixed == declared.value {
        return None;
    }
    Some(
        Diagnostic::new(
            Code::ExpectSidMismatch,
            format!("`{}` is not the SID of `{}`", declared.value, name.value),
            declared.span,
        )
        .with_label("declared SID")
        .with_secondary(name.span, "this name has a fixed SID")
        .with_help(format!(
            "the SID of `{}` is always {fixed}; remove `sid:` or correct the name",
            name.value
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn spanned(name: &str) -> Spanned<String> {
        Spanned::new(name.to_owned(), Span::new(0, name.len()))
    }

    fn sid(text: &str) -> Sid {
        Sid::parse(text).unwrap()
    }

    #[test]
    fn unknown_builtin_names_are_caught_with_a_suggestion() {
        let error = unknown_builtin(&spanned("BUILTIN\\Remote Desktop User")).unwrap();
        assert_eq!(error.code, "expect::unknown-builtin");
        assert_eq!(
            error.help.as_deref(),
            Some("did you mean `BUILTIN\\Remote Desktop Users`?")
        );
        assert!(unknown_builtin(&spanned("nt authority\\network servic")).is_some());
    }

    #[test]
    fn known_and_foreign_names_pass() {
        for name in [
            "BUILTIN\\Administrators",
            "NT AUTHORITY\\SYSTEM",
            "CONTOSO\\Nobody",
            "Nobody",
            "NT SERVICE\\Anything",
        ] {
            assert_eq!(unknown_builtin(&spanned(name)), None, "{name}");
        }
    }

    #[test]
    fn a_wrong_sid_for_a_fixed_name_is_caught() {
        let name = spanned("NT SERVICE\\MSSQLSERVER");
        let wrong = Spanned::new(sid("S-1-5-80-1-2-3-4-5"), Span::new(30, 40));
        let error = sid_mismatch(&name, &wrong).unwrap();
        assert_eq!(error.code, "expect::sid-mismatch");
        assert_eq!(error.labels[0].span, Span::new(30, 40));
        assert_eq!(error.labels[1].span, name.span);
        let right = Spanned::new(
            sid("S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003"),
            Span::new(30, 40),
        );
        assert_eq!(sid_mismatch(&name, &right), None);
        assert_eq!(sid_mismatch(&spanned("CONTOSO\\svc"), &wrong), None);
    }
}
