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
mod process;

mod sub_ms;
mod ticks;
mod timers;
mod uv_run;

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use crate::setup::Timing;
use crate::state::{Choice, State};
use crate::value::{ObjId, Value};

pub use immediate::Immediate;
pub use io::{IoOp, IoRequest};
pub use lazy::LazyGlobal;

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
    /// and every list expiry (recorded under the loaded timing only, MODEL-7).
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

/// What the step a choice takes does that the host's step-dependent options are read from:
/// its reads of the loop time (MODEL-4, MODEL-7) and the ops it starts that may complete at
/// once (RT-3).
#[derive(Clone, Debug, Default)]
pub struct StepProbe {
    pub loop_time_reads: Vec<LoopTimeRead>,
    pub eager_ops: u32,
}

/// The host's options: the clock at libuv's clock reads (MODEL-3: it stays, or reaches the
/// next timer expiry when that is within 1 ms; when poll would block, it reaches the next
/// expiry), thread-pool completions (UV-6), the start of the process (NODE-4), and
/// millisecond boundaries inside a step (MODEL-4); under the loaded timing (MODEL-7) a loop
/// clock read may find any pending list expiry or timer due instant passed (item 2), and a
/// read of the loop time in a step any of its `decisive_instants` (item 1).
///
/// What a step does is found by a dry run of it ([`State::probe`]).
pub fn choices(st: &State) -> Vec<Choice> {
    choices_probed(st, &mut |c| st.probe(c))
}

/// [`choices`], told what the step of each option does by `probe`. The options that depend on
/// it (RT-3 eager ops, MODEL-4 millisecond boundaries, MODEL-7 instants) come after the
/// [`base_choices`], so that there are none without base choices, and more than one when
/// there is more than one base choice.
pub fn choices_probed(st: &State, probe: &mut dyn FnMut(Choice) -> StepProbe) -> Vec<Choice> {
    let n = &st.node;
    let mut out = base_choices(st);
    // Each option's step is probed once.
    let mut probed: Vec<(Choice, StepProbe)> = Vec::new();
    let mut probe = |c: Choice| -> StepProbe {
        if let Some((_, p)) = probed.iter().find(|(d, _)| *d == c) {
            return p.clone();
        }
        let p = probe(c);
        probed.push((c, p.clone()));
        p
    };
    // RT-3 (Deno): an op started in the next step may complete at its first poll, at the call.
    if st.profile().eager_ops && n.eager_at.is_none() && n.cross_at.is_none() && n.elapse.is_empty()
    {
        let most = out.iter().map(|c| probe(*c).eager_ops).max().unwrap_or(0);
        out.extend((1..=most).map(Choice::EagerOp));
    }
    // MODEL-4: a step that starts timers may see a millisecond boundary pass between two of
    // its reads of the loop time (NODE-7).
    if n.cross_at.is_none() {
        let reads: Vec<Vec<LoopTimeRead>> = out.iter().map(|c| probe(*c).loop_time_reads).collect();
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

/// The options that do not depend on what the next step does: the loop's clock reads, the
/// start of the process and thread-pool completions, first in [`choices`].
pub fn base_choices(st: &State) -> Vec<Choice> {
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
    out
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
