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
        // §27.2.4.7 Promise.resolve(x): step 2, C must be an Object; step 3,
        // PromiseResolve(C, x) (a subclass's own capability).
        PromiseResolve => {
            if !matches!(this, Value::Builtin(_) | Value::Object(_)) {
                return agent.throw(ErrorKind::TypeError, "PromiseResolve called on non-object");
            }
            agent.promise_resolve(&this, arg(&args, 0))
        }
        // §27.2.4.6 Promise.reject(r): step 2, NewPromiseCapability(C).
        PromiseReject => {
            if !matches!(this, Value::Builtin(_) | Value::Object(_)) {
                return agent.throw(ErrorKind::TypeError, "PromiseReject called on non-object");
            }
            let cap = agent.new_promise_capability_from(&this)?;
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
