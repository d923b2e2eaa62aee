//! Hosts: the event loops that run ECMAScript jobs. A host profile is data plus a few hooks
//! over shared machinery (task queues, timers, the microtask checkpoint).

pub mod builtin;
pub mod console;
pub mod cx;
mod hooks;
pub mod html;
pub mod node;
pub mod object;
pub mod profile;
pub mod web;

use crate::es::promise::{Job, RejectionOperation};
use crate::state::{Choice, Microtask, State};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult};

pub use html::fetch::{self, Fetch};
pub use html::task::{Task, TaskSource, TaskSteps};
pub use html::timers::Timer;
pub use profile::{Profile, ProfileFlag};

/// Which host (runtime profile) a run models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Host {
    /// A browser window's event loop (WHATWG HTML §8.1.7), as the specification and Firefox
    /// run it.
    Html,
    /// Chromium (Blink): the HTML loop with Chromium's profile (RT-5).
    Chromium,
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
    pub const ALL: [Host; 6] = [
        Host::Html,
        Host::Chromium,
        Host::Node,
        Host::NodeEsm,
        Host::Deno,
        Host::Bun,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Host::Html => "html",
            Host::Chromium => "chromium",
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

    /// The host whose profile this one's deviations are measured from: Node's for the
    /// Node-compatible hosts, the HTML specification's for the browsers.
    pub fn base(self) -> Host {
        if self.is_node() {
            Host::Node
        } else {
            Host::Html
        }
    }

    /// The browser hosts: one HTML loop, with profile differences (RT-5).
    pub fn is_html(self) -> bool {
        matches!(self, Host::Html | Host::Chromium)
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

    /// Global names that Node.js (20, 22, 24), Deno, Bun and both browsers all define, beyond
    /// ECMA-262's: where a host here does not resolve one of them, it is a global the model
    /// lacks, not an undeclared name, so the frontend refuses it by name rather than
    /// answering `typeof` with "undefined".
    pub const COMMON_GLOBALS: [&'static str; 28] = [
        "structuredClone",
        "URL",
        "URLSearchParams",
        "TextEncoder",
        "TextDecoder",
        "AbortController",
        "AbortSignal",
        "Event",
        "EventTarget",
        "atob",
        "btoa",
        "fetch",
        "Request",
        "Response",
        "Headers",
        "FormData",
        "Blob",
        "crypto",
        "performance",
        "WebAssembly",
        "MessageChannel",
        "MessagePort",
        "MessageEvent",
        "BroadcastChannel",
        "queueMicrotask",
        "setTimeout",
        "setInterval",
        "console",
    ];

    /// Resolves a global name for this host (the frontend's `resolve_global`).
    pub fn global_resolver(self) -> fn(&str) -> Option<crate::ir::Global> {
        match self {
            Host::Html | Host::Chromium => |name| Host::Html.resolve_global(name),
            Host::Node | Host::NodeEsm | Host::Deno | Host::Bun => {
                |name| Host::Node.resolve_global(name)
            }
        }
    }

    pub fn from_name(name: &str) -> Option<Host> {
        Host::ALL.into_iter().find(|h| h.name() == name)
    }
}

/// The host's options in `st`.
pub fn choices(st: &State) -> Vec<Choice> {
    match st.host {
        Host::Html | Host::Chromium => html::choices(st),
        Host::Node | Host::NodeEsm | Host::Deno | Host::Bun => node::choices(st),
    }
}

/// The first of the host's options in `st` ([`choices`]`.first()`), without the dry runs that
/// find Node's step-dependent options, which come after the others.
pub fn first_choice(st: &State) -> Option<Choice> {
    match st.host {
        Host::Html | Host::Chromium => html::choices(st).first().copied(),
        Host::Node | Host::NodeEsm | Host::Deno | Host::Bun => {
            node::base_choices(st).first().copied()
        }
    }
}

impl Cx<'_, '_> {
    /// Carries out a host choice.
    pub fn perform_choice(&mut self, choice: Choice) -> JsResult<()> {
        if self.st.host.is_node() {
            return self.node_perform(choice);
        }
        self.html_perform(choice)
    }

    /// The deterministic start of a run: the host runs the program's main script.
    pub fn start(&mut self) -> JsResult<()> {
        match self.st.host {
            Host::Html | Host::Chromium => self.run_classic_script(),
            // The `start` choice runs the main module (MODEL-4 may split it).
            Host::Node | Host::NodeEsm | Host::Deno | Host::Bun => Ok(()),
        }
    }

    /// HostPromiseRejectionTracker (ES-13): HTML-14 on the HTML host, NODE-11 on Node's.
    pub fn host_promise_rejection_tracker(&mut self, promise: ObjId, op: RejectionOperation) {
        if self.st.host.is_node() {
            return self.node_rejection_tracker(promise, op);
        }
        self.html_rejection_tracker(promise, op)
    }

    /// HTML "report an exception" (HTML-7); in Node an uncaught exception goes to `process`
    /// (and ends it without a listener, NODE-11).
    pub fn report_exception(&mut self, e: Value) -> JsResult<()> {
        if self.st.host.is_node() {
            return self.node_uncaught_exception(e, false);
        }
        self.html_report_exception(e)
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
