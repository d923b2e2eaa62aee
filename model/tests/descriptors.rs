//! Property descriptors and the Object and Reflect built-ins (ECMA-262 §6.2.6, §10.1.5–
//! §10.1.6, §20.1.2, §28.1) through the whole pipeline: `engine/src/vm/define.rs`,
//! `engine/src/vm/descriptor.rs`, `engine/src/builtins/object_props.rs`,
//! `engine/src/builtins/reflect.rs`. Each expected log is what node v20 prints for the same
//! program (the programs print through `JSON.stringify` and `String`, which format alike).

use std::sync::Arc;

use evloop_model::{Host, Program, Scheduler, Setup, run};

fn compile(src: &str) -> Arc<Program> {
    Arc::new(
        evloop_js::compile(src, "test.js", &evloop_js::CompileOptions::default())
            .expect("compiles"),
    )
}

fn outcome(host: Host, src: &str) -> evloop_model::Outcome {
    run(compile(src), host, &Setup::default(), &Scheduler::Default)
        .expect("runs")
        .outcome
}

fn log(src: &str) -> Vec<String> {
    let o = outcome(Host::Node, src);
    assert!(o.errors.is_empty(), "{:?}", o.errors);
    o.log
}

/// OrdinaryDefineOwnProperty and ValidateAndApplyPropertyDescriptor (§10.1.6.3); sloppy writes to a
/// non-writable property are ignored.
#[test]
fn define_property_defaults_to_false_attributes_and_validates_redefinitions() {
    let out = log(r#"
        var o = {};
        Object.defineProperty(o, "x", { value: 1 });
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor(o, "x")));
        o.x = 2;
        console.log(String(o.x), String(delete o.x), String(Object.keys(o).length));
        try { Object.defineProperty(o, "x", { value: 3 }); } catch (e) { console.log(e.name + ": " + e.message); }
        console.log(String(Reflect.defineProperty(o, "x", { value: 3 })), String(Reflect.defineProperty(o, "x", { value: 1 })));
        var acc = Object.defineProperty({}, "g", { get: function () { return 7; }, enumerable: true, configurable: true });
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor(acc, "g")), String(acc.g), JSON.stringify(Object.keys(acc)));
        Object.defineProperty(acc, "g", { value: 8 });
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor(acc, "g")));
    "#);
    assert_eq!(
        out,
        [
            "{\"value\":1,\"writable\":false,\"enumerable\":false,\"configurable\":false}",
            "1 false 0",
            "TypeError: Cannot redefine property: x",
            "false true",
            "{\"enumerable\":true,\"configurable\":true} 7 [\"g\"]",
            "{\"value\":8,\"writable\":false,\"enumerable\":true,\"configurable\":true}"
        ]
    );
}

/// Freeze, seal and preventExtensions (§7.3.15, §10.1.4) with strict-mode PutValue (§6.2.5.6
/// step 3.e) and delete; a function's `prototype`, `name` and `length`.
#[test]
fn strict_writes_deletes_and_additions_that_fail_throw_v8s_messages() {
    let out = log(r#"
        "use strict";
        var f = Object.freeze({ a: 1, b: { c: 2 } });
        console.log(String(Object.isFrozen(f)), String(Object.isSealed(f)), String(Object.isExtensible(f)));
        try { f.a = 2; } catch (e) { console.log(e.name + ": " + e.message); }
        try { f.z = 2; } catch (e) { console.log(e.name + ": " + e.message); }
        try { delete f.a; } catch (e) { console.log(e.name + ": " + e.message); }
        f.b.c = 3;
        console.log(JSON.stringify(f));
        var s = Object.seal({ a: 1 });
        s.a = 5;
        console.log(String(s.a), String(Object.isSealed(s)), String(Object.isFrozen(s)));
        var g = Object.defineProperty({}, "r", { get: function () { return 1; } });
        try { g.r = 2; } catch (e) { console.log(e.name + ": " + e.message); }
        var p = Object.preventExtensions({ k: 1 });
        console.log(String(Reflect.set(p, "k", 2)), String(Reflect.set(p, "n", 1)), String(p.k), String(Object.isExtensible(p)));
        function F() {}
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor(F, "prototype")), JSON.stringify(Object.getOwnPropertyNames(F)));
        try { F.name = "G"; } catch (e) { console.log(e.name); }
    "#);
    assert_eq!(
        out,
        [
            "true true false",
            "TypeError: Cannot assign to read only property 'a' of object '#<Object>'",
            "TypeError: Cannot add property z, object is not extensible",
            "TypeError: Cannot delete property 'a' of #<Object>",
            "{\"a\":1,\"b\":{\"c\":3}}",
            "5 true false",
            "TypeError: Cannot set property r of #<Object> which has only a getter",
            "true false 2 false",
            "{\"value\":{},\"writable\":true,\"enumerable\":false,\"configurable\":false} [\"length\",\"name\",\"prototype\"]",
            "TypeError"
        ]
    );
}

