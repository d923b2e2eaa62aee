//! Classes (ECMA-262 §15.7), `super` (§13.3.7) and `new.target` (§13.3.12), end to end.
//! Expected outputs are Node's (v20.20.2, v22, v24 agree).

use std::sync::Arc;

use evloop_model::{Host, Setup, State};

use super::run_tests::log;
use crate::{CompileOptions, compile};

/// The console lines `src` logs on the Node host, then its uncaught errors.
fn node_log(src: &str) -> Vec<String> {
    let p = compile(src, "t.js", &CompileOptions::for_host(Host::Node, "t.js")).expect("compiles");
    let st = State::new(Arc::new(p), Host::Node, &Setup::default());
    st.log.iter().chain(st.errors.iter()).cloned().collect()
}

/// The construct of the first diagnostic `src` gets.
fn refused(src: &str) -> String {
    match compile(src, "t.js", &CompileOptions::default()) {
        Ok(_) => panic!("expected {src:?} to be refused"),
        Err(d) => d.0[0].construct.clone(),
    }
}

#[test]
fn methods_accessors_statics_and_computed_keys() {
    let src = "class A {
  constructor(y) { this.y = y; }
  m() { return this.y; }
  get g() { return 'g' + this.y; }
  set g(v) { this.y = v; }
  static sm() { return 'static ' + this.name; }
  ['comp' + 1]() { return 'c'; }
}
const a = new A(2);
console.log(typeof A, a.m(), a.g, A.sm(), a.comp1(), A.prototype.comp1.name);
a.g = 5;
console.log(a.y, Object.keys(a).join(), Object.keys(A.prototype).length, A.prototype.constructor === A);
try { A(); } catch (e) { console.log(e.constructor === TypeError, e.message); }
try { new a.m(); } catch (e) { console.log(e.constructor === TypeError); }
console.log(A.name, (class {}).name === '', (class { static name() {} }).name === undefined);";
    assert_eq!(
        log(src),
        [
            "function 2 g2 static A c comp1",
            "5 y 0 true",
            "true Class constructor A cannot be invoked without 'new'",
            "true",
            "A true false",
        ]
    );
}

#[test]
fn fields_are_initialised_per_instance_in_order_and_static_blocks_run_once() {
    let src = "let n = 0;
class P {
  a = ++n;
  b = this.a * 10;
  ['k' + n] = 'computed once';
  f = () => this.b;
  static s = 'S' + n;
  static { this.t = this.s + '!'; }
}
const p1 = new P(), p2 = new P();
console.log(p1.a, p1.b, p2.a, p2.b, p1.k0, p2.f(), P.s, P.t, Object.keys(p1).join());";
    assert_eq!(log(src), ["1 10 2 20 computed once 20 S0 S0! a,b,k0,f"]);
}

#[test]
fn extends_super_calls_super_properties_and_default_constructors() {
    let src = "class A {
  x = 1;
  constructor(y) { this.y = y; }
  m() { return this.x + this.y; }
  static sm() { return 'S'; }
}
class B extends A {
  z = this.x * 10;
  constructor() { super(3); this.w = super.m(); }
  m() { return 'B' + super.m(); }
  static sm() { return 'B' + super.sm(); }
}
const b = new B();
console.log(b.m(), b.z, b.w, B.sm(), b instanceof A, Object.getPrototypeOf(B) === A);
class C extends B {}
const c = new C();
console.log(c.m(), c instanceof C, c.constructor === C);
class D extends A { constructor(...args) { super(...args); } }
console.log(new D(5).m());
class N extends null {}
console.log(Object.getPrototypeOf(N.prototype), Object.getPrototypeOf(N) === Function.prototype);";
    assert_eq!(
        log(src),
        ["B4 10 4 BS true true", "B4 true true", "6", "null true"]
    );
}

#[test]
fn derived_this_before_super_and_bad_returns_are_errors() {
    let src = "class A {}
class D extends A { constructor() { try { this.x; } catch (e) { console.log(e.constructor === ReferenceError, e.message); } super(); } }
new D();
class T extends A { constructor() { super(); super(); } }
try { new T(); } catch (e) { console.log(e.message); }
class R extends A { constructor() { return 1; } }
try { new R(); } catch (e) { console.log(e.constructor === TypeError, e.message); }
class U extends A { constructor() {} }
try { new U(); } catch (e) { console.log(e.message); }
class O extends A { constructor() { return {o: 1}; } }
console.log(new O().o);
class Arrow extends A { constructor() { const f = () => super(); f(); this.ok = true; } }
console.log(new Arrow().ok);
try { class X extends 3 {} } catch (e) { console.log(e.message); }
try { new (class extends A {})(); new (class extends Math {})(); } catch (e) { console.log(e.constructor === TypeError); }";
    assert_eq!(
        log(src),
        [
            "true Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
            "Super constructor may only be called once",
            "true Derived constructors may only return object or undefined",
            "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
            "1",
            "true",
            "Class extends value 3 is not a constructor or null",
            "true",
        ]
    );
}

