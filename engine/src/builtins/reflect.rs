//! §28.1 The Reflect Object: each function calls one object internal method.
//!
//! A receiver other than the target (the optional last argument of `Reflect.get` and
//! `Reflect.set`) and a `newTarget` other than the target of `Reflect.construct` would need
//! the internal methods to take a receiver and a new target, which the engine's do not:
//! those calls are refused by name.

use super::Builtin;
use super::call::arg;
use crate::heap::ErrorKind;
use crate::host::HostHooks;
use crate::value::Value;
use crate::vm::define::same_value;
use crate::vm::{Agent, JsResult};

fn is_object(v: &Value) -> bool {
    matches!(v, Value::Object(_) | Value::Builtin(_))
}

/// Calls one of the Reflect functions.
pub(super) fn call<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    b: Builtin,
    args: Vec<Value>,
) -> JsResult<Value> {
    use Builtin::*;
    let target = arg(&args, 0);
    // Every function but `apply` and `construct` starts: if target is not an Object, throw
    // a TypeError exception.
    if !matches!(b, ReflectApply | ReflectConstruct) && !is_object(&target) {
        let name = b.name::<H::Data>();
        return agent.throw(
            ErrorKind::TypeError,
            &format!("Reflect.{name} called on non-object"),
        );
    }
    match b {
        // §28.1.1 Reflect.apply(target, thisArgument, argumentsList).
        ReflectApply => {
            // Step 1: If IsCallable(target) is false, throw a TypeError exception.
            if !agent.is_callable(&target) {
                let d = agent.describe(&target);
                return agent.throw(ErrorKind::TypeError, &format!("{d} is not a function"));
            }
            // Step 2: Let args be ? CreateListFromArrayLike(argumentsList).
            let list = create_list_from_array_like(agent, &arg(&args, 2))?;
            // Steps 3–4: PrepareForTailCall(); Return ? Call(target, thisArgument, args).
            agent.call(&target, arg(&args, 1), list)
        }
        // §28.1.2 Reflect.construct(target, argumentsList [, newTarget]).
        ReflectConstruct => {
            // Step 1: If IsConstructor(target) is false, throw a TypeError exception.
            if !agent.is_constructor(&target) {
                let d = agent.describe(&target);
                return agent.throw(ErrorKind::TypeError, &format!("{d} is not a constructor"));
            }
            // Steps 2–3: newTarget defaults to target; it must be a constructor.
            let new_target = args.get(2).cloned().unwrap_or_else(|| target.clone());
            if !agent.is_constructor(&new_target) {
                let d = agent.describe(&new_target);
                return agent.throw(ErrorKind::TypeError, &format!("{d} is not a constructor"));
            }
            if !same_value(&new_target, &target) {
                return agent.throw(
                    ErrorKind::TypeError,
                    "evloop does not model Reflect.construct with a newTarget other than the target",
                );
            }
            // Step 4: Let args be ? CreateListFromArrayLike(argumentsList).
            let list = create_list_from_array_like(agent, &arg(&args, 1))?;
            // Step 5: Return ? Construct(target, args, newTarget).
            agent.construct(&target, list)
        }
        // §28.1.3 Reflect.defineProperty(target, propertyKey, attributes).
        ReflectDefineProperty => {
            // Step 2: Let key be ? ToPropertyKey(propertyKey).
            let key = agent.to_property_key(&arg(&args, 1))?;
            // Step 3: Let desc be ? ToPropertyDescriptor(attributes).
            let desc = agent.to_property_descriptor(&arg(&args, 2))?;
            // Step 4: Return ? target.[[DefineOwnProperty]](key, desc).
            Ok(Value::Bool(agent.define_own_property(&target, &key, desc)?))
        }
        // §28.1.4 Reflect.deleteProperty(target, propertyKey).
        ReflectDeleteProperty => {
            let key = agent.to_property_key(&arg(&args, 1))?;
            // Step 3: Return ? target.[[Delete]](key).
            Ok(Value::Bool(agent.delete(&target, &key)?))
        }
        // §28.1.5 Reflect.get(target, propertyKey [, receiver]).
        ReflectGet => {
            let key = agent.to_property_key(&arg(&args, 1))?;
            refuse_other_receiver(agent, &args, 2, &target)?;
            // Step 4: Return ? target.[[Get]](key, receiver).
            agent.get_v(&target, &key)
        }
        // §28.1.6 Reflect.getOwnPropertyDescriptor(target, propertyKey).
        ReflectGetOwnPropertyDescriptor => {
            let key = agent.to_property_key(&arg(&args, 1))?;
            // Steps 3–4: desc = ? target.[[GetOwnProperty]](key); FromPropertyDescriptor.
            let desc = agent.get_own_property(&target, &key)?;
            Ok(agent.from_property_descriptor(desc))
        }
        // §28.1.7 Reflect.getPrototypeOf(target): step 2, ? target.[[GetPrototypeOf]]().
        ReflectGetPrototypeOf => Ok(agent.get_prototype_of(&target)),
        // §28.1.8 Reflect.has(target, propertyKey): step 3, ? target.[[HasProperty]](key).
        ReflectHas => {
            let key = agent.to_property_key(&arg(&args, 1))?;
            Ok(Value::Bool(agent.has_property(&target, &key)?))
        }
        // §28.1.9 Reflect.isExtensible(target): step 2, ? target.[[IsExtensible]]().
        ReflectIsExtensible => Ok(Value::Bool(agent.is_extensible(&target))),
        // §28.1.10 Reflect.ownKeys(target): steps 2–3, CreateArrayFromList(keys).
        ReflectOwnKeys => {
            let keys = agent.own_property_keys(&target)?;
            let list: Vec<Value> = keys.into_iter().map(Value::String).collect();
            Ok(Value::Object(
                agent.alloc(crate::heap::ObjKind::Array(list.into())),
            ))
        }
        // §28.1.11 Reflect.preventExtensions(target): ? target.[[PreventExtensions]]().
        ReflectPreventExtensions => Ok(Value::Bool(agent.prevent_extensions(&target)?)),
        // §28.1.12 Reflect.set(target, propertyKey, V [, receiver]).
        ReflectSet => {
            let key = agent.to_property_key(&arg(&args, 1))?;
            refuse_other_receiver(agent, &args, 3, &target)?;
            // Step 4: Return ? target.[[Set]](key, V, receiver).
            Ok(Value::Bool(agent.set_property(
                &target,
                &key,
                arg(&args, 2),
            )?))
        }
        // §28.1.13 Reflect.setPrototypeOf(target, proto).
        ReflectSetPrototypeOf => {
            let proto = arg(&args, 1);
            // Step 2: If proto is not an Object and proto is not null, throw a TypeError.
            if !is_object(&proto) && !matches!(proto, Value::Null) {
                let d = agent.describe(&proto);
                return agent.throw(
                    ErrorKind::TypeError,
                    &format!("Object prototype may only be an Object or null: {d}"),
                );
            }
            // Step 3: Return ? target.[[SetPrototypeOf]](proto).
            Ok(Value::Bool(agent.set_prototype_of(&target, &proto)?))
        }
        _ => unreachable!("{b:?} is dispatched to its own chapter"),
    }
}

/// A receiver argument other than the target is refused (see the module comment).
fn refuse_other_receiver<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    args: &[Value],
    i: usize,
    target: &Value,
) -> JsResult<()> {
    match args.get(i) {
        Some(r) if !same_value(r, target) => agent.throw(
            ErrorKind::TypeError,
            "evloop does not model Reflect.get or Reflect.set with a receiver other than the target",
        ),
        _ => Ok(()),
    }
}

/// CreateListFromArrayLike(obj) (§7.3.19): step 2, not an Object → TypeError; then the
/// elements below ToLength(obj.length).
fn create_list_from_array_like<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    obj: &Value,
) -> JsResult<Vec<Value>> {
    if !is_object(obj) {
        return agent.throw(
            ErrorKind::TypeError,
            "CreateListFromArrayLike called on non-object",
        );
    }
    agent.array_like_to_list(obj)
}
