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

use evloop_model::ir::{
    self, Addr, BinOp, Constant, FuncId, FunctionKind, Instr, Pos, Program, UnOp,
};
use oxc_ast::ast;
use oxc_span::{GetSpan, Span};
use oxc_syntax::operator::{
    AssignmentOperator, BinaryOperator, LogicalOperator, UnaryOperator, UpdateOperator,
};

use crate::lines::LineIndex;
use crate::{CompileOptions, Diagnostic};

/// The deepest nesting of expressions and statements the lowering accepts.
pub(crate) const MAX_DEPTH: u32 = 200;
/// Stop after this many diagnostics.
const MAX_ERRORS: usize = 50;
/// A jump target not patched yet.
const UNPATCHED: Addr = Addr::MAX;
const SUBSET: &str = "see README 'Supported JavaScript'";

mod imports;
pub(crate) use imports::IMPORT_IN_SCRIPT_HELP;

/// An error was recorded in `Compiler::errors`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reported;

type R<T = ()> = Result<T, Reported>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BindKind {
    Param,
    Var,
    /// A function declaration at the top of a function body (var-like).
    Function,
    /// A function declaration in a block (lexical, initialised when the block is entered).
    BlockFunction,
    Let,
    Const,
    Catch,
    /// The name of a named function expression, visible inside it.
    FuncName,
    /// A compiler temporary (`%tmp`).
    Internal,
}

impl BindKind {
    fn is_lexical(self) -> bool {
        matches!(
            self,
            BindKind::Let | BindKind::Const | BindKind::BlockFunction | BindKind::Catch
        )
    }
}

#[derive(Debug, Clone)]
struct Binding {
    name: Arc<str>,
    kind: BindKind,
    /// For `let`: the offset after which same-function writes are known to follow the
    /// initialisation (no TDZ check needed).
    init_end: u32,
}

#[derive(Debug, Clone, Default)]
struct Scope {
    bindings: Vec<Binding>,
}

impl Scope {
    fn find(&self, name: &str) -> Option<usize> {
        self.bindings.iter().rposition(|b| &*b.name == name)
    }

    fn add(&mut self, name: &str, kind: BindKind, init_end: u32) -> u32 {
        self.bindings.push(Binding {
            name: name.into(),
            kind,
            init_end,
        });
        u32::try_from(self.bindings.len() - 1).unwrap_or(u32::MAX)
    }

    fn size(&self) -> u32 {
        u32::try_from(self.bindings.len()).unwrap_or(u32::MAX)
    }
}

#[derive(Debug, Default)]
struct LoopCtl {
    /// Jumps to patch to the loop exit.
    breaks: Vec<usize>,
    /// Jumps to patch to the continue point (when it is not known yet).
    continues: Vec<usize>,
    /// A known (backward) continue point: `continue` is `Loop(addr)`.
    cont_target: Option<Addr>,
    /// A `for…of`: the iterator state is two stack slots.
    for_of: bool,
    /// A `for…of` with a per-iteration environment (popped by `break`).
    iter_env: bool,
}

/// What `break`/`continue` must undo when jumping out of a construct.
#[derive(Debug)]
enum Ctl {
    Loop(LoopCtl),
    /// A `PushEnv` block environment: `PopEnv`.
    Env,
    /// Inside a `try` block (or a `catch` block protected by a `finally`): `PopHandler`.
    Handler {
        finally: bool,
    },
    /// Inside a `finally` block.
    Finally,
}

#[derive(Debug)]
struct FuncState {
    kind: FunctionKind,
    code: Vec<ir::Instr>,
    positions: Vec<Pos>,
    scopes: Vec<Scope>,
    ctl: Vec<Ctl>,
    tmp_slot: Option<u32>,
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
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Resolved {
    depth: u32,
    slot: u32,
    kind: BindKind,
    same_function: bool,
    init_end: u32,
}

/// A variable to write, with whether a TDZ check must precede the write.
#[derive(Debug, Clone, Copy)]
struct VarRef {
    depth: u32,
    slot: u32,
    tdz_check: bool,
}

/// An assignment target.
enum Place<'b, 'a> {
    Var(VarRef),
    Static(&'b ast::Expression<'a>, Arc<str>),
    Computed(&'b ast::Expression<'a>, &'b ast::Expression<'a>),
}

/// A function body: statements, or an arrow's expression.
#[derive(Clone, Copy)]
enum Body<'b, 'a> {
    Statements(&'b [ast::Statement<'a>]),
    Expression(&'b ast::Expression<'a>),
}

/// A `let`/`const`/function declaration found at the top of a statement list.
struct LexDecl<'a> {
    name: &'a str,
    kind: BindKind,
    span: Span,
    init_end: u32,
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
    };
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
            code: script.code,
            positions: script.positions,
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
        code: Vec::new(),
        positions: Vec::new(),
    }
}

fn len_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn binop(op: BinaryOperator) -> BinOp {
    match op {
        BinaryOperator::Equality => BinOp::LooseEq,
        BinaryOperator::Inequality => BinOp::LooseNe,
        BinaryOperator::StrictEquality => BinOp::StrictEq,
        BinaryOperator::StrictInequality => BinOp::StrictNe,
        BinaryOperator::LessThan => BinOp::Lt,
        BinaryOperator::LessEqualThan => BinOp::Le,
        BinaryOperator::GreaterThan => BinOp::Gt,
        BinaryOperator::GreaterEqualThan => BinOp::Ge,
        BinaryOperator::Addition => BinOp::Add,
        BinaryOperator::Subtraction => BinOp::Sub,
        BinaryOperator::Multiplication => BinOp::Mul,
        BinaryOperator::Division => BinOp::Div,
        BinaryOperator::Remainder => BinOp::Rem,
        BinaryOperator::Exponential => BinOp::Exp,
        BinaryOperator::ShiftLeft => BinOp::Shl,
        BinaryOperator::ShiftRight => BinOp::Shr,
        BinaryOperator::ShiftRightZeroFill => BinOp::UShr,
        BinaryOperator::BitwiseOR => BinOp::BitOr,
        BinaryOperator::BitwiseXOR => BinOp::BitXor,
        BinaryOperator::BitwiseAnd => BinOp::BitAnd,
        BinaryOperator::In => BinOp::In,
        BinaryOperator::Instanceof => BinOp::InstanceOf,
    }
}

/// The binary operator of a compound assignment (`None` for `=` and the logical ones).
fn compound_op(op: AssignmentOperator) -> Option<BinOp> {
    Some(match op {
        AssignmentOperator::Addition => BinOp::Add,
        AssignmentOperator::Subtraction => BinOp::Sub,
        AssignmentOperator::Multiplication => BinOp::Mul,
        AssignmentOperator::Division => BinOp::Div,
        AssignmentOperator::Remainder => BinOp::Rem,
        AssignmentOperator::Exponential => BinOp::Exp,
        AssignmentOperator::ShiftLeft => BinOp::Shl,
        AssignmentOperator::ShiftRight => BinOp::Shr,
        AssignmentOperator::ShiftRightZeroFill => BinOp::UShr,
        AssignmentOperator::BitwiseOR => BinOp::BitOr,
        AssignmentOperator::BitwiseXOR => BinOp::BitXor,
        AssignmentOperator::BitwiseAnd => BinOp::BitAnd,
        AssignmentOperator::Assign
        | AssignmentOperator::LogicalOr
        | AssignmentOperator::LogicalAnd
        | AssignmentOperator::LogicalNullish => return None,
    })
}

/// The short-circuit jump of `||`, `&&`, `??` (and `||=`, `&&=`, `??=`): jumps, keeping the
/// value, when the right operand is not evaluated.
fn short_circuit(op: LogicalOperator) -> Instr {
    match op {
        LogicalOperator::Or => Instr::JumpIfTrueKeep(UNPATCHED),
        LogicalOperator::And => Instr::JumpIfFalseKeep(UNPATCHED),
        LogicalOperator::Coalesce => Instr::JumpIfNotNullishKeep(UNPATCHED),
    }
}

fn unparen<'b, 'a>(mut e: &'b ast::Expression<'a>) -> &'b ast::Expression<'a> {
    while let ast::Expression::ParenthesizedExpression(p) = e {
        e = &p.expression;
    }
    e
}

/// Help text for an unsupported construct.
fn help_for(construct: &str) -> String {
    let alt = match construct {
        "class declaration" | "class expression" | "`super`" | "`new.target`" => {
            "supported: functions, closures, `new` on functions, object literals with methods, getters and setters"
        }
        "generator function" | "generator method" | "`yield`" => {
            "supported: normal and async functions, arrows, `await`"
        }
        "destructuring pattern" | "object spread" => {
            "supported: plain identifier bindings and property reads (`const a = o.a`), array spread"
        }
        "labeled statement" | "labeled break" | "labeled continue" => {
            "supported: unlabeled `break` and `continue` in the innermost loop"
        }
        "switch statement" => "supported: `if`/`else if` chains",
        "for-in loop" | "for await loop" => {
            "supported: `for (… of …)` over arrays and strings, `for (;;)`, `while`, `do … while`"
        }
        "optional chaining" => "supported: explicit checks such as `o != null ? o.x : undefined`",
        "tagged template" => "supported: untagged template literals",
        "regular expression" => "supported: string methods on plain strings",
        "import declaration" | "export declaration" | "dynamic import" | "`import.meta`" => {
            "supported: a single self-contained script or module file; in an ES module on the node-esm, deno and bun hosts, static `import` declarations of Node's builtin modules (`import fs from \"node:fs\"`)"
        }
        "break/continue out of try…finally" => {
            "supported: `break`/`continue` that stay inside the `try`, `catch` or `finally` block, or `return`"
        }
        "`delete` operator" => "supported: property reads and writes",
        "spread arguments in `new`" => "supported: spread arguments in plain and method calls",
        _ => "supported: the subset listed in the README",
    };
    format!("{alt}; {SUBSET}")
}

