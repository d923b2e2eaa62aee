//! §20.2 Function Objects: `Function.prototype.bind`, `call` and `apply` (bound function
//! exotic objects, §10.4.1, are `NativeFn::Bound`).

use super::Builtin;
use super::call::arg;
use crate::es::native::NativeFn;
use crate::heap::{ErrorKind, ObjKind};
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
        FunctionBind => {
            if !agent.is_callable(&this) {
                return agent.throw(ErrorKind::TypeError, "Bind must be called on a function");
            }
            let mut args = args.into_iter();
            let bound_this = args.next().unwrap_or(Value::Undefined);
            let f = NativeFn::Bound {
                target: this,
                this: bound_this,
                args: args.collect(),
            };
            Ok(Value::Object(agent.alloc(ObjKind::Native(f))))
        }
        FunctionCall => {
            let mut args = args.into_iter();
            let t = args.next().unwrap_or(Value::Undefined);
            agent.call(&this, t, args.collect())
        }
        FunctionApply => {
            let t = arg(&args, 0);
            let list = match arg(&args, 1) {
                Value::Undefined | Value::Null => Vec::new(),
                v => agent.iterate_to_list(&v)?,
            };
            agent.call(&this, t, list)
        }
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}
