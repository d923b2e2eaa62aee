//! A fixed subset of the vectors runs on the machine's `node` with no model-miss, and a
//! deliberately wrong expectation (two log lines swapped) is caught as a model-miss.

mod common;

use std::sync::Arc;
use std::time::Duration;

use evloop_conformance::{Config, Runtime, Vector, Verdict, judge, plan, run_all, vector};

const SUBSET: [&str; 9] = [
    "node-nexttick-before-promise.js",
    "node-main-timeout-vs-immediate.js",
    "rt2-bun-finally-ticks.js",
    "node-esm-nexttick-after-promise.mjs",
    "seed-001-fetch-race.js",
    "node-uncaught-exception-in-timeout.js",
    "node-unhandled-rejection-exits.js",
    "node-process-exit-stops-output.js",
    "node-fs-stat-own-file.js",
];

fn run_on_node(vectors: &[Vector]) -> Vec<evloop_conformance::Cell> {
    let config = Config {
        runtimes: vec![Runtime::Node],
        runs: 3,
        timeout: Duration::from_secs(20),
        ..Config::default()
    };
    let shared: Vec<Arc<Vector>> = vectors.iter().cloned().map(Arc::new).collect();
    let observed = run_all(plan(&shared, &config), &config, &|_| {});
    judge(vectors, &config.runtimes, &observed)
}

#[test]
fn a_fixed_subset_passes_on_node_and_a_swapped_expectation_is_a_model_miss() {
    if !common::have_node() {
        eprintln!("skipped: no `node` on PATH");
        return;
    }
    let mut vectors: Vec<Vector> = SUBSET
        .iter()
        .map(|f| vector::generate(&common::litmus(f), 200_000).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    // The same program again, with the model's outcome for node altered: its first two log
    // lines swapped (as a model change that swapped two ticks would).
    let mut wrong = vectors[0].clone();
    wrong.id = format!("{}-swapped", wrong.id);
    let o = &mut wrong
        .hosts
        .get_mut("node")
        .expect("a node outcome")
        .outcomes[0];
    assert!(o.log.len() >= 2);
    o.log.swap(0, 1);
    vectors.push(wrong.clone());

    let cells = run_on_node(&vectors);
    let mut bad = Vec::new();
    for c in &cells {
        let expect = if c.vector == wrong.id {
            Verdict::ModelMiss
        } else {
            Verdict::Pass
        };
        if c.verdict != expect {
            bad.push(format!(
                "{}: {} (expected {}); seen {}",
                c.vector,
                c.verdict.name(),
                expect.name(),
                serde_json::to_string(&c.seen).unwrap_or_default()
            ));
        }
    }
    assert_eq!(cells.len(), vectors.len());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
