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

use std::sync::OnceLock;

use crate::cli::{self, Io, Outcome};
use crate::diagnostic::{Code, Diagnostic};
use crate::finding::Finding;
use crate::report::{
    Sources, Style, check_human, check_json, github, github_summary, junit, render, render_excerpt,
    render_file, sarif,
};
use crate::rules::RuleSet;
use crate::source::SourceFile;
use crate::{expect, syntax, template};

/// A broken invariant, in words.
pub type Broken = String;

/// Decodes, parses and types one template, rendering every warning.
/// Invariants: the parse is lossless, and a decode warning's excerpt
/// holds no control character.
pub fn template(data: &[u8]) -> Result<(), Broken> {
    let Ok(source) = SourceFile::from_bytes("GptTmpl.inf", data.to_vec()) else {
        return Ok(());
    };
    for warning in &source.warnings {
        quoted_little(&Diagnostic::from(warning), &source.name, &source.text)?;
    }
    let doc = syntax::parse(&source.text);
    if doc.reconstruct() != source.text {
        return Err("the parsed lines do not rebuild the text".to_owned());
    }
    let typed = template::build(&doc);
    for warning in &typed.warnings {
        render_file(warning, warning.code.as_str(), &source, Style::PLAIN);
    }
    Ok(())
}

/// Reads an expectations file as the command line does (decoded like any
/// input) and renders every error, or every warning of a file that loads.
/// Invariants: a refusal says why, and a syntax error's excerpt holds no
/// control character.
pub fn expectations(data: &[u8]) -> Result<(), Broken> {
    let Ok(source) = SourceFile::from_bytes("services.yaml", data.to_vec()) else {
        return Ok(());
    };
    match expect::load(&source.name, &source.text) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                render_file(warning, warning.code.as_str(), &source, Style::PLAIN);
            }
            Ok(())
        }
        Err(errors) if errors.is_empty() => Err("refused without an error".to_owned()),
        Err(errors) => {
            for error in &errors {
                render_file(error, error.code.as_str(), &source, Style::PLAIN);
                if is_syntax_error(error) {
                    quoted_little(error, &source.name, &source.text)?;
                }
            }
            Ok(())
        }
    }
}

/// Renders `diagnostic` as a parse error is rendered: an excerpt of at
/// most 200 bytes of its line. Invariant: no control character but the
/// line ends miette writes reaches the output.
fn quoted_little(diagnostic: &Diagnostic, name: &str, text: &str) -> Result<(), Broken> {
    let out = render_excerpt(diagnostic, name, text, Style::PLAIN);
    match out.chars().find(|&c| c.is_control() && c != '\n') {
        Some(c) => Err(format!("the excerpt prints U+{:04X} raw", u32::from(c))),
        None => Ok(()),
    }
}

/// Whether a diagnostic says the file is not YAML at all.
fn is_syntax_error(diagnostic: &Diagnostic) -> bool {
    diagnostic.code == Code::YamlSyntax
}

/// Loads one user rule file and renders every error. Loading never runs
/// the rule's own cases (`gplint rules test` does). Invariants: a refusal says why, and a syntax error's
/// excerpt holds no control character.
pub fn rule(data: &[u8]) -> Result<(), Broken> {
    // Rule files are read as UTF-8 (after a bounded read): only UTF-8
    // gets this far.
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
                if is_syntax_error(&error.diagnostic) {
                    quoted_little(&error.diagnostic, &error.file, &error.text)?;
                }
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

/// [`split`] with a four-byte length: a template past 64 KiB, with a
/// line past column 65,535.
pub fn split_wide(data: &[u8]) -> (&[u8], &[u8]) {
    let (len, rest) = match data {
        [a, b, c, d, rest @ ..] => (u32::from_le_bytes([*a, *b, *c, *d]), rest),
        _ => return (&[], &[]),
    };
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    rest.split_at(len.min(rest.len()))
}

/// The scratch folder of this fuzzing process for the target `tag`, in
/// memory when `/dev/shm` is there; made on first use. The file-writing
/// targets share it rather than each making their own.
pub fn scratch_dir(tag: &str) -> Result<std::path::PathBuf, Broken> {
    let base = Path::new("/dev/shm");
    let base = if base.is_dir() {
        base.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("gplint-fuzz-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
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
    run_styled(args, Style::PLAIN)
}

fn run_styled(
    args: impl IntoIterator<Item = OsString>,
    style: Style,
) -> (Outcome, Vec<u8>, Vec<u8>) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let mut io = Io {
        stdin: None,
        stdout: &mut stdout,
        stderr: &mut stderr,
        style,
    };
    let outcome = cli::run(args, &mut io);
    (outcome, stdout, stderr)
}

/// The built-in rules, loaded once per process: loading runs their test
/// cases, which would otherwise cost more than the input.
fn builtin_rules() -> Option<&'static RuleSet> {
    static RULES: OnceLock<Option<RuleSet>> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::builtin().ok()).as_ref()
}

