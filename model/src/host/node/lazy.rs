//! Deno's lazily loaded Node layer (RT-3): the `process` global is a getter that loads Deno's
//! Node compatibility layer the first time it is read, and loading it performs a microtask
//! checkpoint.

use crate::vm::{Agent, JsResult};

use super::LoopPoint;

impl Agent<'_> {
    /// RT-3 (Deno, profile flag `lazy_process_global`): a read of the `process` global. The
    /// first one loads the Node layer; when it happens inside a timer or immediate callback —
    /// not while the main module is evaluated (Choice `start`), not inside a promise job
    /// (V8 does not nest checkpoints) — the load's microtask checkpoint runs every promise job
    /// already queued, and the jobs they queue, before the read returns (measured on Deno
    /// 2.9.6; `spec/litmus/deno-process-first-read-runs-microtasks.js`). Later reads, and
    /// every read on Node and Bun, only return the object.
    pub fn read_process_global(&mut self) -> JsResult<()> {
        if !self.st.profile().lazy_process_global || self.st.node.process_loaded {
            return Ok(());
        }
        self.st.node.process_loaded = true;
        if self.st.node.at == LoopPoint::NotStarted || self.st.node.in_microtask {
            self.trace("RT-3", || {
                "Deno: the first read of `process` loads the Node layer".into()
            });
            return Ok(());
        }
        self.trace("RT-3", || {
            "Deno: the first read of `process` loads the Node layer: a microtask checkpoint".into()
        });
        self.run_microtasks()
    }
}
