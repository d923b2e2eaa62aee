//! O.[[OwnPropertyKeys]]() (ECMA-262 §10.1.11, OrdinaryOwnPropertyKeys §10.1.11.1) with the
//! own properties the engine keeps implicit, for the built-ins that list keys
//! (`Object.getOwnPropertyNames`, `Object.keys`, `Reflect.ownKeys`, SetIntegrityLevel, …).

use std::sync::Arc;

use crate::builtins::own::builtin_own_keys;
use crate::heap::{ErrorKind, ObjKind};
use crate::host::HostHooks;
use crate::value::Value;

use super::{Agent, JsResult};

impl<H: HostHooks> Agent<'_, H> {
    /// The own string keys of ToObject(`o`) in OrdinaryOwnPropertyKeys order: step 2, the
    /// array indices ascending; step 3, the other strings in creation order (the implicit
    /// ones — an array's `length`, a function's `length`, `name` and `prototype` — are
    /// created with the object, so they come first). An object whose keys the engine cannot
    /// list in full (a host object, a built-in whose every property it does not have) is
    /// refused.
    pub fn own_property_keys(&mut self, o: &Value) -> JsResult<Vec<Arc<str>>> {
        let id = match o {
            Value::Object(id) => *id,
            Value::Builtin(b) => {
                return match builtin_own_keys::<H::Data>(*b) {
                    Some(keys) => Ok(keys.into_iter().map(Arc::from).collect()),
                    None => self.unlisted_keys(o),
                };
            }
            // §10.4.3.3 String [[OwnPropertyKeys]]: the indices, then `length`.
            Value::String(s) => {
                let n = s.encode_utf16().count();
                let mut keys: Vec<Arc<str>> = (0..n).map(|i| Arc::from(i.to_string())).collect();
                keys.push(Arc::from("length"));
                return Ok(keys);
            }
            Value::Number(_) | Value::Bool(_) => return Ok(Vec::new()),
            Value::Undefined | Value::Null | Value::Hole => {
                return self.throw(
                    ErrorKind::TypeError,
                    "Cannot convert undefined or null to object",
                );
            }
        };
        if self.is_constructor_closure(id) {
            self.materialize_prototype(id);
        }
        let implicit: &[&str] = match &self.st.heap.get(id).kind {
            ObjKind::Host(_) => return self.unlisted_keys(o),
            ObjKind::Function(_) => &["length", "name"],
            ObjKind::Native(_) => &["name"],
            _ => &[],
        };
        let stored = self.ordinary_own_property_keys(id);
        let mut keys: Vec<Arc<str>> = Vec::with_capacity(stored.len() + 2);
        let (indices, strings): (Vec<_>, Vec<_>) = stored
            .into_iter()
            .map(|(k, _)| k)
            .partition(|k| super::props::array_index(k).is_some());
        keys.extend(indices);
        if matches!(self.st.heap.get(id).kind, ObjKind::Array(_))
            && !strings.iter().any(|s| &**s == "length")
        {
            keys.push(Arc::from("length"));
        }
        for k in implicit {
            if !strings.iter().any(|s| &**s == *k) {
                keys.push(Arc::from(*k));
            }
        }
        keys.extend(strings);
        Ok(keys)
    }

    fn unlisted_keys<T>(&mut self, o: &Value) -> JsResult<T> {
        let d = self.describe(o);
        self.throw(
            ErrorKind::TypeError,
            &format!("evloop does not model listing every own property of {d}"),
        )
    }
}
