//! The own properties of the built-in objects with their attributes (ECMA-262 §18
//! ECMAScript Standard Built-in Objects): a function's `length` and `name` are
//! { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }; a constructor's
//! `prototype` has every attribute false; the Math constants and the global object's
//! `undefined`, `NaN` and `Infinity` too (§21.3.1, §19.1); every other data property is
//! { [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }.

use super::Builtin;
use crate::heap::Attrs;
use crate::host::HostData;
use crate::value::Value;
use crate::vm::descriptor::PropertyDescriptor;

/// The `length` of a built-in function (the number the spec gives in each function's clause,
/// or its heading's required parameters, §18 ¶ 7); `None` for a host-defined one.
pub fn length(b: Builtin) -> Option<u32> {
    use Builtin::*;
    Some(match b {
        Host(_) | MathObj | JsonObj | GlobalObj | ReflectObj | Prototype(_) => return None,
        DateCtor => 7,
        ErrorCtor(crate::heap::ErrorKind::AggregateError) => 2,
        PromiseThen
        | ObjectAssign
        | ObjectSetPrototypeOf
        | ObjectCreate
        | ArraySlice
        | StrSlice
        | StrSplit
        | FunctionApply
        | MathMax
        | MathMin
        | MathPow
        | ObjectGetOwnPropertyDescriptor
        | ObjectDefineProperties
        | ObjectIs
        | ObjectDefineGetter
        | ObjectDefineSetter
        | ObjectHasOwn
        | ObjectGroupBy
        | ReflectConstruct
        | ReflectDeleteProperty
        | ReflectGet
        | ReflectGetOwnPropertyDescriptor
        | ReflectHas
        | ReflectSetPrototypeOf => 2,
        JsonStringify
        | ObjectDefineProperty
        | ReflectApply
        | ReflectDefineProperty
        | ReflectSet => 3,
        DateNow | DateGetTime | ArrayPop | ArrayShift | ArrayReverse | StrToUpperCase
        | StrToLowerCase | StrTrim | NumValueOf | BoolValueOf | ToStringMethod | ObjectValueOf
        | ObjectToLocaleString | ThrowTypeError => 0,
        _ => 1,
    })
}

/// O.[[GetOwnProperty]](P) of a built-in object (OrdinaryGetOwnProperty §10.1.5.1 over the
/// properties §18 gives it), for the properties the engine has; a host-defined one is the
/// host's to state.
pub fn builtin_own_property<X: HostData>(b: Builtin, key: &str) -> Option<PropertyDescriptor> {
    let data = |v: Value, a: Attrs| Some(PropertyDescriptor::data(v, a));
    match (b, key) {
        (Builtin::Host(_), _) => None,
        (Builtin::Prototype(i), k) => data(i.own_property(k)?, Attrs::HIDDEN),
        // §19.1: the value properties of the global object.
        (Builtin::GlobalObj, "undefined") => data(Value::Undefined, Attrs::NONE),
        (Builtin::GlobalObj, "NaN") => data(Value::num(f64::NAN), Attrs::NONE),
        (Builtin::GlobalObj, "Infinity") => data(Value::num(f64::INFINITY), Attrs::NONE),
        (Builtin::MathObj, "PI") => data(Value::num(std::f64::consts::PI), Attrs::NONE),
        (b, "name" | "length") if b.is_callable::<X>() => {
            data(b.static_prop::<X>(key)?, Attrs::CONFIGURABLE_ONLY)
        }
        (b, "prototype") => data(b.static_prop::<X>(key)?, Attrs::NONE),
        // Inherited from %Function.prototype% or %Object.prototype%, not own.
        (b, "bind" | "call" | "apply") if b.is_callable::<X>() => None,
        (_, "toString") => None,
        (b, k) => data(b.static_prop::<X>(k)?, Attrs::HIDDEN),
    }
}

/// The own property keys of a built-in object (OrdinaryOwnPropertyKeys §10.1.11.1 order is
/// creation order for these, which is the spec's listing order); `None` when the engine
/// cannot list them all (a host-defined object, the global object, a namespace or prototype
/// whose every member it does not have).
pub fn builtin_own_keys<X: HostData>(b: Builtin) -> Option<Vec<&'static str>> {
    let mut keys = Vec::new();
    if b.is_callable::<X>() && !matches!(b, Builtin::Host(_)) {
        keys.extend(["length", "name"]);
        if b.static_prop::<X>("prototype").is_some() {
            keys.push("prototype");
        }
    }
    match b {
        Builtin::ReflectObj => keys.extend([
            "defineProperty",
            "deleteProperty",
            "apply",
            "construct",
            "get",
            "getOwnPropertyDescriptor",
            "getPrototypeOf",
            "has",
            "isExtensible",
            "ownKeys",
            "preventExtensions",
            "set",
            "setPrototypeOf",
        ]),
        Builtin::Host(_) | Builtin::GlobalObj | Builtin::MathObj | Builtin::JsonObj => {
            return None;
        }
        Builtin::Prototype(_)
        | Builtin::ObjectCtor
        | Builtin::ArrayCtor
        | Builtin::PromiseCtor
        | Builtin::DateCtor
        | Builtin::StringCtor
        | Builtin::NumberCtor => return None,
        _ => {}
    }
    Some(keys)
}
