//! The model's state and its transition function.
//!
//! [`State`] holds everything observable and everything that decides the future. It is
//! `Clone + Eq + Hash`; [`State::choices`] lists the host's nondeterministic options at a choice
//! point and [`State::apply`] takes one and runs deterministic work up to the next choice
//! point (steps with exactly one enabled option are taken without asking).

use std::collections::VecDeque;
use std::fmt;
use std::sync::Arc;

use crate::cycle::CycleWatch;
use crate::es::promise::Job;
use crate::heap::ObjKind;
use crate::host::object::HostObj;
use crate::host::{Host, TaskSource};
use crate::ir::Program;
use crate::limits::{Budget, LimitKind};
use crate::setup::Setup;
use crate::trace::{NoTrace, Tracer};
use crate::value::{ObjId, Value};
use crate::vm::{Agent, Cx, Unwind};
use evloop_engine::host::Realm;

/// The run's limits and what it has spent of them, shared by every state of a run or an
/// exploration; not part of what a state is (every budget compares equal and hashes to
/// nothing, and prints as its limits only).
#[derive(Clone)]
pub struct BudgetRef(pub Arc<Budget>);

impl fmt::Debug for BudgetRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("BudgetRef").field(&self.0.limits).finish()
    }
}

impl PartialEq for BudgetRef {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}
impl Eq for BudgetRef {}
impl std::hash::Hash for BudgetRef {
    fn hash<H: std::hash::Hasher>(&self, _state: &mut H) {}
}

/// Cells a settle may allocate beyond twice what its last collection kept before it collects
/// again (the factor keeps collection linear in the cells allocated). Small, because each
/// forced step of a Node host copies the heap's cell list once (`take_node_forced_step`).
const GC_SLACK: usize = 256;

/// The program, shared by every state of a run (compared by identity).
#[derive(Clone, Debug)]
pub struct ProgramRef(pub Arc<Program>);

impl PartialEq for ProgramRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for ProgramRef {}
impl std::hash::Hash for ProgramRef {
    fn hash<H: std::hash::Hasher>(&self, _state: &mut H) {}
}

/// A microtask: a job and the rule that queued it (for traces).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Microtask {
    pub job: Job,
    pub queued_by: &'static str,
}

evloop_engine::heap_refs!(struct [] Microtask { job });

/// A nondeterministic decision of the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Choice {
    /// HTML-2 step 2.1: the event loop serves the first runnable task of this source's queue.
    RunTask(TaskSource),
    /// The clock has advanced to this instant (ms) when the idle loop looks again (HTML-10).
    AdvanceClock(u64),
    /// In-flight network request number N (in `fetch` call order) completes (HTML-15).
    CompleteFetch(u32),
    /// Thread-pool request number N (in submission order) completes (UV-6).
    CompleteIo(u32),
    /// Node hosts: the process starts and runs its main module.
    Start,
    /// Node hosts: the process starts, and its ES-module main is evaluated from inside the
    /// loop (Node 20 reads the entry asynchronously, NODE-4).
    StartInLoop,
    /// MODEL-4: during the next step, a millisecond boundary passes just before its K-th read
    /// of Node's loop time (`getLibuvNow()` when a timer is started).
    MsBoundary(u32),
    /// MODEL-7 (loaded timing): time passes while the next step runs, so that its K-th read
    /// of Node's loop time finds the clock at T ms (or later, if it already is).
    Elapse(u32, u64),
    /// MODEL-7 (loaded timing), HTML-10 steps 4.2–4.4: the wait of the timer with this
    /// unique handle completes now (after the implementation-defined extra wait step 4.3
    /// permits) and its task is queued.
    TimerWaitCompletes(u64),
    /// UV-5, Node hosts: a timers pass ended with Node's timer due again; `true`: libuv runs
    /// it again in the same pass (before 1.48, Node 20), `false`: in the next (Node ≥ 22).
    TimersAgain(bool),
    /// MODEL-7 with a sub-millisecond loop time (Deno, RT-3): the clock advances to T ms, but
    /// the loop's real time has not reached the deadline of timer N (in start order), due in
    /// that same millisecond: the timers pass stops before it.
    SubMsCut(u64, u32),
    /// RT-3 (Deno): during the next step, the K-th async op it starts that may complete at
    /// once (a file-system or crypto op) completes when deno_core first polls it, at the call.
    EagerOp(u32),
    /// HTML-3: a rendering opportunity; the loop queues an "update the rendering" task.
    RenderOpportunity,
    /// HTML-2 step 5 / HTML-13: the loop, with no runnable task, starts an idle period.
    IdlePeriod,
    /// The next of the run's user events happens (a real click): a task on the user
    /// interaction task source dispatches it (HTML-7).
    UserEvent,
}

