//! Differential testing: generated programs, the model's outcome sets, and real runtimes.
//!
//! For each program [`generate`] generates, the checker explores every schedule on each runtime's
//! host profile (a program whose exploration hits a limit is skipped and counted); then every
//! runtime runs it `runs` times, each run in a fresh process (`jobs` at once), and every
//! observed log and status must be one of the model's outcomes. A disagreement is shrunk by
//! proptest to a minimal program (re-running the runtimes on each candidate) and written out as
//! a litmus candidate with the runtime's output and the model's outcomes in its frontmatter.
//! Browsers (html host) run programs as pages in batches: [`browser`].

pub mod browser;
pub mod generate;
pub mod target;
pub mod values;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use evloop_checker::Limits;
use evloop_model::host::Profile;
use evloop_model::{Host, Status};
use proptest::test_runner::{
    Config as PtConfig, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner,
};
use serde::Serialize;

use crate::process::Scratch;
pub use generate::{Features, Program, Size};
pub use target::{Observed, Target};

/// How to fuzz.
#[derive(Clone, Debug)]
pub struct Config {
    pub features: Features,
    pub size: Size,
    pub runtimes: Vec<Target>,
    /// Programs to generate.
    pub cases: u32,
    pub seed: u64,
    /// Runs of each program on each runtime.
    pub runs: u32,
    /// Runtime processes at once.
    pub jobs: usize,
    /// Where to write litmus candidates for disagreements.
    pub out: Option<PathBuf>,
    /// Checker limits per program (a program beyond them is skipped).
    pub max_states: usize,
    pub check_timeout: Duration,
    /// The run limits inside each exploration's steps (`None`: the model's defaults with
    /// `check_timeout`), so no single step outlives the per-program limit.
    pub run_limits: Option<evloop_model::limits::Limits>,
    /// A run killed after this long counts as `timeout`.
    pub run_timeout: Duration,
    /// Shrinking steps per disagreement.
    pub max_shrink_iters: u32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            features: Features::node(true),
            size: Size::default(),
            runtimes: Vec::new(),
            cases: 100,
            seed: 0,
            runs: 3,
            jobs: 2,
            out: None,
            max_states: 100_000,
            check_timeout: Duration::from_secs(10),
            run_limits: None,
            run_timeout: Duration::from_secs(10),
            max_shrink_iters: 200,
        }
    }
}

/// An outcome as a runtime can show it: the log and the status, and what makes the model
/// allow it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Allowed {
    pub log: Vec<String>,
    pub status: String,
    /// Allowed only when time passes while JavaScript runs (MODEL-7).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub under_load: bool,
    /// Deno, Bun: the documented profile deviations it needs (`RULE flag`), if Node's
    /// profile does not allow it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deviations: Vec<String>,
}

/// A disagreement, shrunk.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub runtime: String,
    pub version: String,
    pub host: String,
    /// The minimal program.
    pub source: String,
    /// What the runtime printed (a run the model does not allow).
    pub observed: Observed,
    /// Every outcome the model allows on the host.
    pub model: Vec<Allowed>,
    /// The program as first generated.
    pub original: String,
    /// The litmus candidate written for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<PathBuf>,
}

