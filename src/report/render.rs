//! Renders a [`Diagnostic`] with miette, pointing into its source file.
//!
//! This is the one place diagnostics and findings become human text:
//! miette is given only a clipped excerpt of the file (see
//! `excerpt`) and texts whose control characters are written
//! visibly (see [`mod@super::visible`]).

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, SourceSpan};

use super::excerpt::{CONTEXT_LINES, Excerpt};
use super::parse_excerpt::ParseExcerpt;
use super::visible::{visible, visible_line};
use crate::diagnostic::{Diagnostic, Label, Severity};
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

/// What a rendered snippet shows: a diagnostic's texts and places, or a
/// finding's, which carries a rule id rather than a diagnostic code.
#[derive(Clone, Copy, Debug)]
pub struct Snippet<'a> {
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong.
    pub message: &'a str,
    /// Where; the first label is the primary one.
    pub labels: &'a [Label],
    /// What to do about it.
    pub help: Option<&'a str>,
    /// Background, shown under the snippet.
    pub note: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for Snippet<'a> {
    fn from(diagnostic: &'a Diagnostic) -> Self {
        Snippet {
            severity: diagnostic.severity,
            message: &diagnostic.message,
            labels: &diagnostic.labels,
            help: diagnostic.help.as_deref(),
            note: diagnostic.note.as_deref(),
        }
    }
}

/// Renders one diagnostic into text ending in a newline.
pub fn render(diagnostic: &Diagnostic, file_name: &str, text: &str, style: Style) -> String {
    render_coded(diagnostic, diagnostic.code.as_str(), file_name, text, style)
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
    render_indexed(diagnostic, code, file_name, text, &lines, style)
}

/// [`render_coded`] for a file already read, using its line index: the
/// cost of a snippet does not grow with the file.
pub fn render_file(diagnostic: &Diagnostic, code: &str, file: &SourceFile, style: Style) -> String {
    render_snippet(diagnostic.into(), code, file, style)
}

/// [`render_file`] for a snippet that is no diagnostic, such as a
/// finding's place.
pub fn render_snippet(snippet: Snippet<'_>, code: &str, file: &SourceFile, style: Style) -> String {
    let (name, text) = (&file.name, &file.text);
    let spans: Vec<_> = snippet.labels.iter().map(|label| label.span).collect();
    let excerpt = Excerpt::new(name, text, &file.lines, &spans);
    let report = Report::new(snippet, code, &excerpt, |i| excerpt.span(i));
    render_report(&report, snippet, style)
}

/// Renders a parse error of a file that may not be what its name says:
/// the snippet is a short, printable excerpt of the line at the primary
/// span (see [`mod@crate::source::excerpt`]), and secondary labels are left
/// out.
pub fn render_excerpt(
    diagnostic: &Diagnostic,
    file_name: &str,
    text: &str,
    style: Style,
) -> String {
    let offset = diagnostic.primary_span().map_or(0, |span| span.start);
    let excerpt = ParseExcerpt::around(file_name, text, offset);
    let mut shown = Snippet::from(diagnostic);
    shown.labels = diagnostic.labels.get(..1).unwrap_or_default();
    let span = excerpt.span();
    let report = Report::new(shown, diagnostic.code.as_str(), &excerpt, |_| {
        SourceSpan::new(span.start.into(), span.end - span.start)
    });
    render_report(&report, shown, style)
}

/// Widths miette is given: a `COLUMNS` of 0 or of a billion lays out
/// as 20 or 1,000.
const WIDTHS: std::ops::RangeInclusive<usize> = 20..=1_000;

/// [`render_coded`] with a line index built once by the caller: the
/// cost of a snippet does not grow with the file, however many
/// diagnostics point into it.
pub fn render_indexed(
    diagnostic: &Diagnostic,
    code: &str,
    file_name: &str,
    text: &str,
    lines: &LineIndex,
    style: Style,
) -> String {
    let spans: Vec<_> = diagnostic.labels.iter().map(|label| label.span).collect();
    let excerpt = Excerpt::new(file_name, text, lines, &spans);
    let snippet = Snippet::from(diagnostic);
    let report = Report::new(snippet, code, &excerpt, |i| excerpt.span(i));
    render_report(&report, snippet, style)
}