/// OrdinaryOwnPropertyKeys order (§10.1.11.1), the implicit own properties of strings, arrays
/// and built-ins, and the Object statics.
#[test]
fn own_property_keys_descriptors_and_the_object_statics() {
    let out = log(r#"
        console.log(JSON.stringify(Object.getOwnPropertyNames({ b: 1, a: 2, 10: 3, 2: 4 })));
        console.log(JSON.stringify(Object.getOwnPropertyNames([5, 6])), JSON.stringify(Object.getOwnPropertyNames("hi")));
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor("hi", "0")), JSON.stringify(Object.getOwnPropertyDescriptor([7], "length")));
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor(Array.prototype.push, "length")), JSON.stringify(Object.getOwnPropertyDescriptor(Promise, "prototype").writable));
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor(Object.prototype, "hasOwnProperty")), String(Array.prototype.map.length), String(Promise.prototype.then.length));
        console.log(JSON.stringify(Object.getOwnPropertyDescriptors({ a: 1 })));
        var c = Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } });
        console.log(JSON.stringify(Object.keys(c)), String(c.hidden), String(c.inherited), String(Object.hasOwn(c, "hidden")), String(c.propertyIsEnumerable("hidden")));
        console.log(JSON.stringify(Object.entries({ x: 1, y: [2] })), JSON.stringify(Object.values("ab")), JSON.stringify(Object.fromEntries([["a", 1], ["b", 2]])));
        console.log(String(Object.is(NaN, NaN)), String(Object.is(0, -0)), String(Object.prototype.isPrototypeOf.call(Array.prototype, [])));
        console.log(JSON.stringify(Object.assign({ a: 1 }, { b: 2 }, null, "xy")));
        try { Object.keys(undefined); } catch (e) { console.log(e.name + ": " + e.message); }
    "#);
    assert_eq!(
        out,
        [
            "[\"2\",\"10\",\"b\",\"a\"]",
            "[\"0\",\"1\",\"length\"] [\"0\",\"1\",\"length\"]",
            "{\"value\":\"h\",\"writable\":false,\"enumerable\":true,\"configurable\":false} {\"value\":1,\"writable\":true,\"enumerable\":false,\"configurable\":false}",
            "{\"value\":1,\"writable\":false,\"enumerable\":false,\"configurable\":true} false",
            "{\"writable\":true,\"enumerable\":false,\"configurable\":true} 1 2",
            "{\"a\":{\"value\":1,\"writable\":true,\"enumerable\":true,\"configurable\":true}}",
            "[\"own\"] 3 1 true false",
            "[[\"x\",1],[\"y\",[2]]] [\"a\",\"b\"] {\"a\":1,\"b\":2}",
            "true false true",
            "{\"0\":\"x\",\"1\":\"y\",\"a\":1,\"b\":2}",
            "TypeError: Cannot convert undefined or null to object"
        ]
    );
}

