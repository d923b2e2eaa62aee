//! Hosts: the event loops that run ECMAScript jobs. A host profile is data plus a few hooks
//! over shared machinery (task queues, timers, the microtask checkpoint).

pub mod builtin;
pub mod cx;
pub mod fetch;
mod hooks;
mod html;
pub mod node;
pub mod object;
mod timers;
pub mod web;

use crate::es::promise::{Job, RejectionOperation};
use crate::state::{Choice, Microtask, State};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult, Unwind};

pub use fetch::Fetch;
pub use timers::Timer;

/// Which host (runtime profile) a run models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Host {
    /// A browser window's event loop (WHATWG HTML §8.1.7).
    Html,
    /// Node.js ≥ 20 with a CommonJS main module (NODE-1..NODE-12, UV-1..UV-7).
    Node,
    /// Node.js ≥ 20 with an ES module main (NODE-4).
    NodeEsm,
    /// Deno 2.9 running a Node-style program (its main is an ES module; RT-3).
    Deno,
    /// Bun 1.4 (RT-1, RT-2).
    Bun,
}

impl Host {
    pub const ALL: [Host; 5] = [Host::Html, Host::Node, Host::NodeEsm, Host::Deno, Host::Bun];

    pub fn name(self) -> &'static str {
        match self {
            Host::Html => "html",
            Host::Node => "node",
            Host::NodeEsm => "node-esm",
            Host::Deno => "deno",
            Host::Bun => "bun",
        }
    }

    /// The Node-compatible hosts (Node.js, Deno, Bun): one loop, with profile differences.
    pub fn is_node(self) -> bool {
        matches!(self, Host::Node | Host::NodeEsm | Host::Deno | Host::Bun)
    }

    /// Whether a main file named `name` is an ES module on this host (Deno treats every
    /// `.js` file as a module; elsewhere `.mjs`, or the `node-esm` host).
    pub fn main_is_module(self, name: &str) -> bool {
        match self {
            Host::NodeEsm => true,
            Host::Deno => !name.ends_with(".cjs"),
            _ => name.ends_with(".mjs"),
        }
    }

    /// Resolves a global name for this host (the frontend's `resolve_global`).
    pub fn global_resolver(self) -> fn(&str) -> Option<crate::ir::Global> {
        match self {
            Host::Html => |name| Host::Html.resolve_global(name),
            Host::Node | Host::NodeEsm | Host::Deno | Host::Bun => {
                |name| Host::Node.resolve_global(name)
            }
        }
    }

    pub fn from_name(name: &str) -> Option<Host> {
        Host::ALL.into_iter().find(|h| h.name() == name)
    }
}

/// HTML-1 task sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskSource {
    Timer,
    Networking,
    DomManipulation,
    /// HTML-3: update the rendering.
    Rendering,
    /// HTML-11: `window.postMessage`.
    PostedMessage,
    /// HTML-11: a MessagePort's port message queue (one task source per port, by port id).
    PortMessageQueue(u32),
    /// HTML-13: idle callbacks.
    IdleTask,
    /// User interaction (HTML-1).
    UserInteraction,
}

impl TaskSource {
    /// The named task sources (port message queues are numbered: `port:N`).
    pub const ALL: [TaskSource; 7] = [
        TaskSource::Timer,
        TaskSource::Networking,
        TaskSource::DomManipulation,
        TaskSource::Rendering,
        TaskSource::PostedMessage,
        TaskSource::IdleTask,
        TaskSource::UserInteraction,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TaskSource::Timer => "timer",
            TaskSource::Networking => "networking",
            TaskSource::DomManipulation => "dom-manipulation",
            TaskSource::Rendering => "rendering",
            TaskSource::PostedMessage => "posted-message",
            TaskSource::PortMessageQueue(_) => "port",
            TaskSource::IdleTask => "idle-task",
            TaskSource::UserInteraction => "user-interaction",
        }
    }
}

/// What a task does when it runs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TaskSteps {
    /// HTML-9 step 9: the timer task of timer `id` armed with `handle`.
    Timer { id: u32, handle: u64 },
    /// HTML-15: the response of request `id` arrived; resolve its promise.
    FetchResponse { id: u32 },
    /// HTML-14: fire `unhandledrejection` for these promises (report them if unhandled).
    NotifyRejected { promises: Vec<ObjId> },
    /// HTML-14: fire `rejectionhandled` for this promise.
    RejectionHandled { promise: ObjId },
    /// HTML-4: update the rendering.
    UpdateRendering,
    /// HTML-11: fire `message` at `target` with `data`.
    Message { target: Value, data: Value },
    /// HTML-13: invoke idle callbacks (the current idle period).
    InvokeIdleCallbacks,
    /// HTML-13: invoke idle callback timeout for request `handle`.
    IdleTimeout { handle: u32 },
    /// HTML "the end" step 5: fire `DOMContentLoaded` at the document.
    DomContentLoaded,
    /// HTML "the end" step 7: the document is complete; fire `load` at the window.
    WindowLoad,
    /// HTML-15: an XMLHttpRequest's response reaches `state` (3 LOADING, 4 DONE).
    XhrStep { xhr: ObjId, state: u8 },
    /// A user event (HTML-7): dispatch it at its target.
    UserEvent { event: web::UserEvent },
}

