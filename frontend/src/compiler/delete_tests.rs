//! The `delete` operator (ECMA-262 §13.5.1), unresolvable references (§6.2.5.5–6) and the
//! refusal of real globals the model lacks, end to end. Expected outputs are Node's.

use super::run_tests::log;
use crate::{CompileOptions, compile};

/// The construct of the first diagnostic `src` gets.
fn refused(src: &str) -> String {
    match compile(src, "t.js", &CompileOptions::default()) {
        Ok(_) => panic!("expected {src:?} to be refused"),
        Err(d) => d.0[0].construct.clone(),
    }
}

#[test]
fn delete_removes_own_properties_and_array_elements() {
    let src = "var o = {a: 1, b: 2, get c() { return 3; }};
console.log(delete o.a, delete o['c'], delete o.zz, JSON.stringify(o), 'a' in o);
var arr = [1, 2, 3];
console.log(delete arr[1], arr.length, 1 in arr, delete arr.length, delete arr[7]);
function F() {} F.x = 1;
console.log(delete F.prototype, delete F.x, 'x' in F, delete (0, o).b, JSON.stringify(o));";
    assert_eq!(
        log(src),
        [
            "true true true {\"b\":2} false",
            "true 3 false false true",
            "false true false true {}"
        ]
    );
}

#[test]
fn strict_delete_of_a_non_configurable_property_is_a_type_error() {
    let src = "'use strict';
try { delete [].length; } catch (e) { console.log(e.name); }
try { delete Math.PI; } catch (e) { console.log(e.name); }
try { delete null.x; } catch (e) { console.log(e.name); }
console.log(delete 'ab'[5], delete {}.x);";
    assert_eq!(
        log(src),
        ["TypeError", "TypeError", "TypeError", "true true"]
    );
}

#[test]
fn sloppy_delete_of_primitives_names_and_values() {
    let src = "var v = 1; let l = 2; function g() {}
console.log(delete v, delete l, delete g, delete nowhere, delete undefined, delete 'ab'[0]);
console.log(delete 1, delete (v + 1), delete Math.PI, delete Math.nope);";
    assert_eq!(
        log(src),
        ["false false false true false false", "true true false true"]
    );
}

#[test]
fn deleting_a_mapped_argument_unmaps_it() {
    let src =
        "function f(a) { delete arguments[0]; a = 5; return [arguments[0], arguments.length]; }
function g(a) { delete arguments[0]; arguments[0] = 7; return a; }
console.log(f(1).join(), g(1));";
    assert_eq!(log(src), [",1 1"]);
}

#[test]
fn deleting_what_the_engine_keeps_implicit_is_refused_at_run_time() {
    let src = "function f() {}
try { delete f.name; } catch (e) { console.log(e.name, e.message); }
try { delete Promise.resolve; } catch (e) { console.log(e.name, e.message); }";
    assert_eq!(
        log(src),
        [
            "TypeError evloop does not model deleting a function's own 'name'",
            "TypeError evloop does not model deleting the built-in property 'resolve' of `Promise`"
        ]
    );
}

#[test]
fn delete_early_errors_and_refusals() {
    assert_eq!(refused("'use strict'; var x; delete x;"), "syntax error");
    assert_eq!(
        refused("'use strict'; var x; delete ((x));"),
        "syntax error"
    );
    assert_eq!(refused("delete Promise;"), "`delete` of a global");
    assert_eq!(refused("var o; delete o?.x;"), "optional chaining");
}

#[test]
fn an_undeclared_name_is_a_reference_error_when_evaluated() {
    let src =
        "try { missing(); } catch (e) { console.log(e instanceof ReferenceError, e.message); }
console.log(typeof missing, typeof (missing));
(function () { 'use strict'; try { nope = 1; } catch (e) { console.log(e.name, e.message); }
  try { nope += 1; } catch (e) { console.log(e.name); } })();
if (false) { neverEvaluated; }
console.log('done');
alsoMissing;";
    assert_eq!(
        log(src),
        [
            "true missing is not defined",
            "undefined undefined",
            "ReferenceError nope is not defined",
            "ReferenceError",
            "done",
            "Uncaught ReferenceError: alsoMissing is not defined"
        ]
    );
}

#[test]
fn a_real_global_the_model_lacks_is_refused_by_name() {
    assert_eq!(refused("typeof Symbol;"), "global `Symbol`");
    assert_eq!(refused("new Map();"), "global `Map`");
    assert_eq!(refused("WeakMap = 1;"), "global `WeakMap`");
    assert_eq!(
        refused("typeof structuredClone;"),
        "global `structuredClone`"
    );
    // Undeclared in sloppy mode: the assignment would create a global property.
    assert_eq!(
        refused("undeclared = 1;"),
        "assignment to an undeclared identifier"
    );
}
