//! HTML timers: the timer initialization steps (HTML-9) and run steps after a timeout
//! (HTML-10) over the model clock.

use super::{Task, TaskSource, TaskSteps};
use crate::value::Value;
use crate::vm::{Cx, JsResult};

/// An entry of the map of setTimeout and setInterval IDs, with its pending wait.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Timer {
    pub id: u32,
    /// `uniqueHandle` (HTML-9 step 13): a re-armed interval gets a new one.
    pub handle: u64,
    pub handler: Value,
    pub args: Vec<Value>,
    /// The timeout after conversion and clamping (steps 4–5).
    pub timeout: u64,
    pub repeat: bool,
    /// The nesting level stored on the timer's task (steps 10–11).
    pub nesting: u32,
    /// start time + timeout (HTML-10 step 3).
    pub deadline: u64,
    /// Whether the wait completed and the task was queued (HTML-10 step 4.4).
    pub queued: bool,
    /// Re-armed on its original schedule (Chromium, RT-5 `interval_rearm_on_schedule`): its
    /// wait is ordered by deadline, not after the waits started before it (HTML-10 step 4.2).
    pub on_schedule: bool,
}

/// Chromium's re-arm of a repeating timer (RT-5, Blink `TimerBase::RunInternal`): the
/// previous run's deadline and interval, and the clock when its task started.
#[derive(Clone, Copy, Debug)]
struct Schedule {
    deadline: u64,
    interval: u64,
    started: u64,
}

impl Schedule {
    /// The next fire time, "drift free": `now + (interval - (now - deadline) % interval)`,
    /// the first instant of the original schedule after the task started; a clamp that
    /// lengthened the interval (HTML-9 step 5; Blink's `AugmentRepeatInterval`) moves it by
    /// the difference.
    fn next_fire_time(self, timeout: u64) -> u64 {
        let now = self.started.max(self.deadline);
        let next = now + (self.interval - (now - self.deadline) % self.interval);
        next + timeout.saturating_sub(self.interval)
    }
}

/// Web IDL ConvertToInt(V, 32, "signed") on a number: NaN and infinities become 0, the value
/// is truncated and wrapped modulo 2^32 into the signed range.
pub fn convert_to_long(x: f64) -> i64 {
    i64::from(crate::vm::ops::to_int32(x))
}

impl Cx<'_, '_> {
    /// HTML-9 timer initialization steps for `setTimeout`/`setInterval`: returns the id.
    pub fn set_timer(
        &mut self,
        handler: Value,
        timeout: Value,
        args: Vec<Value>,
        repeat: bool,
    ) -> JsResult<Value> {
        let timeout = self.to_number(&timeout)?;
        let timeout = convert_to_long(timeout);
        // Step 2.
        let id = self.st.html.next_timer_id;
        self.st.html.next_timer_id += 1;
        self.arm_timer(id, handler, timeout, args, repeat, None);
        Ok(Value::num(f64::from(id)))
    }

    /// HTML-9 steps 3–14 for timer `id` (also the re-run of the steps for `setInterval`;
    /// on Chromium's profile with the interval's original `schedule`, RT-5).
    fn arm_timer(
        &mut self,
        id: u32,
        handler: Value,
        timeout: i64,
        args: Vec<Value>,
        repeat: bool,
        schedule: Option<Schedule>,
    ) {
        // Step 3: the currently running task's nesting level (0 for other tasks and microtasks).
        let mut nesting = self.st.html.current_task_nesting;
        // Step 4.
        let mut timeout = timeout.max(0) as u64;
        // Step 5: the 4 ms clamp.
        if nesting > 5 && timeout < 4 {
            timeout = 4;
        }
        // Steps 10–11.
        nesting += 1;
        let handle = self.st.html.next_timer_handle;
        self.st.html.next_timer_handle += 1;
        let deadline = match schedule {
            None => self.st.clock + timeout,
            Some(s) => s.next_fire_time(timeout),
        };
        if schedule.is_some() {
            self.trace("RT-5", || {
                format!("interval {id} re-armed on its original schedule: due at {deadline} ms")
            });
        }
        self.trace("HTML-9", || {
            format!("timer {id} armed: {timeout} ms, nesting level {nesting}, due at {deadline} ms")
        });
        self.st.html.timers.retain(|t| t.id != id);
        self.st.html.timers.push(Timer {
            id,
            handle,
            handler,
            args,
            timeout,
            repeat,
            nesting,
            deadline,
            queued: false,
            on_schedule: schedule.is_some(),
        });
    }

