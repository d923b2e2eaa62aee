//! Read-modify-write of a reference whose base and key are on the stack (`o[k]`, `o.#x`,
//! `super[k]`): compound and logical assignment (§13.15.2) and `++`/`--` (§13.4).

use evloop_model::ir::{BinOp, Instr};
use oxc_ast::ast;
use oxc_syntax::operator::LogicalOperator;

use super::emit::UNPATCHED;
use super::expr::short_circuit;
use super::{Compiler, R};

impl Compiler<'_> {
    /// `=`, `op=` or a logical assignment to a reference whose base and key are on the
    /// stack (`o[k]`, `o.#x`), read with `get` and written with `set`; the value stays.
    pub(super) fn keyed_assignment(
        &mut self,
        right: &ast::Expression<'_>,
        compound: Option<BinOp>,
        logical: Option<LogicalOperator>,
        get: Instr,
        set: Instr,
    ) -> R {
        if let Some(op) = logical {
            self.emit(Instr::Dup2);
            self.emit(get);
            let keep = self.emit(short_circuit(op));
            self.expr(right)?;
            self.emit(set);
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
                self.emit(get);
                self.expr(right)?;
                self.emit(Instr::Binary(op));
            } else {
                self.expr(right)?;
            }
            self.emit(set);
        }
        Ok(())
    }

    /// The end of `++`/`--` on a reference whose base and key are on the stack below the
    /// old value: the new value written with `set`; a postfix one leaves the old value
    /// (as a number), which goes through the `%tmp` slot since it must end up below the
    /// reference's slots.
    pub(super) fn update_tail(&mut self, step: Instr, prefix: bool, set: Instr) {
        if prefix {
            self.emit(step);
            self.emit(set);
        } else {
            let tmp = self.tmp();
            self.emit(Instr::ToNumber);
            self.emit(Instr::Dup);
            self.store_var(tmp);
            self.emit(step);
            self.emit(set);
            self.emit(Instr::Pop);
            self.load_var(tmp);
        }
    }
}