/// What a fuzzing session did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Figures {
    pub seed: u64,
    pub runtimes: Vec<String>,
    /// Programs generated (not counting shrinking candidates).
    pub programs: usize,
    /// Programs checked against at least one runtime (the rest were skipped).
    pub checked: usize,
    /// Runtime runs judged, shrinking included.
    pub runs: usize,
    /// Per runtime (by version): generated programs with at least one run the model does not
    /// allow (every runtime counted, not only the first that disagreed; shrinking excluded).
    pub disagreeing_programs: BTreeMap<String, usize>,
    /// Runs while shrinking.
    pub shrink_runs: usize,
    /// Runs (shrinking excluded) whose outcome the model allows only under load (MODEL-7).
    pub runs_under_load: usize,
    /// Runs (shrinking excluded) explained by a documented deviation of the runtime's profile
    /// (`RULE flag` → runs).
    pub runs_deviation: BTreeMap<String, usize>,
    pub disagreements: usize,
    /// Skipped: the checker hit a limit.
    pub skipped_incomplete: usize,
    /// Skipped: the model says the program may diverge (nothing to compare a hang with).
    pub skipped_diverged: usize,
    /// Generated programs the frontend rejected (a generator bug).
    pub unsupported: usize,
    /// Browser runs the harness could not do (the browser did not start, a page never
    /// reported); not judged.
    pub harness_errors: usize,
    /// Model states explored, over all programs.
    pub states: usize,
    pub seconds: f64,
    pub findings: Vec<Finding>,
    /// The first few errors: frontend diagnostics for unsupported programs, harness errors.
    pub errors: Vec<String>,
}

/// Why a program has no outcome set to compare with.
enum Skip {
    Incomplete,
    Diverged,
    Unsupported(String),
}

/// The model's outcome set for `source` on `host`: the ideal outcomes, those that need time
/// to pass while JavaScript runs (MODEL-7), each with the profile deviations it needs (the
/// conformance judge's `host_outcomes`), for a bare run of the runtime (no preload).
fn model_outcomes(
    source: &str,
    host: Host,
    config: &Config,
) -> Result<(Vec<Allowed>, usize), Skip> {
    let program = evloop_js::compile_for_host(source, "prog.js", host)
        .map(std::sync::Arc::new)
        .map_err(|e| Skip::Unsupported(e.to_string()))?;
    let limits = Limits {
        max_states: config.max_states,
        max_depth: None,
        timeout: Some(config.check_timeout),
        run: config.run_limits,
    };
    let h = crate::vector::host_outcomes(program, host, None, Profile::of(host), &limits)
        .map_err(|e| Skip::Unsupported(e.to_string()))?;
    // An exploration that stopped, or a run that reached a limit inside a step.
    if !h.complete
        || !h.under_load_complete
        || h.outcomes
            .iter()
            .chain(&h.under_load)
            .any(|o| o.status == Status::Incomplete.name())
    {
        return Err(Skip::Incomplete);
    }
    let all = h.outcomes.iter().map(|o| (o, false));
    let all = all.chain(h.under_load.iter().map(|o| (o, true)));
    if h.outcomes
        .iter()
        .chain(&h.under_load)
        .any(|o| o.status == Status::Diverged.name())
    {
        return Err(Skip::Diverged);
    }
    let mut set: Vec<Allowed> = all
        .map(|(o, under_load)| Allowed {
            log: o.log.clone(),
            status: o.status.clone(),
            under_load,
            deviations: o
                .deviations
                .iter()
                .map(|d| format!("{} {}", d.rule, d.flag))
                .collect(),
        })
        .collect();
    set.sort();
    set.dedup_by(|a, b| a.log == b.log && a.status == b.status);
    Ok((set, h.states))
}

/// Runs `file` `runs` times on each runtime, `jobs` processes at once; results per runtime.
fn run_all(
    config: &Config,
    file: &Path,
    prelude: Option<&Path>,
    only: Option<usize>,
) -> Vec<Vec<Observed>> {
    let jobs: Vec<usize> = (0..config.runtimes.len())
        .filter(|r| only.is_none_or(|o| o == *r))
        .flat_map(|r| std::iter::repeat_n(r, config.runs as usize))
        .collect();
    let next = AtomicUsize::new(0);
    let results = std::sync::Mutex::new(vec![Vec::new(); config.runtimes.len()]);
    std::thread::scope(|s| {
        for _ in 0..config.jobs.max(1).min(jobs.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&r) = jobs.get(i) else { break };
                    let o = config.runtimes[r].run(file, config.run_timeout, prelude);
                    results.lock().expect("no panics while locked")[r].push(o);
                }
            });
        }
    });
    results.into_inner().expect("no panics while locked")
}

