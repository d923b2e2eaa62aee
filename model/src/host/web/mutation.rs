//! MutationObserver (HTML-12; DOM §4.3): records queued at each mutation, one "notify
//! mutation observers" microtask queued at the first mutation while none is queued, the flag
//! cleared before the callbacks run.

use crate::host::object::HostObj;
use std::sync::Arc;

use super::{WebFn, WebObj};
use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult};

/// The options of one registration (`observe(target, options)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Options {
    pub child_list: bool,
    pub attributes: bool,
    pub character_data: bool,
    pub subtree: bool,
    pub attribute_old_value: bool,
    pub character_data_old_value: bool,
}

/// A registered observer of one node (DOM §4.3): the node, the options and, for a transient
/// registered observer, its source (the node of the registration it was made from).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Registration {
    pub node: ObjId,
    pub options: Options,
    pub source: Option<ObjId>,
}

/// A MutationObserver: its callback, registrations and record queue.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Observer {
    pub id: u32,
    pub object: ObjId,
    pub callback: Value,
    /// The observer's registered observers (in the nodes' registered observer lists), the
    /// transient ones included.
    pub targets: Vec<Registration>,
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

/// What changed (the MutationRecord's fields).
pub enum Mutation {
    ChildList {
        added: Vec<ObjId>,
        removed: Vec<ObjId>,
    },
    Attributes {
        name: Arc<str>,
        /// The attribute's value before the change (null if it was absent).
        old_value: Option<Arc<str>>,
    },
    /// DOM §4.10 "replace data": the node's data before the change.
    CharacterData { old_value: Arc<str> },
}

impl Mutation {
    fn ty(&self) -> &'static str {
        match self {
            Mutation::ChildList { .. } => "childList",
            Mutation::Attributes { .. } => "attributes",
            Mutation::CharacterData { .. } => "characterData",
        }
    }
}

impl Cx<'_, '_> {
    /// `new MutationObserver(callback)`.
    pub fn new_mutation_observer(&mut self, callback: Value) -> JsResult<Value> {
        if !self.is_callable(&callback) {
            return self.throw(
                ErrorKind::TypeError,
                "Failed to construct 'MutationObserver': parameter 1 is not of type 'Function'.",
            );
        }
        let id = self.st.web.mutation.observers.len() as u32;
        let object = self.alloc(ObjKind::Host(HostObj::Web(WebObj::MutationObserver(id))));
        self.st.web.mutation.observers.push(Observer {
            id,
            object,
            callback,
            targets: Vec::new(),
            records: Vec::new(),
        });
        Ok(Value::Object(object))
    }

