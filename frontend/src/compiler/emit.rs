//! Instruction emission into the current function's code buffer: emitting with the current
//! source position, jump patching and the nesting guard.

use evloop_model::ir::{Addr, Constant, Instr};
use oxc_span::Span;

use super::{Compiler, MAX_DEPTH, R, Reported, diag::MAX_ERRORS, len_u32};

/// A jump target not patched yet.
pub(super) const UNPATCHED: Addr = Addr::MAX;

impl Compiler<'_> {
    pub(super) fn emit(&mut self, instr: Instr) -> usize {
        let pos = self.lines.pos(self.cur.start);
        self.f.code.push(instr);
        self.f.positions.push(pos);
        self.f.code.len() - 1
    }

    pub(super) fn here(&self) -> Addr {
        len_u32(self.f.code.len())
    }

    pub(super) fn patch(&mut self, at: usize, target: Addr) {
        if let Some(
            Instr::Jump(a)
            | Instr::JumpIfFalse(a)
            | Instr::JumpIfTrue(a)
            | Instr::JumpIfFalseKeep(a)
            | Instr::JumpIfTrueKeep(a)
            | Instr::JumpIfNotNullishKeep(a)
            | Instr::IterNext { exit: a }
            | Instr::ForInNext { exit: a },
        ) = self.f.code.get_mut(at)
        {
            *a = target;
        }
    }

    pub(super) fn patch_here(&mut self, at: usize) {
        let here = self.here();
        self.patch(at, here);
    }

    pub(super) fn constant(&mut self, c: Constant) {
        self.emit(Instr::Const(c));
    }

    pub(super) fn undefined(&mut self) {
        self.constant(Constant::Undefined);
    }

    /// Runs `f` with `span` as the current position and one more level of nesting.
    pub(super) fn nested<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
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
    pub(super) fn at<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> R<T>) -> R<T> {
        let saved = std::mem::replace(&mut self.cur, span);
        let result = f(self);
        self.cur = saved;
        result
    }
}
