//! `XMLHttpRequest` (XHR standard) over HTML-15's in-flight requests: `open` and `send`,
//! `readyState`, `status`, `responseText`, and the `readystatechange`, `load`, `error` and
//! `loadend` events, each state change of the response in its own networking task.

use crate::host::object::HostObj;
use std::sync::Arc;

use super::WebObj;
use crate::heap::{ErrorKind, ObjKind};
use crate::host::fetch::FetchKind;
use crate::host::{Task, TaskSource, TaskSteps};
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult};

/// An XMLHttpRequest's state.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Xhr {
    pub object: ObjId,
    pub url: Option<Arc<str>>,
    /// UNSENT 0, OPENED 1, HEADERS_RECEIVED 2, LOADING 3, DONE 4.
    pub ready_state: u8,
    pub status: u16,
    pub response_text: Arc<str>,
    pub send_flag: bool,
}

impl Cx<'_, '_> {
    /// `new XMLHttpRequest()`.
    pub fn new_xhr(&mut self) -> Value {
        let id = self.st.web.xhrs.len() as u32;
        let object = self.alloc(ObjKind::Host(HostObj::Web(WebObj::Xhr(id))));
        self.st.web.xhrs.push(Xhr {
            object,
            url: None,
            ready_state: 0,
            status: 0,
            response_text: Arc::from(""),
            send_flag: false,
        });
        Value::Object(object)
    }

    fn xhr_id(&mut self, this: &Value) -> JsResult<u32> {
        match this.as_object().map(|o| &self.st.realm.heap.get(o).kind) {
            Some(ObjKind::Host(HostObj::Web(WebObj::Xhr(id)))) => Ok(*id),
            _ => self.throw(ErrorKind::TypeError, "Illegal invocation"),
        }
    }

    /// XHR `open(method, url)`: the state becomes OPENED and `readystatechange` fires
    /// synchronously (the caller is on the stack: no checkpoint).
    pub fn xhr_open(&mut self, this: &Value, url: Arc<str>) -> JsResult<()> {
        let id = self.xhr_id(this)?;
        let x = &mut self.st.web.xhrs[id as usize];
        x.url = Some(url);
        x.send_flag = false;
        x.status = 0;
        x.response_text = Arc::from("");
        if x.ready_state != 1 {
            x.ready_state = 1;
            self.fire_simple(this.clone(), "readystatechange")?;
        }
        Ok(())
    }

    /// XHR `send()`: the request goes in flight (HTML-15); its completion is a host choice.
    pub fn xhr_send(&mut self, this: &Value) -> JsResult<()> {
        let id = self.xhr_id(this)?;
        let x = &self.st.web.xhrs[id as usize];
        let (Some(url), 1, false) = (x.url.clone(), x.ready_state, x.send_flag) else {
            return self.throw(
                ErrorKind::Error,
                "Failed to execute 'send' on 'XMLHttpRequest': The object's state must be OPENED.",
            );
        };
        self.st.web.xhrs[id as usize].send_flag = true;
        let obj = self.st.web.xhrs[id as usize].object;
        self.start_request(url, obj, FetchKind::Xhr);
        Ok(())
    }

    /// The networking task of a completed XHR request: on a network error, DONE with
    /// `readystatechange`, `error`, `loadend`; otherwise "process response" (HEADERS_RECEIVED,
    /// `readystatechange`) and a further task for the body.
    pub fn xhr_process_response(&mut self, obj: ObjId, url: &str) -> JsResult<()> {
        let Some(ObjKind::Host(HostObj::Web(WebObj::Xhr(id)))) =
            Some(self.st.realm.heap.get(obj).kind.clone())
        else {
            return Ok(());
        };
        let target = Value::Object(obj);
        if crate::host::fetch::network_error(url) {
            let x = &mut self.st.web.xhrs[id as usize];
            x.ready_state = 4;
            x.send_flag = false;
            self.fire_simple(target.clone(), "readystatechange")?;
            self.fire_simple(target.clone(), "error")?;
            return self.fire_simple(target, "loadend");
        }
        let x = &mut self.st.web.xhrs[id as usize];
        x.ready_state = 2;
        x.status = 200;
        self.trace("HTML-15", || {
            "XHR process response: HEADERS_RECEIVED".into()
        });
        self.fire_simple(target, "readystatechange")?;
        self.queue_xhr_step(obj, 3);
        Ok(())
    }

    fn queue_xhr_step(&mut self, obj: ObjId, state: u8) {
        self.st.html.tasks.push(Task {
            source: TaskSource::Networking,
            steps: TaskSteps::XhrStep { xhr: obj, state },
            nesting: 0,
        });
    }

    /// A later networking task of an XHR response: LOADING (the body chunk) or DONE ("handle
    /// response end-of-body": `readystatechange`, `load`, `loadend`).
    pub fn xhr_step(&mut self, obj: ObjId, state: u8) -> JsResult<()> {
        let Some(ObjKind::Host(HostObj::Web(WebObj::Xhr(id)))) =
            Some(self.st.realm.heap.get(obj).kind.clone())
        else {
            return Ok(());
        };
        let target = Value::Object(obj);
        let url = self.st.web.xhrs[id as usize]
            .url
            .clone()
            .unwrap_or_else(|| Arc::from(""));
        let x = &mut self.st.web.xhrs[id as usize];
        x.ready_state = state;
        x.response_text = Arc::from(crate::host::fetch::body_of(&url));
        if state == 3 {
            self.trace("HTML-15", || "XHR process body chunk: LOADING".into());
            self.fire_simple(target, "readystatechange")?;
            self.queue_xhr_step(obj, 4);
            return Ok(());
        }
        self.st.web.xhrs[id as usize].send_flag = false;
        self.trace("HTML-15", || "XHR end of body: DONE".into());
        self.fire_simple(target.clone(), "readystatechange")?;
        self.fire_simple(target.clone(), "load")?;
        self.fire_simple(target, "loadend")
    }

    /// Fires a simple event (no bubbles, not cancelable) named `ty` at `target`.
    pub fn fire_simple(&mut self, target: Value, ty: &str) -> JsResult<()> {
        let ev = self.new_event(Arc::from(ty), false, false)?;
        self.dispatch_event(target, ev, true)?;
        Ok(())
    }

    /// XHR attributes: `readyState`, `status`, `responseText`/`response`.
    pub fn xhr_prop(&self, id: u32, key: &str) -> Option<Value> {
        let x = self.st.web.xhrs.get(id as usize)?;
        match key {
            "readyState" => Some(Value::num(f64::from(x.ready_state))),
            "status" => Some(Value::num(f64::from(x.status))),
            "responseText" | "response" => Some(Value::String(x.response_text.clone())),
            _ => None,
        }
    }
}

evloop_engine::heap_refs!(struct [] Xhr { object });