#[test]
fn class_bindings_have_a_tdz_and_an_immutable_inner_name() {
    let src = "try { new K(); } catch (e) { console.log(e.constructor === ReferenceError); }
class K { static self() { return K; } rename() { K = 1; } }
const k = K;
console.log(K.self() === k);
try { new K().rename(); } catch (e) { console.log(e.constructor === TypeError); }
const Anon = class {};
console.log(Anon.name);";
    assert_eq!(log(src), ["true", "true", "true", "Anon"]);
}

#[test]
fn new_target_in_functions_constructors_and_arrows() {
    let src = "function F() { return new.target; }
console.log(F() === undefined, new F() === F);
class A { constructor() { this.nt = new.target; this.arrow = (() => new.target)(); } }
class B extends A {}
const b = new B();
console.log(b.nt === B, b.arrow === B);";
    assert_eq!(log(src), ["true true", "true true"]);
}

#[test]
fn extending_error_and_object() {
    let src = "class E extends Error { constructor(m) { super(m); this.name = 'E'; } }
const e = new E('boom');
console.log(e instanceof E, e instanceof Error, e.message, String(e), Object.getPrototypeOf(e) === E.prototype);
class V extends TypeError {}
console.log(new V('x') instanceof TypeError, new V('x').name);
class O extends Object { constructor() { super(); this.a = 1; } }
console.log(new O() instanceof O, new O().a);";
    assert_eq!(
        log(src),
        ["true true boom E: boom true", "true TypeError", "true 1"]
    );
}

#[test]
fn extending_promise_uses_the_subclass_for_then_and_resolve() {
    let src = "class MyP extends Promise {}
const p = new MyP(r => r(1));
console.log(p instanceof MyP, p instanceof Promise, typeof MyP.resolve);
const q = p.then(v => v + 1);
console.log(q instanceof MyP, MyP.resolve(3) instanceof MyP, MyP.reject(4).catch(() => {}) instanceof MyP);
q.then(v => console.log('v', v));";
    assert_eq!(log(src), ["true true function", "true true true", "v 2"]);
}

#[test]
fn node_docs_class_extends_event_emitter() {
    let src = "const EventEmitter = require('node:events');
class MyEmitter extends EventEmitter {}
const myEmitter = new MyEmitter();
myEmitter.on('event', () => {
  console.log('an event occurred!');
});
myEmitter.emit('event');
console.log(myEmitter instanceof MyEmitter, myEmitter instanceof EventEmitter, new EventEmitter() instanceof EventEmitter);
class Counter extends EventEmitter {
  count = 0;
  constructor(name) { super(); this.name = name; }
  inc() { this.count++; this.emit('inc', this.count); return this; }
}
const k = new Counter('k');
k.on('inc', function (n) { console.log(this.name, n, this === k); });
k.inc().inc();";
    assert_eq!(
        node_log(src),
        [
            "an event occurred!",
            "true true true",
            "k 1 true",
            "k 2 true"
        ]
    );
}

#[test]
fn what_is_not_modelled_is_refused_by_name() {
    assert_eq!(refused("class A { *g() {} }"), "generator method");
    assert_eq!(
        refused("class A { accessor x = 1; }"),
        "auto-accessor (`accessor` field)"
    );
    let src = "class A extends Array {}
try { new A(); } catch (e) { console.log(e.message); }";
    assert_eq!(
        log(src),
        ["evloop does not model subclasses of the built-in `Array`"]
    );
}

#[test]
fn object_literal_methods_have_a_home_object_and_are_not_constructors() {
    let src = "const base = { hi() { return 'base hi'; } };
const o = { hi() { return 'o ' + super.hi(); }, get ['g' + 1]() { return 'getter'; }, ['m' + 2]() {} };
Object.setPrototypeOf(o, base);
console.log(o.hi(), o.g1, o.m2.name, Object.keys(o).join());
try { new o.hi(); } catch (e) { console.log(e.constructor === TypeError); }";
    assert_eq!(log(src), ["o base hi getter m2 hi,g1,m2", "true"]);
}

