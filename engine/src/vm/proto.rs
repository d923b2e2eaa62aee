//! Objects' [[Prototype]] (ECMA-262 §10.1): the chain walks of OrdinaryGet, OrdinarySet and
//! HasProperty, OrdinaryGetPrototypeOf / OrdinarySetPrototypeOf, MakeConstructor's
//! `prototype` object (§10.2.5), OrdinaryCreateFromConstructor (§10.1.13) and
//! OrdinaryHasInstance (§7.3.21).
//!
//! Most objects' prototype is the intrinsic of their kind ([`Proto::Default`]), resolved by
//! kind in `props.rs` as before prototypes existed. A function's `prototype` object is created
//! when the program first observes it (a read of `F.prototype`, `new F`), not when the closure
//! is made: until then nothing can reach it, so creating it later is indistinguishable to the
//! program, and the states of programs that never look at it stay as small as they were.

use crate::builtins::{Builtin, Intrinsic};
use crate::heap::{Attrs, ErrorKind, Obj, ObjKind, Prop, Proto};
use crate::host::HostHooks;
use crate::value::{ObjId, Value};

use super::{Agent, JsResult};

/// The intrinsic prototype of a kind of object ([`Proto::Default`] resolved).
pub fn default_intrinsic<X>(kind: &ObjKind<X>) -> Intrinsic {
    match kind {
        ObjKind::Array(_) => Intrinsic::Array,
        ObjKind::Function(_) | ObjKind::Native(_) => Intrinsic::Function,
        ObjKind::Promise(_) => Intrinsic::Promise,
        ObjKind::Error(k) => Intrinsic::Error(*k),
        ObjKind::Date(_) => Intrinsic::Date,
        _ => Intrinsic::Object,
    }
}

/// What a key not own to the receiver finds on its prototype chain, for OrdinarySet.
pub(crate) enum Inherited {
    /// An accessor: its setter, if it has one.
    Setter(Option<Value>),
    /// A non-writable data property.
    ReadOnly,
    /// A writable data property, or nothing: the receiver gets an own property.
    Nothing,
}

