//! Canonical states over shared heap cells: a successor never changes the state it was made
//! from, and canonicalizing a canonical state changes nothing.

use std::sync::Arc;

use evloop_model::{Host, Program, State};

fn compile(src: &str, host: Host) -> Arc<Program> {
    let options = evloop_js::CompileOptions {
        is_module: false,
        resolve_global: host.global_resolver(),
    };
    Arc::new(evloop_js::compile(src, "canon.js", &options).expect("compiles"))
}

/// Walks every state reachable from `init` (depth-first, at most `limit` states) and checks
/// at each: applying each choice leaves the state as it was (cells are copied before they are
/// written), and the state is already canonical.
fn check_every_state(init: State, limit: usize) -> usize {
    let mut stack = vec![init];
    let mut seen = 0;
    while let Some(st) = stack.pop() {
        seen += 1;
        assert!(seen <= limit, "more than {limit} states");
        let mut again = st.clone();
        again.canonicalize();
        assert_eq!(again, st, "a canonical state is its own canonical form");
        let before = format!("{st:?}");
        for c in st.choices() {
            let next = st.apply(c);
            assert_eq!(
                format!("{st:?}"),
                before,
                "{c} changed the state it was taken in"
            );
            stack.push(next);
        }
    }
    seen
}

#[test]
fn successors_share_cells_without_changing_their_parent_html() {
    let src = r#"
        async function f(x) { await null; console.log("a" + x); return x; }
        f(1).then(v => console.log("then " + v));
        fetch("u0.com").then(r => console.log("f0 " + r.ok));
        fetch("u1.com").then(() => { console.log("f1"); return f(2); });
        setTimeout(() => { console.log("t"); Promise.all([f(3), 4]).then(a => console.log(a)); }, 0);
        queueMicrotask(() => console.log("m"));
    "#;
    let n = check_every_state(
        State::new(
            compile(src, Host::Html),
            Host::Html,
            &evloop_model::Setup::default(),
        ),
        5_000,
    );
    assert!(n > 10, "explored {n} states");
}

#[test]
fn successors_share_cells_without_changing_their_parent_node() {
    let src = r#"
        const fs = require("fs");
        setImmediate(() => console.log("immediate"));
        setTimeout(() => console.log("timeout"), 0);
        process.nextTick(() => console.log("tick"));
        fs.readFile("a.txt", () => Promise.resolve().then(() => console.log("read")));
        (async () => { await null; console.log("async"); })();
    "#;
    let n = check_every_state(
        State::new(
            compile(src, Host::Node),
            Host::Node,
            &evloop_model::Setup::default(),
        ),
        5_000,
    );
    assert!(n > 3, "explored {n} states");
}
