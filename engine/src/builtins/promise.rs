//! §27.2 Promise Objects: the constructor called without `new`, the statics and the
//! prototype methods. The algorithms are in `crate::es::promise` and `crate::es::combinators`.

use super::Builtin;
use super::call::arg;
use crate::es::combinators::Combinator;
use crate::heap::ErrorKind;
use crate::host::HostHooks;
use crate::value::Value;
use crate::vm::{Agent, JsResult};

/// Calls one of this chapter's built-ins.
pub(super) fn call<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    b: Builtin,
    this: Value,
    args: Vec<Value>,
) -> JsResult<Value> {
    let _ = (&this, &args);
    use Builtin::*;
    match b {
        PromiseCtor => agent.throw(
            ErrorKind::TypeError,
            "Promise constructor cannot be invoked without 'new'",
        ),
        PromiseResolve => {
            if !matches!(this, Value::Builtin(PromiseCtor)) {
                return agent.throw(ErrorKind::TypeError, "PromiseResolve called on non-object");
            }
            let p = agent.promise_resolve_intrinsic(arg(&args, 0))?;
            Ok(Value::Object(p))
        }
        PromiseReject => {
            if !matches!(this, Value::Builtin(PromiseCtor)) {
                return agent.throw(ErrorKind::TypeError, "PromiseReject called on non-object");
            }
            let cap = agent.new_promise_capability();
            agent.call(&cap.reject, Value::Undefined, vec![arg(&args, 0)])?;
            Ok(cap.promise)
        }
        PromiseAll => agent.promise_combinator(Combinator::All, this, arg(&args, 0)),
        PromiseAllSettled => agent.promise_combinator(Combinator::AllSettled, this, arg(&args, 0)),
        PromiseAny => agent.promise_combinator(Combinator::Any, this, arg(&args, 0)),
        PromiseRace => agent.promise_combinator(Combinator::Race, this, arg(&args, 0)),
        PromiseThen => agent.promise_then(this, arg(&args, 0), arg(&args, 1)),
        PromiseCatch => agent.invoke(&this, "then", vec![Value::Undefined, arg(&args, 0)]),
        PromiseFinally => agent.promise_finally(this, arg(&args, 0)),
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}
