//! The frontend fuzz targets' body (`evloop_js::fuzz_compile`, see fuzz/ and
//! tools/fuzz/README.md) on stable, over every input the fuzzer starts from or found: the litmus
//! tests (the `litmus_mutated` seeds), the committed minimised corpus (`fuzz/seeds/`) and every
//! saved crash (`fuzz/regressions/`). Any panic fails the test with the input's file name.

use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: Option<&str>, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)) {
            out.push(p);
        }
    }
}

fn replay(dir: &str, ext: Option<&str>) -> (usize, evloop_js::FuzzReport) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    files(&root.join(dir), ext, &mut inputs);
    inputs.sort();
    let mut total = evloop_js::FuzzReport::default();
    for p in &inputs {
        let data = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let r = std::panic::catch_unwind(|| evloop_js::fuzz_compile(&data))
            .unwrap_or_else(|_| panic!("fuzz_compile panicked on {}", p.display()));
        total.compiled += r.compiled;
        total.rejected += r.rejected;
        total.choices += r.choices;
    }
    (inputs.len(), total)
}

#[test]
fn litmus_seeds_compile_and_run() {
    let (n, r) = replay("spec/litmus", Some("js"));
    assert!(n > 100, "the litmus tests are the seed corpus ({n} found)");
    // Every litmus test compiles on some host, and the model runs them.
    assert!(r.compiled >= n, "{r:?} over {n} files");
    assert!(r.choices > 0);
}

#[test]
fn committed_corpus_and_regressions_do_not_panic() {
    let (seeds, a) = replay("fuzz/seeds", None);
    let (saved, b) = replay("fuzz/regressions", None);
    assert!(seeds > 0, "fuzz/seeds holds the minimised corpus");
    // Every input is compiled on each host: accepted or diagnosed.
    assert_eq!(
        a.compiled + a.rejected + b.compiled + b.rejected,
        evloop_model::Host::ALL.len() * (seeds + saved)
    );
    assert!(a.compiled > 0 && a.rejected > 0, "{a:?}");
}

#[test]
fn odd_inputs_are_diagnosed() {
    // Invalid UTF-8, NUL bytes, an unterminated template, deep nesting, a lone surrogate escape.
    let deep = "[".repeat(5000);
    let inputs: [&[u8]; 6] = [
        b"\xff\xfe\x00console.log(1)",
        b"`${",
        deep.as_bytes(),
        b"\"\\ud800\"",
        b"",
        b"setTimeout(() => { for (;;) {} }, 0);",
    ];
    for i in inputs {
        let r = evloop_js::fuzz_compile(i);
        assert_eq!(r.compiled + r.rejected, evloop_model::Host::ALL.len());
    }
}