/// The style one input asks for: its first byte's low bit is colour, the
/// next two bytes (little-endian) the terminal width, any at all. The
/// rest is split as [`split_wide`].
pub fn style_of(data: &[u8]) -> (Style, &[u8]) {
    match data {
        [flags, a, b, rest @ ..] => {
            let style = Style {
                color: flags & 1 == 1,
                width: usize::from(u16::from_le_bytes([*a, *b])),
            };
            (style, rest)
        }
        _ => (Style::PLAIN, &[]),
    }
}

/// The most a report may hold per diagnostic or finding it renders, and
/// for everything else: a report is linear in what it reports.
const BYTES_PER_ITEM: usize = 256 * 1024;

/// Renders every diagnostic and finding of a template and an expectations
/// file at the style [`style_of`] reads:
/// the template's and the file's warnings and errors, the findings in
/// every format `check` writes, and `explain` and `dump` run on the two
/// written as files into `dir`.
/// Invariants: without colour no control character but line ends and
/// tabs reaches the text; no report is larger than its items allow.
pub fn render_diagnostics(dir: &Path, data: &[u8]) -> Result<(), Broken> {
    let (style, rest) = style_of(data);
    let (template_bytes, expect_bytes) = split_wide(rest);
    explain_and_dump(dir, template_bytes, expect_bytes, style)?;
    let template = SourceFile::from_bytes("GptTmpl.inf", template_bytes.to_vec()).ok();
    let expectations = SourceFile::from_bytes("services.yaml", expect_bytes.to_vec()).ok();
    if let Some(source) = &template {
        let typed = template::build(&syntax::parse(&source.text));
        let decode = source.warnings.iter().map(Diagnostic::from);
        let all: Vec<Diagnostic> = decode.chain(typed.warnings.iter().cloned()).collect();
        rendered(
            &diagnostics(&all, source, style),
            all.len(),
            Read::Shown,
            style,
        )?;
    }
    let Some(expect_source) = &expectations else {
        return Ok(());
    };
    let loaded = match expect::load(&expect_source.name, &expect_source.text) {
        Ok(loaded) => loaded.warnings,
        Err(errors) => errors,
    };
    rendered(
        &diagnostics(&loaded, expect_source, style),
        loaded.len(),
        Read::Shown,
        style,
    )?;
    let (Some(source), Some(rules)) = (&template, builtin_rules()) else {
        return Ok(());
    };
    let today = crate::model::Date::new(2026, 11, 30);
    let texts = [source.text.as_str()];
    let Ok(mut findings) = crate::check::check_texts_on(&texts, &expect_source.text, rules, today)
    else {
        return Ok(());
    };
    findings.iter_mut().for_each(Finding::clip_texts);
    let templates = std::slice::from_ref(source);
    let sources = Sources {
        templates,
        expectations: expect_source,
    };
    for (report, read) in reports(&findings, &sources, rules, style) {
        rendered(&report, findings.len(), read, style)?;
    }
    Ok(())
}

fn diagnostics(all: &[Diagnostic], source: &SourceFile, style: Style) -> String {
    all.iter()
        .map(|d| render_file(d, d.code.as_str(), source, style))
        .collect()
}

/// Runs `gplint explain` and `gplint dump` on the two files, in `style`.
fn explain_and_dump(
    dir: &Path,
    template: &[u8],
    expect: &[u8],
    style: Style,
) -> Result<(), Broken> {
    let template_path = dir.join("GptTmpl.inf");
    let expect_path = dir.join("services.yaml");
    std::fs::write(&template_path, template).map_err(|e| e.to_string())?;
    std::fs::write(&expect_path, expect).map_err(|e| e.to_string())?;
    let explain: [OsString; 5] = [
        "gplint".into(),
        "explain".into(),
        template_path.clone().into(),
        "--expect".into(),
        expect_path.into(),
    ];
    let dump: [OsString; 3] = ["gplint".into(), "dump".into(), template_path.into()];
    for args in [explain.to_vec(), dump.to_vec()] {
        let (_, stdout, stderr) = run_styled(args, style);
        for text in [stdout, stderr] {
            let text = String::from_utf8_lossy(&text);
            let lines = text.lines().count();
            rendered(&text, lines, Read::Shown, style)?;
        }
    }
    Ok(())
}