/// The Reflect functions (§28.1).
#[test]
fn the_reflect_functions_call_the_internal_methods() {
    let out = log(r#"
        console.log(JSON.stringify(Reflect.ownKeys({ b: 1, 0: 2 })), String(Reflect.has({ a: 1 }, "toString")), String(Reflect.has({}, "nope")));
        console.log(String(Reflect.apply(Math.max, undefined, [1, 3, 2])), String(Reflect.construct(Array, [1, 2]).length));
        function P(a) { this.a = a; }
        console.log(String(Reflect.construct(P, [4]).a), String(Reflect.getPrototypeOf(new P(1)) === P.prototype));
        var o = { x: 1 };
        console.log(String(Reflect.get(o, "x")), String(Reflect.deleteProperty(o, "x")), String(Reflect.has(o, "x")));
        console.log(String(Reflect.isExtensible(o)), String(Reflect.preventExtensions(o)), String(Reflect.isExtensible(o)));
        console.log(String(Reflect.setPrototypeOf({}, null)), JSON.stringify(Reflect.getOwnPropertyDescriptor({ y: 2 }, "y")));
        try { Reflect.get(1, "x"); } catch (e) { console.log(e.name + ": " + e.message); }
        try { Reflect.apply(1); } catch (e) { console.log(e.name); }
    "#);
    assert_eq!(
        out,
        [
            "[\"0\",\"b\"] true false",
            "3 2",
            "4 true",
            "1 true false",
            "true true false",
            "true {\"value\":2,\"writable\":true,\"enumerable\":true,\"configurable\":true}",
            "TypeError: Reflect.get called on non-object",
            "TypeError"
        ]
    );
}

/// The Array exotic [[DefineOwnProperty]] (§10.4.2.1) and ArraySetLength (§10.4.2.4): accessor
/// and non-writable elements, a non-configurable element stopping a shrink, a non-writable
/// `length`, a frozen array.
#[test]
fn array_elements_and_length_with_attributes() {
    let out = log(r#"
        "use strict";
        var a = [1, 2, 3];
        Object.defineProperty(a, "1", { get: function () { return 20; }, enumerable: true, configurable: true });
        Object.defineProperty(a, "5", { value: 6, writable: false, enumerable: true, configurable: false });
        console.log(String(a.length), String(a[1]), JSON.stringify(Object.keys(a)), JSON.stringify(Object.getOwnPropertyDescriptor(a, "5")));
        var seen = [];
        for (var x of a) { seen.push(String(x)); }
        console.log(seen.join(), [].concat([...a]).length);
        try { a[5] = 7; } catch (e) { console.log(e.name + ": " + e.message); }
        console.log(String(Reflect.defineProperty(a, "length", { value: 2 })), String(a.length), String(Reflect.deleteProperty(a, "5")));
        Object.defineProperty(a, "length", { writable: false });
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor(a, "length")), String(Reflect.set(a, "9", 1)), String(a.length));
        var f = Object.freeze([1, 2]);
        console.log(String(Object.isFrozen(f)), JSON.stringify(Object.getOwnPropertyDescriptor(f, "0")));
        try { f[0] = 3; } catch (e) { console.log(e.name + ": " + e.message); }
        try { f.length = 0; } catch (e) { console.log(e.name + ": " + e.message); }
    "#);
    assert_eq!(
        out,
        [
            "6 20 [\"0\",\"1\",\"2\",\"5\"] {\"value\":6,\"writable\":false,\"enumerable\":true,\"configurable\":false}",
            "1,20,3,undefined,undefined,6 6",
            "TypeError: Cannot assign to read only property '5' of object '[object Array]'",
            "false 6 false",
            "{\"value\":6,\"writable\":false,\"enumerable\":false,\"configurable\":false} false 6",
            "true {\"value\":1,\"writable\":false,\"enumerable\":true,\"configurable\":false}",
            "TypeError: Cannot assign to read only property '0' of object '[object Array]'",
            "TypeError: Cannot assign to read only property 'length' of object '[object Array]'"
        ]
    );
}

/// Annex B.2.2.2–5: `__defineGetter__`, `__defineSetter__`, `__lookupGetter__`,
/// `__lookupSetter__`.
#[test]
fn the_annex_b_accessor_methods_of_object_prototype() {
    let out = log(r#"
        var o = {};
        o.__defineGetter__("x", function () { return 1; });
        o.__defineSetter__("y", function (v) { this.z = v; });
        o.y = 5;
        console.log(String(o.x), String(o.z), typeof o.__lookupGetter__("x"), typeof o.__lookupSetter__("x"), typeof Object.create(o).__lookupSetter__("y"));
        console.log(JSON.stringify(Object.getOwnPropertyDescriptor(o, "x").enumerable), String(Object.prototype.__defineGetter__.length), String(Object.prototype.__lookupGetter__.length));
    "#);
    assert_eq!(out, ["1 5 function undefined function", "true 2 1"]);
}

/// What the engine cannot hold is refused by name, never answered as if it had happened.
#[test]
fn definitions_the_engine_cannot_hold_are_refused() {
    for (src, message) in [
        (
            "var a = Object.freeze([1]); a.push(2);",
            "evloop does not model Array.prototype.push on an array with",
        ),
        (
            "Object.preventExtensions(setTimeout(function () {}, 0));",
            "evloop does not model making",
        ),
        (
            "Object.defineProperty(Math, 'x', { value: 1 });",
            "evloop does not model changing the built-in",
        ),
        (
            "Reflect.get({}, 'x', {});",
            "evloop does not model Reflect.get or Reflect.set with a receiver",
        ),
        (
            "JSON.stringify({ get a() { return 1; } });",
            "evloop does not model JSON.stringify of an object with an enumerable accessor",
        ),
    ] {
        let errors = format!("{:?}", outcome(Host::Node, src).errors);
        assert!(errors.contains(message), "{src}: {errors}");
    }
}

/// An error's `message` is non-enumerable (§20.5.1.1 step 3.c) and still crosses
/// `postMessage` (HTML StructuredSerializeInternal step 17).
#[test]
fn an_error_message_is_hidden_and_survives_structured_clone() {
    let src = r#"
        const ch = new MessageChannel();
        ch.port1.onmessage = (ev) => console.log(ev.data.message, Object.keys(ev.data).length, String(ev.data));
        const e = new Error("boom");
        console.log(Object.keys(e).length, JSON.stringify(Object.getOwnPropertyDescriptor(e, "message")));
        ch.port2.postMessage(e);
    "#;
    assert_eq!(
        outcome(Host::Html, src).log,
        [
            "0 {\"value\":\"boom\",\"writable\":true,\"enumerable\":false,\"configurable\":true}",
            "boom 0 Error: boom"
        ]
    );
}
