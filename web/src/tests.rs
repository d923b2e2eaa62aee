//! The JSON API natively (what the page's worker calls).

use serde_json::Value;

use crate::api;

fn json(s: &str) -> Value {
    serde_json::from_str(s).expect("the API answers JSON")
}

/// The seeds' async1/async2 quiz, with the log recorded from real runtimes.
const QUIZ_LITMUS: &str = include_str!("../../spec/litmus/seed-002-async1-async2.js");

const FETCH_RACE: &str = r#"fetch("a.com").then(() => {console.log("a")});
fetch("b.com").then(() => {console.log("b")});
"#;

#[test]
fn run_gives_the_log_the_schedule_and_the_trace() {
    let quiz = evloop_litmus::Litmus::parse("quiz.js".as_ref(), QUIZ_LITMUS.to_string())
        .expect("the litmus file parses");
    let observed = &quiz.meta.outcomes["html"][0].log;
    for host in ["html", "node"] {
        let a = json(&api::run(QUIZ_LITMUS, host, "default", ""));
        assert_eq!(a["ok"], true);
        assert_eq!(a["log"], serde_json::json!(observed), "{host}");
        assert_eq!(a["status"], "completed");
        assert!(
            a["trace"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["rule"] == "ES-9")
        );
        // The step-through: a snapshot before anything runs and one per traced step.
        let steps = a["explanation"]["steps"].as_array().unwrap();
        assert_eq!(steps.len(), a["trace"].as_array().unwrap().len() + 1);
        assert_eq!(a["explanation"]["log"], a["log"]);
    }
}

#[test]
fn a_replayed_witness_gives_its_outcome() {
    let c = json(&api::check(
        FETCH_RACE,
        "html",
        r#"["always \"a\" before \"b\""]"#,
        "",
    ));
    assert_eq!(c["ok"], true);
    assert_eq!(c["complete"], true);
    let outcomes = c["outcomes"].as_array().unwrap();
    assert_eq!(outcomes.len(), 2);
    for o in outcomes {
        let steps: Vec<&str> = o["witness"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let r = json(&api::run(
            FETCH_RACE,
            "html",
            &format!("replay:{}", steps.join(",")),
            "",
        ));
        assert_eq!(r["log"], o["log"], "replaying {steps:?}");
    }
    let claim = &c["claims"][0];
    assert_eq!(claim["verdict"], "fails");
    assert_eq!(
        claim["counterexample"]["log"],
        serde_json::json!(["b", "a"])
    );
}

#[test]
fn a_limit_makes_the_check_incomplete_not_wrong() {
    let c = json(&api::check(
        FETCH_RACE,
        "html",
        r#"["always \"a\" before \"b\""]"#,
        r#"{"max_states": 2}"#,
    ));
    assert_eq!(c["complete"], false);
    assert!(c["incomplete"].as_str().unwrap().contains("state limit"));
}

#[test]
fn bad_input_is_a_problem_with_line_and_column() {
    let a = json(&api::run(
        "let x = 1;\nfunction* g() {}\n",
        "html",
        "default",
        "",
    ));
    assert_eq!(a["ok"], false);
    let p = &a["problems"][0];
    assert_eq!((p["line"].as_u64(), p["col"].as_u64()), (Some(2), Some(1)));
    let a = json(&api::run("let x = ;", "html", "default", ""));
    assert_eq!(a["problems"][0]["line"], 1);
    for (host, schedule, claims, options) in [
        ("firefox", "default", "[]", ""),
        ("html", "sometimes", "[]", ""),
        ("html", "default", "[\"always\"]", ""),
        ("html", "default", "[]", "{\"max_sates\": 1}"),
    ] {
        let r = json(&api::run(FETCH_RACE, host, schedule, options));
        let c = json(&api::check(FETCH_RACE, host, claims, options));
        assert!(
            r["ok"] == false || c["ok"] == false,
            "{host} {schedule} {claims} {options}"
        );
    }
}

#[test]
fn a_litmus_frontmatter_gives_the_page() {
    let src = "/*---\nid: t\nrules: [HTML-1]\nhosts: [html]\nobserved: []\noutcomes: {}\ndom: '<button id=\"b\">x</button>'\nevents: ['click:#b']\n---*/\ndocument.getElementById('b').addEventListener('click', () => console.log('clicked'));\n";
    let a = json(&api::check(src, "html", "[]", ""));
    assert_eq!(a["ok"], true, "{a}");
    assert!(
        a["outcomes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["log"] == serde_json::json!(["clicked"])),
        "{a}"
    );
    let bad = json(&api::run("/*---\nid: [\n---*/\n", "html", "default", ""));
    assert_eq!(bad["ok"], false);
    assert!(bad["problems"][0]["line"].as_u64().unwrap() >= 1);
}
