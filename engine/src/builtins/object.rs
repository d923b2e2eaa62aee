//! §20.1 Object Objects: the constructor's statics and `Object.prototype`'s
//! `hasOwnProperty` and `toString`.

use std::sync::Arc;

use super::Builtin;
use super::call::arg;
use crate::heap::{ErrorKind, ObjKind};
use crate::host::HostHooks;
use crate::value::Value;
use crate::vm::{Agent, JsResult};

/// Calls one of this chapter's built-ins.
pub(super) fn call<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    b: Builtin,
    this: Value,
    args: Vec<Value>,
) -> JsResult<Value> {
    let _ = (&this, &args);
    use Builtin::*;
    match b {
        ObjectKeys | ObjectValues | ObjectEntries => {
            let o = arg(&args, 0);
            let keys = agent.own_keys(&o);
            let mut out = Vec::new();
            for k in keys {
                let v = match b {
                    ObjectKeys => Value::String(k),
                    ObjectValues => agent.get_v(&o, &k)?,
                    _ => {
                        let v = agent.get_v(&o, &k)?;
                        Value::Object(agent.alloc(ObjKind::Array(vec![Value::String(k), v].into())))
                    }
                };
                out.push(v);
            }
            Ok(Value::Object(agent.alloc(ObjKind::Array(out.into()))))
        }
        ObjectAssign => {
            let target = arg(&args, 0);
            for src in args.iter().skip(1) {
                for k in agent.own_keys(src) {
                    let v = agent.get_v(src, &k)?;
                    agent.set_v(&target, &k, v)?;
                }
            }
            Ok(target)
        }
        ToStringMethod => {
            if let Value::Object(id) = &this
                && matches!(agent.st.heap.get(*id).kind, ObjKind::Ordinary)
            {
                return Ok(Value::str("[object Object]"));
            }
            // §20.1.3.6 step 5: an object with a [[ParameterMap]] has the tag "Arguments".
            if let Value::Object(id) = &this
                && matches!(agent.st.heap.get(*id).kind, ObjKind::Arguments(_))
            {
                return Ok(Value::str("[object Arguments]"));
            }
            Ok(Value::String(agent.builtin_to_string(&this)?))
        }
        // §20.1.3.7 Object.prototype.valueOf(): ToObject(this value).
        ObjectValueOf => {
            if this.is_nullish() {
                return agent.throw(
                    ErrorKind::TypeError,
                    "Cannot convert undefined or null to object",
                );
            }
            Ok(this)
        }
        HasOwnProperty => {
            let k = agent.to_property_key(&arg(&args, 0))?;
            Ok(Value::Bool(agent.has_own_property(&this, &k)))
        }
        // §20.1.3.4 Object.prototype.propertyIsEnumerable(V): steps 3–4, the own property's
        // [[Enumerable]] (an array's and a string's indices are enumerable; `length`, a
        // function's `name`, `length` and `prototype` are not).
        PropertyIsEnumerable => {
            let k = agent.to_property_key(&arg(&args, 0))?;
            let enumerable = match &this {
                Value::Object(id) => match agent.st.heap.get(*id).get_own(&k) {
                    Some(p) => p.is_enumerable(),
                    None => {
                        k.as_ref() != "length" && agent.has_own_property(&this, &k) && {
                            matches!(agent.st.heap.get(*id).kind, ObjKind::Array(_))
                        }
                    }
                },
                Value::String(_) => k.as_ref() != "length" && agent.has_own_property(&this, &k),
                _ => false,
            };
            Ok(Value::Bool(enumerable))
        }
        // §20.1.2.12 Object.getPrototypeOf(O): step 1 ToObject(O) (TypeError for undefined
        // and null), step 2 obj.[[GetPrototypeOf]]().
        ObjectGetPrototypeOf => {
            let o = arg(&args, 0);
            if o.is_nullish() {
                return agent.throw(
                    ErrorKind::TypeError,
                    "Cannot convert undefined or null to object",
                );
            }
            Ok(agent.get_prototype_of(&o))
        }
        // §20.1.2.23 Object.setPrototypeOf(O, proto).
        ObjectSetPrototypeOf => {
            let (o, proto) = (arg(&args, 0), arg(&args, 1));
            // Step 1: RequireObjectCoercible(O).
            if o.is_nullish() {
                return agent.throw(
                    ErrorKind::TypeError,
                    "Object.setPrototypeOf called on null or undefined",
                );
            }
            // Step 2: if proto is not an Object and not null, throw a TypeError.
            if !is_object_or_null(&proto) {
                let d = agent.describe(&proto);
                return agent.throw(
                    ErrorKind::TypeError,
                    &format!("Object prototype may only be an Object or null: {d}"),
                );
            }
            // Step 3: if O is not an Object, return O.
            if !matches!(o, Value::Object(_) | Value::Builtin(_)) {
                return Ok(o);
            }
            // Steps 4–5: O.[[SetPrototypeOf]](proto); false → TypeError.
            if !agent.set_prototype_of(&o, &proto)? {
                return agent.throw(ErrorKind::TypeError, "Cyclic __proto__ value");
            }
            Ok(o)
        }
        // §20.1.2.2 Object.create(O, Properties).
        ObjectCreate => {
            let proto = arg(&args, 0);
            // Step 1: if O is not an Object and not null, throw a TypeError.
            if !is_object_or_null(&proto) {
                let d = agent.describe(&proto);
                return agent.throw(
                    ErrorKind::TypeError,
                    &format!("Object prototype may only be an Object or null: {d}"),
                );
            }
            // Step 3: ObjectDefineProperties needs property descriptors, which the subset lacks.
            if !matches!(arg(&args, 1), Value::Undefined) {
                return agent.throw(
                    ErrorKind::TypeError,
                    "evloop does not model Object.create's property descriptors",
                );
            }
            // Step 2: OrdinaryObjectCreate(O).
            agent.ordinary_object_create(&proto)
        }
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}

/// Whether `v` is an Object or null (the argument checks of §20.1.2.2 and §20.1.2.23).
fn is_object_or_null(v: &Value) -> bool {
    matches!(v, Value::Object(_) | Value::Builtin(_) | Value::Null)
}

impl<H: HostHooks> Agent<'_, H> {
    /// The own enumerable string keys of an object in OrdinaryOwnPropertyKeys order
    /// (§10.1.11.1; arrays: the indices of their elements, not of holes, then properties).
    pub fn own_keys(&self, v: &Value) -> Vec<Arc<str>> {
        let Value::Object(id) = v else {
            return Vec::new();
        };
        let obj = self.st.heap.get(*id);
        let mut keys: Vec<Arc<str>> = match &obj.kind {
            ObjKind::Array(items) => items
                .iter()
                .map(|(i, _)| Arc::from(i.to_string()))
                .collect(),
            _ => Vec::new(),
        };
        keys.extend(
            obj.ordinary_own_property_keys()
                .into_iter()
                .filter(|(_, p)| p.is_enumerable())
                .map(|(k, _)| k.clone()),
        );
        keys
    }
}
