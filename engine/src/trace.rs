//! Observing a run step by step (`evloop run --trace`): each event names the rule that fired.

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
