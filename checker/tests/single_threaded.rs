//! The single-threaded breadth-first explorer (`explore_single_threaded`, src/bfs.rs: what
//! the playground runs in wasm) against stateright's exploration (`explore`, the oracle):
//! the same states, outcomes and witnesses when complete; "incomplete" under the same limits.
//! (`tests/playground.rs` at the repository root compares the two on every litmus file.)

use std::sync::Arc;
use std::time::Duration;

use evloop_checker::{Exploration, Limit, Limits, Options, explore, explore_single_threaded};
use evloop_js::CompileOptions;
use evloop_model::{Host, Program};

fn compile(src: &str, host: Host) -> Arc<Program> {
    let options = CompileOptions {
        is_module: false,
        resolve_global: host.global_resolver(),
    };
    Arc::new(evloop_js::compile(src, "test.js", &options).expect("compiles"))
}

fn with(limits: Limits, threads: usize) -> Options {
    Options {
        limits,
        threads,
        ..Options::default()
    }
}

/// Each outcome's log with its witness, in order.
type Found = Vec<(Vec<String>, Vec<String>)>;

fn summary(x: &Exploration) -> (bool, usize, Found) {
    let outcomes = x
        .outcomes
        .iter()
        .map(|f| {
            (
                f.outcome.log.clone(),
                f.witness.iter().map(ToString::to_string).collect(),
            )
        })
        .collect();
    (x.complete, x.states, outcomes)
}

const PROGRAMS: &[(&str, Host)] = &[
    (
        r#"fetch("a.com").then(() => console.log("a"));
fetch("b.com").then(() => console.log("b"));
fetch("c.com").then(() => console.log("c"));"#,
        Host::Html,
    ),
    (
        r#"setTimeout(() => console.log("t0"), 0);
setTimeout(() => console.log("t5"), 5);
requestAnimationFrame(() => console.log("raf"));
Promise.resolve().then(() => console.log("micro"));"#,
        Host::Html,
    ),
    (
        r#"setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
process.nextTick(() => console.log("tick"));
require("fs").readFile(__filename, () => {
  setTimeout(() => console.log("t2"), 0);
  setImmediate(() => console.log("i2"));
});"#,
        Host::Node,
    ),
];

#[test]
fn complete_explorations_are_the_same_as_stateright() {
    for (src, host) in PROGRAMS {
        let p = compile(src, *host);
        for threads in [1, 2] {
            let oracle = explore(p.clone(), *host, &mut with(Limits::default(), threads)).unwrap();
            let mine =
                explore_single_threaded(p.clone(), *host, &mut with(Limits::default(), 1)).unwrap();
            assert!(oracle.complete && mine.complete);
            assert!(mine.outcomes.len() > 1, "{src}: a program with choices");
            assert_eq!(
                summary(&mine),
                summary(&oracle),
                "{src} ({threads} threads)"
            );
        }
    }
}

#[test]
fn limits_make_the_single_threaded_answer_incomplete_as_stateright_does() {
    let p = compile(PROGRAMS[0].0, Host::Html);
    let full =
        explore_single_threaded(p.clone(), Host::Html, &mut with(Limits::default(), 1)).unwrap();
    let cases = [
        Limits {
            max_states: 3,
            ..Limits::default()
        },
        Limits {
            max_depth: Some(1),
            ..Limits::default()
        },
        Limits {
            timeout: Some(Duration::ZERO),
            ..Limits::default()
        },
    ];
    for limits in cases {
        let oracle = explore(p.clone(), Host::Html, &mut with(limits.clone(), 1)).unwrap();
        let mine =
            explore_single_threaded(p.clone(), Host::Html, &mut with(limits.clone(), 1)).unwrap();
        assert!(!oracle.complete && !mine.complete, "{limits:?}");
        assert_eq!(
            std::mem::discriminant(mine.limit.as_ref().unwrap()),
            std::mem::discriminant(oracle.limit.as_ref().unwrap()),
            "{limits:?}"
        );
        assert!(mine.outcomes.len() < full.outcomes.len(), "{limits:?}");
        if let Some(Limit::MaxStates(n)) = mine.limit {
            assert!(mine.states <= n);
        }
        // Whatever was found is a real outcome of the program.
        for f in &mine.outcomes {
            assert!(full.outcomes.iter().any(|g| g.outcome == f.outcome));
        }
    }
    // A depth limit the program stays within is no limit.
    let deep = Limits {
        max_depth: Some(full.max_depth),
        ..Limits::default()
    };
    let mine = explore_single_threaded(p.clone(), Host::Html, &mut with(deep.clone(), 1)).unwrap();
    let oracle = explore(p, Host::Html, &mut with(deep, 1)).unwrap();
    assert_eq!(summary(&mine), summary(&full));
    assert!(oracle.complete);
}
