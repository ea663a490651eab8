//! Renders a [`Diagnostic`] with miette, pointing into its source file.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::window::Window;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{LineIndex, SourceFile};

/// How rendered diagnostics look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours and bold.
    pub color: bool,
    /// Wrap width in columns.
    pub width: usize,
}

impl Style {
    /// No colour at a fixed width: stable output for tests and logs.
    pub const PLAIN: Style = Style {
        color: false,
        width: 100,
    };
}

/// Renders one diagnostic into text ending in a newline.
pub fn render(diagnostic: &Diagnostic, file_name: &str, text: &str, style: Style) -> String {
    render_coded(diagnostic, diagnostic.code, file_name, text, style)
}

/// Renders one diagnostic under a code of the caller's choosing, such as
/// a rule's `GPL101 needed-logon-type-not-granted`; an empty code shows none.
pub fn render_coded(
    diagnostic: &Diagnostic,
    code: &str,
    file_name: &str,
    text: &str,
    style: Style,
) -> String {
    let lines = LineIndex::new(text);
    let window = Window {
        name: file_name,
        text,
        lines: &lines,
    };
    render_window(diagnostic, code, &window, style)
}

/// [`render_coded`] for a file already read, using its line index: the
/// cost of a snippet does not grow with the file. Every diagnostic of a
/// file is rendered this way, so the file is indexed once, not once per
/// diagnostic (which made 40,000 warnings cost 40,000 scans of the file).
pub fn render_file(diagnostic: &Diagnostic, code: &str, file: &SourceFile, style: Style) -> String {
    render_indexed(diagnostic, code, &file.name, &file.text, &file.lines, style)
}

/// [`render_coded`] with the line index of `text` built by the caller, who
/// renders several diagnostics of one text.
pub fn render_indexed(
    diagnostic: &Diagnostic,
    code: &str,
    file_name: &str,
    text: &str,
    lines: &LineIndex,
    style: Style,
) -> String {
    let window = Window {
        name: file_name,
        text,
        lines,
    };
    render_window(diagnostic, code, &window, style)
}

fn render_window(diagnostic: &Diagnostic, code: &str, source: &Window<'_>, style: Style) -> String {
    let report = Report {
        diagnostic,
        code,
        source,
    };
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        // SIDs and paths must not be cut at their hyphens or mid-word.
        .with_break_words(false)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = String::new();
    if handler.render_report(&mut out, &report).is_err() {
        // Rendering into a String cannot fail short of a formatting bug;
        // fall back to the bare message rather than losing it.
        out = format!("{}: {}\n", diagnostic.severity.as_str(), diagnostic.message);
    }
    push_note(&mut out, diagnostic.note.as_deref(), style.width);
    out
}

/// miette renders `help` but has no `note`; it goes underneath, indented
/// the same way.
fn push_note(out: &mut String, note: Option<&str>, width: usize) {
    let Some(note) = note else { return };
    let options = textwrap::Options::new(width.saturating_sub(2).max(20))
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .initial_indent("  note: ")
        .subsequent_indent("        ");
    for line in textwrap::wrap(note, options) {
        out.push_str(&line);
        out.push('\n');
    }
}

struct Report<'d> {
    diagnostic: &'d Diagnostic,
    code: &'d str,
    source: &'d Window<'d>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(self.code) as Box<dyn fmt::Display + 'a>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let help = self.diagnostic.help.as_deref()?;
        Some(Box::new(help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let labels = self.diagnostic.labels.iter().enumerate().map(|(i, label)| {
            let text = (!label.message.is_empty()).then(|| label.message.clone());
            if i == 0 {
                LabeledSpan::new_primary_with_span(text, label.span)
            } else {
                LabeledSpan::new_with_span(text, label.span)
            }
        });
        Some(Box::new(labels))
    }
}
