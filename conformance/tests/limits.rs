//! Issue 18: every run ends with an outcome or a limit status — never a panic, an abort or a
//! hang. Random programs of the fuzz generator (`evloop_conformance::fuzz::generate`), some
//! with a snippet that never ends or grows without bound appended, run and are explored
//! under tiny step, time and memory limits; each must end, within its time limit (and the
//! slack of one chunk of instructions), with `completed`, `uncaught`, `diverged` or
//! `incomplete` naming its limit.

use std::sync::Arc;
use std::time::{Duration, Instant};

use evloop_checker::{Limits as CheckLimits, Options};
use evloop_conformance::fuzz::generate::{self, Features, Size};
use evloop_model::limits::{Limits, resident_bytes};
use evloop_model::{Host, Scheduler, Setup, Status};
use proptest::prelude::*;

/// Endings that do not end, or that grow until a limit stops them.
const TAILS: [&str; 9] = [
    "",
    "while (true) {}",
    "let n = 0; setInterval(() => { n++; if (n % 1000 === 0) console.log(n); }, 1);",
    "(function spin() { queueMicrotask(spin); })();",
    "let k = 0; (function count() { k++; Promise.resolve().then(count); })();",
    "var s = 'x'; try { for (;;) s += s; } catch (e) { console.log(String(e)); }",
    "var a = []; a[4e9] = 1; [...a];",
    "function F() { new F(); } try { new F(); } catch (e) { console.log(String(e)); }",
    "var big = []; for (;;) big.push({ x: big.length });",
];

/// The slack a run may take past its time limit: the last chunk of instructions and what a
/// debug build spends outside the interpreter between two readings of the clock.
const SLACK: Duration = Duration::from_secs(5);

/// Tiny limits: a few thousand to a million instructions, up to a fifth of a second, and a
/// memory limit from below what the process holds now (reached at once) to 64 MiB above it.
fn limits() -> impl Strategy<Value = Limits> {
    (1_000u64..1_000_000, 1u64..200, 0u64..(96 << 20)).prop_map(|(steps, ms, extra)| {
        let held = resident_bytes().unwrap_or(0);
        Limits {
            max_steps: steps,
            timeout: Some(Duration::from_millis(ms)),
            max_memory: Some((held + extra).saturating_sub(32 << 20).max(1)),
        }
    })
}

fn program() -> impl Strategy<Value = (Host, String)> {
    let node = generate::program(&Size::default(), Features::node(false))
        .prop_map(|p| (Host::Node, p.source()));
    let html = generate::program(&Size::default(), Features::html())
        .prop_map(|p| (Host::Html, p.source()));
    (
        prop_oneof![node, html],
        proptest::sample::select(TAILS.to_vec()),
    )
        .prop_map(|((host, src), tail)| (host, format!("{src}\n{tail}\n")))
}

/// The run ended with an outcome, or with the limit it names.
fn check_status(status: Status, limit: Option<&str>, reason: Option<&str>) {
    match status {
        Status::Completed | Status::Uncaught => assert_eq!(limit, None),
        Status::Diverged => assert!(reason.is_some_and(|r| r.contains("MODEL-2")), "{reason:?}"),
        Status::Incomplete => {
            assert!(
                matches!(limit, Some("steps" | "time" | "memory")),
                "{limit:?}"
            );
            assert!(reason.is_some());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_run_ends_with_an_outcome_or_a_limit((host, src) in program(), limits in limits()) {
        let Ok(program) = evloop_js::compile_for_host(&src, "prog.js", host) else {
            // Unsupported input is refused with diagnostics (the frontend's fuzz targets).
            return Ok(());
        };
        let program = Arc::new(program);
        let setup = Setup { limits, ..Setup::default() };
        let timeout = limits.timeout.unwrap_or_default();

        // One run, the default scheduler.
        let start = Instant::now();
        let r = evloop_model::run(program.clone(), host, &setup, &Scheduler::Default)
            .expect("a default schedule always replays");
        prop_assert!(start.elapsed() < timeout + SLACK, "run took {:?}", start.elapsed());
        let o = &r.outcome;
        check_status(o.status, o.limit, o.reason.as_deref());

        // Every schedule: the exploration ends complete or names the limit that stopped it.
        let start = Instant::now();
        let mut options = Options {
            limits: CheckLimits { max_states: 2_000, timeout: limits.timeout, ..CheckLimits::default() },
            threads: 1,
            progress: None,
            setup,
        };
        let x = evloop_checker::explore(program, host, &mut options).expect("explores");
        prop_assert!(start.elapsed() < timeout + SLACK, "check took {:?}", start.elapsed());
        prop_assert_eq!(x.complete, x.limit.is_none());
        for f in &x.outcomes {
            check_status(f.outcome.status, f.outcome.limit, f.outcome.reason.as_deref());
        }
    }
}
