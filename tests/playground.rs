//! The playground agrees with the CLI on every litmus file: the wasm API's `run` (web/) gives
//! what `evloop run --json` prints, and its `check` — which explores on one thread,
//! breadth-first (checker/src/bfs.rs), as it must in the browser — gives what `evloop check
//! --json` prints from stateright's exploration: the same states, outcomes, witnesses and
//! claim verdicts with counterexamples. Stateright is the oracle.

use std::path::{Path, PathBuf};
use std::process::Command;

use evloop_litmus::Litmus;
use serde_json::{Value, json};

fn cli(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_evloop"))
        .args(args)
        .output()
        .expect("evloop runs");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "evloop {args:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn pick(v: &Value, keys: &[&str]) -> Value {
    let mut out = serde_json::Map::new();
    for k in keys {
        out.insert((*k).to_string(), v.get(*k).cloned().unwrap_or(Value::Null));
    }
    Value::Object(out)
}

/// What must agree between one `evloop check --json` and the API's check.
fn check_view(v: &Value) -> Value {
    let outcomes: Vec<Value> = v["outcomes"]
        .as_array()
        .unwrap_or(&vec![])
        .iter()
        .map(|o| pick(o, &["log", "status", "errors", "vars", "reason", "witness"]))
        .collect();
    let claims: Vec<Value> = v["claims"]
        .as_array()
        .unwrap_or(&vec![])
        .iter()
        .map(|c| {
            json!({
                "claim": c["claim"],
                "holds": c["holds"],
                "log": c["counterexample"]["log"],
                "schedule": c["counterexample"].get("schedule").or(c["counterexample"].get("witness")),
            })
        })
        .collect();
    json!({
        "complete": v["complete"], "states": v["states"], "outcomes": outcomes, "claims": claims,
    })
}

/// Compares one litmus file on each of its hosts; the disagreements, and how many runs.
fn compare(t: &Litmus) -> (Vec<String>, usize) {
    let mut failures = Vec::new();
    let mut compared = 0;
    let path: PathBuf = t.path.clone();
    let file = path.display().to_string();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let timing = t.meta.timing.clone().unwrap_or_else(|| "ideal".into());
    let claims: Vec<String> = t.meta.claims.iter().map(|c| c.claim.clone()).collect();
    let options = json!({"name": name, "timing": timing, "max_states": 2_000_000}).to_string();
    for host in &t.meta.hosts {
        // One schedule: the default.
        let want = cli(&["run", &file, "--host", host, "--timing", &timing, "--json"]);
        let got: Value =
            serde_json::from_str(&evloop_wasm::api::run(&t.source, host, "default", &options))
                .expect("JSON");
        let keys = ["log", "status", "errors", "vars", "reason", "schedule"];
        if pick(&want, &keys) != pick(&got, &keys) {
            failures.push(format!(
                "{file} [{host}] run:\n  cli: {}\n  api: {}",
                pick(&want, &keys),
                pick(&got, &keys)
            ));
        }
        // Every schedule, with the file's claims.
        let mut args = vec![
            "check", &file, "--host", host, "--timing", &timing, "--json",
        ];
        for c in &claims {
            args.push("--claim");
            args.push(c);
        }
        let want = cli(&args);
        let got: Value = serde_json::from_str(&evloop_wasm::api::check(
            &t.source,
            host,
            &serde_json::to_string(&claims).unwrap(),
            &options,
        ))
        .expect("JSON");
        if check_view(&want) != check_view(&got) {
            failures.push(format!(
                "{file} [{host}] check:\n  cli (stateright): {}\n  api (one thread): {}",
                check_view(&want),
                check_view(&got)
            ));
        }
        compared += 1;
    }
    (failures, compared)
}

#[test]
fn the_playground_api_agrees_with_the_cli_on_every_litmus_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/litmus");
    let tests = Litmus::load_dir(&dir).expect("litmus files parse");
    // Two halves side by side (the machine has two cores; each CLI check uses them too).
    let (a, b) = tests.split_at(tests.len() / 2);
    let results: Vec<(Vec<String>, usize)> = std::thread::scope(|s| {
        let halves: Vec<_> = [a, b]
            .into_iter()
            .map(|half| s.spawn(move || half.iter().map(compare).collect::<Vec<_>>()))
            .collect();
        halves
            .into_iter()
            .flat_map(|h| h.join().expect("no panic"))
            .collect()
    });
    let failures: Vec<String> = results.iter().flat_map(|r| r.0.clone()).collect();
    let compared: usize = results.iter().map(|r| r.1).sum();
    assert!(compared > 100, "only {compared} litmus runs compared");
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{compared} litmus runs: run and check agree");
}
