//! The harness's formats against the model's, on real Node.js:
//! - FORMAT-1 twice: conformance/harness/format.js (run in Node with the Node adapter's
//!   prelude, told to format canonically) and engine/src/format.rs (the model's `bun` host,
//!   which prints FORMAT-1, running the same program) print the same line for every value;
//! - FORMAT-2: Node's own console text (the prelude's default on Node) and the model's `node`
//!   host print the same text for every value the model does not refuse.

mod common;

use std::sync::Arc;

use evloop_conformance::runner::{FORMAT_JS, NODE_PRELUDE_JS};
use evloop_model::{Host, Scheduler};

const VALUES: &str = r#"
console.log(0, -0, 1.5, -2.25, 1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, NaN, Infinity, -Infinity);
console.log("top-level string", "with \"quotes\"");
console.log(["a\"b", "back\\slash", "nl\nx", "tab\tcr\r", "\u0001", ""]);
console.log(undefined, null, true, false);
console.log([], {}, [1, [2, [3, [4, [5]]]]], [[[[]]]]);
console.log({a: 1, "b c": 2, _x: 3, $y: 4, "1x": 5, "é": 6, "": 7});
console.log({a: {b: {c: {d: {e: 1}}}}}, {a: {b: {c: {}}}});
const cyc = {name: "c"};
cyc.self = cyc;
console.log(cyc);
const arr = [1];
arr.push(arr);
console.log(arr);
function named() {}
const arrow = () => 1;
const anon = [function () {}];
console.log(named, arrow, anon, [named]);
console.log(Promise.resolve(1), [new Promise(() => {})]);
console.log(new Error("boom"), new TypeError("bad"), new RangeError(""), [new Error("in array")]);
const e = new Error("m");
e.name = "Custom";
console.log(e);
console.log({get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {}});
console.log([undefined, null, -0, "s"], {u: undefined, n: null});
console.log("mixed", 1, "two", [3], {four: 4});
console.log(1 / 3, 2 ** 53, -1e-7, 5e-324, 1.7976931348623157e308);
// Host objects: FORMAT-1 only (FORMAT-2 refuses those whose runtime prints internals).
const t = setTimeout(() => {}, 0);
const i = setImmediate(() => {});
console.log(t, [i]);
const EventEmitter = require("events");
console.log(new EventEmitter(), [new EventEmitter()]);
console.info("info", 1);
console.warn("warn", [2]);
console.error("error", {e: 3});
"#;

fn model_log(source: &str, host: Host) -> Vec<String> {
    let program = evloop_js::compile_for_host(source, "values.js", host)
        .map(Arc::new)
        .unwrap_or_else(|e| panic!("the value program compiles: {}", e.rendered()));
    let r = evloop_model::run(
        Arc::clone(&program),
        host,
        &evloop_model::Setup::default(),
        &Scheduler::Default,
    )
    .expect("runs");
    assert_eq!(r.outcome.status.name(), "completed");
    r.outcome.log
}

/// The log Node prints through the harness's prelude: FORMAT-1 (format.js) when `canonical`,
/// else Node's own console text.
fn node_log(source: &str, canonical: bool) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!(
        "evloop-format-test-{}-{canonical}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("prelude.cjs"),
        format!("{FORMAT_JS}\n{NODE_PRELUDE_JS}"),
    )
    .expect("write");
    std::fs::write(dir.join("values.js"), source).expect("write");
    let mut cmd = std::process::Command::new("node");
    if canonical {
        cmd.env("EVLOOP_FORMAT", "canonical");
    }
    let out = cmd
        .arg("--require")
        .arg(dir.join("prelude.cjs"))
        .arg(dir.join("values.js"))
        .output()
        .expect("node runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("\u{1}evloop "))
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("log").and_then(|l| l.as_str()).map(str::to_string))
        .collect()
}

fn compare(model: &[String], node: &[String], what: &str) {
    assert!(model.len() >= 15, "the model printed {} lines", model.len());
    let diffs: Vec<String> = model
        .iter()
        .zip(node)
        .enumerate()
        .filter(|(_, (m, n))| m != n)
        .map(|(i, (m, n))| format!("line {}:\n  model: {m}\n  {what}: {n}", i + 1))
        .collect();
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
    assert_eq!(model.len(), node.len(), "model {model:#?}\nnode {node:#?}");
}

#[test]
fn format_js_prints_every_value_as_the_model_does() {
    if !common::have_node() {
        eprintln!("skipped: no `node` on PATH");
        return;
    }
    compare(
        &model_log(VALUES, Host::Bun),
        &node_log(VALUES, true),
        "format.js",
    );
}

#[test]
fn the_node_host_prints_nodes_own_console_text() {
    if !common::have_node() {
        eprintln!("skipped: no `node` on PATH");
        return;
    }
    let values = &VALUES[..VALUES.find("// Host objects").expect("marked")];
    compare(
        &model_log(values, Host::Node),
        &node_log(values, false),
        "node",
    );
}
