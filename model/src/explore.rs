//! Exhaustive enumeration of outcomes over every schedule (a plain depth-first search with
//! state merging). The checker crate builds claims, limits and counterexamples on top; this
//! is the reference the model's own tests use.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::host::Host;
use crate::ir::Program;
use crate::run::Outcome;
use crate::state::{Choice, State};

/// The distinct outcomes with one witness schedule each, and whether the search finished.
#[derive(Clone, Debug)]
pub struct Exploration {
    pub outcomes: BTreeMap<Outcome, Vec<Choice>>,
    pub states: usize,
    pub complete: bool,
}

/// Explores every schedule of `program` on `host`, visiting at most `max_states` states.
pub fn explore(
    program: Arc<Program>,
    host: Host,
    setup: &crate::Setup,
    max_states: usize,
) -> Exploration {
    let init = State::new(program, host, setup);
    let mut seen: HashSet<State> = HashSet::new();
    let mut outcomes = BTreeMap::new();
    let mut stack = vec![(init, Vec::new())];
    let mut complete = true;
    while let Some((st, path)) = stack.pop() {
        if !seen.insert(st.clone()) {
            continue;
        }
        if seen.len() > max_states {
            complete = false;
            break;
        }
        let choices = st.choices();
        if choices.is_empty() {
            outcomes.entry(Outcome::of(&st)).or_insert(path);
            continue;
        }
        for c in choices.into_iter().rev() {
            let mut p: Vec<Choice> = path.clone();
            p.push(c);
            stack.push((st.apply(c), p));
        }
    }
    Exploration {
        outcomes,
        states: seen.len(),
        complete,
    }
}