impl fmt::Display for Choice {
    /// The replay syntax: `task:timer`, `clock:10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Choice::RunTask(TaskSource::PortMessageQueue(p)) => write!(f, "task:port:{p}"),
            Choice::RunTask(s) => write!(f, "task:{}", s.name()),
            Choice::RenderOpportunity => write!(f, "render"),
            Choice::IdlePeriod => write!(f, "idle"),
            Choice::UserEvent => write!(f, "user"),
            Choice::AdvanceClock(t) => write!(f, "clock:{t}"),
            Choice::CompleteFetch(n) => write!(f, "fetch:{n}"),
            Choice::CompleteIo(n) => write!(f, "io:{n}"),
            Choice::Start => write!(f, "start"),
            Choice::StartInLoop => write!(f, "start:in-loop"),
            Choice::MsBoundary(k) => write!(f, "ms:{k}"),
            Choice::Elapse(k, t) => write!(f, "ms:{k}@{t}"),
            Choice::TimerWaitCompletes(h) => write!(f, "timer:{h}"),
            Choice::TimersAgain(true) => write!(f, "timers:again"),
            Choice::TimersAgain(false) => write!(f, "timers:done"),
            Choice::SubMsCut(t, n) => write!(f, "cut:{t}@{n}"),
            Choice::EagerOp(k) => write!(f, "eager:{k}"),
        }
    }
}

/// A choice that does not parse.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("`{0}` is not a schedule step; expected task:<source> (sources: {sources}, port:<n>), clock:<ms>, fetch:<n>, io:<n>, start, start:in-loop, ms:<k>, ms:<k>@<ms>, timer:<n>, timers:again, timers:done, cut:<ms>@<n>, eager:<k>, render, idle or user", sources = TaskSource::ALL.iter().map(|s| s.name()).collect::<Vec<_>>().join(", "))]
pub struct ChoiceParseError(pub String);

impl std::str::FromStr for Choice {
    type Err = ChoiceParseError;
    fn from_str(s: &str) -> Result<Choice, ChoiceParseError> {
        let err = || ChoiceParseError(s.to_string());
        match s.trim() {
            "render" => return Ok(Choice::RenderOpportunity),
            "idle" => return Ok(Choice::IdlePeriod),
            "user" => return Ok(Choice::UserEvent),
            _ => {}
        }
        match s.trim() {
            "start" => return Ok(Choice::Start),
            "start:in-loop" => return Ok(Choice::StartInLoop),
            "timers:again" => return Ok(Choice::TimersAgain(true)),
            "timers:done" => return Ok(Choice::TimersAgain(false)),
            _ => {}
        }
        let (kind, arg) = s.trim().split_once(':').ok_or_else(err)?;
        if let Some(p) = arg.strip_prefix("port:").filter(|_| kind == "task") {
            return p
                .parse()
                .map(|p| Choice::RunTask(TaskSource::PortMessageQueue(p)))
                .map_err(|_| err());
        }
        match kind {
            "task" => TaskSource::ALL
                .iter()
                .find(|t| t.name() == arg)
                .map(|t| Choice::RunTask(*t))
                .ok_or_else(err),
            "clock" => arg.parse().map(Choice::AdvanceClock).map_err(|_| err()),
            "fetch" => arg.parse().map(Choice::CompleteFetch).map_err(|_| err()),
            "io" => arg.parse().map(Choice::CompleteIo).map_err(|_| err()),
            "timer" => arg
                .parse()
                .map(Choice::TimerWaitCompletes)
                .map_err(|_| err()),
            "eager" => arg.parse().map(Choice::EagerOp).map_err(|_| err()),
            "cut" => match arg.split_once('@') {
                Some((t, n)) => Ok(Choice::SubMsCut(
                    t.parse().map_err(|_| err())?,
                    n.parse().map_err(|_| err())?,
                )),
                None => Err(err()),
            },
            "ms" => match arg.split_once('@') {
                Some((k, t)) => Ok(Choice::Elapse(
                    k.parse().map_err(|_| err())?,
                    t.parse().map_err(|_| err())?,
                )),
                None => arg.parse().map(Choice::MsBoundary).map_err(|_| err()),
            },
            _ => Err(err()),
        }
    }
}

