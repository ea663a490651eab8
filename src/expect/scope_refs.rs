//! Names of scopes used by accounts and waivers, which must be declared
//! under `scopes:`.

use super::model::{ScopeDecl, Spanned, same_name};
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggest::did_you_mean;

/// An error when `written` names none of `scopes`, without regard to case.
pub(super) fn check(written: &Spanned<String>, scopes: &[ScopeDecl]) -> Option<Diagnostic> {
    if scopes
        .iter()
        .any(|scope| same_name(&scope.name.value, &written.value))
    {
        return None;
    }
    let diagnostic = Diagnostic::new(
        Severity::Error,
        "expect::unknown-scope",
        format!("`{}` is not a declared scope", written.value),
        written.span,
    )
    .with_label("unknown scope");
    Some(diagnostic.with_help(help(&written.value, scopes)))
}

fn help(written: &str, scopes: &[ScopeDecl]) -> String {
    if scopes.is_empty() {
        return format!(
            "this file declares no scopes; declare it with the GPOs it stands for:\nscopes:\n  - name: {written}\n    gpos: [Default Domain Policy, SQL Servers - Hardening]"
        );
    }
    let names: Vec<&str> = scopes.iter().map(|s| s.name.value.as_str()).collect();
    let all = names.join(", ");
    match did_you_mean(written, names.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? The scopes are: {all}"),
        None => format!("the scopes are: {all}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expect::Target;
    use crate::span::Span;

    fn scope(name: &str) -> ScopeDecl {
        ScopeDecl {
            name: Spanned::new(name.to_owned(), Span::default()),
            target: Target::MemberServer,
            target_span: None,
            gpos: Vec::new(),
            hosts: Vec::new(),
            nla: None,
            span: Span::default(),
        }
    }

    fn written(name: &str) -> Spanned<String> {
        Spanned::new(name.to_owned(), Span::new(10, 10 + name.len()))
    }

    #[test]
    fn declared_names_match_without_case() {
        let scopes = [scope("sql-servers"), scope("web")];
        assert_eq!(check(&written("SQL-Servers"), &scopes), None);
        assert_eq!(check(&written("web"), &scopes), None);
    }

    #[test]
    fn a_typo_gets_the_nearest_scope_and_the_list() {
        let scopes = [scope("sql-servers"), scope("web")];
        let error = check(&written("sql-server"), &scopes).unwrap();
        assert_eq!(error.code, "expect::unknown-scope");
        assert_eq!(error.message, "`sql-server` is not a declared scope");
        assert_eq!(error.primary_span(), Some(Span::new(10, 20)));
        assert_eq!(
            error.help.as_deref(),
            Some("did you mean `sql-servers`? The scopes are: sql-servers, web")
        );
        let error = check(&written("domain-controllers"), &scopes).unwrap();
        assert_eq!(
            error.help.as_deref(),
            Some("the scopes are: sql-servers, web")
        );
    }

    #[test]
    fn without_scopes_the_help_says_so_and_shows_a_declaration() {
        let error = check(&written("sql-servers"), &[]).unwrap();
        let help = error.help.unwrap();
        assert!(
            help.starts_with("this file declares no scopes; declare it"),
            "{help}"
        );
        assert!(help.contains("scopes:\n  - name: sql-servers\n    gpos: ["));
    }
}
