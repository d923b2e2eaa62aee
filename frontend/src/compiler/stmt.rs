//! Statements: statement lists and blocks, declarations, loops, `break`/`continue` and
//! `try`/`catch`/`finally`.

use evloop_model::ir::{Addr, Instr};
use oxc_ast::ast;
use oxc_span::{GetSpan, Span};

use super::{
    Compiler, R, Reported,
    diag::MAX_ERRORS,
    emit::UNPATCHED,
    scope::{BindKind, LexDecl, Scope},
};

#[derive(Debug, Default)]
pub(super) struct LoopCtl {
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
pub(super) enum Ctl {
    Loop(LoopCtl),
    /// A `PushEnv` block environment: `PopEnv`.
    Env,
    /// Inside a `try` block (or a `catch` block protected by a `finally`): `PopHandler`.
    Handler {
        finally: bool,
    },
    /// Inside a `finally` block.
    Finally,
    /// A `switch` statement: the target of `break`, transparent to `continue`. `breaks` are
    /// the jumps to patch to its end.
    Switch {
        breaks: Vec<usize>,
    },
}

impl Compiler<'_> {
    /// Compiles a statement list, recovering after a failed statement.
    pub(super) fn statements(&mut self, stmts: &[ast::Statement<'_>]) -> R {
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
        self.push_block_env(&decls)?;
        let hoisted = self.hoist_functions(&funcs);
        let body = self.statements(stmts);
        self.pop_block_env();
        hoisted.and(body)
    }

    /// Enters a block environment binding `decls` (`PushEnv`).
    pub(super) fn push_block_env(&mut self, decls: &[LexDecl<'_>]) -> R {
        let mut scope = Scope::default();
        for d in decls {
            self.declare(&mut scope, d.name, d.kind, d.span, d.init_end)?;
        }
        self.emit(Instr::PushEnv { size: scope.size() });
        self.f.scopes.push(scope);
        self.f.ctl.push(Ctl::Env);
        Ok(())
    }

    /// Leaves the block environment of [`Compiler::push_block_env`] (`PopEnv`).
    pub(super) fn pop_block_env(&mut self) {
        self.f.ctl.pop();
        self.f.scopes.pop();
        self.emit(Instr::PopEnv);
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
            S::ForInStatement(f) => self.for_in(f),
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
            S::SwitchStatement(w) => self.switch_statement(w),
            S::WithStatement(w) => Err(self.unsupported(w.span, "with statement")),
            S::ClassDeclaration(c) => {
                // §15.7.15: BindingClassDeclarationEvaluation, then InitializeBoundName.
                let Some(id) = &c.id else {
                    return Err(self.unsupported(c.span, "class declaration without a name"));
                };
                if !self.hoisted.contains(&(c.span.start, c.span.end)) {
                    return Err(self.unsupported(c.span, "class declaration as a statement body"));
                }
                self.class(c, None)?;
                self.initialize(id.name.as_str(), id.span, ast::VariableDeclarationKind::Let)
            }
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
                // §14.3.1.2 LexicalBinding : BindingPattern Initializer, §14.3.2.1
                // VariableDeclaration : BindingPattern Initializer.
                let Some(init) = &decl.init else {
                    return Err(self.error(
                        decl.span,
                        "syntax error",
                        "missing initializer in destructuring declaration",
                        "write `const [a, b] = value`",
                    ));
                };
                self.at(decl.span, |c| {
                    c.expr(init)?;
                    c.bind_pattern(&decl.id, d.kind)
                })?;
                continue;
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
    pub(super) fn initialize(
        &mut self,
        name: &str,
        span: Span,
        kind: ast::VariableDeclarationKind,
    ) -> R {
        let Some(r) = self.resolve(name) else {
            return Err(self.unknown_identifier(span, name));
        };
        let ok = match kind {
            ast::VariableDeclarationKind::Var => {
                r.same_function
                    && matches!(
                        r.kind,
                        BindKind::Var
                            | BindKind::Param
                            | BindKind::Function
                            | BindKind::Catch
                            | BindKind::Arguments
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
    /// innermost loop (for `break`, or `switch`), then jumps.
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
                Ctl::Switch { .. } if is_break => {
                    target = Some((i, false, false, None));
                    break;
                }
                Ctl::Switch { .. } => {}
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
                format!("`{what}` is only supported inside `for`, `while` and `do` loops (and `break` in `switch`)"),
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
        match (jump, self.f.ctl.get_mut(index)) {
            (Some(j), Some(Ctl::Loop(l))) if is_break => l.breaks.push(j),
            (Some(j), Some(Ctl::Loop(l))) => l.continues.push(j),
            (Some(j), Some(Ctl::Switch { breaks })) => breaks.push(j),
            _ => {}
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
                for id in decl.id.get_binding_identifiers() {
                    self.declare(&mut scope, id.name.as_str(), kind, id.span, decl.span.end)?;
                }
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
        self.for_in_of(&f.left, &f.right, &f.body, false)
    }

    /// `for (… in …)` (§14.7.5): like `for…of` over the keys ForInInit collects. Annex B's
    /// initializer (`for (var x = 1 in o)`) is refused by name.
    fn for_in(&mut self, f: &ast::ForInStatement<'_>) -> R {
        if let ast::ForStatementLeft::VariableDeclaration(d) = &f.left
            && d.declarations.iter().any(|d| d.init.is_some())
        {
            return Err(self.unsupported(d.span, "for-in initializer"));
        }
        self.for_in_of(&f.left, &f.right, &f.body, true)
    }

    /// ForIn/OfHeadEvaluation and ForIn/OfBodyEvaluation (§14.7.5.6–7) of `for (left of
    /// right) body`, or `in` with `keys`.
    fn for_in_of(
        &mut self,
        left: &ast::ForStatementLeft<'_>,
        right: &ast::Expression<'_>,
        body: &ast::Statement<'_>,
        keys: bool,
    ) -> R {
        // The binding: a declaration (per-iteration environment for let/const) or a target.
        let mut decl: Option<(&ast::BindingPattern<'_>, ast::VariableDeclarationKind, u32)> = None;
        let mut target: Option<&ast::AssignmentTarget<'_>> = None;
        match left {
            ast::ForStatementLeft::VariableDeclaration(d) => {
                let Some(first) = d.declarations.first() else {
                    return Err(self.unsupported(d.span, "for-of declaration"));
                };
                if matches!(
                    d.kind,
                    ast::VariableDeclarationKind::Using | ast::VariableDeclarationKind::AwaitUsing
                ) {
                    return Err(self.unsupported(d.span, "`using` declaration"));
                }
                decl = Some((&first.id, d.kind, d.span.end));
            }
            other => {
                if let Some(t) = other.as_assignment_target() {
                    target = Some(t);
                }
            }
        }
        // §14.7.5.6 ForIn/OfHeadEvaluation steps 2–3: with `let`/`const` names, the
        // expression is evaluated in an environment where they are in their TDZ.
        let tdz_names = match decl {
            Some((pattern, kind, init_end)) if kind != ast::VariableDeclarationKind::Var => {
                let mut scope = Scope::default();
                for id in pattern.get_binding_identifiers() {
                    self.declare(
                        &mut scope,
                        id.name.as_str(),
                        BindKind::Let,
                        id.span,
                        init_end,
                    )?;
                }
                Some(scope)
            }
            _ => None,
        };
        match tdz_names {
            Some(scope) => {
                self.emit(Instr::PushEnv { size: scope.size() });
                self.f.scopes.push(scope);
                let r = self.expr(right);
                self.f.scopes.pop();
                self.emit(Instr::PopEnv);
                r?;
            }
            None => self.expr(right)?,
        }
        self.emit(if keys {
            Instr::ForInInit
        } else {
            Instr::IterInit
        });
        let top = self.here();
        let next = self.emit(if keys {
            Instr::ForInNext { exit: UNPATCHED }
        } else {
            Instr::IterNext { exit: UNPATCHED }
        });
        let lexical = decl.filter(|(_, kind, _)| *kind != ast::VariableDeclarationKind::Var);
        let iter_env = lexical.is_some();
        if let Some((pattern, kind, init_end)) = lexical {
            // §14.7.5.7 ForIn/OfBodyEvaluation step 6.i: a fresh environment per iteration
            // holding the declaration's names, initialised from the value.
            let mut scope = Scope::default();
            let bind = if kind == ast::VariableDeclarationKind::Const {
                BindKind::Const
            } else {
                BindKind::Let
            };
            for id in pattern.get_binding_identifiers() {
                self.declare(&mut scope, id.name.as_str(), bind, id.span, init_end)?;
            }
            self.at(pattern.span(), |c| {
                c.emit(Instr::PushEnv { size: scope.size() });
                Ok(())
            })?;
            self.f.scopes.push(scope);
            self.at(pattern.span(), |c| c.bind_pattern(pattern, kind))?;
        } else if let Some((pattern, kind, _)) = decl {
            self.at(pattern.span(), |c| c.bind_pattern(pattern, kind))?;
        } else if let Some(t) = target {
            self.at(t.span(), |c| c.assign_top(t))?;
        } else {
            return Err(self.unsupported(left.span(), "for-of binding"));
        }
        self.f.ctl.push(Ctl::Loop(LoopCtl {
            for_of: true,
            iter_env,
            ..LoopCtl::default()
        }));
        self.statement(body)?;
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
        let mut param_pattern = None;
        if let Some(p) = &h.param {
            match &p.pattern {
                ast::BindingPattern::BindingIdentifier(id) => {
                    param_slot = Some(scope.add(id.name.as_str(), BindKind::Catch, 0));
                }
                // §14.15.2 CatchClauseEvaluation steps 2–5: the pattern's names in the catch
                // environment, bound by BindingInitialization of the thrown value.
                pattern => {
                    for id in pattern.get_binding_identifiers() {
                        scope.add(id.name.as_str(), BindKind::Let, 0);
                    }
                    param_pattern = Some(pattern);
                }
            }
        }
        for d in &decls {
            self.declare(&mut scope, d.name, d.kind, d.span, d.init_end)?;
        }
        if scope.bindings.is_empty() {
            self.emit(Instr::Pop);
            return self.statements(stmts);
        }
        self.emit(Instr::PushEnv { size: scope.size() });
        self.f.scopes.push(scope);
        match (param_slot, param_pattern) {
            (Some(slot), _) => {
                self.emit(Instr::StoreVar { depth: 0, slot });
            }
            (None, Some(p)) => self.bind_pattern(p, ast::VariableDeclarationKind::Let)?,
            (None, None) => {
                self.emit(Instr::Pop);
            }
        };
        self.f.ctl.push(Ctl::Env);
        let hoisted = self.hoist_functions(&funcs);
        let body = self.statements(stmts);
        self.f.ctl.pop();
        self.f.scopes.pop();
        self.emit(Instr::PopEnv);
        hoisted.and(body)
    }
}
