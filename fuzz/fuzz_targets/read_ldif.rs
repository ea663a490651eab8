//! Read arbitrary bytes as an LDIF directory export.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = gplint::fuzzing::ldif(data) {
        panic!("{broken}");
    }
});