impl Choice {
    /// The choice in words, for witnesses and counterexamples. `st` is the state the choice
    /// is taken in (it names the request a `fetch:N` completes).
    pub fn describe_in(&self, st: &State) -> String {
        match self {
            Choice::CompleteFetch(n) => match st.html.fetches.iter().find(|f| f.id == *n) {
                Some(f) => match f.kind {
                    crate::host::fetch::FetchKind::Fetch => format!("fetch {} completes", f.url),
                    crate::host::fetch::FetchKind::Body { .. } => {
                        format!("the body of {} is fully read", f.url)
                    }
                    crate::host::fetch::FetchKind::Xhr => {
                        format!("XMLHttpRequest {} completes", f.url)
                    }
                    crate::host::fetch::FetchKind::Script => {
                        format!("script {} is fetched", f.url)
                    }
                },
                None => self.describe(),
            },
            Choice::UserEvent => match st.web.user_events.first() {
                Some(crate::host::web::UserEvent::Click(sel)) => format!("the user clicks {sel}"),
                Some(crate::host::web::UserEvent::Resize(w, h)) => {
                    format!("the user resizes the window to {w}x{h}")
                }
                None => self.describe(),
            },
            Choice::CompleteIo(n) => match st.node.in_flight.iter().find(|r| r.id == *n) {
                Some(r) => format!("{} completes", r.describe()),
                None => self.describe(),
            },
            _ => self.describe(),
        }
    }

    /// The choice in words, for witnesses and counterexamples.
    pub fn describe(&self) -> String {
        match self {
            Choice::CompleteFetch(n) => format!("network request {n} completes"),
            Choice::CompleteIo(n) => format!("thread-pool request {n} completes"),
            Choice::Start => "the process runs its main module".into(),
            Choice::StartInLoop => "the ES-module main is evaluated from inside the loop".into(),
            Choice::MsBoundary(k) => {
                format!("a millisecond boundary passes before timer start #{k} of the next step")
            }
            Choice::Elapse(k, t) => {
                format!(
                    "time passes while the next step runs: its loop-time read #{k} finds {t} ms"
                )
            }
            Choice::TimersAgain(true) => {
                "Node's timer is due again: libuv runs another timers pass (Node 20)".into()
            }
            Choice::TimersAgain(false) => {
                "Node's timer is due again: it waits for the next pass (Node ≥ 22)".into()
            }
            Choice::EagerOp(k) => format!(
                "op #{k} of the next step completes at the call (an eager op): its callback is a promise job"
            ),
            Choice::SubMsCut(t, n) => format!(
                "clock advances to {t} ms, before the sub-millisecond deadline of timer #{n}: the timers pass stops before it"
            ),
            Choice::TimerWaitCompletes(h) => {
                format!(
                    "the wait of timer #{h} (in start order) completes, later than its deadline"
                )
            }
            Choice::RunTask(TaskSource::PortMessageQueue(p)) => {
                format!("the event loop runs the next task of port {p}'s message queue")
            }
            Choice::RunTask(s) => format!("the event loop runs the next {} task", s.name()),
            Choice::AdvanceClock(t) => format!("clock advances to {t} ms"),
            Choice::RenderOpportunity => "a rendering opportunity arrives".into(),
            Choice::IdlePeriod => "the idle event loop starts an idle period".into(),
            Choice::UserEvent => "the user acts (the next user event happens)".into(),
        }
    }
}

