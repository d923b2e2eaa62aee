//! The host hooks: the only way host behaviour enters the engine.
//!
//! ECMA-262 leaves some decisions to the host and names an abstract operation for each:
//! HostEnqueuePromiseJob (§9.5.5, ES-2), HostPromiseRejectionTracker (§27.2.1.9, ES-13), the
//! host-defined properties of the global object (§19: "the global object may have
//! host-defined properties in addition to the properties defined in this specification"), the
//! time value of "now" (§21.4.2.1 step 2: `Date()` is the current time, which the host
//! knows), and host-defined exotic objects. [`HostHooks`] has one method per such decision;
//! a host (the HTML event loop, Node.js with its Deno and Bun profiles, in `evloop-model`)
//! implements it. The engine never asks which host it runs on.

use std::fmt::Debug;
use std::hash::Hash;
use std::ops::DerefMut;

use crate::es::promise::{Job, RejectionOperation};
use crate::heap::Heap;
use crate::refs::HeapRefs;
use crate::value::{ObjId, Value};
use crate::vm::{Agent, JsResult};

/// A host-defined built-in function or object (a console method, `setTimeout`, Node's
/// `process`, a DOM method, …), by the host's own numbering. Like the engine's own
/// [`crate::builtins::Builtin`]s it carries no data, so it is an immediate value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HostFn(pub u16);

/// A host-defined global binding (ECMA-262 §19: host-defined properties of the global
/// object), by the host's own numbering; the frontend resolves names to these through the
/// host's name table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HostGlobal(pub u16);

/// The host's data inside the engine's heap: its exotic objects (a Node `Timeout`, a DOM
/// element, …) and the names of its built-in functions.
/// Its [`HeapRefs`] are the objects a host object refers to (canonicalisation walks them).
pub trait HostData: Clone + Debug + PartialEq + Eq + Hash + HeapRefs {
    /// How the object prints under FORMAT-1 (`Timeout {}`, `<Buffer 68 69>`, …).
    fn inspect(&self) -> String;
    /// The `name` of a host built-in.
    fn builtin_name(f: HostFn) -> &'static str;
    /// Whether a host built-in is callable (namespace objects such as `console` are not).
    fn builtin_is_callable(f: HostFn) -> bool;
}

/// The realm's part of a host's state: what the engine itself reads and writes. A host's
/// state dereferences to it, so the engine reaches its heap and nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Realm<X> {
    /// Objects, environments, suspended frames and internal records.
    pub heap: Heap<X>,
}

impl<X> Default for Realm<X> {
    fn default() -> Self {
        Realm {
            heap: Heap::default(),
        }
    }
}

/// The host hooks (see the module documentation). `Self` is the host's whole state; the
/// engine reaches the [`Realm`] through it. It owns its data (`'static`), so an observing
/// tracer can be shown it as `dyn Any` ([`crate::trace::Tracer::observe`]).
pub trait HostHooks: Sized + 'static + DerefMut<Target = Realm<Self::Data>> {
    /// The host's exotic objects and built-in names.
    type Data: HostData;
    /// What the host keeps per macro-step while the agent runs (not part of the state).
    type Step: Default;

    /// HostEnqueuePromiseJob (§9.5.5, ES-2): queue `job`; `queued_by` is the rule that
    /// queued it (for traces).
    fn host_enqueue_promise_job(agent: &mut Agent<'_, Self>, job: Job, queued_by: &'static str);

    /// HostPromiseRejectionTracker (§27.2.1.9, ES-13).
    fn host_promise_rejection_tracker(
        agent: &mut Agent<'_, Self>,
        promise: ObjId,
        op: RejectionOperation,
    );

    /// The value of a host-defined global binding.
    fn host_global(agent: &mut Agent<'_, Self>, g: HostGlobal) -> JsResult<Value>;

    /// A host-defined property of the global object read as `globalThis.key` (`None`: the
    /// host defines no such property).
    fn host_global_property(agent: &mut Agent<'_, Self>, key: &str) -> Option<JsResult<Value>>;

    /// [[Call]] of a host built-in.
    fn host_call(
        agent: &mut Agent<'_, Self>,
        f: HostFn,
        this: Value,
        args: Vec<Value>,
    ) -> JsResult<Value>;

    /// [[Construct]] of a host built-in (`None`: not a constructor).
    fn host_construct(
        agent: &mut Agent<'_, Self>,
        f: HostFn,
        args: Vec<Value>,
    ) -> Option<JsResult<Value>>;

    /// [[Get]] of a property the host defines on `v` (a host built-in's statics, a host
    /// object's accessors); `None`: ordinary lookup goes on.
    fn host_get(agent: &mut Agent<'_, Self>, v: &Value, key: &str) -> Option<JsResult<Value>>;

    /// An inherited property of a host object (its prototype chain), without running code.
    fn host_prototype_get(agent: &Agent<'_, Self>, id: ObjId, key: &str) -> Option<Value>;

    /// [[Set]] of a property the host defines on `target`; `None`: ordinary assignment.
    fn host_set(
        agent: &mut Agent<'_, Self>,
        target: &Value,
        key: &str,
        v: &Value,
    ) -> Option<JsResult<()>>;

    /// The current time value in ms (§21.4.2.1 step 2; `Date.now()`).
    fn host_current_time(agent: &mut Agent<'_, Self>) -> u64;

    /// A loop's back-edge (`Instr::Loop`): where a model host lets time pass in a loop
    /// that watches the clock (MODEL-1).
    fn loop_back_edge(agent: &mut Agent<'_, Self>) {
        let _ = agent;
    }

    /// The host's clock for trace lines.
    fn trace_clock(&self) -> u64;

    /// RT-2: the host's engine (JavaScriptCore) runs `Promise.prototype.finally` without the
    /// spec's thenFinally/catchFinally wrappers.
    fn finally_without_wrapper(&self) -> bool {
        false
    }

    /// The host's reaction to a rejected module evaluation (top-level await rejected, the
    /// promise of ECMA-262 §16.2.1.5.3.1 Evaluate): report the error as uncaught.
    fn host_module_evaluation_rejected(agent: &mut Agent<'_, Self>, reason: Value) -> JsResult<()>;

    /// HTML "report an exception" (HTML-7) for an error thrown by a job the host queued
    /// (a `queueMicrotask` callback); Node routes it to `process` (NODE-11).
    fn host_report_exception(agent: &mut Agent<'_, Self>, error: Value) -> JsResult<()>;

    /// A short description of a host object for error messages.
    fn host_describe(agent: &Agent<'_, Self>, v: &Value) -> Option<String> {
        let _ = (agent, v);
        None
    }
}
