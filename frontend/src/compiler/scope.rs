//! Scopes, bindings and name resolution: the compile-time mirror of the run-time environments,
//! declaring and resolving names, hoisting of `var`s, lexical declarations and functions.

use std::collections::HashMap;
use std::sync::Arc;

use evloop_model::ir::{Constant, FunctionKind, Instr};
use oxc_ast::ast;
use oxc_span::Span;

use super::{Compiler, MAX_DEPTH, R, diag::SUBSET, len_u32};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BindKind {
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
    /// A function's implicit `arguments` binding (§10.2.11 step 22).
    Arguments,
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
pub(super) struct Binding {
    pub(super) name: Arc<str>,
    pub(super) kind: BindKind,
    /// For `let`: the offset after which same-function writes are known to follow the
    /// initialisation (no TDZ check needed).
    pub(super) init_end: u32,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Scope {
    pub(super) bindings: Vec<Binding>,
    /// The slot of the last binding of each name: resolving and declaring a name take
    /// constant time, so a script of many top-level declarations compiles in linear time.
    by_name: HashMap<Arc<str>, usize>,
}

impl Scope {
    /// The slot of the last binding named `name`.
    pub(super) fn find(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    pub(super) fn add(&mut self, name: &str, kind: BindKind, init_end: u32) -> u32 {
        let name: Arc<str> = name.into();
        self.by_name.insert(name.clone(), self.bindings.len());
        self.bindings.push(Binding {
            name,
            kind,
            init_end,
        });
        u32::try_from(self.bindings.len() - 1).unwrap_or(u32::MAX)
    }

    pub(super) fn size(&self) -> u32 {
        u32::try_from(self.bindings.len()).unwrap_or(u32::MAX)
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Resolved {
    pub(super) depth: u32,
    pub(super) slot: u32,
    pub(super) kind: BindKind,
    pub(super) same_function: bool,
    pub(super) init_end: u32,
}

/// A variable to write, with whether a TDZ check must precede the write.
#[derive(Debug, Clone, Copy)]
pub(super) struct VarRef {
    pub(super) depth: u32,
    pub(super) slot: u32,
    pub(super) tdz_check: bool,
    /// An immutable binding (§9.1.1.1.5 step 5): a write is a TypeError (`Some(Some(i))`,
    /// the name in `Compiler::ref_names[i]`) or, for a named function expression's own name
    /// in sloppy code, ignored (`Some(None)`).
    pub(super) immutable: Option<Option<u32>>,
}

/// The `depth` of a [`VarRef`] to an unresolvable reference in strict code; its `slot`
/// indexes `Compiler::ref_names`.
const UNRESOLVABLE: u32 = u32::MAX;

impl VarRef {
    /// The unresolvable reference whose name is `Compiler::ref_names[i]`.
    fn unresolvable(i: usize) -> VarRef {
        VarRef {
            depth: UNRESOLVABLE,
            slot: len_u32(i),
            tdz_check: false,
            immutable: None,
        }
    }
}

/// A `let`/`const`/function declaration found at the top of a statement list.
pub(super) struct LexDecl<'a> {
    pub(super) name: &'a str,
    pub(super) kind: BindKind,
    pub(super) span: Span,
    pub(super) init_end: u32,
}

impl Compiler<'_> {
    /// Resolves `name` through the scopes of the functions being compiled, innermost first;
    /// `arguments` not declared by the code is the implicit binding of the nearest non-arrow
    /// function ([`Compiler::bind_arguments`]).
    pub(super) fn resolve(&mut self, name: &str) -> Option<Resolved> {
        if name == "arguments" {
            self.bind_arguments();
        }
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

    /// FunctionDeclarationInstantiation (§10.2.11) steps 15–18 for a reference to
    /// `arguments`: an arrow has no binding of its own (step 15, thisMode lexical), so the
    /// reference goes out to the enclosing function; the first non-arrow function whose
    /// parameters, `var`s, functions and lexical declarations in scope do not name
    /// `arguments` gets the binding (argumentsObjectNeeded), in its own environment. Global
    /// code has none (the name stays undeclared).
    fn bind_arguments(&mut self) {
        let functions = std::iter::once(&mut self.f).chain(self.outer.iter_mut().rev());
        for f in functions {
            if f.scopes.iter().any(|s| s.find("arguments").is_some()) {
                return;
            }
            match f.kind {
                FunctionKind::Arrow | FunctionKind::AsyncArrow => {}
                FunctionKind::Script => return,
                FunctionKind::Normal
                | FunctionKind::Async
                | FunctionKind::Method
                | FunctionKind::ClassConstructor
                | FunctionKind::DerivedConstructor => {
                    if let Some(scope) = f.scopes.first_mut() {
                        f.arguments = Some(scope.add("arguments", BindKind::Arguments, 0));
                    }
                    return;
                }
            }
        }
    }

    /// The early errors of strict mode code for `eval` and `arguments` as a binding or an
    /// assignment target: §13.1.1 (BindingIdentifier) and §13.15.1 / §13.1.3
    /// (AssignmentTargetType of an IdentifierReference is invalid), a SyntaxError.
    pub(super) fn check_strict_name(&mut self, name: &str, span: Span) -> R {
        if self.f.strict && matches!(name, "eval" | "arguments") {
            return Err(self.error(
                span,
                "syntax error",
                format!("Unexpected eval or arguments in strict mode (`{name}`)"),
                "use another name; strict mode code cannot bind or assign `eval` or `arguments`",
            ));
        }
        Ok(())
    }

    /// Declares `name` in `scope`, reusing the slot of a compatible earlier declaration.
    pub(super) fn declare(
        &mut self,
        scope: &mut Scope,
        name: &str,
        kind: BindKind,
        span: Span,
        init_end: u32,
    ) -> R<u32> {
        self.check_strict_name(name, span)?;
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
    pub(super) fn tmp(&mut self) -> VarRef {
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
            immutable: None,
        }
    }

    /// GetValue / PutValue of an unresolvable reference (§6.2.5.5 step 3, §6.2.5.6 step
    /// 3.a): a ReferenceError when evaluated.
    fn throw_unresolvable(&mut self, r: VarRef) -> bool {
        if r.depth != UNRESOLVABLE {
            return false;
        }
        let name = self.ref_names.get(r.slot as usize).cloned();
        self.emit(Instr::ThrowReferenceError(
            name.unwrap_or_else(|| "".into()),
        ));
        true
    }

    pub(super) fn load_var(&mut self, r: VarRef) {
        if self.throw_unresolvable(r) {
            return;
        }
        self.emit(Instr::LoadVar {
            depth: r.depth,
            slot: r.slot,
        });
    }

    pub(super) fn store_var(&mut self, r: VarRef) {
        if self.throw_unresolvable(r) {
            return;
        }
        if let Some(name) = r.immutable {
            // §9.1.1.1.5 SetMutableBinding: step 3, a binding in its TDZ is a ReferenceError
            // (the load checks it); step 5, an immutable one a TypeError in strict code, or
            // nothing (the value dropped).
            self.load_var(r);
            self.emit(Instr::Pop);
            match name.and_then(|i| self.ref_names.get(i as usize).cloned()) {
                Some(name) => self.emit(Instr::ThrowConstAssignment(name)),
                None => self.emit(Instr::Pop),
            };
            return;
        }
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
    pub(super) fn write_ref(&mut self, name: &str, span: Span) -> R<VarRef> {
        self.check_strict_name(name, span)?;
        match self.resolve(name) {
            Some(r) => {
                // §9.1.1.1.5 step 5: a `const` is a strict immutable binding; a named
                // function expression's name (§15.2.5 step 3) a non-strict one.
                let immutable = match r.kind {
                    BindKind::Const => Some(true),
                    BindKind::FuncName => Some(self.f.strict),
                    _ => None,
                };
                let immutable = immutable.map(|throws| {
                    throws.then(|| {
                        self.ref_names.push(name.into());
                        len_u32(self.ref_names.len() - 1)
                    })
                });
                Ok(VarRef {
                    depth: r.depth,
                    slot: r.slot,
                    tdz_check: r.kind == BindKind::Let
                        && !(r.same_function && span.start >= r.init_end),
                    immutable,
                })
            }
            None => {
                let is_global = matches!(name, "undefined" | "NaN" | "Infinity")
                    || (self.options.resolve_global)(name).is_some();
                if self.is_unmodelled_global(name) {
                    Err(self.unmodelled_global(span, name))
                } else if is_global {
                    Err(self.error(
                        span,
                        "assignment to a global",
                        format!("assignment to the global `{name}`"),
                        format!("declare a variable instead; {SUBSET}"),
                    ))
                } else if self.f.strict {
                    // PutValue of an unresolvable reference in strict code (§6.2.5.6 step
                    // 3.a): a ReferenceError when evaluated.
                    self.ref_names.push(name.into());
                    Ok(VarRef::unresolvable(self.ref_names.len() - 1))
                } else {
                    // PutValue of an unresolvable reference in sloppy code (§6.2.5.6 step
                    // 3.b): Set(globalObj, name, V) creates a property of the global object.
                    Err(self.error(
                        span,
                        "assignment to an undeclared identifier",
                        format!(
                            "`{name}` is not declared: in sloppy mode the assignment creates a property of the global object, which evloop does not model"
                        ),
                        format!("declare it with `let`, `const` or `var`; {SUBSET}"),
                    ))
                }
            }
        }
    }

    /// Emits the value of an identifier.
    pub(super) fn load_identifier(&mut self, name: &str, span: Span) -> R {
        if name == "arguments" {
            self.check_arguments_in_initializer(span)?;
        }
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
                None if self.is_unmodelled_global(name) => {
                    return Err(self.unmodelled_global(span, name));
                }
                // GetValue of an unresolvable reference (§6.2.5.5 step 3): a ReferenceError
                // when evaluated. The global object holds no other properties here (sloppy
                // assignments to undeclared names are refused, `write_ref`), so a name
                // neither declared nor a global is unresolvable.
                None => {
                    self.emit(Instr::ThrowReferenceError(name.into()));
                }
            },
        }
        Ok(())
    }

    /// The `let`/`const`/function declarations directly in `stmts`; marks them hoisted.
    pub(super) fn lexical_decls<'b, 'a>(
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
                        for id in decl.id.get_binding_identifiers() {
                            decls.push(LexDecl {
                                name: id.name.as_str(),
                                kind,
                                span: id.span,
                                init_end: decl.span.end,
                            });
                        }
                    }
                }
                // §8.2.1 LexicallyScopedDeclarations: a class declaration binds its name
                // like `let` (in its TDZ until the class is defined).
                ast::Statement::ClassDeclaration(c) => {
                    self.hoisted.insert((c.span.start, c.span.end));
                    if let Some(id) = &c.id {
                        decls.push(LexDecl {
                            name: id.name.as_str(),
                            kind: BindKind::Let,
                            span: id.span,
                            init_end: c.span.end,
                        });
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
    pub(super) fn hoist_functions(&mut self, funcs: &[&ast::Function<'_>]) -> R {
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
}

/// Collects the names declared by `var` in `s`, not looking into nested functions.
pub(super) fn collect_vars<'a>(s: &ast::Statement<'a>, out: &mut Vec<(&'a str, Span)>, depth: u32) {
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
        for id in decl.id.get_binding_identifiers() {
            out.push((id.name.as_str(), id.span));
        }
    }
}
