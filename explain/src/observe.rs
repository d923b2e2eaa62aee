//! [`explain`]: one run, observed at every rule that fires.
//!
//! The run is the one `evloop run` makes (the model's `run`, with the same scheduler); it is
//! then replayed choice by choice with an observing tracer. At each trace event the tracer
//! sees the model's `State` and the engine's execution context stack
//! ([`Tracer::observe`]). A rule's trace text is written as it fires, before its effect
//! (`queue a microtask` comes before the job is in the queue), so a step's position and
//! stack are those of the moment the rule fired and its queues, clock and log those found at
//! the next event, or at the end of the macro-step: the machine *after* the step.

use std::any::Any;
use std::collections::BTreeMap;
use std::sync::Arc;

use evloop_model::ir::Program;
use evloop_model::run::ReplayError;
use evloop_model::trace::{ExecutionContext, TraceEvent, Tracer};
use evloop_model::{Host, Scheduler, Setup, State};

use crate::queues;
use crate::snapshot::{ChoiceTaken, Explanation, Fired, Snapshot, SourcePos, StackFrame};
use crate::words;

/// The most steps an explanation records; a longer run's step-through stops there (and
/// says so in [`Explanation::truncated`]).
pub const MAX_STEPS: usize = 20_000;

/// Explains one run of `program` on `host`, set up as `setup`, with `scheduler` (as
/// `evloop run --schedule` takes it): the outcome, the schedule, and a [`Snapshot`] before
/// anything runs and after every rule that fires. A replayed schedule that does not fit the
/// run is an error, as for `evloop run`.
pub fn explain(
    program: Arc<Program>,
    host: Host,
    setup: &Setup,
    scheduler: &Scheduler,
) -> Result<Explanation, ReplayError> {
    // 1. The run as `evloop run` makes it: its outcome and the complete schedule.
    let result = evloop_model::run(program.clone(), host, setup, scheduler)?;
    // 2. Replay that schedule, observed (the tracer hears of every host step, forced
    //    steps included).
    let mut obs = Observer::new(&program);
    let mut st = State::new_traced(program.clone(), host, setup, &mut obs);
    for &choice in &result.schedule {
        if obs.full() {
            break;
        }
        st = st.apply_traced(choice, &mut obs);
    }
    obs.finish_step(&st);
    obs.flush_silent_step(&st);
    // 3. The rules that fired and those that define the queues, with where their text is.
    let mut rules = BTreeMap::new();
    for s in &obs.steps {
        let fired = s.rule.iter().map(|f| f.rule.as_str());
        for id in fired.chain(s.queues.iter().map(|q| q.rule.as_str())) {
            if let Some(r) = crate::rules::rule_ref(id) {
                rules.insert(id.to_string(), r.clone());
            }
        }
    }
    let truncated = obs.full().then(|| {
        format!(
            "the run has more than {MAX_STEPS} steps; the step-through stops at step {}",
            MAX_STEPS - 1
        )
    });
    let o = result.outcome;
    Ok(Explanation {
        file: program.source_name.clone(),
        source: program.source.to_string(),
        host: host.name().into(),
        timing: setup.timing.name().into(),
        schedule: result.schedule.iter().map(ToString::to_string).collect(),
        log: o.log,
        status: o.status.name().into(),
        errors: o.errors,
        reason: o.reason,
        steps: obs.steps,
        truncated,
        rules,
    })
}

/// The observing tracer: builds the steps.
struct Observer {
    program: Arc<Program>,
    steps: Vec<Snapshot>,
    /// The host step being taken.
    choice: Option<ChoiceTaken>,
    /// How many steps of the schedule (not forced) have been taken.
    chosen: usize,
    /// The host step being taken, while no rule has fired in it.
    silent: Option<ChoiceTaken>,
    /// The last place JavaScript ran.
    last_pos: Option<SourcePos>,
    /// NODE-1: the phase the loop last entered (from the rule that names it).
    phase: Option<String>,
    /// Whether the last step still waits for the machine after it.
    open: bool,
}

impl Observer {
    fn new(program: &Arc<Program>) -> Observer {
        let step0 = Snapshot {
            index: 0,
            choice: None,
            rule: None,
            position: None,
            stack: Vec::new(),
            clock: 0,
            log_len: 0,
            errors_len: 0,
            phase: None,
            queues: Vec::new(),
        };
        Observer {
            program: program.clone(),
            steps: vec![step0],
            choice: None,
            chosen: 0,
            silent: None,
            last_pos: None,
            phase: None,
            open: true,
        }
    }

    fn full(&self) -> bool {
        self.steps.len() >= MAX_STEPS
    }

