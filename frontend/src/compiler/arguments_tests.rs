//! The `arguments` object end to end (ECMA-262 §10.4.4, FunctionDeclarationInstantiation
//! §10.2.11 steps 15–22): mapped and unmapped objects, aliasing in both directions, what
//! shadows the binding, arrows, and strict mode's early errors. Expected outputs are Node's.

use super::run_tests::log;
use crate::{CompileOptions, compile};

#[test]
fn mapped_arguments_alias_the_parameters_both_ways() {
    let src = "function f(a, b) { a = 10; const x = arguments[0]; arguments[1] = 7; return [x, b, arguments.length]; }
function g(a) { function set() { a = 42; } set(); return arguments[0]; }
function h(a) { arguments[0] = 9; return a; }
console.log(f(1, 2, 3).join(), g(1), h(), h(1))";
    assert_eq!(log(src), ["10,7,3 42 undefined 9"]);
}

#[test]
fn only_the_last_parameter_of_a_name_is_mapped() {
    let src = "function k(a, a) { arguments[0] = 3; arguments[1] = 4; return [a, arguments[0]]; }
console.log(k(1, 2).join())";
    assert_eq!(log(src), ["4,3"]);
}

#[test]
fn strict_functions_and_non_simple_parameters_are_unmapped() {
    let src = "function s(a) { 'use strict'; a = 5; let t; try { arguments.callee; } catch (e) { t = e instanceof TypeError; } return [arguments[0], t]; }
function d(a = 1) { a = 3; return arguments[0]; }
function r(a, ...rest) { a = 3; return arguments[0]; }
console.log(s(1).join(), d(5), r(5), Object.keys(arguments_of(1, 2)).join())
function arguments_of() { 'use strict'; return arguments; }";
    assert_eq!(log(src), ["1,true 5 5 0,1"]);
}

#[test]
fn the_object_has_length_callee_and_the_arguments_tag() {
    let src = "function f() { return [arguments.length, arguments.callee === f, Object.prototype.toString.call(arguments), Object.keys(arguments).join()]; }
console.log(f('x', 'y').join(' '))";
    assert_eq!(log(src), ["2 true [object Arguments] 0,1"]);
}

#[test]
fn arrows_see_the_enclosing_functions_arguments() {
    let src = "function outer() { const inner = () => arguments[0]; return inner('no'); }
console.log(outer('yes'))";
    assert_eq!(log(src), ["yes"]);
}

#[test]
fn declarations_named_arguments_shadow_or_keep_the_object() {
    let src = "function v() { var arguments; return arguments.length; }
function p(arguments) { return arguments; }
function l() { let arguments = 'let'; return arguments; }
function fa(a) { function a() {} return typeof arguments[0]; }
console.log(v(1, 2), p('param'), l(), fa(1))";
    assert_eq!(log(src), ["2 param let function"]);
}

#[test]
fn arguments_is_iterable_as_array_values() {
    let src = "function sp() { return [...arguments]; }
function ap() { return Math.max.apply(null, arguments); }
function fo() { let s = ''; for (const x of arguments) { s += x; arguments[2] = 'z'; } return s; }
console.log(sp(1, 2).join(), ap(1, 5, 2), fo('a', 'b', 'c'))";
    assert_eq!(log(src), ["1,2 5 abz"]);
}

#[test]
fn strict_code_cannot_bind_or_assign_arguments_or_eval() {
    for src in [
        "'use strict'; function f() { arguments = 1; }",
        "'use strict'; var eval;",
        "function f(arguments) { 'use strict'; }",
    ] {
        let d = compile(src, "t.js", &CompileOptions::default()).expect_err(src);
        assert_eq!(d.0[0].construct, "syntax error", "{src}");
    }
}
