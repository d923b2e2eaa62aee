//! MutationObserver (HTML-12; DOM §4.3): records queued at each mutation, one "notify
//! mutation observers" microtask queued at the first mutation while none is queued, the flag
//! cleared before the callbacks run.

use std::sync::Arc;

use super::{WebFn, WebObj};
use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind};
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult};

/// The options of one registration (`observe(target, options)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Options {
    pub child_list: bool,
    pub attributes: bool,
    pub character_data: bool,
    pub subtree: bool,
}

/// A MutationObserver: its callback, registrations and record queue.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Observer {
    pub id: u32,
    pub object: ObjId,
    pub callback: Value,
    /// Registered observers: the observed node and the options.
    pub targets: Vec<(ObjId, Options)>,
    /// The record queue (MutationRecord objects).
    pub records: Vec<Value>,
}

/// The similar-origin window agent's mutation observer state (DOM §4.3).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct MutationState {
    pub observers: Vec<Observer>,
    /// The mutation observer microtask queued flag.
    pub microtask_queued: bool,
    /// The pending mutation observers (observer ids, insertion order).
    pub pending: Vec<u32>,
}

impl MutationState {
    pub fn roots(&mut self, f: &mut dyn FnMut(&mut ObjId)) {
        use crate::canon::Ids;
        for o in &mut self.observers {
            f(&mut o.object);
            o.callback.ids(f);
            for (t, _) in &mut o.targets {
                f(t);
            }
            o.records.ids(f);
        }
    }
}

/// What changed (the MutationRecord's fields).
pub enum Mutation {
    ChildList {
        added: Vec<ObjId>,
        removed: Vec<ObjId>,
    },
    Attributes {
        name: Arc<str>,
    },
}

