//! The whole `check` command on a template and an expectations file.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| gplint::fuzzing::scratch_dir("check").unwrap_or_else(|e| panic!("{e}")))
}

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gplint::fuzzing::check(dir(), data) {
        panic!("{broken}");
    }
});
