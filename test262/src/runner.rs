//! The whole run: find the tests under `test/`, sort out the out-of-scope ones (SCOPE.md),
//! and run every in-scope test in each of its modes on a pool of threads, in-process, each
//! run with its own step budget and behind `catch_unwind`, so one bad test never stops the
//! others.

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::exec::{self, Completion, Harness, Mode};
use crate::frontmatter::Frontmatter;
use crate::scope::{OutOfScope, out_of_scope};
use crate::verdict::verdict;

/// The interpreter steps one run may take (script and jobs together) before it fails with
/// "timeout".
pub const DEFAULT_FUEL: u64 = 20_000_000;

/// The stack of a worker thread (reserved lazily by the OS): deep JavaScript recursion
/// becomes a RangeError at the engine's call-depth limit long before this is used.
const WORKER_STACK: usize = 256 * 1024 * 1024;
const WORKER_NAME: &str = "test262-worker";

/// What to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// The test262 folder (holding `harness/` and `test/`).
    pub root: PathBuf,
    /// Only the tests whose path (relative to `test/`) starts with one of these; all if
    /// empty.
    pub filters: Vec<String>,
    pub threads: usize,
    pub fuel: u64,
}

/// One in-scope test file.
#[derive(Debug, Clone)]
pub struct TestFile {
    /// Relative to `test/`, with `/` separators: `built-ins/Promise/all/ctx-ctor.js`.
    pub path: String,
    pub meta: Frontmatter,
    pub source: String,
    /// Why the file could not be read as a test (not UTF-8, bad metadata): a fail.
    pub load_error: Option<String>,
}

/// The result of one run of one test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunResult {
    pub path: String,
    #[serde(serialize_with = "mode_name")]
    pub mode: Mode,
    pub pass: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

fn mode_name<S: serde::Serializer>(m: &Mode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.name())
}

/// The tests SCOPE.md excludes, each with the clause that excludes it.
pub type Excluded = Vec<(String, OutOfScope)>;

/// Everything a run found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Sorted by path, then mode.
    pub results: Vec<RunResult>,
    /// Sorted by path.
    pub out_of_scope: Excluded,
    pub elapsed: Duration,
    pub threads: usize,
}

/// Reads the harness folder.
///
/// # Errors
/// The folder cannot be read.
pub fn load_harness(root: &Path) -> std::io::Result<Harness> {
    let mut harness = Harness::new();
    for entry in std::fs::read_dir(root.join("harness"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "js")
            && let Some(name) = path.file_name().and_then(|n| n.to_str())
        {
            harness.insert(name.to_string(), std::fs::read_to_string(&path)?);
        }
    }
    Ok(harness)
}

/// Every test file under `root/test` (not the `_FIXTURE` files, which are not tests) whose
/// path matches the filters, sorted by path.
///
/// # Errors
/// A folder cannot be read.
pub fn discover(config: &Config) -> std::io::Result<(Vec<TestFile>, Excluded)> {
    let mut paths = Vec::new();
    walk(&config.root.join("test"), "", &mut paths)?;
    paths.sort();
    let mut tests = Vec::new();
    let mut excluded = Vec::new();
    for (rel, full) in paths {
        if !config.filters.is_empty() && !config.filters.iter().any(|f| rel.starts_with(f.as_str()))
        {
            continue;
        }
        let bytes = std::fs::read(&full)?;
        let (source, mut load_error) = match String::from_utf8(bytes) {
            Ok(s) => (s, None),
            Err(e) => (String::new(), Some(format!("not UTF-8: {e}"))),
        };
        let meta = Frontmatter::parse(&source).unwrap_or_else(|e| {
            load_error.get_or_insert(e);
            Frontmatter::default()
        });
        if load_error.is_none()
            && let Some(why) = out_of_scope(&rel, &meta, &source)
        {
            excluded.push((rel, why));
            continue;
        }
        tests.push(TestFile {
            path: rel,
            meta,
            source,
            load_error,
        });
    }
    Ok((tests, excluded))
}

fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), &rel, out)?;
        } else if name.ends_with(".js") && !name.contains("_FIXTURE") {
            out.push((rel, entry.path()));
        }
    }
    Ok(())
}

