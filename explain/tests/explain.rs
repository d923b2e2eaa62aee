//! The step-through of small programs: the snapshots' queues fill and drain at the steps the
//! rules say, the log grows, the positions and stacks follow the source, and the page and
//! pictures are well formed and load nothing.

use std::sync::Arc;

use evloop_explain::{Explanation, HtmlOptions, Snapshot, explain, render_html, render_svg};
use evloop_model::{Host, Scheduler, Setup};

fn run(src: &str, host: Host) -> Explanation {
    let program = evloop_js::compile_for_host(src, "test.js", host).expect("compiles");
    explain(
        Arc::new(program),
        host,
        &Setup::default(),
        &Scheduler::Default,
    )
    .expect("the default schedule fits")
}

/// The items of queue `key` at step `s`.
fn items<'a>(s: &'a Snapshot, key: &str) -> &'a [String] {
    s.queues
        .iter()
        .find(|q| q.key == key)
        .map(|q| q.items.as_slice())
        .unwrap_or_else(|| panic!("step {} has no queue {key}", s.index))
}

/// The first step whose rule is `rule` and whose text contains `text`.
fn step<'a>(ex: &'a Explanation, rule: &str, text: &str) -> &'a Snapshot {
    ex.steps
        .iter()
        .find(|s| {
            s.rule
                .as_ref()
                .is_some_and(|f| f.rule == rule && f.text.contains(text))
        })
        .unwrap_or_else(|| panic!("no step {rule} {text}"))
}

const HTML_PROGRAM: &str = r#"console.log("sync");
setTimeout(function tick() {
  console.log("timeout");
}, 0);
Promise.resolve().then(function later() {
  console.log("then");
});
"#;

