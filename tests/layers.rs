//! The crate's layers (issue 13, point 6): data flows one way, from bytes
//! to reports, so no module may import from a later stage.
//!
//! The test reads `src/**/*.rs` as text and collects every `crate::x`
//! path (in `use` lines and in paths written inline, `crate::{a, b}`
//! groups included) outside comments and outside `#[cfg(test)]` items:
//! a unit test may build its input with a later stage (an expectations
//! test renders its errors with `report`) without the production code
//! depending on it. Each import is checked against [`STAGES`]; a module
//! of `src/lib.rs` missing from the table fails too, so a new module has
//! to be placed.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::production::{is_test_file, production_lines};

/// The top-level modules in stage order, lowest first. A module may
/// import from its own stage and from earlier ones, never from a later
/// one. Modules share a stage only when they are peers.
const STAGES: &[&[&str]] = &[
    // Foundations that know nothing of Windows or of files: work
    // counters, progress listeners, byte spans, quoting limits,
    // did-you-mean, last-wins lists.
    &[
        "work",
        "progress",
        "span",
        "clip",
        "suggest",
        "near",
        "last_wins",
    ],
    // Windows vocabulary: logon types, SIDs and names.
    &["logon_type", "principal"],
    // User rights, and which logon each allows or denies.
    &["rights"],
    // The model's vocabulary: target, account kind, dates, week hours.
    &["model"],
    // Bytes to text with line indexes, then diagnostics over that text.
    &["source"],
    &["diagnostic"],
    // The two text formats read with spans: INF and YAML.
    &["syntax", "yaml"],
    // One security template, typed.
    &["template"],
    // Directory exports (LDIF, BloodHound): accounts, groups, SIDs.
    &["directory"],
    // The expectations file, services.yaml.
    &["expect"],
    // GPOs on disk, then the scopes that join them to the expectations.
    &["discover"],
    &["scope"],
    // The Windows model: resultant policy, logon tokens, restrictions.
    &["policy"],
    &["logon"],
    &["restriction"],
    // The Windows codes `why` explains, which rules declare they detect
    // (`detects:`); what the rules read; the rules.
    &["codes"],
    &["facts"],
    &["rules"],
    // What a check reports, and the check.
    &["finding"],
    &["check"],
    // What a change does: two sides' verdicts and findings compared.
    &["diff"],
    // Output, `gplint init`, the command line, and the fuzz entry points.
    &["report"],
    &["init"],
    &["cli"],
    &["fuzzing"],
];

/// Imports from a later stage that are known and kept until the code
/// moves, as `(importing module, imported module, why)`. Empty: every
/// violation found so far was fixed by moving code.
const ALLOWED: &[(&str, &str, &str)] = &[];

/// One `crate::x` path in production code.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Import {
    file: String,
    line: usize,
    from: String,
    to: String,
}

#[test]
fn no_module_imports_from_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let imports = scan(&src);
    assert!(
        imports.len() > 100,
        "the scan found only {} imports; is it reading src/?",
        imports.len()
    );
    let problems = violations(&imports);
    assert!(
        problems.is_empty(),
        "imports against the stage order of tests/layers.rs:\n{}\n\
         move the code to the stage it belongs to (see README, Architecture)",
        problems.join("\n")
    );
}

#[test]
fn every_module_has_a_stage_and_every_stage_a_module() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = read(&src.join("lib.rs"));
    let declared: BTreeSet<String> = top_modules(&lib).into_iter().collect();
    let placed: Vec<&str> = STAGES.iter().flat_map(|s| s.iter().copied()).collect();
    let placed_set: BTreeSet<String> = placed.iter().map(|m| m.to_string()).collect();
    assert_eq!(placed.len(), placed_set.len(), "a module is placed twice");
    let unplaced: Vec<_> = declared.difference(&placed_set).collect();
    assert!(
        unplaced.is_empty(),
        "modules of src/lib.rs with no stage in tests/layers.rs STAGES: {unplaced:?}; \
         place each after the modules it imports from"
    );
    let stale: Vec<_> = placed_set.difference(&declared).collect();
    assert!(
        stale.is_empty(),
        "STAGES names modules that do not exist: {stale:?}"
    );
}

#[test]
fn the_allow_list_names_only_real_later_stage_imports() {
    for (from, to, why) in ALLOWED {
        let (Some(f), Some(t)) = (stage(from), stage(to)) else {
            panic!("ALLOWED names a module with no stage: {from} -> {to}");
        };
        assert!(t > f, "ALLOWED {from} -> {to} is not against the order");
        assert!(!why.trim().is_empty(), "ALLOWED {from} -> {to} says no why");
    }
}

// The scanner itself, on small inputs, so a bug in it cannot hide a
// violation by finding nothing.

#[test]
fn a_later_stage_import_is_reported_with_file_line_and_both_modules() {
    let text = "//! crate::check in a comment\nuse crate::span::Span;\nuse crate::check::run; // crate::cli\n";
    let imports = imports_of("src/template/mod.rs", "template", text, &mut Vec::new());
    let problems = violations(&imports);
    assert_eq!(
        problems,
        ["src/template/mod.rs:3: template (stage 8) imports check (stage 20), a later stage"]
    );
}

#[test]
fn groups_and_inline_paths_are_read() {
    let text = "use crate::{\n    expect::{self, Expectations},\n    syntax,\n};\nfn f() { crate::template::build(x); }\n";
    let imports = imports_of("src/policy/mod.rs", "policy", text, &mut Vec::new());
    let found: Vec<(usize, &str)> = imports.iter().map(|i| (i.line, i.to.as_str())).collect();
    assert_eq!(found, [(2, "expect"), (3, "syntax"), (5, "template")]);
}