/// A task (HTML §8.1.7.1): its source, its steps, and the timer nesting level stored on it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Task {
    pub source: TaskSource,
    pub steps: TaskSteps,
    pub nesting: u32,
}

/// The host's options in `st`.
pub fn choices(st: &State) -> Vec<Choice> {
    match st.host {
        Host::Html => html::choices(st),
        Host::Node | Host::NodeEsm | Host::Deno | Host::Bun => node::choices(st),
    }
}

impl Cx<'_, '_> {
    /// Carries out a host choice.
    pub fn perform_choice(&mut self, choice: Choice) -> JsResult<()> {
        if self.st.host.is_node() {
            return self.node_perform(choice);
        }
        match choice {
            Choice::CompleteIo(_)
            | Choice::Start
            | Choice::StartInLoop
            | Choice::MsBoundary(_)
            | Choice::Elapse(..)
            | Choice::TimersAgain(_)
            | Choice::SubMsCut(..)
            | Choice::EagerOp(_) => Ok(()),
            Choice::RunTask(source) => self.run_task(source),
            Choice::CompleteFetch(id) => {
                self.complete_fetch(id);
                Ok(())
            }
            Choice::TimerWaitCompletes(handle) => {
                self.complete_timer_wait(handle);
                Ok(())
            }
            Choice::AdvanceClock(t) => {
                self.trace("HTML-10", || format!("the clock advances to {t} ms"));
                self.st.clock = self.st.clock.max(t);
                self.queue_due_timers();
                Ok(())
            }
            Choice::RenderOpportunity => {
                self.rendering_opportunity();
                Ok(())
            }
            Choice::IdlePeriod => {
                self.start_idle_period();
                Ok(())
            }
            Choice::UserEvent => {
                self.user_event();
                Ok(())
            }
        }
    }

    /// The deterministic start of a run: the host runs the program's main script.
    pub fn start(&mut self) -> JsResult<()> {
        match self.st.host {
            Host::Html => self.run_classic_script(),
            // The `start` choice runs the main module (MODEL-4 may split it).
            Host::Node | Host::NodeEsm | Host::Deno | Host::Bun => Ok(()),
        }
    }

    /// Runs the program's script: the first task, followed by a microtask checkpoint.
    pub fn run_classic_script(&mut self) -> JsResult<()> {
        self.trace("HTML-2", || "task: run the classic script".into());
        let env = self.st.script_env;
        match self.run_script(env) {
            Ok(_) => {}
            Err(Unwind::Throw(e)) => self.report_exception(e)?,
            Err(d) => return Err(d),
        }
        // HTML-7: clean up after running script — the stack is empty, so checkpoint.
        self.perform_microtask_checkpoint()?;
        // The parser then reaches the end of the document.
        self.the_end();
        self.queue_due_timers();
        Ok(())
    }

    /// HostEnqueuePromiseJob (ES-2; HTML-8): queue a microtask running the job. Node
    /// (NODE-5) uses V8's one microtask queue the same way, and `queueMicrotask` feeds the
    /// same FIFO queue as promise jobs (ES-15).
    pub fn host_enqueue_promise_job(&mut self, job: Job, queued_by: &'static str) {
        self.trace(queued_by, || {
            format!("queue a microtask: {}", describe_job(&job))
        });
        self.st.microtasks.push_back(Microtask { job, queued_by });
    }

    /// HostPromiseRejectionTracker (ES-13; HTML-14).
    pub fn host_promise_rejection_tracker(&mut self, promise: ObjId, op: RejectionOperation) {
        if self.st.host.is_node() {
            return self.node_rejection_tracker(promise, op);
        }
        match op {
            RejectionOperation::Reject => {
                self.trace("HTML-14", || {
                    "promise rejected with no handler: about to be notified".into()
                });
                self.st.about_to_be_notified.push(promise);
            }
            RejectionOperation::Handle => {
                if let Some(i) = self
                    .st
                    .about_to_be_notified
                    .iter()
                    .position(|p| *p == promise)
                {
                    self.st.about_to_be_notified.remove(i);
                } else if let Some(i) = self
                    .st
                    .outstanding_rejections
                    .iter()
                    .position(|p| *p == promise)
                {
                    self.trace("HTML-14", || {
                        "a handler was attached to a reported rejection: queue a task to fire rejectionhandled".into()
                    });
                    self.st.outstanding_rejections.remove(i);
                    self.st.tasks.push(Task {
                        source: TaskSource::DomManipulation,
                        steps: TaskSteps::RejectionHandled { promise },
                        nesting: 0,
                    });
                }
            }
        }
    }

