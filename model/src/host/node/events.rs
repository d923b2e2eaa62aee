//! `EventEmitter` (`require('events')`, NODE-14): listeners are called synchronously, in
//! registration order, by `emit`; `once` listeners are removed before they run; emitting
//! `'error'` with no listener throws the error.

use crate::host::object::HostObj;
use std::sync::Arc;

use super::Listener;
use super::builtins::NodeFn;
use crate::heap::{ErrorKind, ObjKind};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult, Unwind};

impl Cx<'_, '_> {
    fn emitter_listeners(&mut self, id: ObjId) -> Option<&mut Vec<Listener>> {
        match &mut self.st.realm.heap.get_mut(id).kind {
            ObjKind::Host(HostObj::Emitter(ls)) => Some(ls),
            _ => None,
        }
    }

    /// NODE-14: the EventEmitter methods.
    pub fn emitter_method(&mut self, f: NodeFn, this: Value, args: Vec<Value>) -> JsResult<Value> {
        let Some(id) = this.as_object().filter(|id| {
            matches!(
                self.st.realm.heap.get(*id).kind,
                ObjKind::Host(HostObj::Emitter(_))
            )
        }) else {
            return self.throw(
                ErrorKind::TypeError,
                &format!(
                    "EventEmitter.prototype.{} called on a non-emitter",
                    f.name()
                ),
            );
        };
        let event: Arc<str> = match args.first() {
            Some(v) => self.to_string(v)?,
            None => Arc::from("undefined"),
        };
        let cb = args.get(1).cloned().unwrap_or(Value::Undefined);
        match f {
            NodeFn::EmitterOn | NodeFn::EmitterOnce => {
                if !self.is_callable(&cb) {
                    return self.throw(
                        ErrorKind::TypeError,
                        "The \"listener\" argument must be of type function.",
                    );
                }
                if let Some(ls) = self.emitter_listeners(id) {
                    ls.push(Listener {
                        event,
                        callback: cb,
                        once: f == NodeFn::EmitterOnce,
                    });
                }
                Ok(this)
            }
            NodeFn::EmitterOff => {
                if let Some(ls) = self.emitter_listeners(id)
                    && let Some(i) = ls
                        .iter()
                        .rposition(|l| l.event == event && l.callback == cb)
                {
                    ls.remove(i);
                }
                Ok(this)
            }
            NodeFn::EmitterListenerCount => {
                let n = self
                    .emitter_listeners(id)
                    .map_or(0, |ls| ls.iter().filter(|l| l.event == event).count());
                Ok(Value::num(n as f64))
            }
            NodeFn::EmitterRemoveAllListeners => {
                if let Some(ls) = self.emitter_listeners(id) {
                    if args.is_empty() {
                        ls.clear();
                    } else {
                        ls.retain(|l| l.event != event);
                    }
                }
                Ok(this)
            }
            _ => {
                // emit(event, ...args)
                let rest = args.get(1..).map(<[Value]>::to_vec).unwrap_or_default();
                let listeners: Vec<Listener> = self
                    .emitter_listeners(id)
                    .map(|ls| ls.iter().filter(|l| l.event == event).cloned().collect())
                    .unwrap_or_default();
                if listeners.is_empty() && &*event == "error" {
                    let err = rest.first().cloned().unwrap_or(Value::Undefined);
                    return Err(Unwind::Throw(err));
                }
                if let Some(ls) = self.emitter_listeners(id) {
                    ls.retain(|l| !(l.once && l.event == event));
                }
                self.trace("NODE-14", || {
                    format!(
                        "emit '{event}' to {} listener(s), synchronously",
                        listeners.len()
                    )
                });
                for l in &listeners {
                    self.call(&l.callback, this.clone(), rest.clone())?;
                }
                Ok(Value::Bool(!listeners.is_empty()))
            }
        }
    }
}