#[test]
fn test_items_and_test_files_are_left_out() {
    let text = "use crate::span::Span;\n\n#[cfg(test)]\nmod tests;\n\n#[cfg(test)]\nuse crate::report::render;\n\n#[cfg(test)]\nmod inline {\n    use crate::report::render;\n    fn f() {\n        crate::cli::run();\n    }\n}\nuse crate::diagnostic::Diagnostic;\n";
    let mut test_files = Vec::new();
    let imports = imports_of("src/expect/mod.rs", "expect", text, &mut test_files);
    let found: Vec<&str> = imports.iter().map(|i| i.to.as_str()).collect();
    assert_eq!(found, ["span", "diagnostic"]);
    assert_eq!(test_files, [PathBuf::from("src/expect/tests")]);
}

#[test]
fn a_module_outside_the_table_is_reported() {
    let imports = [Import {
        file: "src/newthing.rs".to_owned(),
        line: 1,
        from: "newthing".to_owned(),
        to: "span".to_owned(),
    }];
    let problems = violations(&imports);
    assert_eq!(
        problems,
        ["src/newthing.rs:1: newthing has no stage in tests/layers.rs STAGES"]
    );
}

/// The stage of a module: its place in [`STAGES`], from 1.
fn stage(module: &str) -> Option<usize> {
    STAGES
        .iter()
        .position(|s| s.contains(&module))
        .map(|i| i + 1)
}

/// Each import that goes to a later stage, or from or to a module with
/// no stage, as a line naming file, line and both modules.
fn violations(imports: &[Import]) -> Vec<String> {
    let mut out = Vec::new();
    for import in imports {
        let at = format!("{}:{}", import.file, import.line);
        let (from, to) = (&import.from, &import.to);
        match (stage(from), stage(to)) {
            (None, _) => out.push(format!(
                "{at}: {from} has no stage in tests/layers.rs STAGES"
            )),
            (_, None) => out.push(format!("{at}: {to} has no stage in tests/layers.rs STAGES")),
            (Some(f), Some(t)) if t > f && !allowed(from, to) => out.push(format!(
                "{at}: {from} (stage {f}) imports {to} (stage {t}), a later stage"
            )),
            _ => {}
        }
    }
    out
}

fn allowed(from: &str, to: &str) -> bool {
    ALLOWED.iter().any(|(f, t, _)| *f == from && *t == to)
}

/// The modules `src/lib.rs` declares.
fn top_modules(lib: &str) -> Vec<String> {
    lib.lines()
        .filter_map(|line| {
            let rest = line
                .strip_prefix("pub ")
                .or(line.strip_prefix("pub(crate) "));
            let rest = rest.unwrap_or(line).strip_prefix("mod ")?;
            Some(rest.strip_suffix(';')?.trim().to_owned())
        })
        .collect()
}

/// Every import of production code under `src`, leaving out `lib.rs`
/// (which only declares modules), `main.rs` (the thin binary, which uses
/// the library by name) and the files of `#[cfg(test)] mod x;`.
fn scan(src: &Path) -> Vec<Import> {
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
        if rel == Path::new("lib.rs") || rel == Path::new("main.rs") {
            continue;
        }
        let Some(top) = rel.components().next() else {
            continue;
        };
        let top = top.as_os_str().to_string_lossy();
        let top = top.strip_suffix(".rs").unwrap_or(&top).to_owned();
        let shown = Path::new("src").join(rel);
        let mut tests = Vec::new();
        let imports = imports_of(&shown.to_string_lossy(), &top, &read(path), &mut tests);
        test_files.extend(tests);
        all.push((shown, imports));
    }
    all.into_iter()
        .filter(|(file, _)| !is_test_file(file, &test_files))
        .flat_map(|(_, imports)| imports)
        .collect()
}

/// The `crate::x` paths of one file, `x` other than `top`, outside
/// comments and `#[cfg(test)]` items; `test_files` gets the path (without
/// `.rs`) of each `#[cfg(test)] mod x;`.
fn imports_of(file: &str, top: &str, text: &str, test_files: &mut Vec<PathBuf>) -> Vec<Import> {
    let lines = production_lines(file, text, test_files);
    let joined: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let line_of = |offset: usize| joined[..offset].matches('\n').count() + 1;
    let path =
        regex::Regex::new(r"\bcrate::(\{|[a-z_][a-z0-9_]*)").unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    for m in path.captures_iter(&joined) {
        let (Some(whole), Some(head)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let targets = if head.as_str() == "{" {
            group_heads(&joined, head.end())
        } else {
            vec![(head.start(), head.as_str().to_owned())]
        };
        for (offset, to) in targets {
            if to != top && to != "self" {
                out.push(Import {
                    file: file.to_owned(),
                    line: line_of(offset.max(whole.start())),
                    from: top.to_owned(),
                    to,
                });
            }
        }
    }
    out
}

/// The first name of each item of a `{…}` group that opens before
/// `start`, with its offset: `{expect::{self, X}, syntax}` gives
/// `expect` and `syntax`.
fn group_heads(text: &str, start: usize) -> Vec<(usize, String)> {
    let mut heads = Vec::new();
    let mut depth = 1;
    let mut expecting = true;
    let mut word_start = None;
    for (i, c) in text[start..].char_indices() {
        let at = start + i;
        if c.is_ascii_alphanumeric() || c == '_' {
            if expecting && depth == 1 && word_start.is_none() {
                word_start = Some(at);
            }
            continue;
        }
        if let Some(s) = word_start.take() {
            heads.push((s, text[s..at].to_owned()));
            expecting = false;
        }
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => break,
            '}' => depth -= 1,
            ',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    heads
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
