//! The host hooks the engine calls ([`HostHooks`]), implemented once for [`State`]: each hook
//! goes to the HTML host or to the Node host (with its profile), as ECMA-262 leaves it to the
//! host.

use evloop_engine::es::promise::{Job, RejectionOperation};
use evloop_engine::host::{HostFn, HostGlobal, HostHooks, Realm};
use evloop_engine::ir::Global;

use super::builtin::{HostBuiltin, HostGlobalName, SharedFn};
use super::cx::{Agent, Cx, StepData};
use super::node::builtins::NodeFn;
use super::object::HostObj;
use crate::heap::{ErrorKind, Obj, ObjKind, Proto};
use crate::state::State;
use crate::value::{ObjId, Value};
use crate::vm::JsResult;

impl std::ops::Deref for State {
    type Target = Realm<HostObj>;
    fn deref(&self) -> &Realm<HostObj> {
        &self.realm
    }
}

impl std::ops::DerefMut for State {
    fn deref_mut(&mut self) -> &mut Realm<HostObj> {
        &mut self.realm
    }
}

impl HostHooks for State {
    type Data = HostObj;
    type Step = StepData;

    fn host_enqueue_promise_job(agent: &mut Agent<'_>, job: Job, queued_by: &'static str) {
        Cx(agent).host_enqueue_promise_job(job, queued_by)
    }

    fn host_promise_rejection_tracker(
        agent: &mut Agent<'_>,
        promise: ObjId,
        op: RejectionOperation,
    ) {
        Cx(agent).host_promise_rejection_tracker(promise, op)
    }

    fn host_global(agent: &mut Agent<'_>, g: HostGlobal) -> JsResult<Value> {
        let name = HostGlobalName::of(g);
        let mut cx = Cx(agent);
        // RT-3: Deno loads some globals lazily, on their first read.
        if let Some(lazy) = super::node::LazyGlobal::of(name) {
            cx.read_lazy_global(lazy)?;
        }
        Ok(match name {
            HostGlobalName::Shared(s) => Value::Builtin(s.value().into()),
            HostGlobalName::Node(n) => super::node::builtins::global_value(n, &cx.program),
            HostGlobalName::Web(w) => super::web::global_value(w),
        })
    }

    fn host_global_property(agent: &mut Agent<'_>, key: &str) -> Option<JsResult<Value>> {
        match agent.st.host.resolve_global(key)? {
            Global::Host(g) => Some(Self::host_global(agent, g)),
            Global::GlobalThis if matches!(key, "window" | "self") => {
                Some(Ok(super::web::window()))
            }
            _ => None,
        }
    }

    fn host_call(
        agent: &mut Agent<'_>,
        f: HostFn,
        this: Value,
        args: Vec<Value>,
    ) -> JsResult<Value> {
        let mut cx = Cx(agent);
        match HostBuiltin::of(f) {
            HostBuiltin::Shared(f) => cx.call_shared(f, args),
            HostBuiltin::Node(f) => super::node::builtins::call(&mut cx, f, this, args),
            HostBuiltin::Web(f) => super::web::call(&mut cx, f, this, args),
        }
    }

    fn host_construct(
        agent: &mut Agent<'_>,
        f: HostFn,
        args: Vec<Value>,
    ) -> Option<JsResult<Value>> {
        match HostBuiltin::of(f) {
            HostBuiltin::Web(f) => Some(super::web::construct(&mut Cx(agent), f, args)),
            // NODE-14: an emitter inherits from `EventEmitter.prototype`; a subclass's
            // `super()` gives it the subclass's prototype (the engine, §10.1.13).
            HostBuiltin::Node(NodeFn::EventEmitter) => {
                let mut obj = Obj::new(ObjKind::Host(HostObj::Emitter(Vec::new())));
                obj.proto = Proto::Builtin(NodeFn::EmitterPrototype.into());
                Some(Ok(Value::Object(agent.st.realm.heap.alloc(obj))))
            }
            _ => None,
        }
    }

    fn host_get(agent: &mut Agent<'_>, v: &Value, key: &str) -> Option<JsResult<Value>> {
        if let Some(r) = super::web::get_prop(&mut Cx(agent), v, key) {
            return Some(r);
        }
        HostBuiltin::of_value(v)
            .and_then(|b| b.static_prop(key))
            .map(Ok)
    }

