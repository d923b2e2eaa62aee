//! The model as an oracle for the real runtime (runtime/, `evloop run --real`): programs run
//! with real worker threads and the wall clock, and every outcome must be one of the model's
//! outcomes over all schedules. A trace outside the set fails with the schedule the real run
//! took (replayable with `evloop run --schedule replay:…`).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use evloop_litmus::Litmus;
use evloop_model::explore::explore;
use evloop_model::trace::NoTrace;
use evloop_model::{Host, Program, RunResult, Status};
use evloop_runtime::exec::{RealOptions, run_real, seed_from_time};

const MAX_STATES: usize = 200_000;

fn opts(seed: u64) -> RealOptions {
    RealOptions {
        threads: 4,
        max_delay: Duration::from_millis(3),
        // 0.2 ms of wall clock per model ms: timers of a few hundred ms stay quick.
        ms: Duration::from_micros(200),
        seed,
    }
}

fn replay(r: &RunResult) -> String {
    r.schedule
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Runs `program` `runs` times for real; every outcome must be in the model's set. Returns
/// the logs seen, or `None` when the model's set is not available (incomplete exploration,
/// or a divergent outcome, which a real run would take too long to reach).
fn check_runs(
    name: &str,
    program: &Arc<Program>,
    host: Host,
    runs: usize,
    failures: &mut Vec<String>,
) -> Option<Vec<Vec<String>>> {
    let all = explore(
        program.clone(),
        host,
        &evloop_model::Setup::default(),
        MAX_STATES,
    );
    if !all.complete || all.outcomes.keys().any(|o| o.status == Status::Diverged) {
        return None;
    }
    let mut logs = Vec::new();
    for i in 0..runs {
        let seed = seed_from_time().wrapping_add(i as u64);
        match run_real(program.clone(), host, &opts(seed), &mut NoTrace) {
            Ok(r) => {
                if !all.outcomes.contains_key(&r.outcome) {
                    failures.push(format!(
                        "{name} [{}]: real run (seed {seed}) produced {:?}, which is not one of the model's {} outcomes; schedule replay:{}",
                        host.name(),
                        r.outcome,
                        all.outcomes.len(),
                        replay(&r)
                    ));
                }
                logs.push(r.outcome.log);
            }
            Err(e) => failures.push(format!("{name} [{}]: {e}", host.name())),
        }
    }
    Some(logs)
}

/// `src` compiled for `host` as `evloop run` compiles it.
fn compile(src: &str, name: &str, host: Host) -> Result<Arc<Program>, evloop_js::LoadError> {
    evloop_js::compile_for_host(src, name, host).map(Arc::new)
}

fn program(src: &str, host: Host) -> Arc<Program> {
    compile(src, "main.js", host).expect("compiles")
}

/// Three reads whose callbacks log, and reads racing a timer and an immediate.
#[test]
fn readfile_programs_stay_within_the_model() {
    let programs = [
        (
            "three reads",
            "const fs = require('fs');\n\
             fs.readFile(__filename, () => console.log('a'));\n\
             fs.readFile(__filename, () => console.log('b'));\n\
             fs.readFile(__filename, () => console.log('c'));",
        ),
        (
            "read vs timer",
            "const fs = require('fs');\n\
             setTimeout(() => console.log('timeout'), 2);\n\
             fs.readFile(__filename, () => {\n\
               console.log('read');\n\
               setImmediate(() => console.log('immediate'));\n\
               process.nextTick(() => console.log('tick'));\n\
             });",
        ),
        (
            "chained reads",
            "const fs = require('fs');\n\
             fs.readFile(__filename, () => {\n\
               console.log('1');\n\
               fs.readFile(__filename, () => console.log('3'));\n\
             });\n\
             fs.promises.readFile(__filename).then(() => console.log('2'));",
        ),
    ];
    let mut failures = Vec::new();
    let mut orders = std::collections::BTreeSet::new();
    for (name, src) in programs {
        let p = program(src, Host::Node);
        let logs = check_runs(name, &p, Host::Node, 20, &mut failures)
            .unwrap_or_else(|| panic!("{name}: the model's outcomes are not available"));
        if name == "three reads" {
            orders.extend(logs);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Real workers with random delays do not always finish in submission order.
    assert!(orders.len() > 1, "only one order in 20 runs: {orders:?}");
}

/// Every litmus test on a Node-compatible host, a few real runs each.
#[test]
fn node_litmus_tests_stay_within_the_model() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/litmus");
    let tests = Litmus::load_dir(&dir).expect("litmus files load");
    let mut failures = Vec::new();
    let mut checked = 0;
    for t in &tests {
        for host_name in &t.meta.hosts {
            let Some(host) = Host::from_name(host_name).filter(|h| h.is_node()) else {
                continue;
            };
            let name = t.path.display().to_string();
            let Ok(p) = compile(&t.source, &name, host) else {
                continue;
            };
            if check_runs(&name, &p, host, 3, &mut failures).is_some() {
                checked += 1;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        checked > 50,
        "only {checked} (file, host) pairs were checked"
    );
}

/// The acceptance: the seeds' fetch race over 50 real runs shows both orders, all
/// within the model's set.
#[test]
fn seed_fetch_race_shows_both_orders() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/litmus/seed-001-fetch-race.js");
    let t = Litmus::load(&path).expect("the seed's litmus file");
    let p = compile(&t.source, "seed-001-fetch-race.js", Host::Node).expect("compiles");
    let mut failures = Vec::new();
    let logs = check_runs("seed-001-fetch-race", &p, Host::Node, 50, &mut failures)
        .expect("the model's outcomes");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let ab = logs.iter().filter(|l| l.as_slice() == ["a", "b"]).count();
    let ba = logs.iter().filter(|l| l.as_slice() == ["b", "a"]).count();
    assert!(
        ab > 0 && ba > 0,
        "a b {ab} times, b a {ba} times in 50 runs"
    );
}

/// `evloop run FILE --host node --real --json` prints one concrete trace.
#[test]
fn the_cli_runs_a_program_for_real() {
    let dir = std::env::temp_dir().join(format!("evloop-real-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("reads.js");
    std::fs::write(
        &file,
        "const fs = require('fs');\n\
         fs.readFile(__filename, () => console.log('a'));\n\
         fs.readFile(__filename, () => console.log('b'));\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_evloop"))
        .args(["run", "--host", "node", "--real", "--json"])
        .arg(&file)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut log: Vec<&str> = v["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    log.sort_unstable();
    assert_eq!(log, ["a", "b"]);
    assert_eq!(v["status"], "completed");
    assert!(!v["schedule"].as_array().unwrap().is_empty());
}