    /// `observe` (DOM §4.3.1 steps 1–8), `disconnect`, `takeRecords`. The options dictionary
    /// is read in WebIDL's order (members sorted by name).
    pub fn mutation_observer_method(
        &mut self,
        f: WebFn,
        this: Value,
        args: Vec<Value>,
    ) -> JsResult<Value> {
        let Some(ObjKind::Host(HostObj::Web(WebObj::MutationObserver(id)))) = this
            .as_object()
            .map(|o| self.st.realm.heap.get(o).kind.clone())
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
                    let filter = self.get_v(&o, "attributeFilter")?;
                    if !matches!(filter, Value::Undefined) {
                        return self.throw(
                            ErrorKind::TypeError,
                            "evloop does not model MutationObserver's attributeFilter",
                        );
                    }
                    let old = self.get_v(&o, "attributeOldValue")?;
                    let attrs = self.get_v(&o, "attributes")?;
                    let cd = self.get_v(&o, "characterData")?;
                    let cd_old = self.get_v(&o, "characterDataOldValue")?;
                    opts.child_list = self.get_v(&o, "childList")?.to_boolean();
                    opts.subtree = self.get_v(&o, "subtree")?.to_boolean();
                    opts.attribute_old_value = old.to_boolean();
                    opts.character_data_old_value = cd_old.to_boolean();
                    // (1) attributeOldValue present, attributes absent: attributes is true.
                    opts.attributes = attrs.to_boolean()
                        || (matches!(attrs, Value::Undefined) && !matches!(old, Value::Undefined));
                    // (2) characterDataOldValue present, characterData absent: characterData
                    // is true.
                    opts.character_data = cd.to_boolean()
                        || (matches!(cd, Value::Undefined) && !matches!(cd_old, Value::Undefined));
                }
                // (3) At least one of the three types.
                if !opts.child_list && !opts.attributes && !opts.character_data {
                    return self.throw(
                        ErrorKind::TypeError,
                        "Failed to execute 'observe' on 'MutationObserver': The options object must set at least one of 'attributes', 'characterData', or 'childList' to true.",
                    );
                }
                // (4) attributeOldValue without attributes.
                if opts.attribute_old_value && !opts.attributes {
                    return self.throw(
                        ErrorKind::TypeError,
                        "Failed to execute 'observe' on 'MutationObserver': The options object may only set 'attributeOldValue' to true when 'attributes' is true or not present.",
                    );
                }
                // (6) characterDataOldValue without characterData.
                if opts.character_data_old_value && !opts.character_data {
                    return self.throw(
                        ErrorKind::TypeError,
                        "Failed to execute 'observe' on 'MutationObserver': The options object may only set 'characterDataOldValue' to true when 'characterData' is true or not present.",
                    );
                }
                // (7) A registration of this observer on the node: (7.1) the transient
                // registered observers made from it are removed, (7.2) it gets the new
                // options; (8) otherwise a new one is appended.
                let obs = &mut self.st.web.mutation.observers[i];
                let existing = obs
                    .targets
                    .iter()
                    .position(|r| r.node == target && r.source.is_none());
                match existing {
                    Some(k) => {
                        obs.targets[k].options = opts;
                        obs.targets.retain(|r| r.source != Some(target));
                    }
                    None => obs.targets.push(Registration {
                        node: target,
                        options: opts,
                        source: None,
                    }),
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
                Ok(Value::Object(self.alloc(ObjKind::Array(records.into()))))
            }
        }
    }

    /// HTML-12, DOM §4.3.2 "queue a mutation record" of `m` at `target`: (1–2) the
    /// interested observers, walking the inclusive ancestors of the target (target first)
    /// and each node's registered observer list in order; (3.2) a registration is skipped if
    /// the node is not the target and `subtree` is false, or its options do not ask for this
    /// type; (3.2.2–3) an observer is interested once, with the old value if its options ask
    /// for it (`attributeOldValue`, `characterDataOldValue`), else null; (4) each interested
    /// observer gets a record and joins the pending mutation observers; (5) "queue a mutation
    /// observer microtask".
    pub fn queue_mutation_record(&mut self, target: ObjId, m: Mutation) -> JsResult<()> {
        if self.st.web.mutation.observers.is_empty() {
            return Ok(());
        }
        let mut nodes = vec![target];
        let mut cur = target;
        while let Some(p) = self.node_parent(cur) {
            nodes.push(p);
            cur = p;
        }
        // (observer index, whether it gets the old value). The map's order only decides the
        // order of the pending set, which notify does not follow (observers are called in
        // creation order), so registrations are visited per observer.
        let mut interested: Vec<(usize, bool)> = Vec::new();
        for node in &nodes {
            let mut registered: Vec<(usize, Options)> = Vec::new();
            for (i, o) in self.st.web.mutation.observers.iter().enumerate() {
                for r in &o.targets {
                    if r.node == *node {
                        registered.push((i, r.options));
                    }
                }
            }
            for (i, opts) in registered {
                let skip = (*node != target && !opts.subtree)
                    || match &m {
                        Mutation::ChildList { .. } => !opts.child_list,
                        Mutation::Attributes { .. } => !opts.attributes,
                        Mutation::CharacterData { .. } => !opts.character_data,
                    };
                if skip {
                    continue;
                }
                let old = match &m {
                    Mutation::ChildList { .. } => false,
                    Mutation::Attributes { .. } => opts.attribute_old_value,
                    Mutation::CharacterData { .. } => opts.character_data_old_value,
                };
                match interested.iter_mut().find(|(j, _)| *j == i) {
                    Some((_, o)) => *o |= old,
                    None => interested.push((i, old)),
                }
            }
        }
        if interested.is_empty() {
            return Ok(());
        }
        let ty = m.ty();
        let n = interested.len();
        self.trace("HTML-12", || {
            format!("queue a mutation record of \"{ty}\" for {n} observer(s)")
        });
        let (name, old_value, added, removed) = match &m {
            Mutation::ChildList { added, removed } => {
                (Value::Null, Value::Null, added.clone(), removed.clone())
            }
            Mutation::Attributes { name, old_value } => (
                Value::String(name.clone()),
                old_value.clone().map_or(Value::Null, Value::String),
                Vec::new(),
                Vec::new(),
            ),
            Mutation::CharacterData { old_value } => (
                Value::Null,
                Value::String(old_value.clone()),
                Vec::new(),
                Vec::new(),
            ),
        };
        for (i, with_old) in interested {
            let rec = Value::Object(self.alloc(ObjKind::Ordinary));
            let added = self.alloc(ObjKind::Array(
                added.iter().copied().map(Value::Object).collect(),
            ));
            let removed = self.alloc(ObjKind::Array(
                removed.iter().copied().map(Value::Object).collect(),
            ));
            self.set_v(&rec, "type", Value::str(ty))?;
            self.set_v(&rec, "target", Value::Object(target))?;
            self.set_v(&rec, "addedNodes", Value::Object(added))?;
            self.set_v(&rec, "removedNodes", Value::Object(removed))?;
            self.set_v(&rec, "attributeName", name.clone())?;
            let old = if with_old {
                old_value.clone()
            } else {
                Value::Null
            };
            self.set_v(&rec, "oldValue", old)?;
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

    /// DOM §4.2.3 "remove", its transient observer step (`node` leaves `parent`): for each
    /// inclusive ancestor of the parent and each of its registered observers with `subtree`,
    /// a transient registered observer with the same observer and options, whose source is
    /// that registration, is appended to the node's list. Until the next notify the observer
    /// keeps seeing mutations in the removed subtree.
    pub fn add_transient_observers(&mut self, node: ObjId, parent: ObjId) {
        if self.st.web.mutation.observers.is_empty() {
            return;
        }
        let mut ancestors = vec![parent];
        let mut cur = parent;
        while let Some(p) = self.node_parent(cur) {
            ancestors.push(p);
            cur = p;
        }
        for o in &mut self.st.web.mutation.observers {
            let transient: Vec<Registration> = o
                .targets
                .iter()
                .filter(|r| r.options.subtree && ancestors.contains(&r.node))
                .map(|r| Registration {
                    node,
                    options: r.options,
                    source: Some(r.node),
                })
                .collect();
            o.targets.extend(transient);
        }
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
                callback: Value::Builtin(Builtin::from(WebFn::NotifyMutationObservers)),
            },
            "HTML-12",
        );
    }

    /// HTML-12 notify mutation observers: (1) clear the flag, (2–3) take the pending
    /// observers, (6) for each, (6.1–2) take its records, (6.3) remove its transient
    /// registered observers and, (6.4) if there were records, invoke its callback with them
    /// and the observer (exceptions reported). A mutation inside a callback queues a new
    /// notify microtask (the flag is already clear).
    ///
    /// The observers are taken in the order they were *created*, not the order they joined
    /// the pending set: that is what Chromium and Firefox do (Blink sorts by the observer's
    /// priority, Gecko schedules by the observer's id), litmus
    /// `html-mo-notify-in-creation-order`. The DOM text ("pending mutation observers", a set
    /// in append order) would call an observer that joined first, first.
    pub fn notify_mutation_observers(&mut self) -> JsResult<()> {
        self.trace("HTML-12", || "notify mutation observers".into());
        let ms = &mut self.st.web.mutation;
        ms.microtask_queued = false;
        let mut notify = std::mem::take(&mut ms.pending);
        // Observer ids are given out in creation order.
        notify.sort_unstable();
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
            o.targets.retain(|r| r.source.is_none());
            if records.is_empty() {
                continue;
            }
            let (cb, obj) = (o.callback.clone(), o.object);
            let n = records.len();
            self.trace("HTML-12", || {
                format!("invoke a MutationObserver callback with {n} records")
            });
            let arr = Value::Object(self.alloc(ObjKind::Array(records.into())));
            match self.call(&cb, Value::Object(obj), vec![arr, Value::Object(obj)]) {
                Ok(_) => {}
                Err(crate::vm::Unwind::Throw(e)) => self.report_exception(e)?,
                Err(d) => return Err(d),
            }
        }
        Ok(())
    }
}

evloop_engine::heap_refs!(struct [] Registration { node, source });
evloop_engine::heap_refs!(struct [] Observer { object, callback, targets, records });
evloop_engine::heap_refs!(struct [] MutationState { observers });
