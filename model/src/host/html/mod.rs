//! The HTML event loop (WHATWG HTML §8.1.7.3): which task runs next, notifying about
//! rejected promises.

pub mod checkpoint;
pub mod fetch;
pub mod task;
pub mod timers;

use crate::es::promise::PromiseState;
use crate::heap::ObjKind;
use crate::setup::Timing;
use crate::state::{Choice, State};
use crate::value::ObjId;
use crate::vm::{Cx, JsResult};
use fetch::Fetch;
use task::{Task, TaskSource, TaskSteps};
use timers::Timer;

/// The HTML event loop's part of the state (HTML §8.1.7): its task queues, the map of active
/// timers, the network requests in flight, and the microtask checkpoint's and HTML-14's state.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HtmlState {
    /// Queued tasks in queueing order; each source's tasks are FIFO among themselves (HTML-1).
    pub tasks: Vec<Task>,
    /// Active timers: the map of setTimeout and setInterval IDs with their waits (HTML-9/10).
    pub timers: Vec<Timer>,
    /// In-flight network requests (HTML-15).
    pub fetches: Vec<Fetch>,
    /// Completed requests whose response task is queued.
    pub fetch_responses: Vec<Fetch>,
    pub next_fetch_id: u32,
    pub next_timer_id: u32,
    pub next_timer_handle: u64,
    /// HTML-6's "performing a microtask checkpoint" flag.
    pub performing_microtask_checkpoint: bool,
    /// HTML-9 step 3: the timer nesting level of the currently running task.
    pub current_task_nesting: u32,
    /// HTML-14: the about-to-be-notified rejected promises list.
    pub about_to_be_notified: Vec<ObjId>,
    /// HTML-14: the outstanding rejected promises weak set.
    pub outstanding_rejections: Vec<ObjId>,
}

impl Default for HtmlState {
    fn default() -> Self {
        HtmlState {
            tasks: Vec::new(),
            timers: Vec::new(),
            fetches: Vec::new(),
            fetch_responses: Vec::new(),
            next_fetch_id: 1,
            next_timer_id: 1,
            next_timer_handle: 1,
            performing_microtask_checkpoint: false,
            current_task_nesting: 0,
            about_to_be_notified: Vec::new(),
            outstanding_rejections: Vec::new(),
        }
    }
}

/// Whether a task of `source` is runnable: a port message queue only once enabled (HTML-11).
fn runnable(st: &State, source: TaskSource) -> bool {
    match source {
        TaskSource::PortMessageQueue(p) => st.web.ports.get(p as usize).is_some_and(|p| p.enabled),
        _ => true,
    }
}

/// HTML-2 step 2.1: any task source with a runnable task may be chosen. When none has one,
/// the loop is idle: with idle callbacks pending it starts an idle period first (HTML-2
/// step 5, HTML-13; the model takes none of the optional delay), otherwise the clock advances
/// to the next instant at which a timer's wait completes (HTML-10 step 4; MODEL-1: no
/// implementation-defined extra wait). While animation frame callbacks, or a scroll or resize
/// that someone listens for, are pending and no rendering task is queued, a rendering
/// opportunity may arrive (HTML-3, HTML-4 steps 8–9); it is listed before the idle loop's
/// options, so the default schedule renders a pending frame before time passes (browsers
/// render about every 16 ms). An in-flight request may complete at any choice point
/// (HTML-15). A run's next user event may happen at any choice point.
pub fn choices(st: &State) -> Vec<Choice> {
    let mut sources: Vec<TaskSource> = st
        .html
        .tasks
        .iter()
        .map(|t| t.source)
        .filter(|s| runnable(st, *s))
        .collect();
    sources.sort();
    sources.dedup();
    let mut out: Vec<Choice> = sources.into_iter().map(Choice::RunTask).collect();
    let loaded = st.timing == Timing::Loaded;
    let w = &st.web;
    let idle = out.is_empty();
    // A pending scroll or resize makes a frame worth having only if something listens for it.
    let listens = |ty: &str| w.listeners.iter().any(|l| &*l.ty == ty);
    let pending_events =
        (w.scroll_pending && listens("scroll")) || (w.resize_pending && listens("resize"));
    let wants_frame = (!w.raf_callbacks.is_empty() || pending_events) && !w.rendering_queued;
    if wants_frame {
        out.push(Choice::RenderOpportunity);
    }
    let idle_period =
        idle && (!w.idle_requests.is_empty() || !w.runnable_idle.is_empty()) && !w.idle_task_queued;
    if idle_period {
        out.push(Choice::IdlePeriod);
    }
    // MODEL-7: under load, time also passes while tasks are runnable.
    if (idle && !idle_period) || loaded {
        let mut instants: Vec<u64> = st
            .html
            .timers
            .iter()
            .filter(|t| !t.queued)
            .map(|t| t.deadline)
            .chain(
                w.idle_timeouts
                    .iter()
                    .filter(|t| !t.queued)
                    .map(|t| t.deadline),
            )
            .map(|t| t.max(st.clock))
            // MODEL-6: with a frame wanted, the idle loop cannot pass the next frame's
            // time without rendering first — unless time passes under load (MODEL-7:
            // a frame may come late).
            .filter(|t| loaded || !wants_frame || *t <= crate::host::web::next_frame_time(st))
            .collect();
        instants.sort_unstable();
        instants.dedup();
        if loaded {
            // MODEL-7: a due timer's wait may last longer (below); the clock may also
            // reach any later deadline first.
            instants.retain(|t| *t > st.clock);
        } else {
            instants.truncate(1);
        }
        out.extend(instants.into_iter().map(Choice::AdvanceClock));
    }
    if loaded {
        // MODEL-7, HTML-10 steps 4.2–4.3: the wait of a due timer may complete at any choice
        // point, once every wait it is ordered after (started earlier, with an equal or
        // shorter timeout) has completed.
        for t in st
            .html
            .timers
            .iter()
            .filter(|t| !t.queued && t.deadline <= st.clock)
        {
            let ordered_after = st
                .html
                .timers
                .iter()
                .any(|u| !u.queued && u.handle < t.handle && u.timeout <= t.timeout);
            if !ordered_after {
                out.push(Choice::TimerWaitCompletes(t.handle));
            }
        }
    }
    if !w.user_events.is_empty() {
        out.push(Choice::UserEvent);
    }
    out.extend(st.html.fetches.iter().map(|f| Choice::CompleteFetch(f.id)));
    out
}

