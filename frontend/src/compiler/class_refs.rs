//! `this` (§13.2.1), `new.target` (§13.3.12), `super` (§13.3.7) and private references
//! (§13.3.2 MakePrivateReference, §13.10.1 `#x in o`): what a reference resolves to in
//! class code. A derived constructor's this binding, a method's [[HomeObject]] and a Private
//! Name live in environments (`class.rs` explains where).

use evloop_model::ir::{FunctionKind, Instr};
use oxc_ast::ast;
use oxc_span::Span;

use super::scope::BindKind;
use super::{Compiler, R};

/// The key of a `super` property.
#[derive(Clone, Copy)]
pub(super) enum SuperKey<'b, 'a> {
    Name(&'b str),
    Computed(&'b ast::Expression<'a>),
}

impl Compiler<'_> {
    /// The nearest function that is not an arrow (whose `this`, `super` and `new.target`
    /// an arrow shares, §10.2.1.2 / §9.4.3 GetThisEnvironment): its index in `outer`, or
    /// `None` for the current one.
    fn this_function(&self) -> Option<Option<usize>> {
        if !self.f.kind.is_arrow() {
            return Some(None);
        }
        (0..self.outer.len())
            .rev()
            .find(|&i| self.outer.get(i).is_some_and(|f| !f.kind.is_arrow()))
            .map(Some)
    }

    pub(super) fn this_function_state(&self) -> &super::FuncState {
        match self.this_function() {
            Some(Some(i)) => self.outer.get(i).unwrap_or(&self.f),
            _ => &self.f,
        }
    }

    /// §15.7.1 Static Semantics: Early Errors: a field initialiser or static block that
    /// contains `arguments` (not in a nested non-arrow function) is a SyntaxError.
    pub(super) fn check_arguments_in_initializer(&mut self, span: Span) -> R {
        if self.this_function_state().class.initializer {
            return Err(self.error(
                span,
                "syntax error",
                "'arguments' is not allowed in class field initializer or static initialization block",
                "pass the values another way",
            ));
        }
        Ok(())
    }

    /// `this` (§13.2.1.1: ResolveThisBinding): in a derived constructor (or an arrow in
    /// one) the environment's binding, checked; elsewhere the frame's.
    pub(super) fn this_expression(&mut self, span: Span) -> R {
        if self.this_function_state().kind == FunctionKind::DerivedConstructor {
            let Some(r) = self.resolve("%this") else {
                return Err(self.unsupported(span, "`this` in a derived constructor"));
            };
            self.emit(Instr::LoadThisChecked {
                depth: r.depth,
                slot: r.slot,
            });
        } else {
            self.emit(Instr::LoadThis);
        }
        Ok(())
    }

    /// `new.target` (§13.3.12.1: GetNewTarget): the [[NewTarget]] of the nearest non-arrow
    /// function, in a slot of its environment the engine fills.
    pub(super) fn new_target(&mut self, span: Span) -> R {
        let which = self.this_function();
        let state = match which {
            Some(Some(i)) => self.outer.get_mut(i),
            Some(None) => Some(&mut self.f),
            None => None,
        };
        let Some(state) = state.filter(|f| f.kind != FunctionKind::Script) else {
            return Err(self.error(
                span,
                "syntax error",
                "new.target expression is not allowed here",
                "`new.target` is only valid in functions",
            ));
        };
        if state.new_target.is_none()
            && let Some(scope) = state.scopes.first_mut()
        {
            state.new_target = Some(scope.add("%newtarget", BindKind::Internal, 0));
        }
        self.load_internal("%newtarget", span)
    }

    /// The [[HomeObject]] of the method `super` is in (§13.3.7.3 GetSuperBase's
    /// environment), pushed; a SyntaxError outside methods.
    fn home_object(&mut self, span: Span) -> R {
        let home = self.this_function_state().class.home.clone();
        match home {
            Some(home) => self.load_internal(&home, span),
            None => Err(self.error(
                span,
                "syntax error",
                "'super' keyword unexpected here",
                "`super.x` is only valid in methods; `super(…)` in a derived class's constructor",
            )),
        }
    }

    /// `super.name` / `super[expr]` read (§13.3.7.1 SuperProperty evaluation: the this
    /// binding first, then the key, then MakeSuperPropertyReference).
    pub(super) fn super_member(&mut self, key: SuperKey<'_, '_>, span: Span) -> R {
        self.this_expression(span)?;
        self.super_key(key)?;
        self.home_object(span)?;
        self.emit(Instr::SuperGet);
        Ok(())
    }

    /// The key of a `super` member, pushed.
    fn super_key(&mut self, key: SuperKey<'_, '_>) -> R {
        match key {
            SuperKey::Name(name) => {
                self.constant(evloop_model::ir::Constant::String(name.into()));
                Ok(())
            }
            // §13.3.7.1 step 3: ToPropertyKey at once, before the super base is read.
            SuperKey::Computed(e) => {
                self.expr(e)?;
                self.emit(Instr::ToStr);
                Ok(())
            }
        }
    }

    /// `[this, key, home]` pushed, then a copy of the three for the read of a
    /// read-modify-write.
    fn super_reference_twice(&mut self, key: SuperKey<'_, '_>, span: Span) -> R {
        self.this_expression(span)?;
        self.super_key(key)?;
        self.home_object(span)?;
        for _ in 0..3 {
            self.emit(Instr::Pick(2));
        }
        Ok(())
    }

    /// `super.x++` / `--super.x` (§13.4.2.1 on a super reference).
    pub(super) fn super_update(
        &mut self,
        key: SuperKey<'_, '_>,
        step: Instr,
        prefix: bool,
        span: Span,
    ) -> R {
        self.super_reference_twice(key, span)?;
        self.emit(Instr::SuperGet);
        self.update_tail(step, prefix, Instr::SuperSet);
        Ok(())
    }

