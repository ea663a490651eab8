//! Every diagnostic and finding of a template and an expectations file,
//! rendered at a random terminal width, with and without colour, in every
//! format, and through `explain` and `dump`.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| gplint::fuzzing::scratch_dir("render").unwrap_or_else(|e| panic!("{e}")))
}

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gplint::fuzzing::render_diagnostics(dir(), data) {
        panic!("{broken}");
    }
});
