//! `evloop fuzz --host html`: generated browser programs run as pages in Chromium and Firefox.
//!
//! A browser takes seconds to start, so programs are judged in batches rather than one at a
//! time: the programs of a batch are generated (from the seed, with proptest's value trees),
//! the checker computes each one's outcome set on each browser's host (html for Firefox,
//! chromium for Chromium: RT-5), and every run of every program
//! of the batch goes to the conformance runner ([`crate::run_all`]: each page a fresh
//! top-level document served from 127.0.0.1, with the virtual network for `/net/NAME`), one
//! browser instance per lane for the whole batch. A program with a run the model does not allow
//! is then shrunk with its value tree (proptest's simplify/complicate walk, as `TestRunner`
//! does it), each candidate a batch of one on the browser that disagreed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::{HostOutcomes, ModuleKind, Provenance, Vector};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config as PtConfig, RngAlgorithm, TestRng, TestRunner};

use super::{
    Allowed, Config, Figures, Finding, Observed, Sets, Skip, generate, host_sets, seed_bytes,
};

/// Programs per batch (one browser start per batch and browser).
const BATCH: usize = 25;

/// The quiet period that ends a page's run: generated programs use delays of at most tens of
/// milliseconds and the virtual network answers within 30 ms.
const QUIET: Duration = Duration::from_millis(500);

/// A program's judgement: the model's set on each browser's host (by host name), or why it
/// has none.
struct Judged {
    source: String,
    sets: Result<Sets, Skip>,
}

/// Runs every judged program `config.runs` times on each browser (or only on runtime `only`);
/// the runs by program, then by runtime. Runs the harness could not do (status `error`: the
/// browser did not start, a page never reported) are counted in `harness_errors` and dropped.
fn run_pages(
    config: &Config,
    programs: &[Judged],
    only: Option<usize>,
    harness_errors: &mut usize,
    errors: &mut Vec<String>,
) -> Vec<Vec<Vec<Observed>>> {
    let mut out = vec![vec![Vec::new(); config.runtimes.len()]; programs.len()];
    let mut jobs = Vec::new();
    let browsers: Vec<(usize, crate::Runtime)> = config
        .runtimes
        .iter()
        .enumerate()
        .filter(|(i, _)| only.is_none_or(|o| o == *i))
        .filter_map(|(i, r)| r.browser().map(|b| (i, b)))
        .collect();
    for (p, j) in programs.iter().enumerate() {
        let Ok(sets) = &j.sets else { continue };
        let v = Arc::new(Vector {
            format: crate::vector::FORMAT,
            id: format!("fuzz-{p}"),
            description: String::new(),
            source: j.source.clone(),
            module: ModuleKind::Script,
            markup: None,
            events: Vec::new(),
            rules: Vec::new(),
            hosts: sets
                .iter()
                .map(|(host, set)| {
                    let outcomes = HostOutcomes {
                        complete: true,
                        states: 0,
                        outcomes: set
                            .iter()
                            .map(|a| crate::AllowedOutcome {
                                log: a.log.clone(),
                                status: a.status.clone(),
                                errors: Vec::new(),
                                witness: Vec::new(),
                                deviations: Vec::new(),
                            })
                            .collect(),
                        under_load: Vec::new(),
                        under_load_complete: true,
                    };
                    (host.to_string(), outcomes)
                })
                .collect(),
            provenance: Provenance {
                file: "prog.js".into(),
                source: "evloop fuzz".into(),
                observed: Vec::new(),
            },
        });
        for _ in 0..config.runs.max(1) {
            for &(_, b) in &browsers {
                jobs.push(crate::Job {
                    vector: v.clone(),
                    runtime: b,
                });
            }
        }
    }
    if jobs.is_empty() {
        return out;
    }
    let cconfig = crate::Config {
        runtimes: browsers.iter().map(|&(_, b)| b).collect(),
        runs: config.runs,
        // Two jobs make one lane (one browser instance) per browser.
        jobs: config.jobs,
        timeout: config.run_timeout,
        quiet: QUIET,
    };
    for o in crate::run_all(jobs, &cconfig, &|_| {}) {
        let Some(p) = o
            .vector
            .strip_prefix("fuzz-")
            .and_then(|p| p.parse::<usize>().ok())
        else {
            continue;
        };
        let Some(&(r, _)) = browsers.iter().find(|(_, b)| b.name() == o.runtime) else {
            continue;
        };
        if o.status == "error" {
            *harness_errors += 1;
            if errors.len() < 5 {
                errors.push(format!("harness error on {}: {}", o.runtime, o.detail));
            }
            continue;
        }
        let mut stderr = o.errors.join("\n");
        if !o.detail.is_empty() {
            stderr = format!("{stderr}\n{}", o.detail).trim().to_string();
        }
        out[p][r].push(Observed {
            log: o.log,
            status: o.status,
            stderr,
        });
    }
    out
}

/// A runtime's run outside its host's set (by runtime index), with that set.
type FirstDisallowed = (usize, Observed, Vec<Allowed>);

