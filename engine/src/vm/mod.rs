//! The agent: executes IR frames, calls functions and reads and writes properties.
//!
//! This is ECMA-262's evaluation machinery reduced to what the IR needs. Everything host- or
//! promise-specific lives in `crate::host` and `crate::es`.

pub mod class;
pub mod define;
pub mod delete;
pub mod descriptor;
pub mod destructure;
mod env;
pub mod for_in;
pub mod frame;
pub mod interp;
pub mod ops;
pub mod own_keys;
pub mod primitive;
pub mod private;
pub mod props;
pub mod proto;

use crate::host::HostHooks;
use std::sync::Arc;

use crate::es::promise::{Job, RejectionOperation};
use crate::heap::{Closure, ErrorKind, Obj, ObjKind, Prop};
use crate::ir::Program;
use crate::limits::{Budget, LimitKind};
use crate::trace::{ExecutionContext, TraceEvent, Tracer};
use crate::value::{ObjId, Value};
use frame::Frame;

/// Why evaluation stopped early: a JavaScript exception, or the model giving up.
#[derive(Clone, Debug, PartialEq)]
pub enum Unwind {
    /// A throw completion carrying the thrown value.
    Throw(Value),
    /// MODEL-2: the run does not terminate (the host saw a cycle): the outcome is `diverged`.
    Diverge(String),
    /// The run reached one of its limits ([`crate::limits`]): the outcome is `incomplete`.
    Limit(LimitKind),
    /// The process exited (Node's `process.exit`, or an uncaught exception): nothing more runs.
    Exit(i32),
}

/// The result of evaluating something that may throw.
pub type JsResult<T> = Result<T, Unwind>;

/// How a frame stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameExit {
    Return(Value),
    /// An async function suspended at `await` (ES-9 step 8); its frame is on the heap.
    Suspended,
}

/// How a frame is (re)entered.
#[derive(Clone, Debug, PartialEq)]
pub enum Resume {
    Start,
    /// Resumed by an await reaction with a normal completion (ES-9 step 3).
    Value(Value),
    /// Resumed by an await reaction with a throw completion (ES-9 step 5).
    Throw(Value),
}

/// The maximum JavaScript call depth before a RangeError, as engines report stack overflow.
pub const MAX_CALL_DEPTH: u32 = 150;

impl<H: HostHooks> Drop for Agent<'_, H> {
    /// Gives the instructions drawn and not executed back to the run's budget.
    fn drop(&mut self) {
        self.budget.refund(self.fuel);
    }
}

/// The agent (ECMA-262 §9.7) running one macro-step of a host's state `H`.
pub struct Agent<'a, H: HostHooks> {
    /// The host's state; the engine reads and writes only its [`crate::host::Realm`].
    pub st: &'a mut H,
    pub program: Arc<Program>,
    pub tracer: &'a mut dyn Tracer,
    /// The run's limits and what it has spent of them (shared by every agent of the run).
    pub budget: Arc<Budget>,
    /// Instructions drawn from `budget` and not yet executed (given back when the agent ends).
    pub fuel: u64,
    /// Current JavaScript call depth (0: the execution-context stack is empty).
    pub depth: u32,
    /// What the host records while this step runs.
    pub host_step: H::Step,
    /// The arrays being joined now, innermost last (a cycle joins as `""`, as in V8).
    pub(crate) joining: Vec<ObjId>,
    /// The execution context stack, outermost first — kept only for a tracer that
    /// [observes](Tracer::observes) (`evloop explain`); `None` otherwise.
    pub contexts: Option<Vec<ExecutionContext>>,
}

