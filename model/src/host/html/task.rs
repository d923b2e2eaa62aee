//! HTML-1: tasks and task sources (HTML §8.1.7.1): what a task is, which source it comes
//! from (each source's queue is FIFO; the event loop picks which source to serve, a host
//! choice), and what it does when it runs.

use crate::value::{ObjId, Value};

use crate::host::web;

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
