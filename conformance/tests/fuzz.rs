//! Differential testing (`evloop fuzz`): a fixed-seed run of generated programs against the
//! machine's `node`, and properties of the generator.
//!
//! The run fails on anything that is the harness's or the generator's fault: a generated
//! program the frontend rejects, a run that errs or hangs, a program the checker cannot
//! decide. Disagreements between the model and node are findings: they are printed in full
//! (minimal program, node's output, the model's outcomes) and fail the test only with
//! `EVLOOP_FUZZ_STRICT=1`, because on a loaded machine the ones found so far depend on how
//! much real time passes between timer reads (see the closing note of issue 9).

use std::time::Duration;

use evloop_conformance::fuzz::{Config, Features, Size, Target, generate};
use evloop_model::Host;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};

fn node_on_path() -> bool {
    std::process::Command::new("node")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn fixed_seed_run_against_node() {
    if !node_on_path() {
        eprintln!("SKIPPED fixed_seed_run_against_node: `node` is not on PATH");
        return;
    }
    let config = Config {
        runtimes: vec![Target::parse("node").expect("node is a runtime name")],
        cases: 100,
        seed: 9,
        runs: 2,
        jobs: 2,
        size: Size::default(),
        max_states: 20_000,
        check_timeout: Duration::from_secs(5),
        max_shrink_iters: 5,
        ..Config::default()
    };
    let f = evloop_conformance::fuzz::fuzz(&config, |_| {}).expect("node runs");
    eprintln!(
        "fuzz seed {}: {} programs, {} checked, {} runs ({} shrinking), {} disagreements, {} skipped (incomplete), {:.1} s",
        f.seed,
        f.programs,
        f.checked,
        f.runs,
        f.shrink_runs,
        f.disagreements,
        f.skipped_incomplete,
        f.seconds
    );
    for x in &f.findings {
        eprintln!(
            "FINDING on {}:\n{}\n  node printed: {:?} ({})\n  the model allows: {:?}",
            x.version,
            x.source,
            x.observed.log,
            x.observed.status,
            x.model.iter().map(|a| &a.log).collect::<Vec<_>>()
        );
        assert!(
            !matches!(x.observed.status.as_str(), "error" | "timeout"),
            "a run failed: {:?}",
            x.observed
        );
    }
    assert_eq!(
        f.unsupported, 0,
        "generated programs rejected: {:#?}",
        f.errors
    );
    assert_eq!(f.skipped_diverged, 0);
    assert!(f.programs >= 100);
    assert!(
        f.checked * 10 >= f.programs * 9,
        "too many programs skipped: {f:?}"
    );
    if std::env::var_os("EVLOOP_FUZZ_STRICT").is_some() {
        assert_eq!(f.disagreements, 0, "disagreements with node");
    }
}

/// A fixed-seed run of browser programs (`--host html`) in Chromium and Firefox, whichever are
/// installed: 12 programs with zero-delay timers (see tools/fuzz/findings/README.md: with
/// other delays most disagreements are the clock class), one run each, no shrinking (about 30 s
/// on 2 busy cores). Like the node run it fails on harness faults (a page that never reports,
/// a rejected program) and on disagreements only with `EVLOOP_FUZZ_STRICT=1`.
#[test]
fn fixed_seed_html_run_against_browsers() {
    let runtimes: Vec<Target> = ["chromium", "firefox"]
        .into_iter()
        .filter_map(|n| Target::parse(n).ok())
        .filter(|r| r.version().is_ok())
        .collect();
    if runtimes.is_empty() {
        eprintln!("SKIPPED fixed_seed_html_run_against_browsers: no chromium or firefox-esr");
        return;
    }
    let n = runtimes.len();
    let config = Config {
        features: Features::html(),
        runtimes,
        cases: 12,
        seed: 9,
        runs: 1,
        jobs: 2,
        size: Size {
            delays: vec![0],
            ..Size::default()
        },
        max_states: 20_000,
        check_timeout: Duration::from_secs(5),
        max_shrink_iters: 0,
        ..Config::default()
    };
    let f = evloop_conformance::fuzz::fuzz(&config, |_| {}).expect("the browsers run");
    eprintln!(
        "html fuzz seed {} on {:?}: {} programs, {} checked, {} runs, {} disagreements, {} harness errors, {:.1} s",
        f.seed,
        f.runtimes,
        f.programs,
        f.checked,
        f.runs,
        f.disagreements,
        f.harness_errors,
        f.seconds
    );
    for x in &f.findings {
        eprintln!(
            "FINDING on {}:\n{}\n  printed: {:?} ({})\n  the model allows: {:?}",
            x.version,
            x.source,
            x.observed.log,
            x.observed.status,
            x.model.iter().map(|a| &a.log).collect::<Vec<_>>()
        );
        assert_ne!(x.observed.status, "timeout", "a page never went quiet");
    }
    assert_eq!(
        f.unsupported, 0,
        "generated programs rejected: {:#?}",
        f.errors
    );
    assert_eq!(f.harness_errors, 0, "harness errors: {:#?}", f.errors);
    assert_eq!(f.skipped_diverged, 0);
    assert_eq!(f.programs, 12);
    assert!(f.checked >= 10, "too many programs skipped: {f:?}");
    assert_eq!(
        f.runs,
        f.checked * n,
        "one run per checked program and browser"
    );
    if std::env::var_os("EVLOOP_FUZZ_STRICT").is_some() {
        assert_eq!(f.disagreements, 0, "disagreements with the browsers");
    }
}

fn sample(size: Size, features: Features, n: usize, seed: u8) -> Vec<generate::Program> {
    let mut runner = TestRunner::new_with_rng(
        Default::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]),
    );
    let s = generate::program(&size, features);
    (0..n)
        .map(|_| s.new_tree(&mut runner).expect("no rejections").current())
        .collect()
}