/// What one program's trial found.
struct Trial {
    runs: usize,
    states: usize,
    skip: Option<Skip>,
    /// The first disagreement: runtime index, observed run, the model's set.
    disagreement: Option<(usize, Observed, Vec<Allowed>)>,
    /// The runtimes with a run the model does not allow.
    disagreeing: Vec<usize>,
    /// Runs allowed only under load (MODEL-7).
    runs_under_load: usize,
    /// The deviations (`RULE flag`) of the runs allowed only by one, once per run and flag.
    deviations: Vec<String>,
}

/// The model's outcome set per host name.
type Sets = BTreeMap<&'static str, Vec<Allowed>>;

/// The model's sets for `source` on the host of each runtime of `config` (or of runtime
/// `only`), each host once; the states explored are added to `states`.
fn host_sets(
    config: &Config,
    source: &str,
    only: Option<usize>,
    states: &mut usize,
) -> Result<Sets, Skip> {
    let mut sets = Sets::new();
    for (i, rt) in config.runtimes.iter().enumerate() {
        let host = rt.host();
        if only.is_some_and(|o| o != i) || sets.contains_key(host.name()) {
            continue;
        }
        let (set, n) = model_outcomes(source, host, config)?;
        *states += n;
        sets.insert(host.name(), set);
    }
    Ok(sets)
}

/// Judges `source` on every runtime, or only on runtime `only` (while shrinking).
fn trial(config: &Config, source: &str, only: Option<usize>) -> Trial {
    let mut t = Trial {
        runs: 0,
        states: 0,
        skip: None,
        disagreement: None,
        disagreeing: Vec::new(),
        runs_under_load: 0,
        deviations: Vec::new(),
    };
    let sets = match host_sets(config, source, only, &mut t.states) {
        Ok(sets) => sets,
        Err(s) => {
            t.skip = Some(s);
            return t;
        }
    };
    let scratch = match Scratch::new("fuzz") {
        Ok(s) => s,
        Err(e) => {
            t.skip = Some(Skip::Unsupported(format!("scratch directory: {e}")));
            return t;
        }
    };
    let file = scratch.0.join("prog.js");
    if let Err(e) = std::fs::write(&file, source) {
        t.skip = Some(Skip::Unsupported(format!("{}: {e}", file.display())));
        return t;
    }
    // Programs that log values are read through the harness's capture (FORMAT-2's stand-in
    // stacks, FORMAT-1 on Bun), as the conformance runner reads the litmus vectors.
    let prelude = scratch.0.join("evloop-prelude.cjs");
    let prelude = if config.features.values {
        let text = format!(
            "{}\n{}",
            crate::runner::FORMAT_JS,
            crate::runner::NODE_PRELUDE_JS
        );
        if let Err(e) = std::fs::write(&prelude, text) {
            t.skip = Some(Skip::Unsupported(format!("{}: {e}", prelude.display())));
            return t;
        }
        Some(prelude.as_path())
    } else {
        None
    };
    let results = run_all(config, &file, prelude, only);
    for (r, observed) in results.into_iter().enumerate() {
        if observed.is_empty() {
            continue;
        }
        let set = &sets[config.runtimes[r].host().name()];
        for o in observed {
            t.runs += 1;
            let allowed = set.iter().find(|a| a.log == o.log && a.status == o.status);
            if let Some(a) = allowed {
                t.runs_under_load += usize::from(a.under_load);
                t.deviations.extend(a.deviations.iter().cloned());
            }
            let ok = allowed.is_some();
            if !ok && !t.disagreeing.contains(&r) {
                t.disagreeing.push(r);
            }
            if !ok && t.disagreement.is_none() {
                t.disagreement = Some((r, o, set.clone()));
            }
        }
    }
    t
}

