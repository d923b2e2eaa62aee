//! The same body as `compile`, started from the litmus tests (tools/fuzz/frontend.sh seeds its
//! corpus with spec/litmus/*.js): libFuzzer mutates programs that compile, so the lowering and
//! the model see near-valid input, not only syntax errors.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    evloop_js::fuzz_compile(data);
});
