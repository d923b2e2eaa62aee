//! ES-11 Promise combinators (§27.2.4.1 all, §27.2.4.2 allSettled, §27.2.4.3 any,
//! §27.2.4.5 race).

use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind, Record};
use crate::host::HostHooks;
use crate::value::Value;
use crate::vm::{Agent, JsResult, Unwind};

use super::native::{ElementKind, NativeFn};
use super::promise::Capability;

/// Which combinator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Combinator {
    All,
    AllSettled,
    Any,
    Race,
}

impl<H: HostHooks> Agent<'_, H> {
    /// `Promise.all/allSettled/any/race(iterable)` with `this` = C: NewPromiseCapability(C)
    /// (step 2), GetPromiseResolve(C) read once before iterating (step 3), then
    /// PerformPromiseX; an abrupt completion rejects the capability (IfAbruptRejectPromise).
    pub fn promise_combinator(
        &mut self,
        which: Combinator,
        this: Value,
        iterable: Value,
    ) -> JsResult<Value> {
        if this != Value::Builtin(Builtin::PromiseCtor) && self.is_constructor(&this) {
            let d = self.describe(&this);
            return self.throw(
                ErrorKind::TypeError,
                &format!(
                    "evloop does not model the Promise combinators on a promise subclass ({d})"
                ),
            );
        }
        if this != Value::Builtin(Builtin::PromiseCtor) {
            return self.throw(
                ErrorKind::TypeError,
                "Promise combinator called on a non-constructor",
            );
        }
        let cap = self.new_promise_capability();
        let result = (|| -> JsResult<()> {
            let promise_resolve = self.get_v(&this, "resolve")?;
            if !self.is_callable(&promise_resolve) {
                return self.throw(ErrorKind::TypeError, "Promise resolve is not a function");
            }
            self.perform_combinator(which, &this, &promise_resolve, iterable, &cap)
        })();
        match result {
            Ok(()) => {}
            Err(Unwind::Throw(e)) => {
                self.call(&cap.reject, Value::Undefined, vec![e])?;
            }
            Err(d) => return Err(d),
        }
        Ok(cap.promise)
    }

    /// PerformPromiseAll / AllSettled / Any / Race: for each element in iteration order,
    /// `nextPromise = Call(promiseResolve, C, «next»)` then `Invoke(nextPromise, "then", …)`,
    /// synchronously; remainingElementsCount starts at 1 and drops once when iteration ends,
    /// so an empty input settles synchronously.
    fn perform_combinator(
        &mut self,
        which: Combinator,
        c: &Value,
        promise_resolve: &Value,
        iterable: Value,
        cap: &Capability,
    ) -> JsResult<()> {
        let array = match &iterable {
            Value::String(_) => {
                let items = self.iterate_to_list(&iterable)?;
                Value::Object(self.alloc(ObjKind::Array(items.into())))
            }
            Value::Object(id) if matches!(self.st.heap.get(*id).kind, ObjKind::Array(_)) => {
                iterable.clone()
            }
            _ => {
                let d = self.describe(&iterable);
                return self.throw(ErrorKind::TypeError, &format!("{d} is not iterable"));
            }
        };
        let values = self.alloc(ObjKind::Record(Record::List(Vec::new())));
        let remaining = self.alloc(ObjKind::Record(Record::Counter(1)));
        let mut index: u32 = 0;
        loop {
            // IteratorStepValue over the array iterator: reads the live length.
            let next = self.array_element(&array, index);
            let Some(next) = next else {
                // Iteration done: remainingElementsCount -= 1.
                if which != Combinator::Race && self.decrement_remaining(remaining) {
                    let list = self.record_list(values);
                    if which == Combinator::Any {
                        // §27.2.4.3.1 step 4.b.ii: a throw completion, which rejects.
                        let e = self.aggregate_error(list);
                        return Err(Unwind::Throw(e));
                    }
                    let arr = self.alloc(ObjKind::Array(list.into()));
                    self.call(&cap.resolve, Value::Undefined, vec![Value::Object(arr)])?;
                }
                return Ok(());
            };
            if let ObjKind::Record(Record::List(l)) = &mut self.st.heap.get_mut(values).kind {
                l.push(Value::Undefined);
            }
            let next_promise = self.call(promise_resolve, c.clone(), vec![next])?;
            let element = |agent: &mut Self, kind: ElementKind, already_called| {
                let f = NativeFn::Element {
                    kind,
                    index,
                    values,
                    capability: cap.clone(),
                    remaining,
                    already_called,
                };
                Value::Object(agent.alloc(ObjKind::Native(f)))
            };
            let (on_fulfilled, on_rejected) = match which {
                Combinator::Race => (cap.resolve.clone(), cap.reject.clone()),
                Combinator::All => {
                    let flag = self.alloc(ObjKind::Record(Record::Flag(false)));
                    (
                        element(self, ElementKind::AllResolve, flag),
                        cap.reject.clone(),
                    )
                }
                Combinator::AllSettled => {
                    let flag = self.alloc(ObjKind::Record(Record::Flag(false)));
                    (
                        element(self, ElementKind::AllSettledResolve, flag),
                        element(self, ElementKind::AllSettledReject, flag),
                    )
                }
                Combinator::Any => {
                    let flag = self.alloc(ObjKind::Record(Record::Flag(false)));
                    (
                        cap.resolve.clone(),
                        element(self, ElementKind::AnyReject, flag),
                    )
                }
            };
            if which != Combinator::Race
                && let ObjKind::Record(Record::Counter(n)) =
                    &mut self.st.heap.get_mut(remaining).kind
            {
                *n += 1;
            }
            self.invoke(&next_promise, "then", vec![on_fulfilled, on_rejected])?;
            index += 1;
        }
    }
}
