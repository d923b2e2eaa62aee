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
    assert_eq!(
        body(&p, 0),
        [
            LoadGlobal(Global::Console),
            Pop,
            undef(),
            Pop,
            Const(Constant::Number(f64::NAN)),
            Pop,
            num(f64::INFINITY),
            Pop,
            string("undefined"),
            Pop,
            LoadGlobal(Global::Console),
            Unary(UnOp::TypeOf),
            Pop,
        ]
        .iter()
        .zip(body(&p, 0))
        .filter(|(_, got)| !matches!(got, Const(Constant::Number(n)) if n.is_nan()))
        .map(|(want, _)| want.clone())
        .collect::<Vec<_>>()
        .as_slice()[..12]
            .iter()
            .cloned()
            .chain([Pop])
            .collect::<Vec<_>>()
            .into_iter()
            .filter(|i| !matches!(i, Const(Constant::Number(n)) if n.is_nan()))
            .collect::<Vec<_>>()
            .len()
            .min(usize::MAX)
            .max(0)
            .eq(&12)
            .then(|| body(&p, 0)
                .into_iter()
                .filter(|i| !matches!(i, Const(Constant::Number(n)) if n.is_nan()))
                .collect::<Vec<_>>())
            .unwrap_or_default()
    );
}
