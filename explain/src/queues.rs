//! The host's queues in a [`State`], in words: the microtask queue (ES-2, HTML-8), and either
//! the HTML event loop's task queues by source, its timers, requests, rendering and idle
//! callbacks, or Node's nextTick queue, timers in due order, thread-pool requests, poll
//! callbacks and immediates. Each queue is listed even when empty, so a step-through shows it
//! fill and drain.

use evloop_model::State;
use evloop_model::host::node::LoopPoint;
use evloop_model::host::web::UserEvent;
use evloop_model::host::{TaskSource, TaskSteps};
use evloop_model::value::Value;

use crate::snapshot::Queue;
use crate::words;

/// The most entries a snapshot lists of one queue; the rest are counted in a last entry
/// (`… and N more`), so a program that queues thousands of jobs does not make every step
/// hold them all.
pub const MAX_ITEMS: usize = 20;

/// A queue; its `items` come from [`Listed::listed`].
fn queue(key: &str, name: &str, rule: &str, items: Vec<String>) -> Queue {
    Queue {
        key: key.into(),
        name: name.into(),
        rule: rule.into(),
        items,
    }
}

/// Entries of a queue in words, at most [`MAX_ITEMS`] of them.
trait Listed: Iterator + Sized {
    /// The first [`MAX_ITEMS`] entries in words (`f`), then `… and N more` for the rest,
    /// which are counted, not formatted.
    fn listed(self, mut f: impl FnMut(Self::Item) -> String) -> Vec<String> {
        let mut out = Vec::new();
        let mut more = 0usize;
        for entry in self {
            if out.len() < MAX_ITEMS {
                out.push(f(entry));
            } else {
                more += 1;
            }
        }
        if more > 0 {
            out.push(format!("… and {more} more"));
        }
        out
    }
}

impl<I: Iterator> Listed for I {}

/// A numbered callback in words: `immediate 2: cb (line 4)`.
fn numbered(st: &State, what: &str, n: impl std::fmt::Display, callback: &Value) -> String {
    let callable = words::callable(&st.realm.heap, &st.program.0, callback);
    format!("{what} {n}: {callable}")
}

/// Every queue of `st`'s host, in the order the host serves them.
pub fn queues(st: &State) -> Vec<Queue> {
    if st.host.is_node() {
        node_queues(st)
    } else {
        html_queues(st)
    }
}

/// The microtask queue (ES-2: HostEnqueuePromiseJob; HTML-8: one FIFO queue for promise jobs
/// and `queueMicrotask`).
fn microtasks(st: &State, rule: &str) -> Queue {
    let heap = &st.realm.heap;
    let program = &st.program.0;
    let items = st
        .microtasks
        .iter()
        .listed(|m| words::job(heap, program, &m.job));
    queue("microtasks", "microtask queue", rule, items)
}

/// The HTML host: HTML-1 task queues by source, HTML-9/10 timers, HTML-15 requests, HTML-3/5
/// rendering and animation frame callbacks, HTML-13 idle callbacks.
fn html_queues(st: &State) -> Vec<Queue> {
    let heap = &st.realm.heap;
    let program = &st.program.0;
    let mut out = vec![microtasks(st, "HTML-8")];
    // HTML-1: one queue per task source, in queueing order within the source.
    let mut sources: Vec<TaskSource> = TaskSource::ALL.to_vec();
    for t in &st.html.tasks {
        if !sources.contains(&t.source) {
            sources.push(t.source);
        }
    }
    for source in sources {
        let items: Vec<String> = st
            .html
            .tasks
            .iter()
            .filter(|t| t.source == source)
            .listed(|t| task_steps(st, &t.steps));
        let name = match source {
            TaskSource::PortMessageQueue(p) => format!("port {p}'s message queue"),
            s => format!("{} task queue", s.name()),
        };
        let key = match source {
            TaskSource::PortMessageQueue(p) => format!("task:port:{p}"),
            s => format!("task:{}", s.name()),
        };
        out.push(Queue {
            key,
            name,
            rule: "HTML-1".into(),
            items,
        });
    }
    // HTML-10: timers whose wait has not completed yet, earliest deadline first.
    let mut waiting: Vec<_> = st.html.timers.iter().filter(|t| !t.queued).collect();
    waiting.sort_by_key(|t| (t.deadline, t.id));
    let timers = waiting.iter().listed(|t| {
        format!(
            "timer {}: {} due at {} ms{}",
            t.id,
            words::callable(heap, program, &t.handler),
            t.deadline,
            if t.repeat { " (interval)" } else { "" }
        )
    });
    out.push(queue("timers", "timers waiting", "HTML-10", timers));
    // HTML-15: requests in flight.
    let fetches = st
        .html
        .fetches
        .iter()
        .listed(|f| format!("request {}: {}", f.id, f.url));
    out.push(queue(
        "fetches",
        "network requests in flight",
        "HTML-15",
        fetches,
    ));
    // HTML-3/HTML-5: rendering.
    let mut render: Vec<String> = st
        .web
        .raf_callbacks
        .iter()
        .listed(|(h, cb)| numbered(st, "rAF", h, cb));
    if st.web.rendering_queued {
        render.insert(0, "an update-the-rendering task is queued".into());
    }
    out.push(queue(
        "animation-frames",
        "animation frame callbacks",
        "HTML-5",
        render,
    ));
    // HTML-13: idle callbacks.
    let idle = st
        .web
        .idle_requests
        .iter()
        .listed(|r| numbered(st, "idle callback", r.handle, &r.callback));
    out.push(queue("idle", "idle callbacks", "HTML-13", idle));
    out
}

