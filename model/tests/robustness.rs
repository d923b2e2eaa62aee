//! Bad input ends with the JavaScript error V8 gives or a clear limit status — never a
//! panic, an abort or a hang (issue 18): unbounded recursion on every path into a function,
//! strings past V8's maximum length, arrays with far indices or huge lengths.
//!
//! The tests run unoptimised on a test thread's default stack, so they also check that
//! [`evloop_engine::vm::MAX_CALL_DEPTH`] nested calls fit on the Rust stack in debug builds.

use std::sync::Arc;

use evloop_model::limits::Limits;
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

/// The outcome of `src` run under `limits`.
fn run_with(src: &str, limits: Limits) -> evloop_model::Outcome {
    let setup = evloop_model::Setup {
        limits,
        ..evloop_model::Setup::default()
    };
    run(compile(src), Host::Node, &setup, &Scheduler::Default)
        .expect("runs")
        .outcome
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
    // growing a string checks its length first. (In a function, so that the final state
    // holds no 256 MiB string for the run to format.)
    logs(
        "(function () {
           var s = 'x'; var i = 0;
           try { for (; i < 40; i++) s = s + s; } catch (e) { console.log(i, s.length, String(e)); }
           for (var f of [() => `${s}${s}`, () => s.concat('', s), () => s.repeat(2),
                          () => s.padEnd(2 * s.length), () => [s, s].join(''),
                          () => String([s, s])]) {
             try { f(); console.log('built'); } catch (e) { console.log(String(e)); }
           }
         })();",
        &[
            &format!("28 {} {STRING}", 1 << 28),
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

const LENGTH: &str = "RangeError: Invalid array length";

#[test]
fn a_far_index_makes_a_sparse_array_without_allocating_its_holes() {
    logs(
        "var a = []; a[4000000000] = 1;
         console.log(a.length, a[4000000000], a[5], a.indexOf(1), a.includes(undefined));
         console.log(a);
         a.push(2); console.log(a.length, a[4000000001], Object.keys(a).join());
         var n = 0; a.forEach(function () { n++; }); console.log(n, a.some(x => x === 2));
         console.log(a.map(x => x * 2)[4000000001], a.filter(x => true).length);
         console.log(a.reduce((s, x) => s + x), a.slice(-2), a.pop(), a.length);
         a.length = 3; console.log(a, a.length);
         a[4294967294] = 'last'; console.log(a.length);
         a[4294967295] = 'not an index'; console.log(a.length, a[4294967295]);
         console.log(JSON.stringify([, 1, , 2]), [, 1, , 2].join('-'), String([1, , 3]));",
        &[
            "4000000001 1 undefined 4000000000 true",
            "[ <4000000000 empty items>, 1 ]",
            "4000000002 2 4000000000,4000000001",
            "2 true",
            "4 2",
            "3 [ 1, 2 ] 2 4000000001",
            "[ <3 empty items> ] 3",
            "4294967295",
            "4294967295 not an index",
            "[null,1,null,2] -1--2 1,,3",
        ],
    );
}

#[test]
fn huge_lengths_cost_nothing_and_invalid_ones_throw() {
    logs(
        "var a = new Array(4e9); console.log(a.length, a[0], Array(3), Array(0).length);
         a.length = 5; console.log(a); a[1] = 'x'; a.length = 4e9; console.log(a.length);
         a.length = '7'; console.log(a.length, a);
         for (var bad of [-1, 1.5, 2 ** 32, NaN, 'x']) {
           try { new Array(bad); } catch (e) { console.log(String(e)); }
           try { a.length = bad; } catch (e) { console.log(String(e), a.length); }
         }",
        &[
            "4000000000 undefined [ <3 empty items> ] 0",
            "[ <5 empty items> ]",
            "4000000000",
            "7 [ <1 empty item>, 'x', <5 empty items> ]",
            LENGTH,
            &format!("{LENGTH} 7"),
            LENGTH,
            &format!("{LENGTH} 7"),
            LENGTH,
            &format!("{LENGTH} 7"),
            LENGTH,
            &format!("{LENGTH} 7"),
            // `new Array('x')` is an array of one string.
            &format!("{LENGTH} 7"),
        ],
    );
}

#[test]
fn whole_array_operations_on_huge_arrays_end_with_v8s_error_or_a_limit() {
    for src in [
        "new Array(4e9).join();",
        "String(new Array(4e9));",
        "JSON.stringify(new Array(4e9));",
        "var a = []; a[4e9] = 1; a.join('ab');",
    ] {
        throws(src, STRING);
    }
    throws("var a = []; a.length = 2 ** 32 - 1; a.push(1);", LENGTH);
    throws("var a = []; a.length = 2 ** 32 - 1; a.concat([1]);", LENGTH);
    // A list of 4e9 elements would pass the memory limit: the run stops before making it.
    for src in ["Math.max(...new Array(4e9));", "[...new Array(4e9)];"] {
        let r = run_with(src, Limits::steps(u64::MAX).with_memory(1 << 30));
        assert_eq!(r.status, Status::Incomplete, "program: {src}");
        assert_eq!(r.limit, Some("memory"), "program: {src}");
    }
    // Iterating or searching every index of 4e9 holes takes more steps than the run has.
    for src in [
        "Math.max(...new Array(4e9));",
        "for (var x of new Array(4e9)) {}",
        "new Array(4e9).find(Boolean);",
    ] {
        let r = run_with(src, Limits::steps(10_000_000));
        assert_eq!(r.status, Status::Incomplete, "program: {src}");
        assert_eq!(r.limit, Some("steps"), "program: {src}");
    }
    // Holes joined with an empty separator, and the elements present, are all there is.
    logs(
        "var a = new Array(4e9); a[3e9] = 'x'; console.log(a.join(''), [].concat(a).length);
         var b = [1]; b.push(b); console.log(String(b));",
        &["x 4000000000", "1,"],
    );
}

#[test]
fn deep_nesting_in_builtins_ends_in_range_error() {
    for src in [
        "var a = []; for (var i = 0; i < 100000; i++) a = [a]; String(a);",
        "var a = []; for (var i = 0; i < 100000; i++) a = [a]; JSON.stringify(a);",
    ] {
        throws(src, STACK);
    }
}