/// A 32-byte ChaCha seed from a number (splitmix64).
fn seed_bytes(mut x: u64) -> [u8; 32] {
    let mut out = [0u8; 32];
    for chunk in out.chunks_mut(8) {
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        chunk.copy_from_slice(&z.to_le_bytes());
    }
    out
}

/// The litmus candidate for a finding.
pub fn litmus_candidate(id: &str, seed: u64, f: &Finding) -> String {
    use generate::quoted;
    let list = |log: &[String]| {
        format!(
            "[{}]",
            log.iter().map(|l| quoted(l)).collect::<Vec<_>>().join(", ")
        )
    };
    let mut s = String::from("/*---\n");
    s += &format!("id: {id}\n");
    let desc = format!(
        "Found by `evloop fuzz --seed {seed} --runtime {}` and shrunk by proptest: {} printed a log the model does not allow on host {} ({} allowed outcome(s), listed under model:). Candidate: investigate before adding to spec/litmus.",
        f.runtime,
        f.version,
        f.host,
        f.model.len()
    );
    s += &format!("description: {}\n", quoted(&desc));
    s += "rules: []\n";
    s += "source: \"evloop fuzz (differential testing)\"\n";
    s += &format!("hosts: [{}]\n", f.host);
    s += &format!("observed: [{}]\n", f.version);
    s += "outcomes:\n";
    s += &format!("  {}:\n", f.host);
    s += &format!("    - log: {}\n", list(&f.observed.log));
    s += &format!("      status: {}\n", f.observed.status);
    s += "model:\n";
    s += &format!("  {}:\n", f.host);
    for a in &f.model {
        s += &format!("    - log: {}\n", list(&a.log));
        s += &format!("      status: {}\n", a.status);
    }
    if !f.observed.stderr.trim().is_empty() {
        s += &format!("stderr: {}\n", quoted(f.observed.stderr.trim()));
    }
    s += "---*/\n";
    s += &f.source;
    s
}

/// Adds a shrunk disagreement to the figures, first writing its litmus candidate
/// (`fuzz-KIND-sSEED-N.js`) into `config.out` if one is given.
fn record_finding(
    config: &Config,
    rt: &Target,
    fig: &mut Figures,
    mut f: Finding,
) -> std::io::Result<()> {
    if let Some(dir) = &config.out {
        std::fs::create_dir_all(dir)?;
        let id = format!(
            "fuzz-{}-s{}-{}",
            rt.runtime.family().name(),
            config.seed,
            fig.disagreements
        );
        let path = dir.join(format!("{id}.js"));
        std::fs::write(&path, litmus_candidate(&id, config.seed, &f))?;
        f.file = Some(path);
    }
    fig.findings.push(f);
    Ok(())
}

