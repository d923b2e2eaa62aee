//! The subcommands.

#[macro_use]
pub mod out;

pub mod check;
pub mod conform;
pub mod explain;
pub mod explore;
pub mod fuzz;
pub mod run;
pub mod vectors;

use clap::{Parser, Subcommand};

/// What `evloop --version` prints: the program's version and the specification's
/// ([`evloop_litmus::spec::SPEC_VERSION`]; a test keeps the two in step).
pub const CLI_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (specification 0.6.0)");

/// evloop: an executable specification of the JavaScript event loop.
#[derive(Debug, Parser)]
#[command(name = "evloop", version = CLI_VERSION, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a program through the model and print its log.
    Run(run::RunArgs),
    /// Explore every schedule: each possible outcome with a schedule producing it, and
    /// claims about them proved or refuted with the shortest counterexample.
    Check(check::CheckArgs),
    /// One run step by step: the stack, the queues, the clock, the log and the rule at every
    /// step, as a self-contained HTML page, SVG pictures or JSON.
    Explain(explain::ExplainArgs),
    /// Serve stateright's Explorer on 127.0.0.1 to walk the state graph step by step.
    Explore(explore::ExploreArgs),
    /// Generate conformance vectors from spec/litmus: each program with, per host, the
    /// outcomes the model allows (YAML and JSON).
    Vectors(vectors::VectorsArgs),
    /// Run the conformance vectors on real runtimes and judge each observed outcome against
    /// the runtime's host profile (exit 1 on a model-miss or an error).
    Conform(conform::ConformArgs),
    /// Differential testing: generated programs run on real runtimes, each observed output
    /// judged against the model's outcome set; disagreements shrunk to litmus candidates
    /// (exit 1 on a disagreement).
    Fuzz(fuzz::FuzzArgs),
}

/// Exit codes shared by the subcommands.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// `evloop check`: a claim fails.
    pub const CLAIM_FAILS: u8 = 1;
    /// Unsupported or malformed input (including a malformed claim).
    pub const BAD_INPUT: u8 = 2;
    /// `evloop check`: the exploration hit a limit before every schedule was explored.
    #[allow(
        dead_code,
        reason = "`evloop_checker::Report::exit_code` returns it; listed with the other codes"
    )]
    pub const INCOMPLETE: u8 = 3;
}

/// A number of bytes as `--max-memory` takes and prints it: `512M`, `2G`, `1.5G`, `65536`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bytes(pub u64);

impl std::fmt::Display for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let b = self.0;
        if b >= 1 << 30 {
            write!(f, "{:.1}G", b as f64 / (1u64 << 30) as f64)
        } else if b >= 1 << 20 {
            write!(f, "{}M", b >> 20)
        } else {
            write!(f, "{b}")
        }
    }
}

impl std::str::FromStr for Bytes {
    type Err = String;
    fn from_str(s: &str) -> Result<Bytes, String> {
        let t = s.trim();
        let (num, unit) = match t.find(|c: char| c.is_ascii_alphabetic()) {
            Some(i) => t.split_at(i),
            None => (t, ""),
        };
        let scale: u64 = match unit
            .to_ascii_uppercase()
            .trim_end_matches("IB")
            .trim_end_matches('B')
        {
            "" => 1,
            "K" => 1 << 10,
            "M" => 1 << 20,
            "G" => 1 << 30,
            "T" => 1 << 40,
            _ => return Err(format!("`{s}` is not an amount of memory (e.g. 512M, 2G)")),
        };
        num.trim()
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && *x > 0.0)
            .map(|x| Bytes((x * scale as f64) as u64))
            .ok_or_else(|| format!("`{s}` is not an amount of memory (e.g. 512M, 2G)"))
    }
}

/// Parses a number of seconds (`1.5`).
pub fn parse_seconds(s: &str) -> Result<std::time::Duration, String> {
    s.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && *x >= 0.0)
        .map(std::time::Duration::from_secs_f64)
        .ok_or_else(|| format!("`{s}` is not a number of seconds"))
}

