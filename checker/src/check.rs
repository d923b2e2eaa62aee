//! Exploring every schedule: the distinct outcomes with a witness each, and claims judged over
//! them with shortest counterexamples.

use std::collections::VecDeque;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use web_time::Instant;

use evloop_model::{Choice, Host, Outcome, Program, State};

use crate::claims::{Claim, ClaimError, Verdict};
use crate::graph::{Graph, NOT_TERMINAL};

/// Where exploration stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most distinct states to visit.
    pub max_states: usize,
    /// The most choices in one schedule.
    pub max_depth: Option<usize>,
    /// Wall-clock time for the exploration.
    pub timeout: Option<Duration>,
    /// The run limits of the explored states' steps, for explorers that set up the run
    /// themselves ([`Limits::run_limits`]; `None`: the model's defaults).
    pub run: Option<evloop_model::limits::Limits>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_states: 2_000_000,
            max_depth: None,
            timeout: None,
            run: None,
        }
    }
}

impl Limits {
    /// The run limits (`evloop_model::limits`) of an exploration within these: `run`, else
    /// the model's defaults with this time limit if there is one, so that it holds inside
    /// every step.
    pub fn run_limits(&self) -> evloop_model::limits::Limits {
        if let Some(run) = self.run {
            return run;
        }
        let mut run = evloop_model::limits::default_limits();
        if self.timeout.is_some() {
            run.timeout = self.timeout;
        }
        run
    }
}

/// The limit that ended an incomplete exploration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Limit {
    MaxStates(usize),
    MaxDepth(usize),
    Timeout(Duration),
    /// One of the run's limits (`evloop_model::limits`): the steps, the time or the memory
    /// of the whole exploration, with the limit in words.
    Run(evloop_model::limits::LimitKind, String),
}

impl Limit {
    /// The limit's short name, as `INCOMPLETE (…)` prints it: `states`, `depth`, `time`,
    /// `steps`, `memory`.
    pub fn name(&self) -> &'static str {
        match self {
            Limit::MaxStates(_) => "states",
            Limit::MaxDepth(_) => "depth",
            Limit::Timeout(_) => "time",
            Limit::Run(kind, _) => kind.name(),
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::MaxStates(n) => write!(f, "the state limit ({n} states) was reached"),
            Limit::MaxDepth(n) => write!(f, "some schedule is longer than {n} choices"),
            Limit::Timeout(d) => write!(f, "the time limit ({} s) ran out", d.as_secs_f64()),
            Limit::Run(_, words) => f.write_str(words),
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

/// CHECK-1: explores every schedule of `program` on `host`, recording the state graph; the
/// outcomes are the distinct outcomes of its terminal states, each with the shortest schedule
/// reaching it. On native targets stateright's depth-first checker explores
/// ([`crate::dfs`], `options.threads` threads); on `wasm32`, which has no threads, the
/// single-threaded breadth-first explorer does ([`explore_single_threaded`]).
pub fn explore(
    program: Arc<Program>,
    host: Host,
    options: &mut Options,
) -> Result<Exploration, CheckError> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let start = Instant::now();
        let init = State::new(program.clone(), host, &options.setup);
        let recorded = crate::dfs::explore_stateright(init, options, start)?;
        Ok(Exploration::from_recorded(
            program, host, recorded, options, start,
        ))
    }
    #[cfg(target_arch = "wasm32")]
    {
        explore_single_threaded(program, host, options)
    }
}

/// CHECK-1 on one thread: [`explore`] with [`crate::bfs`]'s breadth-first walk instead of
/// stateright (`options.threads` is ignored). The same limits, the same graph and so, for a
/// complete exploration, the same states, outcomes and witnesses as stateright's (a native
/// test compares the two on every litmus file).
pub fn explore_single_threaded(
    program: Arc<Program>,
    host: Host,
    options: &mut Options,
) -> Result<Exploration, CheckError> {
    let start = Instant::now();
    let init = State::new(program.clone(), host, &options.setup);
    let recorded = crate::bfs::explore_breadth_first(init, options, start);
    Ok(Exploration::from_recorded(
        program, host, recorded, options, start,
    ))
}

/// What an explorer hands back: the recorded graph and why it stopped early, if it did.
pub(crate) struct Recorded {
    pub graph: Graph,
    pub limit: Option<Limit>,
    /// The most choices in a schedule explored.
    pub max_depth: usize,
    /// Whether a progress report was made (then a last one, `done`, is due).
    pub reported: bool,
}

impl Exploration {
    /// The outcomes of `recorded`'s terminal states in breadth-first order, each with its
    /// shortest witness (CHECK-1, CHECK-3).
    fn from_recorded(
        program: Arc<Program>,
        host: Host,
        recorded: Recorded,
        options: &mut Options,
        start: Instant,
    ) -> Exploration {
        let Recorded {
            mut graph,
            limit,
            max_depth,
            reported,
        } = recorded;
        let states = graph.len();
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
        if reported && let Some(p) = options.progress.as_mut() {
            p(&Progress {
                states,
                elapsed,
                depth: max_depth,
                done: true,
            });
        }
        Exploration {
            host,
            program,
            complete: limit.is_none(),
            limit,
            states,
            max_depth,
            elapsed,
            outcomes: found,
            paths,
        }
    }

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
    check_with(program, host, claims, options, explore)
}

/// The explorers [`check_with`] takes: [`explore`], [`explore_single_threaded`].
pub type Explorer = fn(Arc<Program>, Host, &mut Options) -> Result<Exploration, CheckError>;

/// [`check`] with the exploration done by `explorer` (the playground explores on one thread
/// on every target: [`explore_single_threaded`]).
pub fn check_with(
    program: Arc<Program>,
    host: Host,
    claims: &[String],
    options: &mut Options,
    explorer: Explorer,
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
    let exploration = explorer(program, host, options)?;
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