    /// `super.m(…)`'s callee: `[this, f]`, the function read from the super base.
    pub(super) fn super_method_callee(&mut self, key: SuperKey<'_, '_>, span: Span) -> R {
        self.this_expression(span)?;
        self.super_member(key, span)
    }

    /// `super.x = v`, `super.x op= v` and `super.x ||= v` (§13.15.2 with a SuperProperty:
    /// GetValue and PutValue on the one super reference).
    pub(super) fn super_assignment(
        &mut self,
        key: SuperKey<'_, '_>,
        value: &ast::Expression<'_>,
        span: Span,
        compound: Option<evloop_model::ir::BinOp>,
        logical: Option<oxc_syntax::operator::LogicalOperator>,
    ) -> R {
        if compound.is_none() && logical.is_none() {
            self.this_expression(span)?;
            self.super_key(key)?;
            self.home_object(span)?;
            self.expr(value)?;
            self.emit(Instr::SuperSet);
            return Ok(());
        }
        self.super_reference_twice(key, span)?;
        self.emit(Instr::SuperGet);
        if let Some(op) = logical {
            let keep = self.emit(super::expr::short_circuit(op));
            self.expr(value)?;
            self.emit(Instr::SuperSet);
            let end = self.emit(Instr::Jump(super::emit::UNPATCHED));
            self.patch_here(keep);
            // [t, k, h, old] -> [t, k, old] -> [old, t, k] -> [old]
            self.emit(Instr::Swap);
            self.emit(Instr::Pop);
            self.emit(Instr::Rot3);
            self.emit(Instr::Pop);
            self.emit(Instr::Pop);
            self.patch_here(end);
        } else if let Some(op) = compound {
            self.expr(value)?;
            self.emit(Instr::Binary(op));
            self.emit(Instr::SuperSet);
        }
        Ok(())
    }

    /// `super(…)` (§13.3.7.1 SuperCall): GetSuperConstructor before the arguments, then
    /// Construct(func, argList, newTarget), BindThisValue and InitializeInstanceElements.
    pub(super) fn super_call(&mut self, call: &ast::CallExpression<'_>) -> R {
        let state = self.this_function_state();
        let (kind, class) = (state.kind, state.class.clone());
        let Some(ctor) = class
            .ctor
            .filter(|_| kind == FunctionKind::DerivedConstructor)
        else {
            return Err(self.error(
                call.span,
                "syntax error",
                "'super' keyword unexpected here",
                "`super(…)` is only valid in the constructor of a class that `extends` another",
            ));
        };
        // Steps 1–2: newTarget, func = GetSuperConstructor().
        self.load_internal(&ctor, call.span)?;
        self.emit(Instr::GetSuperConstructor);
        self.load_internal("%newtarget", call.span)?;
        // Steps 3–6: the arguments, then Construct.
        match self.arguments(&call.arguments)? {
            Some(argc) => self.emit(Instr::SuperConstruct { argc }),
            None => self.emit(Instr::SuperConstructSpread),
        };
        self.super_call_tail(class.fields.as_deref(), call.span)
    }

    /// SuperCall steps 7–10: BindThisValue(result), then InitializeInstanceElements(result,
    /// F) with F's [[Fields]]; the result stays on the stack.
    pub(super) fn super_call_tail(&mut self, fields: Option<&str>, span: Span) -> R {
        let Some(r) = self.resolve("%this") else {
            return Err(self.unsupported(span, "`super` call"));
        };
        self.emit(Instr::BindThis {
            depth: r.depth,
            slot: r.slot,
        });
        if let Some(fields) = fields {
            self.emit(Instr::Dup);
            self.load_internal(fields, span)?;
            self.emit(Instr::CallMethod { argc: 0 });
            self.emit(Instr::Pop);
        }
        Ok(())
    }

    /// A private name `#x` used in an expression, pushed: the binding of the innermost
    /// class that declares it (§9.2.1 ResolvePrivateIdentifier); a SyntaxError if none.
    pub(super) fn load_private(&mut self, id: &ast::PrivateIdentifier<'_>) -> R {
        let name = format!("#{}", id.name.as_str());
        if self.resolve(&name).is_none() {
            return Err(self.error(
                id.span,
                "syntax error",
                format!("Private field '{name}' must be declared in an enclosing class"),
                "declare it in the class body",
            ));
        }
        self.load_internal(&name, id.span)
    }

    /// `o.#x = v` as an assignment target of `for…of` (the value on the stack).
    pub(super) fn private_assign_top(
        &mut self,
        obj: &ast::Expression<'_>,
        name: &ast::PrivateIdentifier<'_>,
    ) -> R {
        self.expr(obj)?;
        self.load_private(name)?;
        // [v, o, n] -> [n, v, o] -> [o, n, v]
        self.emit(Instr::Rot3);
        self.emit(Instr::Rot3);
        self.emit(Instr::PrivateSet);
        self.emit(Instr::Pop);
        Ok(())
    }

    /// `o.#x++` and `--o.#x` (§13.4.2.1 on a private reference).
    pub(super) fn private_update(
        &mut self,
        obj: &ast::Expression<'_>,
        name: &ast::PrivateIdentifier<'_>,
        step: Instr,
        prefix: bool,
    ) -> R {
        self.expr(obj)?;
        self.load_private(name)?;
        self.emit(Instr::Dup2);
        self.emit(Instr::PrivateGet);
        self.update_tail(step, prefix, Instr::PrivateSet);
        Ok(())
    }
}