/// How a rendered text is read.
#[derive(Clone, Copy)]
enum Read {
    /// As it is, on a terminal: the human form, coloured or not.
    Shown,
    /// As it is, in GitHub's log, which interprets escape codes.
    Log,
    /// Through a parser: JSON, XML, Markdown.
    Parsed,
}

/// The findings in every format of `check`, and GitHub's step summary.
fn reports(
    findings: &[Finding],
    sources: &Sources<'_>,
    rules: &RuleSet,
    style: Style,
) -> [(String, Read); 6] {
    // Every finding, at its own level: the invariants hold for all of them.
    let everything = crate::report::ci::Selection {
        min_severity: crate::diagnostic::Severity::Note,
        include_waived: true,
    };
    let paths = crate::report::ci::RepoPaths::default();
    let sarif_options = sarif::Options {
        selection: everything,
        ..sarif::Options::plain(&paths)
    };
    let summary = github_summary::Context {
        accounts: 1,
        selection: everything,
        paths: &paths,
        links: None,
    };
    [
        (
            check_human::render_findings(findings, sources, style),
            Read::Shown,
        ),
        // A serialisation error is not JSON, so the invariants report it.
        (
            check_json::write(findings, sources, 1, &paths).unwrap_or_else(|e| e.to_string()),
            Read::Parsed,
        ),
        (
            sarif::write(findings, sources, rules.rules(), &sarif_options)
                .unwrap_or_else(|e| e.to_string()),
            Read::Parsed,
        ),
        (github::write(findings, sources, everything), Read::Log),
        (
            junit::write(findings, sources, &[], &|f| {
                f.waived.is_none() && f.severity == crate::diagnostic::Severity::Error
            }),
            Read::Parsed,
        ),
        (
            github_summary::write(findings, sources, &summary),
            Read::Parsed,
        ),
    ]
}

/// Checks the invariants of one rendered text of `items` items. Text read
/// as it is holds no control character but line ends and tabs (the human
/// form's own colours aside); text read through a parser none of the C0
/// controls its format escapes.
fn rendered(text: &str, items: usize, read: Read, style: Style) -> Result<(), Broken> {
    if text.len() > (items + 1) * BYTES_PER_ITEM {
        return Err(format!(
            "{} bytes for {items} items: more than {BYTES_PER_ITEM} each",
            text.len()
        ));
    }
    let hidden = |c: char| crate::report::visible::is_hidden(c) && !matches!(c, '\n' | '\t');
    let c0 = |c: char| c.is_ascii_control() && !matches!(c, '\n' | '\t' | '\u{7f}');
    let raw: Option<&dyn Fn(char) -> bool> = match read {
        Read::Shown if style.color => None,
        Read::Shown | Read::Log => Some(&hidden),
        Read::Parsed => Some(&c0),
    };
    match raw.and_then(|raw| text.chars().find(|&c| raw(c))) {
        Some(c) => Err(format!("a raw {c:?} in: {text:?}")),
        None => Ok(()),
    }
}

/// Reads arbitrary bytes as an LDIF directory export, with lines of at
/// most 4 KiB, and renders the error if any. Invariant: every object,
/// domain and password policy read starts on a line of the input.
pub fn ldif(data: &[u8]) -> Result<(), Broken> {
    let limits = crate::directory::DirectoryLimits {
        max_line_length: 4096,
        ..crate::directory::DirectoryLimits::default()
    };
    match crate::directory::ldif::read("fuzz.ldif", data, &limits) {
        Ok(export) => {
            let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
            let origins = (export.objects.iter().map(|o| o.origin))
                .chain(export.domains.iter().map(|d| d.origin))
                .chain(export.password_settings.iter().map(|p| p.origin));
            for origin in origins {
                if origin.line == 0 || origin.line as usize > lines {
                    return Err(format!("an entry at line {} of {lines}", origin.line));
                }
            }
            Ok(())
        }
        Err(error) => {
            let _ = format!("{:?}", miette::Report::new(error));
            Ok(())
        }
    }
}
