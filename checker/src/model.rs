//! The stateright model: states are the model's [`State`]s (with their fingerprints), actions
//! its [`Choice`]s.

use evloop_model::limits::LimitKind;
use std::hash::Hasher;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use std::time::Instant;

use evloop_model::{Choice, Host, Outcome, Program, State};
use stateright::{Model, Property};

use crate::graph::{Graph, fingerprint};

/// A state of the model with its fingerprint, computed once when the state is made: stateright
/// hashes its states (for its visited set) and the recorder identifies them by fingerprint, so
/// hashing the whole [`State`] once instead of at every look-up saves most of the hashing.
#[derive(Clone)]
pub struct Fingerprinted {
    pub state: State,
    fp: u64,
}

impl Fingerprinted {
    pub fn new(state: State) -> Fingerprinted {
        let fp = fingerprint(&state);
        Fingerprinted { state, fp }
    }
}

impl std::hash::Hash for Fingerprinted {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u64(self.fp);
    }
}

impl PartialEq for Fingerprinted {
    fn eq(&self, other: &Self) -> bool {
        self.fp == other.fp && self.state == other.state
    }
}
impl Eq for Fingerprinted {}

impl std::fmt::Debug for Fingerprinted {
    /// The state in words: the clock, where Node's loop waits, the queues, the log, the
    /// errors and the choices open (`evloop_explain::describe_state`), then the fingerprint,
    /// which identifies the whole state. stateright's Explorer shows this in its state panel;
    /// the heap is left out, and the text says so.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{}", evloop_explain::describe_state(&self.state))?;
        write!(
            f,
            "fingerprint {:016x} (the heap and the engine's internal records are not shown)",
            self.fp
        )
    }
}

/// A program on a host, as a stateright [`Model`]. `next_state` is [`State::apply`]: the
/// host's choice, then every deterministic step up to the next choice point.
pub struct EventLoop {
    init: State,
    recorder: Option<Arc<Recorder>>,
}

impl EventLoop {
    /// The model of `program` on `host` set up as `setup` (runs the deterministic start once).
    pub fn new(program: Arc<Program>, host: Host, setup: &evloop_model::Setup) -> EventLoop {
        EventLoop {
            init: State::new(program, host, setup),
            recorder: None,
        }
    }

    /// The state after the deterministic start.
    pub fn init(&self) -> &State {
        &self.init
    }

    /// The same model, recording the state graph into `recorder` as it is explored.
    pub(crate) fn recording(init: State, recorder: Arc<Recorder>) -> EventLoop {
        EventLoop {
            init,
            recorder: Some(recorder),
        }
    }
}

impl Model for EventLoop {
    type State = Fingerprinted;
    type Action = Choice;

    fn init_states(&self) -> Vec<Fingerprinted> {
        vec![Fingerprinted::new(self.init.clone())]
    }

    /// The host's options (HTML-2 step 2.1: which task source is served; HTML-10: how far
    /// the idle clock advances; HTML-15: which request completes).
    fn actions(&self, node: &Fingerprinted, actions: &mut Vec<Choice>) {
        let choices = node.state.choices();
        if let Some(rec) = &self.recorder
            && choices.is_empty()
        {
            // stateright lists a state's actions once: a state without choices is an outcome.
            let o = Outcome::of(&node.state);
            let mut g = rec.graph();
            let id = g.intern(node.fp);
            g.add_terminal(id, o);
        }
        actions.extend(choices);
    }

    /// Takes `choice` and runs to the next choice point ([`State::apply`]). While recording,
    /// each transition is added to the state graph, and a limit that is reached (states,
    /// time) stops generating states.
    fn next_state(&self, last: &Fingerprinted, choice: Choice) -> Option<Fingerprinted> {
        let Some(rec) = &self.recorder else {
            return Some(Fingerprinted::new(last.state.apply(choice)));
        };
        if rec.stopped().is_some() {
            return None;
        }
        if let Some(deadline) = rec.deadline
            && Instant::now() >= deadline
        {
            rec.stop(Stop::Timeout);
            return None;
        }
        let next = last.state.apply(choice);
        if let Some(kind) = next.limit {
            // A limit of the run was reached inside the step: its state is not one the
            // program reaches, and nothing more is explored.
            rec.stop(Stop::Limit(kind));
            return None;
        }
        if let Err(kind) = next.budget().check() {
            rec.stop(Stop::Limit(kind));
            return None;
        }
        let next = Fingerprinted::new(next);
        let mut g = rec.graph();
        if !g.contains(next.fp) && g.len() >= rec.max_states {
            drop(g);
            rec.stop(Stop::MaxStates);
            return None;
        }
        let from = g.intern(last.fp);
        let to = g.intern(next.fp);
        g.edges.push((from, choice, to));
        Some(next)
    }