impl<H: HostHooks> Agent<'_, H> {
    /// Whether `id` is a function MakeConstructor applies to (§10.2.5; §15.2.4
    /// InstantiateOrdinaryFunctionObject step 4): an ordinary `function`, not an arrow or an
    /// async function.
    pub(crate) fn is_constructor_closure(&self, id: ObjId) -> bool {
        match &self.st.heap.get(id).kind {
            ObjKind::Function(c) => self
                .program
                .functions
                .get(c.func as usize)
                .is_some_and(|f| f.kind.is_constructor()),
            _ => false,
        }
    }

    /// MakeConstructor(F) steps 5–6 (§10.2.5), run at the first observation of
    /// `F.prototype`: a fresh ordinary object whose non-enumerable `constructor` is F, stored
    /// as F's non-enumerable `prototype`. `None` when F has no such property to create.
    pub(crate) fn materialize_prototype(&mut self, f: ObjId) -> Option<Value> {
        if !self.is_constructor_closure(f) || self.st.heap.get(f).get_own("prototype").is_some() {
            return None;
        }
        let mut proto = Obj::new(ObjKind::Ordinary);
        // Step 5.b: DefinePropertyOrThrow(prototype, "constructor", { [[Value]]: F,
        // [[Writable]]: writablePrototype, [[Enumerable]]: false, [[Configurable]]: true }).
        proto.set_own("constructor", Prop::Hidden(Value::Object(f)));
        let p = Value::Object(self.st.heap.alloc(proto));
        // Step 6: DefinePropertyOrThrow(F, "prototype", { [[Value]]: prototype,
        // [[Writable]]: writablePrototype, [[Enumerable]]: false, [[Configurable]]: false }).
        self.st.heap.get_mut(f).set_own(
            "prototype",
            Prop::data(p.clone(), Attrs::new(true, false, false)),
        );
        Some(p)
    }

    /// The attributes of a property an assignment `O.key = v` creates (OrdinarySet
    /// §10.1.9.2 step 2.e, CreateDataProperty: all true). Assigning a constructor's
    /// `prototype` before anything observed it replaces the property MakeConstructor made
    /// (step 6: { [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: false })
    /// without creating its object first.
    pub(crate) fn new_property_attrs(&self, id: ObjId, key: &str) -> Attrs {
        if key == "prototype" && self.is_constructor_closure(id) {
            Attrs::new(true, false, false)
        } else {
            Attrs::ALL
        }
    }

    /// OrdinaryGet (§10.1.8.1) steps 2–3, continued on the [[Prototype]] `proto` of an object
    /// that has no own property `key`; getters run with `receiver` as `this`.
    pub(crate) fn get_from_chain(
        &mut self,
        receiver: &Value,
        mut proto: Proto,
        key: &str,
    ) -> JsResult<Value> {
        loop {
            let p = match proto {
                Proto::Default => Intrinsic::Object.get(key),
                Proto::Null => None,
                Proto::Intrinsic(i) => i.get(key),
                Proto::Builtin(b) => return self.get_v(&Value::Builtin(b), key),
                Proto::Object(p) => {
                    if let Some(prop) = self.st.heap.get(p).get_own(key) {
                        return match (prop.value(), prop.get_set()) {
                            (Some(d), _) => Ok(d.clone()),
                            (None, Some((Some(g), _))) => {
                                let g = g.clone();
                                self.call(&g, receiver.clone(), Vec::new())
                            }
                            _ => Ok(Value::Undefined),
                        };
                    }
                    if key == "prototype"
                        && let Some(v) = self.materialize_prototype(p)
                    {
                        return Ok(v);
                    }
                    proto = self.st.heap.get(p).proto;
                    if proto == Proto::Default {
                        return Ok(self.get_from_prototype(&Value::Object(p), key));
                    }
                    continue;
                }
            };
            return Ok(p.unwrap_or(Value::Undefined));
        }
    }

    /// OrdinarySet (§10.1.9.2) steps 1–2 for a key that is not an own property of the
    /// receiver: what the prototype chain holds. (The intrinsic prototypes' properties are
    /// all writable data properties, so the walk ends at them.)
    pub(crate) fn inherited_set(&self, mut proto: Proto, key: &str) -> Inherited {
        while let Proto::Object(p) = proto {
            let obj = self.st.heap.get(p);
            match obj.get_own(key) {
                Some(prop) => {
                    return match prop.get_set() {
                        Some((_, set)) => Inherited::Setter(set.clone()),
                        None if prop.attrs().writable() => Inherited::Nothing,
                        None => Inherited::ReadOnly,
                    };
                }
                None => proto = obj.proto,
            }
        }
        Inherited::Nothing
    }

    /// [[GetPrototypeOf]] (§10.1.1 OrdinaryGetPrototypeOf) of an object, or of a primitive's
    /// wrapper (`Object.getPrototypeOf` step 1 ToObject); `null` at the end of a chain.
    pub fn get_prototype_of(&self, v: &Value) -> Value {
        let intrinsic = |i: Intrinsic| Value::Builtin(Builtin::Prototype(i));
        match v {
            Value::Object(id) => {
                let obj = self.st.heap.get(*id);
                match obj.proto {
                    Proto::Default => intrinsic(default_intrinsic(&obj.kind)),
                    Proto::Null => Value::Null,
                    Proto::Object(p) => Value::Object(p),
                    Proto::Intrinsic(i) => intrinsic(i),
                    Proto::Builtin(b) => Value::Builtin(b),
                }
            }
            Value::Builtin(Builtin::Prototype(i)) => i.parent().map_or(Value::Null, intrinsic),
            Value::Builtin(b) if b.is_callable::<H::Data>() => intrinsic(Intrinsic::Function),
            Value::String(_) => intrinsic(Intrinsic::String),
            Value::Number(_) => intrinsic(Intrinsic::Number),
            Value::Bool(_) => intrinsic(Intrinsic::Boolean),
            Value::Builtin(_) => intrinsic(Intrinsic::Object),
            Value::Undefined | Value::Null | Value::Hole => Value::Null,
        }
    }

    /// The [[Prototype]] slot value for `v` (an object or null) on an object of `kind`; the
    /// kind's own intrinsic is stored as [`Proto::Default`], so that such a cell is the same
    /// as one that never had its prototype set. `None`: not representable (a built-in
    /// function used as a prototype).
    fn proto_slot(kind: &ObjKind<H::Data>, v: &Value) -> Option<Proto> {
        let p = match v {
            Value::Null => Proto::Null,
            Value::Object(p) => Proto::Object(*p),
            Value::Builtin(Builtin::Prototype(i)) if *i == default_intrinsic(kind) => {
                Proto::Default
            }
            Value::Builtin(Builtin::Prototype(i)) => Proto::Intrinsic(*i),
            Value::Builtin(b) => Proto::Builtin(*b),
            _ => return None,
        };
        Some(p)
    }

    /// Sets the [[Prototype]] of an object just created by a constructor to the one
    /// GetPrototypeFromConstructor found (§10.1.13 OrdinaryCreateFromConstructor step 2).
    pub(crate) fn set_created_prototype(&mut self, obj: &Value, proto: &Value) -> JsResult<()> {
        let Value::Object(id) = obj else {
            return Ok(());
        };
        let Some(slot) = Self::proto_slot(&self.st.heap.get(*id).kind, proto) else {
            return self.unmodelled_prototype(proto);
        };
        self.st.heap.get_mut(*id).proto = slot;
        Ok(())
    }

    /// OrdinaryObjectCreate(proto) (§10.1.12).
    pub fn ordinary_object_create(&mut self, proto: &Value) -> JsResult<Value> {
        let Some(slot) = Self::proto_slot(&ObjKind::Ordinary, proto) else {
            return self.unmodelled_prototype(proto);
        };
        let mut obj = Obj::new(ObjKind::Ordinary);
        obj.proto = slot;
        Ok(Value::Object(self.st.heap.alloc(obj)))
    }

    fn unmodelled_prototype<T>(&mut self, proto: &Value) -> JsResult<T> {
        let d = self.describe(proto);
        self.throw(
            ErrorKind::TypeError,
            &format!("evloop does not model {d} as a prototype"),
        )
    }

    /// OrdinaryCreateFromConstructor(F, "%Object.prototype%") (§10.1.13) with
    /// GetPrototypeFromConstructor (§10.1.14): steps 3–4 fall back to %Object.prototype% when
    /// `F.prototype` is not an object.
    pub(crate) fn ordinary_create_from_constructor(&mut self, f: &Value) -> JsResult<Value> {
        let proto = self.get_v(f, "prototype")?;
        let proto = match proto {
            Value::Object(_) | Value::Builtin(Builtin::Prototype(_)) => proto,
            _ => Value::Builtin(Builtin::Prototype(Intrinsic::Object)),
        };
        self.ordinary_object_create(&proto)
    }

    /// OrdinarySetPrototypeOf (§10.1.2.1) for `Object.setPrototypeOf` (§20.1.2.23): `false`
    /// when the new chain would reach `o` (step 8.c.i). The built-ins and the exotic objects
    /// of the subset keep their prototype (a TypeError unless it is unchanged).
    pub fn set_prototype_of(&mut self, o: &Value, v: &Value) -> JsResult<bool> {
        // Step 2: SameValue(V, current) → true.
        if Self::strict_equals(&self.get_prototype_of(o), v) {
            return Ok(true);
        }
        let id = match o {
            Value::Object(id) if matches!(self.st.heap.get(*id).kind, ObjKind::Ordinary) => *id,
            _ => {
                let d = self.describe(o);
                return self.throw(
                    ErrorKind::TypeError,
                    &format!("evloop does not model changing the prototype of {d}"),
                );
            }
        };
        // Step 8: p = V; while p is not null: if SameValue(p, O), return false.
        let mut p = v.clone();
        while let Value::Object(pid) = p {
            if pid == id {
                return Ok(false);
            }
            p = self.get_prototype_of(&p);
        }
        let Some(slot) = Self::proto_slot(&ObjKind::Ordinary, v) else {
            return self.unmodelled_prototype(v);
        };
        self.st.heap.get_mut(id).proto = slot;
        Ok(true)
    }

    /// HasProperty(O, P) (§7.3.12, OrdinaryHasProperty §10.1.7.1): the own property, else the
    /// prototype's.
    pub fn has_property(&mut self, v: &Value, key: &str) -> JsResult<bool> {
        let mut cur = v.clone();
        loop {
            let Value::Object(id) = cur else {
                return Ok(!matches!(self.get_v(&cur, key)?, Value::Undefined));
            };
            if self.has_own_property(&cur, key) {
                return Ok(true);
            }
            cur = match self.st.heap.get(id).proto {
                // The kind's built-in prototype (and a host object's own accessors).
                Proto::Default => return Ok(!matches!(self.get_v(&cur, key)?, Value::Undefined)),
                Proto::Null => return Ok(false),
                Proto::Object(p) => Value::Object(p),
                Proto::Intrinsic(i) => return Ok(i.get(key).is_some()),
                Proto::Builtin(b) => {
                    return Ok(!matches!(
                        self.get_v(&Value::Builtin(b), key)?,
                        Value::Undefined
                    ));
                }
            };
        }
    }

    /// HasOwnProperty(O, P) (§7.3.13): the stored properties (enumerable or not) and the
    /// exotic ones (an array's indices and `length`, a function's `name`, `length` and, for a
    /// constructor, `prototype`, a string's indices and `length`).
    pub fn has_own_property(&self, v: &Value, key: &str) -> bool {
        let index = || key.parse::<usize>().ok().filter(|i| i.to_string() == key);
        match v {
            Value::Object(id) => {
                let obj = self.st.heap.get(*id);
                obj.get_own(key).is_some()
                    || match &obj.kind {
                        ObjKind::Array(items) => {
                            key == "length"
                                || index()
                                    .and_then(|i| u32::try_from(i).ok())
                                    .is_some_and(|i| items.has(i))
                        }
                        ObjKind::Function(_) => {
                            matches!(key, "name" | "length")
                                || (key == "prototype" && self.is_constructor_closure(*id))
                        }
                        _ => false,
                    }
            }
            Value::Builtin(Builtin::Prototype(i)) => i.own_property(key).is_some(),
            Value::Builtin(b @ Builtin::Host(_)) => {
                !matches!(key, "bind" | "call" | "apply" | "toString")
                    && b.static_prop::<H::Data>(key).is_some()
            }
            Value::Builtin(b) => {
                crate::builtins::own::builtin_own_property::<H::Data>(*b, key).is_some()
            }
            Value::String(s) => {
                key == "length" || index().is_some_and(|i| i < s.encode_utf16().count())
            }
            _ => false,
        }
    }

    /// OrdinaryHasInstance(C, O) (§7.3.21) steps 4–6, for InstanceofOperator (§13.10.2) once
    /// C is known callable: walks O's prototype chain looking for `C.prototype`. A
    /// constructor whose `prototype` was never observed cannot be on any chain, so the answer
    /// is `false` without creating it.
    pub(crate) fn ordinary_has_instance(&mut self, c: &Value, o: &Value) -> JsResult<bool> {
        // Step 3: if O is not an Object, return false.
        if !matches!(o, Value::Object(_) | Value::Builtin(_)) {
            return Ok(false);
        }
        if let Value::Object(f) = c
            && self.is_constructor_closure(*f)
            && self.st.heap.get(*f).get_own("prototype").is_none()
        {
            return Ok(false);
        }
        // Steps 4–5: P = Get(C, "prototype"); if P is not an Object, throw a TypeError.
        let p = self.get_v(c, "prototype")?;
        if !matches!(p, Value::Object(_) | Value::Builtin(_)) {
            let d = self.describe(&p);
            return self.throw(
                ErrorKind::TypeError,
                &format!("Function has non-object prototype '{d}' in instanceof check"),
            );
        }
        // Step 6: repeat, O = O.[[GetPrototypeOf]](); if O is null return false; if
        // SameValue(P, O) return true.
        let mut cur = self.get_prototype_of(o);
        while !matches!(cur, Value::Null) {
            if Self::strict_equals(&p, &cur) {
                return Ok(true);
            }
            cur = self.get_prototype_of(&cur);
        }
        Ok(false)
    }
}
