use std::collections::{BTreeMap, BTreeSet};

use evloop_model::{Outcome, Status};

use super::*;

fn outcome(log: &[&str], status: Status, vars: &[(&str, &str)]) -> Outcome {
    Outcome {
        log: log.iter().map(|s| s.to_string()).collect(),
        status,
        errors: Vec::new(),
        vars: vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        reason: None,
        limit: None,
    }
}

fn err(text: &str) -> ClaimError {
    Claim::parse(text).expect_err(text)
}

fn ok(text: &str) -> Claim {
    Claim::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn parses_each_atom() {
    assert_eq!(
        ok(r#"always "a" before "b""#),
        Claim::Quantified(Quantifier::Always, Pred::Before(s("a"), s("b")))
    );
    assert_eq!(
        ok(r#"never logs "x""#),
        Claim::Quantified(Quantifier::Never, Pred::Logs(s("x")))
    );
    assert_eq!(
        ok(r#"always log == ["a", 'b']"#),
        Claim::Quantified(
            Quantifier::Always,
            Pred::LogEq {
                lines: vec![s("a"), s("b")],
                eq: true
            }
        )
    );
    assert_eq!(
        ok("sometimes log != []"),
        Claim::Quantified(
            Quantifier::Sometimes,
            Pred::LogEq {
                lines: vec![],
                eq: false
            }
        )
    );
    assert_eq!(
        ok("always status == completed"),
        Claim::Quantified(
            Quantifier::Always,
            Pred::Status {
                status: Status::Completed,
                eq: true
            }
        )
    );
    assert_eq!(
        ok("sometimes a == 4"),
        Claim::Quantified(
            Quantifier::Sometimes,
            Pred::Var {
                name: s("a"),
                value: Literal::Number(4.0),
                eq: true,
                column: 11
            }
        )
    );
    assert_eq!(
        ok("sometimes var log == -1.5"),
        Claim::Quantified(
            Quantifier::Sometimes,
            Pred::Var {
                name: s("log"),
                value: Literal::Number(-1.5),
                eq: true,
                column: 15
            }
        )
    );
    assert!(matches!(
        ok(r#"always s != "x\"y""#),
        Claim::Quantified(_, Pred::Var { value: Literal::String(v), eq: false, .. }) if v == "x\"y"
    ));
    assert!(matches!(
        ok("always done == true"),
        Claim::Quantified(
            _,
            Pred::Var {
                value: Literal::Word("true"),
                ..
            }
        )
    ));
}

#[test]
fn connectives_bind_predicates_unless_a_quantifier_follows() {
    // One predicate: `and` joins two atoms under one `always`.
    assert!(matches!(
        ok(r#"always "a" before "b" and logs "c""#),
        Claim::Quantified(Quantifier::Always, Pred::And(..))
    ));
    // Two claims: the quantifier after `and` ends the predicate.
    assert!(matches!(
        ok(r#"always "a" before "b" and sometimes logs "c""#),
        Claim::And(..)
    ));
    assert!(matches!(
        ok(r#"always "a" before "b" or not (sometimes logs "c")"#),
        Claim::Or(..)
    ));
    // `and` binds tighter than `or`.
    assert!(matches!(
        ok("always a == 1 or a == 2 and b == 3"),
        Claim::Quantified(_, Pred::Or(_, r)) if matches!(*r, Pred::And(..))
    ));
    assert!(matches!(
        ok("always (a == 4 or a == 6)"),
        Claim::Quantified(_, Pred::Or(..))
    ));
    assert!(matches!(
        ok("not (always a == 4) and never status == diverged"),
        Claim::And(l, _) if matches!(*l, Claim::Not(_))
    ));
}

#[test]
fn errors_name_the_column() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 1, "expected a claim"),
        (
            "\"a\" before \"b\"",
            1,
            "expected `always`, `sometimes` or `never`",
        ),
        ("always \"a\" befor \"b\"", 12, "expected `before`"),
        (
            "always \"a\" before b",
            19,
            "expected a string after `before`",
        ),
        ("always \"a\" before \"b", 19, "unterminated string"),
        ("always logs x", 13, "expected a string after `logs`"),
        ("always log == [\"a\" \"b\"]", 20, "expected `,` or `]`"),
        ("always log = [\"a\"]", 12, "write `==`"),
        (
            "always status == finished",
            18,
            "`completed`, `uncaught`, `diverged` or `incomplete`",
        ),
        ("sometimes a == ", 16, "expected a value"),
        ("sometimes a == four", 16, "expected a value"),
        ("sometimes a == 4 extra", 18, "after a complete claim"),
        ("always (a == 4 or a == 6", 25, "expected `)`"),
        (
            "always (a == 4 and sometimes b == 1)",
            20,
            "cannot stand inside a predicate",
        ),
        ("always a == 4 & b == 1", 15, "unexpected character `&`"),
        (
            "always never logs \"a\"",
            8,
            "cannot stand inside a predicate",
        ),
        ("always \"a\\q\" before \"b\"", 10, "unknown escape"),
        ("always ! logs \"a\"", 8, "write `not` or `!=`"),
        ("sometimes a == -x", 17, "a number after `-`"),
        // Columns count characters, not bytes.
        ("always \"é\" befor \"b\"", 12, "expected `before`"),
    ];
    for (text, column, message) in cases {
        let e = err(text);
        assert_eq!(e.column, *column, "{text}: {e}");
        assert!(e.message.contains(message), "{text}: {e}");
    }
}

#[test]
fn render_puts_a_caret_under_the_column() {
    let text = "always \"a\" befor \"b\"";
    let r = err(text).render(text);
    let lines: Vec<&str> = r.lines().collect();
    assert!(lines[0].contains("column 12"), "{r}");
    assert_eq!(lines[1], format!("  {text}"));
    assert_eq!(lines[2], format!("  {}^", " ".repeat(11)));
}

#[test]
fn before_is_first_occurrence_order() {
    let p = Pred::Before(s("a"), s("b"));
    let o = |log: &[&str]| outcome(log, Status::Completed, &[]);
    assert!(p.eval(&o(&["a", "b"])));
    assert!(!p.eval(&o(&["b", "a"])));
    assert!(p.eval(&o(&["x", "a"])), "b need not occur");
    assert!(!p.eval(&o(&["b"])), "a must occur");
    assert!(!p.eval(&o(&[])));
    assert!(p.eval(&o(&["a", "b", "a"])));
    assert!(
        !p.eval(&o(&["b", "a", "b"])),
        "only first occurrences count"
    );
}

#[test]
fn variables_compare_formatted_values() {
    let o = outcome(
        &[],
        Status::Completed,
        &[("a", "4"), ("s", "\"x\""), ("t", "true")],
    );
    assert!(ok("always a == 4").verdict(std::slice::from_ref(&o), true) == Verdict::Holds);
    assert!(ok("always a == 4.0").verdict(std::slice::from_ref(&o), true) == Verdict::Holds);
    assert!(ok("always a != 5").verdict(std::slice::from_ref(&o), true) == Verdict::Holds);
    assert!(ok("always s == \"x\"").verdict(std::slice::from_ref(&o), true) == Verdict::Holds);
    assert!(ok("always s == 'x'").verdict(std::slice::from_ref(&o), true) == Verdict::Holds);
    assert!(ok("always t == true").verdict(std::slice::from_ref(&o), true) == Verdict::Holds);
    assert!(ok("sometimes zz == 1").verdict(std::slice::from_ref(&o), true) == Verdict::Fails);
    assert_eq!(Literal::Number(-0.0).formatted(), "-0");
    assert_eq!(
        Literal::Number(0.1 + 0.2).formatted(),
        "0.30000000000000004"
    );
    assert_eq!(Literal::Number(1e21).formatted(), "1e+21");
    assert_eq!(
        Literal::String("a\"b\n".into()).formatted(),
        "\"a\\\"b\\n\""
    );
}

#[test]
fn quantifiers_over_outcome_sets() {
    let ab = outcome(&["a", "b"], Status::Completed, &[("a", "4")]);
    let ba = outcome(&["b", "a"], Status::Completed, &[("a", "6")]);
    let both = [ab.clone(), ba.clone()];
    let v = |t: &str, os: &[Outcome], complete| ok(t).verdict(os, complete);
    assert_eq!(v(r#"always "a" before "b""#, &both, true), Verdict::Fails);
    assert_eq!(
        v(r#"sometimes "b" before "a""#, &both, true),
        Verdict::Holds
    );
    assert_eq!(v(r#"never "b" before "a""#, &both, true), Verdict::Fails);
    assert_eq!(
        v(r#"always "a" before "b""#, std::slice::from_ref(&ab), true),
        Verdict::Holds
    );
    assert_eq!(v("always (a == 4 or a == 6)", &both, true), Verdict::Holds);
    assert_eq!(
        v("sometimes a == 4 and sometimes a == 6", &both, true),
        Verdict::Holds
    );
    assert_eq!(
        v("always a == 4 or always a == 6", &both, true),
        Verdict::Fails
    );
    assert_eq!(v("always status == completed", &both, true), Verdict::Holds);
    assert_eq!(v("never status == diverged", &both, true), Verdict::Holds);
    assert_eq!(
        v(r#"always log == ["a", "b"]"#, &both, true),
        Verdict::Fails
    );
    assert_eq!(
        v(r#"sometimes log == ["b", "a"]"#, &both, true),
        Verdict::Holds
    );
    assert_eq!(v(r#"not always logs "a""#, &both, true), Verdict::Fails);
    // Incomplete: only verdicts more outcomes cannot change.
    let one = std::slice::from_ref(&ab);
    assert_eq!(v(r#"always "a" before "b""#, one, false), Verdict::Unknown);
    assert_eq!(v(r#"sometimes "a" before "b""#, one, false), Verdict::Holds);
    assert_eq!(v(r#"always "b" before "a""#, one, false), Verdict::Fails);
    assert_eq!(v(r#"never "a" before "b""#, one, false), Verdict::Fails);
    assert_eq!(v(r#"never "b" before "a""#, one, false), Verdict::Unknown);
    assert_eq!(
        v(
            r#"always "b" before "a" or never "b" before "a""#,
            one,
            false
        ),
        Verdict::Unknown
    );
    assert_eq!(
        v(
            r#"always "b" before "a" and never "b" before "a""#,
            one,
            false
        ),
        Verdict::Fails
    );
}

#[test]
fn evidence_is_what_shows_the_verdict() {
    let os = [
        outcome(&["a", "b"], Status::Completed, &[("a", "4")]),
        outcome(&["b", "a"], Status::Completed, &[("a", "6")]),
        outcome(&["b"], Status::Uncaught, &[("a", "1")]),
    ];
    let ev = |t: &str| -> BTreeSet<usize> {
        let c = ok(t);
        assert_eq!(c.verdict(&os, true), Verdict::Fails, "{t}");
        c.evidence(&os, true, false)
    };
    assert_eq!(ev(r#"always "a" before "b""#), BTreeSet::from([1, 2]));
    assert_eq!(ev("always status == completed"), BTreeSet::from([2]));
    assert_eq!(ev("sometimes a == 5"), BTreeSet::from([0, 1, 2]));
    assert_eq!(ev("never a == 6"), BTreeSet::from([1]));
    assert_eq!(ev("not sometimes a == 6"), BTreeSet::from([1]));
    // A failing `and`: whatever refutes either conjunct.
    assert_eq!(
        ev("always a == 4 and always status == completed"),
        BTreeSet::from([1, 2])
    );
    // A failing `or`: an outcome refuting both disjuncts if there is one.
    assert_eq!(
        ev(r#"always "a" before "b" or always status == completed"#),
        BTreeSet::from([2])
    );
    assert_eq!(ev("always a == 4 or always a == 6"), BTreeSet::from([2]));
    assert_eq!(
        ev(r#"always log == ["a", "b"] or always log == ["b", "a"]"#),
        BTreeSet::from([2])
    );
}

#[test]
fn variables_are_listed_with_columns() {
    let c = ok("always a == 1 and (sometimes var b == 2 or never c == 3)");
    assert_eq!(c.variables(), vec![("a", 8), ("b", 34), ("c", 50)]);
}
