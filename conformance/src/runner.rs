//! Running vectors on real runtimes: Node.js, Deno and Bun as fresh processes, Chromium and
//! Firefox as fresh top-level documents served from 127.0.0.1 (see conformance/README.md for
//! the protocol).

use std::collections::VecDeque;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::browser;
use crate::process::{self, Scratch};
use crate::runtime::Runtime;
use crate::vector::Vector;

/// FORMAT-1 in JavaScript.
pub const FORMAT_JS: &str = include_str!("../harness/format.js");
/// The Node.js / Deno / Bun capture (appended to FORMAT_JS).
pub const NODE_PRELUDE_JS: &str = include_str!("../harness/node-prelude.js");
/// The browser page's capture (appended to FORMAT_JS).
pub const PAGE_JS: &str = include_str!("../harness/page.js");

/// One run of one vector on one runtime: what the runtime printed (one JSON line of the
/// harness protocol).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observed {
    pub vector: String,
    pub runtime: String,
    pub log: Vec<String>,
    /// `completed`, `uncaught`, `timeout` (killed after the time limit: a hang), or `error`
    /// (the harness failed: the runtime did not start, a browser never reported).
    pub status: String,
    pub errors: Vec<String>,
    /// False when the process died with an error the adapter could not capture (e.g. Bun's
    /// unhandled rejections): the errors are then not compared.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub errors_known: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// The end of stderr and any stray stdout, or the harness error.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    #[serde(default)]
    pub elapsed_ms: u64,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// How to run.
#[derive(Clone, Debug)]
pub struct Config {
    pub runtimes: Vec<Runtime>,
    /// Runs of a vector that has more than one allowed outcome on the runtime's host.
    pub runs: u32,
    /// Processes (and browser pages) at once.
    pub jobs: usize,
    /// Per run.
    pub timeout: Duration,
    /// Browsers: the quiet period after load that ends a run.
    pub quiet: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            runtimes: vec![Runtime::Node],
            runs: 10,
            jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
            timeout: Duration::from_secs(10),
            quiet: Duration::from_millis(500),
        }
    }
}

/// One unit of work.
#[derive(Clone, Debug)]
pub struct Job {
    pub vector: Arc<Vector>,
    pub runtime: Runtime,
}

/// The jobs for `vectors` under `config`: each applicable (vector, runtime) pair once, or
/// `runs` times when the host allows more than one outcome.
pub fn plan(vectors: &[Arc<Vector>], config: &Config) -> Vec<Job> {
    let mut jobs = Vec::new();
    for r in 0..config.runs.max(1) {
        for v in vectors {
            for &rt in &config.runtimes {
                let Some(h) = v.hosts.get(rt.host_for(v)) else {
                    continue;
                };
                if r == 0 || h.outcomes.len() > 1 {
                    jobs.push(Job {
                        vector: v.clone(),
                        runtime: rt,
                    });
                }
            }
        }
    }
    jobs
}

/// Runs every job, `config.jobs` at a time (processes in a pool; each browser in lanes that
/// reuse one browser instance for a sequence of fresh documents), calling `done` for each
/// result as it arrives.
pub fn run_all(
    jobs: Vec<Job>,
    config: &Config,
    done: &(dyn Fn(&Observed) + Sync),
) -> Vec<Observed> {
    let results = Mutex::new(Vec::new());
    let record = |o: Observed| {
        done(&o);
        results.lock().unwrap().push(o);
    };
    let (procs, pages): (Vec<Job>, Vec<Job>) =
        jobs.into_iter().partition(|j| !j.runtime.is_browser());
    let scratch = match Scratch::new("prelude") {
        Ok(s) => s,
        Err(e) => {
            for j in procs.into_iter().chain(pages) {
                record(harness_error(
                    &j,
                    format!("cannot create a scratch directory: {e}"),
                ));
            }
            return results.into_inner().unwrap();
        }
    };
    let prelude = scratch.0.join("evloop-prelude.cjs");
    if let Err(e) = std::fs::write(&prelude, format!("{FORMAT_JS}\n{NODE_PRELUDE_JS}")) {
        for j in procs.into_iter().chain(pages) {
            record(harness_error(&j, format!("cannot write the prelude: {e}")));
        }
        return results.into_inner().unwrap();
    }
    let base_url = crate::browser::network_server().unwrap_or_default();
    // Runs of one vector never overlap: a program may use a fixed path (a file in /tmp).
    let queue = Mutex::new((
        VecDeque::from(procs),
        std::collections::HashSet::<String>::new(),
    ));
    let browsers: Vec<Runtime> = config
        .runtimes
        .iter()
        .copied()
        .filter(|r| r.is_browser())
        .collect();
    std::thread::scope(|s| {
        for _ in 0..config.jobs.max(1) {
            s.spawn(|| {
                loop {
                    let job = {
                        let mut q = queue.lock().unwrap();
                        let (jobs, running) = &mut *q;
                        if jobs.is_empty() {
                            break;
                        }
                        let i = jobs.iter().position(|j| !running.contains(&j.vector.id));
                        let job = i.and_then(|i| jobs.remove(i));
                        if let Some(j) = &job {
                            running.insert(j.vector.id.clone());
                        }
                        job
                    };
                    let Some(job) = job else {
                        std::thread::sleep(Duration::from_millis(5));
                        continue;
                    };
                    record(run_process(&job, &prelude, &base_url, config.timeout));
                    queue.lock().unwrap().1.remove(&job.vector.id);
                }
            });
        }
        for b in browsers {
            let mine: Vec<Job> = pages.iter().filter(|j| j.runtime == b).cloned().collect();
            if mine.is_empty() {
                continue;
            }
            let record = &record;
            s.spawn(move || browser::run_browser(b, mine, config, record));
        }
    });
    results.into_inner().unwrap()
}

