//! Property access: ECMA-262 GetV / Set (§7.3.3, §7.3.4) with the built-in prototypes of the
//! subset resolved by kind, and `new` (§13.3.5 EvaluateNew).

use crate::host::HostHooks;
use std::sync::Arc;

use crate::builtins::{self, Builtin};
use crate::heap::{ErrorKind, Obj, ObjKind, Prop, Proto};
use crate::value::Value;

use super::{Agent, JsResult};

fn index_of(key: &str) -> Option<usize> {
    if key == "0"
        || (!key.starts_with('0') && !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()))
    {
        key.parse().ok()
    } else {
        None
    }
}

impl<H: HostHooks> Agent<'_, H> {
    /// GetV(V, P): reads a property, running getters with `this` = V.
    pub fn get_v(&mut self, v: &Value, key: &str) -> JsResult<Value> {
        match v {
            Value::Undefined | Value::Null | Value::Hole => {
                let what = if matches!(v, Value::Null) {
                    "null"
                } else {
                    "undefined"
                };
                self.throw(
                    ErrorKind::TypeError,
                    &format!("Cannot read properties of {what} (reading '{key}')"),
                )
            }
            Value::String(s) => Ok(match key {
                "length" => Value::num(s.encode_utf16().count() as f64),
                _ => match index_of(key) {
                    Some(i) => s
                        .chars()
                        .nth(i)
                        .map(|c| Value::String(Arc::from(c.to_string())))
                        .unwrap_or(Value::Undefined),
                    None => builtins::string_method(key)
                        .map(Value::Builtin)
                        .unwrap_or(Value::Undefined),
                },
            }),
            Value::Number(_) => Ok(match key {
                "toFixed" => Value::Builtin(Builtin::NumToFixed),
                "toString" => Value::Builtin(Builtin::ToStringMethod),
                _ => Value::Undefined,
            }),
            Value::Bool(_) => Ok(match key {
                "toString" => Value::Builtin(Builtin::ToStringMethod),
                _ => Value::Undefined,
            }),
            Value::Builtin(b) => {
                if let Some(r) = H::host_get(self, v, key) {
                    return r;
                }
                // The global object's host-defined properties (ECMA-262 §19).
                if *b == Builtin::GlobalObj
                    && let Some(r) = H::host_global_property(self, key)
                {
                    return r;
                }
                Ok(b.static_prop::<H::Data>(key).unwrap_or(Value::Undefined))
            }
            Value::Object(id) => {
                let obj = self.st.heap.get(*id);
                match obj.get_own(key) {
                    Some(Prop::Data(d)) => return Ok(d.clone()),
                    Some(Prop::Accessor { get, .. }) => {
                        return match get.clone() {
                            Some(g) => self.call(&g, v.clone(), Vec::new()),
                            None => Ok(Value::Undefined),
                        };
                    }
                    Some(Prop::Hidden(d)) => return Ok(d.clone()),
                    None => {}
                }
                if key == "prototype"
                    && let Some(p) = self.materialize_prototype(*id)
                {
                    return Ok(p);
                }
                if let Some(r) = H::host_get(self, v, key) {
                    return r;
                }
                match self.st.heap.get(*id).proto {
                    Proto::Default => Ok(self.get_from_prototype(v, key)),
                    proto => self.get_from_chain(v, proto, key),
                }
            }
        }
    }

    /// The inherited properties of each kind of object (its built-in prototype chain).
    pub(super) fn get_from_prototype(&self, v: &Value, key: &str) -> Value {
        let Value::Object(id) = v else {
            return Value::Undefined;
        };
        let b = |b: Builtin| Value::Builtin(b);
        match &self.st.heap.get(*id).kind {
            ObjKind::Array(items) => match key {
                "length" => Value::num(items.len() as f64),
                _ => match index_of(key) {
                    Some(i) => items.get(i).cloned().unwrap_or(Value::Undefined),
                    None => match builtins::array_method(key) {
                        Some(m) => b(m),
                        None if key == "constructor" => b(Builtin::ArrayCtor),
                        None => self.object_prototype(key),
                    },
                },
            },
            ObjKind::Promise(_) => match key {
                "then" => b(Builtin::PromiseThen),
                "catch" => b(Builtin::PromiseCatch),
                "finally" => b(Builtin::PromiseFinally),
                "constructor" => b(Builtin::PromiseCtor),
                _ => self.object_prototype(key),
            },
            ObjKind::Error(k) => match key {
                "name" => Value::str(k.name()),
                "message" => Value::str(""),
                "constructor" => b(Builtin::ErrorCtor(*k)),
                _ => self.object_prototype(key),
            },
            ObjKind::Function(c) => match key {
                "name" => {
                    let f = self.program.functions.get(c.func as usize);
                    Value::String(
                        f.and_then(|f| f.name.clone())
                            .unwrap_or_else(|| Arc::from("")),
                    )
                }
                "length" => Value::num(
                    self.program
                        .functions
                        .get(c.func as usize)
                        .map_or(0, |f| f.params) as f64,
                ),
                "bind" => b(Builtin::FunctionBind),
                "call" => b(Builtin::FunctionCall),
                "apply" => b(Builtin::FunctionApply),
                _ => self.object_prototype(key),
            },
            ObjKind::Native(_) => match key {
                "name" => Value::str(""),
                "bind" => b(Builtin::FunctionBind),
                "call" => b(Builtin::FunctionCall),
                "apply" => b(Builtin::FunctionApply),
                _ => self.object_prototype(key),
            },
            ObjKind::Host(_) => {
                H::host_prototype_get(self, *id, key).unwrap_or_else(|| self.object_prototype(key))
            }
            ObjKind::Date(_) => match key {
                "getTime" | "valueOf" => b(Builtin::DateGetTime),
                _ => self.object_prototype(key),
            },
            _ => self.object_prototype(key),
        }
    }

    /// Object.prototype.
    fn object_prototype(&self, key: &str) -> Value {
        match key {
            "hasOwnProperty" => Value::Builtin(Builtin::HasOwnProperty),
            "toString" => Value::Builtin(Builtin::ToStringMethod),
            "constructor" => Value::Builtin(Builtin::ObjectCtor),
            _ => Value::Undefined,
        }
    }

    /// Set(O, P, V, false) in sloppy mode: writes an own property (running setters), or an
    /// array element or length.
    pub fn set_v(&mut self, target: &Value, key: &str, v: Value) -> JsResult<()> {
        match target {
            Value::Undefined | Value::Null | Value::Hole => {
                let what = if matches!(target, Value::Null) {
                    "null"
                } else {
                    "undefined"
                };
                self.throw(
                    ErrorKind::TypeError,
                    &format!("Cannot set properties of {what} (setting '{key}')"),
                )
            }
            Value::Builtin(_) if let Some(r) = H::host_set(self, target, key, &v) => r,
            Value::Builtin(b) => self.throw(
                ErrorKind::TypeError,
                &format!(
                    "evloop does not model changing the built-in `{}` (setting '{key}')",
                    b.name::<H::Data>()
                ),
            ),
            Value::Object(id)
                if matches!(self.st.heap.get(*id).kind, ObjKind::Host(_))
                    && let Some(r) = H::host_set(self, target, key, &v) =>
            {
                r
            }
            Value::Object(id) => {
                let obj = self.st.heap.get(*id);
                let setter = match obj.get_own(key) {
                    Some(Prop::Accessor { set, .. }) => Some(set.clone()),
                    Some(_) => None,
                    None => self.inherited_setter(obj.proto, key),
                };
                if let Some(set) = setter {
                    if let Some(s) = set {
                        self.call(&s, target.clone(), vec![v])?;
                    }
                    return Ok(());
                }
                self.check_dense_write(*id, key, &v)?;
                let hidden = self.writes_hidden(*id, key);
                let obj = self.st.heap.get_mut(*id);
                if let ObjKind::Array(items) = &mut obj.kind {
                    if key == "length" {
                        let n = match v {
                            Value::Number(n) if n.get() >= 0.0 => n.get() as usize,
                            _ => items.len(),
                        };
                        items.resize(n, Value::Undefined);
                        return Ok(());
                    }
                    if let Some(i) = index_of(key) {
                        if i >= items.len() {
                            items.resize(i + 1, Value::Undefined);
                        }
                        items[i] = v;
                        return Ok(());
                    }
                }
                obj.set_own(
                    key,
                    if hidden {
                        Prop::Hidden(v)
                    } else {
                        Prop::Data(v)
                    },
                );
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// `new C(...args)` (§13.3.5): the built-in constructors, and user functions called with a
    /// fresh ordinary object as `this`.
    pub fn construct(&mut self, ctor: &Value, args: Vec<Value>) -> JsResult<Value> {
        match ctor {
            Value::Builtin(Builtin::Host(f)) => match H::host_construct(self, *f, args) {
                Some(r) => r,
                None => {
                    let d = self.describe(ctor);
                    self.throw(ErrorKind::TypeError, &format!("{d} is not a constructor"))
                }
            },
            Value::Builtin(Builtin::PromiseCtor) => {
                let executor = args.into_iter().next().unwrap_or(Value::Undefined);
                self.promise_constructor(executor)
            }
            Value::Builtin(Builtin::ErrorCtor(k)) => {
                let mut args = args.into_iter();
                let mut obj = Obj::new(ObjKind::Error(*k));
                if *k == ErrorKind::AggregateError {
                    let errors = args.next().unwrap_or(Value::Undefined);
                    let list = self.iterate_to_list(&errors)?;
                    let arr = self.alloc(ObjKind::Array(list));
                    let msg = args.next().unwrap_or(Value::Undefined);
                    if !matches!(msg, Value::Undefined) {
                        let m = self.to_string(&msg)?;
                        obj.set_own("message", Prop::Data(Value::String(m)));
                    }
                    obj.set_own("errors", Prop::Data(Value::Object(arr)));
                } else {
                    let msg = args.next().unwrap_or(Value::Undefined);
                    if !matches!(msg, Value::Undefined) {
                        let m = self.to_string(&msg)?;
                        obj.set_own("message", Prop::Data(Value::String(m)));
                    }
                }
                Ok(Value::Object(self.st.heap.alloc(obj)))
            }
            Value::Builtin(Builtin::DateCtor) => {
                let t = H::host_current_time(self);
                Ok(Value::Object(self.alloc(ObjKind::Date(t))))
            }
            Value::Builtin(Builtin::ArrayCtor) => {
                let items = match args.as_slice() {
                    [Value::Number(n)] => {
                        self.check_dense_length(n.get())?;
                        vec![Value::Undefined; n.get().max(0.0) as usize]
                    }
                    _ => args,
                };
                Ok(Value::Object(self.alloc(ObjKind::Array(items))))
            }
            Value::Builtin(Builtin::ObjectCtor) => Ok(Value::Object(self.alloc(ObjKind::Ordinary))),
            Value::Object(id) => {
                let closure = match &self.st.heap.get(*id).kind {
                    ObjKind::Function(c) => Some(c.clone()),
                    _ => None,
                };
                let ok = closure.as_ref().is_some_and(|c| {
                    self.program
                        .functions
                        .get(c.func as usize)
                        .is_some_and(|f| f.kind == crate::ir::FunctionKind::Normal)
                });
                match closure {
                    Some(c) if ok => {
                        let obj = self.ordinary_create_from_constructor(ctor)?;
                        let r = self.call_closure(&c, obj.clone(), args)?;
                        Ok(if matches!(r, Value::Object(_)) {
                            r
                        } else {
                            obj
                        })
                    }
                    _ => {
                        let d = self.describe(ctor);
                        self.throw(ErrorKind::TypeError, &format!("{d} is not a constructor"))
                    }
                }
            }
            _ => {
                let d = self.describe(ctor);
                self.throw(ErrorKind::TypeError, &format!("{d} is not a constructor"))
            }
        }
    }

    /// Arrays are stored densely: a length past [`MAX_DENSE_LENGTH`] (`new Array(2 ** 32 - 1)`,
    /// `a[4294967294] = x`) is a RangeError naming the limitation rather than an allocation
    /// the machine cannot make.
    fn check_dense_length(&mut self, len: f64) -> JsResult<()> {
        if len > MAX_DENSE_LENGTH as f64 {
            return self.throw(
                ErrorKind::RangeError,
                &format!("evloop does not model arrays of {len} elements"),
            );
        }
        Ok(())
    }

    /// [`Self::check_dense_length`] for an assignment to an array's `length` or an index.
    fn check_dense_write(&mut self, id: crate::value::ObjId, key: &str, v: &Value) -> JsResult<()> {
        if !matches!(self.st.heap.get(id).kind, ObjKind::Array(_)) {
            return Ok(());
        }
        match (key, v) {
            ("length", Value::Number(n)) => self.check_dense_length(n.get()),
            _ => match index_of(key) {
                Some(i) => self.check_dense_length(i as f64 + 1.0),
                None => Ok(()),
            },
        }
    }
}

/// The longest array the engine stores (its elements are a dense vector).
const MAX_DENSE_LENGTH: usize = 1 << 16;
