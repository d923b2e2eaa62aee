//! The html host's minimal DOM beyond what litmus files about event-loop rules exercise:
//! Text nodes, node accessors and the hierarchy check of insertion. Every expected log is what
//! chromium 156.0.8078.79 headless and firefox 153.7.0esr headless printed for the same
//! program (tools/browser/run.js, 1 run each, identical), and the model must have exactly it.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use evloop_model::{Host, Outcome, Program, State};

fn compile(src: &str) -> Arc<Program> {
    Arc::new(
        evloop_js::compile(src, "test.js", &evloop_js::CompileOptions::default())
            .expect("compiles"),
    )
}

/// Every outcome's log over every schedule.
fn all_logs(src: &str) -> BTreeSet<Vec<String>> {
    let mut seen = HashSet::new();
    let mut out = BTreeSet::new();
    let mut stack = vec![State::new(
        compile(src),
        Host::Html,
        &evloop_model::Setup::default(),
    )];
    while let Some(st) = stack.pop() {
        if !seen.insert(st.clone()) {
            continue;
        }
        assert!(seen.len() < 10_000, "state space too large");
        let cs = st.choices();
        if cs.is_empty() {
            out.insert(Outcome::of(&st).log);
        }
        for c in cs {
            stack.push(st.apply(c));
        }
    }
    out
}

/// DOM §4.2.3 "ensure pre-insertion validity": inserting an inclusive ancestor of the parent
/// throws a HierarchyRequestError (an Error); Text nodes leave their parent with `remove()`
/// and `removeChild`; `nodeValue` is the data of a Text node and null for an element.
#[test]
fn hierarchy_error_and_text_node_removal() {
    let src = r#"
const a = document.createElement("div");
const b = document.createElement("p");
a.appendChild(b);
try { b.appendChild(a); } catch (e) { console.log(e.name, e instanceof Error); }
try { a.append(a); } catch (e) { console.log(e.name); }
const t = document.createTextNode("x");
b.append(t);
t.remove();
console.log(b.childNodes.length, t.parentNode);
b.appendChild(t);
b.removeChild(t);
console.log(b.childNodes.length, String(t.nodeValue), a.nodeValue, a.nodeType, t.nodeType);
"#;
    let expected: Vec<String> = [
        "HierarchyRequestError true",
        "HierarchyRequestError",
        "0 null",
        "0 x null 1 3",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(all_logs(src), BTreeSet::from([expected]));
}
