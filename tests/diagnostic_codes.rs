//! The registry of codes (`src/diagnostic/code/table.rs`) against the
//! code that emits them, and `docs/diagnostics.md` against the registry.
//!
//! A diagnostic's code is a [`Code`], and its severity the registry's, so
//! the compiler holds every diagnostic to the registry. What it cannot
//! see, the scan does: it reads `src/**/*.rs` as text, outside comments
//! and `#[cfg(test)]` items, and collects every code written there:
//! string literals of the form `"stage::name"`, `code(gplint::…)`
//! attributes of typed errors, and `Code::Variant` paths. An attribute or
//! literal the registry does not hold fails, naming file and line; so does
//! a diagnostic's code written as a string (compare `Code`s, not their
//! text), and an entry that nothing uses.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::production::{is_test_file, production_lines};
use gplint::diagnostic::{Code, CodeKind};
use gplint::report::diagnostic_codes::{self, DIAGNOSTICS_PATH};

const REGENERATE: &str = "GPLINT_UPDATE_DOCS=1 cargo test --test diagnostic_codes";

/// The registry's table: its literals are the definitions, not uses.
const REGISTRY: &str = "src/diagnostic/code/table.rs";

/// The registry's module, whose literals are the stages' prefixes.
const REGISTRY_MODULE: &str = "src/diagnostic/code.rs";

/// How a code is written at a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Written {
    /// `"template::unknown-right"`.
    Literal,
    /// `#[diagnostic(code(gplint::source::too_large))]`.
    Attribute,
    /// `Code::TemplateUnknownRight`.
    Variant,
}

/// One code written in production code.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Use {
    file: String,
    line: usize,
    code: String,
    written: Written,
}

#[test]
fn every_code_in_src_is_in_the_registry_and_written_as_its_variant() {
    let uses = scan(&repo("src"));
    assert!(
        uses.len() > 100,
        "the scan found only {} codes; is it reading src/?",
        uses.len()
    );
    let problems = problems(&uses);
    assert!(
        problems.is_empty(),
        "codes against the registry in {REGISTRY}:\n{}\n\
         add a new code to the registry (with its severity, summary and doc) \
         and write it as its `Code` variant",
        problems.join("\n")
    );
}

#[test]
fn every_registry_entry_is_used_somewhere() {
    let uses = scan(&repo("src"));
    let unused = unused(&uses);
    assert!(
        unused.is_empty(),
        "registry entries that no code in src/ emits: {unused:?}; \
         remove them from {REGISTRY}, or emit them"
    );
}

// ---- docs/diagnostics.md ----

#[test]
fn committed_diagnostics_page_matches_the_registry() {
    let rendered = diagnostic_codes::render();
    let path = repo(DIAGNOSTICS_PATH);
    if std::env::var_os("GPLINT_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &rendered).unwrap();
        common::say(&format!("rewrote {DIAGNOSTICS_PATH}"));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == rendered,
        "{DIAGNOSTICS_PATH} is out of date with the registry in {REGISTRY}; regenerate it with\n    {REGENERATE}\nand commit the result"
    );
}

#[test]
fn the_readme_and_contributing_point_at_the_page() {
    for file in ["README.md", "CONTRIBUTING.md"] {
        let text = std::fs::read_to_string(repo(file)).unwrap();
        assert!(
            text.contains("docs/diagnostics.md"),
            "{file} should link to {DIAGNOSTICS_PATH}"
        );
    }
}

// ---- the scanner itself, on small inputs, so that a bug in it cannot
// hide a stray code by finding nothing ----

#[test]
fn an_unknown_literal_is_reported_with_file_and_line() {
    let text = "fn f() {\n    Diagnostic::warning(\"template::unknwon-right\", m, s)\n}\n";
    let uses = uses_of("src/template/x.rs", text, &mut Vec::new());
    assert_eq!(
        problems(&uses),
        ["src/template/x.rs:2: `template::unknwon-right` is not in the registry"]
    );
}

#[test]
fn a_diagnostic_code_written_as_text_is_reported() {
    let text = "if w.code != \"template::unknown-right\" {}\nlet f = \"waiver::stale\";\n";
    let uses = uses_of("src/cli/x.rs", text, &mut Vec::new());
    assert_eq!(
        problems(&uses),
        [
            "src/cli/x.rs:1: `template::unknown-right` is written as text: write `Code::TemplateUnknownRight`"
        ]
    );
}

#[test]
fn attributes_variants_and_literals_are_read() {
    let text = "#[diagnostic(code(gplint::source::too_large))]\nlet c = Code::TemplateNoSection.as_str();\nlet all = Code::ALL;\nerror(\"rule::unknwn\", m, s);\n#[diagnostic(code(gplint::source::too_big))]\n";
    let uses = uses_of("src/x.rs", text, &mut Vec::new());
    let found: Vec<(&str, Written)> = uses.iter().map(|u| (u.code.as_str(), u.written)).collect();
    assert_eq!(
        found,
        [
            ("gplint::source::too_large", Written::Attribute),
            ("gplint::source::too_big", Written::Attribute),
            ("rule::unknwn", Written::Literal),
            ("template::no-section", Written::Variant),
        ]
    );
    assert_eq!(
        problems(&uses),
        [
            "src/x.rs:5: `gplint::source::too_big` is not in the registry",
            "src/x.rs:4: `rule::unknwn` is not in the registry",
        ]
    );
}

