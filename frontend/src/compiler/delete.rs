//! The `delete` operator (ECMA-262 §13.5.1): its early error (§13.5.1.1) and its
//! evaluation (§13.5.1.2), lowered to `Instr::Delete` for a property reference.

use evloop_model::ir::{Constant, Instr};
use oxc_ast::ast;
use oxc_span::GetSpan;

use super::{Compiler, R};

impl Compiler<'_> {
    /// UnaryExpression : `delete` UnaryExpression (§13.5.1.2 Runtime Semantics: Evaluation).
    pub(super) fn delete(&mut self, u: &ast::UnaryExpression<'_>) -> R {
        // Step 1: Let ref be ? Evaluation of UnaryExpression (parentheses keep the
        // reference, §13.2.9.1).
        let mut arg = &u.argument;
        while let ast::Expression::ParenthesizedExpression(p) = arg {
            arg = &p.expression;
        }
        let strict = self.f.strict;
        match arg {
            // Step 5: a property reference.
            ast::Expression::StaticMemberExpression(m) if !m.optional => {
                self.expr(&m.object)?;
                self.constant(Constant::String(m.property.name.as_str().into()));
                self.emit(Instr::Delete { strict });
            }
            ast::Expression::ComputedMemberExpression(m) if !m.optional => {
                self.expr(&m.object)?;
                self.expr(&m.expression)?;
                self.emit(Instr::Delete { strict });
            }
            ast::Expression::StaticMemberExpression(_)
            | ast::Expression::ComputedMemberExpression(_)
            | ast::Expression::ChainExpression(_) => {
                return Err(self.unsupported(arg.span(), "optional chaining"));
            }
            // §13.5.1.1: `delete` of a private reference is an early SyntaxError.
            ast::Expression::PrivateFieldExpression(p) => {
                return Err(self.error(
                    p.span,
                    "syntax error",
                    "Private fields can not be deleted",
                    "private fields exist for the life of the object",
                ));
            }
            ast::Expression::Identifier(id) => self.delete_identifier(id, strict)?,
            // Step 2: ref is not a Reference Record: evaluate it, return true.
            other => {
                self.expr(other)?;
                self.emit(Instr::Pop);
                self.constant(Constant::Bool(true));
            }
        }
        Ok(())
    }

    /// `delete x`: an early SyntaxError in strict mode code (§13.5.1.1); in sloppy code
    /// (§13.5.1.2 steps 3–4) an unresolvable reference answers true, and a binding answers
    /// `base.DeleteBinding(name)`: false for a declarative binding (§9.1.1.1.7) and for a
    /// `var` or function of the script (§9.1.1.4.7 step 3, not configurable).
    fn delete_identifier(&mut self, id: &ast::IdentifierReference<'_>, strict: bool) -> R {
        let name = id.name.as_str();
        if strict {
            return Err(self.error(
                id.span,
                "syntax error",
                format!("Delete of an unqualified identifier in strict mode (`delete {name}`)"),
                "delete a property (`delete o.x`); strict mode code cannot delete a binding",
            ));
        }
        let deleted = if self.resolve(name).is_some() {
            false
        } else if matches!(name, "undefined" | "NaN" | "Infinity") {
            // §19.1: non-configurable properties of the global object.
            false
        } else if (self.options.resolve_global)(name).is_some() || self.is_unmodelled_global(name) {
            // A configurable property of the global object: deleting it would remove the
            // global, which the model does not do.
            return Err(self.unsupported(id.span, "`delete` of a global"));
        } else {
            true
        };
        self.constant(Constant::Bool(deleted));
        Ok(())
    }
}
