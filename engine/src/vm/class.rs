//! Classes (ECMA-262 §15.7): the objects of ClassDefinitionEvaluation (§15.7.14), DefineMethod
//! (§15.4.4), [[Construct]] of base and derived constructors (§10.2.2), SuperCall
//! (§13.3.7.1) and SuperProperty (§13.3.7.3), and the built-in constructors reached by a
//! subclass's `super(…)` with their newTarget (GetPrototypeFromConstructor, §10.1.14).
//!
//! The compile-time half (`evloop-js`, `compiler/class.rs`) keeps what the spec stores on
//! function objects in the class's environment instead: a method's [[HomeObject]] is the
//! prototype or the constructor held in a slot of the class scope, and a constructor's
//! [[Fields]] a closure (the field initialisers) in another; both are fixed for the life of
//! the method, as the spec's slots are.

use std::sync::Arc;

use crate::builtins::{Builtin, Intrinsic};
use crate::heap::{Closure, ErrorKind, ObjKind, Prop, Proto};
use crate::host::HostHooks;
use crate::ir::{FuncId, FunctionKind, Instr, MethodKind};
use crate::value::{ObjId, Value};

use super::frame::Frame;
use super::proto::Inherited;
use super::{Agent, FrameExit, JsResult, Resume};

/// V8's message for a derived constructor's `this` (or its return) before `super(…)`.
pub const THIS_BEFORE_SUPER: &str = "Must call super constructor in derived class before accessing 'this' or returning from derived constructor";

/// Whether `v` is an Object (§6.1.7): a heap object or a built-in one.
fn is_object(v: &Value) -> bool {
    matches!(v, Value::Object(_) | Value::Builtin(_))
}

/// The [[Prototype]] slot that designates the object `v` (or null) as the start of a
/// lookup.
fn proto_of_value(v: &Value) -> Proto {
    match v {
        Value::Object(p) => Proto::Object(*p),
        Value::Builtin(Builtin::Prototype(i)) => Proto::Intrinsic(*i),
        Value::Builtin(b) => Proto::Builtin(*b),
        _ => Proto::Null,
    }
}

