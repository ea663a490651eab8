//! Reading the inputs of `check` and `explain`, reporting what cannot be read.

use std::path::{Path, PathBuf};

use super::Io;
use crate::diagnostic::Diagnostic;
use crate::expect::{self, Expectations};
use crate::report::{one_line, render_file, render_indexed};
use crate::rules::RuleSet;
use crate::source::{LineIndex, ReadLimits, SourceFile};

/// Reads and validates the expectations file; on failure every problem is
/// rendered, pointing into the file, and on success every warning is.
pub fn expectations(
    path: &Path,
    limits: &ReadLimits,
    io: &mut Io<'_>,
) -> Option<(SourceFile, Expectations)> {
    let source = match SourceFile::read_limited(path, limits) {
        Ok(source) => source,
        Err(error) => {
            let _ = writeln!(io.stderr, "error: expectations file: {}", one_line(&error));
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

/// The built-in rules plus each `--rules` folder.
pub fn rules(dirs: &[PathBuf], io: &mut Io<'_>) -> Option<RuleSet> {
    let mut set = match RuleSet::builtin() {
        Ok(set) => set,
        Err(errors) => return rule_errors(&errors, io),
    };
    for dir in dirs {
        let sources = match RuleSet::load_dir(dir) {
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
        let lines = match indexed.take() {
            Some((text, lines)) if std::sync::Arc::ptr_eq(text, &error.text) => lines,
            _ => LineIndex::new(&error.text),
        };
        let code = error.diagnostic.code;
        let text = &error.text;
        let rendered = render_indexed(&error.diagnostic, code, &error.file, text, &lines, io.style);
        let _ = write!(io.stderr, "{rendered}");
        indexed = Some((&error.text, lines));
    }
    None
}

/// Renders diagnostics that point into one file, with the file's line
/// index: the cost of each does not grow with the file.
pub fn render_all(diagnostics: &[Diagnostic], source: &SourceFile, io: &mut Io<'_>) {
    for diagnostic in diagnostics {
        let rendered = render_file(diagnostic, diagnostic.code, source, io.style);
        let _ = write!(io.stderr, "{rendered}");
    }
}