impl Cx<'_, '_> {
    /// Carries out a choice of the HTML host.
    pub fn html_perform(&mut self, choice: Choice) -> JsResult<()> {
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

    /// HTML-2 steps 2.2–2.8: take the first task of the chosen source's queue, run it, then
    /// perform a microtask checkpoint.
    pub fn run_task(&mut self, source: TaskSource) -> JsResult<()> {
        let Some(i) = self.st.html.tasks.iter().position(|t| t.source == source) else {
            return Ok(());
        };
        self.trace("HTML-2", || {
            format!("task from the {} task source", source.name())
        });
        let task: Task = self.st.html.tasks.remove(i);
        self.st.html.current_task_nesting = task.nesting;
        match task.steps {
            TaskSteps::Timer { id, handle } => self.run_timer_task(id, handle)?,
            TaskSteps::NotifyRejected { promises } => self.fire_unhandled_rejections(promises)?,
            TaskSteps::RejectionHandled { promise } => self.fire_rejection_handled(promise)?,
            TaskSteps::FetchResponse { id } => self.process_response(id)?,
            TaskSteps::UpdateRendering => self.update_the_rendering()?,
            TaskSteps::Message { target, data } => self.fire_message(target, data)?,
            TaskSteps::InvokeIdleCallbacks => self.invoke_idle_callbacks()?,
            TaskSteps::IdleTimeout { handle } => self.invoke_idle_timeout(handle)?,
            TaskSteps::UserEvent { event } => self.dispatch_user_event(&event)?,
            TaskSteps::XhrStep { xhr, state } => self.xhr_step(xhr, state)?,
            TaskSteps::DomContentLoaded => self.fire_dom_content_loaded()?,
            TaskSteps::WindowLoad => self.fire_window_load()?,
        }
        // Step 2.8.
        self.perform_microtask_checkpoint()?;
        self.st.html.current_task_nesting = 0;
        self.queue_due_timers();
        Ok(())
    }

    /// HTML-14 "notify about rejected promises" (HTML-6 step 4): the list is taken and, if
    /// non-empty, a task on the DOM manipulation task source reports the ones still unhandled.
    pub fn notify_about_rejected_promises(&mut self) {
        if self.st.html.about_to_be_notified.is_empty() {
            return;
        }
        let promises = std::mem::take(&mut self.st.html.about_to_be_notified);
        self.trace("HTML-14", || {
            "queue a task to fire unhandledrejection".into()
        });
        self.st.html.tasks.push(Task {
            source: TaskSource::DomManipulation,
            steps: TaskSteps::NotifyRejected { promises },
            nesting: 0,
        });
    }

    /// HTML-14: for each promise still unhandled, a cancelable `unhandledrejection` event
    /// (with `promise` and `reason`) is fired at the window; if no listener canceled it, the
    /// rejection is reported. The promise joins the outstanding rejected promises set.
    fn fire_unhandled_rejections(&mut self, promises: Vec<crate::value::ObjId>) -> JsResult<()> {
        for p in promises {
            let (handled, reason) = match &self.st.realm.heap.get(p).kind {
                ObjKind::Promise(d) => (
                    d.is_handled,
                    match &d.state {
                        PromiseState::Rejected(r) => r.clone(),
                        _ => crate::value::Value::Undefined,
                    },
                ),
                _ => continue,
            };
            if handled {
                continue;
            }
            let ev = self.new_event(std::sync::Arc::from("unhandledrejection"), false, true)?;
            self.set_v(&ev, "promise", crate::value::Value::Object(p))?;
            self.set_v(&ev, "reason", reason.clone())?;
            let not_canceled = self.dispatch_event(super::web::window(), ev, true)?;
            if not_canceled {
                let text = self.describe(&reason);
                self.trace("HTML-14", || {
                    format!("unhandled rejection reported: {text}")
                });
                self.st.errors.push(format!("Uncaught (in promise) {text}"));
            }
            // A listener may have attached a handler meanwhile.
            let still_unhandled =
                matches!(&self.st.realm.heap.get(p).kind, ObjKind::Promise(d) if !d.is_handled);
            if still_unhandled {
                self.st.html.outstanding_rejections.push(p);
            }
        }
        Ok(())
    }

    /// HTML-14: the task queued when a handler is attached to a promise in the outstanding
    /// rejected promises set fires `rejectionhandled` (with `promise` and `reason`) at the
    /// window.
    fn fire_rejection_handled(&mut self, p: crate::value::ObjId) -> JsResult<()> {
        let reason = match &self.st.realm.heap.get(p).kind {
            ObjKind::Promise(d) => match &d.state {
                PromiseState::Rejected(r) => r.clone(),
                _ => crate::value::Value::Undefined,
            },
            _ => crate::value::Value::Undefined,
        };
        let ev = self.new_event(std::sync::Arc::from("rejectionhandled"), false, false)?;
        self.set_v(&ev, "promise", crate::value::Value::Object(p))?;
        self.set_v(&ev, "reason", reason)?;
        self.dispatch_event(super::web::window(), ev, true)?;
        Ok(())
    }
}