    /// `clearTimeout`/`clearInterval` (interchangeable): remove the id from the map.
    pub fn clear_timer(&mut self, id: &Value) -> JsResult<()> {
        let n = self.to_number(id)?;
        let before = self.st.html.timers.len();
        self.st.html.timers.retain(|t| f64::from(t.id) != n);
        if self.st.html.timers.len() != before {
            self.trace("HTML-9", || format!("timer {n} cleared"));
        }
        Ok(())
    }

    /// HTML-10 step 4: every wait whose time has come completes and queues its task on the
    /// timer task source, earlier deadlines first and equal ones in start order (step 4.2).
    /// Under the loaded timing (MODEL-7) a wait may last longer (step 4.3): each completes by
    /// a [`crate::state::Choice::TimerWaitCompletes`] instead.
    pub fn queue_due_timers(&mut self) {
        if self.st.timing == crate::setup::Timing::Loaded {
            self.queue_due_idle_timeouts();
            return;
        }
        let clock = self.st.clock;
        let mut due: Vec<(u64, u64, u32)> = self
            .st
            .html
            .timers
            .iter()
            .filter(|t| !t.queued && t.deadline <= clock)
            .map(|t| (t.deadline, t.handle, t.id))
            .collect();
        due.sort();
        for (_, handle, id) in due {
            let Some(t) = self.st.html.timers.iter_mut().find(|t| t.handle == handle) else {
                continue;
            };
            let nesting = t.nesting;
            self.trace("HTML-10", || {
                format!("timer {id} is due: queue a task on the timer task source")
            });
            self.queue_timer_task(id, handle, nesting);
        }
        self.queue_due_idle_timeouts();
    }

    /// MODEL-7, HTML-10 steps 4.3–4.4: the wait of the timer with `handle` completes (its
    /// deadline has passed, and any extra wait is over): queue its task on the timer task
    /// source.
    pub fn complete_timer_wait(&mut self, handle: u64) {
        let Some(t) = self
            .st
            .html
            .timers
            .iter_mut()
            .find(|t| t.handle == handle && !t.queued)
        else {
            return;
        };
        let (id, nesting) = (t.id, t.nesting);
        self.trace("HTML-10", || {
            format!("timer {id}: the wait completes (step 4.3 extra wait over): queue its task")
        });
        self.queue_timer_task(id, handle, nesting);
    }

    /// HTML-10 step 4.4: the wait of timer `id` (`handle`) is over: queue its task on the
    /// timer task source, with the nesting level stored for it.
    fn queue_timer_task(&mut self, id: u32, handle: u64, nesting: u32) {
        if let Some(t) = self.st.html.timers.iter_mut().find(|t| t.handle == handle) {
            t.queued = true;
        }
        self.st.html.tasks.push(Task {
            source: TaskSource::Timer,
            steps: TaskSteps::Timer { id, handle },
            nesting,
        });
    }

    /// HTML-9 step 9: the timer's task. Aborts if the id was cleared or re-armed; runs the
    /// handler with the extra arguments; then re-arms an interval or removes the id.
    pub fn run_timer_task(&mut self, id: u32, handle: u64) -> JsResult<()> {
        let Some(t) = self
            .st
            .html
            .timers
            .iter()
            .find(|t| t.id == id && t.handle == handle)
            .cloned()
        else {
            self.trace("HTML-9", || {
                format!("timer {id} was cleared: task does nothing")
            });
            return Ok(());
        };
        self.trace("HTML-9", || format!("timer {id} fires"));
        let started = self.st.clock;
        if self.is_callable(&t.handler) {
            self.call_host_callback(&t.handler, crate::value::Value::Undefined, t.args.clone())?;
        }
        // Step 9.4: cleared (or re-armed) during the handler?
        if !self
            .st
            .html
            .timers
            .iter()
            .any(|x| x.id == id && x.handle == handle)
        {
            return Ok(());
        }
        if t.repeat {
            // Chromium (RT-5): the repeat keeps the original schedule. A 0 ms interval has
            // none (Blink clamps it to 1 ms; the model keeps HTML's re-arm for it).
            let schedule = (self.st.profile().interval_rearm_on_schedule && t.timeout > 0)
                .then_some(Schedule {
                    deadline: t.deadline,
                    interval: t.timeout,
                    started,
                });
            self.arm_timer(id, t.handler, t.timeout as i64, t.args, true, schedule);
        } else {
            self.st.html.timers.retain(|x| x.id != id);
        }
        Ok(())
    }
}

evloop_engine::heap_refs!(struct [] Timer { handler, args });
