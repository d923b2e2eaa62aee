//! Observing a run step by step (`evloop run --trace`): each event names the rule that fired.
//!
//! A tracer that [observes](Tracer::observes) also sees, at each event, the host's state and
//! the running execution contexts (`evloop explain` draws them). Only such a tracer makes the
//! agent keep its execution context stack: a run without one pays nothing for it.

use std::any::Any;

use crate::ir::{FuncId, Program};

/// An execution context on the agent's stack (ECMA-262 §9.4), as an observing tracer sees it:
/// the function it runs and the instruction it is at (for the running context, the last call
/// or `await` it made, or its first instruction; for the others, the call that is running).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExecutionContext {
    pub func: FuncId,
    pub pc: u32,
}

/// One step of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceEvent {
    /// The rule ID (spec/) that this step executes, e.g. `HTML-6`, `ES-7`.
    pub rule: &'static str,
    pub text: String,
    /// The model clock (ms) when it happened.
    pub clock: u64,
}

/// Receives trace events. Tracing never changes what a run does.
pub trait Tracer {
    fn enabled(&self) -> bool;
    fn event(&mut self, ev: TraceEvent);
    /// Whether [`Tracer::observe`] is to be called before each event (then the agent keeps
    /// its execution context stack while it runs).
    fn observes(&self) -> bool {
        false
    }
    /// Called just before [`Tracer::event`] when [`Tracer::observes`]: the host's state as it
    /// is when the event fires (the model's `State`), the program, and the execution context
    /// stack, outermost first.
    fn observe(&mut self, host: &dyn Any, program: &Program, contexts: &[ExecutionContext]) {
        let _ = (host, program, contexts);
    }
    /// Called when [`Tracer::observes`], as the host takes a step (a choice of a schedule,
    /// or `forced`: the only option, which schedules leave out): the host's state before it,
    /// the step as a schedule spells it, and in words.
    fn host_step(&mut self, host: &dyn Any, step: &str, words: &str, forced: bool) {
        let _ = (host, step, words, forced);
    }
}

/// Discards events.
pub struct NoTrace;

impl Tracer for NoTrace {
    fn enabled(&self) -> bool {
        false
    }
    fn event(&mut self, _ev: TraceEvent) {}
}

/// Collects events.
#[derive(Default)]
pub struct Collect(pub Vec<TraceEvent>);

impl Tracer for Collect {
    fn enabled(&self) -> bool {
        true
    }
    fn event(&mut self, ev: TraceEvent) {
        self.0.push(ev);
    }
}
