//! The fuzz targets' bodies, kept in the library so that every input a
//! fuzzer ever crashed on can be replayed by `cargo test` through exactly
//! the same code (`tests/fuzz_regressions.rs`).
//!
//! Each function takes arbitrary bytes, runs one stage as the command line
//! would, renders what it reports, and returns `Err` when an invariant
//! that must hold for every input is broken. A panic or a hang inside is a
//! bug by itself; the fuzz targets turn an `Err` into a panic too.

use std::ffi::OsString;
use std::path::Path;

use crate::cli::{self, Io, Outcome};
use crate::report::{Style, render, render_file};
use crate::rules::RuleSet;
use crate::source::SourceFile;
use crate::{expect, syntax, template};

/// A broken invariant, in words.
pub type Broken = String;

/// Decodes, parses and types one template, rendering every warning.
/// Invariant: the parse is lossless.
pub fn template(data: &[u8]) -> Result<(), Broken> {
    let Ok(source) = SourceFile::from_bytes("GptTmpl.inf", data.to_vec()) else {
        return Ok(());
    };
    let doc = syntax::parse(&source.text);
    if doc.reconstruct() != source.text {
        return Err("the parsed lines do not rebuild the text".to_owned());
    }
    let typed = template::build(&doc);
    for warning in &typed.warnings {
        render_file(warning, warning.code, &source, Style::PLAIN);
    }
    Ok(())
}

/// Reads an expectations file as the command line does (decoded like any
/// input) and renders every error, or every warning of a file that loads.
/// Invariant: a refusal says why.
pub fn expectations(data: &[u8]) -> Result<(), Broken> {
    let Ok(source) = SourceFile::from_bytes("services.yaml", data.to_vec()) else {
        return Ok(());
    };
    match expect::load(&source.name, &source.text) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                render_file(warning, warning.code, &source, Style::PLAIN);
            }
            Ok(())
        }
        Err(errors) if errors.is_empty() => Err("refused without an error".to_owned()),
        Err(errors) => {
            for error in &errors {
                render_file(error, error.code, &source, Style::PLAIN);
            }
            Ok(())
        }
    }
}

/// Loads one user rule file (which also runs its test cases) and renders
/// every error. Invariant: a refusal says why.
pub fn rule(data: &[u8]) -> Result<(), Broken> {
    // Rule files are read with `read_to_string`: only UTF-8 gets this far.
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let sources = [("GPL900-fuzz.yaml".to_owned(), text.to_owned())];
    match RuleSet::from_sources(&sources, false) {
        Ok(_) => Ok(()),
        Err(errors) if errors.is_empty() => Err("refused without an error".to_owned()),
        Err(errors) => {
            for error in &errors {
                render(&error.diagnostic, &error.file, &error.text, Style::PLAIN);
            }
            Ok(())
        }
    }
}

/// Splits one fuzz input into a template and an expectations file: the
/// first two bytes (little-endian) are the template's length.
pub fn split(data: &[u8]) -> (&[u8], &[u8]) {
    let (len, rest) = match data {
        [a, b, rest @ ..] => (usize::from(u16::from_le_bytes([*a, *b])), rest),
        _ => return (&[], &[]),
    };
    rest.split_at(len.min(rest.len()))
}

/// Runs `gplint check` on the two halves of `data` (see [`split`]),
/// written as files into `dir`, in the human and SARIF formats.
/// Invariants: a run that fails on its input says so on stderr; a run
/// that reads everything writes a report.
pub fn check(dir: &Path, data: &[u8]) -> Result<(), Broken> {
    let (template, expectations) = split(data);
    let template_path = dir.join("GptTmpl.inf");
    let expect_path = dir.join("services.yaml");
    std::fs::write(&template_path, template).map_err(|e| e.to_string())?;
    std::fs::write(&expect_path, expectations).map_err(|e| e.to_string())?;
    for format in ["human", "sarif"] {
        let args: [OsString; 7] = [
            "gplint".into(),
            "check".into(),
            template_path.clone().into(),
            "--expect".into(),
            expect_path.clone().into(),
            "--format".into(),
            format.into(),
        ];
        let (outcome, stdout, stderr) = run(args);
        if outcome == Outcome::UsageOrInput {
            if stderr.is_empty() {
                return Err(format!("{format}: exit 2 with nothing on stderr"));
            }
            return Ok(());
        }
        if stdout.is_empty() {
            return Err(format!("{format}: a complete run wrote no report"));
        }
    }
    Ok(())
}

fn run(args: impl IntoIterator<Item = OsString>) -> (Outcome, Vec<u8>, Vec<u8>) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let mut io = Io {
        stdout: &mut stdout,
        stderr: &mut stderr,
        style: Style::PLAIN,
    };
    let outcome = cli::run(args, &mut io);
    (outcome, stdout, stderr)
}
