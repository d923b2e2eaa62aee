//! CHECK-1 on one thread: a breadth-first walk of the model's states that records the same
//! state graph as stateright's checker with the recorder ([`crate::dfs`]), for targets
//! without threads (`wasm32-unknown-unknown`: the playground in the browser), where
//! stateright cannot run (it explores on spawned threads even when told to use one).
//!
//! Same graph: the states are [`State::new`] and everything [`State::apply`] reaches from
//! it by [`State::choices`], identified by the same fingerprint; a state without choices is
//! terminal with [`Outcome::of`]; every transition taken is an edge. A complete exploration
//! therefore has the same states, outcomes and (breadth-first, [`crate::check`]) witnesses as
//! stateright's — `tests/single_threaded.rs` compares the two on every litmus file, and
//! stateright stays the oracle.
//!
//! Same limits: `max_states` stops before a new state beyond the limit is recorded;
//! `max_depth` d expands the states reached in at most d choices and records, without
//! expanding, the states one choice further (as stateright's `target_max_depth(d + 2)`); the
//! time limit is checked before every step, on a clock that works in browsers
//! ([`web_time::Instant`]: `performance.now()` on `wasm32`). Under a limit the two explorers
//! may find different subsets (one walks depth-first, the other breadth-first); both say
//! the exploration is incomplete.

use std::collections::VecDeque;
use std::time::Duration;

use evloop_model::{Outcome, State};
use web_time::Instant;

use crate::check::{Limit, Options, Progress, Recorded};
use crate::graph::{Graph, fingerprint};

/// How often (in states) the clock is read for progress reports.
const PROGRESS_EVERY: usize = 256;

/// Explores every state reachable from `init` breadth-first, within `options.limits`,
/// recording the state graph; reports progress every quarter second once a second has
/// passed (as [`crate::dfs`] does).
pub(crate) fn explore_breadth_first(
    init: State,
    options: &mut Options,
    start: Instant,
) -> Recorded {
    // 1. The initial state is state 0, at depth 0 (no choices taken).
    let limits = options.limits.clone();
    let max_states = limits.max_states.max(1);
    let deadline = limits.timeout.map(|t| start + t);
    let budget = init.budget().clone();
    let mut graph = Graph::default();
    let init_id = graph.intern(fingerprint(&init));
    let mut queue: VecDeque<(State, u32, usize)> = VecDeque::from([(init, init_id, 0)]);
    let mut limit = None;
    let mut max_depth = 0;
    let mut last_report = None::<Instant>;
    let mut visited = 0usize;
    // 2. Take the states in the order they were first met.
    'walk: while let Some((state, id, depth)) = queue.pop_front() {
        visited += 1;
        if visited.is_multiple_of(PROGRESS_EVERY) {
            report(options, &mut last_report, start, graph.len(), max_depth);
        }
        // 2.1. A state one choice past the depth limit is recorded, not expanded.
        if let Some(d) = limits.max_depth
            && depth > d
        {
            limit = Some(Limit::MaxDepth(d));
            continue;
        }
        // 2.2. A state without choices is an outcome.
        let choices = state.choices();
        if choices.is_empty() {
            graph.add_terminal(id, Outcome::of(&state));
            continue;
        }
        // 2.3. Each choice in order: take it, record the edge, queue a state met first here.
        for choice in choices {
            if let Some(deadline) = deadline
                && Instant::now() >= deadline
            {
                limit = limits.timeout.map(Limit::Timeout);
                break 'walk;
            }
            let next = state.apply(choice);
            // A limit of the run, reached inside the step or by what the walk holds.
            if let Some(kind) = next.limit.or_else(|| next.budget().check().err()) {
                limit = Some(Limit::Run(kind, next.budget().limits.describe(kind)));
                break 'walk;
            }
            let fp = fingerprint(&next);
            let new = !graph.contains(fp);
            if new && graph.len() >= max_states {
                limit = Some(Limit::MaxStates(limits.max_states));
                break 'walk;
            }
            let to = graph.intern(fp);
            graph.edges.push((id, choice, to));
            if new {
                max_depth = max_depth.max(depth + 1);
                queue.push_back((next, to, depth + 1));
            }
        }
    }
    // The initial state's own steps may have reached a limit of the run.
    let limit = limit.or_else(|| {
        budget
            .hit()
            .map(|kind| Limit::Run(kind, budget.limits.describe(kind)))
    });
    Recorded {
        graph,
        limit,
        max_depth,
        reported: last_report.is_some(),
    }
}

/// A progress report if a second has passed and the last one is a quarter second old.
fn report(
    options: &mut Options,
    last_report: &mut Option<Instant>,
    start: Instant,
    states: usize,
    depth: usize,
) {
    let elapsed = start.elapsed();
    if elapsed >= Duration::from_secs(1)
        && last_report.is_none_or(|t| t.elapsed() >= Duration::from_millis(250))
        && let Some(p) = options.progress.as_mut()
    {
        *last_report = Some(Instant::now());
        p(&Progress {
            states,
            elapsed,
            depth,
            done: false,
        });
    }
}
