//! Built-in function objects with captured data (ECMA-262 CreateBuiltinFunction closures):
//! resolving functions, await continuations, `finally` thunks, combinator element functions
//! and bound functions.

use crate::heap::{ErrorKind, ObjKind, Record};
use crate::host::HostHooks;
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult, Resume, Unwind};

use super::promise::Capability;

/// What a native closure does, with its captured slots.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NativeFn {
    /// ES-5 resolve function (§27.2.1.3.2).
    PromiseResolveFunction {
        promise: ObjId,
        already_resolved: ObjId,
    },
    /// ES-5 reject function (§27.2.1.3.1).
    PromiseRejectFunction {
        promise: ObjId,
        already_resolved: ObjId,
    },
    /// ES-9 Await onFulfilled closure (§27.7.5.3 step 3).
    AwaitFulfilled { frame: ObjId },
    /// ES-9 Await onRejected closure (§27.7.5.3 step 5).
    AwaitRejected { frame: ObjId },
    /// ES-12 thenFinally (§27.2.5.3 step 6.a).
    ThenFinally { on_finally: Value },
    /// ES-12 catchFinally (§27.2.5.3 step 6.c).
    CatchFinally { on_finally: Value },
    /// ES-12 valueThunk: returns the captured value.
    ValueThunk { value: Value },
    /// ES-12 thrower: throws the captured reason.
    Thrower { reason: Value },
    /// ES-11 Promise.all / allSettled / any element functions (§27.2.4.1.3, §27.2.4.2.2–3,
    /// §27.2.4.3.2).
    Element {
        kind: ElementKind,
        index: u32,
        /// A `Record::List` of values or errors.
        values: ObjId,
        capability: Capability,
        /// A `Record::Counter`: remainingElementsCount.
        remaining: ObjId,
        /// A `Record::Flag`: [[AlreadyCalled]] (shared by allSettled's pair).
        already_called: ObjId,
    },
    /// RT-2 (JSC) `finally`: calls `on_finally`, then settles `derived` with the original
    /// value (or reason) once the result settles, without a promise wrapper.
    JscFinally {
        on_finally: Value,
        derived: Capability,
        rejected: bool,
    },
    /// Settles a capability with a captured completion when called (RT-2).
    SettleWith {
        derived: Capability,
        value: Value,
        rejected: bool,
    },
    /// The host's reaction to a rejected module evaluation (top-level await): the error is
    /// reported as uncaught (Node: the process exits with code 1).
    ModuleEvaluationRejected,
    /// GetCapabilitiesExecutor (§27.2.1.5.1): NewPromiseCapability(C)'s executor for a
    /// promise subclass; `record` is a `Record::List` of [[Resolve]] and [[Reject]].
    GetCapabilitiesExecutor { record: ObjId },
    /// A bound function exotic object (§10.4.1), from `Function.prototype.bind`.
    Bound {
        target: Value,
        this: Value,
        args: Vec<Value>,
    },
}

/// Which combinator element function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementKind {
    AllResolve,
    AllSettledResolve,
    AllSettledReject,
    AnyReject,
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Undefined)
}