thread_local! {
    /// The message and place of the last panic on this thread (set by the panic hook).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs one test in one mode: never panics.
pub fn run_one(test: &TestFile, mode: Mode, harness: &Harness, fuel: u64) -> RunResult {
    let outcome = match &test.load_error {
        Some(e) => Err(e.clone()),
        None => {
            let completion = guarded(|| exec::run(&test.meta, &test.source, harness, mode, fuel));
            verdict(&test.meta, &completion)
        }
    };
    RunResult {
        path: test.path.clone(),
        mode,
        pass: outcome.is_ok(),
        reason: outcome.err().map(|r| one_line(&r)),
    }
}

/// Runs `f`, turning a panic into [`Completion::Panic`] with its message (and its place,
/// when the panic hook of [`run_all`] saw it on this thread).
fn guarded(f: impl FnOnce() -> Completion) -> Completion {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let hooked = LAST_PANIC.with(|p| p.borrow_mut().take());
        let message = payload
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| payload.downcast_ref::<String>().cloned());
        Completion::Panic(hooked.or(message).unwrap_or_else(|| "unknown".into()))
    })
}

/// A reason on one line, at most 200 characters.
fn one_line(reason: &str) -> String {
    let line: String = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

/// Runs every test of `tests` in each of its modes on `threads` threads.
pub fn run_all(tests: &[TestFile], harness: &Harness, threads: usize, fuel: u64) -> Vec<RunResult> {
    let runs: Vec<(&TestFile, Mode)> = tests
        .iter()
        .flat_map(|t| Mode::runs_of(&t.meta).iter().map(move |m| (t, *m)))
        .collect();
    let next = AtomicUsize::new(0);
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        // Workers' panics (and the frontend's, on its own thread) are recorded as failures.
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()));
        LAST_PANIC
            .with(|p| *p.borrow_mut() = Some(format!("{message}{}", place.unwrap_or_default())));
    }));
    let mut results: Vec<RunResult> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads.max(1))
            .map(|_| {
                std::thread::Builder::new()
                    .name(WORKER_NAME.into())
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(s, || {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some((test, mode)) = runs.get(i) else {
                                return mine;
                            };
                            mine.push(run_one(test, *mode, harness, fuel));
                        }
                    })
                    .expect("spawn a test262 worker thread")
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    std::panic::set_hook(previous_hook);
    results.sort_by(|a, b| (&a.path, a.mode).cmp(&(&b.path, b.mode)));
    results
}

/// Discovers and runs everything `config` asks for.
///
/// # Errors
/// The test262 folder is missing or cannot be read.
pub fn run(config: &Config) -> anyhow::Result<Outcome> {
    let root = &config.root;
    if !root.join("test").is_dir() || !root.join("harness").is_dir() {
        anyhow::bail!(
            "test262 folder not found at {} (expected harness/ and test/ in it; set --test262-dir or TEST262_DIR)",
            root.display()
        );
    }
    let start = Instant::now();
    let harness = load_harness(root)?;
    let (tests, out_of_scope) = discover(config)?;
    let results = run_all(&tests, &harness, config.threads, config.fuel);
    Ok(Outcome {
        results,
        out_of_scope,
        elapsed: start.elapsed(),
        threads: config.threads,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_a_failure_not_an_abort() {
        assert_eq!(
            guarded(|| panic!("engine bug")),
            Completion::Panic("engine bug".into())
        );
        assert_eq!(guarded(|| Completion::Timeout), Completion::Timeout);
    }

    #[test]
    fn an_unreadable_file_is_a_failure() {
        let test = TestFile {
            path: "x.js".into(),
            meta: Frontmatter::default(),
            source: String::new(),
            load_error: Some("not UTF-8".into()),
        };
        let r = run_one(&test, Mode::Strict, &Harness::new(), 10);
        assert!(!r.pass);
        assert_eq!(r.reason.as_deref(), Some("not UTF-8"));
    }

    #[test]
    fn reasons_are_one_short_line() {
        assert_eq!(one_line("a\n  b\tc"), "a b c");
        assert_eq!(one_line(&"x".repeat(300)).chars().count(), 201);
    }
}
