//! NODE-1, UV-1: libuv's `uv_run` as Node ≥ 20 drives it, phase by phase. The model stops
//! where the real loop would block or read the clock ([`LoopPoint`]) and goes on from there
//! when the host's choice is taken. [`Cx::uv_run`] is the loop: it runs [`Phase`]s in
//! libuv's order, each returning the next, until the loop waits at a [`LoopPoint`]:
//!
//! ```text
//! uv_run(UV_RUN_DEFAULT):
//!   uv__update_time; uv__run_timers            ← LoopPoint::PreLoopTimers   (Phase::Timers)
//!   while uv__loop_alive:                        (Phase::LoopTop)
//!     pending, idle, prepare                     (nothing the model can observe)
//!     uv__io_poll: block until I/O or a timer  ← LoopPoint::PollWait        (Phase::Poll)
//!     check: immediates                          (Phase::Poll)
//!     closing handles
//!     uv__update_time; uv__run_timers          ← LoopPoint::EndOfIteration  (Phase::Timers)
//!     (libuv < 1.48: a timer due again runs  ← LoopPoint::TimersDueAgain  (Phase::TimersDone)
//!      again in the same pass)
//!   beforeExit, exit                             (Phase::BeforeExit)
//! ```

use std::sync::Arc;

use super::{IoOp, LoopPoint, LoopTimeRead, timers};
use crate::state::Choice;
use crate::value::Value;
use crate::vm::{Cx, JsResult, Unwind};

/// A place in `uv_run` the loop goes on from: a phase of libuv's loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    /// `uv__run_timers`: UV-1 step 2 before the loop (`pre_loop`), else step 3.11;
    /// `again`: UV-5's second pass.
    Timers { pre_loop: bool, again: bool },
    /// After a timers pass: UV-5's check for Node's timer due again.
    TimersDone { pre_loop: bool },
    /// The rest of the iteration after its timers pass (RT-1's and RT-3's drains).
    AfterTimers { pre_loop: bool },
    /// UV-1 step 3: the top of an iteration (`uv__loop_alive`, then up to poll).
    LoopTop,
    /// UV-1 steps 3.6–3.9: the poll phase's callbacks, check and close; `timed_out`: poll
    /// returned because the next timer is due.
    Poll { timed_out: bool },
    /// The loop is empty: `beforeExit`, `exit` (NODE-1).
    BeforeExit,
}