#[test]
fn private_fields_methods_accessors_statics_and_brand_checks() {
    let src = "class Counter {
  #count = 0;
  static #instances = 0;
  #secret() { return 's' + this.#count; }
  get #double() { return this.#count * 2; }
  set #double(v) { this.#count = v / 2; }
  constructor() { Counter.#instances++; }
  inc() { this.#count++; this.#count += 10; return this; }
  read() { return [this.#count, this.#secret(), this.#double]; }
  setDouble(v) { this.#double = v; return this.#count; }
  static count() { return Counter.#instances; }
  static has(o) { return #count in o; }
  static peek(o) { return o.#count; }
  static #sp() { return 'static private'; }
  static callSp() { return this.#sp(); }
}
const c = new Counter();
console.log(c.inc().read().join(), c.setDouble(8), Counter.count(), Counter.has(c), Counter.has({}), Counter.callSp());
try { Counter.peek({}); } catch (e) { console.log(e.constructor === TypeError, e.message); }
class Sub extends Counter { #x = 1; getX() { return this.#x; } }
console.log(new Sub().getX(), Counter.has(new Sub()), Object.keys(c).length, JSON.stringify(c));
try { Counter.has(1); } catch (e) { console.log(e.constructor === TypeError, e.message); }
class M { #m() {} set() { this.#m = 1; } }
try { new M().set(); } catch (e) { console.log(e.constructor === TypeError, e.message); }
class G { get #g() { return 1; } w() { this.#g = 2; } }
try { new G().w(); } catch (e) { console.log(e.constructor === TypeError, e.message); }";
    assert_eq!(
        log(src),
        [
            "11,s11,22 4 1 true false static private",
            "true Cannot read private member #count from an object whose class did not declare it",
            "1 true 0 {}",
            "true Cannot use 'in' operator to search for '#count' in 1",
            "true Private method '#m' is not writable",
            "true '#g' was defined without a setter",
        ]
    );
}

#[test]
fn early_errors_are_syntax_errors() {
    for src in [
        "class A { constructor() {} constructor() {} }",
        "class A { #x; #x; }",
        "class A { x = arguments; }",
        "class A { static { arguments; } }",
        "class A { x = () => arguments; }",
        "class let {}",
        "class A { m(a, a) {} }",
        "function f(a = 1) { 'use strict'; }",
        "(a, a) => 1",
        "delete this.#x",
    ] {
        assert_eq!(refused(src), "syntax error", "{src}");
    }
    // Allowed: a getter and a setter share a private name; `arguments` in a nested
    // function of an initialiser is that function's; sloppy simple duplicates.
    let src = "class A { get #a() { return 1; } set #a(v) {} x = function () { return arguments.length; }; }
function f(a, a) { return a; }
console.log(new A().x(1, 2), f(1, 2));";
    assert_eq!(log(src), ["2 2"]);
}

#[test]
fn super_property_read_modify_write_reads_the_base_and_writes_this() {
    let src = "class A { constructor() { this.n = 1; } get g() { return 10; } }
class B extends A {
  m() { super.n += 5; super.n++; ++super.n; super.z ??= 'z'; super.z ||= 'no'; return [this.n, this.z, super.n]; }
}
console.log(new B().m().join());";
    assert_eq!(log(src), ["NaN,no,"]);
}

#[test]
fn bound_class_constructors_and_derived_names() {
    let src = "class Base2 { constructor(x, y) { this.x = x; this.y = y; } }
class Subclass2 extends Base2 {};
var f = Subclass2.bind({}, 3, 4);
var s = new f();
console.log(Object.getPrototypeOf(s) === Subclass2.prototype, s.x, s.y, Subclass2.name, Subclass2.length);
function P(a) { this.a = a; }
const BP = P.bind(null, 7);
try { class Q extends BP {} } catch (e) { console.log(e.message); }
console.log(new BP().a, new BP() instanceof P);";
    assert_eq!(
        log(src),
        [
            "true 3 4 Subclass2 0",
            "Class extends value does not have valid prototype property undefined",
            "7 true"
        ]
    );
}

#[test]
fn an_error_subclass_prints_with_its_prototype_name() {
    let src = "class E extends Error {}
E.prototype.name = 'E';
console.log(new E('boom'));
class V extends TypeError {}
console.log(String(new V('x')), new V('x').name);";
    assert_eq!(log(src), ["E: boom", "TypeError: x TypeError"]);
}
