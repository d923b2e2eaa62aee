//! Posted messages (HTML-11): `MessageChannel` and its ports' port message queues, and
//! `window.postMessage` on the posted message task source.

use crate::host::object::HostObj;
use std::collections::HashMap;

use super::WebObj;
use crate::heap::{ErrorKind, Obj, ObjKind, Prop};
use crate::host::{Task, TaskSource, TaskSteps};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult};

/// A `MessagePort` (HTML §9.4.4).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Port {
    pub id: u32,
    /// The port's heap object (the event target).
    pub object: ObjId,
    /// The entangled port's id, until one of them is closed.
    pub entangled: Option<u32>,
    /// Whether the port message queue is enabled (by `start()` or setting `onmessage`).
    pub enabled: bool,
}

impl Cx<'_, '_> {
    /// `new MessageChannel()` (HTML §9.4.3): two new ports, entangled, as `port1` and `port2`.
    pub fn new_message_channel(&mut self) -> Value {
        let a = self.new_port();
        let b = self.new_port();
        let ports = &mut self.st.web.ports;
        let (ia, ib) = (ports.len() as u32 - 2, ports.len() as u32 - 1);
        ports[ia as usize].entangled = Some(ib);
        ports[ib as usize].entangled = Some(ia);
        let mut ch = Obj::new(ObjKind::Ordinary);
        ch.set_own("port1", Prop::Data(Value::Object(a)));
        ch.set_own("port2", Prop::Data(Value::Object(b)));
        self.trace("HTML-11", || {
            format!("new MessageChannel: ports {ia} and {ib}")
        });
        Value::Object(self.st.realm.heap.alloc(ch))
    }

    fn new_port(&mut self) -> ObjId {
        let id = self.st.web.ports.len() as u32;
        let object = self.alloc(ObjKind::Host(HostObj::Web(WebObj::MessagePort(id))));
        self.st.web.ports.push(Port {
            id,
            object,
            entangled: None,
            enabled: false,
        });
        object
    }

    fn port_id(&self, v: &Value) -> Option<u32> {
        match v.as_object().map(|o| &self.st.realm.heap.get(o).kind) {
            Some(ObjKind::Host(HostObj::Web(WebObj::MessagePort(id)))) => Some(*id),
            _ => None,
        }
    }

    /// HTML-11 message port post message steps: the target is the entangled port (none: the
    /// message is dropped, step 5); the message is serialized now (step 4); a task is added to
    /// the target's port message queue (step 6), which fires `message` at the target port.
    pub fn port_post_message(&mut self, this: &Value, message: Value) -> JsResult<()> {
        let Some(id) = self.port_id(this) else {
            return self.throw(ErrorKind::TypeError, "Illegal invocation");
        };
        let data = self.structured_clone(&message)?;
        let Some(target) = self.st.web.ports[id as usize].entangled else {
            self.trace("HTML-11", || {
                format!("port {id} is not entangled: message dropped")
            });
            return Ok(());
        };
        let object = self.st.web.ports[target as usize].object;
        let enabled = self.st.web.ports[target as usize].enabled;
        self.trace("HTML-11", || {
            format!(
                "postMessage: task added to port {target}'s port message queue ({})",
                if enabled { "enabled" } else { "disabled" }
            )
        });
        self.st.html.tasks.push(Task {
            source: TaskSource::PortMessageQueue(target),
            steps: TaskSteps::Message {
                target: Value::Object(object),
                data,
            },
            nesting: 0,
        });
        Ok(())
    }

    /// HTML-11 `port.start()`: enable the port message queue (also the first setting of
    /// `onmessage`; `addEventListener('message', …)` does not).
    pub fn port_start(&mut self, this: &Value) {
        if let Some(id) = self.port_id(this) {
            self.enable_port(id);
        }
    }

    /// Enables port `id`'s message queue: its tasks become runnable.
    pub fn enable_port(&mut self, id: u32) {
        let p = &mut self.st.web.ports[id as usize];
        if !p.enabled {
            p.enabled = true;
            self.trace("HTML-11", || {
                format!("port {id}: port message queue enabled")
            });
        }
    }

    /// `port.close()`: disentangle the port (HTML §9.4.4).
    pub fn port_close(&mut self, this: &Value) {
        let Some(id) = self.port_id(this) else {
            return;
        };
        if let Some(other) = self.st.web.ports[id as usize].entangled.take() {
            self.st.web.ports[other as usize].entangled = None;
        }
        self.trace("HTML-11", || format!("port {id} closed"));
    }

