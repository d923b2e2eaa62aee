//! Compiling grows linearly with the number of declarations in a scope (issue 18: 16,000
//! top-level `var`s took 2.8 s, each declaration searching every earlier one). The speed
//! itself is measured by `cargo bench -p evloop-js --bench declarations`; this test checks the
//! shape, unoptimised: four times the declarations must take well under sixteen times as long.

use std::time::{Duration, Instant};

use evloop_js::{CompileOptions, compile};

fn declarations(n: usize) -> String {
    let mut src: String = (0..n).map(|i| format!("var v{i} = {i};\n")).collect();
    src.push_str(&format!("let last = v{};\n", n - 1));
    src
}

/// The fastest of three compilations of `src`.
fn compile_time(src: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            compile(src, "decls.js", &CompileOptions::default()).expect("compiles");
            start.elapsed()
        })
        .min()
        .expect("three runs")
}

#[test]
fn many_top_level_declarations_compile_in_linear_time() {
    let small = declarations(4_000);
    let large = declarations(16_000);
    let (t_small, t_large) = (compile_time(&small), compile_time(&large));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
    // Linear: about 4; quadratic: about 16.
    assert!(
        ratio < 9.0,
        "4,000 declarations: {t_small:?}; 16,000: {t_large:?} (×{ratio:.1})"
    );
}
