//! The executor: a Node-host program run with real threads.
//!
//! The model's [`State`] carries out the JavaScript semantics on the loop thread (every
//! deterministic step, exactly as `evloop run` does); the real runtime decides each
//! nondeterministic choice from what really happens:
//!
//! - each thread-pool request the program makes (`fs.readFile`, `fs.promises`, `fetch`: the
//!   model's `IoRequest`s in `st.node.in_flight`) is really submitted to a [`Pool`] of worker
//!   threads, which sleep a random time (a `fetch` is a real HTTP request to a loopback
//!   server, [`crate::server`], that answers after that time) and complete; the loop takes
//!   `CompleteIo(id)` for the completions it drains, in completion order;
//! - the clock advances as timers come due by the wall clock, scaled by
//!   [`RealOptions::ms`] per model millisecond; when the model's loop would block (the poll
//!   phase, UV-2) the loop thread sleeps in [`Pool::poll`] until a completion wakes it or the
//!   next timer is due.
//!
//! So the run's outcome is one concrete trace, and it is always one of the model's outcomes
//! (the executor only ever takes an option the model offers).
//!
//! Time: model time is wall-clock time since the start plus a skew. The model's clock can
//! run ahead of the wall clock — a busy-wait advances it by 1 ms per iteration (MODEL-1), and
//! a step the model takes by itself (the only option, e.g. the poll phase waiting for its one
//! timer) jumps to the timer at once; the skew grows by that much, so the workers' real
//! sleeping stays comparable with the timers' model deadlines. Requests the model completes
//! by itself (the only option left: the loop blocks on one request) are waited for for real
//! before the run goes on. The model's sub-millisecond boundary choices (MODEL-4) are never
//! taken.

use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};

use evloop_model::host::node::LoopPoint;
use evloop_model::trace::Tracer;
use evloop_model::{Choice, Host, Outcome, Program, RunResult, State};

use crate::pool::Pool;

/// How the real runtime behaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealOptions {
    /// Worker threads (libuv's default: 4; UV-6).
    pub threads: usize,
    /// A worker sleeps a uniformly random time up to this long for each request.
    pub max_delay: Duration,
    /// Wall-clock time per model millisecond.
    pub ms: Duration,
    /// Seeds the workers' delays.
    pub seed: u64,
}

impl Default for RealOptions {
    fn default() -> Self {
        RealOptions {
            threads: 4,
            max_delay: Duration::from_millis(20),
            ms: Duration::from_millis(1),
            seed: seed_from_time(),
        }
    }
}

/// A seed from the wall clock (each run differs).
pub fn seed_from_time() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
}

/// Why a real run could not go on.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExecError {
    /// The real runtime drives Node's loop only.
    #[error("--real runs the Node-compatible hosts (node, node-esm, deno, bun), not `{0}`")]
    UnsupportedHost(&'static str),
    /// A choice the real runtime has nothing to decide with.
    #[error("the real runtime cannot decide among these options: {0}")]
    Undecidable(String),
    /// The model waits for a request the pool does not have (a bug of the executor).
    #[error("the loop would block forever: the model waits for requests {0:?}, the pool has none")]
    Stuck(Vec<u32>),
}

/// A request as the workers see it.
struct Job {
    id: u32,
    delay: Duration,
    /// For `fetch`: a real GET to the loopback server, which answers after `delay`.
    fetch: Option<(std::net::SocketAddr, String)>,
}

