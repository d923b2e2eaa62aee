//! Unit tests: the IR shapes of the tricky lowerings, and the diagnostics.

use std::sync::Arc;

use evloop_model::ir::{BinOp, Constant, FunctionKind, Global, Instr, Program, UnOp};

use crate::{CompileOptions, Diagnostics, compile};

use Instr::*;

fn compile_with(src: &str, options: &CompileOptions) -> Result<Program, Diagnostics> {
    compile(src, "t.js", options)
}

fn ok(src: &str) -> Program {
    match compile_with(src, &CompileOptions::default()) {
        Ok(p) => {
            for f in &p.functions {
                assert_eq!(
                    f.code.len(),
                    f.positions.len(),
                    "every instruction has a position"
                );
                assert_eq!(
                    f.code.get(f.code.len().wrapping_sub(2)..),
                    Some(&[Const(Constant::Undefined), Return][..]),
                    "every function ends with an implicit `return undefined`"
                );
            }
            p
        }
        Err(d) => panic!("expected {src:?} to compile:\n{}", d.render(src)),
    }
}

fn err(src: &str) -> Diagnostics {
    match compile_with(src, &CompileOptions::default()) {
        Ok(p) => panic!("expected {src:?} to fail, got {p:#?}"),
        Err(d) => d,
    }
}

/// The code of function `i` without the implicit `Const(Undefined); Return` epilogue.
fn body(p: &Program, i: usize) -> Vec<Instr> {
    let code = &p.functions[i].code;
    code[..code.len() - 2].to_vec()
}

fn num(n: f64) -> Instr {
    Const(Constant::Number(n))
}

fn string(s: &str) -> Instr {
    Const(Constant::String(s.into()))
}

fn undef() -> Instr {
    Const(Constant::Undefined)
}

fn var(depth: u32, slot: u32) -> Instr {
    LoadVar { depth, slot }
}

fn store(depth: u32, slot: u32) -> Instr {
    StoreVar { depth, slot }
}

fn prop(name: &str) -> Instr {
    GetProp(name.into())
}

fn bindings(p: &Program) -> Vec<&str> {
    p.script_bindings.iter().map(|s| &**s).collect()
}

// ------------------------------------------------------------------------------------------
// Variable resolution

