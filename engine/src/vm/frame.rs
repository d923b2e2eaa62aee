//! Execution contexts (ECMA-262 §9.4) in the flat form the IR allows: a frame is a function,
//! a program counter, an operand stack, the current environment and the `try` handlers.

use crate::ir::FuncId;
use crate::value::{ObjId, Value};

/// An entered `try` (the VM's record of a TryStatement being evaluated).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Handler {
    pub catch: Option<u32>,
    pub finally: Option<u32>,
    /// Operand stack length when the `try` was entered.
    pub stack_len: u32,
    /// The environment when the `try` was entered.
    pub env: ObjId,
    /// Pending `finally` completions when the `try` was entered; unwinding past an
    /// abandoned `finally` block discards the completions pushed after it.
    pub completions_len: u32,
}

/// A completion record (ECMA-262 §6.2.4) carried through a `finally` block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Completion {
    Normal,
    Throw(Value),
    Return(Value),
}

/// One activation of a function.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Frame {
    pub func: FuncId,
    pub pc: u32,
    pub stack: Vec<Value>,
    pub env: ObjId,
    pub this: Value,
    pub handlers: Vec<Handler>,
    pub completions: Vec<Completion>,
    /// For async functions: the promise of the capability made by
    /// EvaluateAsyncFunctionBody (ES-10), settled when the body completes.
    pub async_promise: Option<ObjId>,
}

crate::heap_refs!(struct [] Handler { env });
crate::heap_refs!(enum [] Completion { Normal, Throw(v), Return(v) });
crate::heap_refs!(struct [] Frame { env, stack, this, handlers, completions, async_promise });
