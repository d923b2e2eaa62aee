//! §25.5 The JSON Object: `JSON.stringify` (§25.5.2) for the engine's values.

use std::sync::Arc;

use super::call::arg;
use super::date::date_string;
use crate::format::quote;
use crate::heap::{Heap, ObjKind, Prop};
use crate::host::{HostData, HostHooks};
use crate::number::number_to_string;
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult};

/// `JSON.stringify(value)`.
pub(super) fn call<H: HostHooks>(agent: &mut Agent<'_, H>, args: Vec<Value>) -> JsResult<Value> {
    let v = arg(&args, 0);
    Ok(match json_stringify(&agent.st.heap, &v) {
        Some(s) => Value::String(Arc::from(s)),
        None => Value::Undefined,
    })
}

/// JSON.stringify (ECMA-262 §25.5.2) for the subset's values; `None` is undefined.
pub fn json_stringify<X: HostData>(heap: &Heap<X>, v: &Value) -> Option<String> {
    json_at(heap, v, &mut Vec::new())
}

fn json_at<X: HostData>(heap: &Heap<X>, v: &Value, seen: &mut Vec<ObjId>) -> Option<String> {
    match v {
        Value::Undefined | Value::Hole | Value::Builtin(_) => None,
        Value::Null => Some("null".into()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(if n.get().is_finite() {
            number_to_string(n.get())
        } else {
            "null".into()
        }),
        Value::String(s) => Some(quote(s)),
        Value::Object(id) => {
            if seen.contains(id) {
                return Some("null".into());
            }
            let obj = heap.get(*id);
            seen.push(*id);
            let r = match &obj.kind {
                ObjKind::Function(_) | ObjKind::Native(_) => None,
                ObjKind::Array(items) => {
                    let parts: Vec<String> = items
                        .iter()
                        .map(|x| json_at(heap, x, seen).unwrap_or_else(|| "null".into()))
                        .collect();
                    Some(format!("[{}]", parts.join(",")))
                }
                ObjKind::Date(t) => Some(quote(&date_string(*t))),
                _ => {
                    let parts: Vec<String> = obj
                        .props
                        .iter()
                        .filter_map(|(k, p)| match p {
                            Prop::Data(x) => {
                                json_at(heap, x, seen).map(|s| format!("{}:{s}", quote(k)))
                            }
                            Prop::Accessor { .. } | Prop::Hidden(_) => None,
                        })
                        .collect();
                    Some(format!("{{{}}}", parts.join(",")))
                }
            };
            seen.pop();
            r
        }
    }
}
