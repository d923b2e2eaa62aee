//! The checker over real programs: outcome sets, witnesses, limits, claims and shortest
//! counterexamples.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use evloop_checker::{
    CheckError, Claim, Limit, Limits, Options, Verdict, check, describe_schedule, explore,
};
use evloop_js::CompileOptions;
use evloop_model::{Choice, Host, Outcome, Program, Scheduler, State, Status};

fn compile(src: &str, host: Host) -> Arc<Program> {
    let options = CompileOptions {
        is_module: false,
        resolve_global: host.global_resolver(),
    };
    Arc::new(evloop_js::compile(src, "test.js", &options).expect("compiles"))
}

fn html(src: &str) -> Arc<Program> {
    compile(src, Host::Html)
}

fn opts() -> Options {
    Options {
        threads: 1,
        ..Options::default()
    }
}

fn logs(p: &Arc<Program>, host: Host) -> BTreeSet<Vec<String>> {
    let x = explore(p.clone(), host, &mut opts()).expect("explores");
    assert!(x.complete);
    x.outcomes.iter().map(|f| f.outcome.log.clone()).collect()
}

fn set(items: &[&[&str]]) -> BTreeSet<Vec<String>> {
    items
        .iter()
        .map(|l| l.iter().map(|s| s.to_string()).collect())
        .collect()
}

/// Replays `schedule` and returns the outcome (panics if it is not a schedule of the program).
fn replay(p: &Arc<Program>, host: Host, schedule: &[Choice]) -> Outcome {
    let r = evloop_model::run(
        p.clone(),
        host,
        &evloop_model::Setup::default(),
        &Scheduler::Replay(schedule.to_vec()),
    )
    .expect("the schedule replays");
    assert_eq!(
        r.schedule, schedule,
        "the replay took every step and no more"
    );
    r.outcome
}