/// The runtimes (by index) with a run outside their host's set, and the first such run with
/// that set.
fn disagreements(
    config: &Config,
    sets: &Sets,
    runs: &[Vec<Observed>],
) -> (Vec<usize>, Option<FirstDisallowed>) {
    let mut who = Vec::new();
    let mut first = None;
    for (r, observed) in runs.iter().enumerate() {
        let Some(set) = sets.get(config.runtimes[r].host().name()) else {
            continue;
        };
        for o in observed {
            if !set.iter().any(|a| a.log == o.log && a.status == o.status) {
                if !who.contains(&r) {
                    who.push(r);
                }
                if first.is_none() {
                    first = Some((r, o.clone(), set.clone()));
                }
            }
        }
    }
    (who, first)
}

/// The model's sets for `source` on the hosts of the browsers of `config` (or of runtime
/// `only`).
fn judge(config: &Config, source: String, only: Option<usize>, fig: &mut Figures) -> Judged {
    let sets = host_sets(config, &source, only, &mut fig.states);
    Judged { source, sets }
}

/// Shrinks a program that disagreed on runtime `r` (proptest's walk over its value tree);
/// the smallest failing program, what the runtime printed, and the model's set.
fn shrink(
    config: &Config,
    tree: &mut dyn ValueTree<Value = generate::Program>,
    r: usize,
    fig: &mut Figures,
    mut best: (String, Observed, Vec<Allowed>),
) -> (String, Observed, Vec<Allowed>) {
    if !tree.simplify() {
        return best;
    }
    for _ in 0..config.max_shrink_iters {
        let j = judge(config, tree.current().source(), Some(r), fig);
        let mut errs = Vec::new();
        let runs = run_pages(
            config,
            std::slice::from_ref(&j),
            Some(r),
            &mut fig.harness_errors,
            &mut errs,
        );
        let n: usize = runs[0].iter().map(Vec::len).sum();
        fig.runs += n;
        fig.shrink_runs += n;
        let failed = match &j.sets {
            Ok(sets) => disagreements(config, sets, &runs[0])
                .1
                .map(|(_, o, set)| (o, set)),
            Err(_) => None,
        };
        let more = match failed {
            Some((o, set)) => {
                best = (j.source, o, set);
                tree.simplify()
            }
            None => tree.complicate(),
        };
        if !more {
            break;
        }
    }
    best
}

/// Runs a fuzzing session on browsers (every runtime of `config` a browser; html host).
pub(super) fn fuzz_pages(
    config: &Config,
    mut progress: impl FnMut(&Figures),
    versions: Vec<String>,
) -> anyhow::Result<Figures> {
    let start = Instant::now();
    let mut fig = Figures {
        seed: config.seed,
        runtimes: versions.clone(),
        ..Figures::default()
    };
    let strategy = generate::program(&config.size, config.features);
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes(config.seed));
    let mut runner = TestRunner::new_with_rng(
        PtConfig {
            failure_persistence: None,
            ..PtConfig::default()
        },
        rng,
    );
    let mut left = config.cases as usize;
    while left > 0 {
        let n = left.min(BATCH);
        left -= n;
        let mut trees = Vec::with_capacity(n);
        for _ in 0..n {
            trees.push(
                strategy
                    .new_tree(&mut runner)
                    .map_err(|e| anyhow::anyhow!("generator: {e}"))?,
            );
        }
        let judged: Vec<Judged> = trees
            .iter()
            .map(|t| judge(config, t.current().source(), None, &mut fig))
            .collect();
        let mut errs = std::mem::take(&mut fig.errors);
        let runs = run_pages(config, &judged, None, &mut fig.harness_errors, &mut errs);
        fig.errors = errs;
        for ((j, runs), tree) in judged.into_iter().zip(runs).zip(trees.iter_mut()) {
            fig.programs += 1;
            let sets = match j.sets {
                Ok(sets) => sets,
                Err(s) => {
                    match s {
                        Skip::Incomplete => fig.skipped_incomplete += 1,
                        Skip::Diverged => fig.skipped_diverged += 1,
                        Skip::Unsupported(e) => {
                            fig.unsupported += 1;
                            if fig.errors.len() < 5 {
                                fig.errors.push(format!(
                                    "unsupported program (a generator bug): {e}\n{}",
                                    j.source
                                ));
                            }
                        }
                    }
                    continue;
                }
            };
            fig.checked += 1;
            fig.runs += runs.iter().map(Vec::len).sum::<usize>();
            let (who, first) = disagreements(config, &sets, &runs);
            for &r in &who {
                *fig.disagreeing_programs
                    .entry(versions[r].clone())
                    .or_default() += 1;
            }
            let Some((r, observed, set)) = first else {
                continue;
            };
            let original = j.source.clone();
            let (source, observed, model) =
                shrink(config, tree, r, &mut fig, (j.source, observed, set));
            fig.disagreements += 1;
            let rt = &config.runtimes[r];
            let f = Finding {
                runtime: rt.name.clone(),
                version: versions[r].clone(),
                host: rt.host().name().into(),
                source,
                observed,
                model,
                original,
                file: None,
            };
            super::record_finding(config, rt, &mut fig, f)?;
        }
        fig.seconds = start.elapsed().as_secs_f64();
        progress(&fig);
    }
    fig.seconds = start.elapsed().as_secs_f64();
    Ok(fig)
}
