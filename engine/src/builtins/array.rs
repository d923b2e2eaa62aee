//! Array.prototype methods (ECMA-262 §23.1.3) over [`Elements`]. Callbacks are called
//! synchronously, in index order, reading the live array. The methods that test
//! `HasProperty` skip holes; those that read every index below `length` read holes as
//! `undefined`. None of them visits the indices of a run of holes one by one unless the
//! algorithm calls a function for each, so a far index or a huge `length` costs nothing.

use crate::host::HostHooks;
use std::sync::Arc;

use super::Builtin;
use super::call::arg;
use crate::elements::{Elements, INVALID_ARRAY_LENGTH, MAX_ARRAY_LENGTH};
use crate::heap::{ErrorKind, ObjKind};
use crate::strings::StringBuilder;
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult};

fn elements<'h, H: HostHooks>(agent: &'h Agent<'_, H>, id: ObjId) -> Option<&'h Elements> {
    match &agent.st.heap.get(id).kind {
        ObjKind::Array(e) => Some(e),
        _ => None,
    }
}

fn with_elements<R, H: HostHooks>(
    agent: &mut Agent<'_, H>,
    id: ObjId,
    f: impl FnOnce(&mut Elements) -> R,
) -> Option<R> {
    match &mut agent.st.heap.get_mut(id).kind {
        ObjKind::Array(e) => Some(f(e)),
        _ => None,
    }
}

fn len_of<H: HostHooks>(agent: &Agent<'_, H>, id: ObjId) -> u32 {
    elements(agent, id).map_or(0, Elements::len)
}

