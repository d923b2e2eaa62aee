//! The body of the frontend's fuzz targets (`fuzz/`, cargo-fuzz) and of the stable test that
//! replays their corpus (`tests/frontend_fuzz.rs`): arbitrary bytes must compile to a program or
//! to diagnostics on every host, never panic, and a compiled program must run on the model.

use std::sync::Arc;

use evloop_model::{Host, State};

use crate::{CompileOptions, compile};

/// Host choices a compiled program is run for (the default scheduler: the first option each
/// time), so that a program with an endless timer stays cheap.
pub const FUZZ_CHOICES: usize = 64;

/// The instructions a fuzzed program's run may execute (an endless loop in a task ends the
/// run `incomplete` after them), and its wall-clock time.
pub const FUZZ_STEPS: u64 = 2_000_000;
pub const FUZZ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// What one input did, per host (for tests that want to look).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FuzzReport {
    /// Hosts on which the input compiled.
    pub compiled: usize,
    /// Hosts on which it was rejected with diagnostics.
    pub rejected: usize,
    /// Host choices taken by the model runs, over all hosts.
    pub choices: usize,
}

/// Compiles `data` (as UTF-8, lossily) as a main file `fuzz.js` on every host
/// ([`CompileOptions::for_host`]). A rejection must come with at least one diagnostic that
/// renders (file:line:col inside the source); the program compiled for the first host that
/// accepts it (in [`Host::ALL`] order: html, then the Node-compatible hosts) is run on the model
/// with the default scheduler for at most [`FUZZ_CHOICES`] host choices. Panics (the fuzzer's
/// finding) if anything does not hold.
pub fn fuzz_compile(data: &[u8]) -> FuzzReport {
    let source = String::from_utf8_lossy(data);
    let mut report = FuzzReport::default();
    for host in Host::ALL {
        let options = CompileOptions::for_host(host, "fuzz.js");
        match compile(&source, "fuzz.js", &options) {
            Ok(program) => {
                report.compiled += 1;
                if report.compiled == 1 {
                    report.choices += run_bounded(Arc::new(program), host);
                }
            }
            Err(diags) => {
                report.rejected += 1;
                assert!(!diags.0.is_empty(), "a rejection without diagnostics");
                let lines = source.bytes().filter(|&b| b == b'\n').count() + 1;
                for d in &diags.0 {
                    assert!(
                        d.line >= 1 && d.col >= 1 && d.line as usize <= lines,
                        "diagnostic outside the source: {d:?}"
                    );
                }
                let rendered = diags.render(&source);
                assert!(!rendered.is_empty(), "a diagnostic rendered as nothing");
            }
        }
    }
    report
}

/// Runs `program` on `host`, first option at each choice, for at most [`FUZZ_CHOICES`] choices;
/// the choices taken.
fn run_bounded(program: Arc<evloop_model::Program>, host: Host) -> usize {
    let mut setup = evloop_model::Setup::default();
    setup.limits.max_steps = FUZZ_STEPS;
    setup.limits.timeout = Some(FUZZ_TIMEOUT);
    let mut st = State::new(program, host, &setup);
    for taken in 0..FUZZ_CHOICES {
        let options = st.choices();
        let Some(&first) = options.first() else {
            return taken;
        };
        st = st.apply(first);
    }
    FUZZ_CHOICES
}
