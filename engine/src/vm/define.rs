//! The object internal methods that read and write property attributes (ECMA-262 §10.1):
//! [[GetOwnProperty]] (OrdinaryGetOwnProperty §10.1.5.1, with the own properties the engine
//! keeps implicit), [[DefineOwnProperty]] (OrdinaryDefineOwnProperty §10.1.6.1,
//! ValidateAndApplyPropertyDescriptor §10.1.6.3, the Array exotic object's §10.4.2.1 and
//! ArraySetLength §10.4.2.4, the arguments exotic object's §10.4.4.2),
//! [[PreventExtensions]] and [[IsExtensible]] (§10.1.3, §10.1.4).
//!
//! Some own properties are implicit: an array's elements and `length` (they live in its
//! [`crate::elements::Elements`], which has no attributes: every element is writable,
//! enumerable and configurable, and `length` is writable), a function's `name`, `length`
//! and `prototype` until something writes them, and every property of the built-ins
//! (immediate values, see `crate::builtins::own`). A definition these cannot hold — a
//! non-writable element or `length`, a change to a built-in — is refused with a TypeError
//! that says so, never answered as if it had happened.

use crate::builtins::Builtin;
use crate::heap::{Attrs, ErrorKind, ObjKind, Prop};
use crate::host::HostHooks;
use crate::value::{ObjId, Value};

use super::descriptor::PropertyDescriptor;
use super::ops::to_uint32;
use super::props::array_index;
use super::{Agent, JsResult};

/// SameValue(x, y) (§7.2.10): the engine's numbers compare by their bits with one NaN, so
/// this is equality of values (`+0` and `-0` differ, NaN is NaN).
pub fn same_value(x: &Value, y: &Value) -> bool {
    match (x, y) {
        (Value::Hole, Value::Undefined) | (Value::Undefined, Value::Hole) => true,
        _ => x == y,
    }
}

/// ValidateAndApplyPropertyDescriptor(O, P, extensible, Desc, current) (§10.1.6.3): `None`
/// when the definition is rejected (the algorithm's `false`), else the complete descriptor
/// the property has afterwards (for O undefined, step 2.b and 6: what it would have).
pub fn validate_and_apply_property_descriptor(
    extensible: bool,
    desc: &PropertyDescriptor,
    current: Option<&PropertyDescriptor>,
) -> Option<PropertyDescriptor> {
    // Step 2: If current is undefined, then
    let Some(current) = current else {
        // Step 2.a: If extensible is false, return false.
        if !extensible {
            return None;
        }
        // Steps 2.c–d: a new accessor or data property, absent fields defaulted.
        let mut new = desc.clone();
        new.complete();
        return Some(new);
    };
    // Step 4: If Desc does not have any fields, return true.
    if *desc == PropertyDescriptor::default() {
        return Some(current.clone());
    }
    // Step 5: If current.[[Configurable]] is false, then
    if current.configurable == Some(false) {
        // Step 5.a: Desc.[[Configurable]] true → false.
        if desc.configurable == Some(true) {
            return None;
        }
        // Step 5.b: a different [[Enumerable]] → false.
        if desc.enumerable.is_some() && desc.enumerable != current.enumerable {
            return None;
        }
        // Step 5.c: not generic and of the other kind → false.
        if !desc.is_generic_descriptor()
            && desc.is_accessor_descriptor() != current.is_accessor_descriptor()
        {
            return None;
        }
        if current.is_accessor_descriptor() {
            // Step 5.d: a different [[Get]] or [[Set]] → false.
            let differs = |d: &Option<Value>, c: &Option<Value>| match (d, c) {
                (Some(d), Some(c)) => !same_value(d, c),
                _ => false,
            };
            if differs(&desc.get, &current.get) || differs(&desc.set, &current.set) {
                return None;
            }
        } else if current.writable == Some(false) {
            // Step 5.e.i: Desc.[[Writable]] true → false.
            if desc.writable == Some(true) {
                return None;
            }
            // Step 5.e.ii: a different [[Value]] → false.
            if let (Some(d), Some(c)) = (&desc.value, &current.value)
                && !same_value(d, c)
            {
                return None;
            }
        }
    }
    // Step 6: If O is not undefined, then
    let enumerable = desc.enumerable.or(current.enumerable);
    let configurable = desc.configurable.or(current.configurable);
    let new = if current.is_data_descriptor() && desc.is_accessor_descriptor() {
        // Step 6.a: the data property becomes an accessor with the kept attributes.
        PropertyDescriptor {
            get: Some(desc.get.clone().unwrap_or(Value::Undefined)),
            set: Some(desc.set.clone().unwrap_or(Value::Undefined)),
            enumerable,
            configurable,
            ..PropertyDescriptor::default()
        }
    } else if current.is_accessor_descriptor() && desc.is_data_descriptor() {
        // Step 6.b: the accessor becomes a data property with the kept attributes.
        PropertyDescriptor {
            value: Some(desc.value.clone().unwrap_or(Value::Undefined)),
            writable: Some(desc.writable.unwrap_or(false)),
            enumerable,
            configurable,
            ..PropertyDescriptor::default()
        }
    } else {
        // Step 6.c: each field of Desc replaces the property's attribute.
        PropertyDescriptor {
            value: desc.value.clone().or_else(|| current.value.clone()),
            writable: desc.writable.or(current.writable),
            get: desc.get.clone().or_else(|| current.get.clone()),
            set: desc.set.clone().or_else(|| current.set.clone()),
            enumerable,
            configurable,
        }
    };
    // Step 7: Return true.
    Some(new)
}