/// Runs a fuzzing session; `progress` is called after each generated program.
pub fn fuzz(config: &Config, progress: impl FnMut(&Figures)) -> anyhow::Result<Figures> {
    let start = Instant::now();
    let mut versions = Vec::new();
    for rt in &config.runtimes {
        versions.push(
            rt.version()
                .map_err(|e| anyhow::anyhow!("runtime `{}` does not run: {e}", rt.name))?,
        );
    }
    let browsers = config
        .runtimes
        .iter()
        .filter(|r| r.runtime.is_browser())
        .count();
    if browsers > 0 {
        if browsers < config.runtimes.len() {
            anyhow::bail!(
                "browsers and Node-compatible runtimes run different programs (html or node host): fuzz them separately"
            );
        }
        return browser::fuzz_pages(config, progress, versions);
    }
    let figures = RefCell::new(Figures {
        seed: config.seed,
        runtimes: versions.clone(),
        ..Figures::default()
    });
    let progress = RefCell::new(progress);
    let strategy = generate::program(&config.size, config.features);
    let mut remaining = config.cases;
    let mut round = 0u64;
    while remaining > 0 {
        let pt = PtConfig {
            cases: remaining,
            max_shrink_iters: config.max_shrink_iters,
            failure_persistence: None,
            ..PtConfig::default()
        };
        let rng = TestRng::from_seed(
            RngAlgorithm::ChaCha,
            &seed_bytes(config.seed ^ round.wrapping_mul(0xA24B_AED4_963E_E407)),
        );
        round += 1;
        let mut runner = TestRunner::new_with_rng(pt, rng);
        let shrinking = std::cell::Cell::new(false);
        let failing = std::cell::Cell::new(None::<usize>);
        let generated = std::cell::Cell::new(0u32);
        let first = RefCell::new(None::<String>);
        let last_failure = RefCell::new(None::<(String, usize, Observed, Vec<Allowed>)>);
        let result = runner.run(&strategy, |p: Program| {
            let source = p.source();
            let t = trial(config, &source, failing.get());
            let mut fig = figures.borrow_mut();
            fig.runs += t.runs;
            fig.states += t.states;
            if shrinking.get() {
                fig.shrink_runs += t.runs;
            } else {
                generated.set(generated.get() + 1);
                fig.programs += 1;
                fig.runs_under_load += t.runs_under_load;
                for d in &t.deviations {
                    *fig.runs_deviation.entry(d.clone()).or_default() += 1;
                }
                for &r in &t.disagreeing {
                    *fig.disagreeing_programs
                        .entry(versions[r].clone())
                        .or_default() += 1;
                }
                match &t.skip {
                    None => fig.checked += 1,
                    Some(Skip::Incomplete) => fig.skipped_incomplete += 1,
                    Some(Skip::Diverged) => fig.skipped_diverged += 1,
                    Some(Skip::Unsupported(e)) => {
                        fig.unsupported += 1;
                        if fig.errors.len() < 5 {
                            fig.errors.push(format!(
                                "unsupported program (a generator bug): {e}\n{source}"
                            ));
                        }
                    }
                }
                fig.seconds = start.elapsed().as_secs_f64();
                (progress.borrow_mut())(&fig);
            }
            match t.disagreement {
                None => Ok(()),
                Some((r, o, set)) => {
                    if !shrinking.get() {
                        shrinking.set(true);
                        failing.set(Some(r));
                        *first.borrow_mut() = Some(source.clone());
                    }
                    let msg = format!("{} printed {:?}", config.runtimes[r].name, o.log);
                    *last_failure.borrow_mut() = Some((source, r, o, set));
                    Err(TestCaseError::fail(msg))
                }
            }
        });
        match result {
            Ok(()) => break,
            Err(TestError::Fail(_, minimal)) => {
                remaining = remaining.saturating_sub(generated.get());
                let source = minimal.source();
                // The last failing candidate is the minimal one proptest reports; if not
                // (it never is otherwise), re-run it to get its outputs.
                let failure = last_failure.borrow_mut().take().filter(|f| f.0 == source);
                let failure = failure.or_else(|| {
                    let t = trial(config, &source, failing.get());
                    t.disagreement
                        .map(|(r, o, set)| (source.clone(), r, o, set))
                });
                let mut fig = figures.borrow_mut();
                fig.disagreements += 1;
                if let Some((source, r, observed, model)) = failure {
                    let rt = &config.runtimes[r];
                    let f = Finding {
                        runtime: rt.name.clone(),
                        version: versions[r].clone(),
                        host: rt.host().name().to_string(),
                        source,
                        observed,
                        model,
                        original: first.borrow().clone().unwrap_or_default(),
                        file: None,
                    };
                    record_finding(config, rt, &mut fig, f)?;
                }
            }
            Err(TestError::Abort(why)) => anyhow::bail!("proptest aborted: {why}"),
        }
    }
    let mut fig = figures.into_inner();
    fig.seconds = start.elapsed().as_secs_f64();
    Ok(fig)
}