/// The state of a run.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct State {
    pub program: ProgramRef,
    pub host: Host,
    /// MODEL-7: how much time running JavaScript takes in this run.
    pub timing: crate::setup::Timing,
    /// The Node-compatible host's runtime profile (the set-up's, else the host's own).
    pub profile: crate::host::Profile,
    /// The engine's realm: the heap of objects, environments and suspended frames.
    pub realm: Realm<HostObj>,
    /// The script's top-level environment (its bindings are the final values of an outcome).
    pub script_env: ObjId,
    /// The microtask queue (HTML-8: one FIFO queue for promise jobs and queueMicrotask).
    pub microtasks: VecDeque<Microtask>,
    /// The logical clock in ms.
    pub clock: u64,
    /// The `console.log` lines so far.
    pub log: Vec<String>,
    /// Reported exceptions (HTML "report an exception") and unhandled rejections.
    pub errors: Vec<String>,
    /// Set when the run diverged (MODEL-2), with the reason.
    pub halted: Option<String>,
    /// Set when the run reached one of its limits: it ends incomplete.
    pub limit: Option<LimitKind>,
    /// The run's limits and what it has spent of them.
    pub budget: BudgetRef,
    /// The HTML event loop's task queues, timers, requests and checkpoint state.
    pub html: crate::host::html::HtmlState,
    /// The Node.js loop, queues and process (hosts `node`, `node-esm`).
    pub node: crate::host::node::NodeState,
    /// The HTML host's rendering, messaging, idle-callback and event state.
    pub web: crate::host::web::WebState,
}

impl State {
    /// The initial state for `program` on `host` set up as `setup`, after the deterministic
    /// start (the page built, the script run, and every forced step after it).
    pub fn new(program: Arc<Program>, host: Host, setup: &Setup) -> State {
        State::new_traced(program, host, setup, &mut NoTrace)
    }

    /// [`State::new`], reporting each step to `tracer`.
    pub fn new_traced(
        program: Arc<Program>,
        host: Host,
        setup: &Setup,
        tracer: &mut dyn Tracer,
    ) -> State {
        let size = program.functions.first().map_or(0, |f| f.env_size) as usize;
        let mut realm = Realm::<HostObj>::default();
        let script_env = realm.heap.alloc_kind(ObjKind::Env {
            parent: None,
            slots: vec![Value::Hole; size],
            arguments: None,
            captured: Default::default(),
        });
        let page = setup.page.clone().unwrap_or_default();
        let mut st = State {
            program: ProgramRef(program),
            host,
            timing: setup.timing,
            profile: setup
                .profile
                .unwrap_or_else(|| crate::host::Profile::of(host)),
            realm,
            script_env,
            microtasks: VecDeque::new(),
            html: crate::host::html::HtmlState::default(),
            clock: 0,
            log: Vec::new(),
            errors: Vec::new(),
            halted: None,
            limit: None,
            budget: BudgetRef(Arc::new(crate::limits::budget(setup.limits))),
            node: Default::default(),
            web: crate::host::web::WebState {
                user_events: page.user_events.clone(),
                ..Default::default()
            },
        };
        st.step(tracer, |agent| {
            if !page.dom.is_empty() {
                agent.load_markup(&page.dom);
            }
            agent.start()
        });
        st.settle(tracer);
        st.canonicalize();
        st
    }

    /// The options the host has now. Empty: the run has ended.
    pub fn choices(&self) -> Vec<Choice> {
        if self.halted.is_some() || self.limit.is_some() {
            return Vec::new();
        }
        crate::host::choices(self)
    }

    /// The first of [`State::choices`] (the default scheduler's), computed without the rest.
    pub fn first_choice(&self) -> Option<Choice> {
        if self.halted.is_some() {
            return None;
        }
        crate::host::first_choice(self)
    }

    /// Takes `choice` and runs up to the next choice point.
    pub fn apply(&self, choice: Choice) -> State {
        self.apply_traced(choice, &mut NoTrace)
    }

    /// [`State::apply`], reporting each step to `tracer`.
    pub fn apply_traced(&self, choice: Choice, tracer: &mut dyn Tracer) -> State {
        let mut st = self.clone();
        st.perform(choice, tracer, false);
        st.settle(tracer);
        st.canonicalize();
        st
    }

