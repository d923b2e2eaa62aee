//! The Property Descriptor Specification Type (ECMA-262 §6.2.6): the record, its three kinds,
//! and the conversions between it and objects (FromPropertyDescriptor,
//! ToPropertyDescriptor, CompletePropertyDescriptor).

use crate::heap::{Attrs, ErrorKind, Obj, ObjKind, Prop};
use crate::host::HostHooks;
use crate::value::Value;

use super::{Agent, JsResult};

/// A Property Descriptor (§6.2.6): each field present or absent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PropertyDescriptor {
    pub value: Option<Value>,
    pub writable: Option<bool>,
    pub get: Option<Value>,
    pub set: Option<Value>,
    pub enumerable: Option<bool>,
    pub configurable: Option<bool>,
}

impl PropertyDescriptor {
    /// The complete descriptor of a stored property.
    pub fn of_prop(p: &Prop) -> PropertyDescriptor {
        let a = p.attrs();
        match p.get_set() {
            Some((get, set)) => PropertyDescriptor {
                get: Some(get.clone().unwrap_or(Value::Undefined)),
                set: Some(set.clone().unwrap_or(Value::Undefined)),
                enumerable: Some(a.enumerable()),
                configurable: Some(a.configurable()),
                ..PropertyDescriptor::default()
            },
            None => PropertyDescriptor::data(p.value().cloned().unwrap_or(Value::Undefined), a),
        }
    }

    /// The complete data descriptor `{ [[Value]]: value }` with `attrs`.
    pub fn data(value: Value, attrs: Attrs) -> PropertyDescriptor {
        PropertyDescriptor {
            value: Some(value),
            writable: Some(attrs.writable()),
            enumerable: Some(attrs.enumerable()),
            configurable: Some(attrs.configurable()),
            ..PropertyDescriptor::default()
        }
    }

    /// The stored property a complete descriptor describes.
    pub fn to_prop(&self) -> Prop {
        let enumerable = self.enumerable == Some(true);
        let configurable = self.configurable == Some(true);
        let f = |v: &Option<Value>| v.clone().filter(|v| !matches!(v, Value::Undefined));
        if self.is_accessor_descriptor() {
            Prop::accessor(f(&self.get), f(&self.set), enumerable, configurable)
        } else {
            Prop::data(
                self.value.clone().unwrap_or(Value::Undefined),
                Attrs::new(self.writable == Some(true), enumerable, configurable),
            )
        }
    }

    /// IsAccessorDescriptor(Desc) (§6.2.6.1): step 2, [[Get]] or [[Set]] present.
    pub fn is_accessor_descriptor(&self) -> bool {
        self.get.is_some() || self.set.is_some()
    }

    /// IsDataDescriptor(Desc) (§6.2.6.2): step 2, [[Value]] or [[Writable]] present.
    pub fn is_data_descriptor(&self) -> bool {
        self.value.is_some() || self.writable.is_some()
    }

    /// IsGenericDescriptor(Desc) (§6.2.6.3).
    pub fn is_generic_descriptor(&self) -> bool {
        // Step 2: if both IsAccessorDescriptor and IsDataDescriptor are false, true.
        !self.is_accessor_descriptor() && !self.is_data_descriptor()
    }

    /// CompletePropertyDescriptor(Desc) (§6.2.6.6).
    pub fn complete(&mut self) {
        // Step 1: Let like be the Record { [[Value]]: undefined, [[Writable]]: false,
        // [[Get]]: undefined, [[Set]]: undefined, [[Enumerable]]: false,
        // [[Configurable]]: false }.
        // Step 2: if IsGenericDescriptor(Desc) or IsDataDescriptor(Desc), then
        if self.is_generic_descriptor() || self.is_data_descriptor() {
            // a–b: a missing [[Value]] or [[Writable]] is like's.
            self.value.get_or_insert(Value::Undefined);
            self.writable.get_or_insert(false);
        } else {
            // Step 3: a–b, a missing [[Get]] or [[Set]] is like's.
            self.get.get_or_insert(Value::Undefined);
            self.set.get_or_insert(Value::Undefined);
        }
        // Steps 4–5: a missing [[Enumerable]] or [[Configurable]] is like's.
        self.enumerable.get_or_insert(false);
        self.configurable.get_or_insert(false);
        // Step 6: Return unused.
    }
}