/// Every generated program compiles for every Node-compatible host, and its labels are unique.
#[test]
fn generated_programs_compile_with_unique_labels() {
    let all = Features::node(true);
    for p in sample(Size::default(), all, 300, 1) {
        let src = p.source();
        for host in [Host::Node, Host::Bun] {
            if let Err(e) = evloop_js::compile_for_host(&src, "prog.js", host) {
                panic!("{src}\n{e}");
            }
        }
        assert_unique_labels(&src);
    }
    let no_fs = Features::node(false);
    for p in sample(Size::default(), no_fs, 100, 2) {
        let src = p.source();
        assert!(!src.contains("require"), "{src}");
        if let Err(e) = evloop_js::compile_for_host(&src, "prog.js", Host::Deno) {
            panic!("{src}\n{e}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]
    /// Portable programs use no host APIs; sizes stay within the bounds asked for.
    #[test]
    fn portable_programs_use_no_host_apis(p in generate::program(&Size { top: 3, inner: 2, depth: 1, delays: vec![0, 5] }, Features::portable())) {
        let src = p.source();
        prop_assert!(!src.contains("process.") && !src.contains("setImmediate") && !src.contains("fs."));
        prop_assert!(p.body.len() <= 3);
        prop_assert!(evloop_js::compile_for_host(&src, "prog.js", Host::Html).is_ok(), "{}", src);
    }
}

/// Every generated browser program compiles for the html host, uses no Node.js API, and its
/// labels are unique; the browser APIs all occur.
#[test]
fn html_programs_compile_with_unique_labels() {
    let mut seen = [false; 3];
    for p in sample(Size::default(), Features::html(), 300, 3) {
        let src = p.source();
        assert!(
            !src.contains("process.") && !src.contains("setImmediate") && !src.contains("require"),
            "{src}"
        );
        if let Err(e) = evloop_js::compile_for_host(&src, "prog.js", Host::Html) {
            panic!("{src}\n{e}");
        }
        for (i, api) in [
            "requestAnimationFrame(",
            "new MessageChannel()",
            "fetch(\"/net/",
        ]
        .into_iter()
        .enumerate()
        {
            seen[i] |= src.contains(api);
        }
        assert_unique_labels(&src);
    }
    assert_eq!(seen, [true; 3], "every browser API is generated");
}

/// A browser runs programs as pages on the html host (`evloop fuzz --host html`; the command
/// line's refusal to mix browsers and Node-compatible runtimes is tested in tests/cli.rs).
#[test]
fn browsers_are_judged_on_the_html_host() {
    let firefox = Target::parse("firefox").expect("a runtime name");
    assert_eq!(firefox.host(), Host::Html);
    assert!(firefox.runtime.is_browser());
    let node = Target::parse("node22").expect("a runtime name");
    assert_eq!(node.host(), Host::Node);
    assert!(node.browser().is_none());
}

/// Every `console.log("LABEL")` of a generated program logs a label of its own.
fn assert_unique_labels(src: &str) {
    let mut labels: Vec<&str> = src
        .match_indices("console.log(\"")
        .map(|(i, m)| {
            let rest = &src[i + m.len()..];
            &rest[..rest.find('"').expect("closing quote")]
        })
        .collect();
    let n = labels.len();
    labels.sort_unstable();
    labels.dedup();
    assert_eq!(labels.len(), n, "duplicate label in\n{src}");
}
