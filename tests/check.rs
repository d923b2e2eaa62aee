//! `evloop check` and `evloop explore` as a user runs them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const FETCH_RACE: &str = "spec/litmus/seed-001-fetch-race.js";
const SHARED_STATE: &str = "spec/litmus/seed-001-shared-state-race.js";

fn evloop(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_evloop"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("evloop runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = args.to_vec();
    all.push("--json");
    let (code, stdout, stderr) = evloop(&all);
    let v = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\nstderr: {stderr}"));
    (code, v)
}

#[test]
fn a_claim_that_holds_exits_0_and_lists_every_outcome_in_words() {
    let (code, stdout, stderr) = evloop(&[
        "check",
        SHARED_STATE,
        "--claim",
        "always (a == 4 or a == 6)",
    ]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("2 outcomes"), "{stdout}");
    assert!(stdout.contains("vars: a = 6"), "{stdout}");
    assert!(stdout.contains("vars: a = 4"), "{stdout}");
    assert!(stdout.contains("fetch a.com completes"), "{stdout}");
    assert!(stdout.contains("fetch b.com completes"), "{stdout}");
    assert!(stdout.contains("holds on every schedule"), "{stdout}");
    assert!(stdout.contains("--schedule replay:"), "{stdout}");
}

#[test]
fn a_failing_claim_exits_1_with_a_replayable_counterexample() {
    let (code, v) = json(&["check", FETCH_RACE, "--claim", r#"always "a" before "b""#]);
    assert_eq!(code, 1, "{v}");
    let claim = &v["claims"][0];
    assert_eq!(claim["claim"], r#"always "a" before "b""#);
    assert_eq!(claim["holds"], false);
    let cx = &claim["counterexample"];
    assert_eq!(cx["log"], serde_json::json!(["b", "a"]));
    let steps: Vec<&str> = cx["schedule"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(!steps.is_empty());
    // The counterexample replays with `evloop run`.
    let replay = format!("replay:{}", steps.join(","));
    let (code, stdout, stderr) = evloop(&["run", FETCH_RACE, "--schedule", &replay]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.lines().collect::<Vec<_>>(), ["b", "a"]);
    // And so does every outcome's witness.
    let (_, v) = json(&["check", FETCH_RACE]);
    for o in v["outcomes"].as_array().unwrap() {
        let w: Vec<&str> = o["witness"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let (code, stdout, _) = evloop(&[
            "run",
            FETCH_RACE,
            "--schedule",
            &format!("replay:{}", w.join(",")),
        ]);
        assert_eq!(code, 0);
        let want: Vec<&str> = o["log"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(stdout.lines().collect::<Vec<_>>(), want);
    }
    // The text form says FAILS and prints the replay command.
    let (code, stdout, _) = evloop(&["check", FETCH_RACE, "--claim", r#"always "a" before "b""#]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("FAILS; shortest counterexample"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "evloop run {FETCH_RACE} --host html --schedule {replay}"
        )),
        "{stdout}"
    );
}

#[test]
fn json_has_the_documented_shape() {
    let (code, v) = json(&[
        "check",
        SHARED_STATE,
        "--claim",
        "sometimes a == 4",
        "--claim",
        "never a == 6",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["host"], "html");
    assert_eq!(v["complete"], true);
    assert!(v["states"].as_u64().unwrap() > 0);
    let outcomes = v["outcomes"].as_array().unwrap();
    assert_eq!(outcomes.len(), 2);
    for o in outcomes {
        for field in ["log", "status", "errors", "vars", "witness"] {
            assert!(!o[field].is_null(), "outcome lacks {field}: {o}");
        }
        assert_eq!(o["status"], "completed");
        assert!(o["witness"].is_array());
    }
    let claims = v["claims"].as_array().unwrap();
    assert_eq!(claims[0]["holds"], true);
    assert!(claims[0]["counterexample"].is_null());
    assert_eq!(claims[1]["holds"], false);
    assert_eq!(claims[1]["counterexample"]["log"], serde_json::json!(["6"]));
    assert!(claims[1]["counterexample"]["schedule"].is_array());
}

#[test]
fn a_malformed_claim_exits_2_with_the_column() {
    let (code, stdout, stderr) =
        evloop(&["check", FETCH_RACE, "--claim", r#"always "a" befor "b""#]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("column 12"), "{stderr}");
    assert!(stderr.contains("expected `before`"), "{stderr}");
    // The caret sits under the column.
    let lines: Vec<&str> = stderr.lines().collect();
    let claim_line = lines
        .iter()
        .position(|l| l.contains("befor \"b\""))
        .unwrap();
    assert_eq!(lines[claim_line + 1].find('^'), Some(2 + 11), "{stderr}");
    // An unknown variable is bad input too.
    let (code, _, stderr) = evloop(&["check", SHARED_STATE, "--claim", "always b == 1"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`b` is not a top-level variable"),
        "{stderr}"
    );
}

#[test]
fn unsupported_javascript_and_unknown_hosts_exit_2() {
    let (code, _, stderr) = evloop(&["check", "tests/inputs/unsupported-generator.js"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("tests/inputs/unsupported-generator.js:2:1"),
        "{stderr}"
    );
    let (code, _, stderr) = evloop(&["check", FETCH_RACE, "--host", "netscape"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown host"), "{stderr}");
    let (code, _, _) = evloop(&["check", "no/such/file.js"]);
    assert_eq!(code, 2);
}

#[test]
fn hitting_a_limit_exits_3_and_says_incomplete() {
    let (code, v) = json(&["check", FETCH_RACE, "--max-states", "2"]);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["complete"], false);
    assert!(
        v["incomplete"].as_str().unwrap().contains("state limit"),
        "{v}"
    );
    let (code, stdout, _) = evloop(&["check", FETCH_RACE, "--max-depth", "0"]);
    assert_eq!(code, 3, "{stdout}");
    assert!(stdout.contains("INCOMPLETE"), "{stdout}");
    let (code, v) = json(&["check", FETCH_RACE, "--timeout", "0"]);
    assert_eq!(code, 3, "{v}");
    // An undecided claim over an incomplete exploration is `null`, still exit 3.
    let (code, v) = json(&[
        "check",
        FETCH_RACE,
        "--max-states",
        "2",
        "--claim",
        r#"never logs "zzz""#,
    ]);
    assert_eq!(code, 3);
    assert!(v["claims"][0]["holds"].is_null(), "{v}");
}

#[test]
fn an_endless_microtask_loop_is_reported_diverged() {
    let dir = std::env::temp_dir().join(format!("evloop-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("spin.js");
    std::fs::write(
        &file,
        "function spin() { queueMicrotask(spin); }\nspin();\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let (code, v) = json(&["check", f, "--claim", "always status == diverged"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["outcomes"][0]["status"], "diverged");
    assert!(v["outcomes"][0]["reason"].is_string());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Kills the child when dropped, so a failing test does not leave a server running.
struct Child(std::process::Child);
impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).expect("a response");
    out
}

#[test]
fn explore_serves_stateright_explorer_on_loopback() {
    let child = Command::new(env!("CARGO_BIN_EXE_evloop"))
        .args(["explore", FETCH_RACE, "--port", "0"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("evloop explore starts");
    let mut child = Child(child);
    let mut first = String::new();
    BufReader::new(child.0.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no URL in {first:?}"));
    let port: u16 = url
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    // The server binds right after printing its address.
    let start = Instant::now();
    let page = loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(_) => break get(port, "/"),
            Err(_) if start.elapsed() < Duration::from_secs(10) => {
                std::thread::sleep(Duration::from_millis(50))
            }
            Err(e) => panic!("the Explorer did not start: {e}"),
        }
    };
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Stateright"), "{page}");
    // The initial state, then the choices from it in replay syntax with their words.
    let states = get(port, "/.states");
    assert!(states.contains("200"), "{states}");
    let next = get(port, "/.states/0");
    assert!(
        next.contains("fetch:1") && next.contains("fetch a.com completes"),
        "{next}"
    );
    drop(child);
}

/// Writes `src` to a fresh temporary file named `name`; returns its path.
fn temp_program(name: &str, src: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("evloop-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, src).unwrap();
    file
}

/// Issue 18: an interval that never stops and counts gives every check a new state; the
/// exploration ends at its memory limit, incomplete with exit 3, instead of aborting.
#[test]
fn an_endless_counting_interval_ends_the_check_at_its_memory_limit() {
    let file = temp_program(
        "interval.js",
        "let n=0; setInterval(() => { n++; if (n % 1000 === 0) console.log(n) }, 1)",
    );
    let f = file.to_str().unwrap();
    let (code, stdout, _) = evloop(&["check", f, "--host", "node", "--max-memory", "300M"]);
    assert_eq!(code, 3, "{stdout}");
    assert!(stdout.contains("INCOMPLETE (memory)"), "{stdout}");
    let (code, v) = json(&["check", f, "--host", "node", "--max-memory", "300M"]);
    assert_eq!(code, 3);
    assert_eq!(v["complete"], false);
    assert_eq!(v["limit"], "memory");
}

/// `--max-steps` and `--timeout` hold for a run and inside its steps: the run ends
/// `incomplete`, naming the limit, with exit 3.
#[test]
fn a_run_past_its_steps_or_its_time_is_incomplete() {
    let file = temp_program("busy.js", "console.log('start'); while (true) {}");
    let f = file.to_str().unwrap();
    let (code, v) = json(&["run", f, "--max-steps", "100000"]);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["status"], "incomplete");
    assert_eq!(v["log"][0], "start");
    assert_eq!(
        v["reason"],
        "the step limit (100000 instructions) was reached"
    );
    let start = Instant::now();
    let (code, stdout, stderr) = evloop(&["check", f, "--timeout", "0.5"]);
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(code, 3, "{stdout}{stderr}");
    assert!(stdout.contains("INCOMPLETE (time)"), "{stdout}");
    let (code, v) = json(&["explain", f, "--max-steps", "1000"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["status"], "incomplete");
}

/// The limits' defaults are in `--help` of every command that runs programs.
#[test]
fn the_limits_and_their_defaults_are_in_help() {
    for cmd in ["run", "check", "explain", "fuzz"] {
        let (code, stdout, _) = evloop(&[cmd, "--help"]);
        assert_eq!(code, 0);
        for flag in ["--max-steps", "--timeout", "--max-memory"] {
            assert!(stdout.contains(flag), "{cmd} --help lacks {flag}");
        }
        assert!(stdout.contains("[default: 10000000000]"), "{cmd}: {stdout}");
    }
}
