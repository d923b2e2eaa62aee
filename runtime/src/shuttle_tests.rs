//! shuttle: randomized schedule exploration (PCT) of the handoff for configurations loom's
//! exhaustive search cannot reach — 4 to 8 workers, dozens of requests, resubmission from
//! the loop, shutdown with work in flight.
//!
//! Run with `RUSTFLAGS="--cfg shuttle" cargo test -p evloop-runtime --release`;
//! `SHUTTLE_ITERATIONS` (default 1000) sets the schedules per test. shuttle fails a test on a
//! deadlock (a lost wake-up) and on a failed assertion, printing the schedule to replay.

use crate::pool::Pool;

fn iterations() -> usize {
    std::env::var("SHUTTLE_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000)
}

/// PCT with bug depth 3 (three ordering constraints between threads).
const DEPTH: usize = 3;

fn deliver_all(workers: usize, requests: u32, drain_then_clear: bool) {
    shuttle::check_pct(
        move || {
            let f = |i: u32| i;
            let mut pool = if drain_then_clear {
                Pool::new_drain_then_clear(workers, f)
            } else {
                Pool::new(workers, f)
            };
            let mut next = 0;
            // Submit in waves, as callbacks issue more reads.
            let mut got = Vec::new();
            while next < requests || pool.outstanding() > 0 {
                for _ in 0..3 {
                    if next < requests {
                        pool.submit(next);
                        next += 1;
                    }
                }
                got.extend(pool.poll(None));
            }
            got.sort_unstable();
            assert_eq!(got, (0..requests).collect::<Vec<_>>());
            let s = pool.shutdown();
            assert!(s.cancelled.is_empty() && s.undelivered.is_empty());
        },
        iterations(),
        DEPTH,
    );
}

#[test]
fn four_workers_forty_requests() {
    deliver_all(4, 40, false);
}

#[test]
fn eight_workers_sixty_four_requests() {
    deliver_all(8, 64, false);
}

#[test]
fn shutdown_with_work_in_flight() {
    shuttle::check_pct(
        || {
            let mut pool = Pool::new(4, |i: u32| i);
            for i in 0..24 {
                pool.submit(i);
            }
            let mut got = pool.poll(None);
            got.extend(pool.poll(None));
            let s = pool.shutdown();
            got.extend(s.cancelled);
            got.extend(s.undelivered);
            got.sort_unstable();
            assert_eq!(got, (0..24).collect::<Vec<_>>());
        },
        iterations(),
        DEPTH,
    );
}

/// shuttle finds the lost wake-up of the drain-then-clear loop too (as a deadlock).
#[test]
#[should_panic(expected = "deadlock")]
fn swapped_clear_and_drain_loses_a_wakeup() {
    deliver_all(4, 40, true);
}