/// Every schedule's length and outcome, by brute force (no state merging): the reference for
/// shortest counterexamples.
fn all_schedules(p: &Arc<Program>, host: Host) -> Vec<(usize, Outcome)> {
    fn go(st: State, depth: usize, out: &mut Vec<(usize, Outcome)>) {
        let cs = st.choices();
        if cs.is_empty() {
            out.push((depth, Outcome::of(&st)));
        }
        for c in cs {
            go(st.apply(c), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    go(
        State::new(p.clone(), host, &evloop_model::Setup::default()),
        0,
        &mut out,
    );
    out
}

const FETCH_RACE: &str = r#"
fetch("a.com").then(() => console.log("a"));
fetch("b.com").then(() => console.log("b"));
"#;

const SHARED_STATE_RACE: &str = r#"
let a = 1;
Promise.all([
  fetch("a.com").then(() => { a = a + 2; }),
  fetch("b.com").then(() => { a = a * 2; }),
]).then(() => console.log(a));
"#;

#[test]
fn the_seed_fetch_race_has_exactly_two_outcomes() {
    assert_eq!(
        logs(&html(FETCH_RACE), Host::Html),
        set(&[&["a", "b"], &["b", "a"]])
    );
}

#[test]
fn the_shared_state_race_ends_as_4_or_6_with_a_witness_each() {
    let p = html(SHARED_STATE_RACE);
    let x = explore(p.clone(), Host::Html, &mut opts()).unwrap();
    assert!(x.complete);
    let finals: BTreeSet<String> = x
        .outcomes
        .iter()
        .map(|f| f.outcome.vars["a"].clone())
        .collect();
    assert_eq!(finals, BTreeSet::from(["4".to_string(), "6".to_string()]));
    for f in &x.outcomes {
        assert_eq!(replay(&p, Host::Html, &f.witness), f.outcome);
        let words = describe_schedule(
            p.clone(),
            Host::Html,
            &evloop_model::Setup::default(),
            &f.witness,
        );
        assert!(
            words.iter().any(|w| w.contains("fetch a.com completes")
                || w.contains("fetch b.com completes")),
            "{words:?}"
        );
    }
    let r = check(
        p,
        Host::Html,
        &[
            "always (a == 4 or a == 6)".into(),
            "sometimes a == 4 and sometimes a == 6".into(),
            "always a == 6".into(),
        ],
        &mut opts(),
    )
    .unwrap();
    let verdicts: Vec<Verdict> = r.claims.iter().map(|j| j.verdict).collect();
    assert_eq!(verdicts, [Verdict::Holds, Verdict::Holds, Verdict::Fails]);
    let cx = r.claims[2]
        .counterexample
        .as_ref()
        .expect("a counterexample");
    assert_eq!(cx.outcome.vars["a"], "4");
    assert_eq!(r.exit_code(), 1);
}

#[test]
fn k_independent_fetches_give_k_factorial_outcomes() {
    for (k, fact) in [(1, 1), (2, 2), (3, 6), (4, 24), (5, 120)] {
        let src: String = (0..k)
            .map(|i| format!("fetch(\"u{i}.com\").then(() => console.log(\"f{i}\"));\n"))
            .collect();
        let p = html(&src);
        let x = explore(p.clone(), Host::Html, &mut opts()).unwrap();
        assert!(x.complete);
        assert_eq!(x.outcomes.len(), fact, "k = {k}");
        let distinct: BTreeSet<&Vec<String>> = x.outcomes.iter().map(|f| &f.outcome.log).collect();
        assert_eq!(distinct.len(), fact);
        // Two threads find the same outcomes.
        let x2 = explore(
            p,
            Host::Html,
            &mut Options {
                threads: 2,
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(x2.outcomes.len(), fact);
        assert_eq!(x2.states, x.states);
    }
}

#[test]
fn an_endless_microtask_loop_is_diverged_not_a_hang() {
    let p = html("function spin() { queueMicrotask(spin); }\nspin();\nconsole.log(\"started\");");
    let x = explore(p, Host::Html, &mut opts()).unwrap();
    assert!(x.complete);
    assert_eq!(x.outcomes.len(), 1);
    assert_eq!(x.outcomes[0].outcome.status, Status::Diverged);
    assert!(x.outcomes[0].outcome.reason.is_some());
}

#[test]
fn outcomes_agree_with_the_reference_search_and_witnesses_replay() {
    let programs = [
        FETCH_RACE,
        SHARED_STATE_RACE,
        r#"setTimeout(() => console.log("t1"), 0); setTimeout(() => console.log("t2"), 0);"#,
        r#"
        setTimeout(() => console.log("timeout"), 5);
        fetch("x.com").then(() => { console.log("fetched"); setTimeout(() => console.log("late"), 0); });
        Promise.resolve().then(() => console.log("micro"));
        "#,
        r#"
        let n = 0;
        fetch("a").then(() => { n++; return fetch("c"); }).then(() => console.log("c", n));
        fetch("b").then(() => { n += 10; console.log("b", n); });
        "#,
        r#"Promise.reject(new Error("boom")); fetch("a").then(() => console.log("a"));"#,
    ];
    for src in programs {
        let p = html(src);
        let x = explore(p.clone(), Host::Html, &mut opts()).unwrap();
        let reference = evloop_model::explore::explore(
            p.clone(),
            Host::Html,
            &evloop_model::Setup::default(),
            100_000,
        );
        assert!(x.complete && reference.complete);
        let ours: BTreeSet<Outcome> = x.outcomes.iter().map(|f| f.outcome.clone()).collect();
        let theirs: BTreeSet<Outcome> = reference.outcomes.keys().cloned().collect();
        assert_eq!(ours, theirs, "{src}");
        // Witnesses are shortest: no schedule reaches the outcome in fewer choices.
        let brute = all_schedules(&p, Host::Html);
        for f in &x.outcomes {
            assert_eq!(replay(&p, Host::Html, &f.witness), f.outcome, "{src}");
            let shortest = brute
                .iter()
                .filter(|(_, o)| *o == f.outcome)
                .map(|(d, _)| *d)
                .min()
                .unwrap();
            assert_eq!(f.witness.len(), shortest, "{src}");
        }
    }
}

#[test]
fn counterexamples_are_shortest_and_replay() {
    // "x" is logged by a short schedule (fetch a completes first) and by longer ones.
    let src = r#"
    let seen = 0;
    fetch("a").then(() => { if (seen == 0) console.log("x"); seen++; });
    fetch("b").then(() => { seen++; return fetch("c"); }).then(() => { seen++; return fetch("d"); })
      .then(() => { if (seen == 2) console.log("x"); seen++; });
    "#;
    let p = html(src);
    let brute = all_schedules(&p, Host::Html);
    let claims = [
        r#"never logs "x""#,
        r#"always logs "x""#,
        "always seen == 4",
        r#"sometimes log == ["nothing"]"#,
        r#"always "x" before "y" or never logs "x""#,
    ];
    let r = check(
        p.clone(),
        Host::Html,
        &claims.map(String::from),
        &mut opts(),
    )
    .unwrap();
    for (j, text) in r.claims.iter().zip(claims) {
        let claim = Claim::parse(text).unwrap();
        let outcomes: Vec<Outcome> = r.exploration.outcome_list();
        assert_eq!(j.verdict, claim.verdict(&outcomes, true), "{text}");
        if j.verdict != Verdict::Fails {
            assert!(j.counterexample.is_none());
            continue;
        }
        let cx = j
            .counterexample
            .as_ref()
            .expect("a failing claim has a counterexample");
        assert_eq!(replay(&p, Host::Html, &cx.witness), cx.outcome, "{text}");
        let evidence = claim.evidence(&outcomes, true, false);
        assert!(
            evidence.iter().any(|&i| outcomes[i] == cx.outcome),
            "{text}"
        );
        let shortest = brute
            .iter()
            .filter(|(_, o)| evidence.iter().any(|&i| outcomes[i] == *o))
            .map(|(d, _)| *d)
            .min()
            .unwrap();
        assert_eq!(cx.witness.len(), shortest, "{text}: not the shortest");
    }
    assert_eq!(r.claims[0].verdict, Verdict::Fails);
    assert_eq!(r.claims[1].verdict, Verdict::Fails);
}

#[test]
fn limits_make_the_answer_incomplete() {
    let src: String = (0..4)
        .map(|i| format!("fetch(\"u{i}\").then(() => console.log(\"f{i}\"));\n"))
        .collect();
    let p = html(&src);
    let full = explore(p.clone(), Host::Html, &mut opts()).unwrap();
    assert!(full.complete && full.limit.is_none());

    let limited = |limits: Limits| {
        explore(
            p.clone(),
            Host::Html,
            &mut Options {
                limits,
                threads: 1,
                progress: None,
                setup: Default::default(),
            },
        )
        .unwrap()
    };
    let x = limited(Limits {
        max_states: 10,
        ..Limits::default()
    });
    assert!(!x.complete);
    assert_eq!(x.limit, Some(Limit::MaxStates(10)));
    assert!(x.states <= 10);
    assert!(x.outcomes.len() < 24);

    let x = limited(Limits {
        max_depth: Some(3),
        ..Limits::default()
    });
    assert!(!x.complete);
    assert_eq!(x.limit, Some(Limit::MaxDepth(3)));

    // Exactly the longest schedule's length is enough.
    let longest = all_schedules(&p, Host::Html)
        .iter()
        .map(|(d, _)| *d)
        .max()
        .unwrap();
    assert!(longest > full.outcomes.iter().map(|f| f.witness.len()).max().unwrap());
    let x = limited(Limits {
        max_depth: Some(longest),
        ..Limits::default()
    });
    assert!(x.complete, "{:?}", x.limit);
    assert_eq!(x.outcomes.len(), 24);
    // States merge, so a shorter bound may still reach every state; then it is complete.
    for d in 0..longest {
        let x = limited(Limits {
            max_depth: Some(d),
            ..Limits::default()
        });
        if x.complete {
            assert_eq!(x.outcomes.len(), 24, "max depth {d}");
        } else {
            assert_eq!(x.limit, Some(Limit::MaxDepth(d)));
        }
    }

    let x = limited(Limits {
        timeout: Some(Duration::ZERO),
        ..Limits::default()
    });
    assert!(!x.complete);
    assert_eq!(x.limit, Some(Limit::Timeout(Duration::ZERO)));

    // Over an incomplete exploration an `always` refuted stays refuted, the rest is unknown.
    let r = check(
        p,
        Host::Html,
        &[
            r#"always "f0" before "f1""#.into(),
            r#"never logs "zzz""#.into(),
        ],
        &mut Options {
            limits: Limits {
                max_states: 40,
                ..Limits::default()
            },
            threads: 1,
            progress: None,
            setup: Default::default(),
        },
    )
    .unwrap();
    assert!(!r.exploration.complete);
    assert_eq!(r.claims[1].verdict, Verdict::Unknown);
    let code = r.exit_code();
    if r.claims[0].verdict == Verdict::Fails {
        assert_eq!(code, 1);
    } else {
        assert_eq!(code, 3);
    }
}

#[test]
fn progress_is_reported_only_for_long_explorations() {
    let p = html(FETCH_RACE);
    let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let c = calls.clone();
    let mut options = Options {
        progress: Some(Box::new(move |_| {
            c.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })),
        ..Options::default()
    };
    explore(p, Host::Html, &mut options).unwrap();
    assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 0);
}

#[test]
fn claims_must_name_top_level_variables() {
    let p = html(SHARED_STATE_RACE);
    let e = match check(
        p,
        Host::Html,
        &["always (a == 4 or b == 6)".into()],
        &mut opts(),
    ) {
        Err(CheckError::Claim { error, .. }) => error,
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("accepted an unknown variable"),
    };
    assert_eq!(e.column, 19);
    assert!(e.message.contains("`b` is not a top-level variable"), "{e}");
    assert!(e.message.contains("the program has a"), "{e}");
}

#[test]
fn variable_literals_are_formatted_like_the_model_formats_values() {
    let p = html(
        r#"let s = "q\"uo\\te\nline\ttab\u0001é"; let n = 0.1 + 0.2; let z = -0; let t = true; let u;
        let big = 1e21;"#,
    );
    let r = check(
        p,
        Host::Html,
        &[
            r#"always s == "q\"uo\\te\nline\ttab"#.to_string() + "\u{1}é\"",
            "always n == 0.30000000000000004".into(),
            "always z == -0".into(),
            "always t == true and u == undefined".into(),
            "always big == 1000000000000000000000".into(),
        ],
        &mut opts(),
    )
    .unwrap();
    for j in &r.claims {
        assert_eq!(
            j.verdict,
            Verdict::Holds,
            "{} vs {:?}",
            j.claim,
            r.exploration.outcomes[0].outcome.vars
        );
    }
}