    /// Whether the run has ended (no choices left).
    pub fn is_terminal(&self) -> bool {
        self.choices().is_empty()
    }

    /// MODEL-4, MODEL-7, RT-3: what the step `choice` takes does (a dry run on a copy of the
    /// state): the reads of Node's loop time it makes, each with the timer instants the read
    /// can be ordered against, and (Deno, `eager_ops`) how many ops that may complete at once
    /// it starts.
    pub fn probe(&self, choice: Choice) -> crate::host::node::StepProbe {
        let mut st = self.clone();
        st.perform_probed(choice, &mut NoTrace)
    }

    /// Takes the step `choice` as [`State::perform`] does without an observing tracer, and
    /// says what it did (see [`State::probe`]).
    fn perform_probed(
        &mut self,
        choice: Choice,
        tracer: &mut dyn Tracer,
    ) -> crate::host::node::StepProbe {
        let mut probe = crate::host::node::StepProbe::default();
        self.step(tracer, |agent| {
            agent.host_step.loop_time_log = Some(Vec::new());
            let r = agent.perform_choice(choice);
            probe.loop_time_reads = agent.host_step.loop_time_log.take().unwrap_or_default();
            probe.eager_ops = agent.host_step.eager_ops;
            r
        });
        probe
    }

    /// The Node-compatible host's runtime profile: the set-up's, else the host's own.
    pub fn profile(&self) -> crate::host::Profile {
        self.profile
    }

    /// Takes one host step; `forced`: it was the only option (a step of `settle`).
    fn perform(&mut self, choice: Choice, tracer: &mut dyn Tracer, forced: bool) {
        if tracer.observes() {
            let words = choice.describe_in(self);
            tracer.host_step(self, &choice.to_string(), &words, forced);
        }
        self.step(tracer, |agent| agent.perform_choice(choice));
    }

    /// The run's budget (its limits and what it has spent of them).
    pub fn budget(&self) -> &Arc<Budget> {
        &self.budget.0
    }

    /// Ends the run at `kind`, a limit it reached: nothing more runs; the outcome is
    /// `incomplete`.
    pub fn stop_at_limit(&mut self, kind: LimitKind) {
        self.limit = Some(kind);
    }

    /// Runs one macro-step, drawing on the run's budget; a divergence (MODEL-2) halts the
    /// run, a limit stops it.
    fn step(
        &mut self,
        tracer: &mut dyn Tracer,
        f: impl FnOnce(&mut Cx<'_, '_>) -> Result<(), Unwind>,
    ) {
        let program = self.program.0.clone();
        let budget = self.budget.0.clone();
        let mut agent = Agent::new(self, program, tracer, budget);
        let r = f(&mut Cx(&mut agent));
        if let Err(e) = r {
            let reason = match e {
                Unwind::Diverge(reason) => reason,
                Unwind::Limit(kind) => {
                    agent.st.limit = Some(kind);
                    return;
                }
                Unwind::Throw(_) => "an exception escaped the host".into(),
                Unwind::Exit(code) => {
                    agent.trace("NODE-1", || format!("the process exited with code {code}"));
                    agent.st.node.at = crate::host::node::LoopPoint::Exited;
                    return;
                }
            };
            agent.trace("MODEL-2", || format!("diverged: {reason}"));
            agent.st.halted = Some(reason);
        }
    }

    /// Takes forced steps (exactly one option) until a real choice, the end, a limit, or
    /// a cycle (MODEL-2: the forced steps came back to a state they were in, log aside).
    fn settle(&mut self, tracer: &mut dyn Tracer) {
        let mut watch = CycleWatch::default();
        let quiet = !tracer.enabled() && !tracer.observes();
        let mut collected_at = self.realm.heap.len();
        loop {
            if quiet {
                // Garbage collection during a long settle, not only at its end: canonicalizing
                // is collecting (it keeps what the roots reach), and the canonical state at the
                // end does not depend on how the cells were numbered before.
                if self.realm.heap.len() >= 2 * collected_at + GC_SLACK {
                    self.canonicalize();
                    collected_at = self.realm.heap.len();
                }
                if self.host.is_node() && self.halted.is_none() && self.limit.is_none() {
                    if !self.take_node_forced_step(tracer) {
                        return;
                    }
                    if self.forced_step_ends_settle(&mut watch, tracer) {
                        return;
                    }
                    continue;
                }
            }
            let cs = self.choices();
            if cs.len() != 1 {
                return;
            }
            if self.forced_step_ends_settle(&mut watch, tracer) {
                return;
            }
            self.perform(cs[0], tracer, true);
        }
    }

