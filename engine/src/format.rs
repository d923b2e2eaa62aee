//! The canonical formatting of logged values (rule FORMAT-1 in spec/), shared with the
//! conformance harness so that model and real runtimes compare line for line.
//!
//! - `console.log(a, b, …)` is one line: the formatted arguments joined by one space.
//! - A top-level string argument is printed raw; inside arrays and objects strings are
//!   JSON-quoted (`"a"`).
//! - Numbers use ECMAScript Number::toString, except that −0 prints as `-0`.
//! - `undefined`, `null`, `true`, `false` as written.
//! - Arrays: `[1, "a", [2]]`; empty `[]`; a run of holes (indices below `length` with no
//!   element) as Node prints it, `[<2 empty items>, 1]`, `[1, <1 empty item>]`. Objects: `{a: 1, "b c": 2}` (keys that are not
//!   identifiers are JSON-quoted); empty `{}`; accessor properties print as `[Getter]`,
//!   `[Setter]` or `[Getter/Setter]`. Nesting deeper than 3 prints `[Array]` / `[Object]`;
//!   a cycle prints `[Circular]`.
//! - Functions: `[Function name]` or `[Function (anonymous)]`.
//! - Promises: `Promise {}` (a harness cannot read a promise's state synchronously).
//! - Errors: `Name: message` (`Name` alone if the message is empty).
//! - Dates: the ISO string of the model clock time, e.g. `1970-01-01T00:00:00.010Z`.
//! - Host objects as their host prints them (`HostData::inspect`): Node's `Timeout {}`,
//!   `Immediate {}`, `EventEmitter {}` and `<Buffer 68 69>`, the Web APIs' `MessagePort {}`, …

use crate::heap::{Heap, ObjKind, Prop};
use crate::host::HostData;
use crate::ir::Program;
use crate::number::number_to_string;
use crate::value::{ObjId, Value};