#[test]
fn resolution_counts_blocks_and_function_environments() {
    let p = ok("let a = 1;
function f(p) {
  let b = 2;
  { let c = 3; return () => a + b + c + p; }
}");
    assert_eq!(bindings(&p), ["a", "f"]);
    // f: env [p, b]; the block env [c]; the arrow's own (empty) env.
    assert_eq!(p.functions[1].name.as_deref(), Some("f"));
    assert_eq!(p.functions[1].env_size, 2);
    assert_eq!(p.functions[1].params, 1);
    assert_eq!(
        body(&p, 2),
        [
            var(3, 0),
            var(2, 1),
            Binary(BinOp::Add),
            var(1, 0),
            Binary(BinOp::Add),
            var(2, 0),
            Binary(BinOp::Add),
            Return,
        ]
    );
    assert_eq!(p.functions[2].kind, FunctionKind::Arrow);
}

#[test]
fn inner_declarations_shadow_outer_ones() {
    let p = ok("let x = 1; { let x = 2; x; } x;");
    assert_eq!(
        body(&p, 0),
        [
            num(1.0),
            store(0, 0),
            PushEnv { size: 1 },
            num(2.0),
            store(0, 0),
            var(0, 0),
            Pop,
            PopEnv,
            var(0, 0),
            Pop,
        ]
    );
}

#[test]
fn blocks_without_declarations_push_no_environment() {
    let p = ok("let x = 1; { x = 2; }");
    assert!(!body(&p, 0).contains(&PushEnv { size: 0 }));
    assert_eq!(
        body(&p, 0),
        [num(1.0), store(0, 0), num(2.0), Dup, store(0, 0), Pop]
    );
}

#[test]
fn var_is_function_scoped_and_starts_undefined() {
    let p = ok("function f() { { var v = 1; } return v; }");
    assert_eq!(
        body(&p, 1),
        [
            undef(),
            store(0, 0),
            num(1.0),
            store(0, 0),
            var(0, 0),
            Return
        ]
    );
}

#[test]
fn globals_constants_and_typeof() {
    let p = ok("console; undefined; NaN; Infinity; typeof nope; typeof console;");
    let code = body(&p, 0);
    assert!(matches!(code[4], Const(Constant::Number(n)) if n.is_nan()));
    let without_nan: Vec<Instr> = code
        .into_iter()
        .filter(|i| !matches!(i, Const(Constant::Number(n)) if n.is_nan()))
        .collect();
    assert_eq!(
        without_nan,
        [
            LoadGlobal(
                evloop_model::host::builtin::HostGlobalName::Shared(
                    evloop_model::host::builtin::SharedGlobal::Console
                )
                .global()
            ),
            Pop,
            undef(),
            Pop,
            Pop,
            num(f64::INFINITY),
            Pop,
            string("undefined"),
            Pop,
            LoadGlobal(
                evloop_model::host::builtin::HostGlobalName::Shared(
                    evloop_model::host::builtin::SharedGlobal::Console
                )
                .global()
            ),
            Unary(UnOp::TypeOf),
            Pop,
        ]
    );
}

#[test]
fn shadowed_undefined_is_a_variable() {
    let p = ok("function f(undefined) { return undefined; }");
    assert_eq!(body(&p, 1), [var(0, 0), Return]);
}

#[test]
fn custom_global_resolver() {
    fn only_console(name: &str) -> Option<Global> {
        (name == "console").then_some(
            evloop_model::host::builtin::HostGlobalName::Shared(
                evloop_model::host::builtin::SharedGlobal::Console,
            )
            .global(),
        )
    }
    let options = CompileOptions {
        is_module: false,
        resolve_global: only_console,
    };
    assert!(compile_with("console.log(1)", &options).is_ok());
    let d = compile_with("setTimeout(f, 1)", &options).unwrap_err();
    assert_eq!(d.0[0].construct, "global `setTimeout`");
    assert!(d.0[0].help.contains("console"));
    assert!(!d.0[0].help.contains("Promise"));
    // A Node resolver: the help lists Node's globals.
    let node = CompileOptions {
        is_module: false,
        resolve_global: evloop_model::Host::Node.global_resolver(),
    };
    assert!(compile_with("process; require; setImmediate(() => {});", &node).is_ok());
    // `window` is not a Node global: a ReferenceError when evaluated, as on Node.
    assert!(compile_with("window;", &node).is_ok());
    let d = compile_with("new Map();", &node).unwrap_err();
    assert!(d.0[0].help.contains("setImmediate"), "{}", d.0[0].help);
    assert!(d.0[0].help.contains("process"), "{}", d.0[0].help);
}

// ------------------------------------------------------------------------------------------
// Hoisting

#[test]
fn function_declarations_are_hoisted_to_the_top_of_their_scope() {
    let p = ok("g(); var x = 1; function g() { return x; }");
    assert_eq!(bindings(&p), ["x", "g"]);
    assert_eq!(
        body(&p, 0),
        [
            // var x starts undefined, then g's closure, then the statements.
            undef(),
            store(0, 0),
            MakeClosure(1),
            store(0, 1),
            var(0, 1),
            Call { argc: 0 },
            Pop,
            num(1.0),
            store(0, 0),
        ]
    );
}

#[test]
fn block_functions_are_hoisted_into_the_block_environment() {
    let p = ok("{ f(); function f() {} }");
    assert_eq!(bindings(&p), Vec::<&str>::new());
    assert_eq!(
        body(&p, 0),
        [
            PushEnv { size: 1 },
            MakeClosure(1),
            store(0, 0),
            var(0, 0),
            Call { argc: 0 },
            Pop,
            PopEnv,
        ]
    );
}

#[test]
fn script_bindings_by_slot() {
    let p = ok("var a; let b = 1; const c = 2; function d() {} var a;");
    assert_eq!(bindings(&p), ["a", "b", "c", "d"]);
    assert_eq!(p.functions[0].env_size, 4);
    assert_eq!(p.functions[0].kind, FunctionKind::Script);
}

#[test]
fn parameters_defaults_and_rest() {
    let p = ok("function f(a, b = a + 1, ...rest) { var a; return rest; }");
    let f = &p.functions[1];
    assert_eq!((f.params, f.rest, f.env_size), (2, true, 3));
    assert_eq!(
        body(&p, 1),
        [
            // `var a` reuses the parameter's slot and keeps its value.
            var(0, 1),
            undef(),
            Binary(BinOp::StrictEq),
            JumpIfFalse(8),
            var(0, 0),
            num(1.0),
            Binary(BinOp::Add),
            store(0, 1),
            var(0, 2),
            Return,
        ]
    );
}

// ------------------------------------------------------------------------------------------
// Closures and names

#[test]
fn named_function_expressions_see_their_own_name() {
    let p = ok("const f = function me(n) { return me; };");
    assert_eq!(
        body(&p, 0),
        [
            PushEnv { size: 1 },
            MakeClosure(1),
            Dup,
            store(0, 0),
            PopEnv,
            store(0, 0),
        ]
    );
    // Inside: own env (n) at depth 0, the name env at depth 1.
    assert_eq!(body(&p, 1), [var(1, 0), Return]);
    assert_eq!(p.functions[1].name.as_deref(), Some("me"));
}

#[test]
fn function_names_come_from_declarations_variables_and_properties() {
    let p = ok("function decl() {}
const arrow = () => 1;
let anon = function () {};
anon = async () => {};
const o = { method() {}, field: function () {}, get g() { return 1; }, set g(v) {}, async am() {} };
[() => {}];");
    let names: Vec<(Option<&str>, FunctionKind)> = p.functions[1..]
        .iter()
        .map(|f| (f.name.as_deref(), f.kind))
        .collect();
    assert_eq!(
        names,
        [
            (Some("decl"), FunctionKind::Normal),
            (Some("arrow"), FunctionKind::Arrow),
            (Some("anon"), FunctionKind::Normal),
            (Some("anon"), FunctionKind::AsyncArrow),
            (Some("method"), FunctionKind::Method),
            (Some("field"), FunctionKind::Normal),
            (Some("get g"), FunctionKind::Method),
            (Some("set g"), FunctionKind::Method),
            (Some("am"), FunctionKind::Async),
            (None, FunctionKind::Arrow),
        ]
    );
}

#[test]
fn object_literals() {
    let p = ok("let k = 'x', v = 1; ({ a: 1, v, [k]: 2, 3: 4, get g() { return 1; }, m() {} });");
    let code = body(&p, 0);
    let obj = &code[4..];
    assert_eq!(
        obj,
        [
            NewObject,
            num(1.0),
            DefineField("a".into()),
            var(0, 1),
            DefineField("v".into()),
            var(0, 0),
            num(2.0),
            DefineIndex,
            num(4.0),
            DefineField("3".into()),
            MakeClosure(1),
            DefineGetter("g".into()),
            MakeClosure(2),
            DefineField("m".into()),
            Pop,
        ]
    );
}

#[test]
fn arrays_with_holes_and_spread() {
    let p = ok("let a = [1, , 2]; [0, ...a, , 3];");
    assert_eq!(
        body(&p, 0),
        [
            NewArray { len: 0 },
            num(1.0),
            ArrayPush,
            ArrayElision,
            num(2.0),
            ArrayPush,
            store(0, 0),
            NewArray { len: 0 },
            num(0.0),
            ArrayPush,
            var(0, 0),
            ArraySpread,
            ArrayElision,
            num(3.0),
            ArrayPush,
            Pop,
        ]
    );
}

// ------------------------------------------------------------------------------------------
// Calls

#[test]
fn method_calls_keep_the_receiver() {
    let p = ok("let o = {}, k = 'm'; o.m(1); o[k](); (o.m)(); (0, o.m)();");
    let code = body(&p, 0);
    assert_eq!(
        &code[4..],
        [
            var(0, 0),
            Dup,
            prop("m"),
            num(1.0),
            CallMethod { argc: 1 },
            Pop,
            var(0, 0),
            Dup,
            var(0, 1),
            GetIndex,
            CallMethod { argc: 0 },
            Pop,
            var(0, 0),
            Dup,
            prop("m"),
            CallMethod { argc: 0 },
            Pop,
            num(0.0),
            Pop,
            var(0, 0),
            prop("m"),
            Call { argc: 0 },
            Pop,
        ]
    );
}

#[test]
fn spread_arguments() {
    let p = ok("let a = [], o = {}; Math.max(...a, 1); o.f(...a); new Error('x');");
    let code = body(&p, 0);
    assert_eq!(
        &code[4..],
        [
            LoadGlobal(Global::Math),
            Dup,
            prop("max"),
            NewArray { len: 0 },
            var(0, 0),
            ArraySpread,
            num(1.0),
            ArrayPush,
            CallMethodSpread,
            Pop,
            var(0, 1),
            Dup,
            prop("f"),
            NewArray { len: 0 },
            var(0, 0),
            ArraySpread,
            CallMethodSpread,
            Pop,
            LoadGlobal(Global::Error),
            string("x"),
            New { argc: 1 },
            Pop,
        ]
    );
}

// ------------------------------------------------------------------------------------------
// Operators

#[test]
fn short_circuit_jumps() {
    let p = ok("let a, b, c; a && b || c; a ?? b;");
    let code = body(&p, 0);
    assert_eq!(
        &code[6..],
        [
            var(0, 0),
            JumpIfFalseKeep(9),
            var(0, 1),
            JumpIfTrueKeep(11),
            var(0, 2),
            Pop,
            var(0, 0),
            JumpIfNotNullishKeep(15),
            var(0, 1),
            Pop,
        ]
    );
}

#[test]
fn conditional_expression() {
    let p = ok("let a; a ? 1 : 2;");
    assert_eq!(
        &body(&p, 0)[2..],
        [var(0, 0), JumpIfFalse(6), num(1.0), Jump(7), num(2.0), Pop]
    );
}

#[test]
fn template_literals() {
    let p = ok("let x; `a${x}b${x}`; `${x}`; ``;");
    assert_eq!(
        &body(&p, 0)[2..],
        [
            string("a"),
            var(0, 0),
            ToStr,
            Binary(BinOp::Add),
            string("b"),
            Binary(BinOp::Add),
            var(0, 0),
            ToStr,
            Binary(BinOp::Add),
            Pop,
            var(0, 0),
            ToStr,
            Pop,
            string(""),
            Pop,
        ]
    );
}

#[test]
fn postfix_and_prefix_updates() {
    let p = ok("let x = 0, o = {}, k = 'a'; x++; ++x; o.p++; --o.p; o[k]--; ++o[k];");
    assert_eq!(bindings(&p), ["x", "o", "k", "%tmp"]);
    let code = body(&p, 0);
    assert_eq!(
        &code[6..],
        [
            // x++
            var(0, 0),
            ToNumber,
            Dup,
            Inc,
            store(0, 0),
            Pop,
            // ++x
            var(0, 0),
            Inc,
            Dup,
            store(0, 0),
            Pop,
            // o.p++
            var(0, 1),
            Dup,
            prop("p"),
            ToNumber,
            Dup,
            Rot3,
            Inc,
            SetProp("p".into()),
            Pop,
            Pop,
            // --o.p
            var(0, 1),
            Dup,
            prop("p"),
            Dec,
            SetProp("p".into()),
            Pop,
            // o[k]-- (the key converted once; the old value goes through %tmp)
            var(0, 1),
            var(0, 2),
            ToPropertyKey,
            Dup2,
            GetIndex,
            ToNumber,
            Dup,
            store(0, 3),
            Dec,
            SetIndex,
            Pop,
            var(0, 3),
            Pop,
            // ++o[k]
            var(0, 1),
            var(0, 2),
            ToPropertyKey,
            Dup2,
            GetIndex,
            Inc,
            SetIndex,
            Pop,
        ]
    );
}

#[test]
fn compound_and_logical_assignment() {
    let p = ok(
        "let x = 0, o = {}, k = 'a'; x += 2; o.p *= 3; o[k] -= 1; x ||= 5; o.p ??= 1; o[k] &&= 2;",
    );
    let code = body(&p, 0);
    assert_eq!(
        &code[6..],
        [
            var(0, 0),
            num(2.0),
            Binary(BinOp::Add),
            Dup,
            store(0, 0),
            Pop,
            var(0, 1),
            Dup,
            prop("p"),
            num(3.0),
            Binary(BinOp::Mul),
            SetProp("p".into()),
            Pop,
            var(0, 1),
            var(0, 2),
            ToPropertyKey,
            Dup2,
            GetIndex,
            num(1.0),
            Binary(BinOp::Sub),
            SetIndex,
            Pop,
            // x ||= 5
            var(0, 0),
            JumpIfTrueKeep(33),
            num(5.0),
            Dup,
            store(0, 0),
            Pop,
            // o.p ??= 1
            var(0, 1),
            Dup,
            prop("p"),
            JumpIfNotNullishKeep(41),
            num(1.0),
            SetProp("p".into()),
            Jump(43),
            Swap,
            Pop,
            Pop,
            // o[k] &&= 2
            var(0, 1),
            var(0, 2),
            ToPropertyKey,
            Dup2,
            GetIndex,
            JumpIfFalseKeep(53),
            num(2.0),
            SetIndex,
            Jump(56),
            Rot3,
            Pop,
            Pop,
            Pop,
        ]
    );
}

#[test]
fn assignment_before_let_is_checked_for_the_tdz() {
    // Before the declaration (or from another function) the write first reads the slot, which
    // throws in the TDZ; after it, in the same function, it is a plain store.
    let p = ok("x = 1; let x; x = 2; function f() { x = 3; }");
    assert_eq!(
        body(&p, 0),
        [
            MakeClosure(1),
            store(0, 1),
            num(1.0),
            Dup,
            var(0, 0),
            Pop,
            store(0, 0),
            Pop,
            undef(),
            store(0, 0),
            num(2.0),
            Dup,
            store(0, 0),
            Pop,
        ]
    );
    assert_eq!(
        body(&p, 1),
        [num(3.0), Dup, var(1, 0), Pop, store(1, 0), Pop]
    );
}

#[test]
fn long_operator_chains_do_not_count_as_nesting() {
    let src = format!("let x = 1{};", " + 1".repeat(5000));
    let p = ok(&src);
    assert_eq!(body(&p, 0).len(), 1 + 2 * 5000 + 1);
    let src = format!("let y = x{};", " || x".repeat(1000)).replace("let y", "let x = 0; let y");
    ok(&src);
}

// ------------------------------------------------------------------------------------------
// Loops

#[test]
fn for_let_gets_per_iteration_environments() {
    let p = ok("for (let i = 0; i < 3; i++) { f(i); } function f() {}");
    assert_eq!(
        body(&p, 0),
        [
            MakeClosure(1),
            store(0, 0),
            PushEnv { size: 1 },
            num(0.0),
            store(0, 0),
            CopyEnv,
            // top: 6
            var(0, 0),
            num(3.0),
            Binary(BinOp::Lt),
            JumpIfFalse(22),
            var(1, 0),
            var(0, 0),
            Call { argc: 1 },
            Pop,
            // continue point: 14
            CopyEnv,
            var(0, 0),
            ToNumber,
            Dup,
            Inc,
            store(0, 0),
            Pop,
            Loop(6),
            // exit: 22
            PopEnv,
        ]
    );
}

#[test]
fn for_of_with_break_and_continue() {
    let p = ok("for (const x of [1]) { if (x) continue; else break; }");
    assert_eq!(
        body(&p, 0),
        [
            // the expression, with `x` in its TDZ
            PushEnv { size: 1 },
            num(1.0),
            NewArray { len: 1 },
            PopEnv,
            IterInit,
            // top: 5
            IterNext { exit: 18 },
            PushEnv { size: 1 },
            store(0, 0),
            var(0, 0),
            JumpIfFalse(12),
            // continue: forward to the continue point
            Jump(16),
            Jump(16),
            // break: the iteration env and the two iterator slots
            PopEnv,
            Pop,
            Pop,
            Jump(18),
            // continue point: 16
            PopEnv,
            Loop(5),
        ]
    );
}

#[test]
fn for_of_over_existing_targets() {
    let p = ok(
        "let x, o = {}; var v; for (x of 'ab'); for (o.p of 'ab'); for (o[x] of 'ab'); for (var w of 'ab');",
    );
    assert_eq!(bindings(&p), ["v", "w", "x", "o"]);
    assert_eq!(
        body(&p, 0),
        [
            undef(),
            store(0, 0),
            undef(),
            store(0, 1),
            undef(),
            store(0, 2),
            NewObject,
            store(0, 3),
            // for (x of 'ab')
            string("ab"),
            IterInit,
            IterNext { exit: 13 },
            store(0, 2),
            Loop(10),
            // for (o.p of 'ab')
            string("ab"),
            IterInit,
            IterNext { exit: 21 },
            var(0, 3),
            Swap,
            SetProp("p".into()),
            Pop,
            Loop(15),
            // for (o[x] of 'ab')
            string("ab"),
            IterInit,
            IterNext { exit: 31 },
            var(0, 3),
            var(0, 2),
            Rot3,
            Rot3,
            SetIndex,
            Pop,
            Loop(23),
            // for (var w of 'ab')
            string("ab"),
            IterInit,
            IterNext { exit: 36 },
            store(0, 1),
            Loop(33),
        ]
    );
}

#[test]
fn while_and_do_while() {
    let p = ok("let i = 0; while (i) { if (i) continue; break; } do { continue; } while (i);");
    assert_eq!(
        &body(&p, 0)[2..],
        [
            // top: 2
            var(0, 0),
            JumpIfFalse(9),
            var(0, 0),
            JumpIfFalse(7),
            // continue in `while` is the backward jump itself
            Loop(2),
            Jump(9),
            Loop(2),
            // do: 9
            Jump(10),
            // continue point: 10
            var(0, 0),
            JumpIfFalse(13),
            Loop(9),
        ]
    );
}

#[test]
fn break_pops_block_environments_and_handlers() {
    let p = ok("while (1) { let a = 1; try { let b = 2; break; } catch (e) { let c; continue; } }");
    assert_eq!(
        body(&p, 0),
        [
            num(1.0),
            JumpIfFalse(26),
            PushEnv { size: 1 },
            num(1.0),
            store(0, 0),
            PushHandler {
                catch: Some(16),
                finally: None,
            },
            PushEnv { size: 1 },
            num(2.0),
            store(0, 0),
            // break: b's env, the handler, a's env
            PopEnv,
            PopHandler,
            PopEnv,
            Jump(26),
            PopEnv,
            PopHandler,
            Jump(24),
            // catch: 16, `e` and `c` share one environment
            PushEnv { size: 2 },
            store(0, 0),
            undef(),
            store(0, 1),
            // continue: the catch env and a's env, then the backward jump
            PopEnv,
            PopEnv,
            Loop(0),
            PopEnv,
            // 24
            PopEnv,
            Loop(0),
        ]
    );
}

#[test]
fn break_or_continue_across_finally_is_rejected() {
    for src in [
        "while (1) { try { break; } finally {} }",
        "while (1) { try { } catch { continue; } finally {} }",
        "for (;;) { try { } finally { break; } }",
    ] {
        let d = err(src);
        assert_eq!(
            d.0[0].construct, "break/continue out of try…finally",
            "{src}"
        );
    }
    // Loops entirely inside the try or finally block are fine.
    ok("try { for (;;) { break; } } finally { while (1) { break; } }");
}

#[test]
fn break_outside_a_loop_is_an_error() {
    let d = err("function f() { break; }");
    assert!(d.to_string().contains("outside of a loop"), "{d}");
    let d = err("while (1) { (() => { continue; })(); }");
    assert!(d.to_string().contains("outside of a loop"), "{d}");
}

// ------------------------------------------------------------------------------------------
// try / catch / finally

#[test]
fn try_catch_finally_layout() {
    let p = ok("try { f(); } catch (e) { f(e); } finally { f(); } function f() {}");
    assert_eq!(
        body(&p, 0),
        [
            MakeClosure(1),
            store(0, 0),
            PushHandler {
                catch: Some(9),
                finally: Some(19),
            },
            var(0, 0),
            Call { argc: 0 },
            Pop,
            PopHandler,
            EnterFinally,
            Jump(19),
            // catch: 9 (the exception on the stack)
            PushHandler {
                catch: None,
                finally: Some(19),
            },
            PushEnv { size: 1 },
            store(0, 0),
            var(1, 0),
            var(0, 0),
            Call { argc: 1 },
            Pop,
            PopEnv,
            PopHandler,
            EnterFinally,
            // finally: 19, entered normally (after EnterFinally) or abruptly
            var(0, 0),
            Call { argc: 0 },
            Pop,
            EndFinally,
        ]
    );
}

#[test]
fn try_catch_and_try_finally_layouts() {
    let p = ok("try { 1; } catch { 2; } try { 3; } finally { 4; }");
    assert_eq!(
        body(&p, 0),
        [
            PushHandler {
                catch: Some(5),
                finally: None,
            },
            num(1.0),
            Pop,
            PopHandler,
            Jump(8),
            // catch without a binding: drop the exception
            Pop,
            num(2.0),
            Pop,
            // 8: the end of the first statement
            PushHandler {
                catch: None,
                finally: Some(13),
            },
            num(3.0),
            Pop,
            PopHandler,
            EnterFinally,
            // 13
            num(4.0),
            Pop,
            EndFinally,
        ]
    );
}

#[test]
fn return_inside_try_is_a_plain_return() {
    let p = ok("function f() { try { return 1; } finally { 2; } }");
    assert_eq!(
        body(&p, 1),
        [
            PushHandler {
                catch: None,
                finally: Some(5),
            },
            num(1.0),
            Return,
            PopHandler,
            EnterFinally,
            num(2.0),
            Pop,
            EndFinally,
        ]
    );
}

// ------------------------------------------------------------------------------------------
// async / await

#[test]
fn await_in_async_functions_and_module_top_level() {
    let p = ok("async function f() { await 1; } const g = async () => await 2;");
    assert_eq!(p.functions[1].kind, FunctionKind::Async);
    assert_eq!(body(&p, 1), [num(1.0), Await, Pop]);
    assert_eq!(p.functions[2].kind, FunctionKind::AsyncArrow);
    assert_eq!(body(&p, 2), [num(2.0), Await, Return]);

    let module = CompileOptions {
        is_module: true,
        ..CompileOptions::default()
    };
    let p = compile_with("await 1;", &module).unwrap();
    assert!(p.is_module);
    assert_eq!(&p.functions[0].code[..3], [num(1.0), Await, Pop]);
}

#[test]
fn await_outside_async_is_rejected() {
    for (src, line, col) in [
        ("function f() {\n  await x;\n}", 2, 3),
        ("await x;", 1, 1),
        ("async function f() { return () => await 1; }", 1, 35),
    ] {
        let d = err(src);
        let first = &d.0[0];
        assert_eq!(
            first.construct, "`await` outside an async function",
            "{src}: {d}"
        );
        assert_eq!((first.line, first.col), (line, col), "{src}: {d}");
        assert!(first.message.contains("async"), "{d}");
    }
}

// ------------------------------------------------------------------------------------------
// Positions

#[test]
fn instructions_carry_source_positions() {
    let p = ok("let a = 1;\nfunction f() {\n  return a +\n    2;\n}");
    let f = &p.functions[1];
    let lines: Vec<(u32, u32)> = f.positions.iter().map(|p| (p.line, p.col)).collect();
    // LoadVar a (3:10), Const 2 (4:5), Add (3:10), Return (3:3), epilogue at the closing brace.
    assert_eq!(lines, [(3, 10), (4, 5), (3, 10), (3, 3), (5, 1), (5, 1)]);
}

// ------------------------------------------------------------------------------------------
// Diagnostics

#[test]
fn generator_method_is_reported_with_its_position() {
    let d = err("let x = 1;\nclass A { *g() {} }\n");
    let line = d.to_string();
    assert!(line.starts_with("t.js:2:11:"), "{line}");
    assert_eq!(
        line,
        "t.js:2:11: error: unsupported construct `generator method`"
    );
    let first = &d.0[0];
    assert_eq!(first.construct, "generator method");
    assert_eq!((first.end_line, first.end_col), (2, 18));
    assert_eq!(first.offset, (21, 28));
    assert!(first.help.contains("supported:"), "{}", first.help);
    assert!(first.help.contains("README 'Supported JavaScript'"));
}

#[test]
fn unknown_identifier() {
    // Read: a ReferenceError when evaluated (tested in `compiler::delete_tests`); a sloppy
    // assignment would create a global property, which is refused by name.
    assert!(
        compile_with(
            "function f() { return fetchJson('/x'); }",
            &CompileOptions::default()
        )
        .is_ok()
    );
    let d = err("async function main() {\n  fetchJson = await 1;\n}");
    let first = &d.0[0];
    assert_eq!(first.construct, "assignment to an undeclared identifier");
    assert!(first.message.starts_with("`fetchJson` is not declared"));
    assert_eq!((first.line, first.col), (2, 3));
}

#[test]
fn render_shows_the_line_and_a_caret() {
    let src = "let a = 1;\nclass A { *g() {} }\n";
    let d = err(src);
    let out = d.render(src);
    assert!(out.contains("class A { *g() {} }"), "{out}");
    assert!(out.contains("^^^^^^^"), "{out}");
    assert!(out.contains("t.js:2:11"), "{out}");
    assert!(
        out.contains("unsupported construct `generator method`"),
        "{out}"
    );
    assert!(out.contains("help: supported:"), "{out}");
    // No colour codes.
    assert!(!out.contains('\u{1b}'), "{out}");
    // A source that does not match the spans does not panic.
    let _ = d.render("");
    let _ = d.render("é");
}

#[test]
fn syntax_errors_become_diagnostics() {
    let d = err("let = ;");
    assert_eq!(d.0[0].construct, "syntax error");
    assert!(d.to_string().starts_with("t.js:1:"), "{d}");
    let d = err("function (");
    assert!(!d.0.is_empty());
    let _ = d.render("function (");
}

#[test]
fn unsupported_constructs_are_named() {
    for (src, construct) in [
        ("function* g() {}", "generator function"),
        ("x: for (;;) {}", "labeled statement"),
        ("/a/;", "regular expression"),
        ("for (var k = 1 in {}) {}", "for-in initializer"),
        ("with ({}) {}", "with statement"),
        ("let o = {}; o?.x;", "optional chaining"),
        ("let f; f`x`;", "tagged template"),
        ("debugger;", "debugger statement"),
        ("delete Promise;", "`delete` of a global"),
        ("let c = class { *g() {} };", "generator method"),
        ("1n;", "BigInt literal"),
        (
            "if (1) function f() {}",
            "function declaration as a statement body",
        ),
        (
            "async function f() { for await (const x of []) {} }",
            "for await loop",
        ),
    ] {
        let d = err(src);
        assert_eq!(d.0[0].construct, construct, "{src}: {d}");
        assert_eq!(
            d.0[0].message,
            format!("unsupported construct `{construct}`"),
            "{src}"
        );
    }
    let module = CompileOptions {
        is_module: true,
        ..CompileOptions::default()
    };
    let d = compile_with("import x from 'y';", &module).unwrap_err();
    assert_eq!(d.0[0].construct, "import declaration");
    let d = compile_with("export const x = 1;", &module).unwrap_err();
    assert_eq!(d.0[0].construct, "export declaration");
}

#[test]
fn const_and_global_assignment_are_rejected() {
    // A `const` (and a named function expression's name in strict code) is an immutable
    // binding: writing it throws a TypeError when evaluated (§9.1.1.1.5 step 5).
    for src in [
        "const c = 1; c = 2;",
        "const c = 1; c++;",
        "for (const i = 0; ; i++) {}",
        "const f = function g() { 'use strict'; g = 1; };",
    ] {
        let p = ok(src);
        assert!(
            p.functions
                .iter()
                .any(|f| f.code.iter().any(|i| matches!(i, ThrowConstAssignment(_)))),
            "{src}"
        );
    }
    let d = err("console = 1;");
    assert_eq!(d.0[0].construct, "assignment to a global");
    let d = err("undefined = 1;");
    assert_eq!(d.0[0].construct, "assignment to a global");
    let d = err("nope = 1;");
    assert_eq!(d.0[0].construct, "assignment to an undeclared identifier");
}

#[test]
fn redeclarations_are_rejected() {
    for src in [
        "let a; let a;",
        "let a; var a;",
        "function f(a) { let a; }",
        "{ const a = 1; function a() {} }",
        "try {} catch (e) { let e; }",
        "let a; { var a; }",
    ] {
        let d = err(src);
        assert!(d.0[0].construct.starts_with("redeclaration"), "{src}: {d}");
    }
    ok("var a; var a; function a() {}");
    ok("function f(a) { var a; }");
    ok("try {} catch (e) { var e = 1; }");
}

#[test]
fn several_errors_are_reported_and_displayed_one_per_line() {
    let d = err("class A { *g() {} }\nfetchJson = 1;\nfunction f() { debugger; }\n");
    assert_eq!(d.0.len(), 3, "{d}");
    let text = d.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("t.js:1:11:"));
    assert!(lines[1].starts_with("t.js:2:1:"));
    assert!(lines[2].starts_with("t.js:3:16:"));
}

#[test]
fn deep_nesting_is_a_diagnostic_not_a_crash() {
    for src in [
        "(".repeat(100_000),
        format!("{}1{}", "[".repeat(300), "]".repeat(300)),
        format!("{}x", "!".repeat(50_000)),
        format!("x = {}1", "a = ".repeat(50_000)),
        format!("{}{}", "{".repeat(5_000), "}".repeat(5_000)),
        format!("{}1", "x => ".repeat(250)),
        format!("{}{}", "function f() {".repeat(300), "}".repeat(300)),
        format!("let f; f{};", "()".repeat(500)),
        format!("let o; o{};", ".p".repeat(500)),
    ] {
        let d = compile_with(&src, &CompileOptions::default()).unwrap_err();
        assert!(
            d.0.iter().any(|d| d.construct == "deeply nested code"),
            "{}: {d}",
            &src[..20]
        );
    }
    // Nesting a little below the limit is fine.
    ok(&format!("let x = {}1{};", "[".repeat(150), "]".repeat(150)));
}

#[test]
fn options_default() {
    let o = CompileOptions::default();
    assert!(!o.is_module);
    assert_eq!((o.resolve_global)("window"), Some(Global::GlobalThis));
    assert_eq!((o.resolve_global)("fetchJson"), None);
    let p = ok("1;");
    assert_eq!(p.source_name, "t.js");
    assert_eq!(&*p.source, "1;");
    assert!(!p.is_module);
    assert_eq!(p.script_bindings, Vec::<Arc<str>>::new());
}
