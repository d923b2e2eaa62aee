//! `evloop fuzz`: differential testing of generated programs against real runtimes.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use clap::Args;

use super::exit;
use evloop_conformance::Runtime;
use evloop_conformance::fuzz::{Config, Features, Figures, Size, Target};

#[derive(Debug, Args)]
pub struct FuzzArgs {
    /// Which host APIs programs use: `node` (process.nextTick, setImmediate, fs.readFile),
    /// `portable` (ECMAScript and timers only) or `html` (requestAnimationFrame,
    /// MessageChannel, fetch; browsers only). Each runtime is judged against its own host
    /// profile (node → node, deno → deno, bun → bun, chromium → chromium, firefox → html).
    #[arg(long, default_value = "node", value_parser = ["node", "portable", "html"])]
    pub host: String,
    /// A runtime (repeatable): node, node22, node24, deno, bun, chromium, firefox, or a path
    /// to a binary (`…/deno`, `…/bun`, anything else is run as Node.js). Default: node, or
    /// chromium and firefox with `--host html`.
    #[arg(long = "runtime", value_name = "R", value_parser = Target::parse)]
    pub runtimes: Vec<Target>,
    /// Programs also log generated values and format strings (objects, arrays, errors,
    /// promises, `%s %d %j …`): the runtime's console format (FORMAT-2 on node and deno) or
    /// FORMAT-1 (browsers, bun) against the model's, value by value.
    #[arg(long)]
    pub values: bool,
    /// Programs to generate.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub cases: u32,
    /// The generator's seed.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// Runs of each program on each runtime.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub runs: u32,
    /// Runtime processes at once (browsers: two make one browser instance per browser).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub jobs: usize,
    /// Most top-level statements in a program.
    #[arg(long, value_name = "N", default_value_t = Size::default().top)]
    pub size: usize,
    /// Nesting depth of callbacks that schedule more work.
    #[arg(long, value_name = "N", default_value_t = Size::default().depth)]
    pub depth: u32,
    /// Timer delays programs use (comma-separated ms).
    #[arg(long, value_name = "MS,…", value_delimiter = ',', default_values_t = evloop_conformance::fuzz::generate::DELAYS)]
    pub delays: Vec<u32>,
    /// Write a litmus candidate (.js with both outputs in its frontmatter) for each
    /// disagreement into DIR.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Skip a program whose exploration visits more states than this.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_states: usize,
    /// Shrinking steps per disagreement.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub shrink: u32,
    /// Print the figures and findings as JSON.
    #[arg(long)]
    pub json: bool,
    /// Per program: the most IR instructions exploring it may execute.
    #[arg(long, value_name = "N", default_value_t = evloop_model::limits::DEFAULT_MAX_STEPS)]
    pub max_steps: u64,
    /// Per program: wall-clock seconds exploring it may take, inside every step too (a
    /// program past it is skipped as incomplete).
    #[arg(long, value_name = "S", value_parser = super::parse_seconds, default_value = "10")]
    pub timeout: Duration,
    /// The most memory the process may hold while a program is explored (its resident set
    /// size): `512M`, `2G`. Default: half the machine's memory, at most three quarters of
    /// what is available at the start.
    #[arg(long, value_name = "BYTES", default_value_t = super::Bytes(evloop_model::limits::default_max_memory()))]
    pub max_memory: super::Bytes,
}

