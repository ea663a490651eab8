//! Replays, through the fuzz targets' own code (`gplint::fuzzing`), every
//! seed under `fuzz/seeds/` and every input a fuzzer once crashed on,
//! kept under `fuzz/regressions/<target>/`. A regression that panics, or
//! breaks an invariant, fails here without nightly or cargo-fuzz.

use std::path::{Path, PathBuf};

type Target = fn(&Path, &[u8]) -> Result<(), String>;

const TARGETS: [(&str, Target); 6] = [
    ("parse_template", |_, data| gplint::fuzzing::template(data)),
    ("load_expectations", |_, data| {
        gplint::fuzzing::expectations(data)
    }),
    ("load_rule", |_, data| gplint::fuzzing::rule(data)),
    ("check_pipeline", gplint::fuzzing::check),
    ("render_diagnostics", gplint::fuzzing::render_diagnostics),
    ("read_ldif", |_, data| gplint::fuzzing::ldif(data)),
];

fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for kind in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(kind).join(target)) else {
            continue;
        };
        files.extend(
            entries
                .map(|entry| entry.unwrap().path())
                .filter(|path| path.file_name().is_some_and(|n| n != ".keep")),
        );
    }
    files.sort();
    files
}

#[test]
fn every_seed_and_past_crash_runs_clean() {
    let scratch = tempfile::tempdir().unwrap();
    for (target, run) in TARGETS {
        let files = inputs(target);
        assert!(!files.is_empty(), "{target}: no seeds");
        for file in files {
            let data = std::fs::read(&file).unwrap();
            if let Err(broken) = run(scratch.path(), &data) {
                panic!("{target} {}: {broken}", file.display());
            }
        }
    }
}