/// Lays a report out with miette, its note underneath.
fn render_report(report: &Report<'_>, snippet: Snippet<'_>, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let width = style.width.clamp(*WIDTHS.start(), *WIDTHS.end());
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false)
        .with_context_lines(CONTEXT_LINES)
        // SIDs and paths must not be cut at their hyphens or mid-word.
        .with_break_words(false)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = String::new();
    if handler.render_report(&mut out, report).is_err() {
        // Rendering into a String cannot fail short of a formatting bug;
        // fall back to the bare message rather than losing it.
        out = format!("{}: {}\n", snippet.severity.as_str(), report.message);
    }
    let note = snippet.note.map(visible);
    push_note(&mut out, note.as_deref(), width);
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

/// A diagnostic as miette reads it: every text made visible, every span
/// moved into the excerpt.
struct Report<'d> {
    severity: Severity,
    code: String,
    message: String,
    help: Option<String>,
    labels: Vec<LabeledSpan>,
    source: &'d dyn SourceCode,
}

impl<'d> Report<'d> {
    /// The report of `diagnostic` over `source`, where label `i` lies at
    /// `span_of(i)`.
    fn new(
        snippet: Snippet<'_>,
        code: &str,
        source: &'d dyn SourceCode,
        span_of: impl Fn(usize) -> SourceSpan,
    ) -> Self {
        let labels = snippet.labels.iter().enumerate().map(|(i, label)| {
            let text = (!label.message.is_empty()).then(|| visible(&label.message).into_owned());
            if i == 0 {
                LabeledSpan::new_primary_with_span(text, span_of(i))
            } else {
                LabeledSpan::new_with_span(text, span_of(i))
            }
        });
        Report {
            severity: snippet.severity,
            code: visible_line(code).into_owned(),
            message: visible(snippet.message).into_owned(),
            help: snippet.help.map(|h| visible(h).into_owned()),
            labels: labels.collect(),
            source,
        }
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(&self.code) as Box<dyn fmt::Display + 'a>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let help = self.help.as_ref()?;
        Some(Box::new(help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::span::Span;

    fn far_label() -> (String, Diagnostic) {
        let text = format!("[A]\nk = {}\u{1b}[2Jv\n", " ".repeat(70_000));
        let at = text.len() - 6;
        let diagnostic = Diagnostic::new(
            Code::SyntaxLineWithoutEquals,
            "far \u{1b}[31maway",
            Span::new(at, at + 5),
        )
        .with_label("here\u{7}")
        .with_help("help \u{9b}")
        .with_note("note \r over");
        (text, diagnostic)
    }

    #[test]
    fn a_label_past_column_65535_renders_at_any_width() {
        let (text, diagnostic) = far_label();
        for width in [0, 1, 80, 65_535, usize::MAX] {
            for color in [false, true] {
                let out = render(&diagnostic, "t.inf", &text, Style { color, width });
                assert!(out.contains("t.inf:2:70005"), "{out}");
                assert!(out.lines().all(|l| l.chars().count() < 400), "{out}");
            }
        }
    }

    #[test]
    fn every_text_of_a_diagnostic_is_made_visible() {
        let (text, diagnostic) = far_label();
        let out = render(&diagnostic, "t\u{1b}.inf", &text, Style::PLAIN);
        for shown in [
            "far \\u{1b}[31maway",
            "here\\u{7}",
            "help \\u{9b}",
            "note \\u{d} over",
        ] {
            assert!(out.contains(shown), "{shown}: {out}");
        }
        assert!(out.contains("\\u{1b}[2Jv"), "{out}");
        assert!(out.contains("t\\u{1b}.inf"), "{out}");
        assert!(!out.contains(['\u{1b}', '\u{7}', '\u{9b}', '\r']), "{out}");
    }
}