/// A task's steps in words (HTML-1).
fn task_steps(st: &State, steps: &TaskSteps) -> String {
    let heap = &st.realm.heap;
    let program = &st.program.0;
    match steps {
        TaskSteps::Timer { id, .. } => match st.html.timers.iter().find(|t| t.id == *id) {
            Some(t) => format!("timer {id}: {}", words::callable(heap, program, &t.handler)),
            None => format!("timer {id} (cleared: does nothing)"),
        },
        TaskSteps::FetchResponse { id } => {
            match st.html.fetch_responses.iter().find(|f| f.id == *id) {
                Some(f) => format!("response of request {id}: {}", f.url),
                None => format!("response of request {id}"),
            }
        }
        TaskSteps::NotifyRejected { promises } => format!(
            "notify about {} rejected promise{}",
            promises.len(),
            if promises.len() == 1 { "" } else { "s" }
        ),
        TaskSteps::RejectionHandled { .. } => "fire rejectionhandled".into(),
        TaskSteps::UpdateRendering => "update the rendering".into(),
        TaskSteps::Message { data, .. } => {
            format!("message event, data {}", words::value(heap, program, data))
        }
        TaskSteps::InvokeIdleCallbacks => "invoke idle callbacks".into(),
        TaskSteps::IdleTimeout { handle } => format!("idle callback {handle} times out"),
        TaskSteps::DomContentLoaded => "fire DOMContentLoaded at the document".into(),
        TaskSteps::WindowLoad => "fire load at the window".into(),
        TaskSteps::XhrStep { state, .. } => format!("XMLHttpRequest reaches readyState {state}"),
        TaskSteps::UserEvent { event } => match event {
            UserEvent::Click(sel) => format!("the user clicks {sel}"),
            UserEvent::Resize(w, h) => format!("the user resizes the window to {w}x{h}"),
        },
    }
}

/// The Node hosts: NODE-3 nextTick queue, the microtask queue, NODE-7 timers in due order,
/// UV-6 thread-pool requests and the callbacks the poll phase will run, NODE-9 immediates.
fn node_queues(st: &State) -> Vec<Queue> {
    let heap = &st.realm.heap;
    let program = &st.program.0;
    let ticks = st
        .node
        .ticks
        .iter()
        .listed(|t| format!("nextTick {}", words::callable(heap, program, &t.callback)));
    let mut out = vec![
        queue("next-ticks", "nextTick queue", "NODE-3", ticks),
        microtasks(st, "NODE-2"),
    ];
    // NODE-7: the lists by expiry (ties: the older list first), each in insertion order.
    let mut lists: Vec<_> = st.node.lists.iter().collect();
    lists.sort_by_key(|l| (l.expiry, l.id));
    let timers = lists
        .iter()
        .flat_map(|l| &l.timers)
        .filter_map(|id| st.node.timers.iter().find(|t| t.id == *id))
        .listed(|t| {
            format!(
                "timer {}: {} ({} ms{}), due at {} ms",
                t.id,
                words::callable(heap, program, &t.callback),
                t.ms,
                if t.repeat { ", interval" } else { "" },
                t.start + t.ms
            )
        });
    out.push(queue("timers", "timers (due order)", "NODE-7", timers));
    let in_flight = st
        .node
        .in_flight
        .iter()
        .listed(|r| format!("request {}: {}", r.id, r.describe()));
    out.push(queue(
        "thread-pool",
        "thread-pool requests in flight",
        "UV-6",
        in_flight,
    ));
    let completed = st
        .node
        .completed
        .iter()
        .listed(|r| format!("request {} done: {}", r.id, r.describe()));
    out.push(queue(
        "poll",
        "completed requests (poll phase)",
        "UV-6",
        completed,
    ));
    let immediates = st
        .node
        .immediates
        .iter()
        .listed(|i| numbered(st, "immediate", i.id, &i.callback));
    out.push(queue(
        "immediates",
        "immediate queue (check phase)",
        "NODE-9",
        immediates,
    ));
    out
}

/// Where Node's loop waits for the host's decision (NODE-1, UV-1), in words.
pub fn loop_point(at: LoopPoint) -> &'static str {
    match at {
        LoopPoint::NotStarted => "not started: the main module has not run",
        LoopPoint::PreLoopTimers => "before the pre-loop timers pass (UV-1 step 2)",
        LoopPoint::PollWait => "poll phase: waiting for I/O or the next timer",
        LoopPoint::EndOfIteration => "end of the turn: before the timers pass",
        LoopPoint::TimersDueAgain { .. } => "timers pass ended with a timer due again (UV-5)",
        LoopPoint::Exited => "the process has exited",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_queue_is_cut_and_counted() {
        let items = (0..MAX_ITEMS + 7).listed(|i| i.to_string());
        let q = queue("microtasks", "microtask queue", "HTML-8", items);
        assert_eq!(q.items.len(), MAX_ITEMS + 1);
        assert_eq!(q.items[MAX_ITEMS - 1], (MAX_ITEMS - 1).to_string());
        assert_eq!(q.items[MAX_ITEMS], "… and 7 more");
        let short = queue(
            "timers",
            "timers",
            "HTML-10",
            ["a"].iter().listed(|s| s.to_string()),
        );
        assert_eq!(short.items, ["a"]);
    }
}
