//! Array.prototype methods (ECMA-262 §23.1.3) over the model's dense arrays. Callbacks are
//! called synchronously, in index order, reading the live array.

use crate::host::HostHooks;
use std::sync::Arc;

use super::Builtin;
use super::call::arg;
use crate::heap::{ErrorKind, ObjKind};
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult};

fn items<H: HostHooks>(agent: &Agent<'_, H>, id: ObjId) -> Vec<Value> {
    match &agent.st.heap.get(id).kind {
        ObjKind::Array(v) => v.clone(),
        _ => Vec::new(),
    }
}

fn with_items<R, H: HostHooks>(
    agent: &mut Agent<'_, H>,
    id: ObjId,
    f: impl FnOnce(&mut Vec<Value>) -> R,
) -> Option<R> {
    match &mut agent.st.heap.get_mut(id).kind {
        ObjKind::Array(v) => Some(f(v)),
        _ => None,
    }
}

fn relative(n: f64, len: usize) -> usize {
    if n.is_nan() {
        0
    } else if n < 0.0 {
        (len as f64 + n).max(0.0) as usize
    } else {
        (n as usize).min(len)
    }
}

/// §23.1.2 the Array constructor's statics: `Array.isArray`, `Array.from`.
pub(super) fn call_static<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    b: Builtin,
    args: Vec<Value>,
) -> JsResult<Value> {
    use Builtin::*;
    match b {
        ArrayIsArray => {
            Ok(Value::Bool(arg(&args, 0).as_object().is_some_and(|id| {
                matches!(agent.st.heap.get(id).kind, ObjKind::Array(_))
            })))
        }
        ArrayFrom => {
            let items = agent.iterate_to_list(&arg(&args, 0))?;
            let f = arg(&args, 1);
            let items = if agent.is_callable(&f) {
                let mut out = Vec::new();
                for (i, it) in items.into_iter().enumerate() {
                    out.push(agent.call(&f, Value::Undefined, vec![it, Value::num(i as f64)])?);
                }
                out
            } else {
                items
            };
            Ok(Value::Object(agent.alloc(ObjKind::Array(items))))
        }
        _ => unreachable!("{b:?} is not an Array static"),
    }
}

