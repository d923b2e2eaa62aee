//! Type conversions and operators (ECMA-262 §7.1 and §13) for the values the subset has.

use crate::host::HostHooks;
use std::sync::Arc;

use crate::heap::{ErrorKind, ObjKind};
use crate::ir::BinOp;
use crate::number::number_to_string;
use crate::value::Value;

use super::primitive::Hint;
use super::{Agent, JsResult};

impl<H: HostHooks> Agent<'_, H> {
    /// ECMA-262 ToNumber (§7.1.4).
    pub fn to_number(&mut self, v: &Value) -> JsResult<f64> {
        Ok(match v {
            Value::Undefined | Value::Hole => f64::NAN,
            Value::Null => 0.0,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Number(n) => n.get(),
            Value::String(s) => string_to_number(s),
            // Step 9: ToPrimitive(argument, number), then ToNumber of the primitive.
            Value::Object(_) | Value::Builtin(_) => {
                let p = self.to_primitive(v, Hint::Number)?;
                return self.to_number(&p);
            }
        })
    }

    /// ECMA-262 ToInt32 (§7.1.6).
    pub fn to_int32(&mut self, v: &Value) -> JsResult<i32> {
        let n = self.to_number(v)?;
        Ok(to_int32(n))
    }

    /// ECMA-262 ToString (§7.1.17): an object becomes ToPrimitive(argument, string) first
    /// (step 10), so a program's own `toString` or `valueOf` is called.
    pub fn to_string(&mut self, v: &Value) -> JsResult<Arc<str>> {
        if matches!(v, Value::Object(_) | Value::Builtin(_)) {
            let p = self.to_primitive(v, Hint::String)?;
            return self.to_string(&p);
        }
        self.builtin_to_string(v)
    }

    /// The built-in `toString` of a value's kind: a primitive's ToString, and for an object the
    /// method its built-in prototype has (Object.prototype.toString's tag, Array.prototype's
    /// `join`, Error.prototype's, Function.prototype's, Date.prototype's).
    pub fn builtin_to_string(&mut self, v: &Value) -> JsResult<Arc<str>> {
        Ok(match v {
            Value::String(s) => s.clone(),
            Value::Undefined | Value::Hole => Arc::from("undefined"),
            Value::Null => Arc::from("null"),
            Value::Bool(b) => Arc::from(if *b { "true" } else { "false" }),
            Value::Number(n) => Arc::from(number_to_string(n.get())),
            Value::Builtin(b) => Arc::from(format!(
                "function {}() {{ [native code] }}",
                b.name::<H::Data>()
            )),
            // Array.prototype.toString (§23.1.3.36): join with ",".
            Value::Object(id) if matches!(self.st.heap.get(*id).kind, ObjKind::Array(_)) => {
                self.array_join(*id, ",")?
            }
            Value::Object(id) => {
                let kind = self.st.heap.get(*id).kind.clone();
                match kind {
                    ObjKind::Error(k) => {
                        let msg = self.get_v(v, "message")?;
                        let msg = self.to_string(&msg)?;
                        let name = self.get_v(v, "name")?;
                        let name = if name.is_nullish() {
                            Arc::from(k.name())
                        } else {
                            self.to_string(&name)?
                        };
                        if msg.is_empty() {
                            name
                        } else {
                            Arc::from(format!("{name}: {msg}"))
                        }
                    }
                    // Function.prototype.toString (§20.2.3.5): a function's source text
                    // (step 2), a built-in's NativeFunction text (step 3).
                    ObjKind::Function(c) => return self.function_source_text(c.func),
                    ObjKind::Native(_) => Arc::from("function () { [native code] }"),
                    ObjKind::Promise(_) => Arc::from("[object Promise]"),
                    // §20.1.3.6 Object.prototype.toString step 5: builtinTag "Arguments".
                    ObjKind::Arguments(_) => Arc::from("[object Arguments]"),
                    ObjKind::Date(t) => Arc::from(crate::builtins::date::date_string(t)),
                    _ => Arc::from("[object Object]"),
                }
            }
        })
    }

    /// Function.prototype.toString step 2 (§20.2.3.5): the [[SourceText]] of a function
    /// declaration, expression or arrow. A method's source text starts at its name, which the
    /// compiled function's range does not include: refused rather than printed wrong.
    fn function_source_text(&mut self, func: crate::ir::FuncId) -> JsResult<Arc<str>> {
        let program = self.program.clone();
        let f = &program.functions[func as usize];
        let (start, end) = f.source_text;
        let text = program
            .source
            .get(start as usize..end as usize)
            .unwrap_or("");
        let arrow = matches!(
            f.kind,
            crate::ir::FunctionKind::Arrow | crate::ir::FunctionKind::AsyncArrow
        );
        let class = matches!(
            f.kind,
            crate::ir::FunctionKind::ClassConstructor | crate::ir::FunctionKind::DerivedConstructor
        ) && text.starts_with("class");
        if arrow || class || text.starts_with("function") || text.starts_with("async") {
            return Ok(Arc::from(text));
        }
        self.throw(
            ErrorKind::TypeError,
            "evloop does not model the source text of a method (Function.prototype.toString)",
        )
    }

    /// ECMA-262 ToPropertyKey (§7.1.19): numbers and strings as strings.
    pub fn to_property_key(&mut self, v: &Value) -> JsResult<Arc<str>> {
        self.to_string(v)
    }

    /// The `typeof` operator (§13.5.3).
    pub fn type_of(&self, v: &Value) -> &'static str {
        match v {
            Value::Undefined | Value::Hole => "undefined",
            Value::Null => "object",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Builtin(b) => {
                if b.is_callable::<H::Data>() {
                    "function"
                } else {
                    "object"
                }
            }
            Value::Object(_) => {
                if self.is_callable(v) {
                    "function"
                } else {
                    "object"
                }
            }
        }
    }

    /// ECMA-262 IsStrictlyEqual (§7.2.15).
    pub fn strict_equals(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Number(x), Value::Number(y)) => x.get() == y.get(),
            (Value::Hole, Value::Undefined) | (Value::Undefined, Value::Hole) => true,
            _ => a == b,
        }
    }

    /// The arithmetic and relational operators on two Numbers: what [`Agent::binary`]'s
    /// general steps compute for them, without their conversions, because ToPrimitive
    /// (§7.1.1 step 2) and ToNumber (§7.1.4 step 2) return a Number unchanged, and
    /// IsLessThan (§7.2.13 step 4) then compares them as Number::lessThan (§6.1.6.1.12) does.
    /// `None` for the operators left to the general steps.
    fn number_binary(op: BinOp, x: f64, y: f64) -> Option<Value> {
        use BinOp::*;
        Some(match op {
            Add => Value::num(x + y),
            Sub => Value::num(x - y),
            Mul => Value::num(x * y),
            Div => Value::num(x / y),
            Lt => Value::Bool(x < y),
            Le => Value::Bool(x <= y),
            Gt => Value::Bool(x > y),
            Ge => Value::Bool(x >= y),
            StrictEq | LooseEq => Value::Bool(x == y),
            StrictNe | LooseNe => Value::Bool(x != y),
            _ => return None,
        })
    }

    /// ECMA-262 IsLooselyEqual (§7.2.14) for the subset's values.
    pub fn loose_equals(&mut self, a: &Value, b: &Value) -> JsResult<bool> {
        if a.is_nullish() && b.is_nullish() {
            return Ok(true);
        }
        if a.is_nullish() || b.is_nullish() {
            return Ok(false);
        }
        let prim = |v: &Value| matches!(v, Value::Number(_) | Value::String(_) | Value::Bool(_));
        if prim(a) && prim(b) {
            if let (Value::String(x), Value::String(y)) = (a, b) {
                return Ok(x == y);
            }
            return Ok(self.to_number(a)? == self.to_number(b)?);
        }
        if prim(a) != prim(b) {
            let (p, o) = if prim(a) { (a, b) } else { (b, a) };
            let s = Value::String(self.to_string(o)?);
            return self.loose_equals(p, &s);
        }
        Ok(Self::strict_equals(a, b))
    }

    /// Binary operators (§13.6–§13.12).
    pub fn binary(&mut self, op: BinOp, a: &Value, b: &Value) -> JsResult<Value> {
        use BinOp::*;
        if let (Value::Number(x), Value::Number(y)) = (a, b)
            && let Some(v) = Self::number_binary(op, x.get(), y.get())
        {
            return Ok(v);
        }
        Ok(match op {
            Add => {
                let pa = self.primitive_of(a)?;
                let pb = self.primitive_of(b)?;
                if matches!(pa, Value::String(_)) || matches!(pb, Value::String(_)) {
                    let x = self.to_string(&pa)?;
                    let y = self.to_string(&pb)?;
                    Value::String(self.concat_strings(&[&x, &y])?)
                } else {
                    Value::num(self.to_number(&pa)? + self.to_number(&pb)?)
                }
            }
            Sub => Value::num(self.to_number(a)? - self.to_number(b)?),
            Mul => Value::num(self.to_number(a)? * self.to_number(b)?),
            Div => Value::num(self.to_number(a)? / self.to_number(b)?),
            Rem => Value::num(self.to_number(a)? % self.to_number(b)?),
            Exp => Value::num(self.to_number(a)?.powf(self.to_number(b)?)),
            StrictEq => Value::Bool(Self::strict_equals(a, b)),
            StrictNe => Value::Bool(!Self::strict_equals(a, b)),
            LooseEq => Value::Bool(self.loose_equals(a, b)?),
            LooseNe => Value::Bool(!self.loose_equals(a, b)?),
            Lt | Le | Gt | Ge => {
                let pa = self.primitive_of(a)?;
                let pb = self.primitive_of(b)?;
                if let (Value::String(x), Value::String(y)) = (&pa, &pb) {
                    let ord = x.encode_utf16().cmp(y.encode_utf16());
                    Value::Bool(match op {
                        Lt => ord.is_lt(),
                        Le => ord.is_le(),
                        Gt => ord.is_gt(),
                        _ => ord.is_ge(),
                    })
                } else {
                    let x = self.to_number(&pa)?;
                    let y = self.to_number(&pb)?;
                    Value::Bool(match op {
                        Lt => x < y,
                        Le => x <= y,
                        Gt => x > y,
                        _ => x >= y,
                    })
                }
            }
            BitAnd => Value::num(f64::from(self.to_int32(a)? & self.to_int32(b)?)),
            BitOr => Value::num(f64::from(self.to_int32(a)? | self.to_int32(b)?)),
            BitXor => Value::num(f64::from(self.to_int32(a)? ^ self.to_int32(b)?)),
            Shl => Value::num(f64::from(
                self.to_int32(a)?
                    .wrapping_shl(self.to_int32(b)? as u32 & 31),
            )),
            Shr => Value::num(f64::from(
                self.to_int32(a)? >> (self.to_int32(b)? as u32 & 31),
            )),
            UShr => Value::num(f64::from(
                (self.to_int32(a)? as u32) >> (self.to_int32(b)? as u32 & 31),
            )),
            InstanceOf => Value::Bool(self.instance_of(a, b)?),
            In => {
                let key = self.to_property_key(a)?;
                match b {
                    Value::Object(_) | Value::Builtin(_) => {
                        Value::Bool(self.has_property(b, &key)?)
                    }
                    _ => {
                        return self.throw(
                            ErrorKind::TypeError,
                            "Cannot use 'in' operator on a primitive",
                        );
                    }
                }
            }
        })
    }

    /// ToPrimitive (§7.1.1) without a preferred type (`+`, `<`, `==`).
    fn primitive_of(&mut self, v: &Value) -> JsResult<Value> {
        self.to_primitive(v, Hint::Default)
    }

    /// InstanceofOperator(V, target) (§13.10.2) without @@hasInstance (the subset has no
    /// symbols): step 4, if target is not callable, throw a TypeError; step 5,
    /// OrdinaryHasInstance (§7.3.21).
    fn instance_of(&mut self, v: &Value, c: &Value) -> JsResult<bool> {
        if !self.is_callable(c) {
            return self.throw(
                ErrorKind::TypeError,
                "Right-hand side of 'instanceof' is not callable",
            );
        }
        self.ordinary_has_instance(c, v)
    }

    /// CreateListFromArrayLike (§7.3.19) of an array, for spread calls and `apply`: its
    /// elements up to `length`, holes as `undefined`. An empty list for a non-array.
    ///
    /// Each element is a step of the iteration that builds it in a real engine, and the list
    /// must fit in the memory limit: past either, the run ends incomplete without
    /// allocating it (`f(...new Array(4e9))`).
    pub fn array_elements(&mut self, v: &Value) -> JsResult<Vec<Value>> {
        let len = match v {
            Value::Object(id) => match &self.st.heap.get(*id).kind {
                ObjKind::Array(items) => items.len(),
                _ => return Ok(Vec::new()),
            },
            _ => return Ok(Vec::new()),
        };
        self.spend_fuel(u64::from(len))?;
        self.reserve_memory(u64::from(len) * std::mem::size_of::<Value>() as u64)?;
        // Elements stored with attributes (accessors among them): Get(O, index) each.
        if let Value::Object(id) = v
            && self.st.heap.get(*id).has_stored_elements()
        {
            return (0..len).map(|i| self.get_v(v, &i.to_string())).collect();
        }
        Ok(match v {
            Value::Object(id) => match &self.st.heap.get(*id).kind {
                ObjKind::Array(items) => items.to_list(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        })
    }

    /// The array iterator's next value (§23.1.5.1 %ArrayIteratorPrototype%.next, step 2.b):
    /// the element at `index` of the live array, holes as `undefined`; `None` at or past its
    /// length, or for a non-array.
    pub fn array_element(&self, v: &Value, index: u32) -> Option<Value> {
        match &self.st.heap.get(v.as_object()?).kind {
            ObjKind::Array(items) if index < items.len() => Some(items.read(index)),
            _ => None,
        }
    }

    /// IteratorToList over the iterables the subset has: arrays and strings (by code point).
    pub fn iterate_to_list(&mut self, v: &Value) -> JsResult<Vec<Value>> {
        match v {
            Value::String(s) => Ok(s
                .chars()
                .map(|c| Value::String(Arc::from(c.to_string())))
                .collect()),
            Value::Object(id) if matches!(self.st.heap.get(*id).kind, ObjKind::Array(_)) => {
                self.array_elements(v)
            }
            // An arguments object's @@iterator is %Array.prototype.values% (§10.4.4.6
            // step 7, §10.4.4.7 step 18).
            Value::Object(_) if self.is_arguments_object(v) => self.array_like_to_list(v),
            _ => {
                let d = self.describe(v);
                self.throw(ErrorKind::TypeError, &format!("{d} is not iterable"))
            }
        }
    }
}

/// StringToNumber (§7.1.4.1.1) for decimal, hex, binary and octal literals and Infinity.
pub fn string_to_number(s: &str) -> f64 {
    let t = s.trim();
    if t.is_empty() {
        return 0.0;
    }
    let radix = |p: &str, r: u32| {
        u64::from_str_radix(p, r)
            .map(|n| n as f64)
            .unwrap_or(f64::NAN)
    };
    if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return radix(h, 16);
    }
    if let Some(b) = t.strip_prefix("0b").or_else(|| t.strip_prefix("0B")) {
        return radix(b, 2);
    }
    if let Some(o) = t.strip_prefix("0o").or_else(|| t.strip_prefix("0O")) {
        return radix(o, 8);
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    if t.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        t.parse::<f64>().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    }
}

/// ToIntegerOrInfinity (§7.1.5) on a number.
pub fn to_integer_or_infinity(n: f64) -> f64 {
    if n.is_nan() { 0.0 } else { n.trunc() + 0.0 }
}

/// ToLength (§7.1.20) on a number.
pub fn to_length(n: f64) -> f64 {
    to_integer_or_infinity(n).clamp(0.0, 9_007_199_254_740_991.0)
}

/// ToInt32 (§7.1.6) on a number.
pub fn to_int32(n: f64) -> i32 {
    to_uint32(n) as i32
}

/// ToUint32 (§7.1.7) on a number.
pub fn to_uint32(n: f64) -> u32 {
    if !n.is_finite() {
        return 0;
    }
    n.trunc().rem_euclid(4_294_967_296.0) as u64 as u32
}
