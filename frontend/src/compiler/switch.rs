//! `switch` (ECMA-262 §14.12): the discriminant, a block environment for the case block's
//! lexical declarations, the case tests in source order, then the bodies in source order so
//! that control falls through from one clause to the next.
//!
//! ```text
//!     <discriminant>                 [d]
//!     PushEnv, hoisted functions     (when the case block declares let/const/functions)
//!     for each `case T:` in order:
//!       Dup; <T>; StrictEq; JumpIfFalse next   (§14.12.2 CaseClauseIsSelected: d === T)
//!       Pop; Jump body_i
//!     next:
//!     Pop; Jump default_body (or end)
//!     body_0 … body_n                (fall through)
//!     PopEnv
//!   end:                             (`break` lands here, having popped the environment)
//! ```
//!
//! Testing every `case` in source order and starting at the `default` clause when none
//! matches is CaseBlockEvaluation's order (§14.12.4): the clauses before `default`, then the
//! ones after it, then `default` and what follows it. The case tests run inside the block
//! environment, so a `case` that reads a `let` of the case block before its declaration runs
//! throws a ReferenceError (TDZ).

use evloop_model::ir::{BinOp, Instr};
use oxc_ast::ast;

use super::{Compiler, R, emit::UNPATCHED, stmt::Ctl};

impl Compiler<'_> {
    pub(super) fn switch_statement(&mut self, sw: &ast::SwitchStatement<'_>) -> R {
        self.expr(&sw.discriminant)?;
        let mut decls = Vec::new();
        let mut funcs = Vec::new();
        for case in &sw.cases {
            let (d, f) = self.lexical_decls(&case.consequent, false);
            decls.extend(d);
            funcs.extend(f);
        }
        self.f.ctl.push(Ctl::Switch { breaks: Vec::new() });
        let has_env = !decls.is_empty();
        let mut result = Ok(());
        if has_env {
            self.push_block_env(&decls)?;
            result = self.hoist_functions(&funcs);
        }
        let mut to_body = Vec::with_capacity(sw.cases.len());
        for case in &sw.cases {
            let Some(test) = &case.test else {
                to_body.push(None);
                continue;
            };
            self.emit(Instr::Dup);
            self.expr(test)?;
            self.emit(Instr::Binary(BinOp::StrictEq));
            let next = self.emit(Instr::JumpIfFalse(UNPATCHED));
            self.emit(Instr::Pop);
            to_body.push(Some(self.emit(Instr::Jump(UNPATCHED))));
            self.patch_here(next);
        }
        self.emit(Instr::Pop);
        let no_match = self.emit(Instr::Jump(UNPATCHED));
        let mut has_default = false;
        for (case, jump) in sw.cases.iter().zip(to_body) {
            match jump {
                Some(j) => self.patch_here(j),
                None => {
                    has_default = true;
                    self.patch_here(no_match);
                }
            }
            result = result.and(self.statements(&case.consequent));
        }
        if !has_default {
            self.patch_here(no_match);
        }
        if has_env {
            self.pop_block_env();
        }
        if let Some(Ctl::Switch { breaks }) = self.f.ctl.pop() {
            for j in breaks {
                self.patch_here(j);
            }
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::super::run_tests::log;

    #[test]
    fn selects_by_strict_equality_and_falls_through() {
        let src = "function f(x) { let out = ''; switch (x) { case 1: out += 'a'; case '1': out += 'b'; break; case 2: out += 'c'; } return out; }
console.log(f(1), f('1'), f(2), f(3), f(true))";
        assert_eq!(log(src), ["ab b c  "]);
    }

    #[test]
    fn default_in_any_position_runs_last_and_falls_through() {
        let src = "function f(x) { let out = ''; switch (x) { case 0: out += '0'; default: out += 'd'; case 1: out += '1'; break; case 2: out += '2'; } return out; }
console.log(f(0), f(1), f(2), f(9))";
        assert_eq!(log(src), ["0d1 1 2 d1"]);
    }

    #[test]
    fn tests_run_in_order_until_one_matches() {
        let src = "let seen = []; function t(v) { seen.push(v); return v; }
switch (2) { case t(1): break; default: seen.push('d'); case t(2): seen.push('hit'); case t(3): }
console.log(seen.join(','))";
        assert_eq!(log(src), ["1,2,hit"]);
    }

    #[test]
    fn break_and_continue_inside_loops() {
        let src = "let out = ''; for (let i = 0; i < 4; i++) { switch (i) { case 1: continue; case 2: break; default: out += 'x'; } out += i; }
let n = 0; while (true) { switch (n) { case 3: n = 10; break; default: n++; } if (n === 10) break; }
console.log(out, n)";
        assert_eq!(log(src), ["x02x3 10"]);
    }

    #[test]
    fn the_case_block_is_one_lexical_scope() {
        let src = "let x = 'outer'; switch (1) { case 0: let x = 'zero'; case 1: try { x; } catch (e) { console.log(e.name); } x = 'one'; console.log(x); function g() { return x; } console.log(g()); } console.log(x)";
        assert_eq!(log(src), ["ReferenceError", "one", "one", "outer"]);
        let src = "let y = 1; switch (y) { case y: { let z = y + 1; console.log(z); break; } }";
        assert_eq!(log(src), ["2"]);
    }

    #[test]
    fn an_empty_switch_evaluates_its_discriminant() {
        let src = "let n = 0; switch (n++) {} switch (n) { default: } console.log(n)";
        assert_eq!(log(src), ["1"]);
    }

    #[test]
    fn break_out_of_for_of_inside_a_switch_keeps_the_iterator() {
        let src = "let out = []; for (const v of [1, 2, 3]) { switch (v) { case 2: break; default: out.push(v); } } console.log(out.join(','))";
        assert_eq!(log(src), ["1,3"]);
    }
}
