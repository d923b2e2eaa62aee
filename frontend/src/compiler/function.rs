//! Function compilation: parameters and bodies, closures, function expressions, arrows and
//! async functions.

use std::sync::Arc;

use evloop_model::ir::{self, BinOp, FuncId, FunctionKind, Instr};
use oxc_ast::ast;
use oxc_span::{GetSpan, Span};

use super::{
    Compiler, FuncState, R, Reported,
    emit::UNPATCHED,
    len_u32, placeholder,
    scope::{BindKind, Scope, collect_vars},
};

/// A formal parameter as the prologue initialises it.
struct Formal<'b, 'a> {
    slot: u32,
    init: Option<&'b ast::Expression<'a>>,
    pattern: Option<&'b ast::BindingPattern<'a>>,
    hint: Option<&'b str>,
}

/// A function body: statements, or an arrow's expression, or the code a class makes.
#[derive(Clone, Copy)]
pub(super) enum Body<'b, 'a> {
    Statements(&'b [ast::Statement<'a>]),
    Expression(&'b ast::Expression<'a>),
    /// A class without a `constructor` (§15.7.14 step 14.a, the default constructor):
    /// a derived one passes its arguments to the parent's constructor.
    DefaultConstructor {
        derived: bool,
    },
    /// The field initialisers of a class, run with the instance (or, for static fields,
    /// the constructor) as `this` (§7.3.34 InitializeInstanceElements, §7.3.33
    /// DefineField).
    Fields(&'b [super::class::FieldInit<'b, 'a>]),
}

