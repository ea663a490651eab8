//! Reading the inputs of `check` and `explain`, reporting what cannot be read.

use std::path::{Path, PathBuf};

use super::Io;
use crate::diagnostic::Diagnostic;
use crate::expect::{self, Expectations};
use crate::report::{one_line, render};
use crate::rules::RuleSet;
use crate::source::{ReadLimits, SourceFile};

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
            io.stderr_line(format_args!(
                "error: expectations file: {}",
                one_line(&error)
            ));
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
    for error in errors {
        let rendered = render(&error.diagnostic, &error.file, &error.text, io.style);
        io.stderr_text(&rendered);
    }
    None
}

/// Renders diagnostics that point into one file.
pub fn render_all(diagnostics: &[Diagnostic], source: &SourceFile, io: &mut Io<'_>) {
    for diagnostic in diagnostics {
        let rendered = render(diagnostic, &source.name, &source.text, io.style);
        io.stderr_text(&rendered);
    }
}
