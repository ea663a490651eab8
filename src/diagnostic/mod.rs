//! Diagnostics as data: what is wrong, where, and what to do about it.
//!
//! Every stage reports problems as [`Diagnostic`] values with spans into
//! one source text; the `report` module renders them. Nothing here prints.
//! Every code is an entry of the registry in [`code`].

pub mod code;

use serde::{Deserialize, Serialize};

pub use code::{Code, CodeKind};

use crate::span::Span;

/// How serious a diagnostic is.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Informational; never fails a run.
    Note,
    /// Worth a look; fails a run only with `--fail-on warning`.
    Warning,
    /// Breaks something; fails a run by default.
    Error,
}

impl Severity {
    /// The lower-case word used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span with the sentence that explains it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where in the source text.
    pub span: Span,
    /// What this place has to do with the problem.
    pub message: String,
}

/// One problem found in one source text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable identifier, e.g. `syntax::line-without-equals`, from the
    /// registry ([`code`]).
    pub code: Code,
    /// How serious it is: always the registry's severity for the code.
    pub severity: Severity,
    /// What is wrong, in the user's terms.
    pub message: String,
    /// Where; the first label is the primary one.
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
    /// Background: what Windows does with it.
    pub note: Option<String>,
}

impl Diagnostic {
    /// A diagnostic of `code`, with the severity the registry gives it, and
    /// a primary label.
    pub fn new(code: Code, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            labels: vec![Label {
                span,
                message: String::new(),
            }],
            help: None,
            note: None,
        }
    }

    /// Sets the text of the primary label.
    pub fn with_label(mut self, message: impl Into<String>) -> Self {
        if let Some(label) = self.labels.first_mut() {
            label.message = message.into();
        }
        self
    }

    /// Adds a secondary label.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The primary span, if any.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels.first().map(|label| label.span)
    }
}

impl From<&crate::source::DecodeWarning> for Diagnostic {
    fn from(warning: &crate::source::DecodeWarning) -> Self {
        use crate::source::DecodeWarningKind as Kind;
        let (code, label, help) = match warning.kind {
            Kind::LoneSurrogate => (
                Code::SourceLoneSurrogate,
                "replaced with U+FFFD",
                "re-save the file from a Windows editor as UTF-16LE with BOM",
            ),
            Kind::Windows1252Fallback => (
                Code::SourceNotUtf8,
                "first byte that is not UTF-8",
                "re-save the file as UTF-16LE with BOM (what secedit writes) or UTF-8",
            ),
            Kind::ControlCharacter => (
                Code::SourceControlCharacter,
                "control character",
                "remove the character; templates hold only text",
            ),
            Kind::ImplausibleText => (
                Code::SourceImplausibleText,
                "read from here",
                "save the file again as UTF-16LE with BOM, as secedit writes it; until then gplint reads it as text that defines nothing it knows",
            ),
        };
        let span = crate::span::Span::new(warning.offset, warning.offset);
        Diagnostic::new(code, warning.message.clone(), span)
            .with_label(label)
            .with_help(help)
    }
}
/// An error and its causes joined with `: `, line ends made spaces: the
/// plain text of a reason that must fit on one line. What prints it
/// makes control characters visible (`report::one_line`).
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        text.push_str(": ");
        text.push_str(&next.to_string());
        cause = next.source();
    }
    text.replace(['\r', '\n'], " ")
}
