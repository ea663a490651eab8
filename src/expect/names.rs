//! Principal names in an expectations file: how two spellings are found
//! to be one principal, and which names cannot be right.

use crate::diagnostic::{Diagnostic, Severity};
use crate::principal::{ResolvedSid, Sid, WELL_KNOWN, resolve_name};
use crate::span::Spanned;
use crate::suggest::did_you_mean;

/// How a declared principal or a `member_of` entry is recognised: two
/// are the same when their folded names or their SIDs are equal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Identity {
    /// The name folded for comparison; empty for an entry written as a SID.
    key: String,
    /// The SID, declared or known from the name.
    sid: Option<Sid>,
}

impl Identity {
    /// A declared principal: its name, and its SID when declared or fixed
    /// by the name (`LocalSystem` and `NT AUTHORITY\SYSTEM` are one).
    pub(super) fn of(name: &str, sid: Option<&Sid>) -> Self {
        Identity {
            key: name_key(name),
            sid: sid.copied().or_else(|| fixed_sid(name)),
        }
    }

    /// A `member_of` entry, written as a name or as a SID.
    pub(super) fn of_entry(entry: &str) -> Self {
        match Sid::parse(entry) {
            Ok(sid) => Identity {
                key: String::new(),
                sid: Some(sid),
            },
            Err(_) => Identity::of(entry, None),
        }
    }

    /// The SID, if known.
    pub(super) fn sid(&self) -> Option<Sid> {
        self.sid
    }

    /// The folded name: equal for two spellings of one name.
    pub(super) fn key(&self) -> &str {
        &self.key
    }
}

/// Windows compares account names without regard to case; `.\x` is how
/// tools spell the local `x`.
fn name_key(name: &str) -> String {
    let name = name.trim();
    name.strip_prefix(".\\").unwrap_or(name).to_lowercase()
}

/// The SID a name stands for on every machine: well-known names and the
/// computed `NT SERVICE\x` / `IIS APPPOOL\x` SIDs.
pub(super) fn fixed_sid(name: &str) -> Option<Sid> {
    match resolve_name(name)?.sid {
        ResolvedSid::Fixed(sid) => Some(sid),
        ResolvedSid::MachineRelative(_) | ResolvedSid::DomainRelative(_) => None,
    }
}

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
            Severity::Error,
            "expect::unknown-builtin",
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
            Severity::Error,
            "expect::sid-mismatch",
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
    fn names_fold_case_and_dot() {
        let declared = Identity::of("CONTOSO\\SQL Admins", None);
        assert_eq!(
            declared.key(),
            Identity::of_entry("contoso\\sql admins").key()
        );
        assert_eq!(Identity::of(".\\Svc", None).key(), "svc");
        assert_eq!(declared.sid(), None);
    }

    #[test]
    fn sids_come_from_the_declaration_the_entry_or_the_name() {
        let group = sid("S-1-5-21-1-2-3-1107");
        assert_eq!(Identity::of("CONTOSO\\A", Some(&group)).sid(), Some(group));
        let entry = Identity::of_entry("S-1-5-21-1-2-3-1107");
        assert_eq!((entry.key(), entry.sid()), ("", Some(group)));
        let system = Identity::of("LocalSystem", None);
        assert_eq!(
            system.sid(),
            Identity::of("NT AUTHORITY\\SYSTEM", None).sid()
        );
        assert_eq!(system.sid(), Some(sid("S-1-5-18")));
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
