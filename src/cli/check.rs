//! `evloop check FILE`: every outcome over every schedule, and claims about them.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use clap::Args;
use evloop_checker::{CheckError, Found, Limits, Options, Progress, Verdict};
use evloop_model::{Choice, Host, Program, Timing};
use serde::Serialize;

use super::exit;
use super::run::parse_host;

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub page: super::PageArgs,
    /// The JavaScript file.
    pub file: PathBuf,
    /// The host to model.
    #[arg(long, default_value = "html", value_parser = parse_host)]
    pub host: Host,
    /// A claim to prove or refute over every schedule, e.g. `always "a" before "b"`
    /// (repeatable; the language is in the README).
    #[arg(long = "claim", value_name = "CLAIM")]
    pub claims: Vec<String>,
    /// Print JSON: {"host", "complete", "states", "outcomes", "claims"}.
    #[arg(long)]
    pub json: bool,
    /// Stop after visiting this many distinct states (the answer is then incomplete).
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_states)]
    pub max_states: usize,
    /// Explore schedules of at most this many choices.
    #[arg(long, value_name = "N")]
    pub max_depth: Option<usize>,
    /// Exploring threads (0: one per core, at most 2).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub threads: usize,
    /// How much time running JavaScript takes: `ideal` (MODEL-1/3/4: almost none) or
    /// `loaded` (MODEL-7: any; Node hosts).
    #[arg(long, default_value = "ideal", value_parser = super::run::parse_timing)]
    pub timing: evloop_model::Timing,
    /// The limits of the whole exploration (every step of every schedule).
    #[command(flatten)]
    pub limits: super::LimitArgs,
}

#[derive(Serialize)]
struct JsonOutcome<'a> {
    log: &'a [String],
    status: &'a str,
    errors: &'a [String],
    vars: &'a BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    witness: Vec<String>,
}

#[derive(Serialize)]
struct JsonCounterexample<'a> {
    log: &'a [String],
    status: &'a str,
    schedule: Vec<String>,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    claim: &'a str,
    holds: Option<bool>,
    counterexample: Option<JsonCounterexample<'a>>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    host: &'a str,
    complete: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    incomplete: Option<String>,
    /// The limit that made it incomplete: `states`, `depth`, `time`, `steps`, `memory`.
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<&'static str>,
    states: usize,
    max_depth: usize,
    outcomes: Vec<JsonOutcome<'a>>,
    claims: Vec<JsonClaim<'a>>,
}

fn steps(schedule: &[Choice]) -> Vec<String> {
    schedule.iter().map(ToString::to_string).collect()
}

fn replay_arg(schedule: &[Choice]) -> String {
    format!("replay:{}", steps(schedule).join(","))
}

/// Prints progress on one terminal line (overwritten), cleared at the end.
fn progress_printer() -> Option<evloop_checker::ProgressFn> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    Some(Box::new(|p: &Progress| {
        let mut err = std::io::stderr().lock();
        if p.done {
            let _ = write!(err, "\r\x1b[2K");
        } else {
            let _ = write!(
                err,
                "\r\x1b[2Kexploring: {} states, {:.0} states/s, depth {}, {:.1} s",
                p.states,
                p.rate(),
                p.depth,
                p.elapsed.as_secs_f64()
            );
        }
        let _ = err.flush();
    }))
}

/// Prints an outcome (or counterexample) with its schedule in words, indented.
fn print_found(
    program: &Arc<Program>,
    host: Host,
    setup: &evloop_model::Setup,
    file: &str,
    f: &Found,
    indent: &str,
) {
    let timing = setup.timing;
    let o = &f.outcome;
    if o.log.is_empty() {
        outln!("{indent}log: (nothing)");
    } else {
        outln!("{indent}log:");
        for line in &o.log {
            outln!("{indent}  {line}");
        }
    }
    outln!("{indent}status: {}", o.status.name());
    if let Some(r) = &o.reason {
        outln!("{indent}reason: {r}");
    }
    for e in &o.errors {
        outln!("{indent}error: {e}");
    }
    if !o.vars.is_empty() {
        let vars: Vec<String> = o.vars.iter().map(|(k, v)| format!("{k} = {v}")).collect();
        outln!("{indent}vars: {}", vars.join(", "));
    }
    if f.witness.is_empty() {
        outln!("{indent}schedule: no choices (the only way the program can run)");
    } else {
        outln!(
            "{indent}schedule ({} choices; every other step is forced):",
            f.witness.len()
        );
        let words = evloop_checker::describe_schedule(program.clone(), host, setup, &f.witness);
        for (i, (c, w)) in f.witness.iter().zip(words).enumerate() {
            outln!("{indent}  {}. {w}  [{c}]", i + 1);
        }
        outln!(
            "{indent}replay: evloop run {file} --host {}{} --schedule {}",
            host.name(),
            if timing == Timing::Loaded {
                " --timing loaded"
            } else {
                ""
            },
            replay_arg(&f.witness)
        );
    }
}