impl<H: HostHooks> Agent<'_, H> {
    /// The class instructions (see [`Instr::MakeClass`] and the ones after it).
    pub(super) fn step_class(&mut self, frame: &mut Frame, instr: &Instr) -> JsResult<()> {
        let pop = |frame: &mut Frame| frame.stack.pop().unwrap_or(Value::Undefined);
        match instr {
            Instr::MakeClass { ctor, heritage } => {
                let superclass = heritage.then(|| pop(frame));
                let (f, proto) = self.make_class(*ctor, superclass, frame.env)?;
                frame.stack.push(f);
                frame.stack.push(proto);
            }
            Instr::DefineMethod {
                key,
                kind,
                enumerable,
            } => {
                let f = pop(frame);
                let key = match key {
                    Some(k) => k.clone(),
                    None => {
                        let k = pop(frame);
                        let k = self.to_property_key(&k)?;
                        self.set_function_name(&f, &k, *kind);
                        k
                    }
                };
                let obj = frame.stack.last().cloned().unwrap_or(Value::Undefined);
                self.define_method_property(&obj, &key, f, *kind, *enumerable)?;
            }
            Instr::LoadThisChecked { depth, slot } => {
                let v = self.this_binding(frame, *depth, *slot)?;
                frame.stack.push(v);
            }
            Instr::BindThis { depth, slot } => {
                let v = frame.stack.last().cloned().unwrap_or(Value::Undefined);
                self.bind_this_value(frame, *depth, *slot, v)?;
            }
            Instr::GetSuperConstructor => {
                let f = pop(frame);
                frame.stack.push(self.get_prototype_of(&f));
            }
            Instr::SuperConstruct { .. } | Instr::SuperConstructSpread => {
                let args = match instr {
                    Instr::SuperConstruct { argc } => {
                        let at = frame.stack.len().saturating_sub(*argc as usize);
                        frame.stack.split_off(at)
                    }
                    _ => {
                        let arr = pop(frame);
                        self.array_elements(&arr)?
                    }
                };
                let new_target = pop(frame);
                let func = pop(frame);
                let r = self.super_construct(&func, args, new_target)?;
                frame.stack.push(r);
            }
            Instr::SuperGet => {
                let home = pop(frame);
                let key = pop(frame);
                let this = pop(frame);
                let key = self.to_property_key(&key)?;
                let v = self.super_get(&this, &key, &home)?;
                frame.stack.push(v);
            }
            Instr::SuperSet => {
                let v = pop(frame);
                let home = pop(frame);
                let key = pop(frame);
                let this = pop(frame);
                let key = self.to_property_key(&key)?;
                self.super_set(&this, &key, &home, v.clone())?;
                frame.stack.push(v);
            }
            _ => {}
        }
        Ok(())
    }

    /// IsConstructor(argument) (§7.2.4): functions and class constructors, and the built-in
    /// constructors. A host-defined built-in answers when it is constructed.
    pub fn is_constructor(&self, v: &Value) -> bool {
        match v {
            Value::Object(id) => match &self.st.heap.get(*id).kind {
                ObjKind::Function(c) => self
                    .program
                    .functions
                    .get(c.func as usize)
                    .is_some_and(|f| f.kind.is_constructor()),
                // §10.4.1.3 BoundFunctionCreate step 5: a bound function has [[Construct]]
                // when its target has.
                ObjKind::Native(crate::es::native::NativeFn::Bound { target, .. }) => {
                    self.is_constructor(target)
                }
                _ => false,
            },
            Value::Builtin(b) => matches!(
                b,
                Builtin::PromiseCtor
                    | Builtin::DateCtor
                    | Builtin::ErrorCtor(_)
                    | Builtin::ArrayCtor
                    | Builtin::StringCtor
                    | Builtin::NumberCtor
                    | Builtin::BooleanCtor
                    | Builtin::ObjectCtor
                    | Builtin::FunctionCtor
                    | Builtin::Host(_)
            ),
            _ => false,
        }
    }

    /// ClassDefinitionEvaluation (§15.7.14) steps 8–18: the prototype and the constructor
    /// F of a class, F a closure of `ctor` over `env` (the class scope).
    fn make_class(
        &mut self,
        ctor: FuncId,
        superclass: Option<Value>,
        env: ObjId,
    ) -> JsResult<(Value, Value)> {
        // Step 8 (no ClassHeritage): protoParent is %Object.prototype%, constructorParent
        // %Function.prototype%.
        let (proto_parent, constructor_parent) = match superclass {
            None => (Value::Builtin(Builtin::Prototype(Intrinsic::Object)), None),
            // Step 8.e: superclass null: protoParent null, constructorParent
            // %Function.prototype%.
            Some(Value::Null) => (Value::Null, None),
            Some(superclass) => {
                // Step 8.f: IsConstructor(superclass) false: a TypeError.
                if !self.is_constructor(&superclass) {
                    let d = self.describe(&superclass);
                    return self.throw(
                        ErrorKind::TypeError,
                        &format!("Class extends value {d} is not a constructor or null"),
                    );
                }
                // Step 8.g.i: protoParent = Get(superclass, "prototype").
                let proto_parent = self.get_v(&superclass, "prototype")?;
                if !is_object(&proto_parent) && proto_parent != Value::Null {
                    if let Value::Builtin(b @ Builtin::Host(_)) = superclass {
                        return self.throw(
                            ErrorKind::TypeError,
                            &format!(
                                "evloop does not model extending the host-defined `{}`",
                                b.name::<H::Data>()
                            ),
                        );
                    }
                    // Step 8.g.ii: not an Object and not null: a TypeError.
                    let d = self.describe(&proto_parent);
                    return self.throw(
                        ErrorKind::TypeError,
                        &format!("Class extends value does not have valid prototype property {d}"),
                    );
                }
                // Step 8.g.iii: constructorParent = superclass.
                (proto_parent, Some(superclass))
            }
        };
        // Step 9: proto = OrdinaryObjectCreate(protoParent).
        let proto = self.ordinary_object_create(&proto_parent)?;
        // Steps 12–14: F = the constructor's closure, its [[Prototype]] constructorParent
        // (steps 16–17, MakeClassConstructor and [[ConstructorKind]], are its kind).
        // A closure over `env` keeps it (and what encloses it) reachable: the per-iteration
        // copies of a loop around the class must not be made in place (vm/env.rs).
        self.capture_environment(env);
        let f = self.alloc(ObjKind::Function(Closure {
            func: ctor,
            env,
            this: Value::Undefined,
        }));
        let f = Value::Object(f);
        if let Some(parent) = constructor_parent {
            self.set_created_prototype(&f, &parent)?;
        }
        // Step 15: MakeConstructor(F, false, proto): F.prototype.
        if let Value::Object(id) = f {
            self.st
                .heap
                .get_mut(id)
                .set_own("prototype", Prop::Hidden(proto.clone()));
        }
        // Step 18: CreateMethodProperty(proto, "constructor", F).
        if let Value::Object(id) = proto {
            self.st
                .heap
                .get_mut(id)
                .set_own("constructor", Prop::Hidden(f.clone()));
        }
        Ok((f, proto))
    }

    /// SetFunctionName(F, name, prefix) (§10.2.9) for a method whose key is computed.
    fn set_function_name(&mut self, f: &Value, key: &str, kind: MethodKind) {
        let name = match kind {
            MethodKind::Method => key.to_string(),
            MethodKind::Getter => format!("get {key}"),
            MethodKind::Setter => format!("set {key}"),
        };
        if let Value::Object(id) = f {
            self.st
                .heap
                .get_mut(*id)
                .set_own("name", Prop::Hidden(Value::str(&name)));
        }
    }

    /// DefineMethodProperty (§10.2.8) and the accessor halves of MethodDefinitionEvaluation
    /// (§15.4.4): class elements are not enumerable, object literal ones are.
    fn define_method_property(
        &mut self,
        obj: &Value,
        key: &str,
        f: Value,
        kind: MethodKind,
        enumerable: bool,
    ) -> JsResult<()> {
        let Value::Object(id) = obj else {
            return Ok(());
        };
        // A class's `prototype` is not configurable: DefinePropertyOrThrow fails.
        if key == "prototype" && self.is_constructor(obj) {
            return self.throw(ErrorKind::TypeError, "Cannot redefine property: prototype");
        }
        let o = self.st.heap.get_mut(*id);
        let prop = match kind {
            MethodKind::Method if enumerable => Prop::Data(f),
            MethodKind::Method => Prop::Hidden(f),
            MethodKind::Getter | MethodKind::Setter => {
                let (mut get, mut set) = match o.get_own(key) {
                    Some(Prop::Accessor { get, set, .. }) => (get.clone(), set.clone()),
                    _ => (None, None),
                };
                if kind == MethodKind::Getter {
                    get = Some(f);
                } else {
                    set = Some(f);
                }
                Prop::Accessor {
                    get,
                    set,
                    enumerable,
                }
            }
        };
        // An existing property is replaced where it stands (its place in the key order).
        o.set_own(key, prop);
        Ok(())
    }

    /// The value in `slot` of the environment `env` (`None`: no such slot).
    fn env_slot(&self, env: ObjId, slot: u32) -> Option<Value> {
        match &self.st.heap.get(env).kind {
            ObjKind::Env { slots, .. } => slots.get(slot as usize).cloned(),
            _ => None,
        }
    }

    /// GetThisBinding (§9.1.1.3.4) of a derived constructor's environment: step 2, a
    /// ReferenceError while [[ThisBindingStatus]] is uninitialized.
    fn this_binding(&mut self, frame: &Frame, depth: u32, slot: u32) -> JsResult<Value> {
        let v = self
            .env_at(frame, depth)
            .and_then(|env| self.env_slot(env, slot));
        match v {
            Some(Value::Hole) | None => self.throw(ErrorKind::ReferenceError, THIS_BEFORE_SUPER),
            Some(v) => Ok(v),
        }
    }

    /// BindThisValue(envRec, V) (§9.1.1.3.1): step 2, a ReferenceError if the binding is
    /// already initialized; steps 3–4, bind it.
    fn bind_this_value(&mut self, frame: &Frame, depth: u32, slot: u32, v: Value) -> JsResult<()> {
        let Some(env) = self.env_at(frame, depth) else {
            return Ok(());
        };
        if !matches!(self.env_slot(env, slot), Some(Value::Hole) | None) {
            return self.throw(
                ErrorKind::ReferenceError,
                "Super constructor may only be called once",
            );
        }
        self.set_binding(env, slot, v);
        Ok(())
    }

    /// SuperCall (§13.3.7.1) steps 5–6: step 5, a TypeError unless IsConstructor(func);
    /// step 6, Construct(func, argList, newTarget).
    fn super_construct(
        &mut self,
        func: &Value,
        args: Vec<Value>,
        new_target: Value,
    ) -> JsResult<Value> {
        if !self.is_constructor(func) {
            let d = self.describe(func);
            return self.throw(
                ErrorKind::TypeError,
                &format!("Super constructor {d} of anonymous class is not a constructor"),
            );
        }
        self.construct_with(func, args, new_target)
    }

    /// `super[key]` read (§13.3.7.3 MakeSuperPropertyReference, §6.2.5.5 GetValue step 3):
    /// base = home.[[GetPrototypeOf]](), then base.[[Get]](key, thisValue).
    fn super_get(&mut self, this: &Value, key: &str, home: &Value) -> JsResult<Value> {
        let base = self.get_prototype_of(home);
        if base.is_nullish() {
            return self.get_v(&base, key);
        }
        self.get_from_chain(this, proto_of_value(&base), key)
    }

    /// `super[key] = v` (§6.2.5.6 PutValue step 4): base.[[Set]](key, v, thisValue) —
    /// OrdinarySet (§10.1.9.2) from the base with the receiver `this`: a setter on the
    /// base's chain is called with `this`; otherwise the receiver's own data property is
    /// written or created. Class code is strict: a failed write is a TypeError.
    fn super_set(&mut self, this: &Value, key: &str, home: &Value, v: Value) -> JsResult<()> {
        let base = self.get_prototype_of(home);
        if base.is_nullish() {
            return self.set_v(&base, key, v);
        }
        match self.inherited_set(proto_of_value(&base), key) {
            Inherited::Setter(Some(setter)) => {
                self.call(&setter, this.clone(), vec![v])?;
                Ok(())
            }
            Inherited::Setter(None) => self.throw(
                ErrorKind::TypeError,
                &format!(
                    "Cannot set property {key} of {} which has only a getter",
                    self.describe(this)
                ),
            ),
            Inherited::ReadOnly => self.throw(
                ErrorKind::TypeError,
                &format!(
                    "Cannot assign to read only property '{key}' of object '{}'",
                    self.describe(this)
                ),
            ),
            Inherited::Nothing => {
                let Value::Object(id) = this else {
                    return self.throw(
                        ErrorKind::TypeError,
                        &format!("Cannot create property '{key}' on a primitive"),
                    );
                };
                let obj = self.st.heap.get(*id);
                match obj.get_own(key).map(|p| (p.get_set().is_some(), p.attrs())) {
                    // Step 2.c–d of OrdinarySetWithOwnDescriptor on the receiver: an own
                    // accessor cannot take the value; an own data property keeps its
                    // attributes.
                    Some((true, _)) => self.throw(
                        ErrorKind::TypeError,
                        &format!("Cannot redefine property: {key}"),
                    ),
                    Some((false, attrs)) if !attrs.writable() => self.throw(
                        ErrorKind::TypeError,
                        &format!(
                            "Cannot assign to read only property '{key}' of object '{}'",
                            self.describe(this)
                        ),
                    ),
                    Some((false, attrs)) => {
                        self.st.heap.get_mut(*id).set_own(key, Prop::data(v, attrs));
                        Ok(())
                    }
                    None if matches!(obj.kind, ObjKind::Ordinary) && !obj.non_extensible => {
                        self.st.heap.get_mut(*id).set_own(key, Prop::Data(v));
                        Ok(())
                    }
                    None => self.set_v(this, key, v),
                }
            }
        }
    }

    /// [[Construct]](argumentsList, newTarget) of an ECMAScript function object (§10.2.2).
    pub(crate) fn ordinary_construct(
        &mut self,
        id: ObjId,
        c: &Closure,
        args: Vec<Value>,
        new_target: Value,
    ) -> JsResult<Value> {
        let program = self.program.clone();
        let func = &program.functions[c.func as usize];
        // Step 3: kind = F.[[ConstructorKind]].
        let derived = func.kind == FunctionKind::DerivedConstructor;
        // Step 4: if kind is base, thisArgument = OrdinaryCreateFromConstructor(newTarget,
        // "%Object.prototype%").
        let this = if derived {
            Value::Hole
        } else {
            self.ordinary_create_from_constructor(&new_target)?
        };
        // Steps 5–6: PrepareForOrdinaryCall(F, newTarget); for base, OrdinaryCallBindThis
        // (InitializeInstanceElements, step 6.b, is the first code of a class constructor,
        // emitted by the frontend).
        let frame = self.prepare_ordinary_call(id, c, this.clone(), args, new_target);
        let env = frame.env;
        // Step 8: result = Completion(OrdinaryCallEvaluateBody(F, argumentsList)).
        let result = match self.run_frame(frame, None, Resume::Start)? {
            FrameExit::Return(v) => v,
            FrameExit::Suspended => Value::Undefined,
        };
        // Step 10.a: an Object returned is the result.
        if is_object(&result) {
            return Ok(result);
        }
        // Step 10.b: if kind is base, return thisArgument.
        if !derived {
            return Ok(this);
        }
        // Step 10.c: if result.[[Value]] is not undefined, throw a TypeError.
        if result != Value::Undefined {
            return self.throw(
                ErrorKind::TypeError,
                "Derived constructors may only return object or undefined",
            );
        }
        // Steps 11–12: thisBinding = constructorEnv.GetThisBinding().
        let binding = func
            .derived_this
            .and_then(|slot| match &self.st.heap.get(env).kind {
                ObjKind::Env { slots, .. } => slots.get(slot as usize).cloned(),
                _ => None,
            });
        match binding {
            Some(Value::Hole) | None => self.throw(ErrorKind::ReferenceError, THIS_BEFORE_SUPER),
            Some(v) => Ok(v),
        }
    }

    /// GetPrototypeFromConstructor(constructor, intrinsicDefaultProto) (§10.1.14): steps
    /// 2–4, `constructor.prototype` if it is an Object, else the intrinsic.
    pub(crate) fn get_prototype_from_constructor(
        &mut self,
        c: &Value,
        default: Intrinsic,
    ) -> JsResult<Value> {
        let proto = self.get_v(c, "prototype")?;
        Ok(if is_object(&proto) {
            proto
        } else {
            Value::Builtin(Builtin::Prototype(default))
        })
    }

    /// A built-in constructor reached with a newTarget other than itself (a subclass's
    /// `super(…)`): the [[Prototype]] its object gets (OrdinaryCreateFromConstructor(newTarget,
    /// its intrinsic) in its own algorithm: Error §20.5.1.1 step 2, Promise §27.2.3.1 step 3,
    /// Object §20.1.1.1 step 1, and a host's). `None` when newTarget is the constructor.
    pub(super) fn builtin_subclass_prototype(
        &mut self,
        ctor: &Value,
        new_target: &Value,
    ) -> JsResult<Option<Value>> {
        if Self::strict_equals(ctor, new_target) {
            return Ok(None);
        }
        let default = match ctor {
            Value::Builtin(Builtin::ErrorCtor(k)) => Intrinsic::Error(*k),
            Value::Builtin(Builtin::PromiseCtor) => Intrinsic::Promise,
            Value::Builtin(Builtin::ObjectCtor | Builtin::Host(_)) => Intrinsic::Object,
            Value::Builtin(b) => {
                let name: Arc<str> = Arc::from(b.name::<H::Data>());
                return self.throw(
                    ErrorKind::TypeError,
                    &format!("evloop does not model subclasses of the built-in `{name}`"),
                );
            }
            _ => return Ok(None),
        };
        self.get_prototype_from_constructor(new_target, default)
            .map(Some)
    }
}