/// §23.1.3 `Array.prototype` methods.
pub(super) fn call<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    b: Builtin,
    this: Value,
    args: Vec<Value>,
) -> JsResult<Value> {
    use Builtin::*;
    let Some(id) = this
        .as_object()
        .filter(|id| matches!(agent.st.heap.get(*id).kind, ObjKind::Array(_)))
    else {
        return agent.throw(
            ErrorKind::TypeError,
            &format!(
                "Array.prototype.{} called on a non-array",
                b.name::<H::Data>()
            ),
        );
    };
    let arr = Value::Object(id);
    let new_array =
        |agent: &mut Agent<'_, H>, v: Vec<Value>| Value::Object(agent.alloc(ObjKind::Array(v)));
    match b {
        ArrayPush => {
            let n = with_items(agent, id, |v| {
                v.extend(args);
                v.len()
            });
            Ok(Value::num(n.unwrap_or(0) as f64))
        }
        ArrayPop => Ok(with_items(agent, id, |v| v.pop())
            .flatten()
            .unwrap_or(Value::Undefined)),
        ArrayShift => Ok(with_items(agent, id, |v| {
            if v.is_empty() {
                None
            } else {
                Some(v.remove(0))
            }
        })
        .flatten()
        .unwrap_or(Value::Undefined)),
        ArrayUnshift => {
            let n = with_items(agent, id, |v| {
                let tail = std::mem::take(v);
                v.extend(args);
                v.extend(tail);
                v.len()
            });
            Ok(Value::num(n.unwrap_or(0) as f64))
        }
        ArrayJoin => {
            let sep: Arc<str> = match arg(&args, 0) {
                Value::Undefined => Arc::from(","),
                s => agent.to_string(&s)?,
            };
            let mut parts = Vec::new();
            for it in items(agent, id) {
                parts.push(if it.is_nullish() {
                    Arc::from("")
                } else {
                    agent.to_string(&it)?
                });
            }
            Ok(Value::String(Arc::from(parts.join(&*sep))))
        }
        ArrayIndexOf | ArrayIncludes => {
            let x = arg(&args, 0);
            let pos = items(agent, id).iter().position(|v| {
                if b == ArrayIncludes {
                    Agent::<H>::strict_equals(v, &x) || matches!((v, &x), (Value::Number(a), Value::Number(c)) if a.get().is_nan() && c.get().is_nan())
                } else {
                    Agent::<H>::strict_equals(v, &x)
                }
            });
            Ok(if b == ArrayIncludes {
                Value::Bool(pos.is_some())
            } else {
                Value::num(pos.map_or(-1.0, |p| p as f64))
            })
        }
        ArraySlice => {
            let all = items(agent, id);
            let len = all.len();
            let start = relative(agent.to_number(&arg(&args, 0))?, len);
            let end = match arg(&args, 1) {
                Value::Undefined => len,
                e => relative(agent.to_number(&e)?, len),
            };
            let part = all
                .get(start..end.max(start))
                .map(<[Value]>::to_vec)
                .unwrap_or_default();
            Ok(new_array(agent, part))
        }
        ArrayConcat => {
            let mut all = items(agent, id);
            for a in args {
                match a.as_object().map(|i| agent.st.heap.get(i).kind.clone()) {
                    Some(ObjKind::Array(more)) => all.extend(more),
                    _ => all.push(a),
                }
            }
            Ok(new_array(agent, all))
        }
        ArrayReverse => {
            with_items(agent, id, |v| v.reverse());
            Ok(arr)
        }
        ArrayForEach | ArrayMap | ArrayFilter | ArraySome | ArrayEvery | ArrayFind
        | ArrayFindIndex => {
            let f = arg(&args, 0);
            if !agent.is_callable(&f) {
                let d = agent.describe(&f);
                return agent.throw(ErrorKind::TypeError, &format!("{d} is not a function"));
            }
            let this_arg = arg(&args, 1);
            let len = items(agent, id).len();
            let mut out = Vec::new();
            for i in 0..len {
                let Some(v) = items(agent, id).get(i).cloned() else {
                    break;
                };
                let r = agent.call(
                    &f,
                    this_arg.clone(),
                    vec![v.clone(), Value::num(i as f64), arr.clone()],
                )?;
                match b {
                    ArrayMap => out.push(r),
                    ArrayFilter if r.to_boolean() => out.push(v),
                    ArraySome if r.to_boolean() => return Ok(Value::Bool(true)),
                    ArrayEvery if !r.to_boolean() => return Ok(Value::Bool(false)),
                    ArrayFind if r.to_boolean() => return Ok(v),
                    ArrayFindIndex if r.to_boolean() => return Ok(Value::num(i as f64)),
                    _ => {}
                }
            }
            Ok(match b {
                ArrayMap | ArrayFilter => new_array(agent, out),
                ArraySome => Value::Bool(false),
                ArrayEvery => Value::Bool(true),
                ArrayFindIndex => Value::num(-1.0),
                _ => Value::Undefined,
            })
        }
        ArrayReduce => {
            let f = arg(&args, 0);
            let all = items(agent, id);
            let mut iter = all.into_iter().enumerate();
            let mut acc = match args.get(1) {
                Some(init) => init.clone(),
                None => match iter.next() {
                    Some((_, v)) => v,
                    None => {
                        return agent.throw(
                            ErrorKind::TypeError,
                            "Reduce of empty array with no initial value",
                        );
                    }
                },
            };
            for (i, v) in iter {
                acc = agent.call(
                    &f,
                    Value::Undefined,
                    vec![acc, v, Value::num(i as f64), arr.clone()],
                )?;
            }
            Ok(acc)
        }
        _ => Ok(Value::Undefined),
    }
}