    /// Between forced steps: a limit reached stops the run; the forced steps coming back to
    /// a state they were in (log aside) is a cycle (MODEL-2) and halts it.
    fn forced_step_ends_settle(&mut self, watch: &mut CycleWatch, tracer: &mut dyn Tracer) -> bool {
        if let Err(kind) = self.budget.0.check() {
            self.limit = Some(kind);
            return true;
        }
        if watch.observe(self, [0; 4]) {
            let reason = crate::cycle::reason("the event loop's forced steps");
            let mut agent = Agent::new(self, self.program.0.clone(), tracer, self.budget.0.clone());
            agent.trace("MODEL-2", || format!("diverged: {reason}"));
            drop(agent);
            self.halted = Some(reason);
            return true;
        }
        false
    }

    /// A forced step of a Node host, taken without a dry run first: true when the state had
    /// exactly one option and its step is taken, false when it had none or several (the state
    /// is as it was).
    ///
    /// The step-dependent options (MODEL-4, MODEL-7, RT-3) come after the base options
    /// ([`crate::host::node::choices_probed`]): none without a base option, and several with
    /// several. With one, its step is taken for real, recording what a dry run would (the
    /// same step on the same state, with no tracer to see it): if the options that gives are
    /// that one alone, the step was forced and stays taken; otherwise the state is put back.
    fn take_node_forced_step(&mut self, tracer: &mut dyn Tracer) -> bool {
        let base = crate::host::node::base_choices(self);
        let [choice] = base[..] else {
            return false;
        };
        let before = self.clone();
        let probe = self.perform_probed(choice, tracer);
        let options = crate::host::node::choices_probed(&before, &mut |c| {
            if c == choice {
                probe.clone()
            } else {
                before.probe(c)
            }
        });
        if options.len() == 1 {
            return true;
        }
        *self = before;
        false
    }

    /// The final values of the script's top-level bindings, formatted (FORMAT-1).
    pub fn vars(&self) -> Vec<(String, String)> {
        let program = &self.program.0;
        let ObjKind::Env { slots, .. } = &self.realm.heap.get(self.script_env).kind else {
            return Vec::new();
        };
        program
            .script_bindings
            .iter()
            .zip(slots)
            .filter(|(name, v)| !name.starts_with('%') && !matches!(v, Value::Object(id) if matches!(self.realm.heap.get(*id).kind, ObjKind::Function(_))))
            .map(|(name, v)| (name.to_string(), crate::format::inspect(&self.realm.heap, program, v)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every schedule step prints in the replay syntax and parses back to itself.
    #[test]
    fn every_choice_round_trips_through_its_replay_syntax() {
        let choices = [
            Choice::RunTask(TaskSource::Timer),
            Choice::RunTask(TaskSource::PortMessageQueue(2)),
            Choice::AdvanceClock(10),
            Choice::CompleteFetch(1),
            Choice::CompleteIo(3),
            Choice::Start,
            Choice::StartInLoop,
            Choice::MsBoundary(2),
            Choice::Elapse(1, 26),
            Choice::TimerWaitCompletes(4),
            Choice::TimersAgain(true),
            Choice::TimersAgain(false),
            Choice::SubMsCut(20, 1),
            Choice::EagerOp(1),
            Choice::RenderOpportunity,
            Choice::IdlePeriod,
            Choice::UserEvent,
        ];
        for c in choices {
            let text = c.to_string();
            assert_eq!(text.parse::<Choice>(), Ok(c), "{text}");
            assert!(!c.describe().is_empty());
        }
        assert!("cut:20".parse::<Choice>().is_err());
        assert!("eager:x".parse::<Choice>().is_err());
    }
}
