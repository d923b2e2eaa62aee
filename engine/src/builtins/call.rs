//! Calling a built-in function: the dispatch to the chapter that defines it.

use super::Builtin;
use crate::heap::ErrorKind;
use crate::host::HostHooks;
use crate::value::Value;
use crate::vm::{Agent, JsResult};

pub(super) fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Undefined)
}

/// Calls built-in `b` with `this` and `args`.
pub fn call<H: HostHooks>(
    agent: &mut Agent<'_, H>,
    b: Builtin,
    this: Value,
    args: Vec<Value>,
) -> JsResult<Value> {
    use Builtin::*;
    match b {
        Host(f) => H::host_call(agent, f, this, args),
        PromiseCtor | PromiseResolve | PromiseReject | PromiseAll | PromiseAllSettled
        | PromiseAny | PromiseRace | PromiseThen | PromiseCatch | PromiseFinally => {
            super::promise::call(agent, b, this, args)
        }
        DateCtor | DateNow | DateGetTime => super::date::call(agent, b, this, args),
        // Called without `new`, these constructors construct (§20.5.1.1 step 1, §23.1.1.1
        // step 1, §20.1.1.1 step 3).
        ErrorCtor(_) | ArrayCtor | ObjectCtor => agent.construct(&Value::Builtin(b), args),
        ArrayIsArray | ArrayFrom => super::array::call_static(agent, b, args),
        StringCtor => super::string::call_constructor(agent, args),
        NumberCtor | BooleanCtor | NumToFixed | NumValueOf | BoolValueOf => super::number::call(agent, b, this, args),
        ObjectKeys | ObjectValues | ObjectEntries | ObjectAssign | ToStringMethod | ObjectValueOf
        | HasOwnProperty | PropertyIsEnumerable | ObjectGetPrototypeOf | ObjectSetPrototypeOf
        | ObjectCreate | ObjectGetOwnPropertyDescriptor | ObjectGetOwnPropertyDescriptors
        | ObjectGetOwnPropertyNames | ObjectDefineProperty | ObjectDefineProperties
        | ObjectFreeze | ObjectIsFrozen | ObjectSeal | ObjectIsSealed | ObjectPreventExtensions
        | ObjectIsExtensible | ObjectFromEntries | ObjectIs | ObjectHasOwn | ObjectGroupBy
        | ObjectIsPrototypeOf | ObjectToLocaleString | ObjectDefineGetter | ObjectDefineSetter
        | ObjectLookupGetter | ObjectLookupSetter => super::object::call(agent, b, this, args),
        ReflectApply | ReflectConstruct | ReflectDefineProperty | ReflectDeleteProperty
        | ReflectGet | ReflectGetOwnPropertyDescriptor | ReflectGetPrototypeOf | ReflectHas
        | ReflectIsExtensible | ReflectOwnKeys | ReflectPreventExtensions | ReflectSet
        | ReflectSetPrototypeOf => super::reflect::call(agent, b, args),
        ArrayPush | ArrayPop | ArrayShift | ArrayUnshift | ArrayJoin | ArrayForEach | ArrayMap
        | ArrayFilter | ArrayIndexOf | ArrayIncludes | ArraySlice | ArrayConcat | ArrayReduce
        | ArraySome | ArrayEvery | ArrayFind | ArrayFindIndex | ArrayReverse => {
            super::array::call(agent, b, this, args)
        }
        StrToUpperCase | StrToLowerCase | StrSlice | StrIndexOf | StrIncludes | StrSplit
        | StrTrim | StrPadStart | StrPadEnd | StrRepeat | StrStartsWith | StrEndsWith
        | StrCharAt | StrConcat => super::string::call(agent, b, this, args),
        FunctionBind | FunctionCall | FunctionApply => super::function::call(agent, b, this, args),
        MathFloor | MathCeil | MathRound | MathTrunc | MathAbs | MathSqrt | MathSign | MathPow
        | MathMax | MathMin => super::math::call(agent, b, this, args),
        JsonStringify => super::json::call(agent, args),
        // §10.2.4.1 %ThrowTypeError% ( ): step 1, throw a TypeError exception.
        ThrowTypeError => agent.throw(
            ErrorKind::TypeError,
            "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them",
        ),
        // §20.2.1.1 Function(...args) creates a function from source text: dynamic code,
        // which the subset leaves out (SCOPE.md).
        FunctionCtor => agent.throw(
            ErrorKind::TypeError,
            "evloop does not model creating functions from source text (Function)",
        ),
        MathObj | JsonObj | GlobalObj | ReflectObj | Prototype(_) => agent.throw(
            ErrorKind::TypeError,
            &format!("{} is not a function", b.name::<H::Data>()),
        ),
    }
}