    fn host_prototype_get(agent: &Agent<'_>, id: ObjId, key: &str) -> Option<Value> {
        match &agent.st.realm.heap.get(id).kind {
            ObjKind::Host(obj) => super::node::builtins::prototype_prop(obj, key),
            _ => None,
        }
    }

    fn host_set(
        agent: &mut Agent<'_>,
        target: &Value,
        key: &str,
        v: &Value,
    ) -> Option<JsResult<()>> {
        super::web::set_prop(&mut Cx(agent), target, key, v)
    }

    /// The model clock; reading it makes a loop that watches it advance time (MODEL-1).
    fn host_current_time(agent: &mut Agent<'_>) -> u64 {
        agent.host_step.clock_read = true;
        agent.st.clock
    }

    /// MODEL-1: a loop back-edge after the clock was read advances the clock by 1 ms, so a
    /// busy-wait on `Date.now()` terminates having "spent" the time it waited for.
    fn loop_back_edge(agent: &mut Agent<'_>) {
        if agent.host_step.clock_read {
            agent.host_step.clock_read = false;
            agent.st.clock += 1;
        }
    }

    fn trace_clock(&self) -> u64 {
        self.clock
    }

    /// RT-2: the Bun profile's `finally_without_wrapper` (JavaScriptCore).
    fn finally_without_wrapper(&self) -> bool {
        self.host.is_node() && self.profile().finally_without_wrapper
    }

    fn host_module_evaluation_rejected(agent: &mut Agent<'_>, reason: Value) -> JsResult<()> {
        let mut cx = Cx(agent);
        if cx.st.host.is_node() {
            // Node's ESM loader reports it with origin 'unhandledRejection'.
            cx.node_uncaught_exception(reason, true)
        } else {
            cx.report_exception(reason)
        }
    }

    fn host_report_exception(agent: &mut Agent<'_>, error: Value) -> JsResult<()> {
        Cx(agent).report_exception(error)
    }
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Undefined)
}

impl Cx<'_, '_> {
    /// Calls a built-in every host defines: the console (FORMAT-1 lines), the timers (HTML-9;
    /// Node's NODE-7), `queueMicrotask` (HTML-8) and `fetch` (HTML-15; Node: UV-6).
    fn call_shared(&mut self, f: SharedFn, args: Vec<Value>) -> JsResult<Value> {
        match f {
            SharedFn::ConsoleLog
            | SharedFn::ConsoleInfo
            | SharedFn::ConsoleWarn
            | SharedFn::ConsoleError
            | SharedFn::ConsoleDebug => {
                let line = self.console_line(&args)?;
                self.trace("LOG", || format!("console.{}: {line}", f.name()));
                self.st.log.push(line);
                Ok(Value::Undefined)
            }
            SharedFn::SetTimeout | SharedFn::SetInterval => {
                let handler = arg(&args, 0);
                let timeout = arg(&args, 1);
                let rest = args.get(2..).map(<[Value]>::to_vec).unwrap_or_default();
                let repeat = f == SharedFn::SetInterval;
                if self.st.host.is_node() {
                    if !self.is_callable(&handler) {
                        return self.throw(
                            ErrorKind::TypeError,
                            "The \"callback\" argument must be of type function.",
                        );
                    }
                    return self.node_set_timer(handler, timeout, rest, repeat);
                }
                self.set_timer(handler, timeout, rest, repeat)
            }
            SharedFn::ClearTimeout | SharedFn::ClearInterval => {
                if self.st.host.is_node() {
                    self.node_clear_timer(&arg(&args, 0));
                } else {
                    self.clear_timer(&arg(&args, 0))?;
                }
                Ok(Value::Undefined)
            }
            SharedFn::QueueMicrotask => {
                let cb = arg(&args, 0);
                if !self.is_callable(&cb) {
                    return self.throw(
                        ErrorKind::TypeError,
                        "Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.",
                    );
                }
                self.host_enqueue_promise_job(Job::Callback { callback: cb }, "HTML-8");
                Ok(Value::Undefined)
            }
            SharedFn::Fetch => {
                let url = self.to_string(&arg(&args, 0))?;
                if self.st.host.is_node() {
                    return Ok(self.submit_io_promise(super::node::IoOp::Fetch { url }));
                }
                Ok(self.fetch(url))
            }
            SharedFn::ConsoleObj => self.throw(ErrorKind::TypeError, "console is not a function"),
        }
    }
}