#[test]
fn test_items_and_comments_are_left_out() {
    let text = "// \"template::nope\"\n#[cfg(test)]\nmod tests {\n    fn f() { x(\"t::far\"); }\n}\nlet s = \"a // \\\"b\"; // \"x::y\"\n#[cfg(test)]\nmod more;\n";
    let mut test_files = Vec::new();
    let uses = uses_of("src/template/mod.rs", text, &mut test_files);
    assert!(uses.is_empty(), "{uses:?}");
    assert_eq!(test_files, [PathBuf::from("src/template/more")]);
}

// ---- the scan ----

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Problems with the uses: a code not in the registry, a diagnostic's
/// code written as its text.
fn problems(uses: &[Use]) -> Vec<String> {
    let mut out = Vec::new();
    for u in uses {
        let at = format!("{}:{}", u.file, u.line);
        match Code::parse(&u.code) {
            None => out.push(format!("{at}: `{}` is not in the registry", u.code)),
            Some(code) if u.written == Written::Literal && code.kind() == CodeKind::Diagnostic => {
                out.push(format!(
                    "{at}: `{}` is written as text: write `Code::{code:?}`",
                    u.code
                ));
            }
            Some(_) => {}
        }
    }
    out
}

/// The registry's codes that no use names.
fn unused(uses: &[Use]) -> Vec<&'static str> {
    let used: BTreeSet<&str> = uses.iter().map(|u| u.code.as_str()).collect();
    Code::ALL
        .iter()
        .map(|code| code.as_str())
        .filter(|code| !used.contains(code))
        .collect()
}

/// Every code written in production code under `src`.
fn scan(src: &Path) -> Vec<Use> {
    let mut all = Vec::new();
    for (shown, lines) in production_files(src) {
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        all.extend(uses_in(&shown, &text));
    }
    all
}

/// The production lines of each file under `src` but the registry's, with
/// the path shown as `src/…`; the files of `#[cfg(test)] mod x;` are left
/// out.
fn production_files(src: &Path) -> Vec<(String, Vec<String>)> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(src)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let mut test_files = Vec::new();
    let mut all = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(src).unwrap_or(path);
        let shown = Path::new("src").join(rel);
        let text = std::fs::read_to_string(path).unwrap();
        let shown_text = shown.to_string_lossy().into_owned();
        let lines = production_lines(&shown_text, &text, &mut test_files);
        all.push((shown, lines));
    }
    all.into_iter()
        .filter(|(file, _)| !is_test_file(file, &test_files))
        .filter(|(file, _)| file != Path::new(REGISTRY) && file != Path::new(REGISTRY_MODULE))
        .map(|(file, lines)| (file.to_string_lossy().into_owned(), lines))
        .collect()
}

/// The uses in one file's text; `test_files` gets its test modules.
fn uses_of(file: &str, text: &str, test_files: &mut Vec<PathBuf>) -> Vec<Use> {
    let lines = production_lines(file, text, test_files);
    let joined: String = lines.iter().map(|l| format!("{l}\n")).collect();
    uses_in(file, &joined)
}

/// The uses in production text, in order: attributes, literals, variants.
fn uses_in(file: &str, text: &str) -> Vec<Use> {
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    let literal = regex::Regex::new(r#""((?:[a-z][a-z0-9_]*::)+[a-z][a-z0-9_-]*)""#).unwrap();
    let attribute = regex::Regex::new(r"\bcode\((gplint(?:::[a-z0-9_]+)+)\)").unwrap();
    let variant = regex::Regex::new(r"\bCode::([A-Z][A-Za-z0-9]*)\b").unwrap();
    let mut out = Vec::new();
    for m in attribute.captures_iter(text) {
        let whole = m.get(0).unwrap();
        out.push(Use {
            file: file.to_owned(),
            line: line_of(whole.start()),
            code: m[1].to_owned(),
            written: Written::Attribute,
        });
    }
    for m in literal.captures_iter(text) {
        let whole = m.get(0).unwrap();
        out.push(Use {
            file: file.to_owned(),
            line: line_of(whole.start()),
            code: m[1].to_owned(),
            written: Written::Literal,
        });
    }
    for m in variant.captures_iter(text) {
        let whole = m.get(0).unwrap();
        let Some(code) = Code::ALL.iter().find(|c| format!("{c:?}") == m[1]) else {
            continue;
        };
        out.push(Use {
            file: file.to_owned(),
            line: line_of(whole.start()),
            code: code.as_str().to_owned(),
            written: Written::Variant,
        });
    }
    out
}

// The reading of production code below is the one of tests/layers.rs.
