//! The HTML host with user events (real clicks), which litmus frontmatter cannot express yet:
//! every outcome over every schedule must equal the set observed in real browsers, where the
//! click came through the browser's input pipeline (tools/browser/run.js --click '#btn':
//! DevTools protocol Input.dispatchMouseEvent in chromium 156.0.8078.79 headless, WebDriver
//! BiDi input.performActions in firefox 153.7.0esr headless; 5 runs each, all identical).

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use evloop_model::host::web::{UserEvent, WebConfig};
use evloop_model::{Host, Outcome, Program, Setup, State};

/// The set-up of a run on this page.
fn page(config: WebConfig) -> Setup {
    Setup {
        page: Some(Arc::new(config)),
        ..Setup::default()
    }
}

fn compile(src: &str) -> Arc<Program> {
    Arc::new(
        evloop_js::compile(src, "test.js", &evloop_js::CompileOptions::default())
            .expect("compiles"),
    )
}

/// Every outcome's log, over every schedule, with the user clicking `#btn` once.
fn logs_with_click(src: &str) -> BTreeSet<Vec<String>> {
    let click: UserEvent = "click:#btn".parse().unwrap();
    let init = State::new(
        compile(src),
        Host::Html,
        &page(WebConfig {
            user_events: vec![click],
            ..WebConfig::default()
        }),
    );
    all_logs(init)
}

