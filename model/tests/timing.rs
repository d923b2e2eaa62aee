//! MODEL-7, the loaded timing: every ideal outcome stays possible, and what it adds follows
//! the rules it abstracts (HTML-10 step 4.2's ordering guarantee; NODE-7's start times).

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use evloop_model::{Host, Program, Setup, State, Timing};

fn compile(src: &str, host: Host) -> Arc<Program> {
    let options = evloop_js::CompileOptions::for_host(host, "test.js");
    Arc::new(evloop_js::compile(src, "test.js", &options).expect("compiles"))
}

/// Every outcome's log over every schedule of `src` on `host` with `timing`.
fn logs(src: &str, host: Host, timing: Timing) -> BTreeSet<Vec<String>> {
    let setup = Setup {
        timing,
        ..Setup::default()
    };
    let init = State::new(compile(src, host), host, &setup);
    let mut seen = HashSet::new();
    let mut out = BTreeSet::new();
    let mut stack = vec![init];
    while let Some(st) = stack.pop() {
        if !seen.insert(st.clone()) {
            continue;
        }
        assert!(seen.len() < 100_000, "state explosion");
        let cs = st.choices();
        if cs.is_empty() {
            out.insert(st.log.clone());
        }
        stack.extend(cs.into_iter().map(|c| st.apply(c)));
    }
    out
}

fn set(logs: &[&[&str]]) -> BTreeSet<Vec<String>> {
    logs.iter()
        .map(|l| l.iter().map(|s| s.to_string()).collect())
        .collect()
}

#[test]
fn html_a_timer_may_wait_longer_but_not_past_an_earlier_shorter_one() {
    let src = r#"
        setTimeout(() => console.log("A"), 5);
        setTimeout(() => console.log("B"), 0);
        setTimeout(() => console.log("C"), 5);
    "#;
    assert_eq!(
        logs(src, Host::Html, Timing::Ideal),
        set(&[&["B", "A", "C"]])
    );
    // HTML-10 step 4.3: B may wait past A; step 4.2: C (started after A and B, timeout 5)
    // never completes before either.
    assert_eq!(
        logs(src, Host::Html, Timing::Loaded),
        set(&[&["B", "A", "C"], &["A", "B", "C"]])
    );
}

#[test]
fn node_a_timer_started_late_in_a_callback_can_come_due_after_a_longer_one() {
    let src = r#"
        setTimeout(() => { console.log("L1"); setTimeout(() => console.log("L2"), 0); }, 0);
        setTimeout(() => console.log("L3"), 5);
    "#;
    for host in [Host::Node, Host::Deno, Host::Bun] {
        assert_eq!(
            logs(src, host, Timing::Ideal),
            set(&[&["L1", "L2", "L3"]]),
            "{host:?}"
        );
        assert_eq!(
            logs(src, host, Timing::Loaded),
            set(&[&["L1", "L2", "L3"], &["L1", "L3", "L2"]]),
            "{host:?}"
        );
    }
}

#[test]
fn node_equal_timeouts_keep_their_order_under_load() {
    // NODE-7: one list per duration, appended in start order, whatever the clock reads.
    let src = r#"
        setTimeout(() => console.log("t1"), 3);
        console.log("sync");
        setTimeout(() => console.log("t2"), 3);
    "#;
    for l in logs(src, Host::Node, Timing::Loaded) {
        assert_eq!(l, ["sync", "t1", "t2"]);
    }
}

#[test]
fn node_an_early_timer_can_come_due_after_a_shorter_one_a_later_callback_starts() {
    // MODEL-7 item 1: B's start is the real time (getLibuvNow); the main module may have
    // taken 2 ms or more before it, so B comes due after C, which A's callback starts.
    let src = r#"
        setTimeout(() => {
          console.log("A");
          setTimeout(() => console.log("C"), 2);
        }, 10);
        console.log("main");
        setTimeout(() => console.log("B"), 10);
    "#;
    assert_eq!(
        logs(src, Host::Node, Timing::Ideal),
        set(&[&["main", "A", "B", "C"]])
    );
    assert_eq!(
        logs(src, Host::Node, Timing::Loaded),
        set(&[&["main", "A", "B", "C"], &["main", "A", "C", "B"]])
    );
}

#[test]
fn node_an_early_timer_can_come_due_after_a_chain_of_later_timers() {
    // MODEL-7 item 1: chains of up to three timers (here two 1 ms timers in a row).
    let src = r#"
        setTimeout(() => {
          console.log("A");
          setTimeout(() => {
            console.log("C1");
            setTimeout(() => console.log("C2"), 1);
          }, 1);
        }, 5);
        setTimeout(() => console.log("B"), 5);
    "#;
    let ideal = logs(src, Host::Node, Timing::Ideal);
    let loaded = logs(src, Host::Node, Timing::Loaded);
    let after_chain: Vec<String> = ["A", "C1", "C2", "B"].map(String::from).to_vec();
    assert!(!ideal.contains(&after_chain), "{ideal:?}");
    assert!(loaded.contains(&after_chain), "{loaded:?}");
    assert!(ideal.is_subset(&loaded));
}

#[test]
fn node_a_late_loop_runs_a_lists_later_timer_in_the_same_pass() {
    // MODEL-7 item 2: the loop's clock read may find B (due 3 ms after A, same list) due
    // too, so listOnTimeout runs both before the check phase.
    let src = r#"
        setTimeout(() => {
          console.log("A");
          setImmediate(() => console.log("I"));
        }, 5);
        setTimeout(() => {
          setTimeout(() => console.log("B"), 5);
          console.log("first output");
        }, 3);
    "#;
    let both: Vec<String> = ["first output", "A", "B", "I"].map(String::from).to_vec();
    let ideal = logs(src, Host::Node, Timing::Ideal);
    let loaded = logs(src, Host::Node, Timing::Loaded);
    assert_eq!(ideal, set(&[&["first output", "A", "I", "B"]]));
    assert!(loaded.contains(&both), "{loaded:?}");
    assert!(ideal.is_subset(&loaded));
}

#[test]
fn node_the_second_pass_of_uv5_reads_the_loop_time_again() {
    // MODEL-7 item 2 at UV-5's `timers:again` (Node 20): a late first pass runs A's callback,
    // which starts T (0 ms) and queues an immediate; B's list is due by then, so libuv runs
    // RunTimers again, whose GetNow may find T due as well: B and T before the immediate
    // (found by `evloop fuzz`, seed 42, node 20: fuzz-node-s42-4 of the spec 0.3.0 run).
    let src = r#"
        setTimeout(() => console.log("B"), 10);
        setTimeout(() => {
          console.log("A");
          setTimeout(() => console.log("T"), 0);
          setImmediate(() => console.log("I"));
        }, 5);
    "#;
    let late: Vec<String> = ["A", "B", "T", "I"].map(String::from).to_vec();
    let ideal = logs(src, Host::Node, Timing::Ideal);
    let loaded = logs(src, Host::Node, Timing::Loaded);
    assert!(!ideal.contains(&late), "{ideal:?}");
    assert!(loaded.contains(&late), "{loaded:?}");
    assert!(ideal.is_subset(&loaded));
}
