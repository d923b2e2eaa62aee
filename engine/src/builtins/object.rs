//! §20.1 Object Objects: the constructor's statics that read properties and prototypes,
//! and `Object.prototype`'s methods (the statics that define properties and set integrity
//! levels are in `object_props.rs`).

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
        // §20.1.2.18 / §20.1.2.24 / §20.1.2.5: obj = ? ToObject(O); nameList =
        // ? EnumerableOwnProperties(obj, kind); CreateArrayFromList(nameList).
        ObjectKeys | ObjectValues | ObjectEntries => {
            let o = arg(&args, 0);
            let kind = match b {
                ObjectKeys => PropertyKind::Key,
                ObjectValues => PropertyKind::Value,
                _ => PropertyKind::KeyValue,
            };
            let list = agent.enumerable_own_properties(&o, kind)?;
            Ok(Value::Object(agent.alloc(ObjKind::Array(list.into()))))
        }
        // §20.1.2.1 Object.assign(target, ...sources).
        ObjectAssign => {
            // Step 1: Let to be ? ToObject(target).
            let to = arg(&args, 0);
            require_object_coercible(agent, &to)?;
            // Step 3: for each element nextSource of sources,
            for from in args.iter().skip(1) {
                // Step 3.a: if nextSource is neither undefined nor null,
                if from.is_nullish() {
                    continue;
                }
                // Steps 3.a.i–iii: keys = ? from.[[OwnPropertyKeys]]().
                for k in agent.own_property_keys(from)? {
                    // Step 3.a.iii.1–2: an own enumerable property is copied with
                    // ? Set(to, nextKey, propValue, true).
                    if let Some(desc) = agent.get_own_property(from, &k)?
                        && desc.enumerable == Some(true)
                    {
                        let v = agent.get_v(from, &k)?;
                        agent.set_v(&to, &k, v)?;
                    }
                }
            }
            // Step 4: Return to.
            Ok(to)
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
        // §20.1.3.4 Object.prototype.propertyIsEnumerable(V).
        PropertyIsEnumerable => {
            // Step 1: Let P be ? ToPropertyKey(V).
            let k = agent.to_property_key(&arg(&args, 0))?;
            // Step 2: Let O be ? ToObject(this value).
            require_object_coercible(agent, &this)?;
            // Steps 3–4: desc = ? O.[[GetOwnProperty]](P); undefined → false; else
            // desc.[[Enumerable]].
            let desc = agent.get_own_property(&this, &k)?;
            Ok(Value::Bool(
                desc.is_some_and(|d| d.enumerable == Some(true)),
            ))
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
            // Step 2: Let obj be OrdinaryObjectCreate(O).
            let obj = agent.ordinary_object_create(&proto)?;
            // Step 3: If Properties is not undefined, return ? ObjectDefineProperties(obj,
            // Properties).
            let properties = arg(&args, 1);
            if !matches!(properties, Value::Undefined) {
                return agent.object_define_properties(&obj, &properties);
            }
            // Step 4: Return obj.
            Ok(obj)
        }
        _ => super::object_props::call(agent, b, this, args),
    }
}

/// Whether `v` is an Object or null (the argument checks of §20.1.2.2 and §20.1.2.23).
fn is_object_or_null(v: &Value) -> bool {
    matches!(v, Value::Object(_) | Value::Builtin(_) | Value::Null)
}

/// ToObject's check (§7.1.18 step 1, RequireObjectCoercible §7.2.1): undefined and null
/// are not objects.
pub(super) fn require_object_coercible<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    v: &Value,
) -> JsResult<()> {
    if v.is_nullish() {
        return agent.throw(
            ErrorKind::TypeError,
            "Cannot convert undefined or null to object",
        );
    }
    Ok(())
}

/// The kind of EnumerableOwnProperties (§7.3.23).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PropertyKind {
    Key,
    Value,
    KeyValue,
}

impl<H: HostHooks> Agent<'_, H> {
    /// EnumerableOwnProperties(O, kind) (§7.3.23) of ToObject(`o`).
    pub fn enumerable_own_properties(
        &mut self,
        o: &Value,
        kind: PropertyKind,
    ) -> JsResult<Vec<Value>> {
        require_object_coercible(self, o)?;
        // Step 1: Let ownKeys be ? O.[[OwnPropertyKeys]]().
        let own_keys = self.own_property_keys(o)?;
        // Step 2: Let results be a new empty List.
        let mut results = Vec::new();
        // Step 3: For each element key of ownKeys, do
        for key in own_keys {
            // Step 3.a.i: Let desc be ? O.[[GetOwnProperty]](key).
            let Some(desc) = self.get_own_property(o, &key)? else {
                continue;
            };
            // Step 3.a.ii: If desc is not undefined and desc.[[Enumerable]] is true, then
            if desc.enumerable != Some(true) {
                continue;
            }
            if kind == PropertyKind::Key {
                results.push(Value::String(key));
                continue;
            }
            // Step 3.a.ii.2.a: Let value be ? Get(O, key).
            let value = self.get_v(o, &key)?;
            results.push(match kind {
                PropertyKind::Value => value,
                // Step 3.a.ii.2.c: CreateArrayFromList(« key, value »).
                _ => Value::Object(
                    self.alloc(ObjKind::Array(vec![Value::String(key), value].into())),
                ),
            });
        }
        // Step 4: Return results.
        Ok(results)
    }

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
