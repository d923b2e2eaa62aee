//! Object literals (ECMA-262 §13.2.5): properties, spread, and methods, getters and setters
//! (§15.4.4 MethodDefinitionEvaluation with enumerable true), whose [[HomeObject]] is the
//! object (`super.x` in them).

use std::sync::Arc;

use evloop_model::ir::{FunctionKind, Instr, MethodKind};
use oxc_ast::ast;
use oxc_span::GetSpan;

use super::class::FnClass;
use super::function::Body;
use super::scope::{BindKind, Scope};
use super::{Compiler, R};

impl Compiler<'_> {
    pub(super) fn object(&mut self, o: &ast::ObjectExpression<'_>) -> R {
        self.emit(Instr::NewObject);
        for p in &o.properties {
            let p = match p {
                ast::ObjectPropertyKind::ObjectProperty(p) => p,
                // §13.2.5.5 PropertyDefinition : ... AssignmentExpression, CopyDataProperties.
                ast::ObjectPropertyKind::SpreadProperty(s) => {
                    self.at(s.span, |c| {
                        c.expr(&s.argument)?;
                        c.emit(Instr::ObjectSpread);
                        Ok(())
                    })?;
                    continue;
                }
            };
            self.at(p.span, |c| c.property(p))?;
        }
        Ok(())
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
        // §15.4.4 MethodDefinitionEvaluation: `m() {}`, `get x() {}`, `set x(v) {}`.
        let method = match (&p.value, p.kind) {
            (ast::Expression::FunctionExpression(f), ast::PropertyKind::Get) => {
                Some((&**f, MethodKind::Getter))
            }
            (ast::Expression::FunctionExpression(f), ast::PropertyKind::Set) => {
                Some((&**f, MethodKind::Setter))
            }
            (ast::Expression::FunctionExpression(f), _) if p.method => {
                Some((&**f, MethodKind::Method))
            }
            _ => None,
        };
        if let Some((f, kind)) = method {
            let Some(name) = key else {
                match p.key.as_expression() {
                    Some(k) => self.expr(k)?,
                    None => return Err(self.unsupported(p.key.span(), "property key")),
                }
                self.object_method(f, None, 1)?;
                self.emit(Instr::DefineMethod {
                    key: None,
                    kind,
                    enumerable: true,
                });
                return Ok(());
            };
            self.object_method(f, Some(super::class::method_name(&name, kind)), 0)?;
            self.emit(match kind {
                MethodKind::Method => Instr::DefineField(name),
                MethodKind::Getter => Instr::DefineGetter(name),
                MethodKind::Setter => Instr::DefineSetter(name),
            });
            return Ok(());
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
            ast::PropertyKind::Get | ast::PropertyKind::Set => {
                return Err(self.unsupported(p.span, "getter or setter"));
            }
        }
        Ok(())
    }

    /// A method, getter or setter of an object literal (§15.4.4 with enumerable true): a
    /// function that is not a constructor, whose [[HomeObject]] is the object — kept in an
    /// environment of its own between the closure and the enclosing one when its code
    /// mentions `super`. `below`: how many values lie above the object on the stack (1 for
    /// a computed key).
    pub(super) fn object_method(
        &mut self,
        f: &ast::Function<'_>,
        name: Option<Arc<str>>,
        below: u32,
    ) -> R {
        if f.generator {
            return Err(self.unsupported(f.span, "generator method"));
        }
        let Some(body) = &f.body else {
            return Err(self.unsupported(f.span, "function without a body"));
        };
        let uses_super = self.lines.text(f.span.start, f.span.end).contains("super");
        let mut class = FnClass::default();
        if uses_super {
            let n = self.classes;
            self.classes += 1;
            let home: Arc<str> = format!("%home#{n}").into();
            let mut scope = Scope::default();
            scope.add(&home, BindKind::Internal, 0);
            self.emit(Instr::Pick(below));
            self.emit(Instr::PushEnv { size: 1 });
            self.emit(Instr::StoreVar { depth: 0, slot: 0 });
            self.f.scopes.push(scope);
            class.home = Some(home);
        }
        let kind = if f.r#async {
            FunctionKind::Async
        } else {
            FunctionKind::Method
        };
        let r = self.compile_function_with(
            f.span,
            name,
            kind,
            Some(&f.params),
            Body::Statements(&body.statements),
            body.has_use_strict_directive(),
            class,
        );
        if uses_super {
            self.f.scopes.pop();
        }
        let id = r?;
        self.emit(Instr::MakeClosure(id));
        if uses_super {
            self.emit(Instr::PopEnv);
        }
        Ok(())
    }
}
