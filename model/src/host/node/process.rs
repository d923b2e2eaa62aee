//! NODE-1, NODE-11: the `process` object's events (`emit`, listeners), `process.exit`, and
//! `process._fatalException` (an uncaught exception reaches `uncaughtException` listeners or
//! ends the process).

use super::{Listener, LoopPoint, builtins};
use crate::value::Value;
use crate::vm::{Cx, JsResult, Unwind};

impl Cx<'_, '_> {
    /// `process._fatalException`: `uncaughtException` listeners handle the error; without
    /// one, the error is reported and the process exits (status `uncaught`).
    pub fn node_uncaught_exception(&mut self, e: Value, from_promise: bool) -> JsResult<()> {
        let origin = if from_promise {
            "unhandledRejection"
        } else {
            "uncaughtException"
        };
        if self.has_listeners("uncaughtException") {
            self.trace("NODE-11", || {
                format!("emit 'uncaughtException' (origin {origin})")
            });
            let r = self.process_emit("uncaughtException", vec![e, Value::str(origin)]);
            return match r {
                Ok(_) => Ok(()),
                Err(Unwind::Throw(e2)) => {
                    self.report_uncaught_node(e2, false);
                    self.process_exit(7).map(|_| ())
                }
                Err(d) => Err(d),
            };
        }
        self.report_uncaught_node(e, from_promise);
        if self.st.profile().no_exit_event_after_uncaught {
            // RT-3 (Deno): the process ends with code 1 and no 'exit' event.
            self.trace("RT-3", || "Deno: exit with code 1, no 'exit' event".into());
            self.st.node.exiting = true;
            self.st.node.at = LoopPoint::Exited;
            return Err(Unwind::Exit(1));
        }
        if self.st.profile().uncaught_exits_when_idle {
            self.trace("RT-1", || {
                "Bun: the process keeps running what is ready, then exits with code 1".into()
            });
            self.st.node.dying = true;
            return Ok(());
        }
        self.process_exit(1).map(|_| ())
    }

    pub(super) fn report_uncaught_node(&mut self, e: Value, from_promise: bool) {
        let text = self.describe(&e);
        let line = if from_promise {
            format!("Uncaught (in promise) {text}")
        } else {
            format!("Uncaught {text}")
        };
        self.trace("NODE-11", || format!("process dies: {line}"));
        self.st.errors.push(line);
    }

    /// `process.exit(code)`: emits `exit` and stops everything (`Unwind::Exit`).
    pub fn process_exit(&mut self, code: i32) -> JsResult<Value> {
        if !self.st.node.exiting {
            self.st.node.exiting = true;
            self.trace("NODE-1", || format!("process.exit({code}): emit 'exit'"));
            match self.process_emit("exit", vec![Value::num(f64::from(code))]) {
                Ok(_) | Err(Unwind::Exit(_)) => {}
                Err(Unwind::Throw(e)) => self.report_uncaught_node(e, false),
                Err(d) => return Err(d),
            }
        }
        self.st.node.at = LoopPoint::Exited;
        Err(Unwind::Exit(code))
    }

    pub(super) fn has_listeners(&self, event: &str) -> bool {
        self.st.node.listeners.iter().any(|l| &*l.event == event)
    }

    /// `process.emit(event, ...args)`: calls the listeners synchronously in registration order
    /// (`once` listeners are removed first); returns whether there were any.
    pub fn process_emit(&mut self, event: &str, args: Vec<Value>) -> JsResult<bool> {
        let listeners: Vec<Listener> = self
            .st
            .node
            .listeners
            .iter()
            .filter(|l| &*l.event == event)
            .cloned()
            .collect();
        self.st
            .node
            .listeners
            .retain(|l| !(l.once && &*l.event == event));
        for l in &listeners {
            self.call(
                &l.callback,
                Value::Builtin(builtins::NodeFn::ProcessObj.into()),
                args.clone(),
            )?;
        }
        Ok(!listeners.is_empty())
    }
}
