//! Promise objects, resolving functions, reactions and promise jobs (ECMA-262 §27.2).
//! Rule IDs are those of `spec-sources.md` (ES-n) and spec/ecmascript.md.

use crate::heap::{ErrorKind, ObjKind, Record};
use crate::host::HostHooks;
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult, Unwind};

use super::native::NativeFn;

/// [[PromiseState]] with the settled value (§27.2.6, Table 89).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PromiseState {
    Pending,
    Fulfilled(Value),
    Rejected(Value),
}

/// A PromiseCapability Record (§27.2.1.1).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Capability {
    pub promise: Value,
    pub resolve: Value,
    pub reject: Value,
}

/// [[Type]] of a PromiseReaction Record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReactionType {
    Fulfill,
    Reject,
}

/// A PromiseReaction Record (§27.2.1.2). `handler: None` is ~empty~.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reaction {
    pub capability: Option<Capability>,
    pub kind: ReactionType,
    pub handler: Option<Value>,
}

/// A promise's internal slots (§27.2.6).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PromiseData {
    pub state: PromiseState,
    pub fulfill_reactions: Vec<Reaction>,
    pub reject_reactions: Vec<Reaction>,
    pub is_handled: bool,
}

/// A job on the microtask queue.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Job {
    /// NewPromiseReactionJob (§27.2.2.1, ES-7).
    Reaction { reaction: Reaction, argument: Value },
    /// NewPromiseResolveThenableJob (§27.2.2.2, ES-6).
    ResolveThenable {
        promise: ObjId,
        thenable: Value,
        then: Value,
    },
    /// A `queueMicrotask` callback (HTML-8, NODE-5).
    Callback { callback: Value },
    /// RT-2 (JSC): call a thenable's `then` with the given handlers.
    CallThen {
        thenable: Value,
        then: Value,
        on_fulfilled: Value,
        on_rejected: Value,
    },
}

/// The operation passed to HostPromiseRejectionTracker (§27.2.1.9, ES-13).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RejectionOperation {
    Reject,
    Handle,
}

