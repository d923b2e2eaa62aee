//! NODE-2, NODE-3, NODE-11: after a callback from the loop into JavaScript, the nextTick queue
//! and the microtask queue drain (`processTicksAndRejections`), and unhandled rejections are
//! processed (`processPromiseRejections`, with the tracker that feeds it).

use super::Tick;
use crate::cycle::CycleWatch;
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult, Unwind};

impl Cx<'_, '_> {
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
        let mut watch = CycleWatch::default();
        loop {
            self.watch_for_cycle(&mut watch, "the microtask queue")?;
            let Some(front) = self.st.microtasks.front() else {
                break;
            };
            // The rule fires before the job leaves the queue (a trace announces the step).
            let (what, why) = (crate::host::describe_job(&front.job), front.queued_by);
            self.trace("ES-1", || {
                format!("run microtask ({what}, queued by {why})")
            });
            let Some(m) = self.st.microtasks.pop_front() else {
                break;
            };
            self.st.node.in_microtask = true;
            let r = self.run_job(m.job);
            self.st.node.in_microtask = false;
            r?;
            if std::mem::take(&mut self.st.node.first_tick_pending) {
                // Bun: the process's first nextTick, queued by a microtask, runs right after it.
                self.trace("RT-1", || {
                    "Bun: the first nextTick runs right after its microtask".into()
                });
                self.run_tick_queue()?;
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
    pub(super) fn bun_handle_rejected_promises(&mut self) -> JsResult<()> {
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

    /// NODE-3: every queued nextTick callback, including ones queued meanwhile; an exception
    /// goes to `process` (`process._fatalException`, NODE-11).
    fn run_tick_queue(&mut self) -> JsResult<()> {
        let mut watch = CycleWatch::default();
        loop {
            self.watch_for_cycle(&mut watch, "the nextTick queue")?;
            let Some(t) = self.st.node.ticks.pop_front() else {
                break;
            };
            let r = self.call(&t.callback, Value::Undefined, t.args).map(|_| ());
            if let Err(Unwind::Throw(e)) = r {
                self.node_uncaught_exception(e, false)?;
            } else {
                r?;
            }
        }
        Ok(())
    }

    /// NODE-3: the loop of `processTicksAndRejections`; `check_rejections`: whether it calls
    /// `processPromiseRejections` (NODE-11) when both queues are empty.
    pub(super) fn drain_ticks_and_microtasks(&mut self, check_rejections: bool) -> JsResult<()> {
        let mut watch = CycleWatch::default();
        loop {
            self.watch_for_cycle(&mut watch, "processTicksAndRejections")?;
            if !self.st.node.ticks.is_empty() {
                self.trace("NODE-3", || {
                    "processTicksAndRejections: run the nextTick queue".into()
                });
            }
            self.run_tick_queue()?;
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
    pub(super) fn process_promise_rejections(&mut self) -> JsResult<bool> {
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
}