impl<'s> Compiler<'s> {
    // ----------------------------------------------------------------------------------------
    // Diagnostics

    fn diag(
        &self,
        span: Span,
        construct: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(
            self.file,
            self.lines,
            (span.start, span.end),
            construct,
            message,
            help,
        )
    }

    fn error(
        &mut self,
        span: Span,
        construct: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Reported {
        if self.errors.len() < MAX_ERRORS {
            let d = self.diag(span, construct, message, help);
            self.errors.push(d);
        }
        Reported
    }

    fn unsupported(&mut self, span: Span, construct: &str) -> Reported {
        self.error(
            span,
            construct,
            format!("unsupported construct `{construct}`"),
            help_for(construct),
        )
    }

    fn supported_globals(&self) -> String {
        let mut names: Vec<&str> = Vec::new();
        for name in evloop_model::Host::ALL
            .iter()
            .flat_map(|h| h.global_names())
        {
            if !names.contains(&name) && (self.options.resolve_global)(name).is_some() {
                names.push(name);
            }
        }
        names.extend(["undefined", "NaN", "Infinity"]);
        names.join(", ")
    }

    fn unknown_identifier(&mut self, span: Span, name: &str) -> Reported {
        let help = format!(
            "declare it with `let`, `const`, `var` or `function`; supported globals: {}",
            self.supported_globals()
        );
        self.error(
            span,
            format!("identifier `{name}`"),
            format!("`{name}` is not defined in the supported subset"),
            help,
        )
    }

    // ----------------------------------------------------------------------------------------
    // Emission

    fn emit(&mut self, instr: Instr) -> usize {
        let pos = self.lines.pos(self.cur.start);
        self.f.code.push(instr);
        self.f.positions.push(pos);
        self.f.code.len() - 1
    }

    fn here(&self) -> Addr {
        len_u32(self.f.code.len())
    }

    fn patch(&mut self, at: usize, target: Addr) {
        if let Some(
            Instr::Jump(a)
            | Instr::JumpIfFalse(a)
            | Instr::JumpIfTrue(a)
            | Instr::JumpIfFalseKeep(a)
            | Instr::JumpIfTrueKeep(a)
            | Instr::JumpIfNotNullishKeep(a)
            | Instr::IterNext { exit: a },
        ) = self.f.code.get_mut(at)
        {
            *a = target;
        }
    }

    fn patch_here(&mut self, at: usize) {
        let here = self.here();
        self.patch(at, here);
    }

    fn constant(&mut self, c: Constant) {
        self.emit(Instr::Const(c));
    }

    fn undefined(&mut self) {
        self.constant(Constant::Undefined);
    }

    /// Runs `f` with `span` as the current position and one more level of nesting.
    fn nested<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        if self.depth >= MAX_DEPTH {
            if self.errors.len() < MAX_ERRORS {
                let d = crate::too_deep(self.file, self.lines, (span.start, span.end));
                self.errors.push(d);
            }
            return Err(Reported);
        }
        self.depth += 1;
        let saved = std::mem::replace(&mut self.cur, span);
        let result = f(self);
        self.cur = saved;
        self.depth -= 1;
        result
    }

