//! CHECK-1 on native targets: stateright's depth-first checker over [`EventLoop`] with the
//! graph recorder, on `options.threads` threads (stateright starts threads even for one, so
//! this module is not built for `wasm32`; [`crate::bfs`] explores there).

use std::sync::Arc;
use std::time::{Duration, Instant};

use evloop_model::State;
use stateright::{Checker, Model};

use crate::check::{CheckError, Limit, Options, Progress, Recorded};
use crate::model::{EventLoop, Recorder, Stop};

/// Explores from `init` with stateright's depth-first checker, recording the state graph;
/// reports progress every quarter second once a second has passed.
pub(crate) fn explore_stateright(
    init: State,
    options: &mut Options,
    start: Instant,
) -> Result<Recorded, CheckError> {
    let limits = options.limits.clone();
    let recorder = Arc::new(Recorder::new(
        &init,
        limits.max_states,
        limits.timeout.map(|t| start + t),
    ));
    let budget = init.budget().clone();
    let model = EventLoop::recording(init, recorder.clone());
    let threads = match options.threads {
        0 => std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(2),
        n => n,
    };
    let mut builder = model.checker().threads(threads);
    if let Some(d) = limits.max_depth {
        // stateright counts the initial state as depth 1 and skips states at the target
        // depth: states after d choices are explored, their successors are not.
        builder = builder.target_max_depth(d + 2);
    }
    let mut checker = builder.spawn_dfs();
    let handles = checker.handles();
    let mut last_report = None::<Instant>;
    while !handles.iter().all(|h| h.is_finished()) {
        std::thread::sleep(Duration::from_millis(20));
        // The run's limits hold while the threads explore: the memory the states held so
        // far take, the time.
        if let Err(kind) = budget.check() {
            recorder.stop(Stop::Limit(kind));
        }
        let elapsed = start.elapsed();
        if elapsed >= Duration::from_secs(1)
            && last_report.is_none_or(|t| t.elapsed() >= Duration::from_millis(250))
            && let Some(p) = options.progress.as_mut()
        {
            last_report = Some(Instant::now());
            p(&Progress {
                states: recorder.states(),
                elapsed,
                depth: checker.max_depth().saturating_sub(1),
                done: false,
            });
        }
    }
    for h in handles {
        if let Err(e) = h.join() {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a checker thread panicked".into());
            return Err(CheckError::Panic(msg));
        }
    }
    let reached_depth = checker.max_depth();
    let graph = recorder.take_graph();
    let limit = match recorder.stopped() {
        Some(Stop::MaxStates) => Some(Limit::MaxStates(limits.max_states)),
        Some(Stop::Timeout) => limits.timeout.map(Limit::Timeout),
        Some(Stop::Limit(kind)) => Some(Limit::Run(kind, budget.limits.describe(kind))),
        None => limits
            .max_depth
            .filter(|d| reached_depth >= d + 2)
            .map(Limit::MaxDepth),
    };
    // The initial state's own steps may have reached a limit of the run.
    let limit = limit.or_else(|| {
        budget
            .hit()
            .map(|kind| Limit::Run(kind, budget.limits.describe(kind)))
    });
    Ok(Recorded {
        graph,
        limit,
        max_depth: reached_depth.saturating_sub(1),
        reported: last_report.is_some(),
    })
}