fn print_figures(f: &Figures) {
    outln!("evloop fuzz, seed {}, on {}", f.seed, f.runtimes.join(", "));
    outln!("programs:      {}", f.programs);
    outln!("checked:       {}", f.checked);
    outln!(
        "runs:          {} ({} while shrinking)",
        f.runs,
        f.shrink_runs
    );
    outln!(
        "explained:     {} runs need time to pass while JavaScript runs (MODEL-7)",
        f.runs_under_load
    );
    for (d, n) in &f.runs_deviation {
        outln!("               {n} runs show the documented deviation {d}");
    }
    outln!("disagreements: {}", f.disagreements);
    for (rt, n) in &f.disagreeing_programs {
        outln!("  programs with a disallowed run on {rt}: {n}");
    }
    outln!(
        "skipped:       {} (exploration incomplete: {}, model may diverge: {}, unsupported: {})",
        f.skipped_incomplete + f.skipped_diverged + f.unsupported,
        f.skipped_incomplete,
        f.skipped_diverged,
        f.unsupported
    );
    if f.harness_errors > 0 {
        outln!("harness errors: {} (runs not judged)", f.harness_errors);
    }
    outln!("model states:  {}", f.states);
    outln!("time:          {:.1} s", f.seconds);
    for e in &f.errors {
        outln!("\n{e}");
    }
    for (i, x) in f.findings.iter().enumerate() {
        outln!(
            "\ndisagreement {} on {} (host {}){}:",
            i + 1,
            x.version,
            x.host,
            x.file
                .as_ref()
                .map(|p| format!(", written to {}", p.display()))
                .unwrap_or_default()
        );
        outln!("{}", x.source.trim_end());
        outln!("  {} printed ({}):", x.runtime, x.observed.status);
        for l in &x.observed.log {
            outln!("    {l}");
        }
        if !x.observed.stderr.trim().is_empty() {
            outln!("  stderr: {}", x.observed.stderr.trim());
        }
        outln!("  the model allows {} outcome(s):", x.model.len());
        for a in &x.model {
            outln!("    [{}] ({})", a.log.join(", "), a.status);
        }
    }
}

pub fn main(mut args: FuzzArgs) -> Result<u8> {
    let html = args.host == "html";
    if args.runtimes.is_empty() {
        let names: &[&str] = if html {
            &["chromium", "firefox"]
        } else {
            &["node"]
        };
        for n in names {
            args.runtimes
                .push(Target::parse(n).map_err(|e| anyhow::anyhow!(e))?);
        }
    }
    if let Some(r) = args
        .runtimes
        .iter()
        .find(|r| r.runtime.is_browser() != html)
    {
        anyhow::bail!(
            "runtime `{}` does not run --host {} programs: browsers (chromium, firefox) take --host html, Node-compatible runtimes --host node or portable",
            r.name,
            args.host
        );
    }
    let deno = args.runtimes.iter().any(|r| r.runtime == Runtime::Deno);
    let mut features = match args.host.as_str() {
        "html" => Features::html(),
        "portable" => Features::portable(),
        // Deno runs a .js main as an ES module: no require or __filename.
        _ => Features::node(!deno),
    };
    features.values = args.values;
    let config = Config {
        features,
        size: Size {
            top: args.size,
            depth: args.depth,
            delays: args.delays,
            ..Size::default()
        },
        runtimes: args.runtimes,
        cases: args.cases,
        seed: args.seed,
        runs: args.runs,
        jobs: args.jobs,
        out: args.out,
        max_states: args.max_states,
        max_shrink_iters: args.shrink,
        check_timeout: args.timeout,
        run_limits: Some(evloop_model::limits::Limits {
            max_steps: args.max_steps,
            timeout: Some(args.timeout),
            max_memory: Some(args.max_memory.0),
        }),
        run_timeout: Duration::from_secs(10),
    };
    let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let figures = evloop_conformance::fuzz::fuzz(&config, |f| {
        if tty {
            let _ = write!(
                std::io::stderr(),
                "\r\x1b[2K{} programs, {} runs, {} disagreements, {} skipped, {:.0} s",
                f.programs,
                f.runs,
                f.disagreements,
                f.skipped_incomplete + f.skipped_diverged + f.unsupported,
                f.seconds
            );
        } else if f.programs % 50 == 0 {
            eprintln!(
                "{} programs, {} runs, {} disagreements, {} skipped, {:.0} s",
                f.programs,
                f.runs,
                f.disagreements,
                f.skipped_incomplete + f.skipped_diverged + f.unsupported,
                f.seconds
            );
        }
    })?;
    if tty {
        eprint!("\r\x1b[2K");
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&figures)?);
    } else {
        print_figures(&figures);
    }
    if figures.checked > 0 && figures.runs == 0 {
        anyhow::bail!("no run could be judged: every run was a harness error");
    }
    Ok(if figures.disagreements > 0 || figures.unsupported > 0 {
        exit::CLAIM_FAILS
    } else {
        exit::OK
    })
}
