//! The `delete` operator on a property reference (ECMA-262 §13.5.1.2) and the [[Delete]]
//! internal method of each kind of object the engine has: OrdinaryDelete (§10.1.10.1), the
//! arguments exotic object's (§10.4.4.5), and the String exotic object's own properties
//! (§10.4.3.5 StringGetOwnProperty: non-configurable).
//!
//! The engine keeps some own properties implicit (a function's `name` and `length`, the
//! built-ins' methods): deleting one of those would have to change what every later read of
//! it answers, which the engine does not model, so it is refused with a TypeError that says
//! so instead of answering `true` and leaving the property in place.

use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind};
use crate::host::HostHooks;
use crate::value::{ObjId, Value};

use super::props::array_index;
use super::{Agent, JsResult};

/// The non-configurable value properties of the built-in namespace objects and
/// constructors: the Math constants (§21.3.1), the Number constants (§21.1.2) and the
/// `prototype` of each built-in constructor ({ [[Configurable]]: false }).
fn builtin_non_configurable(b: Builtin, key: &str) -> bool {
    match (b, key) {
        (Builtin::MathObj, k) => matches!(
            k,
            "E" | "LN10" | "LN2" | "LOG10E" | "LOG2E" | "PI" | "SQRT1_2" | "SQRT2"
        ),
        (Builtin::NumberCtor, k) => matches!(
            k,
            "EPSILON"
                | "MAX_SAFE_INTEGER"
                | "MAX_VALUE"
                | "MIN_SAFE_INTEGER"
                | "MIN_VALUE"
                | "NaN"
                | "NEGATIVE_INFINITY"
                | "POSITIVE_INFINITY"
        ),
        // §19.1: the value properties of the global object.
        (Builtin::GlobalObj, k) => matches!(k, "undefined" | "NaN" | "Infinity"),
        (_, "prototype") => true,
        _ => false,
    }
}

