//! Every diagnostic and finding of a template and an expectations file,
//! rendered at a random terminal width, with and without colour, in every
//! format, and through `explain` and `dump`.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// One folder per fuzzing process, in memory when /dev/shm is there.
fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = PathBuf::from("/dev/shm");
        let base = if base.is_dir() { base } else { std::env::temp_dir() };
        let dir = base.join(format!("gplint-fuzz-render-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gplint::fuzzing::render_diagnostics(dir(), data) {
        panic!("{broken}");
    }
});
