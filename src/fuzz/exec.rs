//! Real runtimes: which binary, which model host judges it, and one run of a program.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use evloop_model::Host;
use serde::Serialize;

/// The family a runtime binary belongs to (how to invoke it, which host profile judges it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Node,
    Deno,
    Bun,
    /// A browser: programs run as pages through the conformance browser runner
    /// ([`crate::fuzz::browser`]), judged against the html host.
    Chromium,
    Firefox,
}

impl Kind {
    pub fn is_browser(self) -> bool {
        matches!(self, Kind::Chromium | Kind::Firefox)
    }
}

/// A real runtime to run programs on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Runtime {
    /// As given on the command line (`node`, `deno`, or a path).
    pub name: String,
    pub binary: PathBuf,
    pub kind: Kind,
}

impl Runtime {
    /// A runtime by name (`node`: the machine's `node` or `$EVLOOP_NODE`; `node22`, `node24`,
    /// `deno`, `bun`: where `conformance/install-runtimes.sh` puts them; `chromium`, `firefox`:
    /// `$EVLOOP_CHROMIUM`/`chromium`, `$EVLOOP_FIREFOX`/`firefox-esr`) or by path to a
    /// Node-compatible binary (the family is read from the file name: `deno…`, `bun…`, else
    /// Node.js).
    pub fn parse(s: &str) -> Result<Runtime, String> {
        let kind_of = |p: &Path| {
            let f = p
                .file_name()
                .map(|f| f.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if f.starts_with("deno") {
                Kind::Deno
            } else if f.starts_with("bun") {
                Kind::Bun
            } else {
                Kind::Node
            }
        };
        if s.contains('/') {
            let p = PathBuf::from(s);
            if !p.exists() {
                return Err(format!("runtime `{s}`: no such file"));
            }
            return Ok(Runtime {
                name: s.to_string(),
                kind: kind_of(&p),
                binary: p,
            });
        }
        let known = evloop_conformance::Runtime::from_name(s).ok_or_else(|| {
            format!(
                "unknown runtime `{s}`: give node, node22, node24, deno, bun, chromium, firefox or a path to a binary"
            )
        })?;
        let binary = known.binary();
        let kind = match known {
            evloop_conformance::Runtime::Deno => Kind::Deno,
            evloop_conformance::Runtime::Bun => Kind::Bun,
            evloop_conformance::Runtime::Chromium => Kind::Chromium,
            evloop_conformance::Runtime::Firefox => Kind::Firefox,
            _ => Kind::Node,
        };
        Ok(Runtime {
            name: s.to_string(),
            binary,
            kind,
        })
    }

    /// The model host profile its outcomes are judged against.
    pub fn host(&self) -> Host {
        match self.kind {
            Kind::Node => Host::Node,
            Kind::Deno => Host::Deno,
            Kind::Bun => Host::Bun,
            Kind::Chromium | Kind::Firefox => Host::Html,
        }
    }

    /// The conformance runner's runtime for a browser.
    pub fn browser(&self) -> Option<evloop_conformance::Runtime> {
        match self.kind {
            Kind::Chromium => Some(evloop_conformance::Runtime::Chromium),
            Kind::Firefox => Some(evloop_conformance::Runtime::Firefox),
            _ => None,
        }
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
        let out = Command::new(&self.binary)
            .arg("--version")
            .env("HOME", std::env::temp_dir())
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("{}: {e}", self.binary.display()))?;
        if !out.status.success() {
            return Err(format!("{} --version failed", self.binary.display()));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let v = text.lines().next().unwrap_or("").trim();
        Ok(match self.kind {
            Kind::Node => format!("node {v}"),
            // `deno 2.9.6 (stable, release, …)`
            Kind::Deno => v.split(" (").next().unwrap_or(v).to_string(),
            Kind::Bun => format!("bun {v}"),
            Kind::Chromium | Kind::Firefox => v.to_string(),
        })
    }

    /// Runs `file` once in a fresh process (a browser runs pages in batches instead:
    /// [`crate::fuzz::browser`]).
    pub fn run(&self, file: &Path, timeout: Duration) -> Observed {
        use std::os::unix::process::CommandExt;
        if self.kind.is_browser() {
            return Observed {
                log: Vec::new(),
                status: "error".into(),
                stderr: format!("{} runs pages, not files", self.name),
            };
        }
        let mut cmd = Command::new(&self.binary);
        match self.kind {
            Kind::Chromium | Kind::Firefox => {}
            Kind::Node => {
                cmd.arg("--no-warnings");
            }
            Kind::Deno => {
                cmd.args(["run", "-A", "--quiet", "--no-lock"]);
            }
            Kind::Bun => {}
        }
        cmd.arg(file)
            .current_dir(file.parent().unwrap_or(Path::new(".")))
            .env("NO_COLOR", "1")
            .env("DENO_NO_UPDATE_CHECK", "1")
            .env("BUN_RUNTIME_TRANSPILER_CACHE_PATH", "0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                return Observed {
                    log: Vec::new(),
                    status: "error".into(),
                    stderr: format!("{}: {e}", self.binary.display()),
                };
            }
        };
        let mut out = child.stdout.take().expect("piped");
        let mut err = child.stderr.take().expect("piped");
        let out_t = std::thread::spawn(move || {
            let mut b = Vec::new();
            let _ = out.read_to_end(&mut b);
            b
        });
        let err_t = std::thread::spawn(move || {
            let mut b = Vec::new();
            let _ = err.read_to_end(&mut b);
            b
        });
        let start = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(s)) => break Some(s),
                Ok(None) if start.elapsed() >= timeout => break None,
                Ok(None) => std::thread::sleep(Duration::from_millis(2)),
                Err(_) => break None,
            }
        };
        if status.is_none() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let stdout = String::from_utf8_lossy(&out_t.join().unwrap_or_default()).into_owned();
        let stderr = String::from_utf8_lossy(&err_t.join().unwrap_or_default()).into_owned();
        let status = match status {
            None => "timeout",
            Some(s) if s.success() && stderr.trim().is_empty() => "completed",
            Some(_) => "uncaught",
        };
        Observed {
            log: stdout.lines().map(str::to_string).collect(),
            status: status.into(),
            stderr,
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
