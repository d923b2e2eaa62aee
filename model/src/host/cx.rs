//! The agent as the hosts see it.
//!
//! The engine's [`evloop_engine::Agent`] runs JavaScript over any host state; the hosts' own
//! operations (run a task, queue a timer, fire an event, …) are methods of [`Cx`], the agent
//! running over this crate's [`State`]. It dereferences to the engine's agent, so host code
//! calls the engine (`call`, `get_v`, `throw`, …) as if it were one type.

use std::ops::{Deref, DerefMut};

use crate::state::State;

/// The engine's agent running a macro-step of a [`State`].
pub type Agent<'a> = evloop_engine::Agent<'a, State>;

/// The agent with the hosts' operations (see the module documentation).
pub struct Cx<'r, 'a>(pub &'r mut Agent<'a>);

impl<'a> Deref for Cx<'_, 'a> {
    type Target = Agent<'a>;
    fn deref(&self) -> &Agent<'a> {
        self.0
    }
}

impl<'a> DerefMut for Cx<'_, 'a> {
    fn deref_mut(&mut self) -> &mut Agent<'a> {
        self.0
    }
}

/// What the hosts record while one macro-step runs (the engine keeps it in the agent, not in
/// the state).
#[derive(Debug, Default)]
pub struct StepData {
    /// MODEL-1: the clock was read since the last loop back-edge.
    pub clock_read: bool,
    /// MODEL-4: reads of Node's cached loop time (`getLibuvNow()`) in this step.
    pub loop_time_reads: u32,
    /// A dry run's record of those reads (MODEL-4, MODEL-7), when asked for.
    pub loop_time_log: Option<Vec<super::node::LoopTimeRead>>,
    /// RT-3 (Deno, `eager_ops`): async ops started in this step that could complete at once.
    pub eager_ops: u32,
}

impl Cx<'_, '_> {
    /// MODEL-2: the head of a host loop (a microtask checkpoint, the nextTick queue) is
    /// observed by `watch`; a state it was in before, log aside and with the same per-step
    /// records, is a cycle: the run diverges.
    pub fn watch_for_cycle(
        &mut self,
        watch: &mut crate::cycle::CycleWatch,
        what: &str,
    ) -> crate::vm::JsResult<()> {
        let agent = &mut *self.0;
        let s = &agent.host_step;
        let extra = [
            u64::from(s.clock_read),
            u64::from(s.loop_time_reads),
            u64::from(s.eager_ops),
            s.loop_time_log
                .as_ref()
                .map_or(u64::MAX, |l| l.len() as u64),
        ];
        if watch.observe(agent.st, extra) {
            return Err(crate::vm::Unwind::Diverge(crate::cycle::reason(what)));
        }
        Ok(())
    }
}
