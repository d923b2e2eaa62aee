//! Arbitrary bytes → UTF-8 (lossy) → the frontend on every host → a bounded model run.
//! The body is `evloop_js::fuzz_compile`, which `tests/frontend_fuzz.rs` also runs on stable.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    evloop_js::fuzz_compile(data);
});
