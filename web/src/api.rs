//! The playground's two questions, answered as JSON: [`run`] (one schedule, as `evloop run
//! --json --trace`, with `evloop explain --json`'s snapshots) and [`check`] (every schedule, as `evloop check --json`, explored on one
//! thread by [`evloop_checker::explore_single_threaded`] on every target, so the native tests
//! exercise what the browser runs).

use std::collections::BTreeMap;
use std::time::Duration;

use evloop_checker::{CheckError, Found, Limits, Verdict};
use evloop_model::trace::{Collect, TraceEvent};
use evloop_model::{Choice, Outcome, Scheduler};
use serde::Serialize;

use crate::load::{self, Loaded, Options, Problem};

/// The state limit of a check from the page when none is given: large enough for every
/// litmus file, small enough to answer (or say "incomplete") in seconds in a browser.
pub const DEFAULT_MAX_STATES: usize = 200_000;

/// A failed request: what was wrong, with positions.
#[derive(Serialize)]
struct Failed {
    ok: bool,
    problems: Vec<Problem>,
}

fn failed(problems: Vec<Problem>) -> String {
    to_json(&Failed {
        ok: false,
        problems,
    })
}

fn to_json(v: &impl Serialize) -> String {
    // Serialising plain strings, numbers and maps cannot fail.
    serde_json::to_string(v)
        .unwrap_or_else(|e| format!("{{\"ok\":false,\"problems\":[{{\"message\":\"{e}\"}}]}}"))
}

/// One step of the trace (`evloop run --trace`): the rule that fired, the clock, the words.
#[derive(Serialize)]
struct Step {
    rule: &'static str,
    clock: u64,
    text: String,
}

impl From<TraceEvent> for Step {
    fn from(e: TraceEvent) -> Step {
        Step {
            rule: e.rule,
            clock: e.clock,
            text: e.text,
        }
    }
}

