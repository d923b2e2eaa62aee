//! Network requests: `fetch(url)` as I/O in flight until the host completes it (HTML-15).
//!
//! Fetch standard "fetch" (main fetch, then "process response"): the response is delivered by
//! a task queued on the networking task source, which resolves the promise `fetch` returned.
//! When a request completes is up to the network: each in-flight request's completion is a
//! [`crate::Choice::CompleteFetch`], available at every choice point.

use crate::host::object::HostObj;
use std::sync::Arc;

use super::{Task, TaskSource, TaskSteps};
use crate::heap::ObjKind;
use crate::value::{ObjId, Value};
use crate::vm::{Cx, JsResult};

/// What an in-flight request delivers (HTML-15).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FetchKind {
    /// `fetch(url)`: the response resolves the promise.
    Fetch,
    /// `response.text()` / `response.json()`: the body is fully read.
    Body { json: bool },
    /// `XMLHttpRequest.send()`: the response is processed by the request object.
    Xhr,
    /// A `<script src>` element's fetch (`promise` is the element).
    Script,
}

/// An in-flight request.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fetch {
    /// The request's number, in call order.
    pub id: u32,
    pub url: Arc<str>,
    /// The promise `fetch` (or `text()`/`json()`) returned; for `Xhr`, the XMLHttpRequest.
    pub promise: ObjId,
    pub kind: FetchKind,
}

/// HTML-15's virtual network: requests to port 1 of the loopback address or to a `.invalid`
/// host fail with a network error; every other URL answers 200 with the JSON body
/// `{"path": URL}` (tools/browser/run.js serves the same for `/net/NAME`).
pub fn network_error(url: &str) -> bool {
    let rest = url.split_once("://").map_or("", |(_, r)| r);
    let host = rest.split(['/', '?']).next().unwrap_or("");
    host == "127.0.0.1:1"
        || host
            .split(':')
            .next()
            .is_some_and(|h| h.ends_with(".invalid"))
}

/// The body the virtual network answers for `url`.
pub fn body_of(url: &str) -> String {
    let mut out = String::from("{\"path\":\"");
    for c in url.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push_str("\"}");
    out
}

impl Cx<'_, '_> {
    /// HTML-15 `fetch(url)`: start a request and return a pending promise.
    pub fn fetch(&mut self, url: Arc<str>) -> Value {
        let promise = self.new_promise();
        self.start_request(url, promise, FetchKind::Fetch);
        Value::Object(promise)
    }

    /// Puts a request in flight (its completion becomes a host choice).
    pub fn start_request(&mut self, url: Arc<str>, promise: ObjId, kind: FetchKind) {
        let id = self.st.html.next_fetch_id;
        self.st.html.next_fetch_id += 1;
        self.trace("HTML-15", || {
            format!("{kind:?} {url}: request {id} in flight")
        });
        self.st.html.fetches.push(Fetch {
            id,
            url,
            promise,
            kind,
        });
    }

    /// HTML-15: request `id` completes; its response is processed by a task on the networking
    /// task source.
    pub fn complete_fetch(&mut self, id: u32) {
        let Some(i) = self.st.html.fetches.iter().position(|f| f.id == id) else {
            return;
        };
        // The rule fires, then the request leaves the network (a trace announces the step).
        let url = self.st.html.fetches[i].url.clone();
        self.trace("HTML-15", || {
            format!("request {id} ({url}) completes: queue a networking task")
        });
        let f = self.st.html.fetches.remove(i);
        self.st.html.tasks.push(Task {
            source: TaskSource::Networking,
            steps: TaskSteps::FetchResponse { id },
            nesting: 0,
        });
        self.st.html.fetch_responses.push(f);
    }

    /// HTML-15: the networking task. `fetch`: resolve the promise with a Response (`ok`,
    /// `status`, `url`; `text()`, `json()`, `bodyUsed`), or reject it with a TypeError on a
    /// network error. A body read: resolve with the text or the parsed JSON. An
    /// XMLHttpRequest: process the response (its readystatechange/load/loadend events).
    pub fn process_response(&mut self, id: u32) -> JsResult<()> {
        let Some(i) = self.st.html.fetch_responses.iter().position(|f| f.id == id) else {
            return Ok(());
        };
        let f = self.st.html.fetch_responses.remove(i);
        match f.kind {
            FetchKind::Xhr => return self.xhr_process_response(f.promise, &f.url),
            FetchKind::Script => return self.script_fetched(f.promise, &f.url),
            FetchKind::Body { json } => {
                let v = if json {
                    let o = Value::Object(self.alloc(ObjKind::Ordinary));
                    self.set_v(&o, "path", Value::String(f.url.clone()))?;
                    o
                } else {
                    Value::str(&body_of(&f.url))
                };
                self.trace("HTML-15", || format!("body of {} fully read", f.url));
                return self.resolve_promise(f.promise, v);
            }
            FetchKind::Fetch => {}
        }
        if network_error(&f.url) {
            self.trace("HTML-15", || format!("network error for {}: reject", f.url));
            let e = self.make_error(crate::heap::ErrorKind::TypeError, "Failed to fetch");
            self.reject_promise(f.promise, e);
            return Ok(());
        }
        let response = self.alloc(ObjKind::Host(HostObj::Web(
            crate::host::web::WebObj::Response { body_used: false },
        )));
        let r = Value::Object(response);
        self.set_v(&r, "ok", Value::Bool(true))?;
        self.set_v(&r, "status", Value::num(200.0))?;
        self.set_v(&r, "url", Value::String(f.url.clone()))?;
        self.trace("HTML-15", || {
            format!("response for {} resolves the fetch promise", f.url)
        });
        self.resolve_promise(f.promise, r)
    }

    /// `response.text()` / `response.json()` (Fetch "consume body"): a used body rejects with
    /// a TypeError; otherwise the body is marked used and read in flight (HTML-15).
    pub fn consume_body(&mut self, this: &Value, json: bool) -> JsResult<Value> {
        let Some(id) = this.as_object() else {
            return self.throw(crate::heap::ErrorKind::TypeError, "Illegal invocation");
        };
        let used = match &mut self.st.realm.heap.get_mut(id).kind {
            ObjKind::Host(HostObj::Web(crate::host::web::WebObj::Response { body_used })) => {
                std::mem::replace(body_used, true)
            }
            _ => return self.throw(crate::heap::ErrorKind::TypeError, "Illegal invocation"),
        };
        let promise = self.new_promise();
        if used {
            let e = self.make_error(
                crate::heap::ErrorKind::TypeError,
                "Failed to execute 'text' on 'Response': body stream already read",
            );
            self.reject_promise(promise, e);
        } else {
            let url = match self.get_v(this, "url")? {
                Value::String(s) => s,
                _ => std::sync::Arc::from(""),
            };
            self.start_request(url, promise, FetchKind::Body { json });
        }
        Ok(Value::Object(promise))
    }
}

evloop_engine::heap_refs!(struct [] Fetch { promise });