    /// The machine as it is now completes the open step (its queues, clock and log).
    fn finish_step(&mut self, st: &State) {
        if !self.open {
            return;
        }
        self.open = false;
        let phase = if st.host.is_node() {
            Some(match &self.phase {
                Some(p) if !matches!(st.node.at, evloop_model::host::node::LoopPoint::Exited) => {
                    p.clone()
                }
                _ => queues::loop_point(st.node.at).to_string(),
            })
        } else {
            None
        };
        let Some(step) = self.steps.last_mut() else {
            return;
        };
        step.clock = st.clock;
        step.log_len = st.log.len();
        step.errors_len = st.errors.len();
        step.queues = queues::queues(st);
        step.phase = phase;
    }

    /// A host step that fired no rule still is a step (its snapshot: the machine after it).
    fn flush_silent_step(&mut self, st: &State) {
        if self.silent.take().is_some() && !self.full() {
            self.finish_step(st);
            self.begin(None, st, &[]);
            self.finish_step(st);
        }
    }

    /// A new step: `fired` at the moment the stack is `contexts`.
    fn begin(&mut self, fired: Option<Fired>, st: &State, contexts: &[ExecutionContext]) {
        let stack: Vec<StackFrame> = contexts
            .iter()
            .map(|c| {
                let pos = position(&self.program, c);
                StackFrame {
                    function: words::function_name(&self.program, c.func),
                    line: pos.map_or(0, |p| p.0),
                    col: pos.map_or(0, |p| p.1),
                }
            })
            .collect();
        let running = contexts.last().and_then(|c| position(&self.program, c));
        let position = match running {
            Some((line, col)) => {
                let p = SourcePos {
                    line,
                    col,
                    running: true,
                };
                self.last_pos = Some(SourcePos {
                    running: false,
                    ..p
                });
                Some(p)
            }
            None => self.last_pos,
        };
        self.steps.push(Snapshot {
            index: self.steps.len(),
            choice: self.choice.clone(),
            rule: fired,
            position,
            stack,
            clock: st.clock,
            log_len: st.log.len(),
            errors_len: st.errors.len(),
            phase: None,
            queues: Vec::new(),
        });
        self.open = true;
    }

    /// NODE-1, UV-1, UV-2: the phase a rule says the loop is in.
    fn note_phase(&mut self, ev: &TraceEvent) {
        let phase = match ev.rule {
            "NODE-1" => ev.text.strip_suffix(" phase").map(|p| format!("{p} phase")),
            "UV-1" if ev.text.starts_with("pre-loop timer pass") => {
                Some("timers phase (pre-loop pass)".into())
            }
            "UV-2" if ev.text.starts_with("poll phase: nothing ready") => {
                Some("poll phase: waiting".into())
            }
            "NODE-4" => Some("main module".into()),
            _ => None,
        };
        if let Some(p) = phase {
            self.phase = Some(p);
        }
    }
}

/// The source line and column of context `c`'s instruction (`None`: no position known).
fn position(program: &Program, c: &ExecutionContext) -> Option<(u32, u32)> {
    let f = program.functions.get(c.func as usize)?;
    let p = f.positions.get(c.pc as usize).or(f.positions.last())?;
    (p.line > 0).then_some((p.line, p.col))
}

impl Tracer for Observer {
    fn enabled(&self) -> bool {
        true
    }

    fn observes(&self) -> bool {
        true
    }

    fn observe(&mut self, host: &dyn Any, _program: &Program, contexts: &[ExecutionContext]) {
        let Some(st) = host.downcast_ref::<State>() else {
            return;
        };
        // The machine after the previous step is the machine now.
        self.finish_step(st);
        if self.full() {
            return;
        }
        self.begin(None, st, contexts);
    }

    fn host_step(&mut self, host: &dyn Any, step: &str, words: &str, forced: bool) {
        let Some(st) = host.downcast_ref::<State>() else {
            return;
        };
        self.flush_silent_step(st);
        if !forced {
            self.chosen += 1;
        }
        let taken = ChoiceTaken {
            number: (!forced).then_some(self.chosen),
            step: step.to_string(),
            words: words.to_string(),
        };
        self.choice = Some(taken.clone());
        self.silent = Some(taken);
    }

    fn event(&mut self, ev: TraceEvent) {
        if !self.open {
            return;
        }
        self.note_phase(&ev);
        self.silent = None;
        if let Some(step) = self.steps.last_mut() {
            step.rule = Some(Fired {
                rule: ev.rule.to_string(),
                text: ev.text,
            });
        }
    }
}