    /// Runs `f` with `span` as the current position (no extra nesting).
    fn at<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved = std::mem::replace(&mut self.cur, span);
        let result = f(self);
        self.cur = saved;
        result
    }

    // ----------------------------------------------------------------------------------------
    // Scopes and names

    fn resolve(&self, name: &str) -> Option<Resolved> {
        let mut depth = 0u32;
        let functions = std::iter::once(&self.f).chain(self.outer.iter().rev());
        for (i, f) in functions.enumerate() {
            for scope in f.scopes.iter().rev() {
                if let Some(slot) = scope.find(name)
                    && let Some(b) = scope.bindings.get(slot)
                {
                    return Some(Resolved {
                        depth,
                        slot: len_u32(slot),
                        kind: b.kind,
                        same_function: i == 0,
                        init_end: b.init_end,
                    });
                }
                depth = depth.saturating_add(1);
            }
        }
        None
    }

    /// Declares `name` in `scope`, reusing the slot of a compatible earlier declaration.
    fn declare(
        &mut self,
        scope: &mut Scope,
        name: &str,
        kind: BindKind,
        span: Span,
        init_end: u32,
    ) -> R<u32> {
        if let Some(i) = scope.find(name)
            && let Some(existing) = scope.bindings.get_mut(i)
        {
            let both_block_functions =
                existing.kind == BindKind::BlockFunction && kind == BindKind::BlockFunction;
            let both_params = existing.kind == BindKind::Param && kind == BindKind::Param;
            if both_params {
                // `function f(a, a)` (sloppy mode): the last one wins, as a new slot.
                return Ok(scope.add(name, kind, init_end));
            }
            if (existing.kind.is_lexical() || kind.is_lexical()) && !both_block_functions {
                return Err(self.error(
                    span,
                    format!("redeclaration of `{name}`"),
                    format!("`{name}` has already been declared"),
                    "give the second declaration another name",
                ));
            }
            if kind == BindKind::Function && existing.kind == BindKind::Var {
                existing.kind = BindKind::Function;
            }
            return Ok(len_u32(i));
        }
        Ok(scope.add(name, kind, init_end))
    }

    /// The slot of the `%tmp` temporary in the function environment.
    fn tmp(&mut self) -> VarRef {
        let depth = len_u32(self.f.scopes.len().saturating_sub(1));
        let slot = match self.f.tmp_slot {
            Some(s) => s,
            None => {
                let s = self
                    .f
                    .scopes
                    .first_mut()
                    .map_or(0, |s| s.add("%tmp", BindKind::Internal, 0));
                self.f.tmp_slot = Some(s);
                s
            }
        };
        VarRef {
            depth,
            slot,
            tdz_check: false,
        }
    }

    fn load_var(&mut self, r: VarRef) {
        self.emit(Instr::LoadVar {
            depth: r.depth,
            slot: r.slot,
        });
    }

    fn store_var(&mut self, r: VarRef) {
        if r.tdz_check {
            // `StoreVar` initialises a slot in its TDZ; an assignment must throw instead.
            self.load_var(r);
            self.emit(Instr::Pop);
        }
        self.emit(Instr::StoreVar {
            depth: r.depth,
            slot: r.slot,
        });
    }

    /// Resolves an identifier that is written to.
    fn write_ref(&mut self, name: &str, span: Span) -> R<VarRef> {
        match self.resolve(name) {
            Some(r) => match r.kind {
                BindKind::Const | BindKind::FuncName => Err(self.error(
                    span,
                    "assignment to constant",
                    format!("assignment to constant `{name}`"),
                    "declare it with `let` if it is reassigned",
                )),
                kind => Ok(VarRef {
                    depth: r.depth,
                    slot: r.slot,
                    tdz_check: kind == BindKind::Let
                        && !(r.same_function && span.start >= r.init_end),
                }),
            },
            None => {
                let is_global = matches!(name, "undefined" | "NaN" | "Infinity")
                    || (self.options.resolve_global)(name).is_some();
                if is_global {
                    Err(self.error(
                        span,
                        "assignment to a global",
                        format!("assignment to the global `{name}`"),
                        format!("declare a variable instead; {SUBSET}"),
                    ))
                } else {
                    Err(self.unknown_identifier(span, name))
                }
            }
        }
    }

    /// Emits the value of an identifier.
    fn load_identifier(&mut self, name: &str, span: Span) -> R {
        if let Some(r) = self.resolve(name) {
            self.emit(Instr::LoadVar {
                depth: r.depth,
                slot: r.slot,
            });
            return Ok(());
        }
        match name {
            "undefined" => self.undefined(),
            "NaN" => self.constant(Constant::Number(f64::NAN)),
            "Infinity" => self.constant(Constant::Number(f64::INFINITY)),
            _ => match (self.options.resolve_global)(name) {
                Some(g) => {
                    self.emit(Instr::LoadGlobal(g));
                }
                None => return Err(self.unknown_identifier(span, name)),
            },
        }
        Ok(())
    }

    /// The `let`/`const`/function declarations directly in `stmts`; marks them hoisted.
    fn lexical_decls<'b, 'a>(
        &mut self,
        stmts: &'b [ast::Statement<'a>],
        function_top: bool,
    ) -> (Vec<LexDecl<'a>>, Vec<&'b ast::Function<'a>>) {
        let mut decls = Vec::new();
        let mut funcs = Vec::new();
        for s in stmts {
            match s {
                ast::Statement::VariableDeclaration(d)
                    if matches!(
                        d.kind,
                        ast::VariableDeclarationKind::Let | ast::VariableDeclarationKind::Const
                    ) =>
                {
                    self.hoisted.insert((d.span.start, d.span.end));
                    let kind = if d.kind == ast::VariableDeclarationKind::Const {
                        BindKind::Const
                    } else {
                        BindKind::Let
                    };
                    for decl in &d.declarations {
                        if let ast::BindingPattern::BindingIdentifier(id) = &decl.id {
                            decls.push(LexDecl {
                                name: id.name.as_str(),
                                kind,
                                span: id.span,
                                init_end: decl.span.end,
                            });
                        }
                    }
                }
                ast::Statement::FunctionDeclaration(f) => {
                    self.hoisted.insert((f.span.start, f.span.end));
                    if let Some(id) = &f.id {
                        decls.push(LexDecl {
                            name: id.name.as_str(),
                            kind: if function_top {
                                BindKind::Function
                            } else {
                                BindKind::BlockFunction
                            },
                            span: id.span,
                            init_end: 0,
                        });
                        funcs.push(&**f);
                    }
                }
                _ => {}
            }
        }
        (decls, funcs)
    }

    /// Creates the closures of hoisted function declarations (in the innermost scope).
    fn hoist_functions(&mut self, funcs: &[&ast::Function<'_>]) -> R {
        let mut result = Ok(());
        for f in funcs {
            let Some(id) = &f.id else { continue };
            let name = id.name.as_str();
            let r = self.at(f.span, |c| {
                c.function_closure(f, Some(name.into()))?;
                let slot = c.f.scopes.last().and_then(|s| s.find(name)).unwrap_or(0);
                c.emit(Instr::StoreVar {
                    depth: 0,
                    slot: len_u32(slot),
                });
                Ok(())
            });
            if r.is_err() {
                result = r;
            }
        }
        result
    }

    // ----------------------------------------------------------------------------------------
    // Functions

    /// Compiles a function's parameters and body into the current (fresh) [`FuncState`].
    fn function_body(
        &mut self,
        params: Option<&ast::FormalParameters<'_>>,
        body: Body<'_, '_>,
        span: Span,
    ) -> R {
        let mut failed = false;
        let mut scope = Scope::default();
        let mut defaults = Vec::new();
        if let Some(params) = params {
            for p in &params.items {
                match &p.pattern {
                    ast::BindingPattern::BindingIdentifier(id) => {
                        let slot = scope.add(id.name.as_str(), BindKind::Param, 0);
                        if let Some(init) = &p.initializer {
                            defaults.push((slot, &**init, id.name.as_str()));
                        }
                    }
                    _ => return Err(self.unsupported(p.pattern.span(), "destructuring pattern")),
                }
            }
            if let Some(rest) = &params.rest {
                match &rest.rest.argument {
                    ast::BindingPattern::BindingIdentifier(id) => {
                        scope.add(id.name.as_str(), BindKind::Param, 0);
                    }
                    other => return Err(self.unsupported(other.span(), "destructuring pattern")),
                }
            }
        }
        let stmts: &[ast::Statement<'_>] = match body {
            Body::Statements(s) => s,
            Body::Expression(_) => &[],
        };
        // `var` declarations anywhere in the body (not in nested functions).
        let mut vars = Vec::new();
        for s in stmts {
            collect_vars(s, &mut vars, 0);
        }
        let mut var_slots = Vec::new();
        for (name, span) in vars {
            match self.declare(&mut scope, name, BindKind::Var, span, 0) {
                Ok(slot) => var_slots.push(slot),
                Err(_) => failed = true,
            }
        }
        // NODE-4: a module's import bindings (only at the top level of the main module).
        let imports = if self.f.kind == FunctionKind::Script && self.outer.is_empty() {
            let (imports, bad) = self.import_bindings(stmts);
            failed |= bad;
            failed |= self.declare_imports(&mut scope, &imports);
            imports
        } else {
            Vec::new()
        };
        let (decls, funcs) = self.lexical_decls(stmts, true);
        for d in &decls {
            if self
                .declare(&mut scope, d.name, d.kind, d.span, d.init_end)
                .is_err()
            {
                failed = true;
            }
        }
        self.f.scopes.push(scope);

        // Prologue: `var`s start undefined (parameters keep their argument, functions get
        // their closure below).
        var_slots.sort_unstable();
        var_slots.dedup();
        for slot in var_slots {
            let is_var = self
                .f
                .scopes
                .first()
                .and_then(|s| s.bindings.get(slot as usize))
                .is_some_and(|b| b.kind == BindKind::Var);
            if is_var {
                self.undefined();
                self.emit(Instr::StoreVar { depth: 0, slot });
            }
        }
        // Default parameter values: `if (p === undefined) p = default`.
        for (slot, init, name) in defaults {
            let r = self.at(init.span(), |c| {
                c.emit(Instr::LoadVar { depth: 0, slot });
                c.undefined();
                c.emit(Instr::Binary(BinOp::StrictEq));
                let skip = c.emit(Instr::JumpIfFalse(UNPATCHED));
                c.expr_named(init, Some(name.into()))?;
                c.emit(Instr::StoreVar { depth: 0, slot });
                c.patch_here(skip);
                Ok(())
            });
            failed |= r.is_err();
        }
        // NODE-4: imports are initialised before any other code of the module runs.
        failed |= self.initialise_imports(&imports).is_err();
        failed |= self.hoist_functions(&funcs).is_err();

        match body {
            Body::Statements(stmts) => failed |= self.statements(stmts).is_err(),
            Body::Expression(e) => {
                let r = self.expr(e);
                failed |= r.is_err();
                self.at(e.span(), |c| {
                    c.emit(Instr::Return);
                    Ok(())
                })?;
            }
        }
        let end = Span::new(span.end.saturating_sub(1), span.end);
        self.at(end, |c| {
            c.undefined();
            c.emit(Instr::Return);
            Ok(())
        })?;
        if failed { Err(Reported) } else { Ok(()) }
    }

    /// Compiles a nested function and returns its id.
    fn compile_function(
        &mut self,
        span: Span,
        name: Option<Arc<str>>,
        kind: FunctionKind,
        params: &ast::FormalParameters<'_>,
        body: Body<'_, '_>,
    ) -> R<FuncId> {
        let index = self.functions.len();
        let Ok(id) = FuncId::try_from(index) else {
            return Err(self.unsupported(span, "too many functions"));
        };
        self.functions.push(placeholder(kind));
        let outer = std::mem::replace(&mut self.f, FuncState::new(kind));
        self.outer.push(outer);
        let result = self.nested(span, |c| c.function_body(Some(params), body, span));
        let outer = self
            .outer
            .pop()
            .unwrap_or_else(|| FuncState::new(FunctionKind::Script));
        let inner = std::mem::replace(&mut self.f, outer);
        let env_size = inner.scopes.first().map_or(0, Scope::size);
        if let Some(slot) = self.functions.get_mut(index) {
            *slot = ir::Function {
                name,
                kind,
                params: len_u32(params.items.len()),
                rest: params.rest.is_some(),
                env_size,
                code: inner.code,
                positions: inner.positions,
            };
        }
        result.map(|()| id)
    }

    /// Compiles a `function` and emits `MakeClosure` (without the self-name environment).
    fn function_closure(&mut self, f: &ast::Function<'_>, name: Option<Arc<str>>) -> R {
        if f.generator {
            return Err(self.unsupported(f.span, "generator function"));
        }
        let Some(body) = &f.body else {
            return Err(self.unsupported(f.span, "function without a body"));
        };
        let kind = if f.r#async {
            FunctionKind::Async
        } else {
            FunctionKind::Normal
        };
        let id = self.compile_function(
            f.span,
            name,
            kind,
            &f.params,
            Body::Statements(&body.statements),
        )?;
        self.emit(Instr::MakeClosure(id));
        Ok(())
    }

    /// A function expression: a named one can refer to itself through an environment holding
    /// just its name, between the closure and the enclosing environment.
    fn function_expression(&mut self, f: &ast::Function<'_>, hint: Option<Arc<str>>) -> R {
        let Some(id) = &f.id else {
            return self.function_closure(f, hint);
        };
        let name = id.name.as_str();
        let mut scope = Scope::default();
        scope.add(name, BindKind::FuncName, 0);
        self.emit(Instr::PushEnv { size: 1 });
        self.f.scopes.push(scope);
        let result = self.function_closure(f, Some(name.into()));
        self.f.scopes.pop();
        result?;
        self.emit(Instr::Dup);
        self.emit(Instr::StoreVar { depth: 0, slot: 0 });
        self.emit(Instr::PopEnv);
        Ok(())
    }

    fn arrow(&mut self, a: &ast::ArrowFunctionExpression<'_>, hint: Option<Arc<str>>) -> R {
        let kind = if a.r#async {
            FunctionKind::AsyncArrow
        } else {
            FunctionKind::Arrow
        };
        let body = match (a.get_expression(), a.get_function_body()) {
            (Some(e), _) => Body::Expression(e),
            (None, Some(b)) => Body::Statements(&b.statements),
            (None, None) => return Err(self.unsupported(a.span, "arrow function")),
        };
        let id = self.compile_function(a.span, hint, kind, &a.params, body)?;
        self.emit(Instr::MakeClosure(id));
        Ok(())
    }

    // ----------------------------------------------------------------------------------------
    // Statements

    /// Compiles a statement list, recovering after a failed statement.
    fn statements(&mut self, stmts: &[ast::Statement<'_>]) -> R {
        let mut failed = false;
        for s in stmts {
            let (scopes, ctl) = (self.f.scopes.len(), self.f.ctl.len());
            if self.statement(s).is_err() {
                failed = true;
                self.f.scopes.truncate(scopes);
                self.f.ctl.truncate(ctl);
                if self.errors.len() >= MAX_ERRORS {
                    break;
                }
            }
        }
        if failed { Err(Reported) } else { Ok(()) }
    }

    /// A block: its own environment when it declares `let`/`const`/functions.
    fn block(&mut self, stmts: &[ast::Statement<'_>]) -> R {
        let (decls, funcs) = self.lexical_decls(stmts, false);
        if decls.is_empty() {
            return self.statements(stmts);
        }
        let mut scope = Scope::default();
        for d in &decls {
            self.declare(&mut scope, d.name, d.kind, d.span, d.init_end)?;
        }
        self.emit(Instr::PushEnv { size: scope.size() });
        self.f.scopes.push(scope);
        self.f.ctl.push(Ctl::Env);
        let hoisted = self.hoist_functions(&funcs);
        let body = self.statements(stmts);
        self.f.ctl.pop();
        self.f.scopes.pop();
        self.emit(Instr::PopEnv);
        hoisted.and(body)
    }

    fn statement(&mut self, s: &ast::Statement<'_>) -> R {
        self.nested(s.span(), |c| c.statement_inner(s))
    }

    fn statement_inner(&mut self, s: &ast::Statement<'_>) -> R {
        use ast::Statement as S;
        match s {
            S::BlockStatement(b) => self.block(&b.body),
            S::EmptyStatement(_) => Ok(()),
            S::ExpressionStatement(e) => {
                self.expr(&e.expression)?;
                self.emit(Instr::Pop);
                Ok(())
            }
            S::VariableDeclaration(d) => {
                if d.kind != ast::VariableDeclarationKind::Var
                    && !self.hoisted.contains(&(d.span.start, d.span.end))
                {
                    return Err(self.unsupported(d.span, "lexical declaration as a statement body"));
                }
                self.variable_declaration(d)
            }
            S::FunctionDeclaration(f) => {
                if self.hoisted.contains(&(f.span.start, f.span.end)) {
                    Ok(())
                } else {
                    Err(self.unsupported(f.span, "function declaration as a statement body"))
                }
            }
            S::IfStatement(i) => {
                self.expr(&i.test)?;
                let to_else = self.emit(Instr::JumpIfFalse(UNPATCHED));
                self.statement(&i.consequent)?;
                match &i.alternate {
                    Some(alt) => {
                        let to_end = self.emit(Instr::Jump(UNPATCHED));
                        self.patch_here(to_else);
                        self.statement(alt)?;
                        self.patch_here(to_end);
                    }
                    None => self.patch_here(to_else),
                }
                Ok(())
            }
            S::WhileStatement(w) => {
                let top = self.here();
                self.expr(&w.test)?;
                let exit = self.emit(Instr::JumpIfFalse(UNPATCHED));
                self.f.ctl.push(Ctl::Loop(LoopCtl {
                    cont_target: Some(top),
                    ..LoopCtl::default()
                }));
                self.statement(&w.body)?;
                let l = self.pop_loop();
                self.emit(Instr::Loop(top));
                self.patch_here(exit);
                self.patch_all(&l.breaks);
                Ok(())
            }
            S::DoWhileStatement(d) => {
                let top = self.here();
                self.f.ctl.push(Ctl::Loop(LoopCtl::default()));
                self.statement(&d.body)?;
                let l = self.pop_loop();
                self.patch_all(&l.continues);
                self.expr(&d.test)?;
                let exit = self.emit(Instr::JumpIfFalse(UNPATCHED));
                self.emit(Instr::Loop(top));
                self.patch_here(exit);
                self.patch_all(&l.breaks);
                Ok(())
            }
            S::ForStatement(f) => self.for_statement(f),
            S::ForOfStatement(f) => self.for_of(f),
            S::ForInStatement(f) => Err(self.unsupported(f.span, "for-in loop")),
            S::BreakStatement(b) => {
                if b.label.is_some() {
                    return Err(self.unsupported(b.span, "labeled break"));
                }
                self.jump_out(true, b.span)
            }
            S::ContinueStatement(b) => {
                if b.label.is_some() {
                    return Err(self.unsupported(b.span, "labeled continue"));
                }
                self.jump_out(false, b.span)
            }
            S::ReturnStatement(r) => {
                match &r.argument {
                    Some(a) => self.expr(a)?,
                    None => self.undefined(),
                }
                self.emit(Instr::Return);
                Ok(())
            }
            S::ThrowStatement(t) => {
                self.expr(&t.argument)?;
                self.emit(Instr::Throw);
                Ok(())
            }
            S::TryStatement(t) => self.try_statement(t),
            S::DebuggerStatement(d) => Err(self.unsupported(d.span, "debugger statement")),
            S::LabeledStatement(l) => Err(self.unsupported(l.span, "labeled statement")),
            S::SwitchStatement(w) => Err(self.unsupported(w.span, "switch statement")),
            S::WithStatement(w) => Err(self.unsupported(w.span, "with statement")),
            S::ClassDeclaration(c) => Err(self.unsupported(c.span, "class declaration")),
            // NODE-4: bound and initialised in the module's prologue (`import_bindings`).
            S::ImportDeclaration(i) if self.hoisted.contains(&(i.span.start, i.span.end)) => Ok(()),
            S::ImportDeclaration(i) => Err(self.unsupported(i.span, "import declaration")),
            S::ExportAllDeclaration(_)
            | S::ExportDefaultDeclaration(_)
            | S::ExportNamedDeclaration(_)
            | S::ExportDeclaration(_)
            | S::ExportFromDeclaration(_) => Err(self.unsupported(s.span(), "export declaration")),
            _ => Err(self.unsupported(s.span(), "TypeScript syntax")),
        }
    }

    fn pop_loop(&mut self) -> LoopCtl {
        match self.f.ctl.pop() {
            Some(Ctl::Loop(l)) => l,
            _ => LoopCtl::default(),
        }
    }

    fn patch_all(&mut self, jumps: &[usize]) {
        for &j in jumps {
            self.patch_here(j);
        }
    }

    fn variable_declaration(&mut self, d: &ast::VariableDeclaration<'_>) -> R {
        use ast::VariableDeclarationKind as K;
        if matches!(d.kind, K::Using | K::AwaitUsing) {
            return Err(self.unsupported(d.span, "`using` declaration"));
        }
        for decl in &d.declarations {
            let ast::BindingPattern::BindingIdentifier(id) = &decl.id else {
                return Err(self.unsupported(decl.id.span(), "destructuring pattern"));
            };
            let name = id.name.as_str();
            self.at(decl.span, |c| {
                match (&decl.init, d.kind) {
                    (Some(init), _) => c.expr_named(init, Some(name.into()))?,
                    (None, K::Var) => return Ok(()),
                    (None, K::Const) => {
                        return Err(c.error(
                            decl.span,
                            "syntax error",
                            "missing initializer in const declaration",
                            "write `const x = value`",
                        ));
                    }
                    (None, _) => c.undefined(),
                }
                c.initialize(name, id.span, d.kind)
            })?;
        }
        Ok(())
    }

    /// Stores the value on the stack into a freshly declared binding.
    fn initialize(&mut self, name: &str, span: Span, kind: ast::VariableDeclarationKind) -> R {
        let Some(r) = self.resolve(name) else {
            return Err(self.unknown_identifier(span, name));
        };
        let ok = match kind {
            ast::VariableDeclarationKind::Var => {
                r.same_function
                    && matches!(
                        r.kind,
                        BindKind::Var | BindKind::Param | BindKind::Function | BindKind::Catch
                    )
            }
            _ => r.same_function && r.depth == 0,
        };
        if !ok {
            return Err(self.error(
                span,
                format!("redeclaration of `{name}`"),
                format!("`{name}` has already been declared"),
                "give the second declaration another name",
            ));
        }
        self.emit(Instr::StoreVar {
            depth: r.depth,
            slot: r.slot,
        });
        Ok(())
    }

    /// `break` (`is_break`) or `continue`: undoes environments and handlers up to the
    /// innermost loop, then jumps.
    fn jump_out(&mut self, is_break: bool, span: Span) -> R {
        let mut undo = Vec::new();
        let mut target = None;
        let mut crosses_finally = false;
        for (i, c) in self.f.ctl.iter().enumerate().rev() {
            match c {
                Ctl::Env => undo.push(Instr::PopEnv),
                Ctl::Handler { finally: false } => undo.push(Instr::PopHandler),
                Ctl::Handler { finally: true } | Ctl::Finally => {
                    crosses_finally = true;
                    break;
                }
                Ctl::Loop(l) => {
                    target = Some((i, l.for_of, l.iter_env, l.cont_target));
                    break;
                }
            }
        }
        if crosses_finally {
            return Err(self.unsupported(span, "break/continue out of try…finally"));
        }
        let Some((index, for_of, iter_env, cont_target)) = target else {
            let what = if is_break { "break" } else { "continue" };
            return Err(self.error(
                span,
                "syntax error",
                format!("`{what}` outside of a loop"),
                format!("`{what}` is only supported inside `for`, `while` and `do` loops"),
            ));
        };
        for instr in undo {
            self.emit(instr);
        }
        let jump = if is_break {
            if for_of {
                if iter_env {
                    self.emit(Instr::PopEnv);
                }
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
            }
            Some(self.emit(Instr::Jump(UNPATCHED)))
        } else if let Some(top) = cont_target {
            self.emit(Instr::Loop(top));
            None
        } else {
            Some(self.emit(Instr::Jump(UNPATCHED)))
        };
        if let Some(j) = jump
            && let Some(Ctl::Loop(l)) = self.f.ctl.get_mut(index)
        {
            if is_break {
                l.breaks.push(j);
            } else {
                l.continues.push(j);
            }
        }
        Ok(())
    }

    fn for_statement(&mut self, f: &ast::ForStatement<'_>) -> R {
        let mut head_env = false;
        let mut per_iteration = false;
        if let Some(ast::ForStatementInit::VariableDeclaration(d)) = &f.init
            && d.kind != ast::VariableDeclarationKind::Var
        {
            let mut scope = Scope::default();
            let kind = if d.kind == ast::VariableDeclarationKind::Const {
                BindKind::Const
            } else {
                BindKind::Let
            };
            for decl in &d.declarations {
                let ast::BindingPattern::BindingIdentifier(id) = &decl.id else {
                    return Err(self.unsupported(decl.id.span(), "destructuring pattern"));
                };
                self.declare(&mut scope, id.name.as_str(), kind, id.span, decl.span.end)?;
            }
            self.emit(Instr::PushEnv { size: scope.size() });
            self.f.scopes.push(scope);
            self.f.ctl.push(Ctl::Env);
            head_env = true;
            per_iteration = kind == BindKind::Let;
        }
        match &f.init {
            Some(ast::ForStatementInit::VariableDeclaration(d)) => {
                self.variable_declaration(d)?;
            }
            Some(init) => {
                if let Some(e) = init.as_expression() {
                    self.expr(e)?;
                    self.emit(Instr::Pop);
                }
            }
            None => {}
        }
        if per_iteration {
            self.emit(Instr::CopyEnv);
        }
        let top = self.here();
        let exit = match &f.test {
            Some(t) => {
                self.expr(t)?;
                Some(self.emit(Instr::JumpIfFalse(UNPATCHED)))
            }
            None => None,
        };
        self.f.ctl.push(Ctl::Loop(LoopCtl::default()));
        self.statement(&f.body)?;
        let l = self.pop_loop();
        self.patch_all(&l.continues);
        if per_iteration {
            self.emit(Instr::CopyEnv);
        }
        if let Some(u) = &f.update {
            self.expr(u)?;
            self.emit(Instr::Pop);
        }
        self.emit(Instr::Loop(top));
        if let Some(exit) = exit {
            self.patch_here(exit);
        }
        self.patch_all(&l.breaks);
        if head_env {
            self.f.ctl.pop();
            self.f.scopes.pop();
            self.emit(Instr::PopEnv);
        }
        Ok(())
    }

    fn for_of(&mut self, f: &ast::ForOfStatement<'_>) -> R {
        if f.r#await {
            return Err(self.unsupported(f.span, "for await loop"));
        }
        // The binding: a declaration (per-iteration environment for let/const) or a target.
        let mut lexical: Option<(&str, Span, BindKind, u32)> = None;
        let mut var_name: Option<(&str, Span)> = None;
        let mut target: Option<&ast::AssignmentTarget<'_>> = None;
        match &f.left {
            ast::ForStatementLeft::VariableDeclaration(d) => {
                let Some(decl) = d.declarations.first() else {
                    return Err(self.unsupported(d.span, "for-of declaration"));
                };
                let ast::BindingPattern::BindingIdentifier(id) = &decl.id else {
                    return Err(self.unsupported(decl.id.span(), "destructuring pattern"));
                };
                match d.kind {
                    ast::VariableDeclarationKind::Var => {
                        var_name = Some((id.name.as_str(), id.span))
                    }
                    ast::VariableDeclarationKind::Let => {
                        lexical = Some((id.name.as_str(), id.span, BindKind::Let, d.span.end));
                    }
                    ast::VariableDeclarationKind::Const => {
                        lexical = Some((id.name.as_str(), id.span, BindKind::Const, d.span.end));
                    }
                    _ => return Err(self.unsupported(d.span, "`using` declaration")),
                }
            }
            other => {
                if let Some(t) = other.as_assignment_target() {
                    target = Some(t);
                }
            }
        }
        self.expr(&f.right)?;
        self.emit(Instr::IterInit);
        let top = self.here();
        let next = self.emit(Instr::IterNext { exit: UNPATCHED });
        let iter_env = lexical.is_some();
        if let Some((name, span, kind, init_end)) = lexical {
            let mut scope = Scope::default();
            scope.add(name, kind, init_end);
            self.at(span, |c| {
                c.emit(Instr::PushEnv { size: 1 });
                c.emit(Instr::StoreVar { depth: 0, slot: 0 });
                Ok(())
            })?;
            self.f.scopes.push(scope);
        } else if let Some((name, span)) = var_name {
            self.at(span, |c| {
                c.initialize(name, span, ast::VariableDeclarationKind::Var)
            })?;
        } else if let Some(t) = target {
            self.at(t.span(), |c| c.assign_top(t))?;
        } else {
            return Err(self.unsupported(f.left.span(), "for-of binding"));
        }
        self.f.ctl.push(Ctl::Loop(LoopCtl {
            for_of: true,
            iter_env,
            ..LoopCtl::default()
        }));
        self.statement(&f.body)?;
        let l = self.pop_loop();
        self.patch_all(&l.continues);
        if iter_env {
            self.f.scopes.pop();
            self.emit(Instr::PopEnv);
        }
        self.emit(Instr::Loop(top));
        self.patch_here(next);
        self.patch_all(&l.breaks);
        Ok(())
    }

    fn try_statement(&mut self, t: &ast::TryStatement<'_>) -> R {
        let has_catch = t.handler.is_some();
        let has_finally = t.finalizer.is_some();
        let push = self.emit(Instr::PushHandler {
            catch: None,
            finally: None,
        });
        self.f.ctl.push(Ctl::Handler {
            finally: has_finally,
        });
        self.block(&t.block.body)?;
        self.f.ctl.pop();
        self.emit(Instr::PopHandler);
        let mut to_finally = Vec::new();
        let mut to_end = Vec::new();
        if has_finally {
            self.emit(Instr::EnterFinally);
            if has_catch {
                to_finally.push(self.emit(Instr::Jump(UNPATCHED)));
            }
        } else {
            to_end.push(self.emit(Instr::Jump(UNPATCHED)));
        }
        let mut inner_push = None;
        let catch_addr = match &t.handler {
            Some(h) => {
                let addr = self.here();
                self.at(h.span, |c| {
                    if has_finally {
                        inner_push = Some(c.emit(Instr::PushHandler {
                            catch: None,
                            finally: None,
                        }));
                        c.f.ctl.push(Ctl::Handler { finally: true });
                    }
                    c.catch_clause(h)?;
                    if has_finally {
                        c.f.ctl.pop();
                        c.emit(Instr::PopHandler);
                        c.emit(Instr::EnterFinally);
                    }
                    // Either way the next instruction is where the catch block goes: the
                    // finally block, or the end of the statement.
                    Ok(())
                })?;
                Some(addr)
            }
            None => None,
        };
        let finally_addr = match &t.finalizer {
            Some(fin) => {
                let addr = self.here();
                self.f.ctl.push(Ctl::Finally);
                self.block(&fin.body)?;
                self.f.ctl.pop();
                self.emit(Instr::EndFinally);
                Some(addr)
            }
            None => None,
        };
        if let Some(i) = self.f.code.get_mut(push) {
            *i = Instr::PushHandler {
                catch: catch_addr,
                finally: finally_addr,
            };
        }
        if let Some(at) = inner_push
            && let Some(i) = self.f.code.get_mut(at)
        {
            *i = Instr::PushHandler {
                catch: None,
                finally: finally_addr,
            };
        }
        if let Some(fa) = finally_addr {
            for j in to_finally {
                self.patch(j, fa);
            }
        }
        self.patch_all(&to_end);
        Ok(())
    }

    /// The catch clause, entered with the exception on the stack.
    fn catch_clause(&mut self, h: &ast::CatchClause<'_>) -> R {
        let stmts = &h.body.body;
        let (decls, funcs) = self.lexical_decls(stmts, false);
        let mut scope = Scope::default();
        let mut param_slot = None;
        if let Some(p) = &h.param {
            let ast::BindingPattern::BindingIdentifier(id) = &p.pattern else {
                return Err(self.unsupported(p.pattern.span(), "destructuring pattern"));
            };
            param_slot = Some(scope.add(id.name.as_str(), BindKind::Catch, 0));
        }
        for d in &decls {
            self.declare(&mut scope, d.name, d.kind, d.span, d.init_end)?;
        }
        if scope.bindings.is_empty() {
            self.emit(Instr::Pop);
            return self.statements(stmts);
        }
        self.emit(Instr::PushEnv { size: scope.size() });
        match param_slot {
            Some(slot) => self.emit(Instr::StoreVar { depth: 0, slot }),
            None => self.emit(Instr::Pop),
        };
        self.f.scopes.push(scope);
        self.f.ctl.push(Ctl::Env);
        let hoisted = self.hoist_functions(&funcs);
        let body = self.statements(stmts);
        self.f.ctl.pop();
        self.f.scopes.pop();
        self.emit(Instr::PopEnv);
        hoisted.and(body)
    }

    // ----------------------------------------------------------------------------------------
    // Expressions

    fn expr(&mut self, e: &ast::Expression<'_>) -> R {
        self.expr_named(e, None)
    }

    /// An expression; `hint` names an anonymous function or arrow (`const f = () => {}`).
    fn expr_named(&mut self, e: &ast::Expression<'_>, hint: Option<Arc<str>>) -> R {
        self.nested(e.span(), |c| c.expr_inner(e, hint))
    }

    fn expr_inner(&mut self, e: &ast::Expression<'_>, hint: Option<Arc<str>>) -> R {
        use ast::Expression as E;
        match e {
            E::BooleanLiteral(b) => self.constant(Constant::Bool(b.value)),
            E::NullLiteral(_) => self.constant(Constant::Null),
            E::NumericLiteral(n) => self.constant(Constant::Number(n.value)),
            E::StringLiteral(s) => {
                if s.lone_surrogates {
                    return Err(self.unsupported(s.span, "string with lone surrogates"));
                }
                self.constant(Constant::String(s.value.as_str().into()));
            }
            E::TemplateLiteral(t) => self.template(t)?,
            E::Identifier(id) => self.load_identifier(id.name.as_str(), id.span)?,
            E::ThisExpression(_) => {
                self.emit(Instr::LoadThis);
            }
            // Parentheses keep the name hint: `const f = (() => {})` is named `f`.
            E::ParenthesizedExpression(p) => self.expr_named(&p.expression, hint)?,
            E::ArrayExpression(a) => self.array(a)?,
            E::ObjectExpression(o) => self.object(o)?,
            E::FunctionExpression(f) => self.function_expression(f, hint)?,
            E::ArrowFunctionExpression(a) => self.arrow(a, hint)?,
            E::UnaryExpression(u) => self.unary(u)?,
            E::UpdateExpression(u) => self.update(u)?,
            E::BinaryExpression(_) => self.binary_chain(e)?,
            E::LogicalExpression(_) => self.logical_chain(e)?,
            E::ConditionalExpression(c) => {
                self.expr(&c.test)?;
                let to_else = self.emit(Instr::JumpIfFalse(UNPATCHED));
                self.expr(&c.consequent)?;
                let to_end = self.emit(Instr::Jump(UNPATCHED));
                self.patch_here(to_else);
                self.expr(&c.alternate)?;
                self.patch_here(to_end);
            }
            E::AssignmentExpression(a) => self.assignment(a)?,
            E::SequenceExpression(s) => {
                let n = s.expressions.len();
                for (i, x) in s.expressions.iter().enumerate() {
                    self.expr(x)?;
                    if i + 1 < n {
                        self.emit(Instr::Pop);
                    }
                }
                if n == 0 {
                    self.undefined();
                }
            }
            E::StaticMemberExpression(m) => {
                if m.optional {
                    return Err(self.unsupported(m.span, "optional chaining"));
                }
                self.expr(&m.object)?;
                self.emit(Instr::GetProp(m.property.name.as_str().into()));
            }
            E::ComputedMemberExpression(m) => {
                if m.optional {
                    return Err(self.unsupported(m.span, "optional chaining"));
                }
                self.expr(&m.object)?;
                self.expr(&m.expression)?;
                self.emit(Instr::GetIndex);
            }
            E::CallExpression(call) => self.call(call)?,
            E::NewExpression(n) => {
                self.expr(&n.callee)?;
                match self.arguments(&n.arguments)? {
                    Some(argc) => {
                        self.emit(Instr::New { argc });
                    }
                    None => return Err(self.unsupported(n.span, "spread arguments in `new`")),
                }
            }
            E::AwaitExpression(a) => {
                let allowed = self.f.kind.is_async()
                    || (self.f.kind == FunctionKind::Script && self.options.is_module);
                if !allowed {
                    let help = if self.f.kind == FunctionKind::Script {
                        "top-level `await` is only supported in modules; wrap the code in an `async function` or compile as a module"
                    } else {
                        "mark the enclosing function `async`"
                    };
                    return Err(self.error(
                        a.span,
                        "`await` outside an async function",
                        "`await` is only valid in async functions and at the top level of modules",
                        help,
                    ));
                }
                self.expr(&a.argument)?;
                self.emit(Instr::Await);
            }
            E::RegExpLiteral(r) => return Err(self.unsupported(r.span, "regular expression")),
            E::BigIntLiteral(b) => return Err(self.unsupported(b.span, "BigInt literal")),
            E::ClassExpression(c) => return Err(self.unsupported(c.span, "class expression")),
            E::ChainExpression(c) => return Err(self.unsupported(c.span, "optional chaining")),
            E::TaggedTemplateExpression(t) => {
                return Err(self.unsupported(t.span, "tagged template"));
            }
            E::Super(s) => return Err(self.unsupported(s.span, "`super`")),
            E::YieldExpression(y) => return Err(self.unsupported(y.span, "`yield`")),
            E::ImportExpression(i) => return Err(self.unsupported(i.span, "dynamic import")),
            E::ImportMeta(m) => return Err(self.unsupported(m.span, "`import.meta`")),
            E::NewTarget(n) => return Err(self.unsupported(n.span, "`new.target`")),
            E::PrivateFieldExpression(p) => return Err(self.unsupported(p.span, "private field")),
            E::PrivateInExpression(p) => return Err(self.unsupported(p.span, "private field")),
            E::JSXElement(_) | E::JSXFragment(_) => {
                return Err(self.unsupported(e.span(), "JSX"));
            }
            _ => return Err(self.unsupported(e.span(), "TypeScript syntax")),
        }
        Ok(())
    }

    fn template(&mut self, t: &ast::TemplateLiteral<'_>) -> R {
        let mut emitted = false;
        let mut quasis = t.quasis.iter();
        self.template_quasi(quasis.next(), t.expressions.is_empty(), &mut emitted)?;
        for e in &t.expressions {
            self.expr(e)?;
            self.at(e.span(), |c| {
                c.emit(Instr::ToStr);
                Ok(())
            })?;
            if emitted {
                self.emit(Instr::Binary(BinOp::Add));
            }
            emitted = true;
            self.template_quasi(quasis.next(), false, &mut emitted)?;
        }
        if !emitted {
            self.constant(Constant::String("".into()));
        }
        Ok(())
    }

    /// One literal part of a template (skipped when empty unless `force`).
    fn template_quasi(
        &mut self,
        q: Option<&ast::TemplateElement<'_>>,
        force: bool,
        emitted: &mut bool,
    ) -> R {
        let Some(q) = q else { return Ok(()) };
        let Some(cooked) = &q.value.cooked else {
            return Err(self.unsupported(q.span, "invalid escape in template"));
        };
        if q.lone_surrogates {
            return Err(self.unsupported(q.span, "string with lone surrogates"));
        }
        if cooked.is_empty() && !force {
            return Ok(());
        }
        self.at(q.span, |c| {
            c.constant(Constant::String(cooked.as_str().into()));
            if *emitted {
                c.emit(Instr::Binary(BinOp::Add));
            }
            Ok(())
        })?;
        *emitted = true;
        Ok(())
    }

    fn array(&mut self, a: &ast::ArrayExpression<'_>) -> R {
        let spread = a
            .elements
            .iter()
            .any(|e| matches!(e, ast::ArrayExpressionElement::SpreadElement(_)));
        if !spread {
            for el in &a.elements {
                match el {
                    ast::ArrayExpressionElement::Elision(_) => self.undefined(),
                    other => match other.as_expression() {
                        Some(x) => self.expr(x)?,
                        None => return Err(self.unsupported(other.span(), "array element")),
                    },
                }
            }
            self.emit(Instr::NewArray {
                len: len_u32(a.elements.len()),
            });
            return Ok(());
        }
        self.emit(Instr::NewArray { len: 0 });
        for el in &a.elements {
            match el {
                ast::ArrayExpressionElement::SpreadElement(s) => {
                    self.expr(&s.argument)?;
                    self.emit(Instr::ArraySpread);
                }
                ast::ArrayExpressionElement::Elision(_) => {
                    self.undefined();
                    self.emit(Instr::ArrayPush);
                }
                other => match other.as_expression() {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Instr::ArrayPush);
                    }
                    None => return Err(self.unsupported(other.span(), "array element")),
                },
            }
        }
        Ok(())
    }

    /// Pushes call arguments: `Some(argc)` when pushed one by one, `None` when collected in
    /// an array because of a spread.
    fn arguments(&mut self, args: &[ast::Argument<'_>]) -> R<Option<u32>> {
        let spread = args
            .iter()
            .any(|a| matches!(a, ast::Argument::SpreadElement(_)));
        if !spread {
            for a in args {
                match a.as_expression() {
                    Some(x) => self.expr(x)?,
                    None => return Err(self.unsupported(a.span(), "argument")),
                }
            }
            return Ok(Some(len_u32(args.len())));
        }
        self.emit(Instr::NewArray { len: 0 });
        for a in args {
            match a {
                ast::Argument::SpreadElement(s) => {
                    self.expr(&s.argument)?;
                    self.emit(Instr::ArraySpread);
                }
                other => match other.as_expression() {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Instr::ArrayPush);
                    }
                    None => return Err(self.unsupported(other.span(), "argument")),
                },
            }
        }
        Ok(None)
    }

    fn call(&mut self, call: &ast::CallExpression<'_>) -> R {
        if call.optional {
            return Err(self.unsupported(call.span, "optional chaining"));
        }
        let callee = unparen(&call.callee);
        let method = match callee {
            ast::Expression::StaticMemberExpression(m) => {
                if m.optional {
                    return Err(self.unsupported(m.span, "optional chaining"));
                }
                self.expr(&m.object)?;
                self.at(m.span, |c| {
                    c.emit(Instr::Dup);
                    c.emit(Instr::GetProp(m.property.name.as_str().into()));
                    Ok(())
                })?;
                true
            }
            ast::Expression::ComputedMemberExpression(m) => {
                if m.optional {
                    return Err(self.unsupported(m.span, "optional chaining"));
                }
                self.expr(&m.object)?;
                self.at(m.span, |c| {
                    c.emit(Instr::Dup);
                    Ok(())
                })?;
                self.expr(&m.expression)?;
                self.at(m.span, |c| {
                    c.emit(Instr::GetIndex);
                    Ok(())
                })?;
                true
            }
            ast::Expression::Super(s) => return Err(self.unsupported(s.span, "`super`")),
            _ => {
                self.expr(callee)?;
                false
            }
        };
        let instr = match (self.arguments(&call.arguments)?, method) {
            (Some(argc), false) => Instr::Call { argc },
            (Some(argc), true) => Instr::CallMethod { argc },
            (None, false) => Instr::CallSpread,
            (None, true) => Instr::CallMethodSpread,
        };
        self.emit(instr);
        Ok(())
    }

    fn object(&mut self, o: &ast::ObjectExpression<'_>) -> R {
        self.emit(Instr::NewObject);
        for p in &o.properties {
            let p = match p {
                ast::ObjectPropertyKind::ObjectProperty(p) => p,
                ast::ObjectPropertyKind::SpreadProperty(s) => {
                    return Err(self.unsupported(s.span, "object spread"));
                }
            };
            self.at(p.span, |c| c.property(p))?;
        }
        Ok(())
    }

    /// The name of a non-computed property key (`a`, `"a"`, `1`), if it has a simple one.
    fn static_key(key: &ast::PropertyKey<'_>, computed: bool) -> Option<Arc<str>> {
        if computed {
            return None;
        }
        match key {
            ast::PropertyKey::StaticIdentifier(id) => Some(id.name.as_str().into()),
            ast::PropertyKey::StringLiteral(s) if !s.lone_surrogates => {
                Some(s.value.as_str().into())
            }
            ast::PropertyKey::NumericLiteral(n)
                if n.value.fract() == 0.0 && n.value >= 0.0 && n.value < 1e15 =>
            {
                // Integral keys print as integers (`1.0` is the key "1").
                Some(format!("{}", n.value as u64).into())
            }
            _ => None,
        }
    }

    fn property(&mut self, p: &ast::ObjectProperty<'_>) -> R {
        if let ast::PropertyKey::PrivateIdentifier(id) = &p.key {
            return Err(self.unsupported(id.span, "private field"));
        }
        let key = Self::static_key(&p.key, p.computed);
        if let ast::Expression::FunctionExpression(f) = &p.value
            && f.generator
        {
            return Err(self.unsupported(p.span, "generator method"));
        }
        match p.kind {
            ast::PropertyKind::Init => match key {
                Some(name) => {
                    if &*name == "__proto__" && !p.computed && !p.shorthand && !p.method {
                        return Err(self.unsupported(p.span, "`__proto__` in object literal"));
                    }
                    self.expr_named(&p.value, Some(name.clone()))?;
                    self.emit(Instr::DefineField(name));
                }
                None => {
                    match p.key.as_expression() {
                        Some(k) => self.expr(k)?,
                        None => return Err(self.unsupported(p.key.span(), "property key")),
                    }
                    self.expr(&p.value)?;
                    self.emit(Instr::DefineIndex);
                }
            },
            kind @ (ast::PropertyKind::Get | ast::PropertyKind::Set) => {
                let Some(name) = key else {
                    return Err(self.unsupported(p.key.span(), "computed getter or setter name"));
                };
                let get = kind == ast::PropertyKind::Get;
                let fname = format!("{} {name}", if get { "get" } else { "set" });
                self.expr_named(&p.value, Some(fname.into()))?;
                self.emit(if get {
                    Instr::DefineGetter(name)
                } else {
                    Instr::DefineSetter(name)
                });
            }
        }
        Ok(())
    }

    fn unary(&mut self, u: &ast::UnaryExpression<'_>) -> R {
        let op = match u.operator {
            UnaryOperator::UnaryNegation => {
                if let ast::Expression::NumericLiteral(n) = &u.argument {
                    self.constant(Constant::Number(-n.value));
                    return Ok(());
                }
                UnOp::Neg
            }
            UnaryOperator::UnaryPlus => UnOp::Plus,
            UnaryOperator::LogicalNot => UnOp::Not,
            UnaryOperator::BitwiseNot => UnOp::BitNot,
            UnaryOperator::Void => UnOp::Void,
            UnaryOperator::Typeof => {
                // `typeof undeclared` is "undefined" rather than an error.
                if let ast::Expression::Identifier(id) = unparen(&u.argument) {
                    let name = id.name.as_str();
                    let known = self.resolve(name).is_some()
                        || matches!(name, "undefined" | "NaN" | "Infinity")
                        || (self.options.resolve_global)(name).is_some();
                    if !known {
                        self.constant(Constant::String("undefined".into()));
                        return Ok(());
                    }
                }
                UnOp::TypeOf
            }
            UnaryOperator::Delete => return Err(self.unsupported(u.span, "`delete` operator")),
        };
        self.expr(&u.argument)?;
        self.emit(Instr::Unary(op));
        Ok(())
    }

    /// A chain of binary operators, compiled along its left spine without recursion
    /// (`a + b + c + …` nests to the left).
    fn binary_chain(&mut self, e: &ast::Expression<'_>) -> R {
        let mut spine = Vec::new();
        let mut left = e;
        while let ast::Expression::BinaryExpression(b) = left {
            spine.push(&**b);
            left = &b.left;
        }
        self.expr(left)?;
        for b in spine.iter().rev() {
            self.at(b.span, |c| {
                c.expr(&b.right)?;
                c.emit(Instr::Binary(binop(b.operator)));
                Ok(())
            })?;
        }
        Ok(())
    }

    /// `a || b`, `a && b`, `a ?? b` chains, along the left spine.
    fn logical_chain(&mut self, e: &ast::Expression<'_>) -> R {
        let mut spine = Vec::new();
        let mut left = e;
        while let ast::Expression::LogicalExpression(l) = left {
            spine.push(&**l);
            left = &l.left;
        }
        self.expr(left)?;
        for l in spine.iter().rev() {
            self.at(l.span, |c| {
                let skip = c.emit(short_circuit(l.operator));
                c.expr(&l.right)?;
                c.patch_here(skip);
                Ok(())
            })?;
        }
        Ok(())
    }

    /// The place of a simple assignment target (`x`, `o.x`, `o[k]`).
    fn place<'b, 'a>(&mut self, t: &'b ast::SimpleAssignmentTarget<'a>) -> R<Place<'b, 'a>> {
        if let ast::SimpleAssignmentTarget::AssignmentTargetIdentifier(id) = t {
            return Ok(Place::Var(self.write_ref(id.name.as_str(), id.span)?));
        }
        match t.as_member_expression() {
            Some(ast::MemberExpression::StaticMemberExpression(m)) => {
                Ok(Place::Static(&m.object, m.property.name.as_str().into()))
            }
            Some(ast::MemberExpression::ComputedMemberExpression(m)) => {
                Ok(Place::Computed(&m.object, &m.expression))
            }
            Some(ast::MemberExpression::PrivateFieldExpression(p)) => {
                Err(self.unsupported(p.span, "private field"))
            }
            None => Err(self.unsupported(t.span(), "assignment target")),
        }
    }

    fn assignment_place<'b, 'a>(&mut self, t: &'b ast::AssignmentTarget<'a>) -> R<Place<'b, 'a>> {
        match t.as_simple_assignment_target() {
            Some(s) => self.place(s),
            None => Err(self.unsupported(t.span(), "destructuring pattern")),
        }
    }

    /// Stores the value on top of the stack into `t` and pops it (`for (x of …)`).
    fn assign_top(&mut self, t: &ast::AssignmentTarget<'_>) -> R {
        match self.assignment_place(t)? {
            Place::Var(r) => self.store_var(r),
            Place::Static(obj, name) => {
                self.expr(obj)?;
                self.emit(Instr::Swap);
                self.emit(Instr::SetProp(name));
                self.emit(Instr::Pop);
            }
            Place::Computed(obj, key) => {
                self.expr(obj)?;
                self.expr(key)?;
                // [v, o, k] -> [k, v, o] -> [o, k, v]
                self.emit(Instr::Rot3);
                self.emit(Instr::Rot3);
                self.emit(Instr::SetIndex);
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    fn assignment(&mut self, a: &ast::AssignmentExpression<'_>) -> R {
        let place = self.assignment_place(&a.left)?;
        let hint: Option<Arc<str>> = match &a.left {
            ast::AssignmentTarget::AssignmentTargetIdentifier(id) => Some(id.name.as_str().into()),
            _ => None,
        };
        let logical = match a.operator {
            AssignmentOperator::LogicalOr => Some(LogicalOperator::Or),
            AssignmentOperator::LogicalAnd => Some(LogicalOperator::And),
            AssignmentOperator::LogicalNullish => Some(LogicalOperator::Coalesce),
            _ => None,
        };
        let compound = compound_op(a.operator);
        match place {
            Place::Var(r) => {
                if let Some(op) = logical {
                    self.load_var(r);
                    let skip = self.emit(short_circuit(op));
                    self.expr_named(&a.right, hint)?;
                    self.emit(Instr::Dup);
                    self.store_var(r);
                    self.patch_here(skip);
                } else {
                    if let Some(op) = compound {
                        self.load_var(r);
                        self.expr(&a.right)?;
                        self.emit(Instr::Binary(op));
                    } else {
                        self.expr_named(&a.right, hint)?;
                    }
                    self.emit(Instr::Dup);
                    self.store_var(r);
                }
            }
            Place::Static(obj, name) => {
                self.expr(obj)?;
                if let Some(op) = logical {
                    self.emit(Instr::Dup);
                    self.emit(Instr::GetProp(name.clone()));
                    let keep = self.emit(short_circuit(op));
                    self.expr(&a.right)?;
                    self.emit(Instr::SetProp(name));
                    let end = self.emit(Instr::Jump(UNPATCHED));
                    self.patch_here(keep);
                    // [o, old] -> [old]
                    self.emit(Instr::Swap);
                    self.emit(Instr::Pop);
                    self.patch_here(end);
                } else {
                    if let Some(op) = compound {
                        self.emit(Instr::Dup);
                        self.emit(Instr::GetProp(name.clone()));
                        self.expr(&a.right)?;
                        self.emit(Instr::Binary(op));
                    } else {
                        self.expr(&a.right)?;
                    }
                    self.emit(Instr::SetProp(name));
                }
            }
            Place::Computed(obj, key) => {
                self.expr(obj)?;
                self.expr(key)?;
                if let Some(op) = logical {
                    self.emit(Instr::Dup2);
                    self.emit(Instr::GetIndex);
                    let keep = self.emit(short_circuit(op));
                    self.expr(&a.right)?;
                    self.emit(Instr::SetIndex);
                    let end = self.emit(Instr::Jump(UNPATCHED));
                    self.patch_here(keep);
                    // [o, k, old] -> [old, o, k] -> [old]
                    self.emit(Instr::Rot3);
                    self.emit(Instr::Pop);
                    self.emit(Instr::Pop);
                    self.patch_here(end);
                } else {
                    if let Some(op) = compound {
                        self.emit(Instr::Dup2);
                        self.emit(Instr::GetIndex);
                        self.expr(&a.right)?;
                        self.emit(Instr::Binary(op));
                    } else {
                        self.expr(&a.right)?;
                    }
                    self.emit(Instr::SetIndex);
                }
            }
        }
        Ok(())
    }

    fn update(&mut self, u: &ast::UpdateExpression<'_>) -> R {
        let step = match u.operator {
            UpdateOperator::Increment => Instr::Inc,
            UpdateOperator::Decrement => Instr::Dec,
        };
        match self.place(&u.argument)? {
            Place::Var(r) => {
                self.load_var(r);
                if u.prefix {
                    self.emit(step);
                    self.emit(Instr::Dup);
                } else {
                    self.emit(Instr::ToNumber);
                    self.emit(Instr::Dup);
                    self.emit(step);
                }
                // The load above already checked the TDZ.
                self.store_var(VarRef {
                    tdz_check: false,
                    ..r
                });
            }
            Place::Static(obj, name) => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                self.emit(Instr::GetProp(name.clone()));
                if u.prefix {
                    self.emit(step);
                    self.emit(Instr::SetProp(name));
                } else {
                    // [o, old] -> [o, n] -> [o, n, n] -> [n, o, n] -> [n, o, n±1] -> [n, v] -> [n]
                    self.emit(Instr::ToNumber);
                    self.emit(Instr::Dup);
                    self.emit(Instr::Rot3);
                    self.emit(step);
                    self.emit(Instr::SetProp(name));
                    self.emit(Instr::Pop);
                }
            }
            Place::Computed(obj, key) => {
                self.expr(obj)?;
                self.expr(key)?;
                self.emit(Instr::Dup2);
                self.emit(Instr::GetIndex);
                if u.prefix {
                    self.emit(step);
                    self.emit(Instr::SetIndex);
                } else {
                    // The old value goes through the `%tmp` slot: it must end up below three
                    // stack slots.
                    let tmp = self.tmp();
                    self.emit(Instr::ToNumber);
                    self.emit(Instr::Dup);
                    self.store_var(tmp);
                    self.emit(step);
                    self.emit(Instr::SetIndex);
                    self.emit(Instr::Pop);
                    self.load_var(tmp);
                }
            }
        }
        Ok(())
    }
}

/// Collects the names declared by `var` in `s`, not looking into nested functions.
fn collect_vars<'a>(s: &ast::Statement<'a>, out: &mut Vec<(&'a str, Span)>, depth: u32) {
    use ast::Statement as S;
    if depth > MAX_DEPTH {
        return;
    }
    let d = depth + 1;
    match s {
        S::VariableDeclaration(v) => var_names(v, out),
        S::BlockStatement(b) => {
            for s in &b.body {
                collect_vars(s, out, d);
            }
        }
        S::IfStatement(i) => {
            collect_vars(&i.consequent, out, d);
            if let Some(a) = &i.alternate {
                collect_vars(a, out, d);
            }
        }
        S::WhileStatement(w) => collect_vars(&w.body, out, d),
        S::DoWhileStatement(w) => collect_vars(&w.body, out, d),
        S::ForStatement(f) => {
            if let Some(ast::ForStatementInit::VariableDeclaration(v)) = &f.init {
                var_names(v, out);
            }
            collect_vars(&f.body, out, d);
        }
        S::ForOfStatement(f) => {
            if let ast::ForStatementLeft::VariableDeclaration(v) = &f.left {
                var_names(v, out);
            }
            collect_vars(&f.body, out, d);
        }
        S::ForInStatement(f) => {
            if let ast::ForStatementLeft::VariableDeclaration(v) = &f.left {
                var_names(v, out);
            }
            collect_vars(&f.body, out, d);
        }
        S::TryStatement(t) => {
            for s in &t.block.body {
                collect_vars(s, out, d);
            }
            if let Some(h) = &t.handler {
                for s in &h.body.body {
                    collect_vars(s, out, d);
                }
            }
            if let Some(f) = &t.finalizer {
                for s in &f.body {
                    collect_vars(s, out, d);
                }
            }
        }
        S::LabeledStatement(l) => collect_vars(&l.body, out, d),
        S::WithStatement(w) => collect_vars(&w.body, out, d),
        S::SwitchStatement(sw) => {
            for case in &sw.cases {
                for s in &case.consequent {
                    collect_vars(s, out, d);
                }
            }
        }
        _ => {}
    }
}

fn var_names<'a>(v: &ast::VariableDeclaration<'a>, out: &mut Vec<(&'a str, Span)>) {
    if v.kind != ast::VariableDeclarationKind::Var {
        return;
    }
    for decl in &v.declarations {
        // Destructuring patterns are rejected when the declaration is compiled.
        if let ast::BindingPattern::BindingIdentifier(id) = &decl.id {
            out.push((id.name.as_str(), id.span));
        }
    }
}