#[test]
fn html_snapshots_follow_the_rules() {
    let ex = run(HTML_PROGRAM, Host::Html);
    assert_eq!(ex.log, ["sync", "then", "timeout"]);
    assert_eq!(ex.status, "completed");
    // Step 0: nothing has run.
    let s0 = &ex.steps[0];
    assert!(s0.rule.is_none() && s0.log_len == 0 && s0.stack.is_empty());
    // The log grows one line per LOG step, never shrinks.
    let lens: Vec<usize> = ex.steps.iter().map(|s| s.log_len).collect();
    assert!(lens.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(*lens.last().unwrap(), 3);
    // console.log("sync") runs on line 1, from the script's top level.
    let sync = step(&ex, "LOG", "sync");
    assert_eq!(sync.log_len, 1);
    let pos = sync.position.expect("a position");
    assert_eq!((pos.line, pos.running), (1, true));
    assert_eq!(sync.stack[0].function, "(top level)");
    // HTML-9 arms the timer: it waits, due at 0 ms, and no task is queued yet.
    let armed = step(&ex, "HTML-9", "armed");
    assert_eq!(
        items(armed, "timers"),
        ["timer 1: tick (line 3) due at 0 ms"]
    );
    assert!(items(armed, "task:timer").is_empty());
    // ES-3 queues the reaction: the microtask queue holds the `later` handler.
    let queued = step(&ex, "ES-3", "queue a microtask");
    let m = items(queued, "microtasks");
    assert_eq!(m.len(), 1);
    assert!(
        m[0].starts_with("PromiseReactionJob: fulfilled handler later (line 6)"),
        "{m:?}"
    );
    // HTML-6 checkpoint: still queued; ES-1 takes it off the queue and runs it.
    assert_eq!(
        items(step(&ex, "HTML-6", "1 queued"), "microtasks").len(),
        1
    );
    let run = step(&ex, "ES-1", "run microtask");
    assert!(items(run, "microtasks").is_empty());
    let then = step(&ex, "LOG", "then");
    assert_eq!(then.stack.last().unwrap().function, "later");
    assert_eq!(then.position.unwrap().line, 6);
    // HTML-10: the timer's task is queued on the timer task source, then HTML-2 runs it.
    let due = step(&ex, "HTML-10", "is due");
    assert_eq!(items(due, "task:timer"), ["timer 1: tick (line 3)"]);
    assert!(items(due, "timers").is_empty());
    let task = step(&ex, "HTML-2", "timer task source");
    assert!(items(task, "task:timer").is_empty());
    let timeout = step(&ex, "LOG", "timeout");
    assert_eq!(timeout.stack.last().unwrap().function, "tick");
    // Every rule that fired links to the book, and the step indices are in order.
    for id in ["HTML-2", "HTML-6", "HTML-9", "HTML-10", "ES-1", "ES-3"] {
        assert!(ex.rules.contains_key(id), "{id}");
    }
    assert!(!ex.rules.contains_key("LOG"));
    assert!(ex.steps.iter().enumerate().all(|(i, s)| s.index == i));
}

const NODE_PROGRAM: &str = r#"setTimeout(function t() { console.log("timeout"); }, 0);
setImmediate(function i() { console.log("immediate"); });
process.nextTick(function n() { console.log("tick"); });
Promise.resolve().then(function p() { console.log("micro"); });
console.log("main");
"#;

#[test]
fn node_snapshots_follow_the_rules() {
    let ex = run(NODE_PROGRAM, Host::Node);
    // The default schedule: the first loop turn begins before 1 ms has passed.
    assert_eq!(ex.log, ["main", "tick", "micro", "immediate", "timeout"]);
    // NODE-7: the timer joins the 1 ms list (setTimeout 0 is 1 ms), due at 1 ms.
    let timer = step(&ex, "NODE-7", "1 ms list");
    assert_eq!(
        items(timer, "timers"),
        ["timer 1: t (line 1) (1 ms), due at 1 ms"]
    );
    let main = step(&ex, "LOG", "main");
    assert_eq!(items(main, "next-ticks"), ["nextTick n (line 3)"]);
    assert_eq!(items(main, "microtasks").len(), 1);
    assert_eq!(items(main, "immediates"), ["immediate 1: i (line 2)"]);
    // NODE-2/3: the nextTick queue drains before the microtasks.
    let tick = step(&ex, "LOG", "tick");
    assert!(items(tick, "next-ticks").is_empty());
    assert_eq!(items(tick, "microtasks").len(), 1);
    let micro = step(&ex, "LOG", "micro");
    assert!(items(micro, "microtasks").is_empty());
    assert_eq!(items(micro, "timers").len(), 1);
    // The immediate runs in a check phase, the timer in a later timers phase.
    let timeout = step(&ex, "LOG", "timeout");
    assert!(items(timeout, "timers").is_empty());
    assert_eq!(timeout.phase.as_deref(), Some("timers phase"));
    assert_eq!(timeout.clock, 1);
    let immediate = step(&ex, "LOG", "immediate");
    assert!(items(immediate, "immediates").is_empty());
    assert_eq!(immediate.phase.as_deref(), Some("check phase"));
    // Host choices are numbered as the schedule lists them.
    let chosen: Vec<&str> = ex
        .steps
        .iter()
        .filter_map(|s| s.choice.as_ref())
        .filter(|c| c.number.is_some())
        .map(|c| c.step.as_str())
        .collect();
    assert_eq!(chosen.first(), Some(&"start"));
    for id in ["NODE-1", "NODE-3", "NODE-7", "NODE-9"] {
        assert!(ex.rules.contains_key(id), "{id}");
    }
}

#[test]
fn a_schedule_that_does_not_fit_is_an_error() {
    let program = evloop_js::compile_for_host(HTML_PROGRAM, "t.js", Host::Html).unwrap();
    let bad = Scheduler::Replay(vec!["io:7".parse().unwrap()]);
    assert!(explain(Arc::new(program), Host::Html, &Setup::default(), &bad).is_err());
}

#[test]
fn the_page_embeds_the_json_and_loads_nothing() {
    let ex = run(HTML_PROGRAM, Host::Html);
    let page = render_html(
        &ex,
        &HtmlOptions {
            book_base: "book/".into(),
            title: None,
        },
    );
    assert!(page.contains(r#"<script type="application/json" id="evloop-explanation">"#));
    assert!(page.contains("EvloopViewer"));
    assert!(page.contains("book/") && page.contains("html-6-perform-a-microtask-checkpoint"));
    assert!(!page.contains("http://") && !page.contains("https://"));
    // The embedded JSON parses back to the explanation.
    let start =
        page.find(r#"id="evloop-explanation">"#).unwrap() + r#"id="evloop-explanation">"#.len();
    let end = start + page[start..].find("</script>").unwrap();
    let back: Explanation = serde_json::from_str(&page[start..end]).expect("JSON");
    assert_eq!(back, ex);
}

#[test]
fn source_text_cannot_end_the_script_element() {
    let ex = run("console.log(\"</script><b>x</b>\");\n", Host::Html);
    let page = render_html(&ex, &HtmlOptions::default());
    assert_eq!(
        page.matches("</script>").count(),
        4,
        "only the page's own script ends"
    );
}

#[test]
fn every_step_is_an_svg_picture() {
    let ex = run(NODE_PROGRAM, Host::Node);
    for i in 0..ex.steps.len() {
        let svg = render_svg(&ex, i);
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("step {i}: {e}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        let text: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(text.contains("nextTick queue"), "step {i}");
    }
    let last = render_svg(&ex, ex.steps.len() - 1);
    assert!(last.contains("immediate"));
    let none = render_svg(&ex, ex.steps.len());
    roxmltree::Document::parse(&none).expect("well formed");
    assert!(none.contains("no step"));
}

/// The steps are `evloop run --trace`'s lines, one for one, in order (plus step 0), with the
/// trace's clock.
#[test]
fn the_steps_are_the_trace() {
    for (src, host) in [(HTML_PROGRAM, Host::Html), (NODE_PROGRAM, Host::Node)] {
        let ex = run(src, host);
        let program = evloop_js::compile_for_host(src, "test.js", host).unwrap();
        let mut trace = evloop_model::trace::Collect::default();
        evloop_model::run_traced(
            Arc::new(program),
            host,
            &Setup::default(),
            &Scheduler::Default,
            &mut trace,
        )
        .unwrap();
        let steps: Vec<(String, String)> = ex.steps[1..]
            .iter()
            .map(|s| {
                let f = s
                    .rule
                    .as_ref()
                    .expect("every step after the first fired a rule");
                (f.rule.clone(), f.text.clone())
            })
            .collect();
        let lines: Vec<(String, String)> = trace
            .0
            .iter()
            .map(|e| (e.rule.to_string(), e.text.clone()))
            .collect();
        assert_eq!(steps, lines, "{}", host.name());
    }
}

/// A state between two choices in words and as a picture (what the Explorer shows).
#[test]
fn a_state_in_words_and_as_a_picture() {
    let program = evloop_js::compile_for_host(NODE_PROGRAM, "t.js", Host::Node).unwrap();
    let init = evloop_model::State::new(Arc::new(program), Host::Node, &Setup::default());
    let st = init.apply("start".parse().unwrap());
    let words = evloop_explain::describe_state(&st);
    let text = words.to_string();
    assert!(
        text.contains("timer 1: t (line 1) (1 ms), due at 1 ms"),
        "{text}"
    );
    assert!(text.contains("immediate 1: i (line 2)"), "{text}");
    assert!(
        text.contains("log (3 lines):\n  main\n  tick\n  micro"),
        "{text}"
    );
    assert!(text.contains("choices: "), "{text}");
    assert!(
        !text.contains("ObjId") && !text.contains("Value::"),
        "{text}"
    );
    let svg = evloop_explain::render_state_svg(&words);
    let doc = roxmltree::Document::parse(&svg).expect("well formed");
    let all: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(all.contains("immediate queue (check phase)"));
}