impl<H: HostHooks> Agent<'_, H> {
    /// The promise data of `id`, if it is a promise (IsPromise, §27.2.1.6).
    pub fn promise_data(&self, id: ObjId) -> Option<&PromiseData> {
        match &self.st.heap.get(id).kind {
            ObjKind::Promise(p) => Some(p),
            _ => None,
        }
    }

    fn promise_data_mut(&mut self, id: ObjId) -> Option<&mut PromiseData> {
        match &mut self.st.heap.get_mut(id).kind {
            ObjKind::Promise(p) => Some(p),
            _ => None,
        }
    }

    /// IsPromise(x) (§27.2.1.6).
    pub fn is_promise(&self, v: &Value) -> Option<ObjId> {
        v.as_object().filter(|id| self.promise_data(*id).is_some())
    }

    /// A new pending promise from %Promise% (OrdinaryCreateFromConstructor, §27.2.3.1 step 3–7).
    pub fn new_promise(&mut self) -> ObjId {
        self.alloc(ObjKind::Promise(PromiseData {
            state: PromiseState::Pending,
            fulfill_reactions: Vec::new(),
            reject_reactions: Vec::new(),
            is_handled: false,
        }))
    }

    /// ES-5 CreateResolvingFunctions(promise) (§27.2.1.3): a resolve and a reject function
    /// sharing one AlreadyResolved record (steps 1–2).
    pub fn create_resolving_functions(&mut self, promise: ObjId) -> (Value, Value) {
        let already_resolved = self.alloc(ObjKind::Record(Record::Flag(false)));
        let resolve = self.alloc(ObjKind::Native(NativeFn::PromiseResolveFunction {
            promise,
            already_resolved,
        }));
        let reject = self.alloc(ObjKind::Native(NativeFn::PromiseRejectFunction {
            promise,
            already_resolved,
        }));
        (Value::Object(resolve), Value::Object(reject))
    }

    /// NewPromiseCapability(%Promise%) (§27.2.1.5).
    pub fn new_promise_capability(&mut self) -> Capability {
        let promise = self.new_promise();
        let (resolve, reject) = self.create_resolving_functions(promise);
        Capability {
            promise: Value::Object(promise),
            resolve,
            reject,
        }
    }

    /// Takes an AlreadyResolved record (ES-5 steps 4–6): true if it was already set.
    pub fn take_already_resolved(&mut self, record: ObjId) -> bool {
        match &mut self.st.heap.get_mut(record).kind {
            ObjKind::Record(Record::Flag(f)) => std::mem::replace(f, true),
            _ => true,
        }
    }

    /// ES-5 Promise Resolve Functions (§27.2.1.3.2) steps 7–16, after the AlreadyResolved
    /// check: self-resolution TypeError (7), non-objects fulfil synchronously (8), `then` is
    /// read synchronously (9) and an abrupt read rejects (10), a non-callable `then` fulfils
    /// (12), a callable one queues NewPromiseResolveThenableJob (13–15).
    pub fn resolve_promise(&mut self, promise: ObjId, resolution: Value) -> JsResult<()> {
        // Step 7.
        if resolution == Value::Object(promise) {
            let e = self.make_error(
                ErrorKind::TypeError,
                "Chaining cycle detected for promise #<Promise>",
            );
            self.trace("ES-5", || {
                "resolve: self-resolution, rejecting with a TypeError (step 7)".into()
            });
            self.reject_promise(promise, e);
            return Ok(());
        }
        // Step 8.
        if !matches!(resolution, Value::Object(_)) {
            self.fulfill_promise(promise, resolution);
            return Ok(());
        }
        // Step 9.
        let then = match self.get_v(&resolution, "then") {
            Ok(t) => t,
            // Step 10.
            Err(Unwind::Throw(e)) => {
                self.reject_promise(promise, e);
                return Ok(());
            }
            Err(d) => return Err(d),
        };
        // Steps 11–12.
        if !self.is_callable(&then) {
            self.fulfill_promise(promise, resolution);
            return Ok(());
        }
        // Steps 13–15.
        self.trace("ES-5", || {
            "resolve: callable then; queueing NewPromiseResolveThenableJob (steps 13-15)".into()
        });
        self.host_enqueue_promise_job(
            Job::ResolveThenable {
                promise,
                thenable: resolution,
                then,
            },
            "ES-6",
        );
        Ok(())
    }

    /// ES-4 FulfillPromise (§27.2.1.4).
    pub fn fulfill_promise(&mut self, promise: ObjId, value: Value) {
        let Some(p) = self.promise_data_mut(promise) else {
            return;
        };
        if p.state != PromiseState::Pending {
            return;
        }
        let reactions = std::mem::take(&mut p.fulfill_reactions);
        p.reject_reactions.clear();
        p.state = PromiseState::Fulfilled(value.clone());
        self.trigger_promise_reactions(reactions, value);
    }

    /// ES-4 RejectPromise (§27.2.1.7); step 7 calls HostPromiseRejectionTracker(p, "reject").
    pub fn reject_promise(&mut self, promise: ObjId, reason: Value) {
        let Some(p) = self.promise_data_mut(promise) else {
            return;
        };
        if p.state != PromiseState::Pending {
            return;
        }
        let reactions = std::mem::take(&mut p.reject_reactions);
        p.fulfill_reactions.clear();
        p.state = PromiseState::Rejected(reason.clone());
        let handled = p.is_handled;
        if !handled {
            self.host_promise_rejection_tracker(promise, RejectionOperation::Reject);
        }
        self.trigger_promise_reactions(reactions, reason);
    }

    /// ES-4 TriggerPromiseReactions (§27.2.1.8): one NewPromiseReactionJob per reaction, in
    /// registration order, queued synchronously.
    fn trigger_promise_reactions(&mut self, reactions: Vec<Reaction>, argument: Value) {
        for reaction in reactions {
            self.host_enqueue_promise_job(
                Job::Reaction {
                    reaction,
                    argument: argument.clone(),
                },
                "ES-4",
            );
        }
    }

    /// ES-3 PerformPromiseThen (§27.2.5.4.1): pending → append reactions (step 9); fulfilled →
    /// queue a reaction job now (step 10); rejected → track "handle" if unhandled, then queue
    /// (step 11); mark handled (step 12).
    pub fn perform_promise_then(
        &mut self,
        promise: ObjId,
        on_fulfilled: Value,
        on_rejected: Value,
        capability: Option<Capability>,
    ) {
        let on_fulfilled = self.is_callable(&on_fulfilled).then_some(on_fulfilled);
        let on_rejected = self.is_callable(&on_rejected).then_some(on_rejected);
        let fulfill = Reaction {
            capability: capability.clone(),
            kind: ReactionType::Fulfill,
            handler: on_fulfilled,
        };
        let reject = Reaction {
            capability,
            kind: ReactionType::Reject,
            handler: on_rejected,
        };
        let Some(p) = self.promise_data_mut(promise) else {
            return;
        };
        let state = p.state.clone();
        let was_handled = p.is_handled;
        p.is_handled = true;
        match state {
            PromiseState::Pending => {
                // Most promises get one reaction: the first is given room for itself alone
                // (a list's first push would make room for four), the lists grow as usual.
                if p.fulfill_reactions.is_empty() {
                    p.fulfill_reactions.reserve_exact(1);
                    p.reject_reactions.reserve_exact(1);
                }
                p.fulfill_reactions.push(fulfill);
                p.reject_reactions.push(reject);
            }
            PromiseState::Fulfilled(v) => {
                self.host_enqueue_promise_job(
                    Job::Reaction {
                        reaction: fulfill,
                        argument: v,
                    },
                    "ES-3",
                );
            }
            PromiseState::Rejected(r) => {
                if !was_handled {
                    self.host_promise_rejection_tracker(promise, RejectionOperation::Handle);
                }
                self.host_enqueue_promise_job(
                    Job::Reaction {
                        reaction: reject,
                        argument: r,
                    },
                    "ES-3",
                );
            }
        }
    }

    /// ES-8 PromiseResolve(%Promise%, x) (§27.2.4.7.1): a native promise whose `constructor`
    /// is %Promise% is returned as is (step 1); anything else is wrapped in a new promise
    /// resolved with it (steps 2–4).
    pub fn promise_resolve_intrinsic(&mut self, x: Value) -> JsResult<ObjId> {
        if let Some(id) = self.is_promise(&x) {
            let ctor = self.get_v(&x, "constructor")?;
            if ctor == Value::Builtin(crate::builtins::Builtin::PromiseCtor) {
                return Ok(id);
            }
        }
        let cap = self.new_promise_capability();
        self.call(&cap.resolve, Value::Undefined, vec![x])?;
        Ok(cap.promise.as_object().unwrap_or(ObjId(0)))
    }

    /// ES-7 NewPromiseReactionJob (§27.2.2.1) and ES-6 NewPromiseResolveThenableJob
    /// (§27.2.2.2), and HTML-8's `queueMicrotask` callback: run one job.
    pub fn run_job(&mut self, job: Job) -> JsResult<()> {
        match job {
            Job::Reaction { reaction, argument } => {
                // Step 1.d–e: an empty handler passes the value or reason through.
                let result = match &reaction.handler {
                    None => match reaction.kind {
                        ReactionType::Fulfill => Ok(argument),
                        ReactionType::Reject => Err(Unwind::Throw(argument)),
                    },
                    Some(h) => self.call(h, Value::Undefined, vec![argument]),
                };
                // Step 1.f: no capability (Await's reactions).
                let Some(cap) = reaction.capability else {
                    return match result {
                        Err(Unwind::Throw(_)) | Ok(_) => Ok(()),
                        Err(d) => Err(d),
                    };
                };
                // Steps 1.h–i.
                match result {
                    Ok(v) => self
                        .call(&cap.resolve, Value::Undefined, vec![v])
                        .map(|_| ()),
                    Err(Unwind::Throw(e)) => self
                        .call(&cap.reject, Value::Undefined, vec![e])
                        .map(|_| ()),
                    Err(d) => Err(d),
                }
            }
            Job::ResolveThenable {
                promise,
                thenable,
                then,
            } => {
                // Step 1.a: fresh resolving functions for the promise being resolved.
                let (resolve, reject) = self.create_resolving_functions(promise);
                // Step 1.b: Call(then, thenable, « resolve, reject »).
                match self.call(&then, thenable, vec![resolve, reject.clone()]) {
                    Ok(_) => Ok(()),
                    // Step 1.c: an abrupt completion rejects.
                    Err(Unwind::Throw(e)) => {
                        self.call(&reject, Value::Undefined, vec![e]).map(|_| ())
                    }
                    Err(d) => Err(d),
                }
            }
            Job::CallThen {
                thenable,
                then,
                on_fulfilled,
                on_rejected,
            } => match self.call(&then, thenable, vec![on_fulfilled, on_rejected.clone()]) {
                Ok(_) => Ok(()),
                Err(Unwind::Throw(e)) => self
                    .call(&on_rejected, Value::Undefined, vec![e])
                    .map(|_| ()),
                Err(d) => Err(d),
            },
            Job::Callback { callback } => {
                match self.call(&callback, Value::Undefined, Vec::new()) {
                    Ok(_) => Ok(()),
                    Err(Unwind::Throw(e)) => self.report_exception(e),
                    Err(d) => Err(d),
                }
            }
        }
    }

    /// The Promise constructor (§27.2.3.1): the executor is called synchronously with fresh
    /// resolving functions; if it throws, the promise is rejected (step 10).
    pub fn promise_constructor(&mut self, executor: Value) -> JsResult<Value> {
        if !self.is_callable(&executor) {
            let d = self.describe(&executor);
            return self.throw(
                ErrorKind::TypeError,
                &format!("Promise resolver {d} is not a function"),
            );
        }
        let promise = self.new_promise();
        let (resolve, reject) = self.create_resolving_functions(promise);
        match self.call(&executor, Value::Undefined, vec![resolve, reject.clone()]) {
            Ok(_) => {}
            Err(Unwind::Throw(e)) => {
                self.call(&reject, Value::Undefined, vec![e])?;
            }
            Err(d) => return Err(d),
        }
        Ok(Value::Object(promise))
    }

    /// Promise.prototype.then (§27.2.5.4).
    pub fn promise_then(
        &mut self,
        this: Value,
        on_fulfilled: Value,
        on_rejected: Value,
    ) -> JsResult<Value> {
        let Some(promise) = self.is_promise(&this) else {
            return self.throw(
                ErrorKind::TypeError,
                "Promise.prototype.then called on a non-promise",
            );
        };
        // Steps 3–4: C = SpeciesConstructor(promise, %Promise%); NewPromiseCapability(C).
        let c = self.species_constructor(&this)?;
        let cap = self.new_promise_capability_from(&c)?;
        let result = cap.promise.clone();
        self.perform_promise_then(promise, on_fulfilled, on_rejected, Some(cap));
        Ok(result)
    }

    /// RT-2: JavaScriptCore's `finally` (Bun 1.4.5), reconstructed from its measured tick
    /// counts: the derived promise is settled from the reaction job itself once `onFinally`'s
    /// result settles — at once for a non-object, one job later for a promise or a thenable —
    /// where ECMA-262 resolves it with `PromiseResolve(C, result).then(thunk)` (two more jobs).
    fn promise_finally_jsc(&mut self, promise: ObjId, on_finally: Value) -> Value {
        let derived = self.new_promise_capability();
        let result = derived.promise.clone();
        let on_f = self.alloc(ObjKind::Native(NativeFn::JscFinally {
            on_finally: on_finally.clone(),
            derived: derived.clone(),
            rejected: false,
        }));
        let on_r = self.alloc(ObjKind::Native(NativeFn::JscFinally {
            on_finally,
            derived,
            rejected: true,
        }));
        self.perform_promise_then(promise, Value::Object(on_f), Value::Object(on_r), None);
        result
    }

    /// RT-2: settle `derived` with (`value`, `rejected`) when `result` settles.
    pub fn resolve_without_promise(
        &mut self,
        result: Value,
        derived: Capability,
        value: Value,
        rejected: bool,
    ) -> JsResult<()> {
        let settle = NativeFn::SettleWith {
            derived: derived.clone(),
            value,
            rejected,
        };
        if let Some(p) = self.is_promise(&result) {
            let s = self.alloc(ObjKind::Native(settle));
            self.perform_promise_then(p, Value::Object(s), derived.reject.clone(), None);
            return Ok(());
        }
        if matches!(result, Value::Object(_)) {
            let then = match self.get_v(&result, "then") {
                Ok(t) => t,
                Err(Unwind::Throw(e)) => {
                    return self
                        .call(&derived.reject, Value::Undefined, vec![e])
                        .map(|_| ());
                }
                Err(d) => return Err(d),
            };
            if self.is_callable(&then) {
                let s = self.alloc(ObjKind::Native(settle));
                let job = Job::CallThen {
                    thenable: result,
                    then,
                    on_fulfilled: Value::Object(s),
                    on_rejected: derived.reject,
                };
                self.host_enqueue_promise_job(job, "RT-2");
                return Ok(());
            }
        }
        let s = Value::Object(self.alloc(ObjKind::Native(settle)));
        self.call(&s, Value::Undefined, Vec::new()).map(|_| ())
    }

    /// Invoke(V, P, args) (§7.3.20).
    pub fn invoke(&mut self, v: &Value, key: &str, args: Vec<Value>) -> JsResult<Value> {
        let f = self.get_v(v, key)?;
        self.call(&f, v.clone(), args)
    }

    /// ES-12 Promise.prototype.finally (§27.2.5.3): with a callable `onFinally`, both paths
    /// call it, then `PromiseResolve(C, result).then(valueThunk / thrower)`, so the derived
    /// promise is resolved with a promise (two extra jobs, ES-6).
    pub fn promise_finally(&mut self, this: Value, on_finally: Value) -> JsResult<Value> {
        if !matches!(this, Value::Object(_)) {
            return self.throw(
                ErrorKind::TypeError,
                "Promise.prototype.finally called on a non-object",
            );
        }
        let c = self.species_constructor(&this)?;
        if c != Value::Builtin(crate::builtins::Builtin::PromiseCtor) {
            let d = self.describe(&c);
            return self.throw(
                ErrorKind::TypeError,
                &format!(
                    "evloop does not model Promise.prototype.finally on a promise subclass ({d})"
                ),
            );
        }
        // RT-2: JavaScriptCore's `finally` (the Bun profile's `finally_without_wrapper`).
        if self.st.finally_without_wrapper()
            && self.is_callable(&on_finally)
            && let Some(promise) = self.is_promise(&this)
        {
            return Ok(self.promise_finally_jsc(promise, on_finally));
        }
        let (then_finally, catch_finally) = if self.is_callable(&on_finally) {
            let t = self.alloc(ObjKind::Native(NativeFn::ThenFinally {
                on_finally: on_finally.clone(),
            }));
            let c = self.alloc(ObjKind::Native(NativeFn::CatchFinally { on_finally }));
            (Value::Object(t), Value::Object(c))
        } else {
            (on_finally.clone(), on_finally)
        };
        self.invoke(&this, "then", vec![then_finally, catch_finally])
    }
}

crate::heap_refs!(enum [] PromiseState { Pending, Fulfilled(v), Rejected(v) });
crate::heap_refs!(struct [] Capability { promise, resolve, reject });
crate::heap_refs!(struct [] Reaction { capability, handler });
crate::heap_refs!(struct [] PromiseData { state, fulfill_reactions, reject_reactions });
crate::heap_refs!(enum [] Job {
    Reaction { reaction, argument },
    ResolveThenable { promise, thenable, then },
    Callback { callback },
    CallThen { thenable, then, on_fulfilled, on_rejected },
});