impl<H: HostHooks> Agent<'_, H> {
    /// FromPropertyDescriptor(Desc) (§6.2.6.4): `undefined` for an absent descriptor, else
    /// an ordinary object with a data property per field present.
    pub fn from_property_descriptor(&mut self, desc: Option<PropertyDescriptor>) -> Value {
        // Step 1: If Desc is undefined, return undefined.
        let Some(desc) = desc else {
            return Value::Undefined;
        };
        // Step 2: Let obj be OrdinaryObjectCreate(%Object.prototype%).
        let mut obj = Obj::new(ObjKind::Ordinary);
        // Steps 4–9: CreateDataPropertyOrThrow for each field present, in this order.
        let fields = [
            ("value", desc.value),
            ("writable", desc.writable.map(Value::Bool)),
            ("get", desc.get),
            ("set", desc.set),
            ("enumerable", desc.enumerable.map(Value::Bool)),
            ("configurable", desc.configurable.map(Value::Bool)),
        ];
        for (key, v) in fields {
            if let Some(v) = v {
                obj.set_own(key, Prop::Data(v));
            }
        }
        // Step 10: Return obj.
        Value::Object(self.st.heap.alloc(obj))
    }

    /// ToPropertyDescriptor(Obj) (§6.2.6.5).
    pub fn to_property_descriptor(&mut self, obj: &Value) -> JsResult<PropertyDescriptor> {
        // Step 1: If Obj is not an Object, throw a TypeError exception.
        if !matches!(obj, Value::Object(_) | Value::Builtin(_)) {
            let d = self.describe(obj);
            return self.throw(
                ErrorKind::TypeError,
                &format!("Property description must be an object: {d}"),
            );
        }
        // Step 2: Let desc be a new Property Descriptor that initially has no fields.
        let mut desc = PropertyDescriptor::default();
        // Steps 3–14: for each field, HasProperty(Obj, name) then Get(Obj, name).
        if self.has_property(obj, "enumerable")? {
            desc.enumerable = Some(self.get_v(obj, "enumerable")?.to_boolean());
        }
        if self.has_property(obj, "configurable")? {
            desc.configurable = Some(self.get_v(obj, "configurable")?.to_boolean());
        }
        if self.has_property(obj, "value")? {
            desc.value = Some(self.get_v(obj, "value")?);
        }
        if self.has_property(obj, "writable")? {
            desc.writable = Some(self.get_v(obj, "writable")?.to_boolean());
        }
        // Steps 11–12: a getter must be callable or undefined.
        if self.has_property(obj, "get")? {
            let getter = self.get_v(obj, "get")?;
            if !self.is_callable(&getter) && !matches!(getter, Value::Undefined) {
                let d = self.describe(&getter);
                return self.throw(
                    ErrorKind::TypeError,
                    &format!("Getter must be a function: {d}"),
                );
            }
            desc.get = Some(getter);
        }
        // Steps 13–14: a setter must be callable or undefined.
        if self.has_property(obj, "set")? {
            let setter = self.get_v(obj, "set")?;
            if !self.is_callable(&setter) && !matches!(setter, Value::Undefined) {
                let d = self.describe(&setter);
                return self.throw(
                    ErrorKind::TypeError,
                    &format!("Setter must be a function: {d}"),
                );
            }
            desc.set = Some(setter);
        }
        // Step 15: If desc has a [[Get]] or [[Set]] field and a [[Value]] or [[Writable]]
        // field, throw a TypeError exception.
        if desc.is_accessor_descriptor() && desc.is_data_descriptor() {
            let d = self.describe(obj);
            return self.throw(
                ErrorKind::TypeError,
                &format!(
                    "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, {d}"
                ),
            );
        }
        // Step 16: Return desc.
        Ok(desc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_fills_a_generic_descriptor_as_a_data_descriptor() {
        let mut d = PropertyDescriptor {
            enumerable: Some(true),
            ..PropertyDescriptor::default()
        };
        assert!(d.is_generic_descriptor());
        d.complete();
        assert_eq!(
            d,
            PropertyDescriptor::data(Value::Undefined, Attrs::new(false, true, false))
        );
        assert_eq!(
            d.to_prop(),
            Prop::Fixed(Value::Undefined, Attrs::new(false, true, false))
        );
    }

    #[test]
    fn a_stored_property_round_trips_through_its_descriptor() {
        for p in [
            Prop::Data(Value::num(1.0)),
            Prop::Hidden(Value::Null),
            Prop::Fixed(Value::Bool(true), Attrs::NONE),
            Prop::accessor(Some(Value::Null), None, false, false),
            Prop::accessor(None, Some(Value::Null), true, true),
        ] {
            assert_eq!(PropertyDescriptor::of_prop(&p).to_prop(), p);
        }
    }
}
