//! The Node.js host: libuv's `uv_run` as Node ≥ 20 drives it (NODE-1, UV-1), the nextTick
//! queue and `processTicksAndRejections` (NODE-2, NODE-3), Node timers (NODE-6..8),
//! `setImmediate` (NODE-9, NODE-10), thread-pool I/O (UV-6), `process` events and unhandled
//! rejections (NODE-11).

pub mod builtins;
mod crypto;
mod events;
mod immediate;
mod io;
mod lazy;
mod profile;
mod sub_ms;
mod timers;

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use crate::setup::Timing;
use crate::state::{Choice, State};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult, Unwind};

pub use immediate::Immediate;
pub use io::{IoOp, IoRequest};
pub use lazy::LazyGlobal;
pub use profile::{Profile, ProfileFlag};
pub use timers::{NodeTimer, TimerDurations, TimerList};

/// The `process.pid` the model reports.
pub const PID: u32 = 4242;

/// A `process.on(event, callback)` registration.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Listener {
    pub event: Arc<str>,
    pub callback: Value,
    pub once: bool,
}

/// A queued `process.nextTick` callback.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tick {
    pub callback: Value,
    pub args: Vec<Value>,
}

/// Where the loop waits for the host's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum LoopPoint {
    /// Before the main module runs (the `start` choice).
    #[default]
    NotStarted,
    /// UV-1 step 2: `uv__update_time` before the pre-loop timer pass. Bun, which has no such
    /// pass, stops here only to let requests complete before its first turn (RT-1).
    PreLoopTimers,
    /// UV-1 step 3.6: the poll phase would block (nothing else to do); it returns when an
    /// I/O request completes or the next timer is due.
    PollWait,
    /// UV-1 step 3.11: `uv__update_time` before the end-of-iteration timer pass.
    EndOfIteration,
    /// UV-5: a timers pass ended with Node's timer already due by the loop time the pass
    /// updated (`getLibuvNow`): libuv before 1.48 (Node 20) runs it again in the same pass,
    /// later versions (Node ≥ 22) in the next one. `pre_loop`: the pass was UV-1 step 2's.
    TimersDueAgain { pre_loop: bool },
    /// The process has exited.
    Exited,
}

/// Node's part of the state.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct NodeState {
    pub at: LoopPoint,
    /// MODEL-4: the next step crosses a millisecond boundary before its K-th loop-time read.
    pub cross_at: Option<u32>,
    /// MODEL-7: the next step's K-th loop-time read finds the clock at T ms, for each (K, T)
    /// chosen (K increasing).
    pub elapse: Vec<(u32, u64)>,
    /// RT-1 (Bun, `ms_boundary_in_step` off): the timers started since the loop last read the
    /// clock (MODEL-3); a whole millisecond has not passed for them yet.
    pub fresh_timers: Vec<u32>,
    /// NODE-3: the nextTick queue.
    pub ticks: VecDeque<Tick>,
    /// NODE-9: the immediate queue.
    pub immediates: VecDeque<Immediate>,
    pub next_immediate_id: u32,
    /// NODE-7: active timers, and the lists per duration in the priority queue.
    pub timers: Vec<NodeTimer>,
    pub lists: Vec<TimerList>,
    pub next_timer_id: u32,
    pub next_list_id: u32,
    /// UV-6: requests in flight on the thread pool, and completed ones awaiting the poll phase
    /// (in completion order).
    pub in_flight: Vec<IoRequest>,
    pub completed: VecDeque<IoRequest>,
    pub next_io_id: u32,
    /// The virtual file system (path → content); starts with the program's own file.
    pub files: BTreeMap<Arc<str>, Arc<str>>,
    pub listeners: Vec<Listener>,
    /// NODE-11: pendingUnhandledRejections, and promises already warned about.
    pub pending_rejections: Vec<ObjId>,
    pub warned_rejections: Vec<ObjId>,
    /// NODE-11: asyncHandledRejections (warned promises that got a handler).
    pub async_handled: Vec<ObjId>,
    /// `process._exiting`.
    pub exiting: bool,
    /// Whether `process.nextTick` has been called yet (Bun's first tick, RT-1).
    pub ticks_used: bool,
    /// A microtask is running (for Bun's first tick).
    pub in_microtask: bool,
    /// Bun: the first nextTick was queued by the running microtask and runs right after it.
    pub first_tick_pending: bool,
    /// Bun: an uncaught exception was reported; the process exits (code 1) when it would wait.
    pub dying: bool,
    /// Bun: the process is dying of a rejection found by the per-turn check; the 'exit'
    /// listener gets code 0 (RT-1).
    pub dying_of_rejection: bool,
    /// NODE-13: signals sent with `process.kill`, delivered in the poll phase.
    pub signals: Vec<Arc<str>>,
    /// RT-3 (Deno, `lazy_process_global`): the `process` global has been read, so Deno's
    /// Node layer is loaded.
    pub process_loaded: bool,
    /// RT-3 (Deno, `lazy_timer_globals`): a timer global has been read.
    pub timer_globals_loaded: bool,
    /// The main module's body is being evaluated (Choice `start`).
    pub evaluating_main: bool,
    /// MODEL-7 + RT-3 (`cut:T@N`): the timers pass about to run stops before timer N.
    pub cut: Option<u32>,
    /// The last cut taken (instant, timer), not offered again at once.
    pub last_cut: Option<(u64, u32)>,
    /// RT-3 (`eager:K`): the K-th op the next step starts that may complete at once does.
    pub eager_at: Option<u32>,
}

