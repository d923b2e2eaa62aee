//! Events (DOM §2) and a minimal DOM: event listeners, event handler attributes (`on…`),
//! dispatch with capture and bubble through an element's ancestors, `document` and `window`;
//! elements made by `document.createElement` (their Text children are in [`super::text`]).
//!
//! HTML-7: a listener is called through "call a user object's operation", so "clean up after
//! running script" checkpoints after it when the stack is empty. A dispatch from script
//! (`dispatchEvent`, `el.click()`) runs with the caller on the stack: no checkpoint between
//! listeners. A dispatch by the user agent (a message task, …) checkpoints after each one.

use crate::host::object::HostObj;
use std::sync::Arc;

use super::{WebFn, WebObj};
use crate::heap::{ErrorKind, ObjKind};
use crate::value::Value;
use crate::vm::{Cx, JsResult};

/// An event listener (DOM §2.7): target, type, callback, capture and once; `handler` marks
/// the listener of an event handler attribute (`onmessage`, …).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Listener {
    pub id: u32,
    pub target: Value,
    pub ty: Arc<str>,
    pub callback: Value,
    pub capture: bool,
    pub once: bool,
    pub handler: bool,
}

/// An event's flags (DOM §2.2).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct EventFlags {
    pub bubbles: bool,
    pub cancelable: bool,
    pub canceled: bool,
    pub stop_propagation: bool,
    pub stop_immediate: bool,
}

impl Cx<'_, '_> {
    /// The `capture` and `once` options of add/removeEventListener (a boolean is `capture`).
    pub fn listener_options(&mut self, opts: &Value) -> JsResult<(bool, bool)> {
        match opts {
            Value::Object(_) => {
                let capture = self.get_v(opts, "capture")?.to_boolean();
                let once = self.get_v(opts, "once")?.to_boolean();
                Ok((capture, once))
            }
            v => Ok((v.to_boolean(), false)),
        }
    }

    /// DOM "add an event listener": ignored for a null callback or a duplicate
    /// (same type, callback and capture); otherwise appended to the target's list.
    pub fn add_event_listener(
        &mut self,
        target: Value,
        ty: Arc<str>,
        callback: Value,
        capture: bool,
        once: bool,
    ) {
        if matches!(callback, Value::Null | Value::Undefined) {
            return;
        }
        if self.st.web.listeners.iter().any(|l| {
            l.target == target
                && l.ty == ty
                && l.callback == callback
                && l.capture == capture
                && !l.handler
        }) {
            return;
        }
        let id = self.st.web.next_listener_id;
        self.st.web.next_listener_id += 1;
        let name = super::target_name(self, &target);
        self.trace("DOM-2.7", || format!("addEventListener('{ty}') on {name}"));
        self.st.web.listeners.push(Listener {
            id,
            target,
            ty,
            callback,
            capture,
            once,
            handler: false,
        });
    }

    /// DOM "remove an event listener" (a removed listener of a running dispatch is skipped).
    pub fn remove_event_listener(
        &mut self,
        target: &Value,
        ty: &str,
        callback: &Value,
        capture: bool,
    ) {
        self.st.web.listeners.retain(|l| {
            !(l.target == *target
                && &*l.ty == ty
                && l.callback == *callback
                && l.capture == capture
                && !l.handler)
        });
    }

    /// The value of event handler attribute `on{ty}` of `target` (null if unset).
    pub fn event_handler(&self, target: &Value, ty: &str) -> Value {
        self.st
            .web
            .listeners
            .iter()
            .find(|l| l.handler && l.target == *target && &*l.ty == ty)
            .map_or(Value::Null, |l| l.callback.clone())
    }

    /// HTML event handler attributes: setting a callable activates the handler (its listener
    /// is added the first time, later values replace the callback in place); anything else
    /// deactivates it (removes the listener). Setting a MessagePort's `onmessage` enables its
    /// port message queue (HTML-11).
    pub fn set_event_handler(&mut self, target: &Value, ty: &str, v: Value) {
        let existing = self
            .st
            .web
            .listeners
            .iter()
            .position(|l| l.handler && l.target == *target && &*l.ty == ty);
        if !self.is_callable(&v) {
            if let Some(i) = existing {
                self.st.web.listeners.remove(i);
            }
            return;
        }
        match existing {
            Some(i) => self.st.web.listeners[i].callback = v,
            None => {
                let id = self.st.web.next_listener_id;
                self.st.web.next_listener_id += 1;
                self.st.web.listeners.push(Listener {
                    id,
                    target: target.clone(),
                    ty: Arc::from(ty),
                    callback: v,
                    capture: false,
                    once: false,
                    handler: true,
                });
            }
        }
        if ty == "message"
            && let Some(ObjKind::Host(HostObj::Web(WebObj::MessagePort(p)))) = target
                .as_object()
                .map(|o| self.st.realm.heap.get(o).kind.clone())
        {
            self.enable_port(p);
        }
    }

