//! The test262 host: the smallest host the engine can run on, after INTERPRETING.md.
//!
//! A realm, a FIFO queue of promise jobs (HostEnqueuePromiseJob), and the lines the test
//! printed: `print` is the one host-defined global. Everything else a host may decide is
//! left at its plainest: no rejection tracking, no host objects, no host properties. This is
//! also the demonstration that the engine knows no host: it runs test262 with nothing of
//! `evloop-model` in between.

use std::collections::VecDeque;

use evloop_engine::builtins::Builtin;
use evloop_engine::es::promise::{Job, RejectionOperation};
use evloop_engine::host::{HostData, HostFn, HostGlobal, HostHooks, Realm};
use evloop_engine::ir::Global;
use evloop_engine::refs::HeapRefs;
use evloop_engine::value::{ObjId, Value};
use evloop_engine::vm::{Agent, JsResult};

/// `print`, the host-defined function of INTERPRETING.md ("Host-Defined Functions").
pub const PRINT: HostFn = HostFn(0);
/// The global binding `print`.
pub const PRINT_GLOBAL: HostGlobal = HostGlobal(0);

/// Resolves the names a test uses without declaring them: `print`, else a global ECMA-262
/// defines that the engine has (the frontend's `CompileOptions::resolve_global`).
pub fn resolve_global(name: &str) -> Option<Global> {
    match name {
        "print" => Some(Global::Host(PRINT_GLOBAL)),
        _ => Global::from_es_name(name),
    }
}

/// The host's exotic objects: there are none.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NoHostObject {}

impl HeapRefs for NoHostObject {
    fn refs_mut(&mut self, _f: &mut dyn FnMut(&mut ObjId)) {
        match *self {}
    }
    fn refs(&self, _f: &mut dyn FnMut(ObjId)) {
        match *self {}
    }
}

impl HostData for NoHostObject {
    fn inspect(&self) -> String {
        match *self {}
    }
    fn builtin_name(f: HostFn) -> &'static str {
        match f {
            PRINT => "print",
            _ => "",
        }
    }
    fn builtin_is_callable(f: HostFn) -> bool {
        f == PRINT
    }
}

/// The state of one test run: its realm, its job queue and what it printed.
#[derive(Default)]
pub struct TestHost {
    pub realm: Realm<NoHostObject>,
    /// Promise jobs in the order HostEnqueuePromiseJob queued them (ECMA-262 §9.5.5).
    pub jobs: VecDeque<Job>,
    /// The string value of each `print` call's first argument.
    pub printed: Vec<String>,
    /// Errors the engine reported as uncaught through the host (none are expected: the host
    /// queues no job of its own).
    pub reported: Vec<Value>,
}

impl std::ops::Deref for TestHost {
    type Target = Realm<NoHostObject>;
    fn deref(&self) -> &Realm<NoHostObject> {
        &self.realm
    }
}

impl std::ops::DerefMut for TestHost {
    fn deref_mut(&mut self) -> &mut Realm<NoHostObject> {
        &mut self.realm
    }
}

impl HostHooks for TestHost {
    type Data = NoHostObject;
    type Step = ();

    fn host_enqueue_promise_job(agent: &mut Agent<'_, Self>, job: Job, _queued_by: &'static str) {
        agent.st.jobs.push_back(job);
    }

    /// test262 observes no unhandled rejections: the hook does nothing.
    fn host_promise_rejection_tracker(
        _agent: &mut Agent<'_, Self>,
        _promise: ObjId,
        _op: RejectionOperation,
    ) {
    }

    fn host_global(_agent: &mut Agent<'_, Self>, g: HostGlobal) -> JsResult<Value> {
        debug_assert_eq!(g, PRINT_GLOBAL);
        Ok(Value::Builtin(Builtin::Host(PRINT)))
    }

    fn host_global_property(agent: &mut Agent<'_, Self>, key: &str) -> Option<JsResult<Value>> {
        (key == "print").then(|| Self::host_global(agent, PRINT_GLOBAL))
    }

    /// `print(value)`: records ToString(value).
    fn host_call(
        agent: &mut Agent<'_, Self>,
        _f: HostFn,
        _this: Value,
        args: Vec<Value>,
    ) -> JsResult<Value> {
        let v = args.into_iter().next().unwrap_or(Value::Undefined);
        let line = agent.to_string(&v)?;
        agent.st.printed.push(line.to_string());
        Ok(Value::Undefined)
    }

    fn host_construct(
        _agent: &mut Agent<'_, Self>,
        _f: HostFn,
        _args: Vec<Value>,
    ) -> Option<JsResult<Value>> {
        None
    }

    fn host_get(_agent: &mut Agent<'_, Self>, _v: &Value, _key: &str) -> Option<JsResult<Value>> {
        None
    }

    fn host_prototype_get(_agent: &Agent<'_, Self>, _id: ObjId, _key: &str) -> Option<Value> {
        None
    }

    fn host_set(
        _agent: &mut Agent<'_, Self>,
        _target: &Value,
        _key: &str,
        _v: &Value,
    ) -> Option<JsResult<()>> {
        None
    }

    /// The system clock (ms since the epoch).
    fn host_current_time(_agent: &mut Agent<'_, Self>) -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
    }

    fn trace_clock(&self) -> u64 {
        0
    }

    fn host_module_evaluation_rejected(agent: &mut Agent<'_, Self>, reason: Value) -> JsResult<()> {
        agent.st.reported.push(reason);
        Ok(())
    }

    fn host_report_exception(agent: &mut Agent<'_, Self>, error: Value) -> JsResult<()> {
        agent.st.reported.push(error);
        Ok(())
    }
}
