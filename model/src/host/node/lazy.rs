//! Deno's lazily loaded Node globals (RT-3): `process`, and the timer functions as one group,
//! are getters that load part of Deno's Node compatibility layer the first time one of them is
//! read, and loading it performs a microtask checkpoint.

use crate::host::builtin::{HostGlobalName, NodeGlobal, SharedGlobal};
use crate::vm::{Cx, JsResult};

/// A group of globals Deno loads together on the first read of any of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LazyGlobal {
    /// `process` (profile flag `lazy_process_global`).
    Process,
    /// `setTimeout`, `setInterval`, `setImmediate` and their `clear` functions
    /// (`lazy_timer_globals`).
    Timers,
}

impl LazyGlobal {
    /// The group `g` belongs to, if Deno loads it lazily.
    pub fn of(g: HostGlobalName) -> Option<LazyGlobal> {
        match g {
            HostGlobalName::Node(NodeGlobal::Process) => Some(LazyGlobal::Process),
            HostGlobalName::Shared(
                SharedGlobal::SetTimeout
                | SharedGlobal::ClearTimeout
                | SharedGlobal::SetInterval
                | SharedGlobal::ClearInterval,
            )
            | HostGlobalName::Node(NodeGlobal::SetImmediate | NodeGlobal::ClearImmediate) => {
                Some(LazyGlobal::Timers)
            }
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            LazyGlobal::Process => "`process`",
            LazyGlobal::Timers => "a timer global",
        }
    }
}

impl Cx<'_, '_> {
    /// RT-3 (Deno, profile flags `lazy_process_global`, `lazy_timer_globals`): a read of a
    /// lazily loaded global. The first read of the group loads it; when that happens inside a
    /// loop callback — a timer, an immediate, a nextTick callback — and not while the main
    /// module is evaluated (Choice `start`) nor inside a promise job (V8 does not nest
    /// microtask checkpoints), the load's microtask checkpoint runs every promise job already
    /// queued, and the jobs they queue, before the read returns (measured on Deno 2.9.6:
    /// `spec/litmus/deno-process-first-read-runs-microtasks.js`,
    /// `spec/litmus/deno-timer-globals-first-read-runs-microtasks.js`). Later reads, and every
    /// read on Node and Bun, only return the value.
    pub fn read_lazy_global(&mut self, group: LazyGlobal) -> JsResult<()> {
        let profile = self.st.profile();
        let node = &mut self.st.node;
        let (lazy, loaded) = match group {
            LazyGlobal::Process => (profile.lazy_process_global, &mut node.process_loaded),
            LazyGlobal::Timers => (profile.lazy_timer_globals, &mut node.timer_globals_loaded),
        };
        if !lazy || *loaded {
            return Ok(());
        }
        *loaded = true;
        if node.evaluating_main || node.in_microtask {
            self.trace("RT-3", || {
                format!("Deno: the first read of {} loads it", group.name())
            });
            return Ok(());
        }
        self.trace("RT-3", || {
            format!(
                "Deno: the first read of {} loads it: a microtask checkpoint",
                group.name()
            )
        });
        self.run_microtasks()
    }
}
