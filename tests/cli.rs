//! The command line as a user runs it.

use std::process::Command;

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

#[test]
fn quick_start_example_prints_the_seed_order() {
    let (code, stdout, _) = evloop(&["run", "examples/async-order.js"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "script start",
            "async1 start",
            "async2",
            "promise1",
            "script end",
            "async1 end",
            "promise2",
            "setTimeout"
        ]
    );
}

#[test]
fn unsupported_construct_exits_2_with_position_and_name() {
    let (code, stdout, stderr) = evloop(&["run", "tests/inputs/unsupported-generator.js"]);
    assert_eq!(code, 2, "stderr: {stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("tests/inputs/unsupported-generator.js:2:1"),
        "stderr: {stderr}"
    );
    assert!(stderr.contains("generator"), "stderr: {stderr}");
}

#[test]
fn json_output_has_the_documented_fields() {
    let (code, stdout, _) = evloop(&["run", "examples/async-order.js", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["host"], "html");
    assert_eq!(v["status"], "completed");
    assert_eq!(v["log"][0], "script start");
    assert!(v["schedule"].is_array());
}

#[test]
fn trace_names_the_rules() {
    let (code, stdout, _) = evloop(&["run", "examples/async-order.js", "--trace"]);
    assert_eq!(code, 0);
    for rule in ["HTML-2", "HTML-6", "ES-9", "ES-10", "HTML-9", "LOG"] {
        assert!(stdout.contains(rule), "trace lacks {rule}:\n{stdout}");
    }
}

#[test]
fn replay_schedule_and_bad_schedule() {
    let (code, _, stderr) = evloop(&[
        "run",
        "examples/async-order.js",
        "--schedule",
        "replay:clock:99",
    ]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = evloop(&["run", "examples/async-order.js", "--schedule", "sometimes"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn missing_file_is_bad_input() {
    let (code, _, stderr) = evloop(&["run", "no/such/file.js"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no/such/file.js"));
}

/// `evloop fuzz --host html` takes browsers only, and browsers take `--host html` only.
#[test]
fn fuzz_does_not_mix_browsers_and_node_hosts() {
    let (code, _, err) = evloop(&["fuzz", "--runtime", "chromium", "--cases", "1"]);
    assert_ne!(code, 0);
    assert!(err.contains("does not run --host node programs"), "{err}");
    let (code, _, err) = evloop(&[
        "fuzz",
        "--host",
        "html",
        "--runtime",
        "node",
        "--cases",
        "1",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("does not run --host html programs"), "{err}");
}

/// `evloop run FILE | head -1` and `evloop check FILE | head -1`: when the reader closes
/// stdout, evloop stops quietly, with the status a shell gives a program killed by SIGPIPE.
#[test]
fn a_closed_stdout_ends_the_program_quietly() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;
    for cmd in ["run", "check"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_evloop"))
            .args([cmd, "tests/inputs/long-log.js", "--host", "node"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("evloop runs");
        let mut first = String::new();
        let stdout = child.stdout.take().expect("piped");
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("a line");
        // The reader is dropped here: the rest of the output (over 100 KB, more than a pipe
        // holds) meets a closed pipe.
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("piped")
            .read_to_string(&mut stderr)
            .expect("stderr");
        let status = child.wait().expect("exits");
        assert!(!first.is_empty(), "{cmd}: no first line");
        assert_eq!(stderr, "", "{cmd}: stderr");
        assert_eq!(status.code(), Some(141), "{cmd}: status");
    }
}

/// `evloop explain`: the page, the pictures and the JSON of one run; bad input as for `run`.
#[test]
fn explain_writes_the_page_the_pictures_and_the_json() {
    let dir = std::env::temp_dir().join(format!("evloop-cli-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("out.html");
    let svg = dir.join("svg");
    let (code, stdout, stderr) = evloop(&[
        "explain",
        "examples/async-order.js",
        "--html",
        html.to_str().unwrap(),
        "--format",
        "svg",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert!(stdout.contains("25 steps"), "{stdout}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("evloop-explanation") && !page.contains("https://"));
    let pictures = std::fs::read_dir(&svg).unwrap().count();
    assert_eq!(pictures, 25);
    let _ = std::fs::remove_dir_all(&dir);

    let (code, stdout, _) = evloop(&["explain", "examples/async-order.js", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["steps"].as_array().map(Vec::len), Some(25));
    assert_eq!(v["steps"][12]["rule"]["rule"], "HTML-6");
    assert_eq!(v["log"][0], "script start");

    let (code, _, stderr) = evloop(&["explain", "tests/inputs/unsupported-generator.js"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("tests/inputs/unsupported-generator.js:2:1"),
        "{stderr}"
    );
    let (code, _, stderr) = evloop(&[
        "explain",
        "examples/async-order.js",
        "--schedule",
        "replay:io:3",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("replayed schedule"), "{stderr}");
}
