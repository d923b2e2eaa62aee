//! `evloop explain FILE`: one run, step by step — a self-contained HTML page, one SVG picture
//! per step, or the snapshots as JSON (evloop-explain).

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use evloop_model::{Host, Scheduler, Timing};

use super::exit;
use super::run::{parse_host, parse_schedule, parse_timing};

/// What `--format` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One SVG picture per step into `--out DIR` (`step-0000.svg`, …).
    Svg,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub page: super::PageArgs,
    /// The JavaScript file.
    pub file: PathBuf,
    /// The host to model.
    #[arg(long, default_value = "html", value_parser = parse_host)]
    pub host: Host,
    /// How much time running JavaScript takes: `ideal` or `loaded` (as for `evloop run`).
    #[arg(long, default_value = "ideal", value_parser = parse_timing)]
    pub timing: Timing,
    /// Who decides at choice points: `default`, `random:SEED`, or `replay:STEP,STEP,…` (as
    /// for `evloop run`; a witness from `evloop check` replays here).
    #[arg(long, default_value = "default", value_parser = parse_schedule)]
    pub schedule: Scheduler,
    /// Write the step-through page (self-contained: it loads nothing) to this file.
    #[arg(long, value_name = "OUT.html")]
    pub html: Option<PathBuf>,
    /// Where the spec book is, seen from the page: rule IDs link to BASE/PAGE.html#ANCHOR.
    #[arg(long, default_value = "book/", value_name = "BASE")]
    pub book_base: String,
    /// Write pictures in this format (with `--out`).
    #[arg(long, value_enum, requires = "out")]
    pub format: Option<Format>,
    /// The directory for `--format svg` (created if missing).
    #[arg(long, value_name = "DIR", requires = "format")]
    pub out: Option<PathBuf>,
    /// Print the explanation (every step's snapshot) as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub limits: super::LimitArgs,
}

/// Runs the subcommand; returns the exit code.
pub fn main(args: ExplainArgs) -> Result<u8> {
    let loaded = match super::load_program(&args.file, args.host, &args.page) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let setup = loaded.setup(args.timing, args.limits.limits());
    let ex = match evloop_explain::explain(loaded.program, args.host, &setup, &args.schedule) {
        Ok(ex) => ex,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(exit::BAD_INPUT);
        }
    };
    let mut wrote = Vec::new();
    if let Some(path) = &args.html {
        let opts = evloop_explain::HtmlOptions {
            book_base: args.book_base.clone(),
            title: None,
        };
        std::fs::write(path, evloop_explain::render_html(&ex, &opts))
            .with_context(|| format!("writing {}", path.display()))?;
        wrote.push(path.display().to_string());
    }
    if let (Some(Format::Svg), Some(dir)) = (args.format, &args.out) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for i in 0..ex.steps.len() {
            let path = dir.join(format!("step-{i:04}.svg"));
            std::fs::write(&path, evloop_explain::render_svg(&ex, i))
                .with_context(|| format!("writing {}", path.display()))?;
        }
        wrote.push(format!("{} ({} pictures)", dir.display(), ex.steps.len()));
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&ex)?);
    } else {
        outln!(
            "{}: {} steps, {} host choices, status {}",
            args.file.display(),
            ex.steps.len(),
            ex.schedule.len(),
            ex.status
        );
        if let Some(t) = &ex.truncated {
            outln!("note: {t}");
        }
        if wrote.is_empty() {
            outln!("(nothing written: give --html OUT.html, --format svg --out DIR, or --json)");
        }
        for w in wrote {
            outln!("wrote {w}");
        }
    }
    Ok(exit::OK)
}