impl Compiler<'_> {
    /// Compiles a function's parameters and body into the current (fresh) [`FuncState`].
    pub(super) fn function_body(
        &mut self,
        params: Option<&ast::FormalParameters<'_>>,
        body: Body<'_, '_>,
        span: Span,
    ) -> R {
        let mut failed = false;
        let mut scope = Scope::default();
        if let Body::DefaultConstructor { derived: true } = body {
            // `constructor(...args) { super(...args); }`: the arguments in slot 0.
            scope.add("%args", BindKind::Internal, 0);
        }
        // Each formal parameter in order: its slot (argument `i` arrives in slot `i`), its
        // Initializer, and a pattern to destructure the slot's value into (§10.2.11 step 26,
        // IteratorBindingInitialization of the formals).
        let mut formals: Vec<Formal<'_, '_>> = Vec::new();
        if let Some(params) = params {
            for (i, p) in params.items.iter().enumerate() {
                let (slot, pattern, hint) = match &p.pattern {
                    ast::BindingPattern::BindingIdentifier(id) => {
                        self.check_strict_name(id.name.as_str(), id.span)?;
                        let slot = scope.add(id.name.as_str(), BindKind::Param, 0);
                        (slot, None, Some(id.name.as_str()))
                    }
                    pattern => {
                        let slot = scope.add(&format!("%param{i}"), BindKind::Internal, 0);
                        (slot, Some(pattern), None)
                    }
                };
                formals.push(Formal {
                    slot,
                    init: p.initializer.as_deref(),
                    pattern,
                    hint,
                });
            }
            if let Some(rest) = &params.rest {
                match &rest.rest.argument {
                    ast::BindingPattern::BindingIdentifier(id) => {
                        self.check_strict_name(id.name.as_str(), id.span)?;
                        scope.add(id.name.as_str(), BindKind::Param, 0);
                    }
                    pattern => {
                        let slot = scope.add("%rest", BindKind::Internal, 0);
                        formals.push(Formal {
                            slot,
                            init: None,
                            pattern: Some(pattern),
                            hint: None,
                        });
                    }
                }
            }
            // The names the patterns bind, after the argument slots.
            for f in &formals {
                for id in f.pattern.iter().flat_map(|p| p.get_binding_identifiers()) {
                    self.check_strict_name(id.name.as_str(), id.span)?;
                    scope.add(id.name.as_str(), BindKind::Param, 0);
                }
            }
        }
        if let Some(params) = params {
            self.check_parameter_early_errors(params, &scope, span)?;
        }
        let stmts: &[ast::Statement<'_>] = match body {
            Body::Statements(s) => s,
            _ => &[],
        };
        // `var` declarations anywhere in the body (not in nested functions).
        let mut vars = Vec::new();
        for s in stmts {
            collect_vars(s, &mut vars, 0);
        }
        // §10.2.11 steps 15–18 and 27: `var arguments` in a function (not shadowed by a
        // parameter) declares no new binding; it is the arguments object's, which it keeps.
        if matches!(
            self.f.kind,
            FunctionKind::Normal
                | FunctionKind::Async
                | FunctionKind::Method
                | FunctionKind::ClassConstructor
                | FunctionKind::DerivedConstructor
        ) && scope.find("arguments").is_none()
            && vars.iter().any(|(name, _)| *name == "arguments")
        {
            self.f.arguments = Some(scope.add("arguments", BindKind::Arguments, 0));
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
        // Class constructors: the this binding and [[Fields]] (`class.rs`).
        failed |= self.class_constructor_prologue().is_err();

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
        // Default parameter values (`if (p === undefined) p = default`) and parameter
        // patterns, left to right.
        for f in formals {
            let span = f
                .init
                .map(GetSpan::span)
                .or(f.pattern.map(GetSpan::span))
                .unwrap_or(span);
            let r = self.at(span, |c| {
                let slot = f.slot;
                if let Some(init) = f.init {
                    c.emit(Instr::LoadVar { depth: 0, slot });
                    c.undefined();
                    c.emit(Instr::Binary(BinOp::StrictEq));
                    let skip = c.emit(Instr::JumpIfFalse(UNPATCHED));
                    c.expr_named(init, f.hint.map(Into::into))?;
                    c.emit(Instr::StoreVar { depth: 0, slot });
                    c.patch_here(skip);
                }
                if let Some(p) = f.pattern {
                    c.emit(Instr::LoadVar { depth: 0, slot });
                    c.bind_pattern(p, ast::VariableDeclarationKind::Let)?;
                }
                Ok(())
            });
            failed |= r.is_err();
        }
        // NODE-4: imports are initialised before any other code of the module runs.
        failed |= self.initialise_imports(&imports).is_err();
        failed |= self.hoist_functions(&funcs).is_err();

        match body {
            Body::Statements(stmts) => failed |= self.statements(stmts).is_err(),
            Body::DefaultConstructor { derived } => {
                failed |= self.default_constructor_body(derived, span).is_err();
            }
            Body::Fields(fields) => failed |= self.field_initialisers(fields).is_err(),
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

    /// Compiles a nested function and returns its id. `use_strict`: its body begins with a
    /// Use Strict Directive.
    fn compile_function(
        &mut self,
        span: Span,
        name: Option<Arc<str>>,
        kind: FunctionKind,
        params: &ast::FormalParameters<'_>,
        body: Body<'_, '_>,
        use_strict: bool,
    ) -> R<FuncId> {
        self.compile_function_with(
            span,
            name,
            kind,
            Some(params),
            body,
            use_strict,
            super::class::FnClass::default(),
        )
    }

    /// [`Compiler::compile_function`] for class code: `class` is the method's home and
    /// the constructor's class; `params` is `None` for the functions a class makes.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn compile_function_with(
        &mut self,
        span: Span,
        name: Option<Arc<str>>,
        kind: FunctionKind,
        params: Option<&ast::FormalParameters<'_>>,
        body: Body<'_, '_>,
        use_strict: bool,
        class: super::class::FnClass,
    ) -> R<FuncId> {
        let index = self.functions.len();
        let Ok(id) = FuncId::try_from(index) else {
            return Err(self.unsupported(span, "too many functions"));
        };
        self.functions.push(placeholder(kind));
        // §11.2.2: function code is strict when it is contained in strict code or begins with
        // a Use Strict Directive.
        let strict = self.f.strict || use_strict;
        let outer = std::mem::replace(&mut self.f, FuncState::new(kind));
        self.outer.push(outer);
        self.f.strict = strict;
        self.f.strict_directive = use_strict;
        self.f.class = class;
        let result = self.nested(span, |c| c.function_body(params, body, span));
        let outer = self
            .outer
            .pop()
            .unwrap_or_else(|| FuncState::new(FunctionKind::Script));
        let inner = std::mem::replace(&mut self.f, outer);
        let env_size = inner.scopes.first().map_or(0, Scope::size);
        let arguments = inner.arguments.map(|slot| ir::ArgumentsBinding {
            slot,
            mapped: params.and_then(|p| mapped_parameters(p, inner.strict)),
        });
        let rest = match params {
            Some(p) => p.rest.is_some(),
            None => matches!(body, Body::DefaultConstructor { derived: true }),
        };
        if let Some(slot) = self.functions.get_mut(index) {
            *slot = ir::Function {
                name,
                kind,
                params: params.map_or(0, |p| len_u32(p.items.len())),
                rest,
                env_size,
                arguments,
                strict: inner.strict,
                new_target: inner.new_target,
                derived_this: inner.derived_this,
                code: inner.code,
                positions: inner.positions,
                source_text: (span.start, span.end),
            };
        }
        result.map(|()| id)
    }

    /// Compiles a `function` and emits `MakeClosure` (without the self-name environment).
    pub(super) fn function_closure(&mut self, f: &ast::Function<'_>, name: Option<Arc<str>>) -> R {
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
            body.has_use_strict_directive(),
        )?;
        self.emit(Instr::MakeClosure(id));
        Ok(())
    }

    /// A function expression: a named one can refer to itself through an environment holding
    /// just its name, between the closure and the enclosing environment.
    pub(super) fn function_expression(
        &mut self,
        f: &ast::Function<'_>,
        hint: Option<Arc<str>>,
    ) -> R {
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

    pub(super) fn arrow(
        &mut self,
        a: &ast::ArrowFunctionExpression<'_>,
        hint: Option<Arc<str>>,
    ) -> R {
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
        let id = self.compile_function(
            a.span,
            hint,
            kind,
            &a.params,
            body,
            a.has_use_strict_directive(),
        )?;
        self.emit(Instr::MakeClosure(id));
        Ok(())
    }
}

impl Compiler<'_> {
    /// The early errors of a parameter list (§15.1.1, §15.2.1, §15.3.1, §15.4.1): duplicate
    /// names in strict code, in a list that is not simple, or in an arrow's or a method's
    /// UniqueFormalParameters; and a Use Strict Directive in a function whose parameter
    /// list is not simple (ContainsUseStrict with IsSimpleParameterList false).
    fn check_parameter_early_errors(
        &mut self,
        params: &ast::FormalParameters<'_>,
        scope: &Scope,
        span: Span,
    ) -> R {
        let simple = params.rest.is_none()
            && params.items.iter().all(|p| {
                p.initializer.is_none()
                    && matches!(p.pattern, ast::BindingPattern::BindingIdentifier(_))
            });
        let unique = !simple
            || self.f.strict
            || matches!(
                self.f.kind,
                FunctionKind::Arrow
                    | FunctionKind::AsyncArrow
                    | FunctionKind::Method
                    | FunctionKind::ClassConstructor
                    | FunctionKind::DerivedConstructor
            );
        if unique {
            let mut seen = std::collections::HashSet::new();
            for b in scope.bindings.iter().filter(|b| b.kind == BindKind::Param) {
                if !seen.insert(b.name.clone()) {
                    return Err(self.error(
                        span,
                        "syntax error",
                        "Duplicate parameter name not allowed in this context",
                        "give each parameter its own name",
                    ));
                }
            }
        }
        if !simple && self.f.strict_directive {
            return Err(self.error(
                span,
                "syntax error",
                "Illegal 'use strict' directive in function with non-simple parameter list",
                "move the directive out, or use simple parameters",
            ));
        }
        Ok(())
    }
}

/// FunctionDeclarationInstantiation (§10.2.11) step 19: a sloppy function whose parameter
/// list is simple (IsSimpleParameterList, §15.1.3: identifiers only, no initializer, no
/// rest) gets a mapped arguments object; then formal `i` is mapped when it is the last
/// parameter of its name (CreateMappedArgumentsObject step 17.b). `None`: unmapped.
fn mapped_parameters(params: &ast::FormalParameters<'_>, strict: bool) -> Option<Vec<bool>> {
    if strict || params.rest.is_some() {
        return None;
    }
    let mut names = Vec::new();
    for p in &params.items {
        match (&p.pattern, &p.initializer) {
            (ast::BindingPattern::BindingIdentifier(id), None) => names.push(id.name.as_str()),
            _ => return None,
        }
    }
    Some(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| !names.iter().skip(i + 1).any(|m| m == n))
            .collect(),
    )
}