/// Runs `program` on `host` with real threads, reporting each step to `tracer`. Returns the
/// outcome and the choices taken (replayable with `--schedule replay:…`).
pub fn run_real(
    program: Arc<Program>,
    host: Host,
    opts: &RealOptions,
    tracer: &mut dyn Tracer,
) -> Result<RunResult, ExecError> {
    if !host.is_node() {
        return Err(ExecError::UnsupportedHost(host.name()));
    }
    let mut ex = Executor {
        pool: Pool::new(opts.threads, |job: Job| {
            match &job.fetch {
                // A failed request still completes (the model's fetch has no network errors
                // for this server); the delay was the point.
                Some((addr, path)) => {
                    if crate::server::Loopback::get(*addr, path, job.delay).is_err() {
                        std::thread::sleep(job.delay);
                    }
                }
                None => std::thread::sleep(job.delay),
            }
            job.id
        }),
        server: crate::server::Loopback::start().ok(),
        start: Instant::now(),
        ms: opts.ms.max(Duration::from_micros(1)),
        skew: 0,
        rng: opts.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
        max_delay_us: opts.max_delay.as_micros() as u64,
        submitted_up_to: 0,
        pending: BTreeSet::new(),
        arrived: VecDeque::new(),
    };
    let mut st = State::new_traced(program, host, &evloop_model::Setup::default(), tracer);
    let mut schedule = Vec::new();
    ex.sync(&st, None)?;
    loop {
        let options = st.choices();
        if options.is_empty() {
            break;
        }
        if let Err(kind) = st.budget().check() {
            st.stop_at_limit(kind);
            break;
        }
        let choice = ex.decide(&st, &options)?;
        schedule.push(choice);
        st = st.apply_traced(choice, tracer);
        ex.sync(&st, Some(choice))?;
    }
    // The run is over (the loop is empty, or the process exited with requests in flight):
    // close the pool; whatever it still ran is dropped, as when a process exits.
    drop(ex.pool.shutdown());
    Ok(RunResult {
        outcome: Outcome::of(&st),
        schedule,
    })
}

struct Executor {
    pool: Pool<Job, u32>,
    /// The loopback server `fetch` requests go to (none if it could not start: then they
    /// only sleep).
    server: Option<crate::server::Loopback>,
    start: Instant,
    ms: Duration,
    /// Model ms the model clock is ahead of the wall clock.
    skew: u64,
    rng: u64,
    max_delay_us: u64,
    /// Requests 1..=this were submitted to the pool.
    submitted_up_to: u32,
    /// Requests submitted to the pool that the model has not completed.
    pending: BTreeSet<u32>,
    /// Completions drained from the pool, in completion order, not yet taken by the model.
    arrived: VecDeque<u32>,
}

impl Executor {
    /// Model time now: the wall clock since the start, in model ms, plus the skew.
    fn now(&self) -> u64 {
        (self.start.elapsed().as_nanos() / self.ms.as_nanos()) as u64 + self.skew
    }

    /// The wall-clock time until model time `t`.
    fn until(&self, t: u64) -> Duration {
        let ahead = t.saturating_sub(self.now());
        self.ms
            .saturating_mul(u32::try_from(ahead).unwrap_or(u32::MAX))
    }

    fn delay(&mut self) -> Duration {
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        let r = self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
        Duration::from_micros(r % (self.max_delay_us + 1))
    }

    /// After a step: submits the requests the model made, waits for the ones the model
    /// completed by itself, and moves the skew up to the model's clock.
    fn sync(&mut self, st: &State, taken: Option<Choice>) -> Result<(), ExecError> {
        while self.submitted_up_to < st.node.next_io_id {
            self.submitted_up_to += 1;
            let id = self.submitted_up_to;
            let fetch = st
                .node
                .in_flight
                .iter()
                .find(|r| r.id == id)
                .and_then(|r| match &r.op {
                    evloop_model::host::node::IoOp::Fetch { url } => {
                        self.server.as_ref().map(|s| (s.addr(), url.to_string()))
                    }
                    _ => None,
                });
            let job = Job {
                id,
                delay: self.delay(),
                fetch,
            };
            self.pending.insert(job.id);
            self.pool.submit(job);
        }
        if let Some(Choice::CompleteIo(id)) = taken {
            self.pending.remove(&id);
        }
        let forced: Vec<u32> = self
            .pending
            .iter()
            .copied()
            .filter(|id| st.node.in_flight.iter().all(|r| r.id != *id))
            .collect();
        for id in forced {
            self.pending.remove(&id);
            self.wait_for(id)?;
        }
        let wall = self.now() - self.skew;
        self.skew = self.skew.max(st.clock.saturating_sub(wall));
        Ok(())
    }

    /// Blocks until request `id` really completes (the model completed it as the only option).
    fn wait_for(&mut self, id: u32) -> Result<(), ExecError> {
        loop {
            if let Some(i) = self.arrived.iter().position(|x| *x == id) {
                self.arrived.remove(i);
                return Ok(());
            }
            if self.pool.outstanding() == 0 {
                return Err(ExecError::Stuck(vec![id]));
            }
            let batch = self.pool.poll(None);
            self.arrived.extend(batch);
        }
    }