impl<H: HostHooks> Agent<'_, H> {
    /// O.[[GetOwnProperty]](P) of ToObject(`o`) (OrdinaryGetOwnProperty §10.1.5.1; a
    /// String exotic object's StringGetOwnProperty §10.4.3.5): the stored property, else
    /// the implicit one. A host object's or host built-in's own property, whose attributes
    /// the host does not state, is refused.
    pub fn get_own_property(
        &mut self,
        o: &Value,
        key: &str,
    ) -> JsResult<Option<PropertyDescriptor>> {
        match o {
            Value::Object(id) => self.object_get_own_property(*id, key),
            Value::Builtin(b) => {
                if let Some(d) = crate::builtins::own::builtin_own_property::<H::Data>(*b, key) {
                    return Ok(Some(d));
                }
                if matches!(b, Builtin::Host(_)) && H::host_get(self, o, key).is_some()
                    || *b == Builtin::GlobalObj && H::host_global_property(self, key).is_some()
                {
                    return self.unmodelled_attributes(o, key);
                }
                Ok(None)
            }
            // §10.4.3.5 StringGetOwnProperty: the code units are { [[Writable]]: false,
            // [[Enumerable]]: true, [[Configurable]]: false }; §10.4.3.4 step 3: `length`
            // is { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }.
            Value::String(s) => {
                let units: Vec<u16> = s.encode_utf16().collect();
                if key == "length" {
                    return Ok(Some(PropertyDescriptor::data(
                        Value::num(units.len() as f64),
                        Attrs::NONE,
                    )));
                }
                Ok(array_index(key)
                    .and_then(|i| units.get(i as usize))
                    .map(|u| {
                        let c = String::from_utf16_lossy(&[*u]);
                        PropertyDescriptor::data(Value::str(&c), Attrs::new(false, true, false))
                    }))
            }
            // §7.1.18 ToObject step: a Number or Boolean object has no own properties.
            Value::Number(_) | Value::Bool(_) => Ok(None),
            Value::Undefined | Value::Null | Value::Hole => self.throw(
                ErrorKind::TypeError,
                "Cannot convert undefined or null to object",
            ),
        }
    }

    fn unmodelled_attributes<T>(&mut self, o: &Value, key: &str) -> JsResult<T> {
        let d = self.describe(o);
        self.throw(
            ErrorKind::TypeError,
            &format!("evloop does not model the attributes of the host property '{key}' of {d}"),
        )
    }

    /// [[GetOwnProperty]] of a heap object.
    fn object_get_own_property(
        &mut self,
        id: ObjId,
        key: &str,
    ) -> JsResult<Option<PropertyDescriptor>> {
        if key == "prototype" {
            self.materialize_prototype(id);
        }
        let obj = self.st.heap.get(id);
        if let Some(p) = obj.get_own(key) {
            return Ok(Some(PropertyDescriptor::of_prop(p)));
        }
        Ok(match &obj.kind {
            // §10.4.2: `length` is { [[Writable]]: true, [[Enumerable]]: false,
            // [[Configurable]]: false }; the elements are ordinary data properties.
            ObjKind::Array(items) => {
                if key == "length" {
                    Some(PropertyDescriptor::data(
                        Value::num(f64::from(items.len())),
                        Attrs::new(true, false, false),
                    ))
                } else {
                    array_index(key)
                        .and_then(|i| items.get(i))
                        .map(|v| PropertyDescriptor::data(v.clone(), Attrs::ALL))
                }
            }
            // §10.2.9 SetFunctionName, §10.2.10 SetFunctionLength: { [[Writable]]: false,
            // [[Enumerable]]: false, [[Configurable]]: true }.
            ObjKind::Function(_) if matches!(key, "name" | "length") => {
                let v = self.get_from_prototype(&Value::Object(id), key);
                Some(PropertyDescriptor::data(v, Attrs::CONFIGURABLE_ONLY))
            }
            ObjKind::Native(_) if key == "name" => Some(PropertyDescriptor::data(
                Value::str(""),
                Attrs::CONFIGURABLE_ONLY,
            )),
            ObjKind::Native(_) if key == "length" => {
                let d = self.describe(&Value::Object(id));
                return self.throw(
                    ErrorKind::TypeError,
                    &format!("evloop does not model the 'length' of the built-in closure {d}"),
                );
            }
            ObjKind::Host(_) => {
                if H::host_get(self, &Value::Object(id), key).is_some() {
                    return self.unmodelled_attributes(&Value::Object(id), key);
                }
                None
            }
            _ => None,
        })
    }

    /// O.[[DefineOwnProperty]](P, Desc) of `o`: OrdinaryDefineOwnProperty (§10.1.6.1) for
    /// ordinary objects, the Array exotic object's (§10.4.2.1) and the arguments exotic
    /// object's (§10.4.4.2). A definition that would change a built-in is refused.
    pub fn define_own_property(
        &mut self,
        o: &Value,
        key: &str,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        let id = match o {
            Value::Object(id) => *id,
            _ => {
                // A built-in is unchanged until programs can change it: a definition that
                // changes nothing is valid (step 4 and the SameValue checks of step 5);
                // any other is refused by name.
                let current = self.get_own_property(o, key)?;
                let unchanged = current.as_ref().is_some_and(|c| {
                    validate_and_apply_property_descriptor(true, &desc, Some(c)).as_ref() == Some(c)
                });
                if unchanged {
                    return Ok(true);
                }
                if current.as_ref().is_some_and(|c| {
                    validate_and_apply_property_descriptor(true, &desc, Some(c)).is_none()
                }) {
                    return Ok(false);
                }
                let d = self.describe(o);
                return self.throw(
                    ErrorKind::TypeError,
                    &format!("evloop does not model changing the built-in {d} (defining '{key}')"),
                );
            }
        };
        match &self.st.heap.get(id).kind {
            ObjKind::Array(_) => self.array_define_own_property(id, key, desc),
            ObjKind::Arguments(Some(_)) => self.arguments_define_own_property(id, key, desc),
            _ => self.ordinary_define_own_property(id, key, desc),
        }
    }

    /// OrdinaryDefineOwnProperty(O, P, Desc) (§10.1.6.1).
    pub fn ordinary_define_own_property(
        &mut self,
        id: ObjId,
        key: &str,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        if matches!(self.st.heap.get(id).kind, ObjKind::Host(_))
            && H::host_get(self, &Value::Object(id), key).is_some()
        {
            return self.unmodelled_attributes(&Value::Object(id), key);
        }
        // Step 1: Let current be ? O.[[GetOwnProperty]](P).
        let current = self.object_get_own_property(id, key)?;
        // Step 2: Let extensible be ? IsExtensible(O).
        let extensible = !self.st.heap.get(id).non_extensible;
        // Step 3: Return ValidateAndApplyPropertyDescriptor(O, P, extensible, Desc, current).
        match validate_and_apply_property_descriptor(extensible, &desc, current.as_ref()) {
            None => Ok(false),
            Some(new) => {
                self.st.heap.get_mut(id).set_own(key, new.to_prop());
                Ok(true)
            }
        }
    }

    /// The Array exotic object's [[DefineOwnProperty]](P, Desc) (§10.4.2.1).
    fn array_define_own_property(
        &mut self,
        id: ObjId,
        key: &str,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        // Step 1: If P is "length", return ? ArraySetLength(A, Desc).
        if key == "length" {
            return self.array_set_length_desc(id, desc);
        }
        // Step 2: Else if P is an array index, then
        let Some(index) = array_index(key) else {
            // Step 3: Return ! OrdinaryDefineOwnProperty(A, P, Desc).
            return self.ordinary_define_own_property(id, key, desc);
        };
        // Steps 2.a–c: lengthDesc = OrdinaryGetOwnProperty(A, "length"); length.
        let (length, length_writable) = self.array_length(id);
        // Step 2.d: If index ≥ length and lengthDesc.[[Writable]] is false, return false.
        if index >= length && !length_writable {
            return Ok(false);
        }
        // Step 2.e: Let succeeded be ! OrdinaryDefineOwnProperty(A, P, Desc).
        let current = self.object_get_own_property(id, key)?;
        let extensible = !self.st.heap.get(id).non_extensible;
        let Some(new) = validate_and_apply_property_descriptor(extensible, &desc, current.as_ref())
        else {
            // Step 2.f: If succeeded is false, return false.
            return Ok(false);
        };
        let stored = self.st.heap.get(id).get_own(key).is_some();
        if let ObjKind::Array(items) = &mut self.st.heap.get_mut(id).kind {
            match new.to_prop() {
                // An ordinary element stays in the elements.
                Prop::Data(v) if !stored => items.set(index, v),
                // Any other is stored with its attributes; the elements keep a hole there.
                _ => {
                    items.remove(index);
                    // Steps 2.g–h: an index at or past `length` sets `length` to index + 1.
                    if index >= items.len() {
                        items.set_len(index + 1);
                    }
                }
            }
        }
        let new_prop = new.to_prop();
        if stored || !matches!(new_prop, Prop::Data(_)) {
            self.st.heap.get_mut(id).set_own(key, new_prop);
        }
        Ok(true)
    }

    /// An array's `length` and its [[Writable]] (a non-writable `length` is stored among
    /// its properties, with the value it had then; nothing can change it afterwards).
    pub(crate) fn array_length(&self, id: ObjId) -> (u32, bool) {
        let obj = self.st.heap.get(id);
        let len = match &obj.kind {
            ObjKind::Array(items) => items.len(),
            _ => 0,
        };
        let writable = obj.get_own("length").is_none_or(|p| p.attrs().writable());
        (len, writable)
    }

    /// ArraySetLength(A, Desc) (§10.4.2.4).
    fn array_set_length_desc(&mut self, id: ObjId, desc: PropertyDescriptor) -> JsResult<bool> {
        let mut new_len_desc = desc;
        // Step 1: If Desc has no [[Value]], return OrdinaryDefineOwnProperty(A, "length",
        // Desc) (below, with newLen the old length).
        let given = match new_len_desc.value.clone() {
            None => None,
            Some(v) => {
                // Steps 3–5: newLen = ? ToUint32(Desc.[[Value]]), numberLen =
                // ? ToNumber(Desc.[[Value]]); a RangeError unless they are the same.
                let n = self.to_number(&v)?;
                let new_len = to_uint32(n);
                let number_len = self.to_number(&v)?;
                if f64::from(new_len) != number_len {
                    return self
                        .throw(ErrorKind::RangeError, crate::elements::INVALID_ARRAY_LENGTH);
                }
                // Step 6: Set newLenDesc.[[Value]] to newLen.
                new_len_desc.value = Some(Value::num(f64::from(new_len)));
                Some(new_len)
            }
        };
        // Steps 7–9: oldLenDesc = OrdinaryGetOwnProperty(A, "length"); oldLen.
        let (old_len, old_writable) = self.array_length(id);
        let old_len_desc = PropertyDescriptor::data(
            Value::num(f64::from(old_len)),
            Attrs::new(old_writable, false, false),
        );
        let new_len = given.unwrap_or(old_len);
        // Step 10 (and step 1): if newLen ≥ oldLen, OrdinaryDefineOwnProperty(A, "length",
        // newLenDesc) — validated against the old `length`.
        // Steps 11–14: shrinking a non-writable `length` fails; newWritable is applied
        // after the deletions.
        let new_writable = new_len_desc.writable != Some(false);
        if new_len < old_len {
            if !old_writable {
                return Ok(false);
            }
            new_len_desc.writable = Some(true);
        }
        let Some(_) =
            validate_and_apply_property_descriptor(true, &new_len_desc, Some(&old_len_desc))
        else {
            return Ok(false);
        };
        // Steps 16–17: delete the elements from oldLen − 1 down to newLen; a
        // non-configurable one stops the deletion, `length` becoming its index + 1.
        let blocking = self
            .st
            .heap
            .get(id)
            .props
            .iter()
            .filter(|(_, p)| !p.is_configurable())
            .filter_map(|(k, _)| array_index(k))
            .filter(|&i| i >= new_len)
            .max();
        let final_len = blocking.map_or(new_len, |i| i + 1);
        let obj = self.st.heap.get_mut(id);
        obj.props
            .retain(|(k, _)| array_index(k).is_none_or(|i| i < final_len));
        if let ObjKind::Array(items) = &mut obj.kind {
            items.set_len(final_len);
        }
        // Steps 18–19 (and 17.b.ii): [[Writable]] false is applied last, storing `length`.
        let writable = old_writable && new_writable;
        if !writable {
            let length = Prop::data(Value::num(f64::from(final_len)), Attrs::NONE);
            self.st.heap.get_mut(id).set_own("length", length);
        }
        // Step 17.b.iii / step 20: false if an element stopped the deletion.
        Ok(blocking.is_none())
    }

    /// The arguments exotic object's [[DefineOwnProperty]](P, Desc) (§10.4.4.2).
    fn arguments_define_own_property(
        &mut self,
        id: ObjId,
        key: &str,
        desc: PropertyDescriptor,
    ) -> JsResult<bool> {
        // Steps 1–2: isMapped is HasOwnProperty(map, P).
        let mapped = self.mapped_binding(id, key);
        // Step 3: Let newArgDesc be Desc.
        let mut new_arg_desc = desc.clone();
        // Step 4: If isMapped and IsDataDescriptor(Desc), then if Desc has no [[Value]] but
        // has [[Writable]] false, newArgDesc gets [[Value]]: Get(map, P).
        if let Some(v) = &mapped
            && desc.is_data_descriptor()
            && desc.value.is_none()
            && desc.writable == Some(false)
        {
            new_arg_desc.value = Some(v.clone());
        }
        // Step 5: allowed = ! OrdinaryDefineOwnProperty(args, P, newArgDesc).
        if !self.ordinary_define_own_property(id, key, new_arg_desc)? {
            // Step 6: If allowed is false, return false.
            return Ok(false);
        }
        // Step 7: If isMapped is true, then
        if mapped.is_some() {
            if desc.is_accessor_descriptor() {
                // Step 7.a: an accessor: map.[[Delete]](P).
                self.arguments_delete_mapping(id, key);
            } else {
                // Step 7.b.i: a [[Value]]: Set(map, P, Desc.[[Value]], false).
                if let Some(v) = &desc.value {
                    self.arguments_set(id, &Value::Object(id), key, v);
                }
                // Step 7.b.ii: [[Writable]] false: map.[[Delete]](P).
                if desc.writable == Some(false) {
                    self.arguments_delete_mapping(id, key);
                }
            }
        }
        // Step 8: Return true.
        Ok(true)
    }

    /// DefinePropertyOrThrow(O, P, desc) (§7.3.8).
    pub fn define_property_or_throw(
        &mut self,
        o: &Value,
        key: &str,
        desc: PropertyDescriptor,
    ) -> JsResult<()> {
        // Step 1: Let success be ? O.[[DefineOwnProperty]](P, desc).
        if !self.define_own_property(o, key, desc)? {
            // Step 2: If success is false, throw a TypeError exception.
            let message = if self.is_extensible(o) || self.get_own_property(o, key)?.is_some() {
                format!("Cannot redefine property: {key}")
            } else {
                format!("Cannot define property {key}, object is not extensible")
            };
            return self.throw(ErrorKind::TypeError, &message);
        }
        Ok(())
    }

    /// IsExtensible(O) (§7.2.5) / O.[[IsExtensible]]() (OrdinaryIsExtensible §10.1.3.1).
    /// The built-ins are extensible.
    pub fn is_extensible(&self, o: &Value) -> bool {
        match o {
            Value::Object(id) => !self.st.heap.get(*id).non_extensible,
            Value::Builtin(_) => true,
            _ => false,
        }
    }

    /// O.[[PreventExtensions]]() (OrdinaryPreventExtensions §10.1.4.1): step 1, set
    /// O.[[Extensible]] to false. A built-in cannot change and a host object's properties
    /// are the host's: both are refused.
    pub fn prevent_extensions(&mut self, o: &Value) -> JsResult<bool> {
        match o {
            Value::Object(id) if !matches!(self.st.heap.get(*id).kind, ObjKind::Host(_)) => {
                self.st.heap.get_mut(*id).non_extensible = true;
                Ok(true)
            }
            _ => {
                let d = self.describe(o);
                self.throw(
                    ErrorKind::TypeError,
                    &format!("evloop does not model making {d} non-extensible"),
                )
            }
        }
    }
}