/// The relative index of `slice`'s arguments (§23.1.3.28 steps 3–8): negative from the end,
/// clamped to `0..=len`.
fn relative(n: f64, len: u32) -> u32 {
    let len = f64::from(len);
    let n = crate::vm::ops::to_integer_or_infinity(n);
    (if n < 0.0 {
        (len + n).max(0.0)
    } else {
        n.min(len)
    }) as u32
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
            Ok(Value::Object(agent.alloc(ObjKind::Array(items.into()))))
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
    // The methods below work on the elements directly (§23.1.3's Get/Set/DeletePropertyOrThrow
    // on an array whose elements are ordinary data properties and whose `length` is writable).
    if agent.st.heap.get(id).has_stored_elements() {
        return agent.throw(
            ErrorKind::TypeError,
            &format!(
                "evloop does not model Array.prototype.{} on an array with accessor or non-default elements, a non-writable length or that is not extensible",
                b.name::<H::Data>()
            ),
        );
    }
    let arr = Value::Object(id);
    let new_array =
        |agent: &mut Agent<'_, H>, e: Elements| Value::Object(agent.alloc(ObjKind::Array(e)));
    let len = len_of(agent, id);
    let invalid_length = |agent: &mut Agent<'_, H>| -> JsResult<Value> {
        agent.throw(ErrorKind::RangeError, INVALID_ARRAY_LENGTH)
    };
    let fits = |extra: usize| u64::from(len) + extra as u64 <= u64::from(MAX_ARRAY_LENGTH);
    match b {
        // §23.1.3.23 push: each argument at `length`, then `length` (a `RangeError` past
        // 2^32 − 1, before any is stored).
        ArrayPush => {
            if !fits(args.len()) {
                return invalid_length(agent);
            }
            let n = with_elements(agent, id, |e| {
                for a in args {
                    e.push(a);
                }
                e.len()
            });
            Ok(Value::num(f64::from(n.unwrap_or(0))))
        }
        // §23.1.3.22 pop.
        ArrayPop => Ok(with_elements(agent, id, |e| {
            let last = e.len().checked_sub(1)?;
            let v = e.read(last);
            e.set_len(last);
            Some(v)
        })
        .flatten()
        .unwrap_or(Value::Undefined)),
        // §23.1.3.27 shift: every element (and hole) moves down one index.
        ArrayShift => Ok(with_elements(agent, id, |e| {
            let new_len = e.len().checked_sub(1)?;
            let first = e.read(0);
            let moved: Vec<(u32, Value)> = e
                .iter()
                .filter(|(i, _)| *i > 0)
                .map(|(i, v)| (i - 1, v.clone()))
                .collect();
            *e = Elements::from_entries(new_len, moved);
            Some(first)
        })
        .flatten()
        .unwrap_or(Value::Undefined)),
        // §23.1.3.34 unshift: every element (and hole) moves up by the argument count.
        ArrayUnshift => {
            if !fits(args.len()) {
                return invalid_length(agent);
            }
            let n = with_elements(agent, id, |e| {
                let argc = args.len() as u32;
                let moved: Vec<(u32, Value)> =
                    e.iter().map(|(i, v)| (i + argc, v.clone())).collect();
                let new_len = e.len() + argc;
                let firsts = args.into_iter().enumerate().map(|(i, v)| (i as u32, v));
                *e = Elements::from_entries(new_len, firsts.chain(moved));
                new_len
            });
            Ok(Value::num(f64::from(n.unwrap_or(0))))
        }
        ArrayJoin => {
            let sep: Arc<str> = match arg(&args, 0) {
                Value::Undefined => Arc::from(","),
                s => agent.to_string(&s)?,
            };
            Ok(Value::String(agent.array_join(id, &sep)?))
        }
        // §23.1.3.17 indexOf (skipping holes: step 10.a HasProperty) and §23.1.3.16 includes
        // (every index: a hole reads as undefined), without their `fromIndex`.
        ArrayIndexOf | ArrayIncludes => {
            let x = arg(&args, 0);
            let e = elements(agent, id).cloned().unwrap_or_default();
            let same_value_zero = |v: &Value| {
                Agent::<H>::strict_equals(v, &x)
                    || matches!((v, &x), (Value::Number(a), Value::Number(c)) if a.get().is_nan() && c.get().is_nan())
            };
            if b == ArrayIncludes {
                let hole = e.count() < e.len() as usize;
                return Ok(Value::Bool(
                    e.iter().any(|(_, v)| same_value_zero(v))
                        || (hole && matches!(x, Value::Undefined)),
                ));
            }
            let pos = e
                .iter()
                .find(|(_, v)| Agent::<H>::strict_equals(v, &x))
                .map(|(i, _)| i);
            Ok(Value::num(pos.map_or(-1.0, f64::from)))
        }
        // §23.1.3.28 slice: the elements in `start..end`, holes kept.
        ArraySlice => {
            let start = relative(agent.to_number(&arg(&args, 0))?, len);
            let end = match arg(&args, 1) {
                Value::Undefined => len,
                e => relative(agent.to_number(&e)?, len),
            }
            .max(start);
            let e = elements(agent, id).map(|e| {
                let part = e
                    .iter()
                    .filter(|(i, _)| (start..end).contains(i))
                    .map(|(i, v)| (i - start, v.clone()));
                Elements::from_entries(end - start, part)
            });
            Ok(new_array(agent, e.unwrap_or_default()))
        }
        // §23.1.3.2 concat: arrays spread (holes kept), other values appended.
        ArrayConcat => {
            let mut all = elements(agent, id).cloned().unwrap_or_default();
            for a in args {
                let n = u64::from(all.len());
                let more = a.as_object().and_then(|i| elements(agent, i).cloned());
                let added = more.as_ref().map_or(1, |m| u64::from(m.len()));
                if n + added > u64::from(MAX_ARRAY_LENGTH) {
                    return invalid_length(agent);
                }
                let n = n as u32;
                match more {
                    Some(more) => {
                        for (i, v) in more.iter() {
                            all.set(n + i, v.clone());
                        }
                        all.set_len(n + more.len());
                    }
                    None => all.set(n, a),
                }
            }
            Ok(new_array(agent, all))
        }
        // §23.1.3.26 reverse: index k and len − 1 − k swap, holes included.
        ArrayReverse => {
            with_elements(agent, id, |e| {
                let swapped: Vec<(u32, Value)> =
                    e.iter().map(|(i, v)| (len - 1 - i, v.clone())).collect();
                *e = Elements::from_entries(len, swapped);
            });
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
            let visits_holes = matches!(b, ArrayFind | ArrayFindIndex);
            let mut mapped = Elements::with_len(len);
            let mut kept = Vec::new();
            let mut k = 0;
            while k < len {
                // find/findIndex (§23.1.3.9–10) read every index; the others (§23.1.3.15
                // forEach, .21 map, .8 filter, .29 some, .6 every) only those where
                // HasProperty is true: the next element of the live array.
                let (i, v) = if visits_holes {
                    let e = elements(agent, id);
                    let v = e.and_then(|e| e.get(k)).cloned();
                    if v.is_none() {
                        // A hole costs a step, so a long run of them ends in the budget.
                        agent.spend_fuel(1)?;
                    }
                    (k, v.unwrap_or(Value::Undefined))
                } else {
                    let e = elements(agent, id);
                    match e.and_then(|e| e.next_index(k)).filter(|&i| i < len) {
                        Some(i) => (i, e.map_or(Value::Undefined, |e| e.read(i))),
                        None => break,
                    }
                };
                k = i + 1;
                let r = agent.call(
                    &f,
                    this_arg.clone(),
                    vec![v.clone(), Value::num(f64::from(i)), arr.clone()],
                )?;
                match b {
                    ArrayMap => mapped.set(i, r),
                    ArrayFilter if r.to_boolean() => kept.push(v),
                    ArraySome if r.to_boolean() => return Ok(Value::Bool(true)),
                    ArrayEvery if !r.to_boolean() => return Ok(Value::Bool(false)),
                    ArrayFind if r.to_boolean() => return Ok(v),
                    ArrayFindIndex if r.to_boolean() => return Ok(Value::num(f64::from(i))),
                    _ => {}
                }
            }
            Ok(match b {
                ArrayMap => new_array(agent, mapped),
                ArrayFilter => new_array(agent, kept.into()),
                ArraySome => Value::Bool(false),
                ArrayEvery => Value::Bool(true),
                ArrayFindIndex => Value::num(-1.0),
                _ => Value::Undefined,
            })
        }
        // §23.1.3.24 reduce: over the elements present, the first one as the initial value
        // when none is given.
        ArrayReduce => {
            let f = arg(&args, 0);
            let next = |agent: &Agent<'_, H>, k: u32| {
                let e = elements(agent, id)?;
                let i = e.next_index(k).filter(|&i| i < len)?;
                Some((i, e.read(i)))
            };
            let (mut acc, mut k) = match args.get(1) {
                Some(init) => (init.clone(), 0),
                None => match next(agent, 0) {
                    Some((i, v)) => (v, i + 1),
                    None => {
                        return agent.throw(
                            ErrorKind::TypeError,
                            "Reduce of empty array with no initial value",
                        );
                    }
                },
            };
            while let Some((i, v)) = next(agent, k) {
                acc = agent.call(
                    &f,
                    Value::Undefined,
                    vec![acc, v, Value::num(f64::from(i)), arr.clone()],
                )?;
                k = i + 1;
            }
            Ok(acc)
        }
        _ => Ok(Value::Undefined),
    }
}

