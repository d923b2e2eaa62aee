//! Property access: ECMA-262 GetV / Set (§7.3.3, §7.3.4) with the built-in prototypes of the
//! subset resolved by kind, and `new` (§13.3.5 EvaluateNew).

use crate::host::HostHooks;
use std::sync::Arc;

use crate::builtins::{self, Builtin};
use crate::elements::{Elements, INVALID_ARRAY_LENGTH, MAX_ARRAY_LENGTH};
use crate::heap::{ErrorKind, Obj, ObjKind, Prop, Proto};
use crate::value::{ObjId, Value};

use super::ops::to_uint32;
use super::proto::Inherited;
use super::{Agent, JsResult};

/// The array index a property key denotes (§6.1.7: a canonical numeric string of an integer
/// below 2^32 − 1), if any.
pub fn array_index(key: &str) -> Option<u32> {
    let canonical = key == "0"
        || (!key.starts_with('0') && !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()));
    if !canonical {
        return None;
    }
    key.parse::<u32>().ok().filter(|&i| i < MAX_ARRAY_LENGTH)
}

impl<H: HostHooks> Agent<'_, H> {
    /// GetV(V, P) (§7.3.3): reads a property, running getters with `this` = V.
    pub fn get_v(&mut self, v: &Value, key: &str) -> JsResult<Value> {
        match v {
            Value::Object(id) => self.get_object(*id, v, key),
            _ => self.get_primitive(v, key),
        }
    }

    /// O.[[Get]](P, Receiver) (§10.1.8) of a heap object: an own data property, an own
    /// getter called with `this` = the receiver, or the inherited property. Kept apart from
    /// the primitives so that getters calling getters take little Rust stack.
    fn get_object(&mut self, id: ObjId, v: &Value, key: &str) -> JsResult<Value> {
        let obj = self.st.heap.get(id);
        if let Some(p) = obj.get_own(key) {
            return match (p.value(), p.get_set()) {
                (Some(d), _) => Ok(d.clone()),
                (None, Some((Some(g), _))) => {
                    let g = g.clone();
                    self.call(&g, v.clone(), Vec::new())
                }
                _ => Ok(Value::Undefined),
            };
        }
        if key == "prototype"
            && let Some(p) = self.materialize_prototype(id)
        {
            return Ok(p);
        }
        // A function's own `name` and `length` (§10.2.9 SetFunctionName, §10.2.10
        // SetFunctionLength), also when its [[Prototype]] is another function (a derived
        // class).
        if matches!(key, "name" | "length")
            && matches!(self.st.heap.get(id).kind, ObjKind::Function(_))
            && self.st.heap.get(id).proto != Proto::Default
        {
            return Ok(self.get_from_prototype(v, key));
        }
        if let Some(r) = H::host_get(self, v, key) {
            return r;
        }
        match self.st.heap.get(id).proto {
            Proto::Default => Ok(self.get_from_prototype(v, key)),
            proto => self.get_from_chain(v, proto, key),
        }
    }

    /// GetV on a primitive (§7.3.3 step 1: ToObject, then the prototype's property).
    fn get_primitive(&mut self, v: &Value, key: &str) -> JsResult<Value> {
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
                "length" => Value::num(crate::strings::utf16_len(s) as f64),
                _ => match array_index(key) {
                    Some(i) => s
                        .chars()
                        .nth(i as usize)
                        .map(|c| Value::String(Arc::from(c.to_string())))
                        .unwrap_or(Value::Undefined),
                    None => builtins::string_method(key)
                        .map(Value::Builtin)
                        .unwrap_or(Value::Undefined),
                },
            }),
            Value::Number(_) => Ok(match key {
                "toFixed" => Value::Builtin(Builtin::NumToFixed),
                "valueOf" => Value::Builtin(Builtin::NumValueOf),
                "toString" => Value::Builtin(Builtin::ToStringMethod),
                _ => Value::Undefined,
            }),
            Value::Bool(_) => Ok(match key {
                "toString" => Value::Builtin(Builtin::ToStringMethod),
                "valueOf" => Value::Builtin(Builtin::BoolValueOf),
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
            Value::Object(id) => self.get_object(*id, v, key),
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
                "length" => Value::num(f64::from(items.len())),
                _ => match array_index(key) {
                    Some(i) => items.read(i),
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

    /// Object.prototype's own properties (%Object.prototype%, §20.1.3).
    fn object_prototype(&self, key: &str) -> Value {
        builtins::Intrinsic::Object
            .own_property(key)
            .unwrap_or(Value::Undefined)
    }

    /// Set(O, P, V, true) (§7.3.4): O.[[Set]](P, V, O) on ToObject(O), a TypeError when it
    /// returns false (the built-ins' writes, and the hosts').
    pub fn set_v(&mut self, target: &Value, key: &str, v: Value) -> JsResult<()> {
        self.put_value(target, key, v, true)
    }

    /// PutValue(V, W) (§6.2.5.6) for a property reference: step 3.d, succeeded =
    /// ? baseObj.[[Set]](V.[[ReferencedName]], W, GetThisValue(V)); step 3.e, if succeeded
    /// is false and V.[[Strict]] is true, throw a TypeError (V8's messages).
    pub fn put_value(&mut self, target: &Value, key: &str, v: Value, strict: bool) -> JsResult<()> {
        if self.set_property(target, key, v)? || !strict {
            return Ok(());
        }
        let message = self.set_failure_message(target, key);
        self.throw(ErrorKind::TypeError, &message)
    }

    /// How V8's messages name an object: `#<Object>` for an ordinary one, `[object Array]`
    /// for an array, else its description.
    pub(crate) fn object_name(&self, v: &Value) -> String {
        match v {
            Value::Object(id) => match self.st.heap.get(*id).kind {
                ObjKind::Ordinary => "#<Object>".to_string(),
                ObjKind::Array(_) => "[object Array]".to_string(),
                _ => self.describe(v),
            },
            _ => self.describe(v),
        }
    }

    /// Why O.[[Set]](P, V, O) returned false, in V8's words.
    fn set_failure_message(&mut self, target: &Value, key: &str) -> String {
        let Value::Object(id) = target else {
            let d = self.describe(target);
            return format!(
                "Cannot create property '{key}' on {} '{d}'",
                self.type_of(target)
            );
        };
        let what = self.object_name(target);
        let mut proto = Proto::Object(*id);
        while let Proto::Object(p) = proto {
            let obj = self.st.heap.get(p);
            if let Some(prop) = obj.get_own(key) {
                return if prop.get_set().is_some() {
                    format!("Cannot set property {key} of {what} which has only a getter")
                } else {
                    format!("Cannot assign to read only property '{key}' of object '{what}'")
                };
            }
            proto = obj.proto;
        }
        if matches!(
            (&self.st.heap.get(*id).kind, key),
            (ObjKind::Function(_) | ObjKind::Native(_), "name" | "length")
        ) {
            return format!("Cannot assign to read only property '{key}' of function '{what}'");
        }
        format!("Cannot add property {key}, object is not extensible")
    }

    /// O.[[Set]](P, V, O) (§10.1.9, OrdinarySet §10.1.9.2) of ToObject(`target`): whether
    /// the write happened. A primitive's wrapper has no writable own property and is not
    /// the receiver it would create one on (§10.1.9.2 step 2.c), so a write to a primitive
    /// is false unless a setter takes it; a built-in cannot change (refused).
    pub fn set_property(&mut self, target: &Value, key: &str, v: Value) -> JsResult<bool> {
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
            Value::Builtin(_) if let Some(r) = H::host_set(self, target, key, &v) => {
                r.map(|()| true)
            }
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
                r.map(|()| true)
            }
            Value::Object(id) => self.set_object(*id, target, key, v),
            _ => Ok(false),
        }
    }

    /// OrdinarySetWithOwnDescriptor (§10.1.9.2) on a heap object that is its own receiver:
    /// step 1, an own property, else the inherited one (step 2.a–b); a non-writable data
    /// property refuses (step 2.a); an accessor calls its setter with `this` = the object
    /// (step 3; false without one); an array's `length` and indices are its elements
    /// (§10.4.2.1 [[DefineOwnProperty]]); otherwise the own property is written keeping its
    /// attributes, or created if the object is extensible (CreateDataProperty, step 2.e).
    fn set_object(&mut self, id: ObjId, target: &Value, key: &str, v: Value) -> JsResult<bool> {
        let obj = self.st.heap.get(id);
        let inherited = match obj.get_own(key) {
            Some(p) => match p.get_set() {
                Some((_, set)) => Inherited::Setter(set.clone()),
                None if !p.attrs().writable() => return Ok(false),
                None => Inherited::Nothing,
            },
            None => match (&obj.kind, key) {
                // §10.2.9–10: a function's `name` and `length` are not writable.
                (ObjKind::Function(_) | ObjKind::Native(_), "name" | "length") => {
                    return Ok(false);
                }
                _ => self.inherited_set(obj.proto, key),
            },
        };
        match inherited {
            Inherited::Setter(set) => {
                let Some(s) = set else {
                    return Ok(false);
                };
                self.call(&s, target.clone(), vec![v])?;
                return Ok(true);
            }
            Inherited::ReadOnly => return Ok(false),
            Inherited::Nothing => {}
        }
        let obj = self.st.heap.get(id);
        if matches!(obj.kind, ObjKind::Array(_)) && obj.get_own(key).is_none() {
            if key == "length" {
                self.array_set_length(id, &v)?;
                return Ok(true);
            }
            if let Some(i) = array_index(key) {
                // §10.4.2.1 step 2.d: past a non-writable `length`, false; OrdinaryDefine-
                // OwnProperty on a non-extensible array, false for a new index.
                let (len, writable) = self.array_length(id);
                let obj = self.st.heap.get_mut(id);
                if (i >= len && !writable) || obj.non_extensible {
                    let has = matches!(&obj.kind, ObjKind::Array(items) if items.has(i));
                    if !has || i >= len {
                        return Ok(false);
                    }
                }
                if let ObjKind::Array(items) = &mut obj.kind {
                    items.set(i, v);
                }
                return Ok(true);
            }
        }
        let obj = self.st.heap.get(id);
        let attrs = match obj.get_own(key) {
            Some(p) => p.attrs(),
            None if obj.non_extensible => return Ok(false),
            None => self.new_property_attrs(id, key),
        };
        // §10.4.4.5 [[Set]] of an arguments object: step 3 writes the mapped parameter.
        self.arguments_set(id, target, key, &v);
        self.st.heap.get_mut(id).set_own(key, Prop::data(v, attrs));
        Ok(true)
    }

    /// ArraySetLength(A, Desc) (§10.4.2.4) for `a.length = v`: steps 3–5, `newLen` =
    /// ToUint32(v), a `RangeError` unless it equals ToNumber(v); then steps 15–19 (without
    /// non-writable or non-configurable elements): elements at and past `newLen` are deleted.
    fn array_set_length(&mut self, id: ObjId, v: &Value) -> JsResult<()> {
        let number_len = self.to_number(v)?;
        let new_len = to_uint32(number_len);
        if f64::from(new_len) != number_len {
            return self.throw(ErrorKind::RangeError, INVALID_ARRAY_LENGTH);
        }
        if let ObjKind::Array(items) = &mut self.st.heap.get_mut(id).kind {
            items.set_len(new_len);
        }
        Ok(())
    }

    /// The Array constructor (§23.1.1.1) called with `args`: no argument, an empty array;
    /// one number `len`, `len` holes (steps 5.c–e: a `RangeError` unless ToUint32(len) is
    /// `len`), without storing any; otherwise an array of the arguments.
    fn array_constructor(&mut self, args: Vec<Value>) -> JsResult<Value> {
        let items = match args.as_slice() {
            [Value::Number(n)] => {
                let int_len = to_uint32(n.get());
                if f64::from(int_len) != n.get() {
                    return self.throw(ErrorKind::RangeError, INVALID_ARRAY_LENGTH);
                }
                Elements::with_len(int_len)
            }
            _ => args.into(),
        };
        Ok(Value::Object(self.alloc(ObjKind::Array(items))))
    }

    /// Construct(F, argumentsList) (§7.3.15), as `new C(...args)` (§13.3.5) reaches it: the
    /// built-in constructors, and user functions called with a fresh ordinary object as
    /// `this`. Like [`Agent::call`] it pushes an execution context ([`Agent::enter`]), so
    /// `function F() { new F(); }` ends in a `RangeError`.
    pub fn construct(&mut self, ctor: &Value, args: Vec<Value>) -> JsResult<Value> {
        self.construct_with(ctor, args, ctor.clone())
    }

    /// Construct(F, argumentsList, newTarget) (§7.3.15) with a newTarget other than F: a
    /// derived class's `super(…)` (§13.3.7.1 step 6).
    pub fn construct_with(
        &mut self,
        ctor: &Value,
        args: Vec<Value>,
        new_target: Value,
    ) -> JsResult<Value> {
        self.enter(|agent| match ctor {
            Value::Object(id) => agent.construct_function(*id, ctor, args, new_target),
            _ => agent.construct_builtin(ctor, args, new_target),
        })
    }

    /// [[Construct]] of an ECMAScript function object (§10.2.2): see
    /// [`Agent::ordinary_construct`]. Kept apart from the built-ins so that nested `new`
    /// takes little Rust stack.
    fn construct_function(
        &mut self,
        id: ObjId,
        ctor: &Value,
        args: Vec<Value>,
        new_target: Value,
    ) -> JsResult<Value> {
        let closure = match &self.st.heap.get(id).kind {
            ObjKind::Function(c) => Some(c.clone()),
            _ => None,
        };
        let ok = closure.as_ref().is_some_and(|c| {
            self.program
                .functions
                .get(c.func as usize)
                .is_some_and(|f| f.kind.is_constructor())
        });
        // §10.4.1.2 [[Construct]] of a bound function: the bound arguments first, and
        // newTarget the target when it was the bound function itself.
        if let ObjKind::Native(crate::es::native::NativeFn::Bound {
            target,
            args: bound,
            ..
        }) = &self.st.heap.get(id).kind
        {
            let target = target.clone();
            if self.is_constructor(&target) {
                let mut all = bound.clone();
                all.extend(args);
                let new_target = if Self::strict_equals(ctor, &new_target) {
                    target.clone()
                } else {
                    new_target
                };
                return self.construct_with(&target, all, new_target);
            }
        }
        match closure {
            Some(c) if ok => self.ordinary_construct(id, &c, args, new_target),
            _ => {
                let d = self.describe(ctor);
                self.throw(ErrorKind::TypeError, &format!("{d} is not a constructor"))
            }
        }
    }

    /// The built-in constructors (host-defined ones through the host).
    /// A subclass's `super(…)` reaches them with its own newTarget: the object they create
    /// gets GetPrototypeFromConstructor(newTarget, …) as its [[Prototype]] (§10.1.13).
    fn construct_builtin(
        &mut self,
        ctor: &Value,
        args: Vec<Value>,
        new_target: Value,
    ) -> JsResult<Value> {
        let subclass_proto = self.builtin_subclass_prototype(ctor, &new_target)?;
        let r = self.construct_builtin_object(ctor, args)?;
        if let Some(proto) = subclass_proto {
            self.set_created_prototype(&r, &proto)?;
        }
        Ok(r)
    }

    fn construct_builtin_object(&mut self, ctor: &Value, args: Vec<Value>) -> JsResult<Value> {
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
                    let arr = self.alloc(ObjKind::Array(list.into()));
                    let msg = args.next().unwrap_or(Value::Undefined);
                    if !matches!(msg, Value::Undefined) {
                        let m = self.to_string(&msg)?;
                        obj.set_own("message", Prop::Hidden(Value::String(m)));
                    }
                    obj.set_own("errors", Prop::Hidden(Value::Object(arr)));
                } else {
                    let msg = args.next().unwrap_or(Value::Undefined);
                    if !matches!(msg, Value::Undefined) {
                        let m = self.to_string(&msg)?;
                        obj.set_own("message", Prop::Hidden(Value::String(m)));
                    }
                }
                Ok(Value::Object(self.st.heap.alloc(obj)))
            }
            Value::Builtin(Builtin::DateCtor) => {
                // §21.4.2.1 step 4: a time value, or the current time without arguments. Dates
                // before the epoch of 1970, strings and components are not modelled: refused
                // in words rather than read as the current time.
                let t = match args.as_slice() {
                    [] => crate::builtins::date::time_value(self),
                    [Value::Number(n)]
                        if n.get().is_finite() && n.get() >= 0.0 && n.get() <= 8.64e15 =>
                    {
                        n.get().trunc() as u64
                    }
                    _ => {
                        return self.throw(
                            ErrorKind::TypeError,
                            "evloop does not model new Date(...) with these arguments (only none, or a time value from 1970 on)",
                        );
                    }
                };
                Ok(Value::Object(self.alloc(ObjKind::Date(t))))
            }
            Value::Builtin(Builtin::ArrayCtor) => self.array_constructor(args),
            Value::Builtin(Builtin::ObjectCtor) => Ok(Value::Object(self.alloc(ObjKind::Ordinary))),
            _ => {
                let d = self.describe(ctor);
                self.throw(ErrorKind::TypeError, &format!("{d} is not a constructor"))
            }
        }
    }
}
