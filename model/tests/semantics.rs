//! Whole-program tests of the model's semantics that litmus files cannot express (diverging
//! programs, replay, determinism), and properties over every state of small programs.

use std::sync::Arc;

use evloop_model::explore::explore;
use evloop_model::{Host, Program, Scheduler, State, Status, run};
use proptest::prelude::*;

fn compile(src: &str) -> Arc<Program> {
    Arc::new(
        evloop_js::compile(src, "test.js", &evloop_js::CompileOptions::default())
            .expect("compiles"),
    )
}

fn log(src: &str) -> Vec<String> {
    run(
        compile(src),
        Host::Html,
        &evloop_model::Setup::default(),
        &Scheduler::Default,
    )
    .expect("runs")
    .outcome
    .log
}

/// A set-up whose run may execute `steps` instructions, with no time or memory limit.
fn steps(steps: u64) -> evloop_model::Setup {
    evloop_model::Setup {
        limits: evloop_model::limits::Limits::steps(steps),
        ..evloop_model::Setup::default()
    }
}

#[test]
fn endless_microtask_loop_diverges() {
    // MODEL-2: the checkpoint comes back to the same state with only the log grown.
    for src in [
        "function f() { Promise.resolve().then(f); } f();",
        "function f() { console.log('x'); queueMicrotask(f); } f();",
    ] {
        let r = run(
            compile(src),
            Host::Html,
            &evloop_model::Setup::default(),
            &Scheduler::Default,
        )
        .unwrap();
        assert_eq!(r.outcome.status, Status::Diverged, "{src}");
        assert!(r.outcome.reason.unwrap().contains("MODEL-2"));
    }
}

#[test]
fn endless_interval_reaches_the_step_limit() {
    // The clock advances at every turn: no state comes back, so the run ends at a limit.
    let r = run(
        compile("setInterval(() => {}, 10);"),
        Host::Html,
        &steps(100_000),
        &Scheduler::Default,
    )
    .unwrap();
    assert_eq!(r.outcome.status, Status::Incomplete);
    assert_eq!(r.outcome.limit, Some("steps"));
}

#[test]
fn endless_loop_in_script_reaches_the_step_limit() {
    let r = run(
        compile("let i = 0; while (true) { i++; }"),
        Host::Html,
        &steps(1_000_000),
        &Scheduler::Default,
    )
    .unwrap();
    assert_eq!(r.outcome.status, Status::Incomplete);
    assert_eq!(
        r.outcome.reason.as_deref(),
        Some("the step limit (1000000 instructions) was reached")
    );
}

#[test]
fn uncaught_exception_is_reported_and_the_loop_goes_on() {
    let r = run(
        compile("setTimeout(() => console.log('later'), 0); throw new Error('boom');"),
        Host::Html,
        &evloop_model::Setup::default(),
        &Scheduler::Default,
    )
    .unwrap();
    assert_eq!(r.outcome.status, Status::Uncaught);
    assert_eq!(r.outcome.errors, vec!["Uncaught Error: boom".to_string()]);
    assert_eq!(r.outcome.log, vec!["later".to_string()]);
}

#[test]
fn unhandled_rejection_is_reported_after_the_checkpoint() {
    let r = run(
        compile("Promise.reject(new TypeError('x')); console.log('sync');"),
        Host::Html,
        &evloop_model::Setup::default(),
        &Scheduler::Default,
    )
    .unwrap();
    assert_eq!(r.outcome.status, Status::Uncaught);
    assert_eq!(
        r.outcome.errors,
        vec!["Uncaught (in promise) TypeError: x".to_string()]
    );
    let r = run(
        compile("const p = Promise.reject(1); queueMicrotask(() => p.catch(() => console.log('handled')));"),
        Host::Html,
        &evloop_model::Setup::default(),
        &Scheduler::Default,
    )
    .unwrap();
    assert_eq!(r.outcome.status, Status::Completed);
}

#[test]
fn busy_wait_advances_the_clock() {
    let l =
        log("const s = Date.now(); while (Date.now() < s + 20) {} console.log(Date.now() - s);");
    assert_eq!(l, vec!["20".to_string()]);
}

#[test]
fn final_values_of_top_level_variables() {
    let r = run(
        compile("let a = 1; const b = [a, 'x']; a = a + 2;"),
        Host::Html,
        &evloop_model::Setup::default(),
        &Scheduler::Default,
    )
    .unwrap();
    assert_eq!(r.outcome.vars.get("a").map(String::as_str), Some("3"));
    assert_eq!(
        r.outcome.vars.get("b").map(String::as_str),
        Some("[1, \"x\"]")
    );
}

/// The unhandled-rejection task (DOM manipulation source) and the timer task are both
/// runnable after the script: which runs first is the host's choice (HTML-1), and decides
/// whether the rejection is reported.
const NONDETERMINISTIC: &str = "
let a = 1;
const p = Promise.reject(new Error('r'));
setTimeout(() => { a = a + 2; p.catch(() => console.log('caught', a)); }, 0);
setTimeout(() => { a = a * 2; console.log('b', a); }, 12);
";

