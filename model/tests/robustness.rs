//! Bad input ends with the JavaScript error V8 gives or a clear limit status — never a
//! panic, an abort or a hang (issue 18): unbounded recursion on every path into a function,
//! strings past V8's maximum length, arrays with far indices or huge lengths.
//!
//! The tests run unoptimised on a test thread's default stack, so they also check that
//! [`evloop_engine::vm::MAX_CALL_DEPTH`] nested calls fit on the Rust stack in debug builds.

use std::sync::Arc;

use evloop_model::{Host, Program, Scheduler, Status, run};

fn compile(src: &str) -> Arc<Program> {
    Arc::new(
        evloop_js::compile(src, "test.js", &evloop_js::CompileOptions::default())
            .expect("compiles"),
    )
}

/// The run's status, log and reported errors.
fn outcome(src: &str) -> (Status, Vec<String>, Vec<String>) {
    let r = run(
        compile(src),
        Host::Node,
        &evloop_model::Setup::default(),
        &Scheduler::Default,
    )
    .expect("runs");
    (r.outcome.status, r.outcome.log, r.outcome.errors)
}

/// The program throws `error` uncaught, having logged nothing.
fn throws(src: &str, error: &str) {
    let (status, log, errors) = outcome(src);
    assert_eq!(
        (status, errors),
        (Status::Uncaught, vec![format!("Uncaught {error}")]),
        "program: {src}\nlog: {log:?}"
    );
}

/// The program logs `expected`, without errors.
fn logs(src: &str, expected: &[&str]) {
    let (status, log, errors) = outcome(src);
    let expected: Vec<String> = expected.iter().map(|l| l.to_string()).collect();
    assert_eq!(
        (status, log, errors),
        (Status::Completed, expected, Vec::new()),
        "program: {src}"
    );
}

const STACK: &str = "RangeError: Maximum call stack size exceeded";

#[test]
fn every_path_into_a_function_counts_call_depth() {
    for src in [
        "function F() { new F(); } new F();",
        "function f() { f(); } f();",
        "var o = { get x() { return this.x; } }; o.x;",
        "var o = { set x(v) { this.x = v; } }; o.x = 1;",
        "function f() { g(); } var g = f.bind(null); g();",
        "function f() { f.call(null); } f();",
        "function f() { f.apply(null, []); } f();",
        "function f() { [1].forEach(f); } f();",
        "function f() { [1].map(f); } f();",
        "function f() { return [1, 2].reduce(f); } f();",
    ] {
        throws(src, STACK);
    }
    // An executor's throw rejects the promise it was constructing (§27.2.3.1 step 10).
    for src in [
        "function F() { return new Promise(F); } new F();",
        "async function f() { await f(); } f();",
    ] {
        throws(src, &format!("(in promise) {STACK}"));
    }
}

#[test]
fn the_deepest_call_that_fits_still_runs() {
    let max = evloop_engine::vm::MAX_CALL_DEPTH;
    // The script's own context is one level; the deepest recursion reaches the limit.
    logs(
        &format!(
            "function f(n) {{ return n == 0 ? 0 : 1 + f(n - 1); }} console.log(f({}));",
            max - 2
        ),
        &[&(max - 2).to_string()],
    );
    logs(
        &format!(
            "var n = 0; function F(k) {{ n++; if (k > 0) new F(k - 1); }} new F({}); console.log(n);",
            max - 2
        ),
        &[&(max - 1).to_string()],
    );
}

const STRING: &str = "RangeError: Invalid string length";

#[test]
fn strings_past_v8s_maximum_length_throw_before_they_are_built() {
    for src in [
        "'x'.repeat(2 ** 29);",
        "'x'.padStart(2e9);",
        "'x'.padEnd(2 ** 29, 'ab');",
        "'x'.padStart(Infinity);",
    ] {
        throws(src, STRING);
    }
    // The loop of issue 18: the 29th doubling would pass 2^29 − 24 code units. Each way of
    // growing a string checks its length first.
    logs(
        "var s = 'x'; var i = 0;
         try { for (; i < 40; i++) s = s + s; } catch (e) { console.log(i, s.length, String(e)); }
         for (var f of [() => `${s}${s}`, () => s.concat('', s), () => s.repeat(2),
                        () => s.padEnd(2 * s.length), () => [s, s].join(''),
                        () => String([s, s]), () => JSON.stringify([s, s])]) {
           try { f(); console.log('built'); } catch (e) { console.log(String(e)); }
         }",
        &[
            &format!("28 {} {STRING}", 1 << 28),
            STRING,
            STRING,
            STRING,
            STRING,
            STRING,
            STRING,
            STRING,
        ],
    );
}

#[test]
fn repeat_and_pad_follow_v8_below_the_limit() {
    logs(
        "console.log('ab'.repeat(3), 'ab'.repeat(0) === '', ''.repeat(2 ** 40) === '');
         console.log('ab'.padStart(5, 'xy'), 'ab'.padEnd(5, 'xy'), 'é'.padStart(3, '😀'));
         console.log('x'.repeat(20000).length, 'ab'.padStart(1), 'ab'.padStart(4, ''));
         for (var n of [-1, Infinity]) try { 'x'.repeat(n); } catch (e) { console.log(String(e)); }",
        &[
            "ababab true true",
            "xyxab abxyx 😀é",
            "20000 ab ab",
            "RangeError: Invalid count value: -1",
            "RangeError: Invalid count value: Infinity",
        ],
    );
}
