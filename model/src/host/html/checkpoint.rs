//! HTML-6 and HTML-7: running script and cleaning up after it — the classic script's task,
//! callbacks the host calls ("call a user object's operation"), the microtask checkpoint that
//! follows when the JavaScript stack empties, reporting exceptions, and HTML-14's tracking of
//! rejected promises (HostPromiseRejectionTracker on the HTML host).

use super::task::{Task, TaskSource, TaskSteps};
use crate::es::promise::RejectionOperation;
use crate::host::describe_job;
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult, Unwind};

impl Cx<'_, '_> {
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
        if self.st.html.performing_microtask_checkpoint {
            return Ok(());
        }
        self.st.html.performing_microtask_checkpoint = true;
        let queued = self.st.microtasks.len();
        self.trace("HTML-6", || {
            format!("microtask checkpoint: {queued} queued")
        });
        let saved_nesting = self.st.html.current_task_nesting;
        let mut watch = crate::cycle::CycleWatch::default();
        loop {
            self.watch_for_cycle(&mut watch, "the microtask checkpoint")?;
            let Some(front) = self.st.microtasks.front() else {
                break;
            };
            // The rule fires before the job leaves the queue (a trace announces the step).
            let (what, why) = (describe_job(&front.job), front.queued_by);
            self.trace("ES-1", || {
                format!("run microtask ({what}, queued by {why})")
            });
            let Some(m) = self.st.microtasks.pop_front() else {
                break;
            };
            // While a microtask runs it is the currently running task (HTML-9 step 3: timers
            // created here get nesting level 0).
            self.st.html.current_task_nesting = 0;
            self.run_job(m.job)?;
        }
        self.st.html.current_task_nesting = saved_nesting;
        self.notify_about_rejected_promises();
        self.st.html.performing_microtask_checkpoint = false;
        Ok(())
    }

    /// HTML "report an exception" (HTML-7): the error is recorded; the event loop goes on.
    pub fn html_report_exception(&mut self, e: Value) -> JsResult<()> {
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

    /// HostPromiseRejectionTracker (ES-13) on the HTML host (HTML-14).
    pub fn html_rejection_tracker(&mut self, promise: ObjId, op: RejectionOperation) {
        match op {
            RejectionOperation::Reject => {
                self.trace("HTML-14", || {
                    "promise rejected with no handler: about to be notified".into()
                });
                self.st.html.about_to_be_notified.push(promise);
            }
            RejectionOperation::Handle => {
                if let Some(i) = self
                    .st
                    .html
                    .about_to_be_notified
                    .iter()
                    .position(|p| *p == promise)
                {
                    self.st.html.about_to_be_notified.remove(i);
                } else if let Some(i) = self
                    .st
                    .html
                    .outstanding_rejections
                    .iter()
                    .position(|p| *p == promise)
                {
                    self.trace("HTML-14", || {
                        "a handler was attached to a reported rejection: queue a task to fire rejectionhandled".into()
                    });
                    self.st.html.outstanding_rejections.remove(i);
                    self.st.html.tasks.push(Task {
                        source: TaskSource::DomManipulation,
                        steps: TaskSteps::RejectionHandled { promise },
                        nesting: 0,
                    });
                }
            }
        }
    }
}
