//! Model properties over generated programs, judged on every schedule (the checker's outcome
//! set), complementing model/tests/semantics.rs: FIFO within every queue (NODE-3, ES-4,
//! NODE-9, timers of one delay), and the main script's ticks and microtasks before any task.

use std::time::Duration;

use evloop_checker::{Limits, Options};
use evloop_model::{Host, Setup, Status, Timing};
use proptest::prelude::*;

/// A top-level scheduling call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Call {
    Tick,
    Micro,
    Promise,
    Immediate,
    Timeout(u32),
}

impl Call {
    /// The queue the call's callback goes to (calls on one queue must run in order).
    fn queue(self) -> String {
        match self {
            // Promise jobs and queueMicrotask callbacks share the microtask queue.
            Call::Micro | Call::Promise => "micro".into(),
            Call::Tick => "tick".into(),
            Call::Immediate => "immediate".into(),
            // Node clamps a delay below 1 ms to 1 ms: 0 and 1 share a timer list.
            Call::Timeout(d) => format!("timeout {}", d.max(1)),
        }
    }

    fn is_task(self) -> bool {
        matches!(self, Call::Immediate | Call::Timeout(_))
    }
}

fn call() -> impl Strategy<Value = Call> {
    prop_oneof![
        Just(Call::Tick),
        Just(Call::Micro),
        Just(Call::Promise),
        Just(Call::Immediate),
        proptest::sample::select(vec![0u32, 1, 5]).prop_map(Call::Timeout),
    ]
}

fn source(calls: &[Call]) -> String {
    calls
        .iter()
        .enumerate()
        .map(|(i, c)| match c {
            Call::Tick => format!("process.nextTick(() => console.log(\"c{i}\"));\n"),
            Call::Micro => format!("queueMicrotask(() => console.log(\"c{i}\"));\n"),
            Call::Promise => format!("Promise.resolve().then(() => console.log(\"c{i}\"));\n"),
            Call::Immediate => format!("setImmediate(() => console.log(\"c{i}\"));\n"),
            Call::Timeout(d) => format!("setTimeout(() => console.log(\"c{i}\"), {d});\n"),
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// On every schedule of a CommonJS main on the node host: each callback runs exactly
    /// once; callbacks on one queue run in the order they were queued; every nextTick and
    /// microtask of the main script runs before any timer or immediate; and the main
    /// script's ticks all run before its microtasks (NODE-3). With either timing (MODEL-7).
    #[test]
    fn queues_are_fifo_on_every_schedule(calls in proptest::collection::vec(call(), 1..7)) {
        let src = source(&calls);
        for timing in Timing::ALL {
        let ex = outcomes(&src, Host::Node, timing);
        prop_assert!(ex.complete, "incomplete exploration of\n{}", src);
        for f in &ex.outcomes {
            let o = &f.outcome;
            prop_assert_eq!(o.status, Status::Completed);
            let order: Vec<usize> = o
                .log
                .iter()
                .map(|l| l[1..].parse::<usize>().expect("a label"))
                .collect();
            let mut sorted = order.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..calls.len()).collect::<Vec<_>>(), "{}", src);
            for (a, &i) in order.iter().enumerate() {
                for &j in &order[a + 1..] {
                    // j runs after i: j must not be earlier on the same queue ...
                    prop_assert!(
                        calls[i].queue() != calls[j].queue() || j > i,
                        "c{} ran before c{} on queue {}:\n{}{:?}", i, j, calls[i].queue(), src, o.log
                    );
                    // ... nor a tick or microtask after a task ...
                    prop_assert!(
                        !calls[i].is_task() || calls[j].is_task(),
                        "task c{} ran before c{}:\n{}{:?}", i, j, src, o.log
                    );
                    // ... nor a tick after a microtask (NODE-3, CommonJS main).
                    prop_assert!(
                        calls[i].queue() != "micro" || calls[j] != Call::Tick,
                        "microtask c{} ran before tick c{}:\n{}{:?}", i, j, src, o.log
                    );
                }
            }
        }
        }
    }

    /// MODEL-7 only adds outcomes: everything the ideal timing allows, the loaded timing
    /// allows too (on Node's and Bun's loops).
    #[test]
    fn the_loaded_timing_only_adds_outcomes(calls in proptest::collection::vec(call(), 1..6)) {
        let src = source(&calls);
        for host in [Host::Node, Host::Bun] {
            let logs = |timing| -> std::collections::BTreeSet<Vec<String>> {
                let ex = outcomes(&src, host, timing);
                assert!(ex.complete, "incomplete exploration of\n{src}");
                ex.outcomes.iter().map(|f| f.outcome.log.clone()).collect()
            };
            let (ideal, loaded) = (logs(Timing::Ideal), logs(Timing::Loaded));
            prop_assert!(ideal.is_subset(&loaded), "{:?}\n{}ideal {:?}\nloaded {:?}", host, src, ideal, loaded);
        }
    }
}

/// Every outcome of `src` on `host` with `timing`.
fn outcomes(src: &str, host: Host, timing: Timing) -> evloop_checker::Exploration {
    let program =
        std::sync::Arc::new(evloop_js::compile_for_host(src, "prog.js", host).expect("compiles"));
    let mut options = Options {
        limits: Limits {
            max_states: 50_000,
            max_depth: None,
            timeout: Some(Duration::from_secs(20)),
            run: None,
        },
        threads: 1,
        progress: None,
        setup: Setup {
            page: None,
            timing,
            profile: None,
            ..evloop_model::Setup::default()
        },
    };
    evloop_checker::explore(program, host, &mut options).expect("explores")
}