    /// A new Event (DOM §2.2 "create an event"): `type`, `bubbles`, `cancelable` as properties.
    pub fn new_event(&mut self, ty: Arc<str>, bubbles: bool, cancelable: bool) -> JsResult<Value> {
        let ev = Value::Object(self.alloc(ObjKind::Host(HostObj::Web(WebObj::Event(
            EventFlags {
                bubbles,
                cancelable,
                ..Default::default()
            },
        )))));
        self.set_v(&ev, "type", Value::String(ty))?;
        self.set_v(&ev, "bubbles", Value::Bool(bubbles))?;
        self.set_v(&ev, "cancelable", Value::Bool(cancelable))?;
        self.set_v(&ev, "isTrusted", Value::Bool(false))?;
        Ok(ev)
    }

    fn flags_mut(&mut self, ev: &Value) -> Option<&mut EventFlags> {
        match ev
            .as_object()
            .map(|o| &mut self.st.realm.heap.get_mut(o).kind)
        {
            Some(ObjKind::Host(HostObj::Web(WebObj::Event(f)))) => Some(f),
            _ => None,
        }
    }

    fn flags(&self, ev: &Value) -> EventFlags {
        match ev.as_object().map(|o| &self.st.realm.heap.get(o).kind) {
            Some(ObjKind::Host(HostObj::Web(WebObj::Event(f)))) => f.clone(),
            _ => EventFlags::default(),
        }
    }

    /// `preventDefault()`, `stopPropagation()`, `stopImmediatePropagation()`.
    pub fn event_flag(&mut self, ev: &Value, f: WebFn) {
        if let Some(fl) = self.flags_mut(ev) {
            match f {
                WebFn::EventPreventDefault => fl.canceled |= fl.cancelable,
                WebFn::EventStopPropagation => fl.stop_propagation = true,
                _ => {
                    fl.stop_propagation = true;
                    fl.stop_immediate = true;
                }
            }
        }
    }

    /// `target.dispatchEvent(event)` from script: a synchronous dispatch (the caller stays on
    /// the stack, so no checkpoint runs between listeners, HTML-7).
    pub fn dispatch_event_from_script(&mut self, target: Value, ev: Value) -> JsResult<bool> {
        if !matches!(
            ev.as_object().map(|o| &self.st.realm.heap.get(o).kind),
            Some(ObjKind::Host(HostObj::Web(WebObj::Event(_))))
        ) {
            return self.throw(
                ErrorKind::TypeError,
                "Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.",
            );
        }
        self.dispatch_event(target, ev, false)
    }

    /// The event path (DOM §2.9 "get the parent"): the target, its ancestors, and, for a node
    /// in the document, the document and the window.
    fn event_path(&self, target: &Value) -> Vec<Value> {
        let mut path = vec![target.clone()];
        let Value::Object(mut id) = *target else {
            if *target == super::document() {
                path.push(super::window());
            }
            return path;
        };
        loop {
            match &self.st.realm.heap.get(id).kind {
                ObjKind::Host(HostObj::Web(WebObj::Element(e))) => match e.parent {
                    Some(p) => {
                        path.push(Value::Object(p));
                        id = p;
                    }
                    None => {
                        if Some(id) == self.st.web.document_element {
                            path.push(super::document());
                            path.push(super::window());
                        }
                        return path;
                    }
                },
                _ => return path,
            }
        }
    }

