//! Exploring every schedule: the distinct outcomes with a witness each, and claims judged over
//! them with shortest counterexamples.

use std::collections::VecDeque;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use evloop_model::{Choice, Host, Outcome, Program, State};
use stateright::{Checker, Model};

use crate::claims::{Claim, ClaimError, Verdict};
use crate::model::{EventLoop, Graph, NOT_TERMINAL, Recorder, Stop};

/// Where exploration stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most distinct states to visit.
    pub max_states: usize,
    /// The most choices in one schedule.
    pub max_depth: Option<usize>,
    /// Wall-clock time for the exploration.
    pub timeout: Option<Duration>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_states: 2_000_000,
            max_depth: None,
            timeout: None,
        }
    }
}

/// The limit that ended an incomplete exploration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    MaxStates(usize),
    MaxDepth(usize),
    Timeout(Duration),
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::MaxStates(n) => write!(f, "the state limit ({n} states) was reached"),
            Limit::MaxDepth(n) => write!(f, "some schedule is longer than {n} choices"),
            Limit::Timeout(d) => write!(f, "the time limit ({} s) ran out", d.as_secs_f64()),
        }
    }
}

/// How far an exploration has got, for progress reports.
#[derive(Clone, Copy, Debug)]
pub struct Progress {
    pub states: usize,
    pub elapsed: Duration,
    /// The most choices in a schedule explored so far.
    pub depth: usize,
    /// Whether this is the last report (the exploration ended).
    pub done: bool,
}

impl Progress {
    /// States per second so far.
    pub fn rate(&self) -> f64 {
        self.states as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// A progress callback, called every quarter second once an exploration has run for a second.
pub type ProgressFn = Box<dyn FnMut(&Progress) + Send>;

/// How to explore.
#[derive(Default)]
pub struct Options {
    pub limits: Limits,
    /// Exploring threads (0: one per core, at most 2).
    pub threads: usize,
    pub progress: Option<ProgressFn>,
    /// The run's set-up: MODEL-7 timing, another runtime profile.
    pub setup: evloop_model::Setup,
}

/// Why checking could not be done.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// A claim does not fit the program (it names a variable the program lacks).
    #[error("claim `{claim}`: {error}")]
    Claim { claim: String, error: ClaimError },
    /// The model panicked while exploring (a bug in evloop).
    #[error("the model failed while exploring: {0}")]
    Panic(String),
}

/// A distinct outcome and the shortest schedule that produces it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub outcome: Outcome,
    pub witness: Vec<Choice>,
}

/// The result of exploring every schedule of a program on a host.
pub struct Exploration {
    pub host: Host,
    pub program: Arc<Program>,
    /// Whether every schedule was explored.
    pub complete: bool,
    /// The limit that stopped it, if one did.
    pub limit: Option<Limit>,
    /// Distinct states visited.
    pub states: usize,
    /// The most choices in a schedule explored.
    pub max_depth: usize,
    pub elapsed: Duration,
    /// The distinct outcomes, in the order a breadth-first walk reaches them (shortest
    /// witness first).
    pub outcomes: Vec<Found>,
    paths: ShortestPaths,
}

/// A claim's verdict and, if it fails, the shortest counterexample.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    /// The claim as written.
    pub claim: String,
    pub verdict: Verdict,
    /// For a failing claim: the shortest schedule showing it (CHECK-3).
    pub counterexample: Option<Found>,
}

/// An exploration with the claims judged over it.
pub struct Report {
    pub exploration: Exploration,
    pub claims: Vec<Judgement>,
}

impl Report {
    /// 0 all claims hold, 1 a claim fails, 3 the exploration was incomplete (and no claim is
    /// refuted). (2, bad input, is the caller's.)
    pub fn exit_code(&self) -> u8 {
        if self.claims.iter().any(|c| c.verdict == Verdict::Fails) {
            1
        } else if !self.exploration.complete {
            3
        } else {
            0
        }
    }
}

/// Breadth-first shortest paths over the recorded state graph.
struct ShortestPaths {
    /// Per state: the state it was first reached from and the choice taken, if reached.
    parent: Vec<Option<(u32, Choice)>>,
    /// Terminal states in breadth-first order with their outcome index.
    terminals: Vec<(u32, usize)>,
}