pub(crate) fn harness_error(job: &Job, detail: String) -> Observed {
    Observed {
        vector: job.vector.id.clone(),
        runtime: job.runtime.name().into(),
        log: Vec::new(),
        status: "error".into(),
        errors: Vec::new(),
        errors_known: true,
        exit_code: None,
        detail,
        elapsed_ms: 0,
    }
}

fn tail(s: &str, n: usize) -> String {
    if s.len() <= n {
        return s.to_string();
    }
    let mut i = s.len() - n;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    format!("…{}", &s[i..])
}

/// Runs one vector in a fresh process of a Node-compatible runtime.
pub fn run_process(job: &Job, prelude: &Path, base_url: &str, timeout: Duration) -> Observed {
    let v = &job.vector;
    let dir = match Scratch::new(&v.id) {
        Ok(d) => d,
        Err(e) => return harness_error(job, format!("scratch directory: {e}")),
    };
    let file = dir.0.join(v.file_name());
    if let Err(e) = std::fs::write(&file, &v.source) {
        return harness_error(job, format!("{}: {e}", file.display()));
    }
    let bin = job.runtime.binary();
    let mut cmd = job.runtime.command(&bin, Some(prelude), &file);
    cmd.env("EVLOOP_BASE_URL", base_url);
    let f = match process::run(cmd, timeout) {
        Ok(f) => f,
        Err(e) => return harness_error(job, format!("{}: {e}", bin.display())),
    };
    parse_process_output(
        job,
        &f.stdout,
        &f.stderr,
        f.status.and_then(|s| s.code()),
        f.timed_out,
        f.elapsed.as_millis() as u64,
    )
}

/// The harness protocol's records on stdout (see node-prelude.js) into an [`Observed`].
pub fn parse_process_output(
    job: &Job,
    stdout: &str,
    stderr: &str,
    code: Option<i32>,
    timed_out: bool,
    elapsed_ms: u64,
) -> Observed {
    let mut log = Vec::new();
    let mut errors = Vec::new();
    let mut stray = String::new();
    let mut exit_called = false;
    for line in stdout.lines() {
        let Some(rec) = line.strip_prefix("\u{1}evloop ") else {
            stray.push_str(line);
            stray.push('\n');
            continue;
        };
        let Ok(rec) = serde_json::from_str::<serde_json::Value>(rec) else {
            stray.push_str(line);
            stray.push('\n');
            continue;
        };
        if let Some(l) = rec.get("log").and_then(|x| x.as_str()) {
            log.push(l.to_string());
        } else if let Some(e) = rec.get("error").and_then(|x| x.as_str()) {
            errors.push(e.to_string());
        } else if rec.get("exit_called").is_some() {
            exit_called = true;
        }
    }
    let mut errors_known = true;
    let status = if timed_out {
        "timeout"
    } else if !errors.is_empty() {
        "uncaught"
    } else if code.is_some_and(|c| c != 0) && !exit_called {
        errors_known = false;
        "uncaught"
    } else if code.is_none() {
        // Killed by a signal.
        errors_known = false;
        "uncaught"
    } else {
        "completed"
    };
    let mut detail = String::new();
    if !stray.is_empty() {
        detail.push_str(&format!("stdout: {}", tail(&stray, 1000)));
    }
    if !stderr.trim().is_empty() {
        if !detail.is_empty() {
            detail.push('\n');
        }
        detail.push_str(&format!("stderr: {}", tail(stderr, 2000)));
    }
    Observed {
        vector: job.vector.id.clone(),
        runtime: job.runtime.name().into(),
        log,
        status: status.into(),
        errors,
        errors_known,
        exit_code: code,
        detail,
        elapsed_ms,
    }
}
