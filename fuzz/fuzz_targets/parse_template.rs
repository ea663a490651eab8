//! Decode + parse + type one template from arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gplint::fuzzing::template(data) {
        panic!("{broken}");
    }
});
