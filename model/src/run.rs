//! Deterministic runs: a scheduler picks among the host's choices until the run ends.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::host::Host;
use crate::ir::Program;
use crate::state::{Choice, State};
use crate::trace::{NoTrace, Tracer};

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Nothing is left to do and no exception or rejection was reported.
    Completed,
    /// An exception or rejection was reported as uncaught (the run went on where the host does).
    Uncaught,
    /// The run never ends: a host loop came back to the same state (MODEL-2).
    Diverged,
    /// The run reached one of its limits (steps, time, memory) before it ended: what it
    /// would have done next is unknown.
    Incomplete,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Completed => "completed",
            Status::Uncaught => "uncaught",
            Status::Diverged => "diverged",
            Status::Incomplete => "incomplete",
        }
    }
}

/// What a run produced.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Outcome {
    pub log: Vec<String>,
    pub status: Status,
    /// Reported errors, in order (`Uncaught …`, `Uncaught (in promise) …`).
    pub errors: Vec<String>,
    /// Final values of the script's top-level bindings (FORMAT-1), by name.
    pub vars: BTreeMap<String, String>,
    /// Why the run diverged, or the limit it reached, if it did either.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The limit an incomplete run reached: `steps`, `time` or `memory`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<&'static str>,
}

impl Outcome {
    /// The outcome of a terminal state.
    pub fn of(st: &State) -> Outcome {
        let status = if st.limit.is_some() {
            Status::Incomplete
        } else if st.halted.is_some() {
            Status::Diverged
        } else if !st.errors.is_empty() {
            Status::Uncaught
        } else {
            Status::Completed
        };
        Outcome {
            log: st.log.clone(),
            status,
            errors: st.errors.clone(),
            vars: st.vars().into_iter().collect(),
            reason: match st.limit {
                Some(kind) => Some(st.budget().limits.describe(kind)),
                None => st.halted.clone(),
            },
            limit: st.limit.map(|k| k.name()),
        }
    }
}

/// Who decides at choice points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scheduler {
    /// The first option: the lowest task source, the earliest instant.
    Default,
    /// Options picked by a seeded pseudo-random generator (xorshift64*).
    Random(u64),
    /// The listed choices in order; then the default policy.
    Replay(Vec<Choice>),
}

impl Scheduler {
    /// A scheduler as `evloop run --schedule` and the playground write it: `default`,
    /// `random:SEED`, or `replay:STEP,STEP,…` (steps as printed in a schedule, e.g.
    /// `task:timer,clock:10`); an error says what is wrong.
    pub fn parse(s: &str) -> Result<Scheduler, String> {
        if s == "default" {
            return Ok(Scheduler::Default);
        }
        if let Some(seed) = s.strip_prefix("random:") {
            return seed
                .parse()
                .map(Scheduler::Random)
                .map_err(|_| format!("`{seed}` is not a seed (a whole number)"));
        }
        if let Some(list) = s.strip_prefix("replay:") {
            let steps: Result<Vec<Choice>, _> = list
                .split(',')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::parse)
                .collect();
            return steps.map(Scheduler::Replay).map_err(|e| e.to_string());
        }
        Err(format!(
            "`{s}` is not a schedule; use default, random:SEED or replay:STEP,STEP,…"
        ))
    }
}

/// A replayed schedule that does not fit the run.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReplayError {
    /// A replayed choice that was not an option at that point.
    #[error("replay step {index} (`{choice}`) is not possible here; the options were: {options}")]
    NotAnOption {
        index: usize,
        choice: Choice,
        options: String,
    },
    /// The run ended before the schedule did.
    #[error("the run ended after {taken} choices, but the replayed schedule has {given}")]
    TooLong { taken: usize, given: usize },
}

/// A run: its outcome and the choices taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunResult {
    pub outcome: Outcome,
    pub schedule: Vec<Choice>,
}

/// Runs `program` on `host`, set up as `setup`, with `scheduler`.
pub fn run(
    program: Arc<Program>,
    host: Host,
    setup: &crate::Setup,
    scheduler: &Scheduler,
) -> Result<RunResult, ReplayError> {
    run_traced(program, host, setup, scheduler, &mut NoTrace)
}

/// [`run`], reporting each step to `tracer`.
pub fn run_traced(
    program: Arc<Program>,
    host: Host,
    setup: &crate::Setup,
    scheduler: &Scheduler,
    tracer: &mut dyn Tracer,
) -> Result<RunResult, ReplayError> {
    let mut st = State::new_traced(program, host, setup, tracer);
    let mut schedule = Vec::new();
    let mut rng = match scheduler {
        Scheduler::Random(seed) => seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
        _ => 1,
    };
    loop {
        let options = match scheduler {
            // The default policy needs only the first option.
            Scheduler::Default => st.first_choice().into_iter().collect(),
            _ => st.choices(),
        };
        if options.is_empty() {
            break;
        }
        if let Err(kind) = st.budget().check() {
            st.stop_at_limit(kind);
            break;
        }
        let choice = match scheduler {
            Scheduler::Default => options[0],
            Scheduler::Random(_) => {
                rng ^= rng >> 12;
                rng ^= rng << 25;
                rng ^= rng >> 27;
                let r = rng.wrapping_mul(0x2545_F491_4F6C_DD1D);
                options[(r >> 33) as usize % options.len()]
            }
            Scheduler::Replay(list) => match list.get(schedule.len()) {
                Some(c) if options.contains(c) => *c,
                Some(c) => {
                    let options = if options.is_empty() {
                        "none".to_string()
                    } else {
                        options
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    return Err(ReplayError::NotAnOption {
                        index: schedule.len() + 1,
                        choice: *c,
                        options,
                    });
                }
                None => options[0],
            },
        };
        schedule.push(choice);
        st = st.apply_traced(choice, tracer);
    }
    if let Scheduler::Replay(list) = scheduler
        && list.len() > schedule.len()
    {
        return Err(ReplayError::TooLong {
            taken: schedule.len(),
            given: list.len(),
        });
    }
    Ok(RunResult {
        outcome: Outcome::of(&st),
        schedule,
    })
}