impl Cx<'_, '_> {
    /// NODE-4: evaluates the main module's body (the module's evaluation promise is watched
    /// for a rejection).
    pub(super) fn evaluate_main(&mut self) -> JsResult<()> {
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
            return self.uv_run(Phase::BeforeExit);
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
            return self.uv_run(Phase::LoopTop);
        }
        self.st.node.at = LoopPoint::PreLoopTimers;
        self.node_settle_point()
    }

    /// A rejected module evaluation (a top-level `await` that throws) is an uncaught error
    /// (Node's ESM loader: the process exits with code 1).
    pub(super) fn watch_module_evaluation(&mut self, module: &Value) {
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
            // Only MODEL-7 orders a read against the instants (`decisive_instants`): under the
            // ideal timing a read is counted, and a step starting many timers stays linear.
            let due = if agent.st.timing == crate::setup::Timing::Loaded {
                n.timers
                    .iter()
                    .map(|t| t.start + t.ms)
                    .chain(n.lists.iter().map(|l| l.expiry))
                    .collect()
            } else {
                Vec::new()
            };
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

    pub(super) fn node_step(&mut self, choice: Choice) -> JsResult<()> {
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
                    self.uv_run(Phase::Timers {
                        pre_loop,
                        again: true,
                    })
                } else {
                    self.trace("UV-5", || {
                        "libuv ≥ 1.48: a timer due again waits for the next pass".into()
                    });
                    self.uv_run(Phase::AfterTimers { pre_loop })
                }
            }
            Choice::CompleteIo(id) => {
                self.complete_io(id);
                if self.st.node.at == LoopPoint::PollWait {
                    // The poll phase wakes up with the completion.
                    return self.uv_run(Phase::Poll { timed_out: false });
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
    pub(super) fn node_advance_clock(&mut self, t: u64) -> JsResult<()> {
        self.trace("UV-4", || format!("uv__update_time: loop time is {t} ms"));
        self.st.node.fresh_timers.clear();
        self.st.clock = self.st.clock.max(t);
        let from = match self.st.node.at {
            LoopPoint::PreLoopTimers if self.st.profile().pre_loop_timers => Phase::Timers {
                pre_loop: true,
                again: false,
            },
            LoopPoint::PreLoopTimers => Phase::AfterTimers { pre_loop: true },
            LoopPoint::PollWait => Phase::Poll { timed_out: true },
            LoopPoint::EndOfIteration => Phase::Timers {
                pre_loop: false,
                again: false,
            },
            LoopPoint::Exited | LoopPoint::NotStarted | LoopPoint::TimersDueAgain { .. } => {
                return Ok(());
            }
        };
        self.uv_run(from)
    }

    /// NODE-1, UV-1: `uv_run` from `from` until the loop must wait for the host (it records
    /// the [`LoopPoint`] where it waits) or the process ends. The phases are libuv's, in the
    /// order `uv_run` runs them (the module documentation draws the loop); each returns the
    /// next one, or `None` where the loop waits.
    pub(super) fn uv_run(&mut self, from: Phase) -> JsResult<()> {
        let mut phase = Some(from);
        while let Some(p) = phase {
            phase = match p {
                Phase::Timers { pre_loop, again } => self.timers_phase(pre_loop, again)?,
                Phase::TimersDone { pre_loop } => self.after_timers_pass(pre_loop),
                Phase::AfterTimers { pre_loop } => self.continue_after_timers(pre_loop)?,
                Phase::LoopTop => self.node_loop_top()?,
                Phase::Poll { timed_out } => self.node_run_from_poll(timed_out)?,
                Phase::BeforeExit => self.node_before_exit()?,
            };
        }
        Ok(())
    }

    /// UV-1 step 2 (`pre_loop`, UV_RUN_DEFAULT) or step 3.11: `uv__run_timers`; `again`:
    /// UV-5's second pass (libuv < 1.48).
    pub(super) fn timers_phase(&mut self, pre_loop: bool, again: bool) -> JsResult<Option<Phase>> {
        match (pre_loop, again) {
            (_, true) => {}
            (true, false) => self.trace("UV-1", || "pre-loop timer pass (UV_RUN_DEFAULT)".into()),
            (false, false) => self.trace("NODE-1", || "timers phase".into()),
        }
        self.run_timers_phase()?;
        Ok(Some(Phase::TimersDone { pre_loop }))
    }

    /// UV-5 after a timers pass: Node's `RunTimers` re-armed its libuv timer from the loop
    /// time, which `getLibuvNow()` kept updating while the pass ran (its callbacks, then the
    /// ticks and microtasks when its callback scope closed). If that timer is already due,
    /// libuv before 1.48 (Node 20: `uv__run_timers` re-checks the heap after each callback)
    /// runs it again in this pass; libuv 1.48 (libuv PR #4250, Node ≥ 22) collects the due
    /// timers first and leaves it to the next pass. On the `node` host both are possible
    /// (`timers:again`, `timers:done`); Deno and Bun do not re-run.
    pub(super) fn after_timers_pass(&mut self, pre_loop: bool) -> Option<Phase> {
        if self.st.profile().timers_rerun_when_due
            && timers::next_expiry(self.st).is_some_and(|e| e <= self.st.clock)
        {
            self.st.node.at = LoopPoint::TimersDueAgain { pre_loop };
            return None;
        }
        Some(Phase::AfterTimers { pre_loop })
    }

    /// The rest of the iteration after its timers pass.
    pub(super) fn continue_after_timers(&mut self, pre_loop: bool) -> JsResult<Option<Phase>> {
        if pre_loop {
            // RT-3 (Deno): ticks left by an ES-module main drain now.
            self.drain_after_esm_main()?;
        } else {
            // RT-1 (Bun `autoTick`): handleRejectedPromises ends the turn; a rejection it
            // (or the check before the turn) found ends the process.
            self.bun_handle_rejected_promises()?;
            if self.st.node.dying_of_rejection {
                return Ok(Some(Phase::BeforeExit));
            }
        }
        Ok(Some(Phase::LoopTop))
    }

    /// At a clock point with nothing to decide (no timers), take the step directly.
    pub(super) fn node_settle_point(&mut self) -> JsResult<()> {
        if !self.loop_alive() && self.st.node.at == LoopPoint::PreLoopTimers {
            // RT-3 (Deno): ticks left by an ES-module main still run before the loop ends.
            self.drain_after_esm_main()?;
            if !self.loop_alive() {
                return self.uv_run(Phase::BeforeExit);
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
    pub(super) fn drain_after_esm_main(&mut self) -> JsResult<()> {
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
    pub(super) fn node_loop_top(&mut self) -> JsResult<Option<Phase>> {
        if !self.loop_alive() {
            return Ok(Some(Phase::BeforeExit));
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
                return Ok(Some(Phase::BeforeExit));
            }
        }
        // Pending callbacks, idle and prepare run nothing the subset can observe.
        // UV-2: poll does not block if immediates are pending or completions are waiting.
        let n = &self.st.node;
        if n.completed.is_empty() && n.immediates.is_empty() && n.signals.is_empty() {
            if (timers::next_expiry(self.st).is_none() && self.st.node.in_flight.is_empty())
                || (n.dying && !n.dying_of_rejection)
            {
                return Ok(Some(Phase::BeforeExit));
            }
            self.trace("UV-2", || "poll phase: nothing ready, waiting".into());
            self.st.node.at = LoopPoint::PollWait;
            return Ok(None);
        }
        Ok(Some(Phase::Poll { timed_out: false }))
    }

    /// The poll phase's callbacks (UV-3, UV-6), then check, close, and the end of the
    /// iteration. `timed_out`: poll returned because the next timer is due.
    pub(super) fn node_run_from_poll(&mut self, timed_out: bool) -> JsResult<Option<Phase>> {
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
        Ok(None)
    }

    /// NODE-13 (UV-3: signal watchers run last in the poll phase): each pending signal is
    /// emitted on `process`; a signal with no listener terminates the process.
    pub(super) fn deliver_signals(&mut self) -> JsResult<()> {
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
    pub(super) fn node_before_exit(&mut self) -> JsResult<Option<Phase>> {
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
                return Ok(None);
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
            Ok(_) if self.st.profile().no_microtasks_after_exit_event => {}
            // EmitProcessExit runs in a callback scope: promise jobs queued by 'exit'
            // listeners still run (nextTicks are dropped: the process is exiting, NODE-12).
            Ok(_) => self.run_microtasks()?,
            Err(Unwind::Exit(_)) => {}
            Err(Unwind::Throw(e)) => self.report_uncaught_node(e, false),
            Err(d) => return Err(d),
        }
        Ok(None)
    }
}
