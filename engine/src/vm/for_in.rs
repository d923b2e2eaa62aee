//! `for (… in …)`: ForIn/OfHeadEvaluation's EnumerateObjectProperties (ECMA-262 §14.7.5.6
//! step 6, §14.7.5.9) and the iteration of ForIn/OfBodyEvaluation (§14.7.5.7).
//!
//! The keys are collected when the loop starts, in the order of OrdinaryOwnPropertyKeys
//! (§10.1.11.1: array indices ascending, then the other string keys in creation order), own
//! keys first, then each prototype's keys not already visited (a non-enumerable own key
//! hides an enumerable inherited one). Each key is checked again when its turn comes: "a
//! property that is deleted before it is processed is ignored" (§14.7.5.9), as V8 does.
//! Properties added during the loop are not visited (which §14.7.5.9 allows).
//!
//! The built-in prototypes have no enumerable properties, and a program cannot add any
//! (writes to the built-ins are refused), so the walk stops at them. Host objects (DOM
//! nodes, timers) and the global object have enumerable properties the model does not
//! list, so a loop over them is refused with a TypeError that says so.

use std::collections::HashSet;
use std::sync::Arc;

use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind, Proto};
use crate::host::HostHooks;
use crate::value::{ObjId, Value};

use super::props::array_index;
use super::{Agent, JsResult};

impl<H: HostHooks> Agent<'_, H> {
    /// OrdinaryOwnPropertyKeys(O) (§10.1.11.1) restricted to string keys, each with its
    /// [[Enumerable]]: the integer indices ascending (an array's elements among them), then
    /// the other keys in ascending chronological order of creation.
    pub fn ordinary_own_property_keys(&self, id: ObjId) -> Vec<(Arc<str>, bool)> {
        let obj = self.st.heap.get(id);
        let mut indices: Vec<(u32, Arc<str>, bool)> = match &obj.kind {
            ObjKind::Array(items) => items
                .iter()
                .map(|(i, _)| (i, Arc::from(i.to_string()), true))
                .collect(),
            _ => Vec::new(),
        };
        let mut strings = Vec::new();
        for (k, p) in &obj.props {
            match array_index(k) {
                Some(i) => indices.push((i, k.clone(), p.is_enumerable())),
                None => strings.push((k.clone(), p.is_enumerable())),
            }
        }
        // Step 2: "for each own property key P of O such that P is an array index, in
        // ascending numeric index order".
        indices.sort_by_key(|(i, _, _)| *i);
        let mut keys: Vec<(Arc<str>, bool)> = indices.into_iter().map(|(_, k, e)| (k, e)).collect();
        // A constructor's `prototype`, a function's `name` and `length`: not enumerable,
        // and implicit until written; they hide nothing a program can make enumerable.
        keys.extend(strings);
        keys
    }

    /// ForIn/OfHeadEvaluation (§14.7.5.6) step 6 for `for…in`, from exprValue `v`:
    /// `undefined` and `null` give no keys (step 6.a, the loop body never runs); otherwise
    /// ToObject(v) and EnumerateObjectProperties (§14.7.5.9). The result is the list the
    /// loop walks: an array of the object, then its keys.
    pub fn for_in_keys(&mut self, v: &Value) -> JsResult<Value> {
        let mut list = vec![v.clone()];
        let mut visited: HashSet<Arc<str>> = HashSet::new();
        let mut cur = Some(v.clone());
        while let Some(o) = cur.take() {
            self.spend_fuel(1)?;
            match &o {
                Value::Object(id) => {
                    if matches!(self.st.heap.get(*id).kind, ObjKind::Host(_)) {
                        return self.refuse_for_in(&o);
                    }
                    for (k, enumerable) in self.ordinary_own_property_keys(*id) {
                        if visited.insert(k.clone()) && enumerable {
                            list.push(Value::String(k));
                        }
                    }
                    if let Proto::Object(p) = self.st.heap.get(*id).proto {
                        cur = Some(Value::Object(p));
                    }
                }
                // §10.4.3.3: a String object's own keys are its indices (then `length`,
                // not enumerable); String.prototype has no enumerable properties.
                Value::String(s) => {
                    let n = crate::strings::utf16_len(s);
                    list.extend((0..n).map(|i| Value::String(Arc::from(i.to_string()))));
                }
                Value::Builtin(Builtin::GlobalObj | Builtin::Host(_)) => {
                    return self.refuse_for_in(&o);
                }
                // Numbers, booleans and the built-ins: no enumerable properties.
                _ => {}
            }
        }
        Ok(Value::Object(self.alloc(ObjKind::Array(list.into()))))
    }

    fn refuse_for_in<T>(&mut self, o: &Value) -> JsResult<T> {
        let d = self.describe(o);
        self.throw(
            ErrorKind::TypeError,
            &format!("evloop does not model the enumerable properties of {d} (for…in)"),
        )
    }

    /// One step of ForIn/OfBodyEvaluation (§14.7.5.7 step 6.a–c) over the list of
    /// [`Agent::for_in_keys`] at index `i`: the next key that the object still has
    /// (HasProperty, §14.7.5.9 "deleted before it is processed is ignored"), with the index
    /// after it, or `None` when done.
    pub fn for_in_next(&mut self, list: &Value, mut i: u32) -> JsResult<Option<(Value, u32)>> {
        let Value::Object(id) = list else {
            return Ok(None);
        };
        let (object, len) = match &self.st.heap.get(*id).kind {
            ObjKind::Array(items) => (items.read(0), items.len()),
            _ => return Ok(None),
        };
        while i < len {
            let key = match &self.st.heap.get(*id).kind {
                ObjKind::Array(items) => items.read(i),
                _ => return Ok(None),
            };
            i += 1;
            let Value::String(k) = &key else { continue };
            if self.has_property(&object, k)? {
                return Ok(Some((key, i)));
            }
        }
        Ok(None)
    }
}