/// Every outcome's log over every schedule from `init`.
fn all_logs(init: State) -> BTreeSet<Vec<String>> {
    let mut seen = HashSet::new();
    let mut out = BTreeSet::new();
    let mut stack = vec![init];
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

fn set(logs: &[&[&str]]) -> BTreeSet<Vec<String>> {
    logs.iter()
        .map(|l| l.iter().map(|s| s.to_string()).collect())
        .collect()
}

const BUTTON: &str = r#"
const btn = document.createElement("button");
btn.id = "btn";
btn.textContent = "go";
document.body.appendChild(btn);
"#;

/// HTML-7: a real click is dispatched by the user agent with an empty stack, so a
/// microtask checkpoint runs after each listener.
#[test]
fn user_click_checkpoints_between_listeners() {
    let src = format!(
        "{BUTTON}{}",
        r#"
btn.addEventListener("click", () => {
  console.log("L1");
  Promise.resolve().then(() => console.log("L1.microtask"));
});
btn.addEventListener("click", () => {
  console.log("L2");
  Promise.resolve().then(() => console.log("L2.microtask"));
});
"#
    );
    assert_eq!(
        logs_with_click(&src),
        set(&[&["L1", "L1.microtask", "L2", "L2.microtask"]])
    );
}

/// HTML-7: the same listeners, dispatched by `btn.click()` from script (no checkpoint until
/// the script ends) and then by a real click (a checkpoint after each listener, including
/// the bubbling one on `document`).
#[test]
fn user_click_versus_script_click() {
    let src = format!(
        "{BUTTON}{}",
        r#"
let real = false;
btn.addEventListener("click", (e) => {
  console.log("L1", real ? "user" : "script");
  Promise.resolve().then(() => console.log("L1.microtask"));
});
document.addEventListener("click", () => {
  console.log("document listener");
  queueMicrotask(() => console.log("document.microtask"));
});
btn.click();
console.log("script end");
real = true;
"#
    );
    assert_eq!(
        logs_with_click(&src),
        set(&[&[
            "L1 script",
            "document listener",
            "script end",
            "L1.microtask",
            "document.microtask",
            "L1 user",
            "L1.microtask",
            "document listener",
            "document.microtask",
        ]])
    );
}

/// HTML-12 with HTML-7: a mutation in the first listener of a real click is delivered to the
/// MutationObserver in the checkpoint after that listener, before the next listener.
#[test]
fn user_click_mutation_observer_between_listeners() {
    let src = format!(
        "{BUTTON}{}",
        r#"
new MutationObserver(() => console.log("MO")).observe(btn, { attributes: true });
btn.onclick = () => {
  btn.setAttribute("data-x", "1");
  console.log("onclick");
};
btn.addEventListener("click", () => console.log("listener"));
"#
    );
    assert_eq!(
        logs_with_click(&src),
        set(&[&["onclick", "MO", "listener"]])
    );
}

/// The user's click is a task on the user interaction task source: its order against a
/// pending timer is the host's choice (both are possible in the model).
#[test]
fn user_click_races_a_timer() {
    let src = format!(
        "{BUTTON}{}",
        r#"
btn.addEventListener("click", () => console.log("click"));
setTimeout(() => console.log("timeout"), 100);
"#
    );
    assert_eq!(
        logs_with_click(&src),
        set(&[&["click", "timeout"], &["timeout", "click"]])
    );
}

/// An initial document given as markup (`--dom`), clicked by the user on a nested button:
/// capture on the ancestor, the target, then bubbling, each listener followed by a
/// checkpoint (HTML-7).
#[test]
fn user_click_on_markup_document_propagates() {
    let src = r#"
const outer = document.querySelector(".outer");
const btn = document.getElementById("btn");
const log = (s) => () => {
  console.log(s);
  queueMicrotask(() => console.log(s + ".microtask"));
};
outer.addEventListener("click", log("outer capture"), true);
outer.addEventListener("click", log("outer bubble"));
btn.addEventListener("click", log("btn"));
document.body.addEventListener("click", log("body bubble"));
console.log(btn.parentNode.parentNode === outer, document.querySelector("p").tagName);
"#;
    let config = WebConfig::parse(
        Some(
            r#"<div class="outer" id="outer"><p><button id="btn" class="b">go</button></p></div>"#,
        ),
        &["click:#btn".to_string()],
    )
    .unwrap();
    let init = State::new(compile(src), Host::Html, &page(config));
    assert_eq!(
        all_logs(init),
        set(&[&[
            "true P",
            "outer capture",
            "outer capture.microtask",
            "btn",
            "btn.microtask",
            "outer bubble",
            "outer bubble.microtask",
            "body bubble",
            "body bubble.microtask",
        ]])
    );
}

/// The HTML host's schedule steps parse back from their printed form.
#[test]
fn html_choices_round_trip() {
    use evloop_model::Choice;
    for s in [
        "render",
        "idle",
        "user",
        "task:port:3",
        "task:rendering",
        "task:posted-message",
        "task:idle-task",
        "task:user-interaction",
    ] {
        let c: Choice = s.parse().unwrap();
        assert_eq!(c.to_string(), s);
    }
    assert!("task:port:x".parse::<Choice>().is_err());
}

/// CustomEvent carries `detail`; `dispatchEvent` from script is synchronous.
#[test]
fn custom_event_detail() {
    let src = r#"
const el = document.createElement("div");
el.addEventListener("ping", (e) => console.log("detail", e.detail.n, e.type));
el.dispatchEvent(new CustomEvent("ping", { detail: { n: 7 } }));
console.log("after");
"#;
    let init = State::new(compile(src), Host::Html, &Setup::default());
    assert_eq!(all_logs(init), set(&[&["detail 7 ping", "after"]]));
}

/// HTML-4 step 8: the user resizes the viewport (tools/browser/run.js --resize 500x400:
/// Emulation.setDeviceMetricsOverride in Chromium, browsingContext.setViewport in Firefox;
/// 5 runs each, all alike); the next update the rendering fires `resize` at the window, each
/// listener followed by a checkpoint, before the frame's animation frame callbacks.
#[test]
fn user_resize_fires_resize_before_raf() {
    let src = r#"
window.addEventListener("resize", () => {
  console.log("resize", window.innerWidth, window.innerHeight);
  Promise.resolve().then(() => console.log("resize microtask"));
});
window.onresize = () => console.log("onresize");
let armed = false;
window.addEventListener("resize", () => {
  if (!armed) {
    armed = true;
    requestAnimationFrame(() => console.log("raf after resize"));
  }
});
"#;
    let config = WebConfig::parse(None, &["resize:500x400".to_string()]).unwrap();
    let init = State::new(compile(src), Host::Html, &page(config));
    assert_eq!(
        all_logs(init),
        set(&[&[
            "resize 500 400",
            "resize microtask",
            "onresize",
            "raf after resize"
        ]])
    );
}