impl Agent<'_> {
    /// `new MutationObserver(callback)`.
    pub fn new_mutation_observer(&mut self, callback: Value) -> JsResult<Value> {
        if !self.is_callable(&callback) {
            return self.throw(
                ErrorKind::TypeError,
                "Failed to construct 'MutationObserver': parameter 1 is not of type 'Function'.",
            );
        }
        let id = self.st.web.mutation.observers.len() as u32;
        let object = self.alloc(ObjKind::Web(WebObj::MutationObserver(id)));
        self.st.web.mutation.observers.push(Observer {
            id,
            object,
            callback,
            targets: Vec::new(),
            records: Vec::new(),
        });
        Ok(Value::Object(object))
    }

    /// `observe`, `disconnect`, `takeRecords` (DOM §4.3.1).
    pub fn mutation_observer_method(
        &mut self,
        f: WebFn,
        this: Value,
        args: Vec<Value>,
    ) -> JsResult<Value> {
        let Some(ObjKind::Web(WebObj::MutationObserver(id))) =
            this.as_object().map(|o| self.st.heap.get(o).kind.clone())
        else {
            return self.throw(ErrorKind::TypeError, "Illegal invocation");
        };
        let i = id as usize;
        match f {
            WebFn::MutationObserve => {
                let Value::Object(target) = super::arg(&args, 0) else {
                    return self.throw(
                        ErrorKind::TypeError,
                        "Failed to execute 'observe' on 'MutationObserver': parameter 1 is not of type 'Node'.",
                    );
                };
                let o = super::arg(&args, 1);
                let mut opts = Options::default();
                if matches!(o, Value::Object(_)) {
                    opts.child_list = self.get_v(&o, "childList")?.to_boolean();
                    opts.subtree = self.get_v(&o, "subtree")?.to_boolean();
                    let attrs = self.get_v(&o, "attributes")?;
                    let old = self.get_v(&o, "attributeOldValue")?;
                    let filter = self.get_v(&o, "attributeFilter")?;
                    opts.attributes = attrs.to_boolean()
                        || (matches!(attrs, Value::Undefined)
                            && !matches!((&old, &filter), (Value::Undefined, Value::Undefined)));
                    let cd = self.get_v(&o, "characterData")?;
                    let cd_old = self.get_v(&o, "characterDataOldValue")?;
                    opts.character_data = cd.to_boolean()
                        || (matches!(cd, Value::Undefined) && !matches!(cd_old, Value::Undefined));
                }
                if !opts.child_list && !opts.attributes && !opts.character_data {
                    return self.throw(
                        ErrorKind::TypeError,
                        "Failed to execute 'observe' on 'MutationObserver': The options object must set at least one of 'attributes', 'characterData', or 'childList' to true.",
                    );
                }
                let obs = &mut self.st.web.mutation.observers[i];
                match obs.targets.iter_mut().find(|(t, _)| *t == target) {
                    Some((_, o)) => *o = opts,
                    None => obs.targets.push((target, opts)),
                }
                Ok(Value::Undefined)
            }
            WebFn::MutationDisconnect => {
                let obs = &mut self.st.web.mutation.observers[i];
                obs.targets.clear();
                obs.records.clear();
                Ok(Value::Undefined)
            }
            _ => {
                let records = std::mem::take(&mut self.st.web.mutation.observers[i].records);
                Ok(Value::Object(self.alloc(ObjKind::Array(records))))
            }
        }
    }

    /// DOM §4.3.2 "queue a mutation record" of `m` at `target`: every observer registered on
    /// an inclusive ancestor (the target itself, or an ancestor with `subtree`) whose options
    /// ask for this type gets a record and joins the pending mutation observers; then "queue
    /// a mutation observer microtask".
    pub fn queue_mutation_record(&mut self, target: ObjId, m: Mutation) -> JsResult<()> {
        if self.st.web.mutation.observers.is_empty() {
            return Ok(());
        }
        let mut nodes = vec![target];
        let mut cur = target;
        while let Some(ObjKind::Web(WebObj::Element(e))) = Some(&self.st.heap.get(cur).kind) {
            match e.parent {
                Some(p) => {
                    nodes.push(p);
                    cur = p;
                }
                None => break,
            }
        }
        let mut interested: Vec<usize> = Vec::new();
        for (i, o) in self.st.web.mutation.observers.iter().enumerate() {
            let wants = o.targets.iter().any(|(t, opts)| {
                nodes.contains(t)
                    && (*t == target || opts.subtree)
                    && match &m {
                        Mutation::ChildList { .. } => opts.child_list,
                        Mutation::Attributes { .. } => opts.attributes,
                    }
            });
            if wants {
                interested.push(i);
            }
        }
        if interested.is_empty() {
            return Ok(());
        }
        for i in interested {
            let rec = Value::Object(self.alloc(ObjKind::Ordinary));
            let (ty, name, added, removed) = match &m {
                Mutation::ChildList { added, removed } => {
                    ("childList", Value::Null, added.clone(), removed.clone())
                }
                Mutation::Attributes { name } => (
                    "attributes",
                    Value::String(name.clone()),
                    Vec::new(),
                    Vec::new(),
                ),
            };
            let added = self.alloc(ObjKind::Array(
                added.into_iter().map(Value::Object).collect(),
            ));
            let removed = self.alloc(ObjKind::Array(
                removed.into_iter().map(Value::Object).collect(),
            ));
            self.set_v(&rec, "type", Value::str(ty))?;
            self.set_v(&rec, "target", Value::Object(target))?;
            self.set_v(&rec, "addedNodes", Value::Object(added))?;
            self.set_v(&rec, "removedNodes", Value::Object(removed))?;
            self.set_v(&rec, "attributeName", name)?;
            let ms = &mut self.st.web.mutation;
            ms.observers[i].records.push(rec);
            let id = ms.observers[i].id;
            if !ms.pending.contains(&id) {
                ms.pending.push(id);
            }
        }
        self.queue_mutation_observer_microtask();
        Ok(())
    }

    /// HTML-12 "queue a mutation observer microtask": if the flag is set, nothing; otherwise
    /// set it and queue a microtask to notify mutation observers.
    fn queue_mutation_observer_microtask(&mut self) {
        if self.st.web.mutation.microtask_queued {
            return;
        }
        self.st.web.mutation.microtask_queued = true;
        self.host_enqueue_promise_job(
            crate::es::promise::Job::Callback {
                callback: Value::Builtin(Builtin::Web(WebFn::NotifyMutationObservers)),
            },
            "HTML-12",
        );
    }

    /// HTML-12 notify mutation observers: (1) clear the flag, (2–3) take the pending
    /// observers, (5) for each, take its records and, if any, invoke its callback with them
    /// and the observer (exceptions reported). A mutation inside a callback queues a new
    /// notify microtask (the flag is already clear).
    pub fn notify_mutation_observers(&mut self) -> JsResult<()> {
        self.trace("HTML-12", || "notify mutation observers".into());
        let ms = &mut self.st.web.mutation;
        ms.microtask_queued = false;
        let notify = std::mem::take(&mut ms.pending);
        for id in notify {
            let Some(o) = self
                .st
                .web
                .mutation
                .observers
                .iter_mut()
                .find(|o| o.id == id)
            else {
                continue;
            };
            let records = std::mem::take(&mut o.records);
            if records.is_empty() {
                continue;
            }
            let (cb, obj) = (o.callback.clone(), o.object);
            let n = records.len();
            self.trace("HTML-12", || {
                format!("invoke a MutationObserver callback with {n} records")
            });
            let arr = Value::Object(self.alloc(ObjKind::Array(records)));
            match self.call(&cb, Value::Object(obj), vec![arr, Value::Object(obj)]) {
                Ok(_) => {}
                Err(crate::vm::Unwind::Throw(e)) => self.report_exception(e)?,
                Err(d) => return Err(d),
            }
        }
        Ok(())
    }
}
