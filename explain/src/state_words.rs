//! A model state between two host choices, in words: what stateright's Explorer shows in its
//! state panel (the checker's `Debug` for its states), and what a tool can print for any
//! state of the graph.

use std::fmt;

use evloop_model::State;
use serde::Serialize;

use crate::queues;
use crate::snapshot::Queue;

/// The observable part of a state: clock, where Node's loop waits, the queues, the log, the
/// errors and the choices open. (The heap is not shown; two states with the same words may
/// differ in it.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateWords {
    pub host: String,
    pub clock: u64,
    /// Node hosts: where the loop waits.
    pub loop_point: Option<String>,
    pub queues: Vec<Queue>,
    pub log: Vec<String>,
    pub errors: Vec<String>,
    /// Why the run diverged, if it did.
    pub halted: Option<String>,
    /// The host's options now (`Choice`'s `Display`); empty: the run has ended.
    pub choices: Vec<String>,
}

/// `st` in words.
pub fn describe_state(st: &State) -> StateWords {
    StateWords {
        host: st.host.name().into(),
        clock: st.clock,
        loop_point: st
            .host
            .is_node()
            .then(|| queues::loop_point(st.node.at).to_string()),
        queues: queues::queues(st),
        log: st.log.clone(),
        errors: st.errors.clone(),
        halted: st.halted.clone(),
        choices: st.choices().iter().map(ToString::to_string).collect(),
    }
}

impl fmt::Display for StateWords {
    /// Plain text, one item a line: clock, loop point, the non-empty queues, log, errors,
    /// choices.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "host {}, clock {} ms", self.host, self.clock)?;
        if let Some(p) = &self.loop_point {
            writeln!(f, "loop: {p}")?;
        }
        let mut empty = Vec::new();
        for q in &self.queues {
            if q.items.is_empty() {
                empty.push(q.name.as_str());
                continue;
            }
            writeln!(f, "{} ({}):", q.name, q.rule)?;
            for item in &q.items {
                writeln!(f, "  - {item}")?;
            }
        }
        if !empty.is_empty() {
            writeln!(f, "empty: {}", empty.join(", "))?;
        }
        writeln!(f, "log ({} lines):", self.log.len())?;
        for l in &self.log {
            writeln!(f, "  {l}")?;
        }
        for e in &self.errors {
            writeln!(f, "error: {e}")?;
        }
        if let Some(h) = &self.halted {
            writeln!(f, "diverged: {h}")?;
        }
        if self.choices.is_empty() {
            write!(f, "the run has ended")
        } else {
            write!(f, "choices: {}", self.choices.join(", "))
        }
    }
}