    /// HTML "report an exception": the error is recorded; the event loop goes on. In Node an
    /// uncaught exception goes to `process` (and ends it without a listener).
    pub fn report_exception(&mut self, e: Value) -> JsResult<()> {
        if self.st.host.is_node() {
            return self.node_uncaught_exception(e, false);
        }
        let text = self.describe(&e);
        // HTML "report an exception": fire a cancelable `error` event (an ErrorEvent) at the
        // global, unless already reporting one; if no listener canceled it, the error is
        // reported to the developer console (an `Uncaught` error of the outcome).
        if !self.st.web.error_reporting {
            self.st.web.error_reporting = true;
            let r = self.fire_error_event(&e, &text);
            self.st.web.error_reporting = false;
            if !r? {
                self.trace("HTML-7", || {
                    format!("report the exception: Uncaught {text} (canceled by a listener)")
                });
                return Ok(());
            }
        }
        self.trace("HTML-7", || {
            format!("report the exception: Uncaught {text}")
        });
        self.st.errors.push(format!("Uncaught {text}"));
        Ok(())
    }

    /// Calls a callback on behalf of the host ("call a user object's operation") and then
    /// "clean up after running script" (HTML-7): if the JavaScript stack is now empty,
    /// perform a microtask checkpoint.
    pub fn call_host_callback(&mut self, f: &Value, this: Value, args: Vec<Value>) -> JsResult<()> {
        match self.call(f, this, args) {
            Ok(_) => {}
            Err(Unwind::Throw(e)) => self.report_exception(e)?,
            Err(d) => return Err(d),
        }
        if self.depth == 0 {
            self.perform_microtask_checkpoint()?;
        }
        Ok(())
    }

    /// HTML-6 perform a microtask checkpoint: guarded by the re-entrancy flag (step 1), runs
    /// microtasks oldest first until the queue is empty, including ones queued meanwhile
    /// (step 3), then notifies about rejected promises (step 4).
    pub fn perform_microtask_checkpoint(&mut self) -> JsResult<()> {
        if self.st.performing_microtask_checkpoint {
            return Ok(());
        }
        self.st.performing_microtask_checkpoint = true;
        let queued = self.st.microtasks.len();
        self.trace("HTML-6", || {
            format!("microtask checkpoint: {queued} queued")
        });
        let saved_nesting = self.st.current_task_nesting;
        while let Some(m) = self.st.microtasks.pop_front() {
            // While a microtask runs it is the currently running task (HTML-9 step 3: timers
            // created here get nesting level 0).
            self.st.current_task_nesting = 0;
            let why = m.queued_by;
            self.trace("ES-1", || {
                format!("run microtask ({}, queued by {why})", describe_job(&m.job))
            });
            self.run_job(m.job)?;
        }
        self.st.current_task_nesting = saved_nesting;
        self.notify_about_rejected_promises();
        self.st.performing_microtask_checkpoint = false;
        Ok(())
    }
}

/// A short description of a job for traces.
pub fn describe_job(job: &Job) -> &'static str {
    match job {
        Job::Reaction { reaction, .. } => match (reaction.handler.is_some(), reaction.kind) {
            (true, crate::es::promise::ReactionType::Fulfill) => {
                "PromiseReactionJob (fulfilled handler)"
            }
            (true, crate::es::promise::ReactionType::Reject) => {
                "PromiseReactionJob (rejected handler)"
            }
            (false, _) => "PromiseReactionJob (empty handler: pass through)",
        },
        Job::ResolveThenable { .. } => "PromiseResolveThenableJob",
        Job::Callback { callback }
            if builtin::web_fn(callback) == Some(web::WebFn::NotifyMutationObservers) =>
        {
            "notify mutation observers"
        }
        Job::Callback { .. } => "queueMicrotask callback",
        Job::CallThen { .. } => "call a thenable's then (RT-2)",
    }
}

evloop_engine::heap_refs!(enum [] TaskSteps {
    Timer { .. },
    FetchResponse { .. },
    NotifyRejected { promises },
    RejectionHandled { promise },
    UpdateRendering,
    Message { target, data },
    InvokeIdleCallbacks,
    IdleTimeout { .. },
    DomContentLoaded,
    WindowLoad,
    XhrStep { xhr, .. },
    UserEvent { .. },
});
evloop_engine::heap_refs!(struct [] Task { steps });