/// Formats the arguments of one `console.log` call as one line.
pub fn log_line<X: HostData>(heap: &Heap<X>, program: &Program, args: &[Value]) -> String {
    args.iter()
        .map(|a| match a {
            Value::String(s) => s.to_string(),
            v => inspect(heap, program, v),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Formats one value as it appears nested (strings quoted).
pub fn inspect<X: HostData>(heap: &Heap<X>, program: &Program, v: &Value) -> String {
    let mut seen = Vec::new();
    inspect_at(heap, program, v, 0, &mut seen)
}

/// A string as FORMAT-1 prints it nested: JSON-quoted.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_identifier(k: &str) -> bool {
    let mut chars = k.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

fn number(x: f64) -> String {
    if x == 0.0 && x.is_sign_negative() {
        "-0".into()
    } else {
        number_to_string(x)
    }
}

fn error_string<X: HostData>(heap: &Heap<X>, id: ObjId, kind_name: &str) -> String {
    let obj = heap.get(id);
    // The error's `name`: its own, else the first on its chain of heap objects (a
    // subclass's prototype, `class E extends Error {}` with `E.prototype.name = "E"`).
    let mut name = None;
    let mut cur = Some(obj);
    while let Some(o) = cur {
        match o.get_own("name").map(Prop::value) {
            Some(Some(Value::String(s))) => {
                name = Some(s.to_string());
                break;
            }
            Some(_) => break,
            None => {}
        }
        cur = match o.proto {
            crate::heap::Proto::Object(p) => Some(heap.get(p)),
            _ => None,
        };
    }
    let name = name.unwrap_or_else(|| kind_name.to_string());
    match obj.get_own("message").and_then(Prop::value) {
        Some(Value::String(m)) if !m.is_empty() => format!("{name}: {m}"),
        _ => name,
    }
}

fn inspect_at<X: HostData>(
    heap: &Heap<X>,
    program: &Program,
    v: &Value,
    depth: usize,
    seen: &mut Vec<ObjId>,
) -> String {
    match v {
        Value::Undefined | Value::Hole => "undefined".into(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n.get()),
        Value::String(s) => quote(s),
        Value::Builtin(b) => {
            if b.is_callable::<X>() {
                format!("[Function {}]", b.name::<X>())
            } else {
                format!("[object {}]", b.name::<X>())
            }
        }
        Value::Object(id) => {
            if seen.contains(id) {
                return "[Circular]".into();
            }
            let obj = heap.get(*id);
            match &obj.kind {
                ObjKind::Array(items) => {
                    if items.is_empty() {
                        return "[]".into();
                    }
                    if depth >= 3 {
                        return "[Array]".into();
                    }
                    seen.push(*id);
                    let mut parts = Vec::new();
                    let mut next = 0;
                    // Elements stored with attributes print as node prints them: an
                    // accessor as `[Getter]`…, a non-enumerable one not at all.
                    let mut present: Vec<(u32, String)> = items
                        .iter()
                        .map(|(i, x)| (i, inspect_at(heap, program, x, depth + 1, seen)))
                        .collect();
                    for (k, p) in &obj.props {
                        if let Some(i) = crate::vm::props::array_index(k)
                            && p.is_enumerable()
                        {
                            present.push((i, property_value(heap, program, p, depth, seen)));
                        }
                    }
                    present.sort_by_key(|(i, _)| *i);
                    for (i, x) in present {
                        parts.extend(empty_items(i - next));
                        parts.push(x);
                        next = i + 1;
                    }
                    parts.extend(empty_items(items.len() - next));
                    seen.pop();
                    format!("[{}]", parts.join(", "))
                }
                ObjKind::Function(_) | ObjKind::Native(_) => {
                    match function_name(heap, program, v) {
                        Some(n) if !n.is_empty() => format!("[Function {n}]"),
                        _ => "[Function (anonymous)]".into(),
                    }
                }
                ObjKind::Promise(_) => "Promise {}".into(),
                ObjKind::Error(k) => error_string(heap, *id, k.name()),
                ObjKind::Date(t) => crate::builtins::date::date_string(*t),
                ObjKind::Host(x) => x.inspect(),
                _ => {
                    // Only own enumerable properties print (§6.1.7.1 [[Enumerable]]).
                    if !obj.props.iter().any(|(_, p)| p.is_enumerable()) {
                        return "{}".into();
                    }
                    if depth >= 3 {
                        return "[Object]".into();
                    }
                    seen.push(*id);
                    let parts: Vec<String> = obj
                        .ordinary_own_property_keys()
                        .into_iter()
                        .filter(|(_, p)| p.is_enumerable())
                        .map(|(k, p)| {
                            let key = if is_identifier(k) {
                                k.to_string()
                            } else {
                                quote(k)
                            };
                            let val = property_value(heap, program, p, depth, seen);
                            format!("{key}: {val}")
                        })
                        .collect();
                    seen.pop();
                    format!("{{{}}}", parts.join(", "))
                }
            }
        }
    }
}

/// How a property's value prints: a data property's value, an accessor as node names it.
fn property_value<X: HostData>(
    heap: &Heap<X>,
    program: &Program,
    p: &Prop,
    depth: usize,
    seen: &mut Vec<ObjId>,
) -> String {
    match (p.value(), p.get_set()) {
        (Some(x), _) => inspect_at(heap, program, x, depth + 1, seen),
        (None, Some((Some(_), Some(_)))) => "[Getter/Setter]".into(),
        (None, Some((Some(_), None))) => "[Getter]".into(),
        _ => "[Setter]".into(),
    }
}

/// A run of `n` holes in an array, as Node prints it: `<1 empty item>`, `<3 empty items>`.
fn empty_items(n: u32) -> Option<String> {
    match n {
        0 => None,
        1 => Some("<1 empty item>".into()),
        n => Some(format!("<{n} empty items>")),
    }
}

/// The `name` a function object would report, without running code.
fn function_name<X: HostData>(heap: &Heap<X>, program: &Program, v: &Value) -> Option<String> {
    let Value::Object(id) = v else { return None };
    match heap.get(*id).get_own("name").and_then(Prop::value) {
        Some(Value::String(s)) => Some(s.to_string()),
        _ => match &heap.get(*id).kind {
            ObjKind::Function(c) => program
                .functions
                .get(c.func as usize)
                .and_then(|f| f.name.as_ref())
                .map(|n| n.to_string()),
            _ => None,
        },
    }
}
