//! Tests of [`load`](super::load) on whole files: what loads, with which
//! spans, and which diagnostic each mistake gets.

mod errors;
mod kinds;
mod password_policies;
mod references;
mod scopes;
mod valid;
mod waivers;

use super::{Expectations, load};
use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// The text a span covers.
fn at(text: &str, span: Span) -> &str {
    &text[span.start..span.end]
}

fn ok(text: &str) -> Expectations {
    match load("services.yaml", text) {
        Ok(loaded) => loaded,
        Err(errors) => panic!("expected to load, got {errors:#?}"),
    }
}

fn errors(text: &str) -> Vec<Diagnostic> {
    load("services.yaml", text).expect_err("expected errors")
}

/// The only error, checked for its code and the text its primary label
/// covers.
fn only_error(text: &str, code: &str, covers: &str) -> Diagnostic {
    let mut found = errors(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let error = found.remove(0);
    assert_eq!(error.code, code, "{error:#?}");
    assert_eq!(
        at(text, error.primary_span().unwrap()),
        covers,
        "{error:#?}"
    );
    error
}

/// The only warning of a file that loads, checked for its code and the
/// text its primary label covers.
fn only_warning(text: &str, code: &str, covers: &str) -> Diagnostic {
    let mut found = ok(text).warnings;
    assert_eq!(found.len(), 1, "{found:#?}");
    let warning = found.remove(0);
    assert_eq!(warning.code, code, "{warning:#?}");
    assert_eq!(warning.severity, crate::diagnostic::Severity::Warning);
    assert_eq!(
        at(text, warning.primary_span().unwrap()),
        covers,
        "{warning:#?}"
    );
    warning
}
