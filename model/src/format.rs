//! The canonical formatting of logged values (rule FORMAT-1 in spec/), shared with the
//! conformance harness so that model and real runtimes compare line for line.
//!
//! - `console.log(a, b, …)` is one line: the formatted arguments joined by one space.
//! - A top-level string argument is printed raw; inside arrays and objects strings are
//!   JSON-quoted (`"a"`).
//! - Numbers use ECMAScript Number::toString, except that −0 prints as `-0`.
//! - `undefined`, `null`, `true`, `false` as written.
//! - Arrays: `[1, "a", [2]]`; empty `[]`. Objects: `{a: 1, "b c": 2}` (keys that are not
//!   identifiers are JSON-quoted); empty `{}`; accessor properties print as `[Getter]`,
//!   `[Setter]` or `[Getter/Setter]`. Nesting deeper than 3 prints `[Array]` / `[Object]`;
//!   a cycle prints `[Circular]`.
//! - Functions: `[Function name]` or `[Function (anonymous)]`.
//! - Promises: `Promise {}` (a harness cannot read a promise's state synchronously).
//! - Errors: `Name: message` (`Name` alone if the message is empty).
//! - Dates: the ISO string of the model clock time, e.g. `1970-01-01T00:00:00.010Z`.
//! - Node objects: `Timeout {}`, `Immediate {}`, `EventEmitter {}`, and Buffers as Node prints
//!   them: `<Buffer 68 69>` (at most 50 bytes, then ` ... N more bytes`).

use crate::heap::{Heap, ObjKind, Prop};
use crate::ir::Program;
use crate::number::number_to_string;
use crate::value::{ObjId, Value};

/// Formats the arguments of one `console.log` call as one line.
pub fn log_line(heap: &Heap, program: &Program, args: &[Value]) -> String {
    args.iter()
        .map(|a| match a {
            Value::String(s) => s.to_string(),
            v => inspect(heap, program, v),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Formats one value as it appears nested (strings quoted).
pub fn inspect(heap: &Heap, program: &Program, v: &Value) -> String {
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

fn error_string(heap: &Heap, id: ObjId, kind_name: &str) -> String {
    let obj = heap.get(id);
    let name = match obj.get_own("name") {
        Some(Prop::Data(Value::String(s))) => s.to_string(),
        _ => kind_name.to_string(),
    };
    match obj.get_own("message") {
        Some(Prop::Data(Value::String(m))) if !m.is_empty() => format!("{name}: {m}"),
        _ => name,
    }
}

fn inspect_at(
    heap: &Heap,
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
            if b.is_callable() {
                format!("[Function {}]", b.name())
            } else {
                format!("[object {}]", b.name())
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
                    let parts: Vec<String> = items
                        .iter()
                        .map(|x| inspect_at(heap, program, x, depth + 1, seen))
                        .collect();
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
                ObjKind::Date(t) => date_string(*t),
                ObjKind::Timeout(_) => "Timeout {}".into(),
                ObjKind::Immediate(_) => "Immediate {}".into(),
                ObjKind::Emitter(_) => "EventEmitter {}".into(),
                ObjKind::Web(w) => w.format(),
                ObjKind::Buffer(s) => buffer_string(s),
                _ => {
                    if obj.props.is_empty() {
                        return "{}".into();
                    }
                    if depth >= 3 {
                        return "[Object]".into();
                    }
                    seen.push(*id);
                    let parts: Vec<String> = obj
                        .props
                        .iter()
                        .map(|(k, p)| {
                            let key = if is_identifier(k) {
                                k.to_string()
                            } else {
                                quote(k)
                            };
                            let val = match p {
                                Prop::Data(x) => inspect_at(heap, program, x, depth + 1, seen),
                                Prop::Accessor {
                                    get: Some(_),
                                    set: Some(_),
                                } => "[Getter/Setter]".into(),
                                Prop::Accessor { get: Some(_), .. } => "[Getter]".into(),
                                Prop::Accessor { .. } => "[Setter]".into(),
                            };
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

/// The `name` a function object would report, without running code.
fn function_name(heap: &Heap, program: &Program, v: &Value) -> Option<String> {
    let Value::Object(id) = v else { return None };
    match heap.get(*id).get_own("name") {
        Some(Prop::Data(Value::String(s))) => Some(s.to_string()),
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

/// Node's `util.inspect` of a Buffer: `<Buffer 68 69>`, at most 50 bytes shown
/// (`buffer.INSPECT_MAX_BYTES`), then ` ... N more bytes`.
fn buffer_string(bytes: &[u8]) -> String {
    let shown: Vec<String> = bytes.iter().take(50).map(|b| format!("{b:02x}")).collect();
    let more = bytes.len().saturating_sub(50);
    let tail = if more > 0 {
        format!(" ... {more} more byte{}", if more == 1 { "" } else { "s" })
    } else {
        String::new()
    };
    if shown.is_empty() {
        "<Buffer >".into()
    } else {
        format!("<Buffer {}{tail}>", shown.join(" "))
    }
}

fn is_leap(year: u64) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The ISO 8601 string of the model clock time `t` ms after the epoch.
pub fn date_string(t: u64) -> String {
    let ms = t % 1000;
    let secs = t / 1000;
    let (h, m, s) = ((secs / 3600) % 24, (secs / 60) % 60, secs % 60);
    let mut days = secs / 86400;
    let mut year = 1970u64;
    loop {
        let leap = is_leap(year);
        let len = if leap { 366 } else { 365 };
        if days < len {
            break;
        }
        days -= len;
        year += 1;
    }
    let leap = is_leap(year);
    let months = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 1;
    for len in months {
        if days < len {
            break;
        }
        days -= len;
        month += 1;
    }
    format!(
        "{year:04}-{month:02}-{:02}T{h:02}:{m:02}:{s:02}.{ms:03}Z",
        days + 1
    )
}

/// JSON.stringify (ECMA-262 §25.5.2) for the subset's values; `None` is undefined.
pub fn json_stringify(heap: &Heap, v: &Value) -> Option<String> {
    json_at(heap, v, &mut Vec::new())
}

fn json_at(heap: &Heap, v: &Value, seen: &mut Vec<ObjId>) -> Option<String> {
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
                            Prop::Accessor { .. } => None,
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
