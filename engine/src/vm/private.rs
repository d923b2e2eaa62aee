//! Private names (ECMA-262 §6.2.12) and the [[PrivateElements]] of objects: PrivateFieldAdd
//! (§7.3.31), PrivateMethodOrAccessorAdd (§7.3.30), PrivateGet (§7.3.32), PrivateSet
//! (§7.3.33), PrivateElementFind (§7.3.29) and `#x in o` (§13.10.1). An object without the
//! element is a brand check that fails: a TypeError with V8's message.
//!
//! A Private Name is a heap cell (`Record::PrivateName`) made when its class is evaluated;
//! the frontend keeps it in the class scope under the binding `#x`, so that the lexical
//! PrivateEnvironment (§9.2) is the class scopes' chain.

use std::sync::Arc;

use crate::heap::{ErrorKind, ObjKind, PrivateElement, Record};
use crate::host::HostHooks;
use crate::ir::{Instr, MethodKind};
use crate::value::{ObjId, Value};

use super::frame::Frame;
use super::{Agent, JsResult};

impl<H: HostHooks> Agent<'_, H> {
    /// The private-name instructions (see [`Instr::NewPrivateName`] and the ones after it).
    pub(super) fn step_private(&mut self, frame: &mut Frame, instr: &Instr) -> JsResult<()> {
        let pop = |frame: &mut Frame| frame.stack.pop().unwrap_or(Value::Undefined);
        match instr {
            Instr::NewPrivateName(d) => {
                let id = self.alloc(ObjKind::Record(Record::PrivateName(d.clone())));
                frame.stack.push(Value::Object(id));
            }
            Instr::PrivateGet => {
                let name = pop(frame);
                let obj = pop(frame);
                let v = self.private_get(&obj, &name)?;
                frame.stack.push(v);
            }
            Instr::PrivateSet => {
                let v = pop(frame);
                let name = pop(frame);
                let obj = pop(frame);
                self.private_set(&obj, &name, v.clone())?;
                frame.stack.push(v);
            }
            Instr::PrivateFieldAdd => {
                let v = pop(frame);
                let name = pop(frame);
                let obj = frame.stack.last().cloned().unwrap_or(Value::Undefined);
                self.private_field_add(&obj, &name, v)?;
            }
            Instr::PrivateMethodAdd(kind) => {
                let f = pop(frame);
                let name = pop(frame);
                let obj = frame.stack.last().cloned().unwrap_or(Value::Undefined);
                self.private_method_or_accessor_add(&obj, &name, f, *kind)?;
            }
            Instr::PrivateIn => {
                let obj = pop(frame);
                let name = pop(frame);
                let Value::Object(o) = obj else {
                    let d = self.describe(&obj);
                    let n = self.private_description(&name);
                    return self.throw(
                        ErrorKind::TypeError,
                        &format!("Cannot use 'in' operator to search for '{n}' in {d}"),
                    );
                };
                let found = self.private_element_find(o, &name).is_some();
                frame.stack.push(Value::Bool(found));
            }
            _ => {}
        }
        Ok(())
    }

    /// A Private Name's [[Description]] (`#x`).
    fn private_description(&self, name: &Value) -> Arc<str> {
        match name.as_object().map(|id| &self.st.heap.get(id).kind) {
            Some(ObjKind::Record(Record::PrivateName(d))) => d.clone(),
            _ => Arc::from("#<private>"),
        }
    }

    /// PrivateElementFind(O, P) (§7.3.29): the element of O whose [[Key]] is P.
    fn private_element_find(&self, o: ObjId, name: &Value) -> Option<PrivateElement> {
        let p = name.as_object()?;
        self.st
            .heap
            .get(o)
            .private
            .iter()
            .find(|(k, _)| *k == p)
            .map(|(_, e)| e.clone())
    }

    /// PrivateElementFind on any value (a primitive has no elements), with the name's
    /// description for messages.
    fn private_element_of(&self, obj: &Value, name: &Value) -> (Option<PrivateElement>, Arc<str>) {
        let element = match obj {
            Value::Object(o) => self.private_element_find(*o, name),
            _ => None,
        };
        (element, self.private_description(name))
    }

    /// PrivateFieldAdd(O, P, value) (§7.3.31): step 3, a TypeError if O already has P
    /// (a constructor that returned the same object to two subclasses); step 4, append.
    fn private_field_add(&mut self, obj: &Value, name: &Value, v: Value) -> JsResult<()> {
        let (Value::Object(o), Some(p)) = (obj, name.as_object()) else {
            return Ok(());
        };
        if self.private_element_find(*o, name).is_some() {
            let n = self.private_description(name);
            return self.throw(
                ErrorKind::TypeError,
                &format!("Cannot initialize {n} twice on the same object"),
            );
        }
        self.st
            .heap
            .get_mut(*o)
            .private
            .push((p, PrivateElement::Field(v)));
        Ok(())
    }

    /// PrivateMethodOrAccessorAdd(O, method) (§7.3.30): step 4, a TypeError if O already
    /// has the name; step 5, append. A getter and a setter of one name are one accessor
    /// element, added as their two halves one after the other.
    fn private_method_or_accessor_add(
        &mut self,
        obj: &Value,
        name: &Value,
        f: Value,
        kind: MethodKind,
    ) -> JsResult<()> {
        let (Value::Object(o), Some(p)) = (obj, name.as_object()) else {
            return Ok(());
        };
        let existing = self.private_element_find(*o, name);
        let element = match (kind, existing) {
            (MethodKind::Method, None) => PrivateElement::Method(f),
            (MethodKind::Getter, None) => PrivateElement::Accessor {
                get: Some(f),
                set: None,
            },
            (MethodKind::Setter, None) => PrivateElement::Accessor {
                get: None,
                set: Some(f),
            },
            (MethodKind::Getter, Some(PrivateElement::Accessor { get: None, set })) => {
                PrivateElement::Accessor { get: Some(f), set }
            }
            (MethodKind::Setter, Some(PrivateElement::Accessor { get, set: None })) => {
                PrivateElement::Accessor { get, set: Some(f) }
            }
            _ => {
                return self.throw(
                    ErrorKind::TypeError,
                    "Cannot initialize private methods of class twice on the same object",
                );
            }
        };
        let cell = self.st.heap.get_mut(*o);
        match cell.private.iter_mut().find(|(k, _)| *k == p) {
            Some((_, e)) => *e = element,
            None => cell.private.push((p, element)),
        }
        Ok(())
    }

    /// PrivateGet(O, P) (§7.3.32): step 2, no element is a TypeError; steps 3–4, a field's
    /// or method's value; steps 5–7, an accessor's getter called with O (a TypeError
    /// without one).
    fn private_get(&mut self, obj: &Value, name: &Value) -> JsResult<Value> {
        let (element, n) = self.private_element_of(obj, name);
        match element {
            None => self.throw(
                ErrorKind::TypeError,
                &format!(
                    "Cannot read private member {n} from an object whose class did not declare it"
                ),
            ),
            Some(PrivateElement::Field(v) | PrivateElement::Method(v)) => Ok(v),
            Some(PrivateElement::Accessor { get: Some(g), .. }) => {
                self.call(&g, obj.clone(), Vec::new())
            }
            Some(PrivateElement::Accessor { get: None, .. }) => self.throw(
                ErrorKind::TypeError,
                &format!("'{n}' was defined without a getter"),
            ),
        }
    }

    /// PrivateSet(O, P, value) (§7.3.33): step 2, no element is a TypeError; step 3, a
    /// field is written; step 4, a method is not writable; step 5, an accessor's setter
    /// called with O (a TypeError without one).
    fn private_set(&mut self, obj: &Value, name: &Value, v: Value) -> JsResult<()> {
        let (element, n) = self.private_element_of(obj, name);
        match element {
            None => self.throw(
                ErrorKind::TypeError,
                &format!(
                    "Cannot write private member {n} to an object whose class did not declare it"
                ),
            ),
            Some(PrivateElement::Field(_)) => {
                if let (Value::Object(o), Some(p)) = (obj, name.as_object())
                    && let Some((_, e)) = self
                        .st
                        .heap
                        .get_mut(*o)
                        .private
                        .iter_mut()
                        .find(|(k, _)| *k == p)
                {
                    *e = PrivateElement::Field(v);
                }
                Ok(())
            }
            Some(PrivateElement::Method(_)) => self.throw(
                ErrorKind::TypeError,
                &format!("Private method '{n}' is not writable"),
            ),
            Some(PrivateElement::Accessor { set: Some(s), .. }) => {
                self.call(&s, obj.clone(), vec![v])?;
                Ok(())
            }
            Some(PrivateElement::Accessor { set: None, .. }) => self.throw(
                ErrorKind::TypeError,
                &format!("'{n}' was defined without a setter"),
            ),
        }
    }
}
