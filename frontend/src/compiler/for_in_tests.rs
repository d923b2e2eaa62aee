//! `for…in` end to end (ECMA-262 §14.7.5, EnumerateObjectProperties §14.7.5.9): key order,
//! inherited and shadowed keys, deletion during the loop, heads and control flow. Expected
//! outputs are Node's.

use super::run_tests::log;

#[test]
fn keys_come_in_property_order_own_then_inherited() {
    let src = "var o = {b: 1, 2: 'x', a: 2, 1: 'y'};
var out = []; for (var k in o) out.push(k); console.log(out.join());
function P() { this.own = 1; } P.prototype.inherited = 2; P.prototype.own = 3;
out = []; for (let k in new P()) out.push(k); console.log(out.join());
var arr = [5, 6, 7]; delete arr[1]; arr.x = 1;
out = []; for (const i in arr) out.push(i); console.log(out.join());
out = []; for (var i in 'ab') out.push(i); console.log(out.join());
var ob2 = Object.create({inh: 1}); ob2.own = 1;
out = []; for (var k in ob2) out.push(k); console.log(out.join());
function args() { var r = []; for (var k in arguments) r.push(k); return r.join(); }
var g = { get g() { return 1; }, h: 2 };
out = []; for (var k in g) out.push(k); console.log(args(1, 2), out.join());";
    assert_eq!(
        log(src),
        [
            "1,2,b,a",
            "own,inherited",
            "0,2,x",
            "0,1",
            "own,inh",
            "0,1 g,h"
        ]
    );
}

#[test]
fn nullish_and_primitive_objects_have_no_keys_to_visit() {
    let src =
        "var z; for (z in null) console.log('never'); for (z in undefined) console.log('never');
for (z in 5) console.log('never'); for (z in true) console.log('never'); console.log(z);";
    assert_eq!(log(src), ["undefined"]);
}

#[test]
fn a_key_deleted_before_its_turn_is_skipped_and_new_keys_are_not_visited() {
    let src = "var d = {a: 1, b: 2, c: 3}; var out = [];
for (var k in d) { out.push(k); delete d.b; d.e = 1; } console.log(out.join());";
    assert_eq!(log(src), ["a,c"]);
}

#[test]
fn heads_break_continue_and_per_iteration_bindings() {
    let src = "var obj = {x: 1, y: 2}; var t = {}; var out = []; var k;
for (t.key in obj) out.push(t.key); console.log(out.join());
out = []; for ([k] in {ab: 1}) out.push(k); console.log(out.join());
out = []; for (var k in {a: 1, b: 2, c: 3}) { if (k === 'b') continue; if (k === 'c') break; out.push(k); }
var fns = []; for (let k in {a: 1, b: 2}) fns.push(() => k);
console.log(out.join(), fns.map(f => f()).join());";
    assert_eq!(log(src), ["x,y", "a", "a a,b"]);
}

#[test]
fn host_objects_are_refused_by_name() {
    let src = "try { for (var k in document.body) {} } catch (e) { console.log(e.name, e.message.includes('evloop does not model')); }";
    assert_eq!(log(src), ["TypeError true"]);
}

#[test]
fn the_heads_let_names_are_in_their_tdz_in_the_expression() {
    let src = "let x = {a: 1};
try { for (let x in x) {} } catch (e) { console.log(e.name); }
try { for (const [y] of [y]) {} } catch (e) { console.log(e.name); }
for (let z in x) console.log(z);";
    assert_eq!(log(src), ["ReferenceError", "ReferenceError", "a"]);
}

#[test]
fn an_elision_in_an_array_literal_is_a_hole() {
    let src = "var a = [1, , 3, ,]; var out = []; for (var k in a) out.push(k);
console.log(a.length, 1 in a, 3 in a, out.join(), [, ...'xy', ,].length, 0 in [, 1]);";
    assert_eq!(log(src), ["4 false false 0,2 4 false"]);
}