/// The limits of a run (issue 18, `evloop_model::limits`): for the whole run (or the whole
/// exploration), checked inside every step; past one, the answer is incomplete and names it.
#[derive(Debug, Clone, clap::Args)]
pub struct LimitArgs {
    /// The most IR instructions the run may execute.
    #[arg(long, value_name = "N", default_value_t = evloop_model::limits::DEFAULT_MAX_STEPS)]
    pub max_steps: u64,
    /// Wall-clock seconds the run may take.
    #[arg(long, value_name = "S", value_parser = parse_seconds, default_value = "60")]
    pub timeout: std::time::Duration,
    /// The most memory the process may hold (its resident set size, read from /proc):
    /// `512M`, `2G`. Default: half the machine's memory, at most three quarters of what is
    /// available at the start.
    #[arg(long, value_name = "BYTES", default_value_t = Bytes(evloop_model::limits::default_max_memory()))]
    pub max_memory: Bytes,
}

impl LimitArgs {
    /// The model's limits.
    pub fn limits(&self) -> evloop_model::limits::Limits {
        evloop_model::limits::Limits {
            max_steps: self.max_steps,
            timeout: Some(self.timeout),
            max_memory: Some(self.max_memory.0),
        }
    }
}

/// The page a program runs in (html host): `--dom` and `--event`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PageArgs {
    /// html host: the initial content of `<body>` as markup, or `@FILE` to read it from a file
    /// (e.g. `--dom '<button id="btn">go</button>'`).
    #[arg(long, value_name = "MARKUP")]
    pub dom: Option<String>,
    /// html host: a user action, in order (repeatable): `click:SELECTOR`, `resize:WxH`.
    #[arg(long = "event", value_name = "EVENT")]
    pub events: Vec<String>,
}

impl PageArgs {
    /// The page the flags describe (`None`: no flag given); an error names what is wrong.
    pub fn page(
        &self,
        host: evloop_model::Host,
    ) -> Result<Option<evloop_model::host::web::WebConfig>, String> {
        if self.dom.is_none() && self.events.is_empty() {
            return Ok(None);
        }
        if !host.is_html() {
            return Err(format!(
                "--dom and --event describe a web page; host `{}` has none",
                host.name()
            ));
        }
        let dom = match &self.dom {
            Some(d) => match d.strip_prefix('@') {
                Some(path) => {
                    Some(std::fs::read_to_string(path).map_err(|e| format!("--dom {d}: {e}"))?)
                }
                None => Some(d.clone()),
            },
            None => None,
        };
        evloop_model::host::web::WebConfig::parse(dom.as_deref(), &self.events).map(Some)
    }
}

/// A program loaded for a run, with the page it runs in (html host).
pub struct Loaded {
    pub program: std::sync::Arc<evloop_model::Program>,
    pub page: Option<std::sync::Arc<evloop_model::host::web::WebConfig>>,
}

impl Loaded {
    /// The run's set-up with this page and these limits.
    pub fn setup(
        &self,
        timing: evloop_model::Timing,
        limits: evloop_model::limits::Limits,
    ) -> evloop_model::Setup {
        evloop_model::Setup {
            limits,
            timing,
            profile: None,
            page: self.page.clone(),
        }
    }
}

/// Loads `file` for `host` with its page (`--dom`, `--event`); on unsupported or malformed
/// input prints the diagnostic and returns the exit code to use.
pub fn load_program(
    file: &std::path::Path,
    host: evloop_model::Host,
    page: &PageArgs,
) -> Result<Loaded, u8> {
    let program = match evloop_js::load_file(file, host) {
        Ok(p) => std::sync::Arc::new(p),
        Err(evloop_js::LoadError::Diagnostics { rendered, .. }) => {
            eprint!("{rendered}");
            return Err(exit::BAD_INPUT);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return Err(exit::BAD_INPUT);
        }
    };
    let mut page = match page.page(host) {
        Ok(p) => p.map(std::sync::Arc::new),
        Err(e) => {
            eprintln!("error: {e}");
            return Err(exit::BAD_INPUT);
        }
    };
    // A litmus file brings its own page (`dom:`, `events:`) unless the flags give one. (A
    // file whose frontmatter is not a litmus frontmatter, such as a fuzz candidate's, runs
    // as a plain program; the litmus test suite reports malformed litmus files.)
    if page.is_none()
        && host.is_html()
        && let Ok(t) = evloop_litmus::Litmus::parse(file, program.source.to_string())
    {
        match t.page(host) {
            Ok(p) => page = p,
            Err(e) => {
                eprintln!("error: {e}");
                return Err(exit::BAD_INPUT);
            }
        }
    }
    Ok(Loaded { program, page })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_cli_version_names_the_spec_version() {
        let spec = evloop_litmus::spec::SPEC_VERSION;
        assert!(super::CLI_VERSION.ends_with(&format!("(specification {spec})")));
    }
}