/// Runs the subcommand; returns the exit code.
pub fn main(args: CheckArgs) -> Result<u8> {
    let loaded = match super::load_program(&args.file, args.host, &args.page) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let program = loaded.program.clone();
    let mut options = Options {
        limits: Limits {
            max_states: args.max_states,
            max_depth: args.max_depth,
            timeout: Some(args.limits.timeout),
            run: None,
        },
        threads: args.threads,
        progress: progress_printer(),
        setup: loaded.setup(args.timing, args.limits.limits()),
    };
    let report = match evloop_checker::check(program.clone(), args.host, &args.claims, &mut options)
    {
        Ok(r) => r,
        Err(CheckError::Claim { claim, error }) => {
            eprint!("error: {}", error.render(&claim));
            return Ok(exit::BAD_INPUT);
        }
        Err(e) => return Err(e.into()),
    };
    let x = &report.exploration;
    let file = args.file.display().to_string();
    if args.json {
        let out = JsonReport {
            host: args.host.name(),
            complete: x.complete,
            incomplete: x.limit.as_ref().map(|l| l.to_string()),
            limit: x.limit.as_ref().map(|l| l.name()),
            states: x.states,
            max_depth: x.max_depth,
            outcomes: x
                .outcomes
                .iter()
                .map(|f| JsonOutcome {
                    log: &f.outcome.log,
                    status: f.outcome.status.name(),
                    errors: &f.outcome.errors,
                    vars: &f.outcome.vars,
                    reason: f.outcome.reason.as_deref(),
                    witness: steps(&f.witness),
                })
                .collect(),
            claims: report
                .claims
                .iter()
                .map(|j| JsonClaim {
                    claim: &j.claim,
                    holds: j.verdict.as_option(),
                    counterexample: j.counterexample.as_ref().map(|c| JsonCounterexample {
                        log: &c.outcome.log,
                        status: c.outcome.status.name(),
                        schedule: steps(&c.witness),
                    }),
                })
                .collect(),
        };
        outln!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(report.exit_code());
    }
    let n = x.outcomes.len();
    outln!(
        "{file} on {}: {n} outcome{} over {} states ({:.2} s){}",
        args.host.name(),
        if n == 1 { "" } else { "s" },
        x.states,
        x.elapsed.as_secs_f64(),
        match &x.limit {
            Some(l) => format!(" — INCOMPLETE ({})", l.name()),
            None if !x.complete => " — INCOMPLETE".to_string(),
            None => String::new(),
        }
    );
    if let Some(l) = &x.limit {
        outln!("incomplete: {l}; the outcomes below are the ones found so far");
    }
    for (i, f) in x.outcomes.iter().enumerate() {
        outln!();
        outln!("outcome {} of {n}:", i + 1);
        print_found(&program, args.host, &options.setup, &file, f, "  ");
    }
    for j in &report.claims {
        outln!();
        outln!("claim: {}", j.claim);
        match j.verdict {
            Verdict::Holds => outln!("  holds on every schedule"),
            Verdict::Unknown => outln!(
                "  unknown: the exploration is incomplete and the outcomes found do not decide it"
            ),
            Verdict::Fails => {
                outln!("  FAILS; shortest counterexample:");
                if let Some(c) = &j.counterexample {
                    print_found(&program, args.host, &options.setup, &file, c, "    ");
                }
            }
        }
    }
    Ok(report.exit_code())
}