impl<H: HostHooks> Agent<'_, H> {
    /// `delete base[key]` (§13.5.1.2 Runtime Semantics: Evaluation, UnaryExpression : `delete`
    /// UnaryExpression, step 5, for a property reference): `key_value` is the reference's
    /// name as evaluated, `strict` the reference's [[Strict]].
    pub fn delete_property_reference(
        &mut self,
        base: &Value,
        key_value: &Value,
        strict: bool,
    ) -> JsResult<bool> {
        // Step 5.c: Let baseObj be ? ToObject(ref.[[Base]]).
        if base.is_nullish() {
            let what = if matches!(base, Value::Null) {
                "null"
            } else {
                "undefined"
            };
            let key = self.describe(key_value);
            return self.throw(
                ErrorKind::TypeError,
                &format!("Cannot convert undefined or null to object (deleting {key} of {what})"),
            );
        }
        // Step 5.d: If ref.[[ReferencedName]] is not a property key, set it to
        // ? ToPropertyKey(ref.[[ReferencedName]]).
        let key = self.to_property_key(key_value)?;
        // Step 5.e: Let deleteStatus be ? baseObj.[[Delete]](ref.[[ReferencedName]]).
        let delete_status = self.delete(base, &key)?;
        // Step 5.f: If deleteStatus is false and ref.[[Strict]] is true, throw a TypeError.
        if !delete_status && strict {
            let d = self.object_name(base);
            return self.throw(
                ErrorKind::TypeError,
                &format!("Cannot delete property '{key}' of {d}"),
            );
        }
        // Step 5.g: Return deleteStatus.
        Ok(delete_status)
    }

    /// O.[[Delete]](P) of ToObject(`v`): whether the property is gone afterwards.
    pub(crate) fn delete(&mut self, v: &Value, key: &str) -> JsResult<bool> {
        match v {
            Value::Object(id) => self.delete_object(*id, key),
            // §10.4.3.5 StringGetOwnProperty: the indices and `length` of a String object
            // are non-configurable; it has no other own properties.
            Value::String(_) => Ok(!self.has_own_property(v, key)),
            Value::Builtin(b) => self.delete_builtin(*b, v, key),
            // A Number or Boolean object has no own properties (§7.1.18 ToObject).
            _ => Ok(true),
        }
    }

    /// [[Delete]] of a built-in object (a constructor, a namespace, a prototype, the global
    /// object): a property it does not have is deleted already (OrdinaryDelete step 2); a
    /// non-configurable one stays (step 4); deleting a configurable one is refused.
    fn delete_builtin(&mut self, b: Builtin, v: &Value, key: &str) -> JsResult<bool> {
        let own = self.has_own_property(v, key)
            || (key == "length" && b.is_callable::<H::Data>())
            || H::host_get(self, v, key).is_some()
            || (b == Builtin::GlobalObj && H::host_global_property(self, key).is_some());
        if !own {
            return Ok(true);
        }
        if builtin_non_configurable(b, key) {
            return Ok(false);
        }
        let name = b.name::<H::Data>();
        self.throw(
            ErrorKind::TypeError,
            &format!("evloop does not model deleting the built-in property '{key}' of `{name}`"),
        )
    }

    /// OrdinaryDelete(O, P) (§10.1.10.1) of a heap object, with the exotic objects' own
    /// properties: an array's elements and its non-configurable `length` (§10.4.2), a
    /// constructor's non-configurable `prototype` (§10.2.6 MakeConstructor step 6), and the
    /// arguments object's [[Delete]] (§10.4.4.5).
    fn delete_object(&mut self, id: ObjId, key: &str) -> JsResult<bool> {
        let obj = self.st.heap.get(id);
        let stored = obj.get_own(key).is_some();
        match &obj.kind {
            ObjKind::Array(items) => {
                if key == "length" {
                    return Ok(false);
                }
                if let Some(i) = array_index(key)
                    && !stored
                {
                    // Step 2: an absent element is deleted already; step 3: remove it.
                    if items.has(i)
                        && let ObjKind::Array(items) = &mut self.st.heap.get_mut(id).kind
                    {
                        items.remove(i);
                    }
                    return Ok(true);
                }
            }
            ObjKind::Function(_) if key == "prototype" && self.is_constructor_closure(id) => {
                return Ok(false);
            }
            // A stored `name` or `length` that is not configurable stays (step 4).
            ObjKind::Function(_) | ObjKind::Native(_)
                if stored
                    && matches!(key, "name" | "length")
                    && !obj.get_own(key).is_some_and(|p| p.is_configurable()) =>
            {
                return Ok(false);
            }
            // Removing it would bring back the implicit one.
            ObjKind::Function(_) | ObjKind::Native(_) if matches!(key, "name" | "length") => {
                return self.throw(
                    ErrorKind::TypeError,
                    &format!("evloop does not model deleting a function's own '{key}'"),
                );
            }
            ObjKind::Host(_) if !stored => {
                let v = Value::Object(id);
                if H::host_get(self, &v, key).is_some() {
                    return self.throw(
                        ErrorKind::TypeError,
                        &format!("evloop does not model deleting the host property '{key}'"),
                    );
                }
                return Ok(true);
            }
            _ => {}
        }
        // OrdinaryDelete step 4: a non-configurable property stays, false.
        if obj.get_own(key).is_some_and(|p| !p.is_configurable()) {
            return Ok(false);
        }
        // Steps 1–3: no own property, true; a configurable one is removed, true.
        self.st.heap.get_mut(id).props.retain(|(k, _)| &**k != key);
        // §10.4.4.5 [[Delete]] of an arguments object, step 4: the ordinary delete
        // succeeded, so a mapped index leaves the map.
        self.arguments_delete_mapping(id, key);
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::builtin_non_configurable;
    use crate::builtins::Builtin;

    #[test]
    fn the_constants_and_prototypes_of_the_built_ins_are_non_configurable() {
        assert!(builtin_non_configurable(Builtin::MathObj, "PI"));
        assert!(builtin_non_configurable(Builtin::NumberCtor, "MAX_VALUE"));
        assert!(builtin_non_configurable(Builtin::PromiseCtor, "prototype"));
        assert!(builtin_non_configurable(Builtin::GlobalObj, "undefined"));
        assert!(!builtin_non_configurable(Builtin::MathObj, "max"));
        assert!(!builtin_non_configurable(Builtin::PromiseCtor, "resolve"));
        assert!(!builtin_non_configurable(Builtin::GlobalObj, "Promise"));
    }
}
