//! Load a rule file from arbitrary text, rendering every error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gplint::fuzzing::rule(data) {
        panic!("{broken}");
    }
});
