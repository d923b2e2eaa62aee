//! What `console.log` prints, per host: the browsers' canonical FORMAT-1 (they print to a
//! console, not to stdout; the harness formats canonically), and on Node and Deno the text
//! the runtime writes to stdout (FORMAT-2): `util.format` of the arguments with `util.inspect`
//! for each value ([`inspect`]). Bun keeps FORMAT-1 (its console is not modelled; see
//! spec/model.md FORMAT-2).

pub mod inspect;

use std::sync::Arc;

use evloop_engine::builtins::json::{JsonError, json_stringify};
use evloop_engine::heap::{ErrorKind, ObjKind, Proto};
use evloop_engine::value::Value;

use crate::host::Host;
use crate::vm::{Cx, JsResult};
use inspect::{Refusal, Style, format_number};

/// How a host's console prints a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsoleFormat {
    /// FORMAT-1, the canonical form the conformance harness compares.
    Canonical,
    /// FORMAT-2: the runtime's own `util.format`/`util.inspect`.
    Runtime(Style),
}

impl Host {
    /// FORMAT-1 on the browsers and Bun, FORMAT-2 on Node and Deno.
    pub fn console_format(self) -> ConsoleFormat {
        match self {
            Host::Html | Host::Chromium | Host::Bun => ConsoleFormat::Canonical,
            Host::Node | Host::NodeEsm => ConsoleFormat::Runtime(Style::Node),
            Host::Deno => ConsoleFormat::Runtime(Style::Deno),
        }
    }
}

impl Cx<'_, '_> {
    /// The line one `console.log(...args)` call prints.
    pub fn console_line(&mut self, args: &[Value]) -> JsResult<String> {
        match self.st.host.console_format() {
            ConsoleFormat::Canonical => Ok(crate::format::log_line(
                &self.st.realm.heap,
                &self.program,
                args,
            )),
            ConsoleFormat::Runtime(style) => match self.util_format(style, args) {
                Ok(Ok(line)) => Ok(line),
                Ok(Err(Refusal(what))) => {
                    let runtime = match style {
                        Style::Node => "Node.js",
                        Style::Deno => "Deno",
                    };
                    self.throw(
                        ErrorKind::TypeError,
                        &format!("evloop does not model how {runtime} prints {what} (console.log)"),
                    )
                }
                Err(e) => Err(e),
            },
        }
    }

    /// Inspects `v`; Deno's inspections within one call share `deno_ctx`'s circular
    /// numbering (see [`inspect::Inspector::new`]).
    fn inspect(
        &self,
        style: Style,
        deno_circular: &mut Vec<Value>,
        v: &Value,
    ) -> Result<String, Refusal> {
        let heap = &self.st.realm.heap;
        match style {
            Style::Node => inspect::inspect(heap, &self.program, style, v),
            Style::Deno => {
                // inspectArgs formats every argument with one ctx: the values inspected
                // before this one are replayed so that their circular references keep their
                // numbers.
                let mut ctx = inspect::Inspector::new(heap, &self.program, style);
                for before in deno_circular.iter() {
                    ctx.inspect(before)?;
                }
                deno_circular.push(v.clone());
                ctx.inspect(v)
            }
        }
    }

