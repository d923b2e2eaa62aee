//! §21.3 The Math Object.

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
        MathFloor | MathCeil | MathRound | MathTrunc | MathAbs | MathSqrt | MathSign => {
            let x = agent.to_number(&arg(&args, 0))?;
            Ok(Value::num(match b {
                MathFloor => x.floor(),
                MathCeil => x.ceil(),
                MathRound => (x + 0.5).floor(),
                MathTrunc => x.trunc(),
                MathAbs => x.abs(),
                MathSqrt => x.sqrt(),
                _ => {
                    if x.is_nan() || x == 0.0 {
                        x
                    } else {
                        x.signum()
                    }
                }
            }))
        }
        MathPow => {
            let x = agent.to_number(&arg(&args, 0))?;
            let y = agent.to_number(&arg(&args, 1))?;
            Ok(Value::num(x.powf(y)))
        }
        MathMax | MathMin => {
            let mut acc = if b == MathMax {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
            for a in &args {
                let x = agent.to_number(a)?;
                if x.is_nan() {
                    return Ok(Value::num(f64::NAN));
                }
                acc = if b == MathMax { acc.max(x) } else { acc.min(x) };
            }
            Ok(Value::num(acc))
        }
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}
