//! The runtimes a fuzzing session runs programs on: a [`Runtime`] (how to invoke it, which
//! model host judges it) with the binary to run, and one bare run of a program (no harness
//! prelude: what a user sees running the file) through the runners' process runner.

use std::path::{Path, PathBuf};
use std::time::Duration;

use evloop_model::Host;
use serde::Serialize;

use crate::process;
use crate::runtime::{Runtime, version_line};

/// A runtime to fuzz: a [`Runtime`] and its binary — the runtime's own, or a Node-compatible
/// binary given by path (its family read from the file name: [`Runtime::of_binary`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// As given on the command line (`node`, `deno`, or a path).
    pub name: String,
    pub binary: PathBuf,
    /// Browsers run programs as pages through the conformance browser runner
    /// ([`crate::fuzz::browser`]), judged against the html host.
    pub runtime: Runtime,
}

impl Target {
    /// A runtime by name (`node`: the machine's `node` or `$EVLOOP_NODE`; `node22`, `node24`,
    /// `deno`, `bun`: where `conformance/install-runtimes.sh` puts them; `chromium`, `firefox`:
    /// `$EVLOOP_CHROMIUM`/`chromium`, `$EVLOOP_FIREFOX`/`firefox-esr`) or by path to a
    /// Node-compatible binary (the family is read from the file name: `deno…`, `bun…`, else
    /// Node.js).
    pub fn parse(s: &str) -> Result<Target, String> {
        if s.contains('/') {
            let p = PathBuf::from(s);
            if !p.exists() {
                return Err(format!("runtime `{s}`: no such file"));
            }
            return Ok(Target {
                name: s.to_string(),
                runtime: Runtime::of_binary(&p),
                binary: p,
            });
        }
        let runtime = Runtime::from_name(s).ok_or_else(|| {
            format!(
                "unknown runtime `{s}`: give node, node22, node24, deno, bun, chromium, firefox or a path to a binary"
            )
        })?;
        Ok(Target {
            name: s.to_string(),
            binary: runtime.binary(),
            runtime,
        })
    }

    /// The model host profile its outcomes are judged against.
    pub fn host(&self) -> Host {
        self.runtime.host()
    }

    /// The conformance runner's runtime for a browser.
    pub fn browser(&self) -> Option<Runtime> {
        Some(self.runtime).filter(|r| r.is_browser())
    }

    /// `BINARY --version`'s first line, or why it does not run.
    pub fn version(&self) -> Result<String, String> {
        if let Some(b) = self.browser() {
            // `Chromium 156.0.8078.79 built on Debian…`, `Mozilla Firefox 153.7.0esr`
            let v = b.version()?;
            let mut words = v
                .split_whitespace()
                .skip_while(|w| !w.chars().next().is_some_and(|c| c.is_ascii_digit()));
            return match words.next() {
                Some(n) => Ok(format!("{} {n}", b.name())),
                None => Err(format!(
                    "{} --version printed no version",
                    b.binary().display()
                )),
            };
        }
        let (v, ok) = version_line(&self.binary)?;
        if !ok {
            return Err(format!("{} --version failed", self.binary.display()));
        }
        Ok(match self.runtime.family() {
            // `deno 2.9.6 (stable, release, …)`
            Runtime::Deno => v.split(" (").next().unwrap_or(&v).to_string(),
            Runtime::Bun => format!("bun {v}"),
            _ => format!("node {v}"),
        })
    }

    /// Runs `file` once in a fresh process (a browser runs pages in batches instead:
    /// [`crate::fuzz::browser`]). Without a prelude the log is stdout's lines (labels are
    /// plain strings); with the harness's prelude (programs that log values) it is the
    /// prelude's records, one per `console.log` call, as the conformance runner reads them.
    pub fn run(&self, file: &Path, timeout: Duration, prelude: Option<&Path>) -> Observed {
        let error = |stderr: String| Observed {
            log: Vec::new(),
            status: "error".into(),
            stderr,
        };
        if self.runtime.is_browser() {
            return error(format!("{} runs pages, not files", self.name));
        }
        let cmd = self.runtime.command(&self.binary, prelude, file);
        let f = match process::run(cmd, timeout) {
            Ok(f) => f,
            Err(e) => return error(format!("{}: {e}", self.binary.display())),
        };
        let status = match f.status {
            // Killed after the time limit (or lost: counted as a hang).
            None => "timeout",
            Some(s) if s.success() && f.stderr.trim().is_empty() => "completed",
            Some(_) => "uncaught",
        };
        let log = match prelude {
            None => f.stdout.lines().map(str::to_string).collect(),
            Some(_) => f
                .stdout
                .lines()
                .filter_map(|l| l.strip_prefix("\u{1}evloop "))
                .filter_map(|r| serde_json::from_str::<serde_json::Value>(r).ok())
                .filter_map(|r| r.get("log").and_then(|l| l.as_str()).map(str::to_string))
                .collect(),
        };
        Observed {
            log,
            status: status.into(),
            stderr: f.stderr,
        }
    }
}

/// What one run printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Observed {
    pub log: Vec<String>,
    /// `completed` (exit 0, nothing on stderr), `uncaught` (anything else), `timeout` (killed),
    /// `error` (the runtime did not start).
    pub status: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub stderr: String,
}