#[test]
fn task_source_choices_give_every_outcome_and_replay_reproduces_each() {
    let program = compile(NONDETERMINISTIC);
    let ex = explore(
        program.clone(),
        Host::Html,
        &evloop_model::Setup::default(),
        10_000,
    );
    assert!(ex.complete);
    let statuses: Vec<Status> = ex.outcomes.keys().map(|o| o.status).collect();
    assert_eq!(
        statuses,
        vec![Status::Completed, Status::Uncaught],
        "{:?}",
        ex.outcomes.keys()
    );
    for (outcome, witness) in &ex.outcomes {
        let r = run(
            program.clone(),
            Host::Html,
            &evloop_model::Setup::default(),
            &Scheduler::Replay(witness.clone()),
        )
        .unwrap();
        assert_eq!(&r.outcome, outcome, "replaying {witness:?}");
    }
}

#[test]
fn replay_of_an_impossible_step_is_an_error() {
    let program = compile("setTimeout(() => {}, 1); setTimeout(() => {}, 2);");
    let bad = vec!["clock:7".parse().unwrap()];
    assert!(
        run(
            program,
            Host::Html,
            &evloop_model::Setup::default(),
            &Scheduler::Replay(bad)
        )
        .is_err()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// `apply` is a function of (state, choice); terminal states have no choices; a random
    /// schedule's outcome is one the exhaustive exploration found.
    #[test]
    fn apply_is_deterministic_and_random_runs_are_explored(seed in any::<u64>()) {
        let program = compile(NONDETERMINISTIC);
        let st = State::new(program.clone(), Host::Html, &evloop_model::Setup::default());
        for c in st.choices() {
            prop_assert_eq!(st.apply(c), st.apply(c));
        }
        let r = run(program.clone(), Host::Html, &evloop_model::Setup::default(), &Scheduler::Random(seed)).unwrap();
        let ex = explore(program, Host::Html, &evloop_model::Setup::default(), 10_000);
        prop_assert!(ex.outcomes.contains_key(&r.outcome));
    }

    /// Whenever a task starts, the microtask queue is empty (HTML-2: every task is followed by
    /// a checkpoint).
    #[test]
    fn microtask_queue_is_empty_at_choice_points(seed in any::<u64>()) {
        let program = compile(NONDETERMINISTIC);
        let mut st = State::new(program, Host::Html, &evloop_model::Setup::default());
        let mut rng = seed | 1;
        loop {
            prop_assert!(st.microtasks.is_empty());
            let cs = st.choices();
            if cs.is_empty() { break; }
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
            st = st.apply(cs[(rng % cs.len() as u64) as usize]);
        }
    }
}

/// Canonical states: completing two requests in either order reaches the same `State` value
/// when the program cannot tell the orders apart (DESIGN: State is canonical).
#[test]
fn schedules_reaching_the_same_situation_reach_the_same_state() {
    let program =
        compile("let n = 0; fetch('a').then(() => { n++; }); fetch('b').then(() => { n++; });");
    let finish = |first: &str, second: &str| {
        let r = run(
            program.clone(),
            Host::Html,
            &evloop_model::Setup::default(),
            &Scheduler::Replay(vec![first.parse().unwrap(), second.parse().unwrap()]),
        )
        .unwrap();
        let mut st = State::new(program.clone(), Host::Html, &evloop_model::Setup::default());
        for c in &r.schedule {
            st = st.apply(*c);
        }
        st
    };
    let ab = finish("fetch:1", "fetch:2");
    let ba = finish("fetch:2", "fetch:1");
    assert_eq!(ab, ba);
    assert_eq!(ab.vars(), vec![("n".to_string(), "2".to_string())]);
}

const NODE_RACE: &str = "
const fs = require('fs');
setTimeout(() => console.log('timeout'), 0);
setTimeout(() => console.log('timeout 2'), 0);
setImmediate(() => console.log('immediate'));
fs.readFile(__filename, () => {
  setTimeout(() => console.log('io timeout'), 0);
  setImmediate(() => console.log('io immediate'));
  process.nextTick(() => console.log('io tick'));
});
Promise.resolve().then(() => process.nextTick(() => console.log('tick from promise')));
";

fn compile_node(src: &str) -> Arc<Program> {
    let options = evloop_js::CompileOptions {
        is_module: false,
        resolve_global: Host::Node.global_resolver(),
    };
    Arc::new(evloop_js::compile(src, "race.js", &options).expect("compiles"))
}

/// Every witness of every Node outcome replays to that outcome, and inside the I/O callback
/// the immediate always precedes the timeout (NODE-10), whatever the schedule.
#[test]
fn node_witnesses_replay_and_io_callback_immediate_first() {
    let program = compile_node(NODE_RACE);
    let ex = explore(
        program.clone(),
        Host::Node,
        &evloop_model::Setup::default(),
        100_000,
    );
    assert!(ex.complete);
    assert!(ex.outcomes.len() > 2, "{:?}", ex.outcomes.keys());
    for (outcome, witness) in &ex.outcomes {
        let r = run(
            program.clone(),
            Host::Node,
            &evloop_model::Setup::default(),
            &Scheduler::Replay(witness.clone()),
        )
        .unwrap();
        assert_eq!(&r.outcome, outcome, "replaying {witness:?}");
        let pos = |l: &str| outcome.log.iter().position(|x| x == l).unwrap();
        assert!(pos("io immediate") < pos("io timeout"), "{:?}", outcome.log);
        assert!(pos("io tick") < pos("io immediate"), "{:?}", outcome.log);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// NODE-2/NODE-3: at every choice point of a Node run both the nextTick queue and the
    /// microtask queue are empty (they drain after every callback).
    #[test]
    fn node_queues_are_empty_at_choice_points(seed in any::<u64>()) {
        let program = compile_node(NODE_RACE);
        let mut st = State::new(program, Host::Node, &evloop_model::Setup::default());
        let mut rng = seed | 1;
        loop {
            prop_assert!(st.microtasks.is_empty());
            prop_assert!(st.node.ticks.is_empty());
            let cs = st.choices();
            if cs.is_empty() { break; }
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
            st = st.apply(cs[(rng % cs.len() as u64) as usize]);
        }
    }
}

/// UV-6: `crypto.randomFill`'s argument validation throws Node's errors, worded as Node
/// v20.20.2 printed them for the same calls (`lib/internal/crypto/random.js`: the `buf`
/// check, `validateFunction(callback)`, `assertOffset`, `assertSize`).
#[test]
fn random_fill_validation_is_worded_as_nodes() {
    let src = r#"
const crypto = require("crypto");
const b = crypto.randomBytes(8);
const calls = [
  () => crypto.randomFill("x", () => {}),
  () => crypto.randomFill(b, 9, () => {}),
  () => crypto.randomFill(b, "1", () => {}),
  () => crypto.randomFill(b, 2, 7, () => {}),
  () => crypto.randomFill(b, 2, -1, () => {}),
  () => crypto.randomFill(b, 2, 3),
  () => crypto.randomFill(b, NaN, () => {}),
  () => crypto.randomFill(b, 0, "2", () => {}),
  () => crypto.randomFillSync(5),
  () => crypto.randomFill(b, 1.5, () => {}),
];
for (const f of calls) {
  try { f(); console.log("ok"); } catch (e) { console.log(e.code + " " + e.name + " " + e.message); }
}
"#;
    let r = run(
        compile_node(src),
        Host::Node,
        &evloop_model::Setup::default(),
        &Scheduler::Default,
    )
    .expect("runs");
    assert_eq!(
        r.outcome.log,
        [
            "ERR_INVALID_ARG_TYPE TypeError The \"buf\" argument must be an instance of ArrayBuffer or ArrayBufferView. Received type string ('x')",
            "ERR_OUT_OF_RANGE RangeError The value of \"offset\" is out of range. It must be >= 0 && <= 8. Received 9",
            "ERR_INVALID_ARG_TYPE TypeError The \"offset\" argument must be of type number. Received type string ('1')",
            "ERR_OUT_OF_RANGE RangeError The value of \"size + offset\" is out of range. It must be <= 8. Received 9",
            "ERR_OUT_OF_RANGE RangeError The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received -1",
            "ERR_INVALID_ARG_TYPE TypeError The \"callback\" argument must be of type function. Received undefined",
            "ERR_OUT_OF_RANGE RangeError The value of \"offset\" is out of range. It must be >= 0 && <= 8. Received NaN",
            "ERR_INVALID_ARG_TYPE TypeError The \"size\" argument must be of type number. Received type string ('2')",
            "ERR_INVALID_ARG_TYPE TypeError The \"buf\" argument must be an instance of ArrayBuffer or ArrayBufferView. Received type number (5)",
            "ok",
        ]
    );
}

/// NODE-4: an ES-module main imports Node's builtins; the bindings are the modules `require`
/// returns, readable before the declarations, and importing queues nothing.
#[test]
fn esm_imports_bind_builtin_modules() {
    let options = evloop_js::CompileOptions::for_host(Host::NodeEsm, "main.mjs");
    let src = r#"
console.log(typeof readFile, typeof fs.stat, typeof fsp.readFile, EE === EventEmitter);
import { readFile } from "node:fs";
import * as fs from "fs";
import fsp from "node:fs/promises";
import EventEmitter from "events";
import { EventEmitter as EE } from "node:events";
"#;
    let p = Arc::new(evloop_js::compile(src, "main.mjs", &options).expect("compiles"));
    let r = run(
        p,
        Host::NodeEsm,
        &evloop_model::Setup::default(),
        &Scheduler::Default,
    )
    .expect("runs");
    assert_eq!(r.outcome.log, ["function function function true"]);
}
