//! Lowering of the oxc AST to the IR of [`evloop_model::ir`].
//!
//! One [`FuncState`] per function being compiled (the innermost is `Compiler::f`, the enclosing
//! ones are on `Compiler::outer`). Each has a stack of [`Scope`]s mirroring the run-time
//! environments: `scopes[0]` is the function's own environment (parameters, `var`s, top-level
//! functions and `let`/`const`), every further scope is a `PushEnv` block environment. Names are
//! resolved by walking those stacks outward, counting one depth per scope, which is exactly the
//! chain of environments a closure captures because nested functions are compiled at the point
//! where their `MakeClosure` is emitted.
//!
//! Errors are recorded in `Compiler::errors` and signalled with [`Reported`]; statement lists
//! recover after a failed statement so that one compilation reports several problems.

use std::collections::HashSet;
use std::sync::Arc;

use evloop_model::ir::{self, FunctionKind, Pos, Program};
use oxc_ast::ast;
use oxc_span::Span;

use crate::lines::LineIndex;
use crate::{CompileOptions, Diagnostic};

/// The deepest nesting of expressions and statements the lowering accepts.
pub(crate) const MAX_DEPTH: u32 = 200;

#[cfg(test)]
mod arguments_tests;
mod assign;
mod assign_pattern;
mod class;
mod class_refs;
#[cfg(test)]
mod class_tests;
#[cfg(test)]
mod conversions_tests;
mod delete;
#[cfg(test)]
mod delete_tests;
mod diag;
mod emit;
mod expr;
#[cfg(test)]
mod for_in_tests;
mod function;
mod imports;
mod object;
mod pattern;
#[cfg(test)]
mod run_tests;
mod scope;
mod stmt;
mod switch;

use diag::SUBSET;
use function::Body;
pub(crate) use imports::IMPORT_IN_SCRIPT_HELP;
use scope::{BindKind, Scope};
use stmt::Ctl;

/// An error was recorded in `Compiler::errors`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reported;

type R<T = ()> = Result<T, Reported>;

#[derive(Debug)]
struct FuncState {
    kind: FunctionKind,
    code: Vec<ir::Instr>,
    positions: Vec<Pos>,
    scopes: Vec<Scope>,
    ctl: Vec<Ctl>,
    tmp_slot: Option<u32>,
    /// Whether the function's code is strict mode code (§11.2.2).
    strict: bool,
    /// Whether its body begins with a Use Strict Directive.
    strict_directive: bool,
    /// The slot of the function's `arguments` binding, once its code refers to it.
    arguments: Option<u32>,
    /// Class code (`class.rs`): the method's [[HomeObject]] and the constructor's class.
    class: class::FnClass,
    /// The slot receiving [[NewTarget]] (`ir::Function::new_target`), once used.
    new_target: Option<u32>,
    /// A derived constructor's this binding (`ir::Function::derived_this`).
    derived_this: Option<u32>,
}

impl FuncState {
    fn new(kind: FunctionKind) -> Self {
        FuncState {
            kind,
            code: Vec::new(),
            positions: Vec::new(),
            scopes: Vec::new(),
            ctl: Vec::new(),
            tmp_slot: None,
            strict: false,
            strict_directive: false,
            arguments: None,
            class: class::FnClass::default(),
            new_target: None,
            derived_this: None,
        }
    }
}

pub(crate) struct Compiler<'s> {
    file: &'s str,
    options: &'s CompileOptions,
    lines: &'s LineIndex<'s>,
    functions: Vec<ir::Function>,
    f: FuncState,
    outer: Vec<FuncState>,
    errors: Vec<Diagnostic>,
    depth: u32,
    /// The span of the node being compiled: the position of emitted instructions.
    cur: Span,
    /// Declarations (by span) already bound when their scope was entered.
    hoisted: HashSet<(u32, u32)>,
    /// NODE-4: the builtin modules the main module imports (`ir::Program::imports`).
    imports: Vec<Arc<str>>,
    /// The names of the unresolvable references written in strict code and of the
    /// immutable bindings written ([`scope::VarRef`] indexes it).
    ref_names: Vec<Arc<str>>,
    /// Classes compiled so far: their scopes' internal names are numbered by it.
    classes: u32,
}

/// Compiles a parsed program.
pub(crate) fn compile_program(
    source: &str,
    file: &str,
    options: &CompileOptions,
    lines: &LineIndex<'_>,
    program: &ast::Program<'_>,
) -> Result<Program, Vec<Diagnostic>> {
    let mut c = Compiler {
        file,
        options,
        lines,
        functions: vec![placeholder(FunctionKind::Script)],
        f: FuncState::new(FunctionKind::Script),
        outer: Vec::new(),
        errors: Vec::new(),
        depth: 0,
        cur: program.span,
        hoisted: HashSet::new(),
        imports: Vec::new(),
        ref_names: Vec::new(),
        classes: 0,
    };
    // §11.2.2: module code, and global code that begins with a Use Strict Directive.
    c.f.strict = options.is_module || program.has_use_strict_directive();
    let result = c.function_body(None, Body::Statements(&program.body), program.span);
    let script = std::mem::replace(&mut c.f, FuncState::new(FunctionKind::Script));
    let bindings: Vec<Arc<str>> = script
        .scopes
        .first()
        .map(|s| s.bindings.iter().map(|b| b.name.clone()).collect())
        .unwrap_or_default();
    let env_size = u32::try_from(bindings.len()).unwrap_or(u32::MAX);
    if let Some(slot) = c.functions.first_mut() {
        *slot = ir::Function {
            name: None,
            kind: FunctionKind::Script,
            params: 0,
            rest: false,
            env_size,
            arguments: None,
            strict: script.strict,
            new_target: None,
            derived_this: None,
            code: script.code,
            positions: script.positions,
            source_text: (0, 0),
        };
    }
    if result.is_err() && c.errors.is_empty() {
        let d = c.diag(
            program.span,
            "internal error",
            "internal compiler error",
            SUBSET,
        );
        c.errors.push(d);
    }
    if !c.errors.is_empty() {
        // Hoisted functions are compiled before the statements around them: report in source
        // order.
        c.errors.sort_by_key(|d| d.offset);
        return Err(c.errors);
    }
    Ok(Program {
        source_name: file.to_string(),
        source: source.into(),
        functions: c.functions,
        script_bindings: bindings,
        is_module: options.is_module,
        imports: c.imports,
    })
}

fn placeholder(kind: FunctionKind) -> ir::Function {
    ir::Function {
        name: None,
        kind,
        params: 0,
        rest: false,
        env_size: 0,
        arguments: None,
        strict: false,
        new_target: None,
        derived_this: None,
        code: Vec::new(),
        positions: Vec::new(),
        source_text: (0, 0),
    }
}

fn len_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
