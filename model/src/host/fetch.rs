//! Network requests: `fetch(url)` as I/O in flight until the host completes it (HTML-15).
//!
//! Fetch standard "fetch" (main fetch, then "process response"): the response is delivered by
//! a task queued on the networking task source, which resolves the promise `fetch` returned.
//! When a request completes is up to the network: each in-flight request's completion is a
//! [`crate::Choice::CompleteFetch`], available at every choice point.

use std::sync::Arc;

use super::{Task, TaskSource, TaskSteps};
use crate::heap::ObjKind;
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult};

/// An in-flight request.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fetch {
    /// The request's number, in `fetch` call order.
    pub id: u32,
    pub url: Arc<str>,
    /// The promise `fetch` returned.
    pub promise: ObjId,
}

impl Agent<'_> {
    /// HTML-15 `fetch(url)`: start a request and return a pending promise.
    pub fn fetch(&mut self, url: Arc<str>) -> Value {
        let promise = self.new_promise();
        let id = self.st.next_fetch_id;
        self.st.next_fetch_id += 1;
        self.trace("HTML-15", || format!("fetch {url}: request {id} in flight"));
        self.st.fetches.push(Fetch { id, url, promise });
        Value::Object(promise)
    }

    /// HTML-15: request `id` completes; its response is processed by a task on the networking
    /// task source.
    pub fn complete_fetch(&mut self, id: u32) {
        let Some(i) = self.st.fetches.iter().position(|f| f.id == id) else {
            return;
        };
        let f = self.st.fetches.remove(i);
        self.trace("HTML-15", || {
            format!("fetch {} completes: queue a networking task", f.url)
        });
        self.st.tasks.push(Task {
            source: TaskSource::Networking,
            steps: TaskSteps::FetchResponse { id },
            nesting: 0,
        });
        self.st.fetch_responses.push(f);
    }

    /// HTML-15: the networking task resolves the promise with a Response
    /// (`{ok: true, status: 200, url}`).
    pub fn process_response(&mut self, id: u32) -> JsResult<()> {
        let Some(i) = self.st.fetch_responses.iter().position(|f| f.id == id) else {
            return Ok(());
        };
        let f = self.st.fetch_responses.remove(i);
        let response = self.alloc(ObjKind::Ordinary);
        let r = Value::Object(response);
        self.set_v(&r, "ok", Value::Bool(true))?;
        self.set_v(&r, "status", Value::num(200.0))?;
        self.set_v(&r, "url", Value::String(f.url.clone()))?;
        self.trace("HTML-15", || {
            format!("response for {} resolves the fetch promise", f.url)
        });
        self.resolve_promise(f.promise, r)
    }
}
