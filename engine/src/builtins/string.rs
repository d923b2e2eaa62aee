//! String.prototype methods (ECMA-262 §22.1.3) the subset offers.

use crate::host::HostHooks;
use std::sync::Arc;

use super::Builtin;
use super::call::arg;
use crate::heap::{ErrorKind, ObjKind};
use crate::strings::{StringBuilder, utf16_len};
use crate::value::Value;
use crate::vm::ops::{to_integer_or_infinity, to_length};
use crate::vm::{Agent, JsResult};

/// §22.1.1.1 String(value) called as a function: ToString, `""` with no argument.
pub(super) fn call_constructor<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    args: Vec<Value>,
) -> JsResult<Value> {
    {
        Ok(Value::String(agent.to_string(&arg(&args, 0)).map(|s| {
            if args.is_empty() { Arc::from("") } else { s }
        })?))
    }
}

/// §22.1.3 `String.prototype` methods.
pub(super) fn call<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    b: Builtin,
    this: Value,
    args: Vec<Value>,
) -> JsResult<Value> {
    use Builtin::*;
    let s = agent.to_string(&this)?;
    // By code point (the subset's approximation of code units), only for the methods that
    // index: a long string is not copied into a list for every method call.
    let chars = || -> Vec<char> { s.chars().collect() };
    let num = |agent: &mut Agent<'_, H>, i: usize| -> JsResult<Option<f64>> {
        match arg(&args, i) {
            Value::Undefined => Ok(None),
            v => agent.to_number(&v).map(Some),
        }
    };
    let text = |agent: &mut Agent<'_, H>, i: usize| agent.to_string(&arg(&args, i));
    let out = |x: String| Ok(Value::String(Arc::from(x)));
    match b {
        StrToUpperCase => out(s.to_uppercase()),
        StrToLowerCase => out(s.to_lowercase()),
        StrTrim => out(s.trim().to_string()),
        StrSlice => {
            let chars = chars();
            let len = chars.len();
            let rel = |n: f64| {
                if n < 0.0 {
                    (len as f64 + n).max(0.0) as usize
                } else {
                    (n as usize).min(len)
                }
            };
            let start = num(agent, 0)?.map_or(0, rel);
            let end = num(agent, 1)?.map_or(len, rel);
            out(chars
                .get(start..end.max(start))
                .map(|c| c.iter().collect())
                .unwrap_or_default())
        }
        StrIndexOf => {
            let needle = text(agent, 0)?;
            Ok(Value::num(
                s.find(&*needle)
                    .map_or(-1.0, |byte| s[..byte].chars().count() as f64),
            ))
        }
        StrIncludes => Ok(Value::Bool(s.contains(&*text(agent, 0)?))),
        StrStartsWith => Ok(Value::Bool(s.starts_with(&*text(agent, 0)?))),
        StrEndsWith => Ok(Value::Bool(s.ends_with(&*text(agent, 0)?))),
        StrCharAt => {
            let i = num(agent, 0)?.unwrap_or(0.0);
            out(if i >= 0.0 {
                chars()
                    .get(i as usize)
                    .map(|c| c.to_string())
                    .unwrap_or_default()
            } else {
                String::new()
            })
        }
        // §22.1.3.19 String.prototype.repeat: steps 3–5 (V8's messages), then the result's
        // length checked before it is built.
        StrRepeat => {
            let n = num(agent, 0)?.map_or(0.0, to_integer_or_infinity);
            if n < 0.0 || n == f64::INFINITY {
                let shown = crate::number::number_to_string(n);
                return agent.throw(
                    ErrorKind::RangeError,
                    &format!("Invalid count value: {shown}"),
                );
            }
            let mut b = StringBuilder::new();
            if !s.is_empty() && b.push_repeated(&s, n as usize).is_err() {
                return agent.invalid_string_length();
            }
            Ok(Value::String(b.finish()))
        }
        // §22.1.3.16–17 padEnd / padStart: StringPad (§22.1.3.17.2) with lengths in UTF-16
        // code units; a target past the maximum string length throws before allocating.
        StrPadStart | StrPadEnd => {
            let target = num(agent, 0)?.map_or(0.0, to_length);
            let fill: Arc<str> = match arg(&args, 1) {
                Value::Undefined => Arc::from(" "),
                v => agent.to_string(&v)?,
            };
            let units = utf16_len(&s);
            if target <= units as f64 || fill.is_empty() {
                return Ok(Value::String(s));
            }
            agent.check_string_length(target as usize)?;
            let fill_len = target as usize - units;
            let mut pad = String::new();
            let mut pad_units = 0;
            for c in fill.chars().cycle() {
                if pad_units >= fill_len {
                    break;
                }
                pad.push(c);
                pad_units += c.len_utf16();
            }
            out(if b == StrPadStart {
                format!("{pad}{s}")
            } else {
                format!("{s}{pad}")
            })
        }
        // §22.1.3.5 String.prototype.concat.
        StrConcat => {
            let mut parts = vec![s.clone()];
            for i in 0..args.len() {
                parts.push(text(agent, i)?);
            }
            let parts: Vec<&str> = parts.iter().map(|p| &**p).collect();
            Ok(Value::String(agent.concat_strings(&parts)?))
        }
        StrSplit => {
            let parts: Vec<Value> = match arg(&args, 0) {
                Value::Undefined => vec![Value::String(s.clone())],
                sep => {
                    let sep = agent.to_string(&sep)?;
                    if sep.is_empty() {
                        chars()
                            .iter()
                            .map(|c| Value::String(Arc::from(c.to_string())))
                            .collect()
                    } else {
                        s.split(&*sep)
                            .map(|p| Value::String(Arc::from(p)))
                            .collect()
                    }
                }
            };
            Ok(Value::Object(agent.alloc(ObjKind::Array(parts.into()))))
        }
        _ => Ok(Value::Undefined),
    }
}
