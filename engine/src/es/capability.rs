//! Promise subclasses (`class MyPromise extends Promise`): NewPromiseCapability(C) with a
//! constructor other than %Promise% (§27.2.1.5), its GetCapabilitiesExecutor functions
//! (§27.2.1.5.1), SpeciesConstructor (§7.3.22) and PromiseResolve(C, x) (§27.2.4.7.1).
//!
//! `then` on a subclass instance constructs the subclass (its constructor runs, with the
//! executor), and `await` of one is not the native fast path: PromiseResolve(%Promise%, x)
//! wraps it, and its `then` is called from a NewPromiseResolveThenableJob (ES-6), two ticks
//! later than a native promise's (litmus `await-promise-subclass`).

use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind, Record};
use crate::host::HostHooks;
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult};

use super::native::NativeFn;
use super::promise::Capability;

/// %Promise%.
const PROMISE: Value = Value::Builtin(Builtin::PromiseCtor);

impl<H: HostHooks> Agent<'_, H> {
    /// SpeciesConstructor(O, %Promise%) (§7.3.22): step 2, C = O.constructor; step 3,
    /// undefined gives %Promise%; step 4, a non-object is a TypeError; steps 5–7, S =
    /// C[@@species], undefined or null giving %Promise%. Without symbols in the subset the
    /// only @@species is %Promise%'s own getter (§27.2.4.8: it returns `this`), so S is C
    /// when C is %Promise% or inherits from it (a subclass), and otherwise undefined.
    pub fn species_constructor(&mut self, promise: &Value) -> JsResult<Value> {
        let c = self.get_v(promise, "constructor")?;
        match c {
            Value::Undefined => Ok(PROMISE),
            Value::Object(_) | Value::Builtin(_) => {
                let mut cur = c.clone();
                while !matches!(cur, Value::Null) {
                    if cur == PROMISE {
                        return Ok(c);
                    }
                    cur = self.get_prototype_of(&cur);
                }
                Ok(PROMISE)
            }
            _ => self.throw(
                ErrorKind::TypeError,
                "The .constructor property is not an object",
            ),
        }
    }

    /// NewPromiseCapability(C) (§27.2.1.5): %Promise%'s own capability, or for another
    /// constructor: steps 2–4, the executor closing over a record of resolve and reject;
    /// step 5, Construct(C, « executor »); steps 6–7, both must have been set to callables.
    pub fn new_promise_capability_from(&mut self, c: &Value) -> JsResult<Capability> {
        if *c == PROMISE {
            return Ok(self.new_promise_capability());
        }
        // Step 1: IsConstructor(C).
        if !self.is_constructor(c) {
            let d = self.describe(c);
            return self.throw(
                ErrorKind::TypeError,
                &format!(
                    "Promise resolve or reject function is not callable ({d} is not a constructor)"
                ),
            );
        }
        // Step 2: resolvingFunctions { [[Resolve]]: undefined, [[Reject]]: undefined }.
        let record = self.alloc(ObjKind::Record(Record::List(vec![
            Value::Undefined,
            Value::Undefined,
        ])));
        // Steps 3–4: the executor.
        let executor = self.alloc(ObjKind::Native(NativeFn::GetCapabilitiesExecutor {
            record,
        }));
        // Step 5: promise = Construct(C, « executor »).
        let promise = self.construct(c, vec![Value::Object(executor)])?;
        let (resolve, reject) = match &self.st.heap.get(record).kind {
            ObjKind::Record(Record::List(l)) => (
                l.first().cloned().unwrap_or(Value::Undefined),
                l.get(1).cloned().unwrap_or(Value::Undefined),
            ),
            _ => (Value::Undefined, Value::Undefined),
        };
        // Steps 6–7.
        if !self.is_callable(&resolve) || !self.is_callable(&reject) {
            return self.throw(
                ErrorKind::TypeError,
                "Promise resolve or reject function is not callable",
            );
        }
        Ok(Capability {
            promise,
            resolve,
            reject,
        })
    }

    /// GetCapabilitiesExecutor Functions (§27.2.1.5.1): steps 3–4, a TypeError if either
    /// function was already set; steps 5–6, set both; step 7, return undefined.
    pub(super) fn capabilities_executor(
        &mut self,
        record: ObjId,
        resolve: Value,
        reject: Value,
    ) -> JsResult<Value> {
        let set = match &self.st.heap.get(record).kind {
            ObjKind::Record(Record::List(l)) => l.iter().any(|v| *v != Value::Undefined),
            _ => true,
        };
        if set {
            return self.throw(
                ErrorKind::TypeError,
                "Promise executor has already been invoked with non-undefined arguments",
            );
        }
        self.st.heap.get_mut(record).kind = ObjKind::Record(Record::List(vec![resolve, reject]));
        Ok(Value::Undefined)
    }

    /// PromiseResolve(C, x) (§27.2.4.7.1) for `Promise.resolve` with `this` = C: step 1,
    /// a promise whose `constructor` is C is returned as is; steps 2–4, a new capability of
    /// C resolved with x.
    pub fn promise_resolve(&mut self, c: &Value, x: Value) -> JsResult<Value> {
        if *c == PROMISE {
            return Ok(Value::Object(self.promise_resolve_intrinsic(x)?));
        }
        if self.is_promise(&x).is_some() {
            let ctor = self.get_v(&x, "constructor")?;
            if Self::strict_equals(&ctor, c) {
                return Ok(x);
            }
        }
        let cap = self.new_promise_capability_from(c)?;
        self.call(&cap.resolve, Value::Undefined, vec![x])?;
        Ok(cap.promise)
    }
}
