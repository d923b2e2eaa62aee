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
    /// The run's set-up with this page.
    pub fn setup(&self, timing: evloop_model::Timing) -> evloop_model::Setup {
        evloop_model::Setup {
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
