//! Idle callbacks (HTML-13): `requestIdleCallback`, idle periods started by the event loop
//! when it has no runnable task (HTML-2 step 5), and the `timeout` option.

use super::WebObj;
use crate::heap::ObjKind;
use crate::host::object::HostObj;
use crate::host::{Task, TaskSource, TaskSteps};
use crate::value::Value;
use crate::vm::{Cx, JsResult};

/// An entry of the list of idle request callbacks (or of runnable idle callbacks).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IdleRequest {
    pub handle: u32,
    pub callback: Value,
}

/// The wait of a request's `timeout` option ("run steps after a timeout").
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IdleTimeout {
    pub handle: u32,
    /// Start time + timeout.
    pub deadline: u64,
    /// The wait completed and its task is queued.
    pub queued: bool,
}

/// The idle period's deadline cap (HTML-2 step 5.2: last idle period start + 50 ms).
pub const IDLE_PERIOD_MS: u64 = 50;

impl Cx<'_, '_> {
    /// HTML-13 `requestIdleCallback(callback, options)`: increment the idle callback
    /// identifier, append the callback to the list of idle request callbacks; with a positive
    /// `timeout`, run steps after a timeout that queue the idle callback timeout task.
    pub fn request_idle_callback(&mut self, callback: Value, timeout: u64) -> u32 {
        self.st.web.idle_identifier += 1;
        let handle = self.st.web.idle_identifier;
        self.st
            .web
            .idle_requests
            .push(IdleRequest { handle, callback });
        if timeout > 0 {
            let deadline = self.st.clock + timeout;
            self.st.web.idle_timeouts.push(IdleTimeout {
                handle,
                deadline,
                queued: false,
            });
        }
        self.trace("HTML-13", || {
            format!("requestIdleCallback: callback {handle} (timeout {timeout} ms)")
        });
        handle
    }

    /// HTML-13 `cancelIdleCallback(handle)`: remove the entry from both lists.
    pub fn cancel_idle_callback(&mut self, handle: f64) {
        let w = &mut self.st.web;
        w.idle_requests.retain(|r| f64::from(r.handle) != handle);
        w.runnable_idle.retain(|r| f64::from(r.handle) != handle);
        w.idle_timeouts.retain(|r| f64::from(r.handle) != handle);
        self.trace("HTML-13", || {
            format!("cancelIdleCallback: callback {handle}")
        });
    }

    /// HTML-2 step 5.2 computeDeadline for an idle period that started at `start`: start +
    /// 50 ms, capped by the soonest active timer (evaluated now, so a timer set during the
    /// period shortens it). The model has no render deadline: its rendering opportunities are
    /// not tied to the clock (MODEL-1).
    pub fn idle_deadline(&self, start: u64) -> u64 {
        let cap = start + IDLE_PERIOD_MS;
        self.st
            .html
            .timers
            .iter()
            .map(|t| t.deadline)
            .fold(cap, u64::min)
    }

    /// HTML-2 step 5 with HTML-13 "start an idle period": the loop has no runnable task. The
    /// pending idle request callbacks move to the runnable list and a task on the idle-task
    /// task source is queued to invoke them.
    pub fn start_idle_period(&mut self) {
        let now = self.st.clock;
        let deadline = self.idle_deadline(now);
        let w = &mut self.st.web;
        let pending = std::mem::take(&mut w.idle_requests);
        w.runnable_idle.extend(pending);
        w.idle_start = now;
        w.idle_task_queued = true;
        self.trace("HTML-13", || {
            format!("start an idle period (deadline {deadline} ms): queue an idle task")
        });
        self.st.html.tasks.push(Task {
            source: TaskSource::IdleTask,
            steps: TaskSteps::InvokeIdleCallbacks,
            nesting: 0,
        });
    }

    /// HTML-13 invoke idle callbacks: if the deadline has not passed, pop the first runnable
    /// idle callback and call it with an IdleDeadline; if more remain, queue another task.
    /// Past the deadline the rest wait for the next idle period.
    pub fn invoke_idle_callbacks(&mut self) -> JsResult<()> {
        self.st.web.idle_task_queued = false;
        let start = self.st.web.idle_start;
        let deadline = self.idle_deadline(start);
        if self.st.clock >= deadline || self.st.web.runnable_idle.is_empty() {
            self.trace("HTML-13", || {
                format!("invoke idle callbacks: the deadline ({deadline} ms) has passed")
            });
            return Ok(());
        }
        let r = self.st.web.runnable_idle.remove(0);
        self.st.web.idle_timeouts.retain(|t| t.handle != r.handle);
        let h = r.handle;
        self.trace("HTML-13", || format!("invoke idle callback {h}"));
        let d = self.alloc(ObjKind::Host(HostObj::Web(WebObj::IdleDeadline {
            start,
            did_timeout: false,
        })));
        self.call_host_callback(&r.callback, Value::Undefined, vec![Value::Object(d)])?;
        if !self.st.web.runnable_idle.is_empty() && !self.st.web.idle_task_queued {
            self.st.web.idle_task_queued = true;
            self.st.html.tasks.push(Task {
                source: TaskSource::IdleTask,
                steps: TaskSteps::InvokeIdleCallbacks,
                nesting: 0,
            });
        }
        Ok(())
    }

    /// HTML-13 invoke idle callback timeout: if the request is still in either list, remove
    /// it and call it with an IdleDeadline whose `didTimeout` is true.
    pub fn invoke_idle_timeout(&mut self, handle: u32) -> JsResult<()> {
        let w = &mut self.st.web;
        let r = if let Some(i) = w.idle_requests.iter().position(|r| r.handle == handle) {
            w.idle_requests.remove(i)
        } else if let Some(i) = w.runnable_idle.iter().position(|r| r.handle == handle) {
            w.runnable_idle.remove(i)
        } else {
            return Ok(());
        };
        w.idle_timeouts.retain(|t| t.handle != handle);
        self.trace("HTML-13", || {
            format!("idle callback {handle} timed out: invoke it")
        });
        let start = self.st.clock;
        let d = self.alloc(ObjKind::Host(HostObj::Web(WebObj::IdleDeadline {
            start,
            did_timeout: true,
        })));
        self.call_host_callback(&r.callback, Value::Undefined, vec![Value::Object(d)])
    }

    /// HTML-13 with HTML-10 step 4: every `timeout` wait that is due queues its task on the
    /// idle-task task source.
    pub fn queue_due_idle_timeouts(&mut self) {
        let clock = self.st.clock;
        let mut due: Vec<(u64, u32)> = self
            .st
            .web
            .idle_timeouts
            .iter()
            .filter(|t| !t.queued && t.deadline <= clock)
            .map(|t| (t.deadline, t.handle))
            .collect();
        due.sort();
        for (_, handle) in due {
            if let Some(t) = self
                .st
                .web
                .idle_timeouts
                .iter_mut()
                .find(|t| t.handle == handle)
            {
                t.queued = true;
            }
            self.trace("HTML-13", || {
                format!("idle callback {handle}'s timeout elapsed: queue an idle task")
            });
            self.st.html.tasks.push(Task {
                source: TaskSource::IdleTask,
                steps: TaskSteps::IdleTimeout { handle },
                nesting: 0,
            });
        }
    }
}

evloop_engine::heap_refs!(struct [] IdleRequest { callback });