    /// For stateright's Explorer: the path's last state as a picture (its queues, log and
    /// choices in words, `evloop_explain::render_state_svg`).
    fn as_svg(&self, path: stateright::Path<Fingerprinted, Choice>) -> Option<String> {
        let words = evloop_explain::describe_state(&path.last_state().state);
        Some(evloop_explain::render_state_svg(&words))
    }

    fn format_action(&self, action: &Choice) -> String {
        action.to_string()
    }

    /// For stateright's Explorer: the choice in words and what it logged.
    fn format_step(&self, last: &Fingerprinted, action: Choice) -> Option<String> {
        let next = &self.next_state(last, action)?.state;
        let last = &last.state;
        let mut out = action.describe_in(last);
        let new = &next.log[last.log.len().min(next.log.len())..];
        if !new.is_empty() {
            out.push_str("; logs: ");
            out.push_str(&new.join(" | "));
        }
        if next.choices().is_empty() {
            let o = Outcome::of(next);
            out.push_str(&format!("; the run ends ({})", o.status.name()));
        }
        Some(out)
    }

    fn properties(&self) -> Vec<Property<Self>> {
        if self.recorder.is_some() {
            // Never discovered, so that stateright explores every state (it stops once every
            // property has a discovery, and explores only the initial states with none).
            vec![Property::always("every schedule is explored", |_, _| true)]
        } else {
            vec![
                Property::sometimes("the run ends", |_, s: &Fingerprinted| {
                    s.state.choices().is_empty()
                }),
                Property::sometimes("the run diverges", |_, s: &Fingerprinted| {
                    s.state.halted.is_some()
                }),
                Property::sometimes("an error is reported", |_, s: &Fingerprinted| {
                    !s.state.errors.is_empty()
                }),
            ]
        }
    }
}

/// Why recording stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    MaxStates,
    Timeout,
    /// One of the run's limits (steps, time, memory).
    Limit(LimitKind),
}

/// Shared between the exploring threads: the graph and the limits.
pub(crate) struct Recorder {
    graph: Mutex<Graph>,
    stop: AtomicU8,
    pub max_states: usize,
    pub deadline: Option<Instant>,
}

impl Recorder {
    pub fn new(init: &State, max_states: usize, deadline: Option<Instant>) -> Recorder {
        let mut g = Graph::default();
        g.intern(fingerprint(init));
        Recorder {
            graph: Mutex::new(g),
            stop: AtomicU8::new(0),
            max_states: max_states.max(1),
            deadline,
        }
    }

    pub fn graph(&self) -> MutexGuard<'_, Graph> {
        self.graph.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn take_graph(&self) -> Graph {
        std::mem::take(&mut *self.graph())
    }

    pub fn states(&self) -> usize {
        self.graph().len()
    }

    pub(crate) fn stop(&self, why: Stop) {
        let code = match why {
            Stop::MaxStates => 1,
            Stop::Timeout => 2,
            Stop::Limit(LimitKind::Steps) => 3,
            Stop::Limit(LimitKind::Time) => 4,
            Stop::Limit(LimitKind::Memory) => 5,
        };
        let _ = self
            .stop
            .compare_exchange(0, code, Ordering::Relaxed, Ordering::Relaxed);
    }

    pub fn stopped(&self) -> Option<Stop> {
        match self.stop.load(Ordering::Relaxed) {
            1 => Some(Stop::MaxStates),
            2 => Some(Stop::Timeout),
            3 => Some(Stop::Limit(LimitKind::Steps)),
            4 => Some(Stop::Limit(LimitKind::Time)),
            5 => Some(Stop::Limit(LimitKind::Memory)),
            _ => None,
        }
    }
}