    /// `formatWithOptionsInternal` (Node's `lib/internal/util/inspect.js`): a first string
    /// argument's `%s %d %i %f %j %O %c %%` take the next arguments; the rest are appended,
    /// separated by spaces, strings raw and other values inspected.
    fn util_format(&mut self, style: Style, args: &[Value]) -> JsResult<Result<String, Refusal>> {
        let mut a = 0;
        let mut out = String::new();
        let mut join = "";
        let mut shared = Vec::new();
        if let Some(Value::String(first)) = args.first() {
            if args.len() == 1 {
                return Ok(Ok(first.to_string()));
            }
            let first: Vec<char> = first.chars().collect();
            let mut last_pos = 0;
            let mut i = 0;
            while i + 1 < first.len() {
                if first[i] == '%' {
                    i += 1;
                    let next = first[i];
                    if a + 1 != args.len() {
                        let temp = match next {
                            's' => {
                                a += 1;
                                let formatted = match style {
                                    Style::Node => self.format_s(style, &args[a])?,
                                    Style::Deno => self.deno_format_s(&args[a])?,
                                };
                                match formatted {
                                    Ok(s) => s,
                                    Err(r) => return Ok(Err(r)),
                                }
                            }
                            'j' => {
                                a += 1;
                                match json_stringify(&self.st.realm.heap, &args[a]) {
                                    Ok(Some(s)) => s,
                                    Ok(None) => "undefined".into(),
                                    Err(JsonError::TooLong) => {
                                        return self
                                            .throw(ErrorKind::RangeError, "Invalid string length");
                                    }
                                    Err(JsonError::TooDeep) => {
                                        return Ok(Err(Refusal("a circular value with %j".into())));
                                    }
                                    Err(JsonError::Accessor) => {
                                        return Ok(Err(Refusal(
                                            "%j of a value with an accessor property".into(),
                                        )));
                                    }
                                }
                            }
                            'd' if style == Style::Node => {
                                a += 1;
                                let n = self.to_number(&args[a].clone())?;
                                format_number(n)
                            }
                            'd' | 'i' | 'f' if style == Style::Deno => {
                                a += 1;
                                let s = self.to_string(&args[a].clone())?;
                                deno_format_number(next, &s)
                            }
                            'O' => {
                                a += 1;
                                match self.inspect(style, &mut shared, &args[a]) {
                                    Ok(s) => s,
                                    Err(r) => return Ok(Err(r)),
                                }
                            }
                            'o' if style == Style::Deno => {
                                a += 1;
                                match self.inspect(style, &mut shared, &args[a]) {
                                    Ok(s) => s,
                                    Err(r) => return Ok(Err(r)),
                                }
                            }
                            'o' => {
                                return Ok(Err(Refusal(
                                    "%o (util.inspect with showHidden)".into(),
                                )));
                            }
                            'i' | 'f' => {
                                a += 1;
                                let s = self.to_string(&args[a].clone())?;
                                format_number(if next == 'i' {
                                    parse_int(&s)
                                } else {
                                    parse_float(&s)
                                })
                            }
                            'c' => {
                                a += 1;
                                String::new()
                            }
                            '%' => {
                                out.extend(&first[last_pos..i]);
                                last_pos = i + 1;
                                i += 1;
                                continue;
                            }
                            _ => {
                                i += 1;
                                continue;
                            }
                        };
                        if last_pos != i - 1 {
                            out.extend(&first[last_pos..i - 1]);
                        }
                        out.push_str(&temp);
                        last_pos = i + 1;
                    } else if next == '%' {
                        out.extend(&first[last_pos..i]);
                        last_pos = i + 1;
                    }
                }
                i += 1;
            }
            if last_pos != 0 {
                a += 1;
                join = " ";
                if last_pos < first.len() {
                    out.extend(&first[last_pos..]);
                }
            }
        }
        while a < args.len() {
            out.push_str(join);
            match &args[a] {
                Value::String(s) => out.push_str(s),
                v => match self.inspect(style, &mut shared, v) {
                    Ok(s) => out.push_str(&s),
                    Err(r) => return Ok(Err(r)),
                },
            }
            join = " ";
            a += 1;
        }
        Ok(Ok(out))
    }

    /// `%s`: a number as formatNumber, an object with a built-in `toString` inspected at
    /// depth 0, anything else `String(value)`.
    fn format_s(&mut self, style: Style, v: &Value) -> JsResult<Result<String, Refusal>> {
        match v {
            Value::Number(n) => Ok(Ok(format_number(n.get()))),
            Value::Object(id) => {
                let heap = &self.st.realm.heap;
                if matches!(
                    heap.get(*id).kind,
                    ObjKind::Function(_) | ObjKind::Native(_)
                ) {
                    return Ok(Err(Refusal("a function with %s (its source text)".into())));
                }
                if self.has_built_in_to_string(*id) {
                    Ok(inspect::inspect_depth0(heap, &self.program, style, v))
                } else {
                    let s: Arc<str> = self.to_string(v)?;
                    Ok(Ok(s.to_string()))
                }
            }
            Value::Builtin(_) => Ok(Err(Refusal("a built-in object with %s".into()))),
            v => Ok(Ok(self.to_string(v)?.to_string())),
        }
    }