    /// DOM §2.9 dispatch (the parts the model needs): `target` is set; listeners of the path
    /// run for the capturing phase (root to target, capture listeners), then the bubbling
    /// phase (the target's non-capture listeners, and the ancestors' if the event bubbles);
    /// `stopPropagation` ends the dispatch after the current target. Returns false if the
    /// event was canceled.
    pub fn dispatch_event(&mut self, target: Value, ev: Value, trusted: bool) -> JsResult<bool> {
        self.set_v(&ev, "target", target.clone())?;
        if trusted {
            self.set_v(&ev, "isTrusted", Value::Bool(true))?;
        }
        let ty = match self.get_v(&ev, "type")? {
            Value::String(s) => s,
            v => self.to_string(&v)?,
        };
        let name = super::target_name(self, &target);
        self.trace("DOM-2.9", || format!("dispatch '{ty}' at {name}"));
        let path = self.event_path(&target);
        let bubbles = self.flags(&ev).bubbles;
        'outer: {
            for t in path.iter().rev() {
                self.invoke_listeners(t, &ev, &ty, true)?;
                if self.flags(&ev).stop_propagation {
                    break 'outer;
                }
            }
            for (i, t) in path.iter().enumerate() {
                if i > 0 && !bubbles {
                    break;
                }
                self.invoke_listeners(t, &ev, &ty, false)?;
                if self.flags(&ev).stop_propagation {
                    break 'outer;
                }
            }
        }
        self.set_v(&ev, "currentTarget", Value::Null)?;
        Ok(!self.flags(&ev).canceled)
    }

    /// DOM "inner invoke": the listeners of `t` for `ty` and this phase, as registered when the
    /// invoke starts (one added meanwhile does not run; one removed meanwhile is skipped); a
    /// `once` listener is removed before it runs. Each call is HTML-7's "call a user object's
    /// operation" with "clean up after running script".
    fn invoke_listeners(&mut self, t: &Value, ev: &Value, ty: &str, capture: bool) -> JsResult<()> {
        let ids: Vec<u32> = self
            .st
            .web
            .listeners
            .iter()
            .filter(|l| l.target == *t && &*l.ty == ty && l.capture == capture)
            .map(|l| l.id)
            .collect();
        if ids.is_empty() {
            return Ok(());
        }
        self.set_v(ev, "currentTarget", t.clone())?;
        for id in ids {
            let Some(i) = self.st.web.listeners.iter().position(|l| l.id == id) else {
                continue;
            };
            let l = self.st.web.listeners[i].clone();
            if l.once {
                self.st.web.listeners.remove(i);
            }
            self.trace("HTML-7", || format!("call the '{ty}' listener"));
            if l.handler {
                // HTML "the event handler processing algorithm": the return value cancels
                // the event when it is true for `error` (ErrorEvent), false for others.
                // The window's `onerror` gets (message, source, lineno, colno, error).
                let args = if ty == "error" && *t == super::window() {
                    let message = self.get_v(ev, "message")?;
                    let error = self.get_v(ev, "error")?;
                    vec![
                        message,
                        Value::str(""),
                        Value::num(0.0),
                        Value::num(0.0),
                        error,
                    ]
                } else {
                    vec![ev.clone()]
                };
                let r = match self.call(&l.callback, t.clone(), args) {
                    Ok(v) => Some(v),
                    Err(crate::vm::Unwind::Throw(e)) => {
                        self.report_exception(e)?;
                        None
                    }
                    Err(d) => return Err(d),
                };
                let cancel = match (ty, r) {
                    ("error", Some(Value::Bool(true))) => true,
                    ("error", _) => false,
                    (_, Some(Value::Bool(false))) => true,
                    _ => false,
                };
                if cancel && let Some(fl) = self.flags_mut(ev) {
                    fl.canceled |= fl.cancelable;
                }
                if self.depth == 0 {
                    self.perform_microtask_checkpoint()?;
                }
            } else {
                self.call_host_callback(&l.callback, t.clone(), vec![ev.clone()])?;
            }
            if self.flags(ev).stop_immediate {
                break;
            }
        }
        Ok(())
    }
}

impl Cx<'_, '_> {
    /// A user event happens (the run's next one): the user agent queues a task on the user
    /// interaction task source to dispatch it.
    pub fn user_event(&mut self) {
        if self.st.web.user_events.is_empty() {
            return;
        }
        let event = self.st.web.user_events.remove(0);
        if let super::UserEvent::Resize(w, h) = event {
            // The user resizes the window: the viewport changes in parallel; the next update
            // the rendering runs the resize steps (HTML-4 step 8).
            self.trace("HTML-4", || {
                format!("the user resizes the viewport to {w}x{h}")
            });
            if self.st.web.viewport != (w, h) {
                self.st.web.viewport = (w, h);
                self.st.web.resize_pending = true;
            }
            return;
        }
        self.trace("HTML-1", || {
            format!("the user acts ({event}): queue a task on the user interaction task source")
        });
        self.st.html.tasks.push(crate::host::Task {
            source: crate::host::TaskSource::UserInteraction,
            steps: crate::host::TaskSteps::UserEvent { event },
            nesting: 0,
        });
    }