/// How a run ended: `log`, `status`, `errors`, `vars`, `reason` (as `evloop run --json`).
#[derive(Serialize)]
struct Ending {
    log: Vec<String>,
    status: &'static str,
    errors: Vec<String>,
    vars: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

impl From<&Outcome> for Ending {
    fn from(o: &Outcome) -> Ending {
        Ending {
            log: o.log.clone(),
            status: o.status.name(),
            errors: o.errors.clone(),
            vars: o.vars.clone(),
            reason: o.reason.clone(),
        }
    }
}

/// The answer of [`run`]: the fields of `evloop run --json --trace`, and `ok`.
#[derive(Serialize)]
struct RunAnswer {
    ok: bool,
    host: &'static str,
    timing: &'static str,
    #[serde(flatten)]
    ending: Ending,
    schedule: Vec<String>,
    /// Each choice of the schedule in words.
    schedule_words: Vec<String>,
    trace: Vec<Step>,
    /// The run step by step (`evloop explain --json`): a snapshot per step with the source
    /// position, stack, queues, clock, log and the rule with its place in the book.
    explanation: evloop_explain::Explanation,
}

/// Runs `source` on the host named `host` with `schedule` (`default`, `random:SEED`,
/// `replay:STEP,…`) and `options` (JSON, [`Options`]); the answer as JSON: `{"ok": true,
/// "log", "status", "errors", "vars", "schedule", "trace", …}` or `{"ok": false, "problems":
/// [{"line", "col", "message", …}]}`.
pub fn run(source: &str, host: &str, schedule: &str, options: &str) -> String {
    let options = match parse_options(options) {
        Ok(o) => o,
        Err(p) => return failed(vec![p]),
    };
    let loaded = match load::load(source, host, &options) {
        Ok(l) => l,
        Err(p) => return failed(p),
    };
    let scheduler = match Scheduler::parse(schedule.trim()) {
        Ok(s) => s,
        Err(e) => return failed(vec![Problem::general(e)]),
    };
    let mut trace = Collect::default();
    let result = match evloop_model::run_traced(
        loaded.program.clone(),
        loaded.host,
        &loaded.setup,
        &scheduler,
        &mut trace,
    ) {
        Ok(r) => r,
        Err(e) => return failed(vec![Problem::general(e.to_string())]),
    };
    let explanation = match evloop_explain::explain(
        loaded.program.clone(),
        loaded.host,
        &loaded.setup,
        &scheduler,
    ) {
        Ok(x) => x,
        Err(e) => return failed(vec![Problem::general(e.to_string())]),
    };
    to_json(&RunAnswer {
        ok: true,
        host: loaded.host.name(),
        timing: loaded.setup.timing.name(),
        ending: Ending::from(&result.outcome),
        schedule_words: words(&loaded, &result.schedule),
        schedule: steps(&result.schedule),
        trace: trace.0.into_iter().map(Step::from).collect(),
        explanation,
    })
}

/// An outcome with its witness (or a counterexample with its schedule).
#[derive(Serialize)]
struct OutcomeAnswer {
    #[serde(flatten)]
    ending: Ending,
    witness: Vec<String>,
    witness_words: Vec<String>,
}

#[derive(Serialize)]
struct ClaimAnswer {
    claim: String,
    /// `true`, `false`, or `null` (unknown: the exploration is incomplete and does not decide).
    holds: Option<bool>,
    verdict: &'static str,
    counterexample: Option<OutcomeAnswer>,
}

/// The answer of [`check`]: the fields of `evloop check --json`, and `ok`.
#[derive(Serialize)]
struct CheckAnswer {
    ok: bool,
    host: &'static str,
    timing: &'static str,
    complete: bool,
    /// Why the exploration is incomplete (the limit that was hit).
    #[serde(skip_serializing_if = "Option::is_none")]
    incomplete: Option<String>,
    states: usize,
    max_depth: usize,
    elapsed_ms: u128,
    outcomes: Vec<OutcomeAnswer>,
    claims: Vec<ClaimAnswer>,
}

/// Explores every schedule of `source` on the host named `host` and judges `claims` (JSON: an
/// array of claim strings) within the limits of `options` (JSON, [`Options`]); the answer as
/// JSON: `{"ok": true, "complete", "incomplete", "states", "outcomes": [{"log", "witness",
/// …}], "claims": [{"claim", "holds", "counterexample"}]}` or `{"ok": false, "problems"}`.
pub fn check(source: &str, host: &str, claims: &str, options: &str) -> String {
    let options = match parse_options(options) {
        Ok(o) => o,
        Err(p) => return failed(vec![p]),
    };
    let claims: Vec<String> = match serde_json::from_str::<Vec<String>>(claims) {
        Ok(c) => c.into_iter().filter(|c| !c.trim().is_empty()).collect(),
        Err(e) => return failed(vec![Problem::general(format!("claims: {e}"))]),
    };
    let loaded = match load::load(source, host, &options) {
        Ok(l) => l,
        Err(p) => return failed(p),
    };
    let mut check_options = evloop_checker::Options {
        limits: Limits {
            max_states: options.max_states.unwrap_or(DEFAULT_MAX_STATES),
            max_depth: options.max_depth,
            timeout: options.timeout_ms.map(Duration::from_millis),
            run: None,
        },
        threads: 1,
        progress: None,
        setup: loaded.setup.clone(),
    };
    let report = match evloop_checker::check_with(
        loaded.program.clone(),
        loaded.host,
        &claims,
        &mut check_options,
        evloop_checker::explore_single_threaded,
    ) {
        Ok(r) => r,
        Err(CheckError::Claim { claim, error }) => {
            return failed(vec![Problem::general(error.render(&claim))]);
        }
        Err(e) => return failed(vec![Problem::general(e.to_string())]),
    };
    let x = &report.exploration;
    to_json(&CheckAnswer {
        ok: true,
        host: loaded.host.name(),
        timing: loaded.setup.timing.name(),
        complete: x.complete,
        incomplete: x.limit.as_ref().map(|l| l.to_string()),
        states: x.states,
        max_depth: x.max_depth,
        elapsed_ms: x.elapsed.as_millis(),
        outcomes: x.outcomes.iter().map(|f| found(&loaded, f)).collect(),
        claims: report
            .claims
            .iter()
            .map(|j| ClaimAnswer {
                claim: j.claim.clone(),
                holds: j.verdict.as_option(),
                verdict: match j.verdict {
                    Verdict::Holds => "holds",
                    Verdict::Fails => "fails",
                    Verdict::Unknown => "unknown",
                },
                counterexample: j.counterexample.as_ref().map(|c| found(&loaded, c)),
            })
            .collect(),
    })
}

fn found(loaded: &Loaded, f: &Found) -> OutcomeAnswer {
    OutcomeAnswer {
        ending: Ending::from(&f.outcome),
        witness: steps(&f.witness),
        witness_words: words(loaded, &f.witness),
    }
}

fn parse_options(json: &str) -> Result<Options, Problem> {
    if json.trim().is_empty() {
        return Ok(Options::default());
    }
    serde_json::from_str(json).map_err(|e| Problem::general(format!("options: {e}")))
}

fn steps(schedule: &[Choice]) -> Vec<String> {
    schedule.iter().map(ToString::to_string).collect()
}

fn words(loaded: &Loaded, schedule: &[Choice]) -> Vec<String> {
    evloop_checker::describe_schedule(loaded.program.clone(), loaded.host, &loaded.setup, schedule)
}