impl ShortestPaths {
    /// CHECK-3: a breadth-first walk of the explored graph from the initial state, children
    /// in choice order, so the first terminal reached with a given property is one at the
    /// fewest choices.
    fn new(g: &mut Graph) -> ShortestPaths {
        let n = g.len();
        let edges = &mut g.edges;
        edges.sort_unstable();
        edges.dedup();
        // Compressed adjacency: the edges of state s are edges[start[s]..start[s + 1]].
        let mut start = vec![0usize; n + 1];
        for &(from, _, _) in edges.iter() {
            start[from as usize + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut parent: Vec<Option<(u32, Choice)>> = vec![None; n];
        let mut seen = vec![false; n];
        let mut terminals = Vec::new();
        let mut queue = VecDeque::new();
        if n > 0 {
            seen[0] = true;
            queue.push_back(0u32);
        }
        while let Some(s) = queue.pop_front() {
            let o = g.terminal[s as usize];
            if o != NOT_TERMINAL {
                terminals.push((s, o as usize));
            }
            for &(_, c, t) in &edges[start[s as usize]..start[s as usize + 1]] {
                if !seen[t as usize] {
                    seen[t as usize] = true;
                    parent[t as usize] = Some((s, c));
                    queue.push_back(t);
                }
            }
        }
        ShortestPaths { parent, terminals }
    }

    fn path_to(&self, mut s: u32) -> Vec<Choice> {
        let mut out = Vec::new();
        while let Some((p, c)) = self.parent[s as usize] {
            out.push(c);
            s = p;
        }
        out.reverse();
        out
    }

    /// The shortest schedule to a terminal state whose outcome satisfies `want`.
    fn shortest(&self, want: impl Fn(usize) -> bool) -> Option<(usize, Vec<Choice>)> {
        self.terminals
            .iter()
            .find(|(_, o)| want(*o))
            .map(|&(s, o)| (o, self.path_to(s)))
    }
}

/// CHECK-1: explores every schedule of `program` on `host` with stateright's depth-first
/// checker over [`EventLoop`], recording the state graph; the outcomes are the distinct
/// outcomes of its terminal states, each with the shortest schedule reaching it.
pub fn explore(
    program: Arc<Program>,
    host: Host,
    options: &mut Options,
) -> Result<Exploration, CheckError> {
    let start = Instant::now();
    let limits = options.limits.clone();
    let init = State::new(program.clone(), host, &options.setup);
    let recorder = Arc::new(Recorder::new(
        &init,
        limits.max_states,
        limits.timeout.map(|t| start + t),
    ));
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
    let mut graph = recorder.take_graph();
    let states = graph.len();
    let limit = match recorder.stopped() {
        Some(Stop::MaxStates) => Some(Limit::MaxStates(limits.max_states)),
        Some(Stop::Timeout) => limits.timeout.map(Limit::Timeout),
        None => limits
            .max_depth
            .filter(|d| reached_depth >= d + 2)
            .map(Limit::MaxDepth),
    };
    let mut paths = ShortestPaths::new(&mut graph);
    // Outcomes in breadth-first order of their first terminal state; the graph's outcome
    // indices are renumbered to that order.
    let mut remap: Vec<Option<usize>> = vec![None; graph.outcomes.len()];
    let mut found: Vec<Found> = Vec::new();
    for &(s, o) in &paths.terminals {
        if remap[o].is_none() {
            remap[o] = Some(found.len());
            found.push(Found {
                outcome: graph.outcomes[o].clone(),
                witness: paths.path_to(s),
            });
        }
    }
    for t in &mut paths.terminals {
        t.1 = remap[t.1].unwrap_or(usize::MAX);
    }
    let elapsed = start.elapsed();
    if last_report.is_some()
        && let Some(p) = options.progress.as_mut()
    {
        p(&Progress {
            states,
            elapsed,
            depth: reached_depth.saturating_sub(1),
            done: true,
        });
    }
    Ok(Exploration {
        host,
        program,
        complete: limit.is_none(),
        limit,
        states,
        max_depth: reached_depth.saturating_sub(1),
        elapsed,
        outcomes: found,
        paths,
    })
}

impl Exploration {
    /// The outcomes alone.
    pub fn outcome_list(&self) -> Vec<Outcome> {
        self.outcomes.iter().map(|f| f.outcome.clone()).collect()
    }

    /// CHECK-2, CHECK-3: the claim's verdict over the outcomes found and, if it fails, the
    /// shortest schedule to an outcome that shows it.
    pub fn judge(&self, text: &str, claim: &Claim) -> Judgement {
        let outcomes = self.outcome_list();
        let verdict = claim.verdict(&outcomes, self.complete);
        let counterexample = if verdict == Verdict::Fails {
            let evidence = claim.evidence(&outcomes, self.complete, false);
            self.paths
                .shortest(|o| evidence.contains(&o))
                .map(|(o, witness)| Found {
                    outcome: self.outcomes[o].outcome.clone(),
                    witness,
                })
        } else {
            None
        };
        Judgement {
            claim: text.to_string(),
            verdict,
            counterexample,
        }
    }
}

/// Parses `claims`, checks that they fit the program, explores every schedule and judges
/// each claim (CHECK-1, CHECK-2, CHECK-3).
pub fn check(
    program: Arc<Program>,
    host: Host,
    claims: &[String],
    options: &mut Options,
) -> Result<Report, CheckError> {
    let parsed = claims
        .iter()
        .map(|text| {
            Claim::parse(text)
                .and_then(|c| c.check_variables(&program).map(|()| c))
                .map_err(|error| CheckError::Claim {
                    claim: text.clone(),
                    error,
                })
        })
        .collect::<Result<Vec<Claim>, CheckError>>()?;
    let exploration = explore(program, host, options)?;
    let claims = claims
        .iter()
        .zip(&parsed)
        .map(|(text, c)| exploration.judge(text, c))
        .collect();
    Ok(Report {
        exploration,
        claims,
    })
}
