//! `evloop conform`: runs the vectors on real runtimes and judges every observed outcome
//! against the runtime's own host profile.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;
use evloop_conformance::{Config, Observed, Report, Runtime, Vector, judge, plan, run_all, vector};

use super::exit;

#[derive(Debug, Args)]
pub struct ConformArgs {
    /// A runtime to run on (repeatable): node, node22, node24, deno, bun, chromium, firefox.
    #[arg(long = "runtime", value_name = "R", value_parser = parse_runtime, default_value = "node")]
    pub runtimes: Vec<Runtime>,
    /// Runs of each vector that has more than one allowed outcome on the runtime's host.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub runs: u32,
    /// Print the report as JSON on stdout (instead of the summary).
    #[arg(long)]
    pub json: bool,
    /// Write the report as Markdown to FILE, as JSON to FILE with a .json extension, and
    /// every run as a JSON line to FILE with a .runs.jsonl extension.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Only vectors whose id contains this text.
    #[arg(long, value_name = "ID")]
    pub filter: Option<String>,
    /// Read vectors from DIR (written by `evloop vectors --out`) instead of generating them
    /// from spec/litmus.
    #[arg(long, value_name = "DIR")]
    pub vectors: Option<PathBuf>,
    /// The litmus directory to generate vectors from.
    #[arg(long, value_name = "DIR", default_value = "spec/litmus")]
    pub litmus: PathBuf,
    /// Runs at once (default: the number of cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Seconds before a run counts as a hang.
    #[arg(long, value_name = "S", default_value_t = 10.0)]
    pub timeout: f64,
    /// Browsers: milliseconds without a new line or error after load that end a run.
    #[arg(long, value_name = "MS", default_value_t = 500)]
    pub quiet: u64,
    /// Print each run's result as a JSON line on stderr as it arrives.
    #[arg(long)]
    pub verbose: bool,
}

fn parse_runtime(s: &str) -> Result<Runtime, String> {
    Runtime::from_name(s).ok_or_else(|| {
        format!(
            "unknown runtime `{s}`; expected one of {}",
            Runtime::ALL.map(|r| r.name()).join(", ")
        )
    })
}

pub fn main(args: ConformArgs) -> Result<u8> {
    let start = Instant::now();
    let mut vectors: Vec<Vector> = match &args.vectors {
        Some(dir) => vector::read_dir(dir).map_err(anyhow::Error::msg)?,
        None => super::vectors::generate(&args.litmus, args.filter.as_deref(), 200_000)?,
    };
    if let Some(f) = &args.filter {
        vectors.retain(|v| v.id.contains(f.as_str()));
    }
    if vectors.is_empty() {
        bail!("no vectors");
    }
    let mut runtimes = args.runtimes.clone();
    runtimes.dedup();
    let mut versions = BTreeMap::new();
    for &r in &runtimes {
        let v = r.version().unwrap_or_else(|e| format!("does not run: {e}"));
        versions.insert(r.name().to_string(), v);
    }
    let config = Config {
        runtimes: runtimes.clone(),
        runs: args.runs.max(1),
        jobs: args.jobs.unwrap_or(Config::default().jobs).max(1),
        timeout: Duration::from_secs_f64(args.timeout.max(0.1)),
        quiet: Duration::from_millis(args.quiet),
    };
    let shared: Vec<Arc<Vector>> = vectors.iter().cloned().map(Arc::new).collect();
    let jobs = plan(&shared, &config);
    let total = jobs.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let verbose = args.verbose;
    let progress = |o: &Observed| {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let mut err = std::io::stderr().lock();
        if verbose {
            let _ = writeln!(err, "{}", serde_json::to_string(o).unwrap_or_default());
        } else if n.is_multiple_of(50) || n == total {
            let _ = writeln!(
                err,
                "conform: {n}/{total} runs ({:.0} s)",
                start.elapsed().as_secs_f64()
            );
        }
    };
    let observed = run_all(jobs, &config, &progress);
    let cells = judge(&vectors, &runtimes, &observed);
    let report = Report {
        runtimes: versions,
        runs: config.runs,
        elapsed_s: start.elapsed().as_secs_f64(),
        cells,
    };
    let markdown = report.markdown(&vectors);
    if let Some(file) = &args.report {
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(file, &markdown).with_context(|| format!("writing {}", file.display()))?;
        let json = file.with_extension("json");
        std::fs::write(&json, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("writing {}", json.display()))?;
        // Every run, one JSON line each (the harness protocol's records).
        let runs = file.with_extension("runs.jsonl");
        let mut lines = String::new();
        for o in &observed {
            lines.push_str(&serde_json::to_string(o)?);
            lines.push('\n');
        }
        std::fs::write(&runs, lines).with_context(|| format!("writing {}", runs.display()))?;
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        // The summary table and the findings (the matrix is in the report file).
        let summary_end = markdown.find("\n## Matrix").unwrap_or(markdown.len());
        out!("{}", &markdown[..summary_end]);
        if let Some(f) = markdown.find("\n## Findings") {
            out!("{}", &markdown[f..]);
        }
        outln!();
    }
    Ok(if report.exit_code() == 0 {
        exit::OK
    } else {
        exit::CLAIM_FAILS
    })
}
