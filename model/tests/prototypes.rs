//! Objects' [[Prototype]] (ECMA-262 §10.1) and constructors' `prototype` objects (§10.2.5)
//! through the whole pipeline: `engine/src/vm/proto.rs`, `engine/src/vm/props.rs`.

use std::sync::Arc;

use evloop_model::{Host, Program, Scheduler, Setup, State, run};

fn compile(src: &str) -> Arc<Program> {
    Arc::new(
        evloop_js::compile(src, "test.js", &evloop_js::CompileOptions::default())
            .expect("compiles"),
    )
}

fn log(src: &str) -> Vec<String> {
    let r = run(
        compile(src),
        Host::Node,
        &Setup::default(),
        &Scheduler::Default,
    )
    .expect("runs");
    assert!(r.outcome.errors.is_empty(), "{:?}", r.outcome.errors);
    r.outcome.log
}

#[test]
fn new_links_the_instance_to_the_constructors_prototype() {
    let out = log(r#"
        function F(x) { this.x = x; }
        console.log(typeof F.prototype, F.prototype.constructor === F, F.prototype);
        F.prototype.hello = function () { return "hi " + this.x; };
        const f = new F(1);
        console.log(f.hello(), f instanceof F, f instanceof Object, f, Object.keys(f));
        console.log(Object.getPrototypeOf(f) === F.prototype,
            Object.getPrototypeOf(F.prototype) === Object.prototype,
            Object.getPrototypeOf(Object.prototype));
        console.log(f.hasOwnProperty("x"), f.hasOwnProperty("hello"), "hello" in f,
            f.constructor === F, F.hasOwnProperty("prototype"));
        function G() {}
        console.log(new G() instanceof F, JSON.stringify(F.prototype), Object.keys(F.prototype));
    "#);
    assert_eq!(
        out,
        [
            "object true {}",
            "hi 1 true true F { x: 1 } [ 'x' ]",
            "true true null",
            "true false true true true",
            "false {} [ 'hello' ]",
        ]
    );
}

#[test]
fn the_harness_pattern_of_sta_js_works() {
    // test262's harness/sta.js: assigning a method on a constructor's prototype, then
    // throwing and catching instances.
    let out = log(r#"
        function Test262Error(message) { this.message = message || ""; }
        Test262Error.prototype.toString = function () { return "Test262Error: " + this.message; };
        Test262Error.thrower = function (message) { throw new Test262Error(message); };
        try { Test262Error.thrower("boom"); } catch (e) {
            console.log(e.toString(), e.constructor === Test262Error, e instanceof Test262Error);
        }
    "#);
    assert_eq!(out, ["Test262Error: boom true true"]);
}

#[test]
fn error_prototypes_chain_to_error_and_user_subclasses_inherit() {
    let out = log(r#"
        function E(m) { this.message = m; }
        E.prototype = Object.create(Error.prototype);
        E.prototype.constructor = E;
        const e = new E("boom");
        console.log(e instanceof E, e instanceof Error, e instanceof TypeError, e.name);
        console.log(new TypeError("x") instanceof Error, new Error("x") instanceof TypeError,
            Object.getPrototypeOf(TypeError.prototype) === Error.prototype);
    "#);
    assert_eq!(out, ["true true false Error", "true false true"]);
}

#[test]
fn setters_on_the_chain_run_and_cycles_are_refused() {
    let out = log(r#"
        const p = { get v() { return this.k; }, set v(x) { this.k = x * 2; } };
        const c = Object.create(p);
        c.v = 5;
        console.log(c.v, c, p, "v" in c, c.hasOwnProperty("v"));
        try { Object.setPrototypeOf(p, c); } catch (err) { console.log(err instanceof TypeError); }
        const o = Object.create(null);
        console.log(Object.getPrototypeOf(o), "toString" in o, o.toString);
        Object.setPrototypeOf(o, p);
        console.log(o.v, Object.getPrototypeOf(o) === p);
    "#);
    assert_eq!(
        out,
        [
            "10 { k: 10 } { v: [Getter/Setter] } true false",
            "true",
            "null false undefined",
            "undefined true",
        ]
    );
}

#[test]
fn only_ordinary_functions_have_a_prototype() {
    let out = log(r#"
        const arrow = () => 1;
        async function af() {}
        console.log(arrow.prototype, af.prototype, "prototype" in arrow);
        try { ({}) instanceof arrow; } catch (err) { console.log(err instanceof TypeError); }
        try { new arrow(); } catch (err) { console.log(err instanceof TypeError); }
    "#);
    assert_eq!(out, ["undefined undefined false", "true", "true"]);
}

#[test]
fn assigning_prototype_keeps_it_non_enumerable() {
    let out = log(r#"
        function F() {}
        F.prototype = { a: 1 };
        console.log(Object.keys(F), new F().a, new F() instanceof F, F.prototype);
    "#);
    assert_eq!(out, ["[] 1 true { a: 1 }"]);
}

/// MakeConstructor's object is made when the program first observes `F.prototype`: a
/// function that is only called leaves the heap as it was before prototypes existed.
#[test]
fn the_prototype_object_is_created_on_first_observation_only() {
    let cells = |src: &str| {
        State::new(compile(src), Host::Node, &Setup::default())
            .realm
            .heap
            .len()
    };
    let called = cells("function F() { return 1; } const o = {}; F(); F();");
    let instance_of = cells("function F() {} const o = {}; o instanceof F;");
    let observed = cells("function F() {} const o = {}; F.prototype; F.prototype;");
    let constructed = cells("function F() {} const o = new F(); new F();");
    assert_eq!(instance_of, called);
    assert_eq!(observed, called + 1);
    assert_eq!(constructed, called + 1);
}

#[test]
fn the_property_helper_harness_prelude_loads() {
    // test262's harness/propertyHelper.js binds `call` to intrinsic prototype methods.
    let out = log(r#"
        var __join = Function.prototype.call.bind(Array.prototype.join);
        var __hasOwnProperty = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
        var __isEnumerable = Function.prototype.call.bind(Object.prototype.propertyIsEnumerable);
        function F() {}
        console.log(__join([1, 2], "-"), __hasOwnProperty({ a: 1 }, "a"),
            __isEnumerable({ a: 1 }, "a"), __isEnumerable(F, "prototype"),
            __isEnumerable([1], "0"), __isEnumerable([1], "length"));
        console.log(F instanceof Function, Object.getPrototypeOf(F) === Function.prototype);
        try { Function("return 1"); } catch (e) { console.log(e instanceof TypeError); }
    "#);
    assert_eq!(out, ["1-2 true true false true false", "true true", "true"]);
}
