//! Why a rule file cannot be used.

use std::fmt;
use std::sync::Arc;

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;

/// A rule file that cannot be used: a diagnostic with its file's name and
/// text so it can be rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleLoadError {
    /// The rule file, as given (`rules/GPL101-….yaml` or the user's path).
    pub file: String,
    /// The file's text, which the diagnostic's spans point into; empty when
    /// the file could not be read. Shared by every error of the file, so
    /// many errors in a large file do not copy it once each.
    pub text: Arc<str>,
    /// What is wrong and where.
    pub diagnostic: Diagnostic,
}

impl RuleLoadError {
    /// Ties the problems found in one file to that file.
    pub(super) fn all(file: &str, text: &str, diagnostics: Vec<Diagnostic>) -> Vec<RuleLoadError> {
        let text: Arc<str> = Arc::from(text);
        diagnostics
            .into_iter()
            .map(|diagnostic| RuleLoadError {
                file: file.to_owned(),
                text: Arc::clone(&text),
                diagnostic,
            })
            .collect()
    }
}

impl fmt::Display for RuleLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.diagnostic.message)
    }
}

impl std::error::Error for RuleLoadError {}

/// An error-severity diagnostic: every problem in a rule file stops the
/// rule from loading.
pub(super) fn error(code: Code, message: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(code, message, span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn display_names_the_file() {
        let errors = RuleLoadError::all(
            "rules/x.yaml",
            "id: 1",
            vec![error(Code::RuleBadId, "bad id", Span::new(4, 5))],
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].to_string(), "rules/x.yaml: bad id");
        assert_eq!(&*errors[0].text, "id: 1");
        assert_eq!(errors[0].diagnostic.severity, Severity::Error);
    }
}