/// Calls a native closure.
pub fn call<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    _id: ObjId,
    f: NativeFn,
    this: Value,
    args: Vec<Value>,
) -> JsResult<Value> {
    match f {
        NativeFn::PromiseResolveFunction {
            promise,
            already_resolved,
        } => {
            // ES-5 steps 4–6.
            if agent.take_already_resolved(already_resolved) {
                return Ok(Value::Undefined);
            }
            agent.resolve_promise(promise, arg(&args, 0))?;
            Ok(Value::Undefined)
        }
        NativeFn::PromiseRejectFunction {
            promise,
            already_resolved,
        } => {
            // §27.2.1.3.1 steps 4–7.
            if agent.take_already_resolved(already_resolved) {
                return Ok(Value::Undefined);
            }
            agent.reject_promise(promise, arg(&args, 0));
            Ok(Value::Undefined)
        }
        NativeFn::AwaitFulfilled { frame } => {
            agent.trace("ES-9", || {
                "await: resuming the async function with a value".into()
            });
            agent.resume_frame(frame, Resume::Value(arg(&args, 0)))
        }
        NativeFn::AwaitRejected { frame } => {
            agent.trace("ES-9", || {
                "await: resuming the async function with a throw".into()
            });
            agent.resume_frame(frame, Resume::Throw(arg(&args, 0)))
        }
        NativeFn::ThenFinally { on_finally } => {
            let value = arg(&args, 0);
            let result = agent.call(&on_finally, Value::Undefined, Vec::new())?;
            let p = agent.promise_resolve_intrinsic(result)?;
            let thunk = agent.alloc(ObjKind::Native(NativeFn::ValueThunk { value }));
            agent.invoke(&Value::Object(p), "then", vec![Value::Object(thunk)])
        }
        NativeFn::CatchFinally { on_finally } => {
            let reason = arg(&args, 0);
            let result = agent.call(&on_finally, Value::Undefined, Vec::new())?;
            let p = agent.promise_resolve_intrinsic(result)?;
            let thrower = agent.alloc(ObjKind::Native(NativeFn::Thrower { reason }));
            agent.invoke(&Value::Object(p), "then", vec![Value::Object(thrower)])
        }
        NativeFn::JscFinally {
            on_finally,
            derived,
            rejected,
        } => {
            let value = arg(&args, 0);
            match agent.call(&on_finally, Value::Undefined, Vec::new()) {
                Ok(result) => agent.resolve_without_promise(result, derived, value, rejected)?,
                Err(Unwind::Throw(e)) => {
                    agent.call(&derived.reject, Value::Undefined, vec![e])?;
                }
                Err(d) => return Err(d),
            }
            Ok(Value::Undefined)
        }
        NativeFn::SettleWith {
            derived,
            value,
            rejected,
        } => {
            let f = if rejected {
                &derived.reject
            } else {
                &derived.resolve
            };
            agent.call(f, Value::Undefined, vec![value])?;
            Ok(Value::Undefined)
        }
        NativeFn::ModuleEvaluationRejected => {
            H::host_module_evaluation_rejected(agent, arg(&args, 0))?;
            Ok(Value::Undefined)
        }
        NativeFn::GetCapabilitiesExecutor { record } => {
            agent.capabilities_executor(record, arg(&args, 0), arg(&args, 1))
        }
        NativeFn::ValueThunk { value } => Ok(value),
        NativeFn::Thrower { reason } => Err(Unwind::Throw(reason)),
        NativeFn::Element {
            kind,
            index,
            values,
            capability,
            remaining,
            already_called,
        } => {
            if agent.take_already_resolved(already_called) {
                return Ok(Value::Undefined);
            }
            let x = arg(&args, 0);
            let stored = match kind {
                ElementKind::AllResolve | ElementKind::AnyReject => x,
                ElementKind::AllSettledResolve | ElementKind::AllSettledReject => {
                    let obj = agent.alloc(ObjKind::Ordinary);
                    let (status, key) = if kind == ElementKind::AllSettledResolve {
                        ("fulfilled", "value")
                    } else {
                        ("rejected", "reason")
                    };
                    let o = Value::Object(obj);
                    agent.set_v(&o, "status", Value::str(status))?;
                    agent.set_v(&o, key, x)?;
                    o
                }
            };
            if let ObjKind::Record(Record::List(list)) = &mut agent.st.heap.get_mut(values).kind
                && let Some(slot) = list.get_mut(index as usize)
            {
                *slot = stored;
            }
            if agent.decrement_remaining(remaining) {
                let list = agent.record_list(values);
                if kind == ElementKind::AnyReject {
                    let error = agent.aggregate_error(list);
                    agent.call(&capability.reject, Value::Undefined, vec![error])?;
                } else {
                    let arr = agent.alloc(ObjKind::Array(list.into()));
                    agent.call(
                        &capability.resolve,
                        Value::Undefined,
                        vec![Value::Object(arr)],
                    )?;
                }
            }
            Ok(Value::Undefined)
        }
        NativeFn::Bound {
            target,
            this: bound_this,
            args: bound_args,
        } => {
            let _ = this;
            let mut all = bound_args;
            all.extend(args);
            agent.call(&target, bound_this, all)
        }
    }
}

impl<H: HostHooks> Agent<'_, H> {
    /// remainingElementsCount.[[Value]] -= 1; true if it reached 0.
    pub fn decrement_remaining(&mut self, remaining: ObjId) -> bool {
        match &mut self.st.heap.get_mut(remaining).kind {
            ObjKind::Record(Record::Counter(n)) => {
                *n = n.saturating_sub(1);
                *n == 0
            }
            _ => false,
        }
    }

    /// The values of a `Record::List` (CreateArrayFromList's input).
    pub fn record_list(&self, id: ObjId) -> Vec<Value> {
        match &self.st.heap.get(id).kind {
            ObjKind::Record(Record::List(l)) => l.clone(),
            _ => Vec::new(),
        }
    }

    /// A new AggregateError with `errors` (§27.2.4.3.1 step 4.b.ii.1 and §27.2.4.3.2 step 10).
    pub fn aggregate_error(&mut self, errors: Vec<Value>) -> Value {
        let e = self.make_error(ErrorKind::AggregateError, "All promises were rejected");
        let arr = self.alloc(ObjKind::Array(errors.into()));
        if let Value::Object(id) = e {
            self.st
                .heap
                .get_mut(id)
                .set_own("errors", crate::heap::Prop::Hidden(Value::Object(arr)));
        }
        e
    }
}

crate::heap_refs!(enum [] NativeFn {
    PromiseResolveFunction { promise, already_resolved },
    PromiseRejectFunction { promise, already_resolved },
    AwaitFulfilled { frame },
    AwaitRejected { frame },
    ThenFinally { on_finally },
    CatchFinally { on_finally },
    ValueThunk { value },
    Thrower { reason },
    Element { values, capability, remaining, already_called, .. },
    JscFinally { on_finally, derived, .. },
    SettleWith { derived, value, .. },
    ModuleEvaluationRejected,
    GetCapabilitiesExecutor { record },
    Bound { target, this, args },
});