impl<H: HostHooks> Agent<'_, H> {
    /// Array.prototype.join (§23.1.3.18) with separator `sep`, also ToString of an array
    /// (§23.1.3.36 toString calls it): the elements' strings between separators, holes,
    /// `undefined` and `null` as empty strings.
    ///
    /// Joining is a call (it runs each element's ToString), so it counts toward the call
    /// depth; an array met again while it is being joined — a cycle — joins as the empty
    /// string, as in V8. The result's length is checked before it is built: the separators
    /// alone, `length − 1` of them, may already be too long.
    pub fn array_join(&mut self, id: ObjId, sep: &str) -> JsResult<Arc<str>> {
        if self.joining.contains(&id) {
            return Ok(Arc::from(""));
        }
        self.joining.push(id);
        let r = self.enter(|agent| agent.array_join_steps(id, sep));
        self.joining.pop();
        r
    }

    fn array_join_steps(&mut self, id: ObjId, sep: &str) -> JsResult<Arc<str>> {
        let len = len_of(self, id);
        let separators = len.saturating_sub(1) as usize;
        let mut out = StringBuilder::new();
        let separators_units = crate::strings::utf16_len(sep).checked_mul(separators);
        self.check_string_length(separators_units.unwrap_or(usize::MAX))?;
        let present: Vec<(u32, Value)> = elements(self, id)
            .map(|e| e.iter().map(|(i, v)| (i, v.clone())).collect())
            .unwrap_or_default();
        let mut at = 0;
        for (i, v) in present {
            if i >= len {
                break;
            }
            let s = if v.is_nullish() {
                Arc::from("")
            } else {
                self.to_string(&v)?
            };
            if out.push_repeated(sep, (i - at) as usize).is_err() || out.push(&s).is_err() {
                return self.invalid_string_length();
            }
            at = i;
        }
        let r = out.push_repeated(sep, separators.saturating_sub(at as usize));
        self.built(r.map(|()| out))
    }
}
