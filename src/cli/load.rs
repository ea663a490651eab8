//! Reading the inputs of `check` and `explain`, reporting what cannot be read.

use std::path::{Path, PathBuf};

use super::Io;
use crate::diagnostic::{Code, Diagnostic};
use crate::expect::{self, Expectations};
use crate::report::{one_line, render_excerpt, render_file, render_indexed};
use crate::rules::RuleSet;
use crate::source::{LineIndex, ReadLimits, SourceFile};
use crate::template::Template;

/// Reads and validates the expectations file; on failure every problem is
/// rendered, pointing into the file, and on success every warning is.
/// `templates` are the run's template paths, for the `gplint init` line
/// a missing or empty file's message suggests.
pub fn expectations(
    path: &Path,
    templates: &[PathBuf],
    limits: &ReadLimits,
    io: &mut Io<'_>,
) -> Option<(SourceFile, Expectations)> {
    let source = match SourceFile::read_limited(path, limits) {
        Ok(source) => source,
        Err(error) => {
            let error = super::expect_file::explain(error, path, templates);
            io.stderr_line(format_args!("error: {}", one_line(&error)));
            return None;
        }
    };
    match expect::load(&source.name, &source.text) {
        Ok(expectations) => {
            render_all(&expectations.warnings, &source, io);
            Some((source, expectations))
        }
        Err(diagnostics) => {
            render_all(&diagnostics, &source, io);
            None
        }
    }
}

/// The built-in rules plus each `--rules` folder, whose files are read
/// within `max_file_size` bytes each.
pub fn rules(dirs: &[PathBuf], max_file_size: u64, io: &mut Io<'_>) -> Option<RuleSet> {
    let mut set = match RuleSet::builtin() {
        Ok(set) => set,
        Err(errors) => return rule_errors(&errors, io),
    };
    for dir in dirs {
        let sources = match RuleSet::load_dir_limited(dir, max_file_size) {
            Ok(sources) => sources,
            Err(errors) => return rule_errors(&errors, io),
        };
        let extra = match RuleSet::from_sources(&sources, false) {
            Ok(extra) => extra,
            Err(errors) => return rule_errors(&errors, io),
        };
        if let Err(errors) = set.extend(extra) {
            return rule_errors(&errors, io);
        }
    }
    Some(set)
}

fn rule_errors(errors: &[crate::rules::RuleLoadError], io: &mut Io<'_>) -> Option<RuleSet> {
    // The errors of one file come together and share its text: index it
    // once for all of them.
    let mut indexed: Option<(&std::sync::Arc<str>, LineIndex)> = None;
    for error in errors {
        if quotes_little(&error.diagnostic) {
            let rendered = render_excerpt(&error.diagnostic, &error.file, &error.text, io.style);
            io.stderr_text(&rendered);
            continue;
        }
        let lines = match indexed.take() {
            Some((text, lines)) if std::sync::Arc::ptr_eq(text, &error.text) => lines,
            _ => LineIndex::new(&error.text),
        };
        let code = error.diagnostic.code.as_str();
        let text = &error.text;
        let rendered = render_indexed(&error.diagnostic, code, &error.file, text, &lines, io.style);
        io.stderr_text(&rendered);
        indexed = Some((&error.text, lines));
    }
    None
}

/// Each template's decode and parse warnings, to stderr, in the order of
/// `sources`. With `left_to_rules`, unknown rights are left out: rule
/// GPL302 reports them as findings in `check`.
pub fn template_warnings(
    sources: &[SourceFile],
    templates: &[Template<'_>],
    left_to_rules: bool,
    io: &mut Io<'_>,
) {
    for (source, template) in sources.iter().zip(templates) {
        let decode = source.warnings.iter().map(Diagnostic::from);
        let parse = template
            .warnings
            .iter()
            .filter(|w| !left_to_rules || w.code != Code::TemplateUnknownRight.as_str())
            .cloned();
        let all: Vec<_> = decode.chain(parse).collect();
        render_all(&all, source, io);
    }
}

/// Renders diagnostics that point into one file, with the file's line
/// index: the cost of each does not grow with the file.
pub fn render_all(diagnostics: &[Diagnostic], source: &SourceFile, io: &mut Io<'_>) {
    for diagnostic in diagnostics {
        let rendered = if quotes_little(diagnostic) {
            render_excerpt(diagnostic, &source.name, &source.text, io.style)
        } else {
            render_file(diagnostic, diagnostic.code.as_str(), source, io.style)
        };
        io.stderr_text(&rendered);
    }
}

/// The codes of diagnostics that say a file is not what it should be:
/// not YAML at all, or UTF-16 read into CJK. Such a file may hold
/// anything (a binary, a line of megabytes, secrets), so they quote only
/// a short, printable excerpt of the line.
const QUOTE_LITTLE: [Code; 4] = [
    Code::YamlSyntax,
    Code::YamlUnquotedStarSid,
    Code::YamlUnknownEscape,
    Code::SourceImplausibleText,
];

fn quotes_little(diagnostic: &Diagnostic) -> bool {
    QUOTE_LITTLE.contains(&diagnostic.code)
}
