//! ToPrimitive (ECMA-262 §7.1.1) and OrdinaryToPrimitive (§7.1.1.1): how an object becomes
//! a primitive for the operators and the conversions (ToNumber, ToString, `+`, `<`, `==`).

use crate::heap::{ErrorKind, ObjKind};
use crate::host::HostHooks;
use crate::value::Value;

use super::{Agent, JsResult};

/// ToPrimitive's *preferredType* (absent: [`Hint::Default`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    Default,
    String,
    Number,
}

impl<H: HostHooks> Agent<'_, H> {
    /// ToPrimitive(input [, preferredType]) (§7.1.1).
    pub fn to_primitive(&mut self, input: &Value, preferred: Hint) -> JsResult<Value> {
        // 1. If input is an Object, then
        if !matches!(input, Value::Object(_) | Value::Builtin(_)) {
            // 2. Return input.
            return Ok(input.clone());
        }
        // a. Let exoticToPrim be ? GetMethod(input, %Symbol.toPrimitive%). The engine has no
        //    symbols yet; of the intrinsics only %Date.prototype% has one (§21.4.4.45), which
        //    treats the "default" hint as "string" and then calls OrdinaryToPrimitive.
        let is_date = matches!(input, Value::Object(id)
            if matches!(self.st.heap.get(*id).kind, ObjKind::Date(_)));
        let hint = match preferred {
            Hint::Default if is_date => Hint::String,
            // d. If preferredType is not present, let preferredType be number.
            Hint::Default => Hint::Number,
            h => h,
        };
        // e. Return ? OrdinaryToPrimitive(input, preferredType).
        self.ordinary_to_primitive(input, hint)
    }

    /// GetValue(V) / PutValue(V, W) step 3.a for `base[key]` (§6.2.5.5, §6.2.5.6): ToObject of
    /// the base comes before ToPropertyKey of the key, so a null or undefined base throws
    /// its TypeError before a key's `toString` runs. The message names the key as V8 does,
    /// without running program code for it.
    pub fn require_base_object(&mut self, base: &Value, key: &Value, set: bool) -> JsResult<()> {
        if !base.is_nullish() {
            return Ok(());
        }
        let name = match key {
            Value::Object(_) | Value::Builtin(_) => self.builtin_to_string(key)?,
            _ => self.to_string(key)?,
        };
        if set {
            self.set_v(base, &name, Value::Undefined)
        } else {
            self.get_v(base, &name).map(|_| ())
        }
    }

    /// OrdinaryToPrimitive(O, hint) (§7.1.1.1).
    fn ordinary_to_primitive(&mut self, o: &Value, hint: Hint) -> JsResult<Value> {
        // 1. If hint is string, let methodNames be « "toString", "valueOf" ».
        // 2. Else, let methodNames be « "valueOf", "toString" ».
        let names = if hint == Hint::String {
            ["toString", "valueOf"]
        } else {
            ["valueOf", "toString"]
        };
        // 3. For each element name of methodNames, do
        for name in names {
            // a. Let method be ? Get(O, name).
            let method = self.get_v(o, name)?;
            // b. If IsCallable(method) is true, then
            if self.is_callable(&method) {
                // i. Let result be ? Call(method, O).
                let result = self.call(&method, o.clone(), Vec::new())?;
                // ii. If result is not an Object, return result.
                if !matches!(result, Value::Object(_) | Value::Builtin(_)) {
                    return Ok(result);
                }
            }
        }
        // 4. Throw a TypeError exception (V8's message).
        self.throw(
            ErrorKind::TypeError,
            "Cannot convert object to primitive value",
        )
    }
}
