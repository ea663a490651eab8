//! Names of scopes used by accounts and waivers, which must be declared
//! under `scopes:`.

use std::cell::Cell;

use rustc_hash::FxHashSet as HashSet;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{ScopeDecl, fold};
use crate::span::Spanned;
use crate::suggest::did_you_mean;
use crate::work::{self, Counter};

/// How many declared scopes an error's help lists before "and N more".
const LISTED: usize = 20;
/// How many unknown names get a did-you-mean, each a comparison with
/// every declared scope: past that, errors × scopes would grow with the
/// square of the file.
const SUGGESTED: usize = 50;

/// The declared scope names, folded once, for every reference to check.
pub(super) struct ScopeNames<'s> {
    scopes: &'s [ScopeDecl],
    folded: HashSet<String>,
    suggested: Cell<usize>,
}

impl<'s> ScopeNames<'s> {
    /// Indexes the declared scopes.
    pub(super) fn new(scopes: &'s [ScopeDecl]) -> Self {
        ScopeNames {
            scopes,
            folded: scopes.iter().map(|s| fold(&s.name.value)).collect(),
            suggested: Cell::new(0),
        }
    }

    /// An error when `written` names none of the scopes, without regard to case.
    pub(super) fn check(&self, written: &Spanned<String>) -> Option<Diagnostic> {
        work::add(Counter::ScopeAccountPairs, 1);
        if self.folded.contains(&fold(&written.value)) {
            return None;
        }
        let diagnostic = Diagnostic::new(
            Code::ExpectUnknownScope,
            format!("`{}` is not a declared scope", written.value),
            written.span,
        )
        .with_label("unknown scope");
        Some(diagnostic.with_help(self.help(&written.value)))
    }

    fn help(&self, written: &str) -> String {
        if self.scopes.is_empty() {
            return format!(
                "this file declares no scopes; declare it with the GPOs it stands for:\nscopes:\n  - name: {written}\n    gpos: [Default Domain Policy, SQL Servers - Hardening]"
            );
        }
        let names = self.scopes.iter().map(|s| s.name.value.as_str());
        let mut all = names.clone().take(LISTED).collect::<Vec<_>>().join(", ");
        if self.scopes.len() > LISTED {
            all.push_str(&format!(" and {} more", self.scopes.len() - LISTED));
        }
        let suggested = self.suggested.get();
        self.suggested.set(suggested + 1);
        if suggested >= SUGGESTED {
            return format!("the scopes are: {all}");
        }
        work::add(Counter::ScopeAccountPairs, self.scopes.len());
        match did_you_mean(written, names) {
            Some(near) => format!("did you mean `{near}`? The scopes are: {all}"),
            None => format!("the scopes are: {all}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Target;
    use crate::span::{Span, Spanned};

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

    fn check(written: &Spanned<String>, scopes: &[ScopeDecl]) -> Option<Diagnostic> {
        ScopeNames::new(scopes).check(written)
    }

    #[test]
    fn declared_names_match_without_case() {
        let scopes = [scope("sql-servers"), scope("web"), scope("Straße")];
        assert_eq!(check(&written("SQL-Servers"), &scopes), None);
        assert_eq!(check(&written("web"), &scopes), None);
        assert_eq!(check(&written("STRASSE"), &scopes).map(|_| ()), Some(()));
        assert_eq!(check(&written("straße"), &scopes), None);
    }

    #[test]
    fn a_long_list_of_scopes_is_cut_and_suggestions_stop() {
        let scopes: Vec<ScopeDecl> = (0..30).map(|i| scope(&format!("scope-{i}"))).collect();
        let names = ScopeNames::new(&scopes);
        let first = names.check(&written("scope-x1")).unwrap();
        let help = first.help.unwrap();
        assert!(help.starts_with("did you mean `scope-1`?"), "{help}");
        assert!(help.ends_with("scope-19 and 10 more"), "{help}");
        for _ in 1..SUGGESTED {
            names.check(&written("scope-x1"));
        }
        let late = names.check(&written("scope-x1")).unwrap();
        assert!(late.help.unwrap().starts_with("the scopes are: scope-0,"));
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