    /// The choice the real runtime makes among `options`.
    fn decide(&mut self, st: &State, options: &[Choice]) -> Result<Choice, ExecError> {
        if options.contains(&Choice::Start) {
            return Ok(Choice::Start);
        }
        // UV-5: this loop collects due timers before running them, as libuv ≥ 1.48 does: a
        // timer that comes due during a pass waits for the next one.
        if options.contains(&Choice::TimersAgain(false)) {
            return Ok(Choice::TimersAgain(false));
        }
        let blocking = st.node.at == LoopPoint::PollWait;
        loop {
            // Completions that already happened, in completion order.
            let batch = self.pool.try_poll();
            self.arrived.extend(batch);
            while let Some(&id) = self.arrived.front() {
                if options.contains(&Choice::CompleteIo(id)) {
                    self.arrived.pop_front();
                    return Ok(Choice::CompleteIo(id));
                }
                // Not in flight in the model any more: nothing to decide with it.
                self.arrived.pop_front();
            }
            let clocks: Vec<u64> = options
                .iter()
                .filter_map(|c| match c {
                    Choice::AdvanceClock(t) => Some(*t),
                    _ => None,
                })
                .collect();
            let now = self.now();
            if let Some(t) = clocks.iter().copied().filter(|t| *t <= now).max() {
                return Ok(Choice::AdvanceClock(t));
            }
            let next_timer = clocks.iter().copied().min();
            if !blocking && let Some(t) = next_timer {
                // The loop does not block here; the later instant has not come.
                return Ok(Choice::AdvanceClock(t));
            }
            let waiting: Vec<u32> = options
                .iter()
                .filter_map(|c| match c {
                    Choice::CompleteIo(id) => Some(*id),
                    _ => None,
                })
                .collect();
            if waiting.is_empty() && next_timer.is_none() {
                return Err(ExecError::Undecidable(
                    options
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
            }
            if !waiting.is_empty() && self.pool.outstanding() == 0 {
                return Err(ExecError::Stuck(waiting));
            }
            // UV-2: the poll phase blocks until a completion or the next timer.
            let timeout = next_timer.map(|t| self.until(t));
            let batch = self.pool.poll(timeout);
            self.arrived.extend(batch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use evloop_model::trace::NoTrace;

    fn compile(src: &str, host: Host) -> Arc<Program> {
        let options = evloop_js::CompileOptions::for_host(host, "main.js");
        Arc::new(evloop_js::compile(src, "main.js", &options).expect("compiles"))
    }

    fn fast() -> RealOptions {
        RealOptions {
            threads: 4,
            max_delay: Duration::from_millis(5),
            ms: Duration::from_millis(1),
            seed: seed_from_time(),
        }
    }

    #[test]
    fn the_html_host_is_refused() {
        let p = compile("console.log(1)", Host::Html);
        assert_eq!(
            run_real(p, Host::Html, &fast(), &mut NoTrace),
            Err(ExecError::UnsupportedHost("html"))
        );
    }

    #[test]
    fn a_program_without_io_runs_as_in_the_model() {
        let src = "setTimeout(() => console.log('t'), 3); setImmediate(() => console.log('i')); \
                   Promise.resolve().then(() => console.log('p')); console.log('s');";
        let p = compile(src, Host::Node);
        let r = run_real(p.clone(), Host::Node, &fast(), &mut NoTrace).unwrap();
        assert_eq!(r.outcome.log, ["s", "p", "i", "t"]);
        let all = evloop_model::explore::explore(p, Host::Node, &Default::default(), 100_000);
        assert!(all.outcomes.contains_key(&r.outcome));
    }

    #[test]
    fn reads_complete_in_a_real_order_within_the_model() {
        let src = "const fs = require('fs');\n\
                   for (const n of ['a', 'b', 'c']) fs.readFile(__filename, () => console.log(n));";
        let p = compile(src, Host::Node);
        let all =
            evloop_model::explore::explore(p.clone(), Host::Node, &Default::default(), 100_000);
        assert!(all.complete);
        for _ in 0..5 {
            let r = run_real(p.clone(), Host::Node, &fast(), &mut NoTrace).unwrap();
            assert_eq!(r.outcome.log.len(), 3);
            assert!(
                all.outcomes.contains_key(&r.outcome),
                "{:?} via {:?}",
                r.outcome,
                r.schedule
            );
        }
    }
}
