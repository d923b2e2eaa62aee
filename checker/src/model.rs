//! The stateright model: states are the model's [`State`]s, actions its [`Choice`]s.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use evloop_model::{Choice, Host, Outcome, Program, State};
use stateright::{Model, Property};

/// A program on a host, as a stateright [`Model`]. `next_state` is [`State::apply`]: the
/// host's choice, then every deterministic step up to the next choice point.
pub struct EventLoop {
    init: State,
    recorder: Option<Arc<Recorder>>,
}

impl EventLoop {
    /// The model of `program` on `host` (runs the deterministic start once).
    pub fn new(program: Arc<Program>, host: Host) -> EventLoop {
        EventLoop {
            init: State::new(program, host),
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
    type State = State;
    type Action = Choice;

    fn init_states(&self) -> Vec<State> {
        vec![self.init.clone()]
    }

    /// The host's options (HTML-2 step 2.1: which task source is served; HTML-10: how far
    /// the idle clock advances; HTML-15: which request completes).
    fn actions(&self, state: &State, actions: &mut Vec<Choice>) {
        actions.extend(state.choices());
    }

    /// Takes `choice` and runs to the next choice point ([`State::apply`]). While recording,
    /// each transition is added to the state graph, and a limit that is reached (states,
    /// time) stops generating states.
    fn next_state(&self, last: &State, choice: Choice) -> Option<State> {
        let Some(rec) = &self.recorder else {
            return Some(last.apply(choice));
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
        let next = last.apply(choice);
        let from = fingerprint(last);
        let to = fingerprint(&next);
        let terminal = next.choices().is_empty();
        let mut g = rec.graph();
        if !g.seen.contains(&to) {
            if g.seen.len() >= rec.max_states {
                drop(g);
                rec.stop(Stop::MaxStates);
                return None;
            }
            g.seen.insert(to);
            if terminal {
                g.add_terminal(to, Outcome::of(&next));
            }
        }
        g.edges.push((from, choice, to));
        Some(next)
    }

    fn format_action(&self, action: &Choice) -> String {
        action.to_string()
    }

    /// For stateright's Explorer: the choice in words and what it logged.
    fn format_step(&self, last: &State, action: Choice) -> Option<String> {
        let next = self.next_state(last, action)?;
        let mut out = action.describe_in(last);
        let new = &next.log[last.log.len().min(next.log.len())..];
        if !new.is_empty() {
            out.push_str("; logs: ");
            out.push_str(&new.join(" | "));
        }
        if next.choices().is_empty() {
            let o = Outcome::of(&next);
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
                Property::sometimes("the run ends", |_, s: &State| s.choices().is_empty()),
                Property::sometimes("the run diverges", |_, s: &State| s.halted.is_some()),
                Property::sometimes("an error is reported", |_, s: &State| !s.errors.is_empty()),
            ]
        }
    }
}

/// A state's 64-bit fingerprint (states are compared by fingerprint, as stateright does).
pub(crate) fn fingerprint(st: &State) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    st.hash(&mut h);
    h.finish()
}

/// Why recording stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    MaxStates = 1,
    Timeout = 2,
}

/// The explored state graph, by fingerprint.
#[derive(Default)]
pub(crate) struct Graph {
    pub init: u64,
    pub seen: HashSet<u64>,
    /// Every transition taken: (from, choice, to).
    pub edges: Vec<(u64, Choice, u64)>,
    /// Terminal states and the index of their outcome.
    pub terminals: HashMap<u64, usize>,
    pub outcomes: Vec<Outcome>,
    index: HashMap<Outcome, usize>,
}

impl Graph {
    fn add_terminal(&mut self, fp: u64, o: Outcome) {
        let i = match self.index.get(&o) {
            Some(i) => *i,
            None => {
                let i = self.outcomes.len();
                self.index.insert(o.clone(), i);
                self.outcomes.push(o);
                i
            }
        };
        self.terminals.insert(fp, i);
    }
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
        let mut g = Graph {
            init: fingerprint(init),
            ..Graph::default()
        };
        g.seen.insert(g.init);
        if init.choices().is_empty() {
            g.add_terminal(g.init, Outcome::of(init));
        }
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
        self.graph().seen.len()
    }

    fn stop(&self, why: Stop) {
        let _ = self
            .stop
            .compare_exchange(0, why as u8, Ordering::Relaxed, Ordering::Relaxed);
    }

    pub fn stopped(&self) -> Option<Stop> {
        match self.stop.load(Ordering::Relaxed) {
            1 => Some(Stop::MaxStates),
            2 => Some(Stop::Timeout),
            _ => None,
        }
    }
}
