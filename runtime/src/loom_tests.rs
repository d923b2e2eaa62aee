//! loom: every interleaving of the handoff (up to `LOOM_MAX_PREEMPTIONS` preemptions).
//!
//! Run with `RUSTFLAGS="--cfg loom" cargo test -p evloop-runtime --release` (see the crate's
//! README for the preemption bounds). loom fails a test on a deadlock — all threads blocked,
//! which is how a lost wake-up shows: the loop sleeps on the eventfd with a completion queued
//! — and on a failed assertion in any interleaving. loom's `wait_timeout` never times out, so
//! a timer cannot rescue a lost wake-up here.

use crate::pool::{Pool, Shutdown};

/// `loom::model` with the preemption bound from `LOOM_MAX_PREEMPTIONS`, 2 when it is unset
/// (unbounded, the 3-worker models do not finish in any useful time).
fn model<F: Fn() + Sync + Send + 'static>(f: F) {
    let mut b = loom::model::Builder::new();
    if b.preemption_bound.is_none() {
        b.preemption_bound = Some(2);
    }
    b.check(f);
}

/// The loop submits `requests` requests to `workers` workers and polls until none is
/// outstanding: each completion is delivered exactly once, then the pool closes cleanly.
fn deliver_all(workers: usize, requests: u32, drain_then_clear: bool) {
    model(move || {
        let f = |i: u32| i;
        let mut pool = if drain_then_clear {
            Pool::new_drain_then_clear(workers, f)
        } else {
            Pool::new(workers, f)
        };
        for i in 0..requests {
            pool.submit(i);
        }
        let mut got = Vec::new();
        while pool.outstanding() > 0 {
            got.extend(pool.poll(None));
        }
        got.sort_unstable();
        assert_eq!(got, (0..requests).collect::<Vec<_>>());
        let s = pool.shutdown();
        assert_eq!(
            s,
            Shutdown {
                cancelled: vec![],
                undelivered: vec![]
            }
        );
    });
}

#[test]
fn two_workers_one_request_each() {
    deliver_all(2, 2, false);
}

#[test]
fn two_workers_three_requests() {
    deliver_all(2, 3, false);
}

#[test]
fn three_workers_one_request_each() {
    deliver_all(3, 3, false);
}

#[test]
fn three_workers_four_requests() {
    deliver_all(3, 4, false);
}

/// The loop submits more work while completions are arriving (a callback that issues
/// another read).
#[test]
fn submit_while_completing() {
    model(|| {
        let mut pool = Pool::new(2, |i: u32| i);
        pool.submit(0);
        pool.submit(1);
        let mut got = Vec::new();
        let mut resubmitted = false;
        while pool.outstanding() > 0 {
            let batch = pool.poll(None);
            if !batch.is_empty() && !resubmitted {
                pool.submit(2);
                resubmitted = true;
            }
            got.extend(batch);
        }
        got.sort_unstable();
        assert_eq!(got, vec![0, 1, 2]);
        drop(pool.shutdown());
    });
}

/// The executor's pattern: a non-blocking look first (`try_poll`, the loop not at the poll
/// phase), then the blocking poll phase.
#[test]
fn try_poll_then_poll() {
    model(|| {
        let mut pool = Pool::new(2, |i: u32| i);
        pool.submit(0);
        pool.submit(1);
        let mut got = pool.try_poll();
        while pool.outstanding() > 0 {
            got.extend(pool.poll(None));
        }
        got.sort_unstable();
        assert_eq!(got, vec![0, 1]);
        drop(pool.shutdown());
    });
}

/// Shutdown with work in flight: the loop delivers at most one batch, then closes while
/// workers may still be appending and sending. Every request is delivered, cancelled or
/// handed back undelivered — exactly once — and the close does not deadlock.
#[test]
fn shutdown_with_work_in_flight() {
    for polls in 0..2 {
        model(move || {
            let mut pool = Pool::new(2, |i: u32| i);
            for i in 0..3 {
                pool.submit(i);
            }
            let mut got = Vec::new();
            for _ in 0..polls {
                got.extend(pool.poll(None));
            }
            let s = pool.shutdown();
            got.extend(s.cancelled);
            got.extend(s.undelivered);
            got.sort_unstable();
            assert_eq!(got, vec![0, 1, 2]);
        });
    }
}

/// Dropping the pool without a shutdown (the process exits) while workers run: no deadlock,
/// no use after free.
#[test]
fn drop_with_work_in_flight() {
    model(|| {
        let mut pool = Pool::new(2, |i: u32| i);
        pool.submit(0);
        pool.submit(1);
        drop(pool);
    });
}

/// The tests have teeth: with the drain before the flag is cleared, loom finds the schedule
/// in which a worker's send is coalesced away and the loop sleeps forever with a completion
/// queued, and reports it as a deadlock. loom aborts the process after such a report (its
/// objects held by the blocked threads cannot be dropped once the model is gone), so the
/// buggy model runs in a child process: this test re-runs the test binary on
/// [`swapped_variant_child`] and requires it to fail with loom's deadlock report.
#[test]
fn swapped_clear_and_drain_loses_a_wakeup() {
    let exe = std::env::current_exe().expect("the test binary");
    let out = std::process::Command::new(exe)
        .args([
            "--exact",
            "loom_tests::swapped_variant_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(SWAPPED_ENV, "1")
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("run the test binary");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "loom did not reject the drain-then-clear loop:\n{stderr}"
    );
    let report = stderr
        .lines()
        .find(|l| l.contains("deadlock"))
        .unwrap_or_else(|| panic!("loom failed without a deadlock report:\n{stderr}"));
    eprintln!("drain-then-clear rejected by loom: {report}");
}

const SWAPPED_ENV: &str = "EVLOOP_LOOM_SWAPPED_CHILD";

/// The drain-then-clear loop under loom; runs only as the child of
/// [`swapped_clear_and_drain_loses_a_wakeup`] (it is expected to fail and abort).
#[test]
fn swapped_variant_child() {
    if std::env::var_os(SWAPPED_ENV).is_none() {
        return;
    }
    deliver_all(2, 2, true);
}