    /// HTML-11 window post message steps: serialize the message and queue a global task on
    /// the posted message task source that fires `message` at the window.
    pub fn window_post_message(&mut self, message: Value) -> JsResult<()> {
        let data = self.structured_clone(&message)?;
        self.trace("HTML-11", || {
            "window.postMessage: queue a task on the posted message task source".into()
        });
        self.st.html.tasks.push(Task {
            source: TaskSource::PostedMessage,
            steps: TaskSteps::Message {
                target: super::window(),
                data,
            },
            nesting: 0,
        });
        Ok(())
    }

    /// The message task (HTML-11): fire an event named `message` at the target, using
    /// MessageEvent with `data` (the listeners are called with an empty stack: HTML-7).
    pub fn fire_message(&mut self, target: Value, data: Value) -> JsResult<()> {
        let ev = self.new_event(std::sync::Arc::from("message"), false, false)?;
        self.set_v(&ev, "data", data)?;
        // MessageEvent `source`: the posting window for window.postMessage, null for ports.
        let source = if target == super::window() {
            super::window()
        } else {
            Value::Null
        };
        self.set_v(&ev, "source", source)?;
        self.dispatch_event(target, ev, true)?;
        Ok(())
    }

    /// StructuredSerialize + StructuredDeserialize (HTML §2.7), for the values of the subset:
    /// primitives, arrays, plain objects (own data properties), errors and dates; functions and
    /// promises throw a DataCloneError.
    pub fn structured_clone(&mut self, v: &Value) -> JsResult<Value> {
        let mut memo = HashMap::new();
        self.clone_value(v, &mut memo)
    }

    fn clone_value(&mut self, v: &Value, memo: &mut HashMap<ObjId, ObjId>) -> JsResult<Value> {
        let Value::Object(id) = v else {
            if let Value::Builtin(b) = v
                && b.is_callable::<HostObj>()
            {
                return self.data_clone_error(v);
            }
            return Ok(v.clone());
        };
        if let Some(c) = memo.get(id) {
            return Ok(Value::Object(*c));
        }
        let obj = self.st.realm.heap.get(*id).clone();
        let kind = match &obj.kind {
            ObjKind::Ordinary => ObjKind::Ordinary,
            ObjKind::Array(_) => ObjKind::Array(Default::default()),
            ObjKind::Error(k) => ObjKind::Error(*k),
            ObjKind::Date(t) => ObjKind::Date(*t),
            _ => return self.data_clone_error(v),
        };
        let copy = self.alloc(kind);
        memo.insert(*id, copy);
        if let ObjKind::Array(items) = &obj.kind {
            let mut out = items.clone();
            for x in out.values_mut() {
                *x = self.clone_value(x, memo)?;
            }
            self.st.realm.heap.get_mut(copy).kind = ObjKind::Array(out);
        }
        // An error's own data `message`, enumerable or not, is serialised as a String and
        // deserialised as a non-enumerable property (StructuredSerializeInternal step 17;
        // StructuredDeserialize's CreateNonEnumerableDataPropertyOrThrow).
        if matches!(obj.kind, ObjKind::Error(_))
            && let Some(m) = obj.get_own("message").and_then(Prop::value).cloned()
        {
            let m = self.to_string(&m)?;
            self.st
                .realm
                .heap
                .get_mut(copy)
                .set_own("message", Prop::Hidden(Value::String(m)));
        }
        for (k, p) in &obj.props {
            // Only own enumerable properties are serialised (HTML StructuredSerializeInternal
            // step 26.4: EnumerableOwnProperties).
            if !p.is_enumerable() || (matches!(obj.kind, ObjKind::Error(_)) && &**k == "message") {
                continue;
            }
            let val = match p.value() {
                Some(d) => d.clone(),
                None => self.get_v(v, k)?,
            };
            let c = self.clone_value(&val, memo)?;
            self.st.realm.heap.get_mut(copy).set_own(k, Prop::Data(c));
        }
        Ok(Value::Object(copy))
    }

    fn data_clone_error<T>(&mut self, v: &Value) -> JsResult<T> {
        let d = self.describe(v);
        self.throw(
            ErrorKind::Error,
            &format!("Failed to execute 'postMessage': {d} could not be cloned."),
        )
    }
}

evloop_engine::heap_refs!(struct [] Port { object });
