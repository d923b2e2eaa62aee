//! The instruction loop: one IR instruction at a time, with `try` handlers and `finally`
//! completions (ECMA-262 §14.15 TryStatement evaluation) and `await` suspension (ES-9).

use crate::elements::{INVALID_ARRAY_LENGTH, MAX_ARRAY_LENGTH};
use crate::heap::{ErrorKind, ObjKind, Prop};
use crate::host::HostHooks;
use crate::ir::{Constant, Global, Instr, UnOp};
use crate::value::{ObjId, Value};

use super::frame::{Completion, Frame, Handler};
use super::{Agent, FrameExit, JsResult, Resume, Unwind};
use crate::trace::ExecutionContext;

/// What an instruction asks the loop to do next.
enum Flow {
    Next,
    Exit(FrameExit),
}

impl<H: HostHooks> Agent<'_, H> {
    /// Runs `frame` until it returns, throws out, or suspends at an `await`. `cell` is the
    /// heap cell the frame was resumed from (reused when it suspends again).
    pub fn run_frame(
        &mut self,
        mut frame: Frame,
        cell: Option<ObjId>,
        resume: Resume,
    ) -> JsResult<FrameExit> {
        let mut cell = cell;
        // ECMA-262 §9.4: push the context (kept only for an observing tracer).
        if let Some(contexts) = self.contexts.as_mut() {
            contexts.push(ExecutionContext {
                func: frame.func,
                pc: frame.pc,
            });
        }
        let exit = 'run: {
            match resume {
                Resume::Start => {}
                Resume::Value(v) => frame.stack.push(v),
                Resume::Throw(e) => {
                    if !self.unwind(&mut frame, e.clone()) {
                        break 'run Err(Unwind::Throw(e));
                    }
                }
            }
            // The code is read once per frame, not once per instruction: the program never
            // changes while it runs, and a frame runs one function (an `await` replaces the
            // frame only as it leaves this loop).
            let program = self.program.clone();
            let code = &program.functions[frame.func as usize].code;
            loop {
                if self.fuel == 0
                    && let Err(e) = self.refuel(1)
                {
                    break 'run Err(e);
                }
                self.fuel -= 1;
                let Some(instr) = code.get(frame.pc as usize) else {
                    break 'run Ok(FrameExit::Return(Value::Undefined));
                };
                frame.pc += 1;
                match self.step(&mut frame, &mut cell, instr) {
                    Ok(Flow::Next) => {}
                    Ok(Flow::Exit(exit)) => break 'run Ok(exit),
                    Err(Unwind::Throw(e)) => {
                        if !self.unwind(&mut frame, e.clone()) {
                            break 'run Err(Unwind::Throw(e));
                        }
                    }
                    Err(d) => break 'run Err(d),
                }
            }
        };
        if let Some(contexts) = self.contexts.as_mut() {
            contexts.pop();
        }
        exit
    }

    /// For an observing tracer: the running context is at instruction `pc` (a call or an
    /// `await`, the instructions during which rules fire).
    fn note_pc(&mut self, pc: u32) {
        if let Some(top) = self.contexts.as_mut().and_then(|c| c.last_mut()) {
            top.pc = pc;
        }
    }

    /// Transfers control to the innermost handler: its `catch` block with the exception, or
    /// its `finally` block with a throw completion. Returns false if there is none.
    fn unwind(&mut self, frame: &mut Frame, e: Value) -> bool {
        while let Some(h) = frame.handlers.pop() {
            frame.stack.truncate(h.stack_len as usize);
            frame.completions.truncate(h.completions_len as usize);
            frame.env = h.env;
            if let Some(c) = h.catch {
                frame.stack.push(e);
                frame.pc = c;
                return true;
            }
            if let Some(f) = h.finally {
                frame.completions.push(Completion::Throw(e));
                frame.pc = f;
                return true;
            }
        }
        false
    }

    /// `return v`: runs enclosing `finally` blocks with a return completion first.
    fn do_return(&mut self, frame: &mut Frame, v: Value) -> Flow {
        while let Some(h) = frame.handlers.pop() {
            if let Some(f) = h.finally {
                frame.stack.truncate(h.stack_len as usize);
                frame.completions.truncate(h.completions_len as usize);
                frame.env = h.env;
                frame.completions.push(Completion::Return(v));
                frame.pc = f;
                return Flow::Next;
            }
        }
        Flow::Exit(FrameExit::Return(v))
    }

    fn pop(frame: &mut Frame) -> Value {
        frame.stack.pop().unwrap_or(Value::Undefined)
    }

    fn pop_n(frame: &mut Frame, n: u32) -> Vec<Value> {
        let at = frame.stack.len().saturating_sub(n as usize);
        frame.stack.split_off(at)
    }

    /// The loop state `[list, i]` on top of the stack of a `for…of` or `for…in`.
    fn iteration_state(frame: &Frame) -> (Value, u32) {
        let i = match frame.stack.last() {
            Some(Value::Number(n)) => n.get() as u32,
            _ => 0,
        };
        let list = frame
            .stack
            .len()
            .checked_sub(2)
            .and_then(|k| frame.stack.get(k))
            .cloned()
            .unwrap_or(Value::Undefined);
        (list, i)
    }

    /// Ends a loop step: `[list, i] -> [list, next_i, value]`, or, when done, pops the
    /// state and jumps to `exit`.
    fn iteration_step(frame: &mut Frame, next: Option<(Value, u32)>, exit: u32) {
        match next {
            Some((v, next_i)) => {
                if let Some(last) = frame.stack.last_mut() {
                    *last = Value::num(f64::from(next_i));
                }
                frame.stack.push(v);
            }
            None => {
                frame.stack.pop();
                frame.stack.pop();
                frame.pc = exit;
            }
        }
    }

    /// The environment `depth` levels out from the frame's current one.
    pub(super) fn env_at(&self, frame: &Frame, depth: u32) -> Option<ObjId> {
        let mut env = frame.env;
        for _ in 0..depth {
            match &self.st.heap.get(env).kind {
                ObjKind::Env {
                    parent: Some(p), ..
                } => env = *p,
                _ => return None,
            }
        }
        Some(env)
    }

    /// Executes one instruction. Those that can run JavaScript (calls, `new`, property
    /// access through accessors, conversions and operators, `await`) run in small functions
    /// of their own, away from [`Agent::step_local`]'s large match: an unoptimised build
    /// gives a function's frame room for the locals of every arm, and each nested JavaScript
    /// call puts this dispatch on the Rust stack again, so [`super::MAX_CALL_DEPTH`] nested
    /// calls must fit a test thread's 2 MiB stack.
    fn step(
        &mut self,
        frame: &mut Frame,
        cell: &mut Option<ObjId>,
        instr: &Instr,
    ) -> JsResult<Flow> {
        match instr {
            Instr::Call { .. }
            | Instr::CallMethod { .. }
            | Instr::CallSpread
            | Instr::CallMethodSpread
            | Instr::New { .. } => {
                self.note_pc(frame.pc - 1);
                self.step_call(frame, instr)?
            }
            Instr::GetProp(_)
            | Instr::SetProp(_)
            | Instr::ToPropertyKey
            | Instr::GetIndex
            | Instr::SetIndex
            | Instr::DefineIndex
            | Instr::Delete { .. } => self.step_property(frame, instr)?,
            Instr::Binary(_)
            | Instr::Unary(_)
            | Instr::Inc
            | Instr::Dec
            | Instr::ToNumber
            | Instr::ToStr => self.step_operator(frame, instr)?,
            Instr::IterStep { .. }
            | Instr::IterRest { .. }
            | Instr::RequireObjectCoercible
            | Instr::Pick(_)
            | Instr::ObjectRest
            | Instr::ObjectSpread
            | Instr::NewSpread => self.step_destructure(frame, instr)?,
            Instr::MakeClass { .. }
            | Instr::DefineMethod { .. }
            | Instr::LoadThisChecked { .. }
            | Instr::BindThis { .. }
            | Instr::GetSuperConstructor
            | Instr::SuperConstruct { .. }
            | Instr::SuperConstructSpread
            | Instr::SuperGet
            | Instr::SuperSet => {
                self.note_pc(frame.pc - 1);
                self.step_class(frame, instr)?
            }
            Instr::NewPrivateName(_)
            | Instr::PrivateGet
            | Instr::PrivateSet
            | Instr::PrivateFieldAdd
            | Instr::PrivateMethodAdd(_)
            | Instr::PrivateIn => {
                self.note_pc(frame.pc - 1);
                self.step_private(frame, instr)?
            }
            Instr::ForInInit => {
                let v = Self::pop(frame);
                let list = self.for_in_keys(&v)?;
                frame.stack.push(list);
                frame.stack.push(Value::num(1.0));
            }
            Instr::ForInNext { exit } => {
                let (list, i) = Self::iteration_state(frame);
                let next = self.for_in_next(&list, i)?;
                Self::iteration_step(frame, next, *exit);
            }
            Instr::Await => {
                self.note_pc(frame.pc - 1);
                let v = Self::pop(frame);
                return self.await_value(frame, cell, v);
            }
            _ => return self.step_local(frame, instr),
        }
        Ok(Flow::Next)
    }

    /// Calls and `new` (ECMA-262 §13.3.6 EvaluateCall, §13.3.5 EvaluateNew).
    fn step_call(&mut self, frame: &mut Frame, instr: &Instr) -> JsResult<()> {
        match instr {
            Instr::Call { argc } => {
                let args = Self::pop_n(frame, *argc);
                let f = Self::pop(frame);
                let r = self.call(&f, Value::Undefined, args)?;
                frame.stack.push(r);
            }
            Instr::CallMethod { argc } => {
                let args = Self::pop_n(frame, *argc);
                let f = Self::pop(frame);
                let this = Self::pop(frame);
                let r = self.call(&f, this, args)?;
                frame.stack.push(r);
            }
            Instr::CallSpread | Instr::CallMethodSpread => {
                let arr = Self::pop(frame);
                let f = Self::pop(frame);
                let this = if matches!(instr, Instr::CallMethodSpread) {
                    Self::pop(frame)
                } else {
                    Value::Undefined
                };
                let args = self.array_elements(&arr)?;
                let r = self.call(&f, this, args)?;
                frame.stack.push(r);
            }
            Instr::New { argc } => {
                let args = Self::pop_n(frame, *argc);
                let ctor = Self::pop(frame);
                let r = self.construct(&ctor, args)?;
                frame.stack.push(r);
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether the running code is strict mode code (§11.2.2).
    fn is_strict(&self, frame: &Frame) -> bool {
        self.program
            .functions
            .get(frame.func as usize)
            .is_some_and(|f| f.strict)
    }

    /// Property reads and writes (§13.3.2 property accessors, §13.15.2 assignment) and
    /// computed keys in object literals (§13.2.5.5).
    fn step_property(&mut self, frame: &mut Frame, instr: &Instr) -> JsResult<()> {
        match instr {
            Instr::GetProp(name) => {
                let obj = Self::pop(frame);
                let v = self.get_v(&obj, name)?;
                frame.stack.push(v);
            }
            Instr::SetProp(name) => {
                let v = Self::pop(frame);
                let obj = Self::pop(frame);
                let strict = self.is_strict(frame);
                self.put_value(&obj, name, v.clone(), strict)?;
                frame.stack.push(v);
            }
            Instr::Delete { strict } => {
                let key = Self::pop(frame);
                let base = Self::pop(frame);
                let deleted = self.delete_property_reference(&base, &key, *strict)?;
                frame.stack.push(Value::Bool(deleted));
            }
            Instr::ToPropertyKey => {
                let key = Self::pop(frame);
                let obj = frame.stack.last().cloned().unwrap_or(Value::Undefined);
                self.require_base_object(&obj, &key, false)?;
                let key = self.to_property_key(&key)?;
                frame.stack.push(Value::String(key));
            }
            Instr::GetIndex => {
                let key = Self::pop(frame);
                let obj = Self::pop(frame);
                self.require_base_object(&obj, &key, false)?;
                let key = self.to_property_key(&key)?;
                let v = self.get_v(&obj, &key)?;
                frame.stack.push(v);
            }
            Instr::SetIndex => {
                let v = Self::pop(frame);
                let key = Self::pop(frame);
                let obj = Self::pop(frame);
                self.require_base_object(&obj, &key, true)?;
                let key = self.to_property_key(&key)?;
                let strict = self.is_strict(frame);
                self.put_value(&obj, &key, v.clone(), strict)?;
                frame.stack.push(v);
            }
            Instr::DefineIndex => {
                let v = Self::pop(frame);
                let key = Self::pop(frame);
                let key = self.to_property_key(&key)?;
                if let Some(Value::Object(id)) = frame.stack.last() {
                    self.st.heap.get_mut(*id).set_own(&key, Prop::Data(v));
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Operators and the conversions the compiler emits (§13.4–§13.12).
    fn step_operator(&mut self, frame: &mut Frame, instr: &Instr) -> JsResult<()> {
        match instr {
            Instr::Binary(op) => {
                let b = Self::pop(frame);
                let a = Self::pop(frame);
                let r = self.binary(*op, &a, &b)?;
                frame.stack.push(r);
            }
            Instr::Unary(op) => {
                let a = Self::pop(frame);
                let r = match op {
                    UnOp::Neg => Value::num(-self.to_number(&a)?),
                    UnOp::Plus => Value::num(self.to_number(&a)?),
                    UnOp::Not => Value::Bool(!a.to_boolean()),
                    UnOp::BitNot => Value::num(!(self.to_int32(&a)?) as f64),
                    UnOp::TypeOf => Value::str(self.type_of(&a)),
                    UnOp::Void => Value::Undefined,
                };
                frame.stack.push(r);
            }
            Instr::Inc | Instr::Dec => {
                let a = Self::pop(frame);
                let n = self.to_number(&a)?;
                let d = if matches!(instr, Instr::Inc) {
                    1.0
                } else {
                    -1.0
                };
                frame.stack.push(Value::num(n + d));
            }
            Instr::ToNumber => {
                let a = Self::pop(frame);
                let n = self.to_number(&a)?;
                frame.stack.push(Value::num(n));
            }
            Instr::ToStr => {
                let a = Self::pop(frame);
                let s = self.to_string(&a)?;
                frame.stack.push(Value::String(s));
            }
            _ => {}
        }
        Ok(())
    }

    /// The instructions that run no JavaScript of their own.
    fn step_local(&mut self, frame: &mut Frame, instr: &Instr) -> JsResult<Flow> {
        match instr {
            Instr::Const(c) => frame.stack.push(match c {
                Constant::Undefined => Value::Undefined,
                Constant::Null => Value::Null,
                Constant::Bool(b) => Value::Bool(*b),
                Constant::Number(n) => Value::num(*n),
                Constant::String(s) => Value::String(s.clone()),
            }),
            Instr::LoadVar { depth, slot } => {
                let env = self.env_at(frame, *depth);
                let v = match env.map(|e| &self.st.heap.get(e).kind) {
                    Some(ObjKind::Env { slots, .. }) => slots.get(*slot as usize).cloned(),
                    _ => None,
                };
                match v {
                    Some(Value::Hole) => {
                        return self.throw(
                            ErrorKind::ReferenceError,
                            "Cannot access a binding before initialization",
                        );
                    }
                    Some(v) => frame.stack.push(v),
                    None => frame.stack.push(Value::Undefined),
                }
            }
            Instr::StoreVar { depth, slot } => {
                let v = Self::pop(frame);
                if let Some(env) = self.env_at(frame, *depth) {
                    self.set_binding(env, *slot, v);
                }
            }
            Instr::LoadGlobal(g) => {
                let v = match (*g, crate::builtins::es_global_value(*g)) {
                    (Global::Host(h), _) => H::host_global(self, h)?,
                    (_, Some(v)) => v,
                    (_, None) => Value::Undefined,
                };
                frame.stack.push(v);
            }
            Instr::LoadThis => frame.stack.push(frame.this.clone()),
            Instr::Pop => {
                frame.stack.pop();
            }
            Instr::Dup => {
                let v = frame.stack.last().cloned().unwrap_or(Value::Undefined);
                frame.stack.push(v);
            }
            Instr::Dup2 => {
                let n = frame.stack.len();
                if n >= 2 {
                    let a = frame.stack[n - 2].clone();
                    let b = frame.stack[n - 1].clone();
                    frame.stack.push(a);
                    frame.stack.push(b);
                }
            }
            Instr::Swap => {
                let n = frame.stack.len();
                if n >= 2 {
                    frame.stack.swap(n - 1, n - 2);
                }
            }
            Instr::Rot3 => {
                let n = frame.stack.len();
                if n >= 3 {
                    let c = frame.stack.remove(n - 1);
                    frame.stack.insert(n - 3, c);
                }
            }
            Instr::MakeClosure(func) => {
                let this = frame.this.clone();
                let is_arrow = self
                    .program
                    .functions
                    .get(*func as usize)
                    .is_some_and(|f| f.kind.is_arrow());
                let closure = crate::heap::Closure {
                    func: *func,
                    env: frame.env,
                    this: if is_arrow { this } else { Value::Undefined },
                };
                self.capture_environment(frame.env);
                let id = self.alloc(ObjKind::Function(closure));
                frame.stack.push(Value::Object(id));
            }
            Instr::NewObject => {
                let id = self.alloc(ObjKind::Ordinary);
                frame.stack.push(Value::Object(id));
            }
            Instr::DefineField(name) => {
                let v = Self::pop(frame);
                if let Some(Value::Object(id)) = frame.stack.last() {
                    let id = *id;
                    let obj = self.st.heap.get(id);
                    if obj.non_extensible || obj.get_own(name).is_some_and(|p| !p.is_configurable())
                    {
                        // CreateDataPropertyOrThrow (§7.3.7) of a class field (DefineField,
                        // §7.3.33 step 6) on an object that refuses it: a TypeError. An
                        // object literal's own object always accepts (it is new).
                        let desc =
                            super::descriptor::PropertyDescriptor::data(v, crate::heap::Attrs::ALL);
                        self.define_property_or_throw(&Value::Object(id), name, desc)?;
                    } else {
                        self.st.heap.get_mut(id).set_own(name, Prop::Data(v));
                    }
                }
            }
            Instr::DefineGetter(name) | Instr::DefineSetter(name) => {
                let f = Self::pop(frame);
                let is_get = matches!(instr, Instr::DefineGetter(_));
                if let Some(Value::Object(id)) = frame.stack.last() {
                    let obj = self.st.heap.get_mut(*id);
                    let (mut get, mut set) = match obj.get_own(name) {
                        Some(Prop::Accessor { get, set, .. }) => (get.clone(), set.clone()),
                        _ => (None, None),
                    };
                    if is_get {
                        get = Some(f);
                    } else {
                        set = Some(f);
                    }
                    obj.set_own(
                        name,
                        Prop::Accessor {
                            get,
                            set,
                            enumerable: true,
                        },
                    );
                }
            }
            Instr::NewArray { len } => {
                let items = Self::pop_n(frame, *len);
                let id = self.alloc(ObjKind::Array(items.into()));
                frame.stack.push(Value::Object(id));
            }
            // §13.2.4.1 ArrayAccumulation: an element, or a spread's values, at the next index.
            Instr::ArrayPush | Instr::ArraySpread => {
                let v = Self::pop(frame);
                let items = match instr {
                    Instr::ArraySpread => self.iterate_to_list(&v)?,
                    _ => vec![v],
                };
                if let Some(Value::Object(id)) = frame.stack.last()
                    && let ObjKind::Array(arr) = &mut self.st.heap.get_mut(*id).kind
                    && !items.into_iter().all(|x| arr.push(x))
                {
                    return self.throw(ErrorKind::RangeError, INVALID_ARRAY_LENGTH);
                }
            }
            Instr::ArrayElision => {
                if let Some(Value::Object(id)) = frame.stack.last()
                    && let ObjKind::Array(arr) = &mut self.st.heap.get_mut(*id).kind
                {
                    // Elision : Elision `,` steps 1–2: len = nextIndex + 1, Set(array,
                    // "length", len).
                    let len = arr.len();
                    if len == MAX_ARRAY_LENGTH {
                        return self.throw(ErrorKind::RangeError, INVALID_ARRAY_LENGTH);
                    }
                    arr.set_len(len + 1);
                }
            }
            Instr::Jump(a) => frame.pc = *a,
            Instr::Loop(a) => {
                frame.pc = *a;
                H::loop_back_edge(self);
            }
            Instr::JumpIfFalse(a) => {
                if !Self::pop(frame).to_boolean() {
                    frame.pc = *a;
                }
            }
            Instr::JumpIfTrue(a) => {
                if Self::pop(frame).to_boolean() {
                    frame.pc = *a;
                }
            }
            Instr::JumpIfFalseKeep(a) => {
                let truthy = frame.stack.last().is_some_and(Value::to_boolean);
                if truthy {
                    frame.stack.pop();
                } else {
                    frame.pc = *a;
                }
            }
            Instr::JumpIfTrueKeep(a) => {
                let truthy = frame.stack.last().is_some_and(Value::to_boolean);
                if truthy {
                    frame.pc = *a;
                } else {
                    frame.stack.pop();
                }
            }
            Instr::JumpIfNotNullishKeep(a) => {
                let nullish = frame.stack.last().is_none_or(Value::is_nullish);
                if nullish {
                    frame.stack.pop();
                } else {
                    frame.pc = *a;
                }
            }
            Instr::PushEnv { size } => {
                let slots = vec![Value::Hole; *size as usize];
                frame.env = self.alloc(ObjKind::Env {
                    parent: Some(frame.env),
                    slots,
                    arguments: None,
                    captured: Default::default(),
                });
            }
            Instr::PopEnv => {
                if let ObjKind::Env {
                    parent: Some(p), ..
                } = &self.st.heap.get(frame.env).kind
                {
                    frame.env = *p;
                }
            }
            Instr::CopyEnv => self.create_per_iteration_environment(frame),
            Instr::IterInit => {
                let v = Self::pop(frame);
                let list = match &v {
                    Value::String(_) => {
                        let items = self.iterate_to_list(&v)?;
                        Value::Object(self.alloc(ObjKind::Array(items.into())))
                    }
                    Value::Object(id)
                        if matches!(
                            self.st.heap.get(*id).kind,
                            ObjKind::Array(_) | ObjKind::Arguments(_)
                        ) =>
                    {
                        v
                    }
                    _ => {
                        let d = self.describe(&v);
                        return self.throw(ErrorKind::TypeError, &format!("{d} is not iterable"));
                    }
                };
                frame.stack.push(list);
                frame.stack.push(Value::num(0.0));
            }
            Instr::IterNext { exit } => {
                let (arr, i) = Self::iteration_state(frame);
                let item = match arr {
                    Value::Object(id) => match &self.st.heap.get(id).kind {
                        // The array iterator (§23.1.5.1 step 2.b): up to the live length,
                        // holes read as undefined; Get(O, index) of an element stored with
                        // attributes.
                        ObjKind::Array(items)
                            if i < items.len()
                                && self.st.heap.get(id).get_own(&i.to_string()).is_some() =>
                        {
                            Some(self.get_v(&Value::Object(id), &i.to_string())?)
                        }
                        ObjKind::Array(items) if i < items.len() => Some(items.read(i)),
                        // An arguments object's @@iterator is %Array.prototype.values%.
                        ObjKind::Arguments(_) => {
                            self.array_like_iterator_next(&Value::Object(id), i)?
                        }
                        _ => None,
                    },
                    _ => None,
                };
                let next = item.map(|v| (v, i + 1));
                Self::iteration_step(frame, next, *exit);
            }
            Instr::Throw => {
                let v = Self::pop(frame);
                return Err(Unwind::Throw(v));
            }
            Instr::ThrowConstAssignment(name) => {
                return self.throw(
                    ErrorKind::TypeError,
                    &format!("Assignment to constant variable '{name}'."),
                );
            }
            Instr::ThrowReferenceError(name) => {
                return self.throw(ErrorKind::ReferenceError, &format!("{name} is not defined"));
            }
            Instr::Return => {
                let v = Self::pop(frame);
                return Ok(self.do_return(frame, v));
            }
            Instr::PushHandler { catch, finally } => {
                frame.handlers.push(Handler {
                    catch: *catch,
                    finally: *finally,
                    stack_len: frame.stack.len() as u32,
                    env: frame.env,
                    completions_len: frame.completions.len() as u32,
                });
            }
            Instr::PopHandler => {
                frame.handlers.pop();
            }
            Instr::EnterFinally => frame.completions.push(Completion::Normal),
            Instr::EndFinally => match frame.completions.pop() {
                Some(Completion::Throw(e)) => return Err(Unwind::Throw(e)),
                Some(Completion::Return(v)) => return Ok(self.do_return(frame, v)),
                Some(Completion::Normal) | None => {}
            },

            Instr::Call { .. }
            | Instr::CallMethod { .. }
            | Instr::CallSpread
            | Instr::CallMethodSpread
            | Instr::New { .. }
            | Instr::GetProp(_)
            | Instr::SetProp(_)
            | Instr::ToPropertyKey
            | Instr::GetIndex
            | Instr::SetIndex
            | Instr::DefineIndex
            | Instr::Delete { .. }
            | Instr::Binary(_)
            | Instr::Unary(_)
            | Instr::Inc
            | Instr::Dec
            | Instr::ToNumber
            | Instr::ToStr
            | Instr::IterStep { .. }
            | Instr::IterRest { .. }
            | Instr::RequireObjectCoercible
            | Instr::Pick(_)
            | Instr::ObjectRest
            | Instr::ObjectSpread
            | Instr::NewSpread
            | Instr::ForInInit
            | Instr::ForInNext { .. }
            | Instr::MakeClass { .. }
            | Instr::DefineMethod { .. }
            | Instr::LoadThisChecked { .. }
            | Instr::BindThis { .. }
            | Instr::GetSuperConstructor
            | Instr::SuperConstruct { .. }
            | Instr::SuperConstructSpread
            | Instr::SuperGet
            | Instr::SuperSet
            | Instr::NewPrivateName(_)
            | Instr::PrivateGet
            | Instr::PrivateSet
            | Instr::PrivateFieldAdd
            | Instr::PrivateMethodAdd(_)
            | Instr::PrivateIn
            | Instr::Await => unreachable!("{instr:?} is dispatched by `step`"),
        }
        Ok(Flow::Next)
    }

    /// ES-9 Await(value) (§27.7.5.3) steps 2–10: `PromiseResolve(%Promise%, value)`, then
    /// `PerformPromiseThen(promise, onFulfilled, onRejected)` with no result capability, then
    /// suspend: the frame goes to the heap and control returns to the caller.
    fn await_value(
        &mut self,
        frame: &mut Frame,
        cell: &mut Option<ObjId>,
        v: Value,
    ) -> JsResult<Flow> {
        // Step 2: may throw (a `constructor` getter), which throws into the async function.
        let promise = self.promise_resolve_intrinsic(v)?;
        let id = match *cell {
            Some(id) => id,
            None => {
                let id = self.alloc(ObjKind::FrameTaken);
                *cell = Some(id);
                id
            }
        };
        // Steps 3–6: the continuation closures.
        let on_fulfilled = self.alloc(ObjKind::Native(
            crate::es::native::NativeFn::AwaitFulfilled { frame: id },
        ));
        let on_rejected = self.alloc(ObjKind::Native(
            crate::es::native::NativeFn::AwaitRejected { frame: id },
        ));
        // Step 7.
        self.perform_promise_then(
            promise,
            Value::Object(on_fulfilled),
            Value::Object(on_rejected),
            None,
        );
        self.trace("ES-9", || "await: async function suspended".into());
        // Step 8: suspend.
        let saved = std::mem::replace(
            frame,
            Frame {
                func: 0,
                pc: 0,
                stack: Vec::new(),
                env: frame.env,
                this: Value::Undefined,
                handlers: Vec::new(),
                completions: Vec::new(),
                async_promise: None,
            },
        );
        self.st.heap.get_mut(id).kind = ObjKind::Frame(Box::new(saved));
        Ok(Flow::Exit(super::FrameExit::Suspended))
    }
}
