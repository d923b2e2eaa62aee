//! `evloop run FILE`: one deterministic run.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use evloop_model::trace::{TraceEvent, Tracer};
use evloop_model::{Host, Scheduler, Timing};
use serde::Serialize;

use super::exit;

#[derive(Debug, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub page: super::PageArgs,
    /// The JavaScript file.
    pub file: PathBuf,
    /// The host to model.
    #[arg(long, default_value = "html", value_parser = parse_host)]
    pub host: Host,
    /// Who decides at choice points: `default`, `random:SEED`, or `replay:STEP,STEP,…`
    /// (steps as printed in a schedule, e.g. `task:timer,clock:10`).
    #[arg(long, default_value = "default", value_parser = parse_schedule)]
    pub schedule: Scheduler,
    /// Print every step with the rule that fired.
    #[arg(long)]
    pub trace: bool,
    /// Print JSON: {"host", "log", "status", "errors", "vars", "schedule"}.
    #[arg(long)]
    pub json: bool,
    /// Run with real threads (Node hosts): a worker pool really performs the thread-pool
    /// requests (sleeping a random time) and timers come due by the wall clock; the choices
    /// are what really happened, the model carries out the JavaScript (runtime/).
    #[arg(long, conflicts_with = "schedule")]
    pub real: bool,
    /// How much time running JavaScript takes: `ideal` (MODEL-1/3/4: almost none) or
    /// `loaded` (MODEL-7: any; Node hosts). Replaying a witness found with `evloop check
    /// --timing loaded` needs the same timing.
    #[arg(long, default_value = "ideal", value_parser = parse_timing)]
    pub timing: Timing,
    #[command(flatten)]
    pub limits: super::LimitArgs,
}

pub fn parse_timing(s: &str) -> Result<Timing, String> {
    Timing::from_name(s).ok_or_else(|| format!("unknown timing `{s}`; supported: ideal, loaded"))
}

pub fn parse_host(s: &str) -> Result<Host, String> {
    Host::from_name(s).ok_or_else(|| {
        format!(
            "unknown host `{s}`; supported: {}",
            Host::ALL
                .iter()
                .map(|h| h.name())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

pub fn parse_schedule(s: &str) -> Result<Scheduler, String> {
    Scheduler::parse(s)
}

/// Prints trace events as they happen.
struct Printer {
    json: bool,
    events: Vec<TraceEvent>,
}

impl Tracer for Printer {
    fn enabled(&self) -> bool {
        true
    }
    fn event(&mut self, ev: TraceEvent) {
        if self.json {
            self.events.push(ev);
        } else {
            outln!("[{:>5} ms] {:<8} {}", ev.clock, ev.rule, ev.text);
        }
    }
}

#[derive(Serialize)]
struct JsonTrace<'a> {
    rule: &'a str,
    clock: u64,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonRun<'a> {
    host: &'a str,
    log: &'a [String],
    status: &'a str,
    errors: &'a [String],
    vars: &'a std::collections::BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    schedule: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trace: Option<Vec<JsonTrace<'a>>>,
}

/// Runs the subcommand; returns the exit code.
pub fn main(args: RunArgs) -> Result<u8> {
    let loaded = match super::load_program(&args.file, args.host, &args.page) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let program = loaded.program.clone();
    let mut printer = Printer {
        json: args.json,
        events: Vec::new(),
    };
    let result = if args.real {
        let opts = evloop_runtime::exec::RealOptions::default();
        let tracer: &mut dyn Tracer = if args.trace {
            &mut printer
        } else {
            &mut evloop_model::trace::NoTrace
        };
        evloop_runtime::exec::run_real(program, args.host, &opts, tracer).map_err(|e| e.to_string())
    } else {
        let setup = loaded.setup(args.timing, args.limits.limits());
        let tracer: &mut dyn Tracer = if args.trace {
            &mut printer
        } else {
            &mut evloop_model::trace::NoTrace
        };
        evloop_model::run_traced(program, args.host, &setup, &args.schedule, tracer)
            .map_err(|e| e.to_string())
    };
    let result = match result {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(exit::BAD_INPUT);
        }
    };
    let o = &result.outcome;
    if args.json {
        let trace = args.trace.then(|| {
            printer
                .events
                .iter()
                .map(|e| JsonTrace {
                    rule: e.rule,
                    clock: e.clock,
                    text: &e.text,
                })
                .collect()
        });
        let out = JsonRun {
            host: args.host.name(),
            log: &o.log,
            status: o.status.name(),
            errors: &o.errors,
            vars: &o.vars,
            reason: o.reason.as_deref(),
            schedule: result.schedule.iter().map(ToString::to_string).collect(),
            trace,
        };
        outln!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        if !args.trace {
            for line in &o.log {
                outln!("{line}");
            }
        }
        for e in &o.errors {
            eprintln!("evloop: {e}");
        }
        if let Some(r) = &o.reason {
            eprintln!("evloop: {}: {r}", o.status.name());
        }
        if !result.schedule.is_empty() {
            eprintln!(
                "evloop: status {}, schedule {}",
                o.status.name(),
                result
                    .schedule
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(",")
            );
        } else if o.status.name() != "completed" {
            eprintln!("evloop: status {}", o.status.name());
        }
    }
    if o.status == evloop_model::Status::Incomplete {
        return Ok(exit::INCOMPLETE);
    }
    Ok(exit::OK)
}