impl<'a, H: HostHooks> Agent<'a, H> {
    pub fn new(
        st: &'a mut H,
        program: Arc<Program>,
        tracer: &'a mut dyn Tracer,
        budget: Arc<Budget>,
    ) -> Agent<'a, H> {
        let contexts = tracer.observes().then(Vec::new);
        Agent {
            st,
            program,
            tracer,
            budget,
            fuel: 0,
            depth: 0,
            host_step: H::Step::default(),
            joining: Vec::new(),
            contexts,
        }
    }

    /// HostEnqueuePromiseJob (§9.5.5, ES-2), through the host.
    pub fn host_enqueue_promise_job(&mut self, job: Job, queued_by: &'static str) {
        H::host_enqueue_promise_job(self, job, queued_by)
    }

    /// HostPromiseRejectionTracker (§27.2.1.9, ES-13), through the host.
    pub fn host_promise_rejection_tracker(&mut self, promise: ObjId, op: RejectionOperation) {
        H::host_promise_rejection_tracker(self, promise, op)
    }

    /// The host's "report an exception" for an error a job it queued threw.
    pub fn report_exception(&mut self, e: Value) -> JsResult<()> {
        H::host_report_exception(self, e)
    }

    pub fn trace(&mut self, rule: &'static str, text: impl FnOnce() -> String) {
        if self.tracer.enabled() {
            let ev = TraceEvent {
                rule,
                text: text(),
                clock: self.st.trace_clock(),
            };
            if let Some(contexts) = &self.contexts {
                let host: &H = self.st;
                self.tracer.observe(host, &self.program, contexts);
            }
            self.tracer.event(ev);
        }
    }

    pub fn alloc(&mut self, kind: ObjKind<H::Data>) -> ObjId {
        self.st.heap.alloc_kind(kind)
    }

    /// Creates an error object of `kind` with `message` (ECMA-262 §20.5.6.1.1 steps 1–3;
    /// step 3.c, CreateNonEnumerableDataPropertyOrThrow).
    pub fn make_error(&mut self, kind: ErrorKind, message: &str) -> Value {
        let mut obj = Obj::new(ObjKind::Error(kind));
        obj.set_own("message", Prop::Hidden(Value::str(message)));
        Value::Object(self.st.heap.alloc(obj))
    }

    /// A throw completion carrying a new error.
    pub fn throw<T>(&mut self, kind: ErrorKind, message: &str) -> JsResult<T> {
        Err(Unwind::Throw(self.make_error(kind, message)))
    }

    /// Whether `v` is callable (ECMA-262 IsCallable).
    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Builtin(b) => b.is_callable::<H::Data>(),
            Value::Object(id) => matches!(
                self.st.heap.get(*id).kind,
                ObjKind::Function(_) | ObjKind::Native(_)
            ),
            _ => false,
        }
    }

    /// Spends `n` instructions of the run's budget (for built-ins that loop over something
    /// other than elements or calls); past a limit, the run ends incomplete.
    pub fn spend_fuel(&mut self, n: u64) -> JsResult<()> {
        if self.fuel < n {
            self.refuel(n - self.fuel)?;
        }
        self.fuel -= n;
        Ok(())
    }

    /// Draws at least `need` more instructions from the run's budget, checking its deadline
    /// and memory ([`Budget::draw`]).
    #[cold]
    pub fn refuel(&mut self, need: u64) -> JsResult<()> {
        match self.budget.draw(need) {
            Ok(n) => {
                self.fuel += n;
                Ok(())
            }
            Err(kind) => Err(Unwind::Limit(kind)),
        }
    }

    /// Whether `bytes` more fit in the run's memory limit, before a large allocation.
    pub fn reserve_memory(&mut self, bytes: u64) -> JsResult<()> {
        self.budget.reserve(bytes).map_err(Unwind::Limit)
    }

    /// Pushes an execution context for `f` (ECMA-262 §9.4 "push calleeContext onto the
    /// execution context stack"), runs it, and pops it. Every way into code goes through
    /// here — [`Agent::call`] (so getters, setters, bound functions and the callbacks of
    /// built-ins), [`Agent::construct`], the script and resumed async frames — so the stack
    /// is bounded by [`MAX_CALL_DEPTH`]: past it, a `RangeError` as engines report a stack
    /// overflow, instead of overflowing the Rust stack.
    pub fn enter<T>(&mut self, f: impl FnOnce(&mut Self) -> JsResult<T>) -> JsResult<T> {
        if self.depth >= MAX_CALL_DEPTH {
            return self.throw(ErrorKind::RangeError, "Maximum call stack size exceeded");
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// ECMA-262 Call(F, V, argumentsList) (§7.3.14).
    pub fn call(&mut self, f: &Value, this: Value, args: Vec<Value>) -> JsResult<Value> {
        self.enter(|agent| agent.call_inner(f, this, args))
    }

    fn call_inner(&mut self, f: &Value, this: Value, args: Vec<Value>) -> JsResult<Value> {
        match f {
            Value::Builtin(b) if b.is_callable::<H::Data>() => {
                crate::builtins::call(self, *b, this, args)
            }
            Value::Object(id) => match &self.st.heap.get(*id).kind {
                ObjKind::Function(c) => {
                    let c = c.clone();
                    self.call_closure(*id, &c, this, args)
                }
                ObjKind::Native(n) => {
                    let n = n.clone();
                    crate::es::native::call(self, *id, n, this, args)
                }
                _ => {
                    let name = self.describe(f);
                    self.throw(ErrorKind::TypeError, &format!("{name} is not a function"))
                }
            },
            _ => {
                let name = self.describe(f);
                self.throw(ErrorKind::TypeError, &format!("{name} is not a function"))
            }
        }
    }

    /// A short description of a value for error messages.
    pub fn describe(&self, v: &Value) -> String {
        H::host_describe(self, v)
            .unwrap_or_else(|| crate::format::inspect(&self.st.heap, &self.program, v))
    }

    /// [[Call]] of an ECMAScript function object (ECMA-262 §10.2.1), and for async functions
    /// EvaluateAsyncFunctionBody (§15.8.4, ES-10): a new promise capability, the body run
    /// synchronously until the first `await` (AsyncBlockStart), the promise returned.
    /// `callee` is the function object (a mapped arguments object's `callee`).
    pub fn call_closure(
        &mut self,
        callee: ObjId,
        c: &Closure,
        this: Value,
        args: Vec<Value>,
    ) -> JsResult<Value> {
        let program = self.program.clone();
        let func = &program.functions[c.func as usize];
        // Step 2: if F.[[IsClassConstructor]] is true, throw a TypeError (V8's message).
        if func.kind.is_class_constructor() {
            let name = func.name.as_deref().unwrap_or("");
            return self.throw(
                ErrorKind::TypeError,
                &format!("Class constructor {name} cannot be invoked without 'new'"),
            );
        }
        let is_async = func.kind.is_async();
        let mut frame = self.prepare_ordinary_call(callee, c, this, args, Value::Undefined);
        if is_async {
            let promise = self.new_promise();
            frame.async_promise = Some(promise);
            let r = self.run_frame(frame, None, Resume::Start);
            self.async_block_complete(promise, r)?;
            Ok(Value::Object(promise))
        } else {
            let env = frame.env;
            let r = self.run_frame(frame, None, Resume::Start);
            self.release_call_environment(env);
            match r? {
                FrameExit::Return(v) => Ok(v),
                FrameExit::Suspended => Ok(Value::Undefined),
            }
        }
    }

    /// PrepareForOrdinaryCall (§10.2.1.1) with OrdinaryCallBindThis (§10.2.1.2) and the
    /// parameter bindings of FunctionDeclarationInstantiation (§10.2.11): the function
    /// environment (its [[NewTarget]] in the function's `new_target` slot, a derived
    /// constructor's this binding uninitialised) and the frame that runs the body.
    pub(crate) fn prepare_ordinary_call(
        &mut self,
        callee: ObjId,
        c: &Closure,
        this: Value,
        args: Vec<Value>,
        new_target: Value,
    ) -> Frame {
        let program = self.program.clone();
        let func = &program.functions[c.func as usize];
        // FunctionDeclarationInstantiation (§10.2.11) step 22 needs the whole list.
        let arguments_list = func.arguments.as_ref().map(|_| args.clone());
        // Parameters are bound below; `var` slots are initialised by the function's code, and
        // `let`/`const` slots stay in their temporal dead zone until their declaration runs.
        let mut slots = vec![Value::Hole; func.env_size as usize];
        let params = func.params as usize;
        let mut args = args;
        if func.rest {
            let rest: Vec<Value> = if args.len() > params {
                args.split_off(params)
            } else {
                Vec::new()
            };
            let arr = self.alloc(ObjKind::Array(rest.into()));
            if let Some(s) = slots.get_mut(params) {
                *s = Value::Object(arr);
            }
        }
        for s in slots.iter_mut().take(params) {
            *s = Value::Undefined;
        }
        for (i, a) in args.into_iter().enumerate().take(params) {
            if let Some(s) = slots.get_mut(i) {
                *s = a;
            }
        }
        // §10.2.1.1 step 4 (NewFunctionEnvironment(F, newTarget)): [[NewTarget]].
        if let Some(s) = func.new_target.and_then(|i| slots.get_mut(i as usize)) {
            *s = new_target;
        }
        let env = self.alloc(ObjKind::Env {
            parent: Some(c.env),
            slots,
            arguments: None,
            captured: Default::default(),
        });
        if let (Some(binding), Some(list)) = (&func.arguments, arguments_list) {
            self.instantiate_arguments(binding, callee, env, &list);
        }
        let this = if func.kind.is_arrow() {
            c.this.clone()
        } else {
            this
        };
        Frame {
            func: c.func,
            pc: 0,
            stack: Vec::new(),
            env,
            this,
            handlers: Vec::new(),
            completions: Vec::new(),
            async_promise: None,
        }
    }

    /// ES-10, AsyncBlockStart step 2.e–g (§27.7.5.2): when the body completes, resolve the
    /// capability with the return value or reject it with the thrown value. A suspension
    /// leaves the promise pending.
    pub fn async_block_complete(&mut self, promise: ObjId, r: JsResult<FrameExit>) -> JsResult<()> {
        match r {
            Ok(FrameExit::Return(v)) => {
                self.trace("ES-10", || {
                    "async function returned; resolving its promise".into()
                });
                self.resolve_promise(promise, v)
            }
            Ok(FrameExit::Suspended) => Ok(()),
            Err(Unwind::Throw(e)) => {
                self.trace("ES-10", || {
                    "async function threw; rejecting its promise".into()
                });
                self.reject_promise(promise, e);
                Ok(())
            }
            Err(d) => Err(d),
        }
    }

    /// Runs the top-level script code (`functions[0]`) in `env`.
    pub fn run_script(&mut self, env: ObjId) -> JsResult<Value> {
        let mut frame = Frame {
            func: 0,
            pc: 0,
            stack: Vec::new(),
            env,
            this: Value::Undefined,
            handlers: Vec::new(),
            completions: Vec::new(),
            async_promise: None,
        };
        // A module's evaluation is asynchronous when it uses top-level await (ECMA-262
        // §16.2.1.5.3 ExecuteAsyncModule): its completion settles a promise.
        let module_promise = if self.program.is_module {
            let p = self.new_promise();
            frame.async_promise = Some(p);
            Some(p)
        } else {
            None
        };
        let r = self.enter(|agent| agent.run_frame(frame, None, Resume::Start));
        if let Some(p) = module_promise {
            self.async_block_complete(p, r)?;
            return Ok(Value::Object(p));
        }
        match r? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Suspended => Ok(Value::Undefined),
        }
    }

    /// ES-9 steps 3 and 5: resume the suspended async frame stored in `cell` with a normal
    /// or throw completion, then finish its body per ES-10 if it completes.
    pub fn resume_frame(&mut self, cell: ObjId, resume: Resume) -> JsResult<Value> {
        self.enter(|agent| {
            let heap = &mut agent.st.heap;
            let taken = std::mem::replace(&mut heap.get_mut(cell).kind, ObjKind::FrameTaken);
            let ObjKind::Frame(frame) = taken else {
                return Ok(());
            };
            let promise = frame.async_promise;
            let r = agent.run_frame(*frame, Some(cell), resume);
            match promise {
                Some(p) => agent.async_block_complete(p, r),
                None => r.map(|_| ()),
            }
        })?;
        Ok(Value::Undefined)
    }
}