/// A read of Node's loop time in a step (a dry run records them for MODEL-4 and MODEL-7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoopTimeRead {
    /// The duration of the timer the read starts (`insert(item, msecs, start)`).
    pub ms: u64,
    /// The clock when it is read.
    pub clock: u64,
    /// Every instant at which a timer already started then is due (`_idleStart + msecs`)
    /// and every list expiry.
    pub due: Vec<u64>,
}

impl LoopTimeRead {
    /// MODEL-7 item 1: the instants this read may find the clock at that change what it
    /// decides (`getLibuvNow()` → `uv_update_time`, the new timer's `_idleStart`, NODE-7
    /// `insert` step 1).
    ///
    /// 1. The new timer comes due exactly at an instant `e` that is already due (ties go to the
    ///    older list, NODE-7) or 1 ms after it: `e - ms`, `e - ms + 1`.
    /// 2. The new timer comes due together with, or just after, a timer that a callback at
    ///    `e` may start later (its `_idleStart` is at least `e`), or the last of a chain of
    ///    timers, each started by the callback of the one before (an interval's repetitions
    ///    too): `e + D - ms`, `e + D - ms + 1`, for every duration `D < ms` and every chain
    ///    total `D <= ms` of `durations` (`program_timer_durations`). Whatever is started at
    ///    or after this read and due `D > ms` later comes due after the new timer, and a
    ///    single timer of `ms` joins the new timer's list behind it (NODE-7 `insert`), so
    ///    these change no order.
    /// 3. Or one millisecond more than the clock was.
    /// 4. Deno (`interval_rearm_from_pass_now`, RT-3): `clock + D - ms` (or 1 ms after it) for
    ///    each pending interval of `D` ms, which a timers pass re-arms from its own start: the
    ///    new timer comes due after the interval's next run.
    ///
    /// Only instants after the clock are kept: the loop time never goes back.
    pub fn decisive_instants(&self, durations: &timers::TimerDurations) -> Vec<u64> {
        let shorter: Vec<u64> = durations
            .single
            .iter()
            .filter(|d| **d < self.ms)
            .chain(durations.chained.iter().filter(|d| **d <= self.ms))
            .copied()
            .collect();
        let mut out: Vec<u64> = self
            .due
            .iter()
            .flat_map(|e| {
                std::iter::once(*e)
                    .chain(shorter.iter().map(move |d| e + d))
                    .filter_map(|at| at.checked_sub(self.ms))
                    .flat_map(|t| [t, t + 1])
            })
            .chain(
                // RT-3 (Deno): an interval the pass runs later is re-armed from the pass's
                // start (the clock before this step's jumps), so the new timer may come due
                // after its next run.
                durations
                    .rearmed
                    .iter()
                    .filter_map(|d| (self.clock + d).checked_sub(self.ms))
                    .flat_map(|t| [t, t + 1]),
            )
            .chain([self.clock + 1])
            .filter(|t| *t > self.clock)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// MODEL-7 item 2: the instants after the clock at which a list expires or a pending timer is
/// due (`listOnTimeout` runs every timer with `now - _idleStart >= msecs`): what a loop clock
/// read before a timers pass may find passed on a loaded machine.
fn pending_due_instants(st: &State) -> Vec<u64> {
    let n = &st.node;
    let mut es: Vec<u64> = n
        .lists
        .iter()
        .map(|l| l.expiry)
        .chain(n.timers.iter().map(|t| t.start + t.ms))
        .filter(|e| *e > st.clock)
        .collect();
    es.sort_unstable();
    es.dedup();
    es
}

/// The host's options: the clock at libuv's clock reads (MODEL-3: it stays, or reaches the
/// next timer expiry when that is within 1 ms; when poll would block, it reaches the next
/// expiry), thread-pool completions (UV-6), the start of the process (NODE-4), and
/// millisecond boundaries inside a step (MODEL-4); under the loaded timing (MODEL-7) a loop
/// clock read may find any pending list expiry or timer due instant passed (item 2), and a
/// read of the loop time in a step any of its `decisive_instants` (item 1).
pub fn choices(st: &State) -> Vec<Choice> {
    let n = &st.node;
    let mut out = Vec::new();
    match n.at {
        LoopPoint::Exited => return out,
        LoopPoint::NotStarted => {
            out.push(Choice::Start);
            // NODE-4: Node 20 reads an ES-module entry asynchronously and evaluates it from
            // inside the loop; Node 22 reads it synchronously and evaluates it before the loop.
            if st.program.0.is_module && st.profile().esm_evaluated_in_loop {
                out.push(Choice::StartInLoop);
            }
        }
        LoopPoint::PreLoopTimers | LoopPoint::EndOfIteration => {
            // MODEL-3: between two clock reads of the loop that did not block, less than 1 ms
            // passes: the clock stays, or reaches the next timer expiry if that is within 1 ms.
            out.push(Choice::AdvanceClock(st.clock));
            if st.timing == Timing::Loaded {
                // MODEL-7: any time may have passed: the clock may be past any list expiry,
                // or any instant at which a pending timer is due (a list's later timers:
                // `listOnTimeout` runs every timer with `now - _idleStart >= msecs`).
                out.extend(
                    pending_due_instants(st)
                        .into_iter()
                        .map(Choice::AdvanceClock),
                );
            } else if let Some(e) = timers::next_settled_expiry(st)
                && e > st.clock
                && e <= st.clock + 1
            {
                out.push(Choice::AdvanceClock(e));
            }
        }
        LoopPoint::PollWait => {
            // UV-2: poll blocks until the nearest timer (or forever without timers) unless an
            // I/O request completes first.
            if let Some(e) = timers::next_expiry(st) {
                out.push(Choice::AdvanceClock(e.max(st.clock)));
            }
        }
        LoopPoint::TimersDueAgain { .. } => {
            out.push(Choice::TimersAgain(true));
            out.push(Choice::TimersAgain(false));
            if st.timing == Timing::Loaded {
                // MODEL-7 item 2 at UV-5's second pass: `RunTimers` calls `GetNow`, which
                // updates the loop time, so the pass may find any pending due instant passed.
                out.extend(
                    pending_due_instants(st)
                        .into_iter()
                        .map(Choice::AdvanceClock),
                );
            }
        }
    }
    // MODEL-7 + RT-3: with a sub-millisecond loop time, the timers pass at a clock instant may
    // come before the deadline of a timer due in that millisecond.
    let pass_follows = match n.at {
        LoopPoint::PreLoopTimers => st.profile().pre_loop_timers,
        LoopPoint::EndOfIteration => true,
        _ => false,
    };
    if pass_follows {
        let clocks: Vec<u64> = out
            .iter()
            .filter_map(|c| match c {
                Choice::AdvanceClock(t) => Some((*t).max(st.clock)),
                _ => None,
            })
            .collect();
        out.extend(sub_ms::cut_choices(st, &clocks));
    }
    out.extend(n.in_flight.iter().map(|r| Choice::CompleteIo(r.id)));
    // RT-3 (Deno): an op started in the next step may complete at its first poll, at the call.
    if st.profile().eager_ops && n.eager_at.is_none() && n.cross_at.is_none() && n.elapse.is_empty()
    {
        let most = out.iter().map(|c| st.eager_ops(*c)).max().unwrap_or(0);
        out.extend((1..=most).map(Choice::EagerOp));
    }
    // MODEL-4: a step that starts timers may see a millisecond boundary pass between two of
    // its reads of the loop time (NODE-7).
    if n.cross_at.is_none() {
        let reads: Vec<Vec<LoopTimeRead>> = out.iter().map(|c| st.loop_time_reads(*c)).collect();
        let most = reads.iter().map(Vec::len).max().unwrap_or(0) as u32;
        let mut elapse = Vec::new();
        if st.timing == Timing::Loaded {
            // MODEL-7: or the step's K-th read finds the clock at an instant that orders the
            // new timer differently against the timers already started — after the reads
            // already given an instant, so that time can pass at several reads of one step.
            let after = n.elapse.last().map_or(0, |(k, _)| *k);
            let durations = if reads.iter().any(|rs| !rs.is_empty()) {
                timers::program_timer_durations(st)
            } else {
                timers::TimerDurations::default()
            };
            for (k, r) in reads.iter().flat_map(|rs| rs.iter().enumerate()) {
                let k = k as u32 + 1;
                if k > after {
                    elapse.extend(
                        r.decisive_instants(&durations)
                            .into_iter()
                            .map(|t| Choice::Elapse(k, t)),
                    );
                }
            }
            elapse.sort_unstable();
            elapse.dedup();
        }
        // RT-1: not on Bun, whose timers start at the exact time of the call
        // (`ms_boundary_in_step`).
        if n.elapse.is_empty() && st.profile().ms_boundary_in_step {
            out.extend((1..=most).map(Choice::MsBoundary));
        }
        out.extend(elapse);
    }
    out
}

impl Cx<'_, '_> {
    /// NODE-4: evaluates the main module's body (the module's evaluation promise is watched
    /// for a rejection).
    fn evaluate_main(&mut self) -> JsResult<()> {
        let env = self.st.script_env;
        self.st.node.evaluating_main = true;
        let r = self
            .run_script(env)
            .map(|module| self.watch_module_evaluation(&module));
        self.st.node.evaluating_main = false;
        r
    }

    /// Starts a Node process: the main module, then the loop up to its first choice.
    /// `in_loop`: an ES-module main is evaluated from inside the loop (Node 20, NODE-4).
    pub fn node_start(&mut self, in_loop: bool) -> JsResult<()> {
        let program = self.program.clone();
        self.st.node.files.insert(
            Arc::from(program.source_name.as_str()),
            program.source.clone(),
        );
        let profile = self.st.profile();
        // RT-1 (Bun): importing `fs` or `crypto` gives Node's order.
        let imports_fs = profile.esm_fs_import_restores_promise_order
            && program
                .imports
                .iter()
                .any(|m| matches!(&**m, "fs" | "crypto"));
        if program.is_module && (profile.esm_promises_before_ticks || imports_fs) {
            // NODE-4: an ES module is evaluated inside a promise job, so its promise jobs run
            // before its nextTicks.
            self.trace("NODE-4", || "evaluate the ES module main".into());
            let r = self.evaluate_main();
            self.run_microtasks()?;
            if profile.esm_ticks_after_first_timers {
                // RT-3 (Deno): the nextTick queue waits for the first timers phase.
                if let Err(Unwind::Throw(e)) = r {
                    self.node_uncaught_exception(e, false)?;
                } else {
                    r?;
                }
            } else {
                self.after_callback(r)?;
            }
            if in_loop {
                // NODE-4: Node loads an ES module main asynchronously, from inside the loop
                // (after the pre-loop timer pass): the check phase comes before the first
                // timers phase, so setImmediate runs before setTimeout(0).
                self.trace("NODE-1", || "check phase".into());
                self.run_immediates()?;
                self.st.node.at = LoopPoint::EndOfIteration;
                return Ok(());
            }
        } else {
            self.trace("NODE-4", || {
                "run the main module (CommonJS semantics)".into()
            });
            let r = self.evaluate_main();
            match r {
                Err(Unwind::Throw(e)) if profile.main_throw_is_rejection => {
                    self.node_uncaught_exception(e, true)?;
                    self.process_ticks_and_rejections()?;
                }
                r => self.after_callback(r)?,
            }
        }
        // RT-1 (Bun): the rejection check after the main module. A rejection with no listener
        // ends the process at once, unless immediates are pending: then the first turn runs to
        // its end first (measured).
        self.bun_handle_rejected_promises()?;
        if self.st.node.dying_of_rejection && self.st.node.immediates.is_empty() {
            return self.node_before_exit();
        }
        // RT-1 (Bun): the main module's timers count as started before a loop clock read: the
        // work between the end of the main module and the first turn may take a millisecond
        // (`node-immediate-vs-timeout-recursive`: the timeout after immediate 1, 6/20).
        self.st.node.fresh_timers.clear();
        if !profile.pre_loop_timers {
            if profile.completions_before_immediates && !self.st.node.in_flight.is_empty() {
                // RT-1 (Bun): the thread pool works while the main module runs, and `vm.tick()`
                // before the first `autoTick` runs what has completed: a point where requests
                // may complete before the first turn (no timer pass follows it).
                self.st.node.at = LoopPoint::PreLoopTimers;
                return Ok(());
            }
            return self.node_loop_top();
        }
        self.st.node.at = LoopPoint::PreLoopTimers;
        self.node_settle_point()
    }

    /// A rejected module evaluation (a top-level `await` that throws) is an uncaught error
    /// (Node's ESM loader: the process exits with code 1).
    fn watch_module_evaluation(&mut self, module: &Value) {
        if self
            .st
            .profile()
            .esm_evaluation_error_is_unhandled_rejection
        {
            // RT-3 (Deno): no loader handler; a rejected evaluation is left to the rejection
            // tracker (NODE-11) and reported at the first rejection check.
            return;
        }
        if let Some(p) = self.is_promise(module) {
            let on_rejected = self.alloc(crate::heap::ObjKind::Native(
                crate::es::native::NativeFn::ModuleEvaluationRejected,
            ));
            self.perform_promise_then(p, Value::Undefined, Value::Object(on_rejected), None);
        }
    }

    /// Carries out a choice at the current loop point, then runs to the next one.
    pub fn node_perform(&mut self, choice: Choice) -> JsResult<()> {
        match choice {
            Choice::MsBoundary(k) => {
                self.trace("MODEL-4", || {
                    format!("a millisecond boundary will pass before loop-time read #{k}")
                });
                self.st.node.cross_at = Some(k);
                return Ok(());
            }
            Choice::Elapse(k, t) => {
                self.trace("MODEL-7", || {
                    format!("time will pass in the next step: loop-time read #{k} finds {t} ms")
                });
                self.st.node.elapse.push((k, t));
                return Ok(());
            }
            Choice::EagerOp(k) => {
                self.trace("RT-3", || {
                    format!("Deno: op #{k} of the next step will complete at the call")
                });
                self.st.node.eager_at = Some(k);
                return Ok(());
            }
            _ => {}
        }
        let r = self.node_step(choice);
        self.st.node.eager_at = None;
        self.st.node.cross_at = None;
        self.st.node.elapse.clear();
        r
    }

    /// MODEL-4, MODEL-7: `getLibuvNow()` — read (and update, `uv_update_time`) the loop time
    /// to start a timer of `ms` milliseconds (NODE-7); the chosen read sees a millisecond
    /// boundary pass first, or (MODEL-7) finds the clock at the chosen instant.
    pub fn loop_now(&mut self, ms: u64) -> u64 {
        let agent = &mut *self.0;
        agent.host_step.loop_time_reads += 1;
        if let Some(log) = agent.host_step.loop_time_log.as_mut() {
            let n = &agent.st.node;
            let due = n
                .timers
                .iter()
                .map(|t| t.start + t.ms)
                .chain(n.lists.iter().map(|l| l.expiry))
                .collect();
            log.push(LoopTimeRead {
                ms,
                clock: agent.st.clock,
                due,
            });
        }
        let k = self.host_step.loop_time_reads;
        if self.st.node.cross_at == Some(k) {
            self.st.clock += 1;
            self.trace("MODEL-4", || "a millisecond boundary passes".into());
        }
        if let Some(&(_, t)) = self.st.node.elapse.iter().find(|(at, _)| *at == k) {
            self.st.clock = self.st.clock.max(t);
            self.trace("MODEL-7", || {
                format!("time passes: the loop time is {t} ms")
            });
        }
        self.st.clock
    }

    fn node_step(&mut self, choice: Choice) -> JsResult<()> {
        match choice {
            Choice::Start => self.node_start(false),
            Choice::StartInLoop => self.node_start(true),
            Choice::TimersAgain(again) => {
                let LoopPoint::TimersDueAgain { pre_loop } = self.st.node.at else {
                    return Ok(());
                };
                if again {
                    self.trace("UV-5", || {
                        "libuv < 1.48: the timer is due again: another timers pass".into()
                    });
                    self.run_timers_phase()?;
                    self.after_timers_pass(pre_loop)
                } else {
                    self.trace("UV-5", || {
                        "libuv ≥ 1.48: a timer due again waits for the next pass".into()
                    });
                    self.continue_after_timers(pre_loop)
                }
            }
            Choice::CompleteIo(id) => {
                self.complete_io(id);
                if self.st.node.at == LoopPoint::PollWait {
                    // The poll phase wakes up with the completion.
                    return self.node_run_from_poll(false);
                }
                Ok(())
            }
            Choice::SubMsCut(t, id) => {
                self.trace("MODEL-7", || {
                    format!("the loop's real time is before timer {id}'s deadline in {t} ms")
                });
                self.st.node.cut = Some(id);
                self.st.node.last_cut = Some((t, id));
                let r = self.node_advance_clock(t);
                self.st.node.cut = None;
                r
            }
            Choice::AdvanceClock(t) => self.node_advance_clock(t),
            _ => Ok(()),
        }
    }

    /// UV-4 `uv__update_time` at a clock point, then what the loop does from there.
    fn node_advance_clock(&mut self, t: u64) -> JsResult<()> {
        self.trace("UV-4", || format!("uv__update_time: loop time is {t} ms"));
        self.st.node.fresh_timers.clear();
        self.st.clock = self.st.clock.max(t);
        match self.st.node.at {
            LoopPoint::PreLoopTimers => {
                if self.st.profile().pre_loop_timers {
                    self.trace("UV-1", || "pre-loop timer pass (UV_RUN_DEFAULT)".into());
                    self.run_timers_phase()?;
                    return self.after_timers_pass(true);
                }
                self.continue_after_timers(true)
            }
            LoopPoint::PollWait => self.node_run_from_poll(true),
            LoopPoint::EndOfIteration => {
                self.trace("NODE-1", || "timers phase".into());
                self.run_timers_phase()?;
                self.after_timers_pass(false)
            }
            LoopPoint::Exited | LoopPoint::NotStarted | LoopPoint::TimersDueAgain { .. } => Ok(()),
        }
    }

    /// UV-5 after a timers pass: Node's `RunTimers` re-armed its libuv timer from the loop
    /// time, which `getLibuvNow()` kept updating while the pass ran (its callbacks, then the
    /// ticks and microtasks when its callback scope closed). If that timer is already due,
    /// libuv before 1.48 (Node 20: `uv__run_timers` re-checks the heap after each callback)
    /// runs it again in this pass; libuv 1.48 (libuv PR #4250, Node ≥ 22) collects the due
    /// timers first and leaves it to the next pass. On the `node` host both are possible
    /// (`timers:again`, `timers:done`); Deno and Bun do not re-run.
    fn after_timers_pass(&mut self, pre_loop: bool) -> JsResult<()> {
        if self.st.profile().timers_rerun_when_due
            && timers::next_expiry(self.st).is_some_and(|e| e <= self.st.clock)
        {
            self.st.node.at = LoopPoint::TimersDueAgain { pre_loop };
            return Ok(());
        }
        self.continue_after_timers(pre_loop)
    }

    /// The rest of the iteration after its timers pass.
    fn continue_after_timers(&mut self, pre_loop: bool) -> JsResult<()> {
        if pre_loop {
            // RT-3 (Deno): ticks left by an ES-module main drain now.
            self.drain_after_esm_main()?;
        } else {
            // RT-1 (Bun `autoTick`): handleRejectedPromises ends the turn; a rejection it
            // (or the check before the turn) found ends the process.
            self.bun_handle_rejected_promises()?;
            if self.st.node.dying_of_rejection {
                return self.node_before_exit();
            }
        }
        self.node_loop_top()
    }

    /// At a clock point with nothing to decide (no timers), take the step directly.
    fn node_settle_point(&mut self) -> JsResult<()> {
        if !self.loop_alive() && self.st.node.at == LoopPoint::PreLoopTimers {
            // RT-3 (Deno): ticks left by an ES-module main still run before the loop ends.
            self.drain_after_esm_main()?;
            if !self.loop_alive() {
                return self.node_before_exit();
            }
        }
        Ok(())
    }

    /// RT-3 (Deno): the drain after an ES-module main's first timers phase. With a nextTick
    /// queued, Deno's Node layer runs `processTicksAndRejections` (NODE-3, NODE-11). With
    /// none, deno_core's `eventLoopTick` performs only a microtask checkpoint (its
    /// `hasTickScheduled` argument is false), and a rejection still unhandled is reported by
    /// deno_core's own rejection check, which calls the 'unhandledRejection' listener outside
    /// that loop (`rejection_listener_outside_tick_loop`): a microtask checkpoint follows the
    /// listener, and the ticks it queued wait for the turn's immediates, or run at once when
    /// none are pending (the next `eventLoopTick` drains them first). Observed:
    /// `spec/litmus/node-unhandled-rejection-listener-queues-tick.js`.
    fn drain_after_esm_main(&mut self) -> JsResult<()> {
        if !self.st.profile().rejection_listener_outside_tick_loop || !self.st.node.ticks.is_empty()
        {
            return self.process_ticks_and_rejections();
        }
        self.run_microtasks()?;
        if !self.st.node.ticks.is_empty() {
            // A promise job queued a tick: the Node layer's loop runs after all.
            return self.process_ticks_and_rejections();
        }
        self.trace("RT-3", || {
            "Deno: no tick scheduled: deno_core checks the rejections itself".into()
        });
        if self.process_promise_rejections()? {
            self.run_microtasks()?;
            if !self.st.node.ticks.is_empty() && self.st.node.immediates.is_empty() {
                self.process_ticks_and_rejections()?;
            }
        }
        Ok(())
    }

    /// UV-7 `uv__loop_alive`: ref'd timers, immediates, I/O requests in flight or completed.
    pub fn loop_alive(&self) -> bool {
        let n = &self.st.node;
        n.timers.iter().any(|t| t.refed)
            || !n.immediates.is_empty()
            || !n.in_flight.is_empty()
            || !n.completed.is_empty()
    }

    /// The top of a loop iteration (UV-1 step 3).
    fn node_loop_top(&mut self) -> JsResult<()> {
        if !self.loop_alive() {
            return self.node_before_exit();
        }
        let profile = self.st.profile();
        if profile.completions_before_immediates
            && !(self.st.node.completed.is_empty() && self.st.node.signals.is_empty())
        {
            // RT-1 (Bun `vm.tick()` before `autoTick`): completed thread-pool work and
            // signals (Bun's signal handler posts the emission to the concurrent task queue)
            // run before the turn's immediates.
            self.trace("RT-1", || {
                "tick: completed thread-pool requests and signals before the turn's immediates"
                    .into()
            });
            self.deliver_completed_io()?;
            self.deliver_signals()?;
        }
        if profile.immediates_first {
            // RT-1 (Bun `autoTick`): the immediates queued before this turn run first.
            self.trace("RT-1", || {
                "turn starts with the immediates queued before it".into()
            });
            self.run_immediates()?;
            if !self.loop_alive() {
                // UV-7: only unref'd handles are left.
                return self.node_before_exit();
            }
        }
        // Pending callbacks, idle and prepare run nothing the subset can observe.
        // UV-2: poll does not block if immediates are pending or completions are waiting.
        let n = &self.st.node;
        if n.completed.is_empty() && n.immediates.is_empty() && n.signals.is_empty() {
            if (timers::next_expiry(self.st).is_none() && self.st.node.in_flight.is_empty())
                || (n.dying && !n.dying_of_rejection)
            {
                return self.node_before_exit();
            }
            self.trace("UV-2", || "poll phase: nothing ready, waiting".into());
            self.st.node.at = LoopPoint::PollWait;
            return Ok(());
        }
        self.node_run_from_poll(false)
    }

    /// The poll phase's callbacks (UV-3, UV-6), then check, close, and the end of the
    /// iteration. `timed_out`: poll returned because the next timer is due.
    fn node_run_from_poll(&mut self, timed_out: bool) -> JsResult<()> {
        if !timed_out {
            self.trace("NODE-1", || "poll phase".into());
            self.deliver_completed_io()?;
            if !self.st.profile().signals_delivered_by_an_op {
                self.deliver_signals()?;
            }
        }
        if !self.st.profile().immediates_first {
            self.trace("NODE-1", || "check phase".into());
            self.run_immediates()?;
        }
        if self.st.profile().signals_delivered_by_an_op {
            // RT-3 (Deno): a signal sent during this turn is delivered by an async op that
            // completes in a later turn (the `io:N` choice).
            for name in std::mem::take(&mut self.st.node.signals) {
                self.trace("RT-3", || {
                    format!("Deno: {name} waits for its signal op (a later turn)")
                });
                self.submit_io(IoOp::Signal { name }, Value::Undefined);
            }
        }
        self.st.node.at = LoopPoint::EndOfIteration;
        Ok(())
    }

    /// NODE-13 (UV-3: signal watchers run last in the poll phase): each pending signal is
    /// emitted on `process`; a signal with no listener terminates the process.
    fn deliver_signals(&mut self) -> JsResult<()> {
        for sig in std::mem::take(&mut self.st.node.signals) {
            if self.has_listeners(&sig) {
                self.trace("NODE-13", || format!("poll: signal {sig} delivered"));
                let r = self
                    .process_emit(&sig, vec![Value::String(sig.clone())])
                    .map(|_| ());
                self.after_callback(r)?;
            } else {
                self.trace("NODE-13", || {
                    format!("poll: {sig} with no listener terminates the process")
                });
                self.st.errors.push(format!("Killed by {sig}"));
                self.st.node.at = LoopPoint::Exited;
                return Err(Unwind::Exit(128));
            }
        }
        Ok(())
    }

    /// NODE-1 (`SpinEventLoop`): when the loop is no longer alive, emit `beforeExit`; if that
    /// made it alive again, run the loop again; otherwise emit `exit` and end.
    fn node_before_exit(&mut self) -> JsResult<()> {
        // RT-1 (Bun): the last turn's rejection check.
        self.bun_handle_rejected_promises()?;
        if !self.st.node.dying && self.has_listeners("beforeExit") {
            self.trace("NODE-1", || "the loop is empty: emit 'beforeExit'".into());
            let r = self
                .process_emit("beforeExit", vec![Value::num(0.0)])
                .map(|_| ());
            self.after_callback(r)?;
            if self.loop_alive() {
                self.st.node.at = LoopPoint::PreLoopTimers;
                return Ok(());
            }
        }
        self.trace("NODE-1", || "the loop is empty: emit 'exit'".into());
        self.st.node.exiting = true;
        let code = if self.st.node.dying && !self.st.node.dying_of_rejection {
            1.0
        } else {
            0.0
        };
        let r = self.process_emit("exit", vec![Value::num(code)]);
        self.st.node.at = LoopPoint::Exited;
        match r {
            // RT-1, RT-3: Deno and Bun run no microtask checkpoint after 'exit'.
            Ok(_) if self.st.profile().no_microtasks_after_exit_event => Ok(()),
            // EmitProcessExit runs in a callback scope: promise jobs queued by 'exit'
            // listeners still run (nextTicks are dropped: the process is exiting, NODE-12).
            Ok(_) => self.run_microtasks(),
            Err(Unwind::Exit(_)) => Ok(()),
            Err(Unwind::Throw(e)) => {
                self.report_uncaught_node(e, false);
                Ok(())
            }
            Err(d) => Err(d),
        }
    }

    /// NODE-2 `InternalCallbackScope::Close`: after a callback from C++ into JS, an uncaught
    /// exception goes to `process` (NODE uncaughtException), then the nextTick queue and the
    /// microtask queue drain (`processTicksAndRejections`).
    pub fn after_callback(&mut self, r: JsResult<()>) -> JsResult<()> {
        match r {
            Ok(()) => {}
            Err(Unwind::Throw(e)) => self.node_uncaught_exception(e, false)?,
            Err(other) => return Err(other),
        }
        self.process_ticks_and_rejections()
    }

    /// Calls `f` as a MakeCallback from the loop, followed by the drain (NODE-2).
    pub fn node_callback(&mut self, f: &Value, args: Vec<Value>) -> JsResult<()> {
        let r = self.call(f, Value::Undefined, args).map(|_| ());
        self.after_callback(r)
    }

    /// NODE-3 `process.nextTick(cb, ...args)`; dropped once the process is exiting (NODE-12).
    pub fn next_tick(&mut self, callback: Value, args: Vec<Value>) {
        if self.st.node.exiting {
            return;
        }
        self.trace("NODE-3", || "queue a nextTick callback".into());
        self.st.node.ticks.push_back(Tick { callback, args });
        if !self.st.node.ticks_used {
            self.st.node.ticks_used = true;
            if self.st.node.in_microtask && self.st.profile().first_tick_after_its_microtask {
                self.st.node.first_tick_pending = true;
            }
        }
    }

    /// V8's microtask checkpoint (`runMicrotasks()`): the whole microtask queue, FIFO.
    pub fn run_microtasks(&mut self) -> JsResult<()> {
        while let Some(m) = self.st.microtasks.pop_front() {
            let why = m.queued_by;
            self.trace("ES-1", || {
                format!(
                    "run microtask ({}, queued by {why})",
                    super::describe_job(&m.job)
                )
            });
            self.st.node.in_microtask = true;
            let r = self.run_job(m.job);
            self.st.node.in_microtask = false;
            r?;
            if std::mem::take(&mut self.st.node.first_tick_pending) {
                // Bun: the process's first nextTick, queued by a microtask, runs right after it.
                self.trace("RT-1", || {
                    "Bun: the first nextTick runs right after its microtask".into()
                });
                while let Some(t) = self.st.node.ticks.pop_front() {
                    let r = self.call(&t.callback, Value::Undefined, t.args).map(|_| ());
                    if let Err(Unwind::Throw(e)) = r {
                        self.node_uncaught_exception(e, false)?;
                    } else {
                        r?;
                    }
                }
            }
        }
        Ok(())
    }

    /// NODE-3 `processTicksAndRejections`: every nextTick callback (including ones queued
    /// meanwhile), then every microtask, repeated while either queue is non-empty or
    /// `processPromiseRejections()` (NODE-11) emitted something.
    pub fn process_ticks_and_rejections(&mut self) -> JsResult<()> {
        let check = !self.st.profile().rejections_checked_per_turn;
        self.drain_ticks_and_microtasks(check)
    }

    /// RT-1 (Bun, `handleRejectedPromises` at the end of `autoTick`): the per-turn check for
    /// unhandled rejections (NODE-11's `processPromiseRejections`), with the drain it needs.
    fn bun_handle_rejected_promises(&mut self) -> JsResult<()> {
        if !self.st.profile().rejections_checked_per_turn || self.st.node.dying {
            return Ok(());
        }
        if !self.st.node.pending_rejections.is_empty() || !self.st.node.async_handled.is_empty() {
            self.trace("RT-1", || {
                "Bun: handleRejectedPromises (end of the turn)".into()
            });
        }
        self.drain_ticks_and_microtasks(true)
    }

    /// NODE-3: the loop of `processTicksAndRejections`; `check_rejections`: whether it calls
    /// `processPromiseRejections` (NODE-11) when both queues are empty.
    fn drain_ticks_and_microtasks(&mut self, check_rejections: bool) -> JsResult<()> {
        loop {
            if !self.st.node.ticks.is_empty() {
                self.trace("NODE-3", || {
                    "processTicksAndRejections: run the nextTick queue".into()
                });
            }
            while let Some(t) = self.st.node.ticks.pop_front() {
                let r = self.call(&t.callback, Value::Undefined, t.args).map(|_| ());
                if let Err(Unwind::Throw(e)) = r {
                    self.node_uncaught_exception(e, false)?;
                } else {
                    r?;
                }
            }
            self.run_microtasks()?;
            if self.st.node.ticks.is_empty()
                && !(check_rejections && self.process_promise_rejections()?)
            {
                return Ok(());
            }
        }
    }

    /// NODE-11 `processPromiseRejections`: each promise rejected without a handler that is
    /// still unhandled now emits `unhandledRejection`; with no listener, the default mode
    /// (`throw`) raises it as an uncaught exception. Returns whether anything was emitted.
    fn process_promise_rejections(&mut self) -> JsResult<bool> {
        let mut emitted = false;
        // asyncHandledRejections first: 'rejectionHandled'.
        for p in std::mem::take(&mut self.st.node.async_handled) {
            self.trace("NODE-11", || "emit 'rejectionHandled'".into());
            self.process_emit("rejectionHandled", vec![Value::Object(p)])?;
            emitted = true;
        }
        let pending = std::mem::take(&mut self.st.node.pending_rejections);
        for p in pending {
            let (handled, reason) = match &self.st.realm.heap.get(p).kind {
                crate::heap::ObjKind::Promise(d) => (
                    d.is_handled,
                    match &d.state {
                        crate::es::promise::PromiseState::Rejected(r) => r.clone(),
                        _ => Value::Undefined,
                    },
                ),
                _ => continue,
            };
            if handled {
                continue;
            }
            self.st.node.warned_rejections.push(p);
            emitted = true;
            self.trace("NODE-11", || {
                "unhandled rejection: emit 'unhandledRejection'".into()
            });
            if !self.process_emit("unhandledRejection", vec![reason.clone(), Value::Object(p)])? {
                if self.st.profile().rejections_checked_per_turn {
                    // RT-1 (Bun): the process exits with status 1, yet 'exit' gets code 0.
                    self.st.node.dying_of_rejection = true;
                }
                if self.st.profile().rejection_bypasses_uncaught_exception {
                    // RT-1 (Bun): 'uncaughtException' listeners are not consulted; the error
                    // is reported and the process dies (uncaught_exits_when_idle).
                    self.report_uncaught_node(reason, true);
                    self.st.node.dying = true;
                    continue;
                }
                self.node_uncaught_exception(reason, true)?;
            }
        }
        Ok(emitted)
    }

    /// NODE-11 tracker hook: "reject" records the promise; "handle" on a promise already
    /// warned about emits `rejectionHandled` (on the next tick).
    pub fn node_rejection_tracker(
        &mut self,
        promise: ObjId,
        op: crate::es::promise::RejectionOperation,
    ) {
        use crate::es::promise::RejectionOperation;
        match op {
            RejectionOperation::Reject => self.st.node.pending_rejections.push(promise),
            RejectionOperation::Handle => {
                if let Some(i) = self
                    .st
                    .node
                    .pending_rejections
                    .iter()
                    .position(|p| *p == promise)
                {
                    self.st.node.pending_rejections.remove(i);
                } else if let Some(i) = self
                    .st
                    .node
                    .warned_rejections
                    .iter()
                    .position(|p| *p == promise)
                {
                    self.st.node.warned_rejections.remove(i);
                    self.trace("NODE-11", || {
                        "handler attached to a reported rejection".into()
                    });
                    self.st.node.async_handled.push(promise);
                }
            }
        }
    }

    /// `process._fatalException`: `uncaughtException` listeners handle the error; without
    /// one, the error is reported and the process exits (status `uncaught`).
    pub fn node_uncaught_exception(&mut self, e: Value, from_promise: bool) -> JsResult<()> {
        let origin = if from_promise {
            "unhandledRejection"
        } else {
            "uncaughtException"
        };
        if self.has_listeners("uncaughtException") {
            self.trace("NODE-11", || {
                format!("emit 'uncaughtException' (origin {origin})")
            });
            let r = self.process_emit("uncaughtException", vec![e, Value::str(origin)]);
            return match r {
                Ok(_) => Ok(()),
                Err(Unwind::Throw(e2)) => {
                    self.report_uncaught_node(e2, false);
                    self.process_exit(7).map(|_| ())
                }
                Err(d) => Err(d),
            };
        }
        self.report_uncaught_node(e, from_promise);
        if self.st.profile().no_exit_event_after_uncaught {
            // RT-3 (Deno): the process ends with code 1 and no 'exit' event.
            self.trace("RT-3", || "Deno: exit with code 1, no 'exit' event".into());
            self.st.node.exiting = true;
            self.st.node.at = LoopPoint::Exited;
            return Err(Unwind::Exit(1));
        }
        if self.st.profile().uncaught_exits_when_idle {
            self.trace("RT-1", || {
                "Bun: the process keeps running what is ready, then exits with code 1".into()
            });
            self.st.node.dying = true;
            return Ok(());
        }
        self.process_exit(1).map(|_| ())
    }

    fn report_uncaught_node(&mut self, e: Value, from_promise: bool) {
        let text = self.describe(&e);
        let line = if from_promise {
            format!("Uncaught (in promise) {text}")
        } else {
            format!("Uncaught {text}")
        };
        self.trace("NODE-11", || format!("process dies: {line}"));
        self.st.errors.push(line);
    }

    /// `process.exit(code)`: emits `exit` and stops everything (`Unwind::Exit`).
    pub fn process_exit(&mut self, code: i32) -> JsResult<Value> {
        if !self.st.node.exiting {
            self.st.node.exiting = true;
            self.trace("NODE-1", || format!("process.exit({code}): emit 'exit'"));
            match self.process_emit("exit", vec![Value::num(f64::from(code))]) {
                Ok(_) | Err(Unwind::Exit(_)) => {}
                Err(Unwind::Throw(e)) => self.report_uncaught_node(e, false),
                Err(d) => return Err(d),
            }
        }
        self.st.node.at = LoopPoint::Exited;
        Err(Unwind::Exit(code))
    }

    fn has_listeners(&self, event: &str) -> bool {
        self.st.node.listeners.iter().any(|l| &*l.event == event)
    }

    /// `process.emit(event, ...args)`: calls the listeners synchronously in registration order
    /// (`once` listeners are removed first); returns whether there were any.
    pub fn process_emit(&mut self, event: &str, args: Vec<Value>) -> JsResult<bool> {
        let listeners: Vec<Listener> = self
            .st
            .node
            .listeners
            .iter()
            .filter(|l| &*l.event == event)
            .cloned()
            .collect();
        self.st
            .node
            .listeners
            .retain(|l| !(l.once && &*l.event == event));
        for l in &listeners {
            self.call(
                &l.callback,
                Value::Builtin(builtins::NodeFn::ProcessObj.into()),
                args.clone(),
            )?;
        }
        Ok(!listeners.is_empty())
    }
}

evloop_engine::heap_refs!(struct [] Listener { callback });
evloop_engine::heap_refs!(struct [] Tick { callback, args });
evloop_engine::heap_refs!(struct [] NodeState {
    ticks,
    immediates,
    timers,
    in_flight,
    completed,
    listeners,
    pending_rejections,
    warned_rejections,
    async_handled,
});
