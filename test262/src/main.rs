//! `evloop-test262`: runs the in-scope test262 tests, prints the per-folder table and
//! `test262: N passed, M failed`, writes the per-test results, and fails on a regression
//! against `test262/expectations.txt`.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;
use evloop_test262::expectations::Expectations;
use evloop_test262::{report, runner};

/// The repository's root (this crate's parent folder).
fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), PathBuf::from)
}

#[derive(Parser, Debug)]
#[command(
    name = "evloop-test262",
    about = "Runs test262 (the in-scope subset) on evloop's frontend and engine"
)]
struct Args {
    /// The test262 folder (with harness/ and test/). Default: ../shared/test262 beside the
    /// repository.
    #[arg(long, env = "TEST262_DIR")]
    test262_dir: Option<PathBuf>,
    /// Run only the tests whose path under test/ starts with PREFIX (repeatable), e.g.
    /// `built-ins/Promise`.
    #[arg(long, value_name = "PREFIX")]
    filter: Vec<String>,
    /// Rewrite the expectations file with today's failures instead of comparing.
    #[arg(long)]
    update_expectations: bool,
    /// Print the report as JSON instead of tables (the closing line still comes last).
    #[arg(long)]
    json: bool,
    /// The expectations file. Default: test262/expectations.txt.
    #[arg(long)]
    expectations: Option<PathBuf>,
    /// Where to write the per-run results (JSON). Default: target/test262-results.json.
    #[arg(long)]
    results: Option<PathBuf>,
    /// Worker threads. Default: the available parallelism.
    #[arg(long)]
    threads: Option<usize>,
    /// Interpreter steps per run before it fails with "timeout".
    #[arg(long, default_value_t = runner::DEFAULT_FUEL)]
    fuel: u64,
}

fn main() -> ExitCode {
    match real_main() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("evloop-test262: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn real_main() -> anyhow::Result<ExitCode> {
    let args = Args::parse();
    let root = repo_root();
    let config = runner::Config {
        root: args
            .test262_dir
            .unwrap_or_else(|| root.join("..").join("shared").join("test262")),
        filters: args.filter.clone(),
        threads: args
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)),
        fuel: args.fuel,
    };
    let outcome = runner::run(&config)?;

    let results_path = args
        .results
        .unwrap_or_else(|| root.join("target").join("test262-results.json"));
    if let Some(dir) = results_path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let out_of_scope: Vec<serde_json::Value> = outcome
        .out_of_scope
        .iter()
        .map(|(path, why)| serde_json::json!({ "path": path, "why": why.describe() }))
        .collect();
    let file = serde_json::json!({ "runs": outcome.results, "out_of_scope": out_of_scope });
    std::fs::write(&results_path, serde_json::to_string_pretty(&file)?)
        .with_context(|| format!("writing {}", results_path.display()))?;

    if args.json {
        println!("{}", serde_json::to_string_pretty(&report::json(&outcome))?);
    } else {
        print!("{}", report::text(&outcome));
        println!("Per-run results: {}", results_path.display());
    }

    let exp_path = args
        .expectations
        .unwrap_or_else(|| root.join("test262").join("expectations.txt"));
    let expected = match std::fs::read_to_string(&exp_path) {
        Ok(text) => Expectations::parse(&text).map_err(anyhow::Error::msg)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && args.update_expectations => {
            Expectations::default()
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", exp_path.display())),
    };
    let cmp = expected.compare(&outcome.results, &args.filter);
    let mut code = ExitCode::SUCCESS;
    if args.update_expectations {
        let next = expected.updated(&outcome.results, &args.filter);
        std::fs::write(&exp_path, next.render())
            .with_context(|| format!("writing {}", exp_path.display()))?;
        println!(
            "Expectations: wrote {} ({} failing tests, {} failing runs; {} new, {} fixed, {} stale)",
            exp_path.display(),
            next.0.len(),
            next.runs(),
            cmp.regressions.len(),
            cmp.fixed.len(),
            cmp.stale.len()
        );
    } else {
        for ((path, mode), reason) in &cmp.regressions {
            println!("REGRESSION {path} [{}] {reason}", mode.name());
        }
        for (path, mode) in &cmp.fixed {
            println!(
                "now passes (remove from the expectations): {path} [{}]",
                mode.name()
            );
        }
        for (path, mode) in &cmp.stale {
            println!("stale expectation (not run): {path} [{}]", mode.name());
        }
        println!(
            "Expectations: {} regressions, {} now passing, {} stale ({})",
            cmp.regressions.len(),
            cmp.fixed.len(),
            cmp.stale.len(),
            exp_path.display()
        );
        if !cmp.regressions.is_empty() {
            code = ExitCode::FAILURE;
        }
    }
    println!("{}", report::closing_line(&outcome));
    Ok(code)
}
