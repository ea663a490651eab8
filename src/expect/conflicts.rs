//! A logon type that one account both requires and forbids.

use crate::diagnostic::{Code, Diagnostic};
use crate::logon_type::LogonType;
use crate::span::Spanned;

/// Reports each logon type found in both lists once, at its `no_logon`
/// entry, with the `logon` entry as the second label.
pub(super) fn check(
    name: &Spanned<String>,
    logon: &[Spanned<LogonType>],
    no_logon: &[Spanned<LogonType>],
    errors: &mut Vec<Diagnostic>,
) {
    let mut reported = Vec::new();
    for denied in no_logon {
        let Some(allowed) = logon.iter().find(|a| a.value == denied.value) else {
            continue;
        };
        if reported.contains(&denied.value) {
            continue;
        }
        reported.push(denied.value);
        errors.push(conflict(name, allowed, denied));
    }
}

fn conflict(
    name: &Spanned<String>,
    allowed: &Spanned<LogonType>,
    denied: &Spanned<LogonType>,
) -> Diagnostic {
    Diagnostic::new(
        Code::ExpectLogonConflict,
        format!(
            "`{}` is expected both to be able and not to be able to use {} logon",
            name.value, denied.value
        ),
        denied.span,
    )
    .with_label("forbidden here")
    .with_secondary(allowed.span, "required here")
    .with_help(format!(
        "remove `{}` from `logon` or from `no_logon`",
        denied.value
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn at(value: LogonType, start: usize) -> Spanned<LogonType> {
        Spanned::new(value, Span::new(start, start + 1))
    }

    #[test]
    fn each_conflicting_type_is_reported_once_with_both_labels() {
        let name = Spanned::new("svc".to_owned(), Span::new(0, 3));
        let logon = [at(LogonType::Service, 10), at(LogonType::Batch, 12)];
        let no_logon = [
            at(LogonType::Service, 20),
            at(LogonType::Network, 22),
            at(LogonType::Service, 24),
        ];
        let mut errors = Vec::new();
        check(&name, &logon, &no_logon, &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "expect::logon-conflict");
        assert_eq!(errors[0].labels[0].span, Span::new(20, 21));
        assert_eq!(errors[0].labels[1].span, Span::new(10, 11));
    }

    #[test]
    fn disjoint_lists_are_fine() {
        let name = Spanned::new("svc".to_owned(), Span::new(0, 3));
        let mut errors = Vec::new();
        check(
            &name,
            &[at(LogonType::Service, 1)],
            &[at(LogonType::Interactive, 2)],
            &mut errors,
        );
        assert!(errors.is_empty());
    }
}