    /// The user interaction task: a real click fires a trusted `click` (bubbles, cancelable)
    /// at the element under the pointer (the first match of the selector now; none: the
    /// click hits no listener of the model). The dispatch runs with an empty stack, so each
    /// listener is followed by a microtask checkpoint (HTML-7).
    pub fn dispatch_user_event(&mut self, event: &super::UserEvent) -> JsResult<()> {
        let super::UserEvent::Click(sel) = event else {
            return Ok(());
        };
        let target = self.query_selector(&super::document(), sel);
        if matches!(target, Value::Null) {
            self.trace("HTML-7", || format!("user click: nothing matches {sel}"));
            return Ok(());
        }
        let ev = self.new_event(Arc::from("click"), true, true)?;
        self.trace("HTML-7", || {
            format!("user click on {sel}: dispatch with an empty stack")
        });
        self.dispatch_event(target, ev, true)?;
        Ok(())
    }
}

impl Cx<'_, '_> {
    /// HTML "the end" (§13.2.7), after the page's script: step 1, the document's readiness
    /// becomes "interactive"; step 5, a task on the DOM manipulation task source fires
    /// `DOMContentLoaded`; step 7 (nothing delays the load event in the model), a second task
    /// on the same source makes the document "complete" and fires `load` at the window. Other
    /// sources' tasks may run before, between or after them (HTML-1).
    ///
    /// The model queues the two tasks only if a `DOMContentLoaded` or `load` listener exists
    /// when the script has run: otherwise they could change nothing but `document.readyState`
    /// (which is then "complete" at once), and every schedule would carry two no-op choices.
    pub fn the_end(&mut self) {
        let wanted = self.st.web.listeners.iter().any(|l| {
            (&*l.ty == "DOMContentLoaded"
                && (l.target == super::document() || l.target == super::window()))
                || (&*l.ty == "load" && l.target == super::window())
        });
        if !wanted {
            self.st.web.readiness = 2;
            return;
        }
        self.st.web.readiness = 1;
        self.trace("HTML-2", || {
            "the end: readiness interactive; queue DOMContentLoaded and load tasks".into()
        });
        for steps in [
            crate::host::TaskSteps::DomContentLoaded,
            crate::host::TaskSteps::WindowLoad,
        ] {
            self.st.html.tasks.push(crate::host::Task {
                source: crate::host::TaskSource::DomManipulation,
                steps,
                nesting: 0,
            });
        }
    }

    /// The DOMContentLoaded task: fire `DOMContentLoaded` (bubbles) at the document.
    pub fn fire_dom_content_loaded(&mut self) -> JsResult<()> {
        let ev = self.new_event(Arc::from("DOMContentLoaded"), true, false)?;
        self.dispatch_event(super::document(), ev, true)?;
        Ok(())
    }

    /// The load task: readiness "complete", fire `load` at the window.
    pub fn fire_window_load(&mut self) -> JsResult<()> {
        self.st.web.readiness = 2;
        let ev = self.new_event(Arc::from("load"), false, false)?;
        self.dispatch_event(super::window(), ev, true)?;
        Ok(())
    }
}

impl Cx<'_, '_> {
    /// HTML "report an exception" step: fire a cancelable `error` event at the window with
    /// `message` ("Uncaught …") and `error`. Returns whether it was not canceled.
    pub fn fire_error_event(&mut self, error: &Value, text: &str) -> JsResult<bool> {
        if !self
            .st
            .web
            .listeners
            .iter()
            .any(|l| &*l.ty == "error" && l.target == super::window())
        {
            return Ok(true);
        }
        let ev = self.new_event(Arc::from("error"), false, true)?;
        self.set_v(&ev, "message", Value::str(&format!("Uncaught {text}")))?;
        self.set_v(&ev, "error", error.clone())?;
        self.dispatch_event(super::window(), ev, true)
    }
}

evloop_engine::heap_refs!(struct [] Listener { target, callback });