    /// Deno's `%s`: `String(value)` for every value.
    fn deno_format_s(&mut self, v: &Value) -> JsResult<Result<String, Refusal>> {
        match v {
            Value::Object(id)
                if matches!(
                    self.st.realm.heap.get(*id).kind,
                    ObjKind::Function(_) | ObjKind::Native(_)
                ) =>
            {
                Ok(Err(Refusal("a function with %s (its source text)".into())))
            }
            Value::Builtin(_) => Ok(Err(Refusal("a built-in object with %s".into()))),
            v => Ok(Ok(self.to_string(v)?.to_string())),
        }
    }

    /// `hasBuiltInToString`: no object of the program's own on the prototype chain defines
    /// `toString` (the engine has no `Symbol.toPrimitive`).
    fn has_built_in_to_string(&self, id: evloop_engine::value::ObjId) -> bool {
        let heap = &self.st.realm.heap;
        let mut cur = Some(id);
        let mut guard = 0;
        while let Some(o) = cur {
            let obj = heap.get(o);
            if obj.get_own("toString").is_some() {
                return false;
            }
            cur = match obj.proto {
                Proto::Object(p) => Some(p),
                _ => None,
            };
            guard += 1;
            if guard > 10_000 {
                break;
            }
        }
        true
    }
}

/// Deno's `%d`/`%i` (`parseInt(String(value))`) and `%f` (`parseFloat(String(value))`),
/// printed as `${n}` (so negative zero prints as `0`).
fn deno_format_number(spec: char, s: &str) -> String {
    let n = if spec == 'f' {
        parse_float(s)
    } else {
        parse_int(s)
    };
    evloop_engine::number::number_to_string(n)
}

/// `parseInt(string)` with no radix (ECMA-262 §19.2.5): leading white space, a sign, `0x`
/// for hexadecimal, then the longest run of digits.
fn parse_int(s: &str) -> f64 {
    let s = s.trim_start_matches(is_js_space);
    let (sign, s) = match s.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    let (radix, s) = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(r) => (16, r),
        None => (10, s),
    };
    let digits: String = s.chars().take_while(|c| c.is_digit(radix)).collect();
    if digits.is_empty() {
        return f64::NAN;
    }
    let mut n = 0.0;
    for c in digits.chars() {
        n = n * radix as f64 + c.to_digit(radix).expect("digit") as f64;
    }
    if radix == 10 {
        // Decimal digits are read exactly as a numeric literal would be.
        n = digits.parse::<f64>().unwrap_or(n);
    }
    sign * n
}

/// `parseFloat(string)` (§19.2.4): the longest prefix that is a StrDecimalLiteral.
fn parse_float(s: &str) -> f64 {
    let s = s.trim_start_matches(is_js_space);
    let (sign, body) = match s.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    if body.starts_with("Infinity") {
        return sign * f64::INFINITY;
    }
    let b = body.as_bytes();
    let mut end = 0;
    let mut digits = 0;
    while end < b.len() && b[end].is_ascii_digit() {
        end += 1;
        digits += 1;
    }
    if end < b.len() && b[end] == b'.' {
        let mut j = end + 1;
        let mut frac = 0;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
            frac += 1;
        }
        if digits + frac > 0 {
            end = j;
            digits += frac;
        }
    }
    if digits == 0 {
        return f64::NAN;
    }
    if end < b.len() && (b[end] == b'e' || b[end] == b'E') {
        let mut j = end + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > start {
            end = j;
        }
    }
    sign * body[..end].parse::<f64>().unwrap_or(f64::NAN)
}

/// WhiteSpace and LineTerminator (§12.2, §12.3), which StringToNumber-style parsing skips.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\u{9}'
            | '\u{a}'
            | '\u{b}'
            | '\u{c}'
            | '\u{d}'
            | ' '
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{feff}'
    ) || ('\u{2000}'..='\u{200a}').contains(&c)
}

#[cfg(test)]
mod tests;
