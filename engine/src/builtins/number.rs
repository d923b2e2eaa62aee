//! §21.1 Number Objects and §20.3 Boolean Objects: the constructors called as functions
//! (ToNumber, ToBoolean) and `Number.prototype.toFixed`.

use std::sync::Arc;

use super::Builtin;
use super::call::arg;
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
        NumberCtor => Ok(Value::num(if args.is_empty() {
            0.0
        } else {
            agent.to_number(&arg(&args, 0))?
        })),
        BooleanCtor => Ok(Value::Bool(arg(&args, 0).to_boolean())),
        NumToFixed => {
            let n = agent.to_number(&this)?;
            let d = agent.to_number(&arg(&args, 0))?;
            let d = if d.is_nan() {
                0
            } else {
                d.clamp(0.0, 100.0) as usize
            };
            Ok(Value::String(Arc::from(format!("{n:.d$}"))))
        }
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}
