//! §25.5 The JSON Object: `JSON.stringify` (§25.5.2) for the engine's values.

use std::sync::Arc;

use super::call::arg;
use super::date::date_string;
use crate::elements::Elements;
use crate::format::quote;
use crate::heap::{ErrorKind, Heap, ObjKind, Prop};
use crate::host::{HostData, HostHooks};
use crate::number::number_to_string;
use crate::strings::{StringBuilder, TooLong};
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult, MAX_CALL_DEPTH};

/// `JSON.stringify(value)`; a result past the maximum string length throws
/// `RangeError: Invalid string length` as V8's does.
pub(super) fn call<H: HostHooks>(agent: &mut Agent<'_, H>, args: Vec<Value>) -> JsResult<Value> {
    let v = arg(&args, 0);
    match json_stringify(&agent.st.heap, &v) {
        Ok(Some(s)) => Ok(Value::String(Arc::from(s))),
        Ok(None) => Ok(Value::Undefined),
        Err(JsonError::TooLong) => agent.invalid_string_length(),
        Err(JsonError::TooDeep) => {
            agent.throw(ErrorKind::RangeError, "Maximum call stack size exceeded")
        }
        Err(JsonError::Accessor) => agent.throw(
            ErrorKind::TypeError,
            "evloop does not model JSON.stringify of an object with an enumerable accessor property or an array with elements stored with attributes",
        ),
    }
}

/// Why `JSON.stringify` gave no string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// The result would pass [`crate::strings::MAX_STRING_LENGTH`].
    TooLong,
    /// Objects nest deeper than [`MAX_CALL_DEPTH`] (V8's stack overflow).
    TooDeep,
    /// An enumerable accessor, whose getter SerializeJSONObject would call (§25.5.2.5
    /// step 7.a, Get), or an array whose elements are not all in its elements: running code
    /// is beyond this serializer, so it is refused.
    Accessor,
}

impl From<TooLong> for JsonError {
    fn from(_: TooLong) -> JsonError {
        JsonError::TooLong
    }
}

/// JSON.stringify (ECMA-262 §25.5.2) for the subset's values; `None` is undefined. Fails,
/// before building it, on a result longer than [`crate::strings::MAX_STRING_LENGTH`].
pub fn json_stringify<X: HostData>(heap: &Heap<X>, v: &Value) -> Result<Option<String>, JsonError> {
    if !serializable(heap, v) {
        return Ok(None);
    }
    let mut out = StringBuilder::new();
    json_at(heap, v, &mut Vec::new(), &mut out)?;
    Ok(Some(out.into_string()))
}

/// Whether SerializeJSONProperty (§25.5.2.2) gives a value rather than undefined (step 11).
fn serializable<X: HostData>(heap: &Heap<X>, v: &Value) -> bool {
    match v {
        Value::Undefined | Value::Hole | Value::Builtin(_) => false,
        Value::Object(id) => !matches!(
            heap.get(*id).kind,
            ObjKind::Function(_) | ObjKind::Native(_)
        ),
        _ => true,
    }
}

/// SerializeJSONProperty (§25.5.2.2) of a serializable value, appended to `out`; a cycle
/// prints `null` (the model's choice where §25.5.2.5 step 1 throws).
fn json_at<X: HostData>(
    heap: &Heap<X>,
    v: &Value,
    seen: &mut Vec<ObjId>,
    out: &mut StringBuilder,
) -> Result<(), JsonError> {
    match v {
        Value::Null => out.push("null")?,
        Value::Bool(b) => out.push(if *b { "true" } else { "false" })?,
        Value::Number(n) if n.get().is_finite() => out.push(&number_to_string(n.get()))?,
        Value::Number(_) => out.push("null")?,
        Value::String(s) => {
            // Quoting never shortens a string: refuse before escaping a string that cannot fit.
            if !out.fits(s, 1) {
                return Err(JsonError::TooLong);
            }
            out.push(&quote(s))?
        }
        Value::Object(id) if seen.contains(id) => out.push("null")?,
        Value::Object(_) if seen.len() >= MAX_CALL_DEPTH as usize => {
            return Err(JsonError::TooDeep);
        }
        Value::Object(id) => {
            seen.push(*id);
            let obj = heap.get(*id);
            let r = match &obj.kind {
                ObjKind::Array(_) if obj.has_stored_elements() => Err(JsonError::Accessor),
                ObjKind::Array(items) => json_array(heap, items, seen, out),
                ObjKind::Date(t) => Ok(out.push(&quote(&date_string(*t)))?),
                // SerializeJSONObject step 5: EnumerableOwnProperties(value, key), in
                // OrdinaryOwnPropertyKeys order (§10.1.11.1: integer keys first).
                _ => json_object(heap, &obj.ordinary_own_property_keys(), seen, out),
            };
            seen.pop();
            r?
        }
        Value::Undefined | Value::Hole | Value::Builtin(_) => {}
    }
    Ok(())
}

/// SerializeJSONArray (§25.5.2.6): every index below `length`, `null` for holes and values
/// that serialize to undefined (step 8.b.ii); runs of holes are written without visiting
/// each index.
fn json_array<X: HostData>(
    heap: &Heap<X>,
    items: &Elements,
    seen: &mut Vec<ObjId>,
    out: &mut StringBuilder,
) -> Result<(), JsonError> {
    out.push("[")?;
    let mut next = 0u32;
    let nulls = |out: &mut StringBuilder, from: u32, to: u32| -> Result<(), TooLong> {
        if from >= to {
            return Ok(());
        }
        if from == 0 {
            out.push("null")?;
        } else {
            out.push(",null")?;
        }
        out.push_repeated(",null", (to - from - 1) as usize)
    };
    for (i, x) in items.iter() {
        nulls(out, next, i)?;
        if i > 0 {
            out.push(",")?;
        }
        if serializable(heap, x) {
            json_at(heap, x, seen, out)?;
        } else {
            out.push("null")?;
        }
        next = i + 1;
    }
    nulls(out, next, items.len())?;
    Ok(out.push("]")?)
}

/// SerializeJSONObject (§25.5.2.5): the own data properties whose values serialize, in order.
fn json_object(
    heap: &Heap<impl HostData>,
    props: &[&(Arc<str>, Prop)],
    seen: &mut Vec<ObjId>,
    out: &mut StringBuilder,
) -> Result<(), JsonError> {
    out.push("{")?;
    let mut first = true;
    for (k, p) in props.iter().copied() {
        if !p.is_enumerable() {
            continue;
        }
        let Some(x) = p.value() else {
            return Err(JsonError::Accessor);
        };
        if !serializable(heap, x) {
            continue;
        }
        if !first {
            out.push(",")?;
        }
        first = false;
        out.push(&quote(k))?;
        out.push(":")?;
        json_at(heap, x, seen, out)?;
    }
    Ok(out.push("}")?)
}
