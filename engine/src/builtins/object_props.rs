//! §20.1 Object Objects: the statics that read and define property descriptors and set or
//! test integrity levels, `Object.fromEntries`, `is`, `hasOwn`, and `Object.prototype`'s
//! `isPrototypeOf` and `toLocaleString`.

use std::sync::Arc;

use super::Builtin;
use super::call::arg;
use super::object::require_object_coercible;
use crate::heap::{ErrorKind, Obj, ObjKind, Prop};
use crate::host::HostHooks;
use crate::value::Value;
use crate::vm::define::same_value;
use crate::vm::descriptor::PropertyDescriptor;
use crate::vm::{Agent, JsResult};

/// An integrity level (§7.3.15 SetIntegrityLevel).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum IntegrityLevel {
    Sealed,
    Frozen,
}

fn is_object(v: &Value) -> bool {
    matches!(v, Value::Object(_) | Value::Builtin(_))
}

/// Calls one of this file's built-ins.
pub(super) fn call<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    b: Builtin,
    this: Value,
    args: Vec<Value>,
) -> JsResult<Value> {
    use Builtin::*;
    let o = arg(&args, 0);
    match b {
        // §20.1.2.4 Object.defineProperty(O, P, Attributes).
        ObjectDefineProperty => {
            // Step 1: If O is not an Object, throw a TypeError exception.
            if !is_object(&o) {
                return agent.throw(
                    ErrorKind::TypeError,
                    "Object.defineProperty called on non-object",
                );
            }
            // Step 2: Let key be ? ToPropertyKey(P).
            let key = agent.to_property_key(&arg(&args, 1))?;
            // Step 3: Let desc be ? ToPropertyDescriptor(Attributes).
            let desc = agent.to_property_descriptor(&arg(&args, 2))?;
            // Step 4: Perform ? DefinePropertyOrThrow(O, key, desc).
            agent.define_property_or_throw(&o, &key, desc)?;
            // Step 5: Return O.
            Ok(o)
        }
        // §20.1.2.3 Object.defineProperties(O, Properties).
        ObjectDefineProperties => {
            // Step 1: If O is not an Object, throw a TypeError exception.
            if !is_object(&o) {
                return agent.throw(
                    ErrorKind::TypeError,
                    "Object.defineProperties called on non-object",
                );
            }
            // Step 2: Return ? ObjectDefineProperties(O, Properties).
            agent.object_define_properties(&o, &arg(&args, 1))
        }
        // §20.1.2.8 Object.getOwnPropertyDescriptor(O, P).
        ObjectGetOwnPropertyDescriptor => {
            // Step 1: Let obj be ? ToObject(O).
            require_object_coercible(agent, &o)?;
            // Step 2: Let key be ? ToPropertyKey(P).
            let key = agent.to_property_key(&arg(&args, 1))?;
            // Step 3: Let desc be ? obj.[[GetOwnProperty]](key).
            let desc = agent.get_own_property(&o, &key)?;
            // Step 4: Return FromPropertyDescriptor(desc).
            Ok(agent.from_property_descriptor(desc))
        }
        // §20.1.2.9 Object.getOwnPropertyDescriptors(O).
        ObjectGetOwnPropertyDescriptors => {
            // Step 1: Let obj be ? ToObject(O).
            require_object_coercible(agent, &o)?;
            // Step 2: Let ownKeys be ? obj.[[OwnPropertyKeys]]().
            let own_keys = agent.own_property_keys(&o)?;
            // Step 3: Let descriptors be OrdinaryObjectCreate(%Object.prototype%).
            let mut descriptors = Vec::new();
            // Step 4: For each element key of ownKeys, do
            for key in own_keys {
                // Steps 4.a–c: desc = ? obj.[[GetOwnProperty]](key); descriptor =
                // FromPropertyDescriptor(desc); if not undefined, CreateDataPropertyOrThrow.
                let desc = agent.get_own_property(&o, &key)?;
                let descriptor = agent.from_property_descriptor(desc);
                if !matches!(descriptor, Value::Undefined) {
                    descriptors.push((key, descriptor));
                }
            }
            let mut obj = Obj::new(ObjKind::Ordinary);
            for (k, v) in descriptors {
                obj.set_own(&k, Prop::Data(v));
            }
            // Step 5: Return descriptors.
            Ok(Value::Object(agent.st.heap.alloc(obj)))
        }
        // §20.1.2.10 Object.getOwnPropertyNames(O): CreateArrayFromList(? GetOwnPropertyKeys(O,
        // string)) — every key the engine has is a String.
        ObjectGetOwnPropertyNames => {
            require_object_coercible(agent, &o)?;
            let keys = agent.own_property_keys(&o)?;
            let list: Vec<Value> = keys.into_iter().map(Value::String).collect();
            Ok(Value::Object(agent.alloc(ObjKind::Array(list.into()))))
        }
        // §20.1.2.6 Object.freeze(O) / §20.1.2.22 Object.seal(O).
        ObjectFreeze | ObjectSeal => {
            // Step 1: If O is not an Object, return O.
            if !is_object(&o) {
                return Ok(o);
            }
            // Step 2: Let status be ? SetIntegrityLevel(O, level).
            let level = if b == ObjectFreeze {
                IntegrityLevel::Frozen
            } else {
                IntegrityLevel::Sealed
            };
            // Step 3: If status is false, throw a TypeError exception.
            if !agent.set_integrity_level(&o, level)? {
                return agent.throw(ErrorKind::TypeError, "Cannot freeze or seal");
            }
            // Step 4: Return O.
            Ok(o)
        }
        // §20.1.2.16 Object.isFrozen(O) / §20.1.2.17 Object.isSealed(O).
        ObjectIsFrozen | ObjectIsSealed => {
            // Step 1: If O is not an Object, return true.
            if !is_object(&o) {
                return Ok(Value::Bool(true));
            }
            // Step 2: Return ? TestIntegrityLevel(O, level).
            let level = if b == ObjectIsFrozen {
                IntegrityLevel::Frozen
            } else {
                IntegrityLevel::Sealed
            };
            Ok(Value::Bool(agent.test_integrity_level(&o, level)?))
        }
        // §20.1.2.20 Object.preventExtensions(O).
        ObjectPreventExtensions => {
            // Step 1: If O is not an Object, return O.
            if !is_object(&o) {
                return Ok(o);
            }
            // Steps 2–3: status = ? O.[[PreventExtensions]](); false → TypeError.
            if !agent.prevent_extensions(&o)? {
                return agent.throw(ErrorKind::TypeError, "Cannot prevent extensions");
            }
            // Step 4: Return O.
            Ok(o)
        }
        // §20.1.2.15 Object.isExtensible(O): step 1, not an Object → false; step 2,
        // ? IsExtensible(O).
        ObjectIsExtensible => Ok(Value::Bool(is_object(&o) && agent.is_extensible(&o))),
        // §20.1.2.7 Object.fromEntries(iterable).
        ObjectFromEntries => {
            // Step 1: Perform ? RequireObjectCoercible(iterable).
            require_object_coercible(agent, &o)?;
            // Step 2: Let obj be OrdinaryObjectCreate(%Object.prototype%).
            let obj = Value::Object(agent.alloc(ObjKind::Ordinary));
            // Steps 3–4: AddEntriesFromIterable(obj, iterable, adder) (§24.1.1.2) with the
            // adder CreateDataPropertyOrThrow(obj, ? ToPropertyKey(key), value).
            for item in agent.iterate_to_list(&o)? {
                // §24.1.1.2 step 4.c: If next is not an Object, throw a TypeError.
                if !is_object(&item) {
                    let d = agent.describe(&item);
                    return agent.throw(
                        ErrorKind::TypeError,
                        &format!("Iterator value {d} is not an entry object"),
                    );
                }
                // Steps 4.d–g: k = ? Get(next, "0"); v = ? Get(next, "1"); the adder.
                let k = agent.get_v(&item, "0")?;
                let v = agent.get_v(&item, "1")?;
                let key = agent.to_property_key(&k)?;
                agent.create_data_property_or_throw(&obj, &key, v)?;
            }
            Ok(obj)
        }
        // §20.1.2.12 Object.groupBy(items, callback).
        ObjectGroupBy => {
            // Step 1: Let groups be ? GroupBy(items, callback, property).
            let groups = agent.group_by(&o, &arg(&args, 1))?;
            // Step 2: Let obj be OrdinaryObjectCreate(null).
            let obj = agent.ordinary_object_create(&Value::Null)?;
            // Step 3: For each Record g of groups, CreateDataPropertyOrThrow(obj, g.[[Key]],
            // CreateArrayFromList(g.[[Elements]])).
            for (key, elements) in groups {
                let elements = Value::Object(agent.alloc(ObjKind::Array(elements.into())));
                agent.create_data_property_or_throw(&obj, &key, elements)?;
            }
            // Step 4: Return obj.
            Ok(obj)
        }
        // §20.1.2.14 Object.is(value1, value2): SameValue(value1, value2).
        ObjectIs => Ok(Value::Bool(same_value(&o, &arg(&args, 1)))),
        // §20.1.2.13 Object.hasOwn(O, P).
        ObjectHasOwn => {
            // Step 1: Let obj be ? ToObject(O).
            require_object_coercible(agent, &o)?;
            // Step 2: Let key be ? ToPropertyKey(P).
            let key = agent.to_property_key(&arg(&args, 1))?;
            // Step 3: Return ? HasOwnProperty(obj, key).
            Ok(Value::Bool(agent.get_own_property(&o, &key)?.is_some()))
        }
        // §20.1.3.3 Object.prototype.isPrototypeOf(V).
        ObjectIsPrototypeOf => {
            // Step 1: If V is not an Object, return false.
            let mut v = o;
            if !is_object(&v) {
                return Ok(Value::Bool(false));
            }
            // Step 2: Let O be ? ToObject(this value).
            require_object_coercible(agent, &this)?;
            // Step 3: Repeat, V = ? V.[[GetPrototypeOf]](); null → false; SameValue(O, V) →
            // true.
            loop {
                v = agent.get_prototype_of(&v);
                if matches!(v, Value::Null) {
                    return Ok(Value::Bool(false));
                }
                if same_value(&this, &v) {
                    return Ok(Value::Bool(true));
                }
            }
        }
        // §20.1.3.5 Object.prototype.toLocaleString(): step 2, ? Invoke(O, "toString").
        ObjectToLocaleString => {
            let f = agent.get_v(&this, "toString")?;
            agent.call(&f, this, Vec::new())
        }
        // B.2.2.2 Object.prototype.__defineGetter__(P, getter) / B.2.2.3 __defineSetter__.
        ObjectDefineGetter | ObjectDefineSetter => {
            // Step 1: Let O be ? ToObject(this value).
            require_object_coercible(agent, &this)?;
            // Step 2: If IsCallable(getter) is false, throw a TypeError exception.
            let f = arg(&args, 1);
            if !agent.is_callable(&f) {
                let d = agent.describe(&f);
                return agent.throw(
                    ErrorKind::TypeError,
                    &format!(
                        "Object.prototype.{}: Expecting function, got {d}",
                        b.name::<H::Data>()
                    ),
                );
            }
            // Step 3: Let desc be PropertyDescriptor { [[Get]]/[[Set]]: f, [[Enumerable]]:
            // true, [[Configurable]]: true }.
            let mut desc = PropertyDescriptor {
                enumerable: Some(true),
                configurable: Some(true),
                ..PropertyDescriptor::default()
            };
            if b == ObjectDefineGetter {
                desc.get = Some(f);
            } else {
                desc.set = Some(f);
            }
            // Step 4: Let key be ? ToPropertyKey(P).
            let key = agent.to_property_key(&o)?;
            // Step 5: Perform ? DefinePropertyOrThrow(O, key, desc).
            agent.define_property_or_throw(&this, &key, desc)?;
            // Step 6: Return undefined.
            Ok(Value::Undefined)
        }
        // B.2.2.4 Object.prototype.__lookupGetter__(P) / B.2.2.5 __lookupSetter__.
        ObjectLookupGetter | ObjectLookupSetter => {
            // Step 1: Let O be ? ToObject(this value).
            require_object_coercible(agent, &this)?;
            // Step 2: Let key be ? ToPropertyKey(P).
            let key = agent.to_property_key(&o)?;
            // Step 3: Repeat,
            let mut obj = this;
            loop {
                // Step 3.a: Let desc be ? O.[[GetOwnProperty]](key).
                if let Some(desc) = agent.get_own_property(&obj, &key)? {
                    // Step 3.b: an accessor's [[Get]] / [[Set]], else undefined.
                    let f = if b == ObjectLookupGetter {
                        desc.get
                    } else {
                        desc.set
                    };
                    return Ok(f.unwrap_or(Value::Undefined));
                }
                // Steps 3.c–d: O = ? O.[[GetPrototypeOf]](); null → undefined.
                obj = agent.get_prototype_of(&obj);
                if matches!(obj, Value::Null) {
                    return Ok(Value::Undefined);
                }
            }
        }
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}

impl<H: HostHooks> Agent<'_, H> {
    /// GroupBy(items, callback, property) (§7.3.35): the groups in order of their first
    /// element. The iterables the engine has are arrays (read live, as the array iterator
    /// does, §23.1.5.1), strings and arguments objects.
    pub fn group_by(
        &mut self,
        items: &Value,
        callback: &Value,
    ) -> JsResult<Vec<(Arc<str>, Vec<Value>)>> {
        // Step 1: Perform ? RequireObjectCoercible(items).
        require_object_coercible(self, items)?;
        // Step 2: If IsCallable(callback) is false, throw a TypeError exception.
        if !self.is_callable(callback) {
            let d = self.describe(callback);
            return self.throw(ErrorKind::TypeError, &format!("{d} is not a function"));
        }
        // Step 3: Let groups be a new empty List.
        let mut groups: Vec<(Arc<str>, Vec<Value>)> = Vec::new();
        // Step 4: Let iteratorRecord be ? GetIterator(items, sync).
        let is_array = matches!(items, Value::Object(id) if matches!(self.st.heap.get(*id).kind, ObjKind::Array(_)));
        let list = if is_array {
            Vec::new()
        } else {
            self.iterate_to_list(items)?
        };
        // Step 5: Let k be 0.
        let mut k: u32 = 0;
        // Step 6: Repeat,
        loop {
            self.spend_fuel(1)?;
            // Steps 6.b–d: next = ? IteratorStepValue(iteratorRecord); done → return groups.
            let value = if is_array {
                let stored = matches!(items, Value::Object(id) if self.st.heap.get(*id).has_stored_elements());
                match self.array_element(items, k) {
                    Some(_) if stored => Some(self.get_v(items, &k.to_string())?),
                    v => v,
                }
            } else {
                list.get(k as usize).cloned()
            };
            let Some(value) = value else {
                return Ok(groups);
            };
            // Step 6.e: Let key be Completion(Call(callback, undefined, « value, 𝔽(k) »)).
            let key = self.call(
                callback,
                Value::Undefined,
                vec![value.clone(), Value::num(f64::from(k))],
            )?;
            // Step 6.g: property: Set key to Completion(ToPropertyKey(key)).
            let key = self.to_property_key(&key)?;
            // Step 6.i: Perform AddValueToKeyedGroup(groups, key, value).
            match groups.iter_mut().find(|(g, _)| *g == key) {
                Some((_, elements)) => elements.push(value),
                None => groups.push((key, vec![value])),
            }
            // Step 6.j: Set k to k + 1.
            k += 1;
        }
    }

    /// ObjectDefineProperties(O, Properties) (§20.1.2.3.1).
    pub fn object_define_properties(&mut self, o: &Value, properties: &Value) -> JsResult<Value> {
        // Step 1: Let props be ? ToObject(Properties).
        require_object_coercible(self, properties)?;
        // Step 2: Let keys be ? props.[[OwnPropertyKeys]]().
        let keys = self.own_property_keys(properties)?;
        // Step 3: Let descriptors be a new empty List.
        let mut descriptors: Vec<(Arc<str>, PropertyDescriptor)> = Vec::new();
        // Step 4: For each element nextKey of keys, do
        for next_key in keys {
            // Step 4.a: Let propDesc be ? props.[[GetOwnProperty]](nextKey).
            let prop_desc = self.get_own_property(properties, &next_key)?;
            // Step 4.b: If propDesc is not undefined and propDesc.[[Enumerable]] is true,
            if prop_desc.is_some_and(|d| d.enumerable == Some(true)) {
                // Steps 4.b.i–iii: descObj = ? Get(props, nextKey); desc =
                // ? ToPropertyDescriptor(descObj); append (nextKey, desc).
                let desc_obj = self.get_v(properties, &next_key)?;
                let desc = self.to_property_descriptor(&desc_obj)?;
                descriptors.push((next_key, desc));
            }
        }
        // Step 5: For each element property of descriptors, DefinePropertyOrThrow.
        for (p, desc) in descriptors {
            self.define_property_or_throw(o, &p, desc)?;
        }
        // Step 6: Return O.
        Ok(o.clone())
    }

    /// CreateDataPropertyOrThrow(O, P, V) (§7.3.7) with CreateDataProperty (§7.3.5): the
    /// property { [[Value]]: V, [[Writable]], [[Enumerable]], [[Configurable]]: true }.
    pub fn create_data_property_or_throw(
        &mut self,
        o: &Value,
        key: &str,
        v: Value,
    ) -> JsResult<()> {
        let desc = PropertyDescriptor::data(v, crate::heap::Attrs::ALL);
        self.define_property_or_throw(o, key, desc)
    }

    /// SetIntegrityLevel(O, level) (§7.3.15).
    pub fn set_integrity_level(&mut self, o: &Value, level: IntegrityLevel) -> JsResult<bool> {
        // Steps 1–2: status = ? O.[[PreventExtensions]](); false → return false.
        if !self.prevent_extensions(o)? {
            return Ok(false);
        }
        // Step 3: Let keys be ? O.[[OwnPropertyKeys]]().
        let keys = self.own_property_keys(o)?;
        for k in keys {
            let desc = match level {
                // Step 4: sealed: DefinePropertyOrThrow(O, k, { [[Configurable]]: false }).
                IntegrityLevel::Sealed => PropertyDescriptor {
                    configurable: Some(false),
                    ..PropertyDescriptor::default()
                },
                // Step 5: frozen: currentDesc = ? O.[[GetOwnProperty]](k); an accessor gets
                // { [[Configurable]]: false }, a data property also [[Writable]]: false.
                IntegrityLevel::Frozen => {
                    let Some(current) = self.get_own_property(o, &k)? else {
                        continue;
                    };
                    PropertyDescriptor {
                        configurable: Some(false),
                        writable: (!current.is_accessor_descriptor()).then_some(false),
                        ..PropertyDescriptor::default()
                    }
                }
            };
            self.define_property_or_throw(o, &k, desc)?;
        }
        // Step 6: Return true.
        Ok(true)
    }

    /// TestIntegrityLevel(O, level) (§7.3.16).
    pub fn test_integrity_level(&mut self, o: &Value, level: IntegrityLevel) -> JsResult<bool> {
        // Steps 1–2: an extensible object is not sealed or frozen.
        if self.is_extensible(o) {
            return Ok(false);
        }
        // Steps 3–4: keys = ? O.[[OwnPropertyKeys]](); for each k,
        for k in self.own_property_keys(o)? {
            // Step 4.a: Let currentDesc be ? O.[[GetOwnProperty]](k).
            if let Some(current) = self.get_own_property(o, &k)? {
                // Step 4.b.i: configurable → false.
                if current.configurable == Some(true) {
                    return Ok(false);
                }
                // Step 4.b.ii: frozen, a writable data property → false.
                if level == IntegrityLevel::Frozen && current.writable == Some(true) {
                    return Ok(false);
                }
            }
        }
        // Step 5: Return true.
        Ok(true)
    }
}
