//! Every real template in the shared corpus reads without error or panic.
//!
//! Needs `GPLINT_CORPUS` (CI sets it to `../shared/corpus`); without it the
//! test says it skipped and passes, so a fresh clone's tests still pass.

mod common;

use std::collections::BTreeMap;

use gplint::source::SourceFile;
use gplint::{syntax, template};

#[test]
fn every_real_template_reads() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let real = corpus.join("real");
    let mut files = 0;
    let mut warnings: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for entry in walkdir::WalkDir::new(&real).sort_by_file_name() {
        let entry = entry.expect("the corpus folder is readable");
        if !entry.file_type().is_file() {
            continue;
        }
        files += 1;
        match SourceFile::read(entry.path()) {
            Ok(source) => {
                let doc = syntax::parse(&source.text);
                assert_eq!(doc.reconstruct(), source.text, "{}", entry.path().display());
                let typed = template::build(&doc);
                for w in &typed.warnings {
                    *warnings.entry(w.code.as_str()).or_default() += 1;
                }
                *warnings.entry("(decode warnings)").or_default() += source.warnings.len();
            }
            Err(error) => failures.push(format!("{}: {error}", entry.path().display())),
        }
    }
    let total: usize = warnings.values().sum();
    common::say(&format!(
        "corpus: {files} files read, {total} warnings: {warnings:?}"
    ));
    assert!(
        failures.is_empty(),
        "files refused:\n{}",
        failures.join("\n")
    );
    assert_eq!(
        files,
        112,
        "the corpus under {} has 112 templates",
        real.display()
    );
}

#[test]
fn every_real_template_dumps_with_exit_0() {
    let Some(corpus) = common::corpus() else {
        return;
    };
    let mut args = vec!["dump".to_owned(), "--format".to_owned(), "json".to_owned()];
    for entry in walkdir::WalkDir::new(corpus.join("real")).sort_by_file_name() {
        let entry = entry.expect("the corpus folder is readable");
        if entry.file_type().is_file() {
            args.push(entry.path().display().to_string());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = common::gplint(&args);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let dumped = json["files"].as_array().unwrap().len();
    common::say(&format!(
        "corpus: {dumped} files dumped by the binary with exit 0"
    ));
    assert_eq!(dumped, args.len() - 3);
}
