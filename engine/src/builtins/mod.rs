//! Built-in functions and namespace objects that carry no data of their own, so they are
//! immediate [`Value::Builtin`]s rather than heap cells.

mod array;
mod call;
pub mod date;
mod function;
pub mod json;
mod math;
mod number;
mod object;
mod object_props;
pub mod own;
mod promise;
mod reflect;
mod string;

pub use call::call;

use crate::heap::ErrorKind;
use crate::host::{HostData, HostFn};
use crate::ir::Global;
use crate::value::Value;

/// The intrinsic prototype objects of the subset (§6.1.7.4 Well-Known Intrinsic Objects):
/// %Object.prototype%, %Function.prototype%, … Like the built-in functions they carry no
/// data and cannot be changed, so they are immediate values ([`Builtin::Prototype`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Intrinsic {
    Object,
    Function,
    Array,
    String,
    Number,
    Boolean,
    Promise,
    Date,
    /// %Error.prototype% and the NativeError prototypes (§20.5.3, §20.5.6.3).
    Error(ErrorKind),
}

impl Intrinsic {
    /// The intrinsic's own [[Prototype]] (§20.5.6.3: a NativeError prototype's is
    /// %Error.prototype%; the others' is %Object.prototype%, whose is null).
    pub fn parent(self) -> Option<Intrinsic> {
        match self {
            Intrinsic::Object => None,
            Intrinsic::Error(k) if k != ErrorKind::Error => {
                Some(Intrinsic::Error(ErrorKind::Error))
            }
            _ => Some(Intrinsic::Object),
        }
    }

    /// The constructor whose `prototype` this is.
    pub fn constructor(self) -> Option<Builtin> {
        Some(match self {
            Intrinsic::Object => Builtin::ObjectCtor,
            Intrinsic::Function => Builtin::FunctionCtor,
            Intrinsic::Array => Builtin::ArrayCtor,
            Intrinsic::String => Builtin::StringCtor,
            Intrinsic::Number => Builtin::NumberCtor,
            Intrinsic::Boolean => Builtin::BooleanCtor,
            Intrinsic::Promise => Builtin::PromiseCtor,
            Intrinsic::Date => Builtin::DateCtor,
            Intrinsic::Error(k) => Builtin::ErrorCtor(k),
        })
    }

    /// The intrinsic's own properties (its methods and `constructor`); a NativeError
    /// prototype's `name` and `message` (§20.5.6.3.2, §20.5.6.3.3).
    pub fn own_property(self, key: &str) -> Option<Value> {
        use Builtin::*;
        let b = match (self, key) {
            (_, "constructor") => self.constructor()?,
            (Intrinsic::Object, "hasOwnProperty") => HasOwnProperty,
            (Intrinsic::Object, "toString") => ToStringMethod,
            (Intrinsic::Object, "valueOf") => ObjectValueOf,
            (Intrinsic::Object, "propertyIsEnumerable") => PropertyIsEnumerable,
            (Intrinsic::Object, "isPrototypeOf") => ObjectIsPrototypeOf,
            (Intrinsic::Object, "toLocaleString") => ObjectToLocaleString,
            (Intrinsic::Object, "__defineGetter__") => ObjectDefineGetter,
            (Intrinsic::Object, "__defineSetter__") => ObjectDefineSetter,
            (Intrinsic::Object, "__lookupGetter__") => ObjectLookupGetter,
            (Intrinsic::Object, "__lookupSetter__") => ObjectLookupSetter,
            (Intrinsic::Function, "bind") => FunctionBind,
            (Intrinsic::Function, "call") => FunctionCall,
            (Intrinsic::Function, "apply") => FunctionApply,
            (Intrinsic::Array, k) => array_method(k)?,
            (Intrinsic::String, k) => string_method(k)?,
            (Intrinsic::Number, "toFixed") => NumToFixed,
            (Intrinsic::Number, "valueOf") => NumValueOf,
            (Intrinsic::Boolean, "valueOf") => BoolValueOf,
            (Intrinsic::Number | Intrinsic::Boolean, "toString") => ToStringMethod,
            (Intrinsic::Promise, "then") => PromiseThen,
            (Intrinsic::Promise, "catch") => PromiseCatch,
            (Intrinsic::Promise, "finally") => PromiseFinally,
            (Intrinsic::Date, "getTime" | "valueOf") => DateGetTime,
            (Intrinsic::Error(k), "name") => return Some(Value::str(k.name())),
            (Intrinsic::Error(_), "message") => return Some(Value::str("")),
            _ => return None,
        };
        Some(Value::Builtin(b))
    }

    /// GetV on the intrinsic: its own property, else its chain's.
    pub fn get(self, key: &str) -> Option<Value> {
        let mut p = Some(self);
        while let Some(i) = p {
            if let Some(v) = i.own_property(key) {
                return Some(v);
            }
            p = i.parent();
        }
        None
    }

    /// How the intrinsic is named where it is printed.
    pub fn name(self) -> &'static str {
        match self {
            Intrinsic::Object => "Object.prototype",
            Intrinsic::Function => "Function.prototype",
            Intrinsic::Array => "Array.prototype",
            Intrinsic::String => "String.prototype",
            Intrinsic::Number => "Number.prototype",
            Intrinsic::Boolean => "Boolean.prototype",
            Intrinsic::Promise => "Promise.prototype",
            Intrinsic::Date => "Date.prototype",
            Intrinsic::Error(ErrorKind::Error) => "Error.prototype",
            Intrinsic::Error(ErrorKind::TypeError) => "TypeError.prototype",
            Intrinsic::Error(ErrorKind::RangeError) => "RangeError.prototype",
            Intrinsic::Error(ErrorKind::ReferenceError) => "ReferenceError.prototype",
            Intrinsic::Error(ErrorKind::SyntaxError) => "SyntaxError.prototype",
            Intrinsic::Error(ErrorKind::AggregateError) => "AggregateError.prototype",
        }
    }
}

/// A built-in function or namespace object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Builtin {
    // Namespace objects (not callable).
    MathObj,
    JsonObj,
    GlobalObj,
    /// The Reflect object (§28.1).
    ReflectObj,
    /// An intrinsic prototype object (not callable).
    Prototype(Intrinsic),
    // Promise (ECMA-262 §27.2)
    PromiseCtor,
    PromiseResolve,
    PromiseReject,
    PromiseAll,
    PromiseAllSettled,
    PromiseRace,
    PromiseAny,
    PromiseThen,
    PromiseCatch,
    PromiseFinally,
    // Date (reads the model clock)
    DateCtor,
    DateNow,
    DateGetTime,
    // Errors
    ErrorCtor(ErrorKind),
    // Constructors and their statics
    ArrayCtor,
    ArrayIsArray,
    ArrayFrom,
    StringCtor,
    NumberCtor,
    BooleanCtor,
    ObjectCtor,
    /// %Function% (§20.2.1): only its `prototype`; calling it is dynamic code, out of scope.
    FunctionCtor,
    ObjectKeys,
    ObjectValues,
    ObjectEntries,
    ObjectAssign,
    ObjectGetPrototypeOf,
    ObjectSetPrototypeOf,
    ObjectCreate,
    ObjectGetOwnPropertyDescriptor,
    ObjectGetOwnPropertyDescriptors,
    ObjectGetOwnPropertyNames,
    ObjectDefineProperty,
    ObjectDefineProperties,
    ObjectFreeze,
    ObjectIsFrozen,
    ObjectSeal,
    ObjectIsSealed,
    ObjectPreventExtensions,
    ObjectIsExtensible,
    ObjectFromEntries,
    ObjectIs,
    ObjectHasOwn,
    ObjectGroupBy,
    ObjectIsPrototypeOf,
    ObjectToLocaleString,
    // Annex B.2.2 Additional Properties of the Object.prototype Object
    ObjectDefineGetter,
    ObjectDefineSetter,
    ObjectLookupGetter,
    ObjectLookupSetter,
    // Reflect (§28.1)
    ReflectApply,
    ReflectConstruct,
    ReflectDefineProperty,
    ReflectDeleteProperty,
    ReflectGet,
    ReflectGetOwnPropertyDescriptor,
    ReflectGetPrototypeOf,
    ReflectHas,
    ReflectIsExtensible,
    ReflectOwnKeys,
    ReflectPreventExtensions,
    ReflectSet,
    ReflectSetPrototypeOf,
    // Array.prototype
    ArrayPush,
    ArrayPop,
    ArrayShift,
    ArrayUnshift,
    ArrayJoin,
    ArrayForEach,
    ArrayMap,
    ArrayFilter,
    ArrayIndexOf,
    ArrayIncludes,
    ArraySlice,
    ArrayConcat,
    ArrayReduce,
    ArraySome,
    ArrayEvery,
    ArrayFind,
    ArrayFindIndex,
    ArrayReverse,
    // String.prototype
    StrToUpperCase,
    StrToLowerCase,
    StrSlice,
    StrIndexOf,
    StrIncludes,
    StrSplit,
    StrTrim,
    StrPadStart,
    StrPadEnd,
    StrRepeat,
    StrStartsWith,
    StrEndsWith,
    StrCharAt,
    StrConcat,
    // Number.prototype
    NumToFixed,
    NumValueOf,
    BoolValueOf,
    // Shared
    ToStringMethod,
    ObjectValueOf,
    HasOwnProperty,
    PropertyIsEnumerable,
    FunctionBind,
    FunctionCall,
    FunctionApply,
    // Math
    MathFloor,
    MathCeil,
    MathRound,
    MathTrunc,
    MathAbs,
    MathMax,
    MathMin,
    MathSqrt,
    MathPow,
    MathSign,
    // JSON
    JsonStringify,
    /// %ThrowTypeError% (§10.2.4.1): the getter and setter of an unmapped arguments
    /// object's `callee`.
    ThrowTypeError,
    /// A host-defined built-in (console, timers, Node's and the HTML host's APIs).
    Host(HostFn),
}

impl Builtin {
    /// IsCallable (§7.2.3) of the built-in; a host built-in answers through its host.
    pub fn is_callable<X: HostData>(self) -> bool {
        if let Builtin::Host(f) = self {
            return X::builtin_is_callable(f);
        }
        !matches!(
            self,
            Builtin::MathObj
                | Builtin::JsonObj
                | Builtin::GlobalObj
                | Builtin::ReflectObj
                | Builtin::Prototype(_)
        )
    }

    /// The function's `name`.
    pub fn name<X: HostData>(self) -> &'static str {
        use Builtin::*;
        match self {
            MathObj => "Math",
            JsonObj => "JSON",
            GlobalObj => "globalThis",
            ReflectObj => "Reflect",
            Prototype(i) => i.name(),
            PromiseCtor => "Promise",
            PromiseResolve => "resolve",
            PromiseReject => "reject",
            PromiseAll => "all",
            PromiseAllSettled => "allSettled",
            PromiseRace => "race",
            PromiseAny => "any",
            PromiseThen => "then",
            PromiseCatch => "catch",
            PromiseFinally => "finally",
            DateCtor => "Date",
            DateNow => "now",
            DateGetTime => "getTime",
            ErrorCtor(k) => k.name(),
            ArrayCtor => "Array",
            ArrayIsArray => "isArray",
            ArrayFrom => "from",
            StringCtor => "String",
            NumberCtor => "Number",
            BooleanCtor => "Boolean",
            ObjectCtor => "Object",
            FunctionCtor => "Function",
            ObjectKeys => "keys",
            ObjectValues => "values",
            ObjectEntries => "entries",
            ObjectAssign => "assign",
            ObjectGetPrototypeOf => "getPrototypeOf",
            ObjectSetPrototypeOf => "setPrototypeOf",
            ObjectCreate => "create",
            ObjectGetOwnPropertyDescriptor | ReflectGetOwnPropertyDescriptor => {
                "getOwnPropertyDescriptor"
            }
            ObjectGetOwnPropertyDescriptors => "getOwnPropertyDescriptors",
            ObjectGetOwnPropertyNames => "getOwnPropertyNames",
            ObjectDefineProperty | ReflectDefineProperty => "defineProperty",
            ObjectDefineProperties => "defineProperties",
            ObjectFreeze => "freeze",
            ObjectIsFrozen => "isFrozen",
            ObjectSeal => "seal",
            ObjectIsSealed => "isSealed",
            ObjectPreventExtensions | ReflectPreventExtensions => "preventExtensions",
            ObjectIsExtensible | ReflectIsExtensible => "isExtensible",
            ObjectFromEntries => "fromEntries",
            ObjectIs => "is",
            ObjectHasOwn => "hasOwn",
            ObjectGroupBy => "groupBy",
            ObjectIsPrototypeOf => "isPrototypeOf",
            ObjectToLocaleString => "toLocaleString",
            ObjectDefineGetter => "__defineGetter__",
            ObjectDefineSetter => "__defineSetter__",
            ObjectLookupGetter => "__lookupGetter__",
            ObjectLookupSetter => "__lookupSetter__",
            ReflectApply => "apply",
            ReflectConstruct => "construct",
            ReflectDeleteProperty => "deleteProperty",
            ReflectGet => "get",
            ReflectGetPrototypeOf => "getPrototypeOf",
            ReflectHas => "has",
            ReflectOwnKeys => "ownKeys",
            ReflectSet => "set",
            ReflectSetPrototypeOf => "setPrototypeOf",
            ArrayPush => "push",
            ArrayPop => "pop",
            ArrayShift => "shift",
            ArrayUnshift => "unshift",
            ArrayJoin => "join",
            ArrayForEach => "forEach",
            ArrayMap => "map",
            ArrayFilter => "filter",
            ArrayIndexOf | StrIndexOf => "indexOf",
            ArrayIncludes | StrIncludes => "includes",
            ArraySlice | StrSlice => "slice",
            ArrayConcat | StrConcat => "concat",
            ArrayReduce => "reduce",
            ArraySome => "some",
            ArrayEvery => "every",
            ArrayFind => "find",
            ArrayFindIndex => "findIndex",
            ArrayReverse => "reverse",
            StrToUpperCase => "toUpperCase",
            StrToLowerCase => "toLowerCase",
            StrSplit => "split",
            StrTrim => "trim",
            StrPadStart => "padStart",
            StrPadEnd => "padEnd",
            StrRepeat => "repeat",
            StrStartsWith => "startsWith",
            StrEndsWith => "endsWith",
            StrCharAt => "charAt",
            NumToFixed => "toFixed",
            NumValueOf | BoolValueOf => "valueOf",
            ToStringMethod => "toString",
            ObjectValueOf => "valueOf",
            HasOwnProperty => "hasOwnProperty",
            PropertyIsEnumerable => "propertyIsEnumerable",
            FunctionBind => "bind",
            FunctionCall => "call",
            FunctionApply => "apply",
            MathFloor => "floor",
            MathCeil => "ceil",
            MathRound => "round",
            MathTrunc => "trunc",
            MathAbs => "abs",
            MathMax => "max",
            MathMin => "min",
            MathSqrt => "sqrt",
            MathPow => "pow",
            MathSign => "sign",
            JsonStringify => "stringify",
            // §10.2.4.1 step 5: its "name" is the empty String.
            ThrowTypeError => "",
            Host(f) => X::builtin_name(f),
        }
    }

    /// Static properties of the engine's constructors and namespace objects; a host
    /// built-in's statics come from [`crate::host::HostHooks::host_get`] first.
    pub fn static_prop<X: HostData>(self, key: &str) -> Option<Value> {
        use Builtin::*;
        let b = match (self, key) {
            (PromiseCtor, "resolve") => PromiseResolve,
            (PromiseCtor, "reject") => PromiseReject,
            (PromiseCtor, "all") => PromiseAll,
            (PromiseCtor, "allSettled") => PromiseAllSettled,
            (PromiseCtor, "race") => PromiseRace,
            (PromiseCtor, "any") => PromiseAny,
            (DateCtor, "now") => DateNow,
            (ArrayCtor, "isArray") => ArrayIsArray,
            (ArrayCtor, "from") => ArrayFrom,
            (ObjectCtor, "keys") => ObjectKeys,
            (ObjectCtor, "values") => ObjectValues,
            (ObjectCtor, "entries") => ObjectEntries,
            (ObjectCtor, "assign") => ObjectAssign,
            (ObjectCtor, "getPrototypeOf") => ObjectGetPrototypeOf,
            (ObjectCtor, "setPrototypeOf") => ObjectSetPrototypeOf,
            (ObjectCtor, "create") => ObjectCreate,
            (ObjectCtor, "getOwnPropertyDescriptor") => ObjectGetOwnPropertyDescriptor,
            (ObjectCtor, "getOwnPropertyDescriptors") => ObjectGetOwnPropertyDescriptors,
            (ObjectCtor, "getOwnPropertyNames") => ObjectGetOwnPropertyNames,
            (ObjectCtor, "defineProperty") => ObjectDefineProperty,
            (ObjectCtor, "defineProperties") => ObjectDefineProperties,
            (ObjectCtor, "freeze") => ObjectFreeze,
            (ObjectCtor, "isFrozen") => ObjectIsFrozen,
            (ObjectCtor, "seal") => ObjectSeal,
            (ObjectCtor, "isSealed") => ObjectIsSealed,
            (ObjectCtor, "preventExtensions") => ObjectPreventExtensions,
            (ObjectCtor, "isExtensible") => ObjectIsExtensible,
            (ObjectCtor, "fromEntries") => ObjectFromEntries,
            (ObjectCtor, "is") => ObjectIs,
            (ObjectCtor, "hasOwn") => ObjectHasOwn,
            (ObjectCtor, "groupBy") => ObjectGroupBy,
            (ReflectObj, k) => return reflect_method(k).map(Value::Builtin),
            (Prototype(i), k) => return i.get(k),
            (ObjectCtor, "prototype") => Prototype(Intrinsic::Object),
            (FunctionCtor, "prototype") => Prototype(Intrinsic::Function),
            (ArrayCtor, "prototype") => Prototype(Intrinsic::Array),
            (StringCtor, "prototype") => Prototype(Intrinsic::String),
            (NumberCtor, "prototype") => Prototype(Intrinsic::Number),
            (BooleanCtor, "prototype") => Prototype(Intrinsic::Boolean),
            (PromiseCtor, "prototype") => Prototype(Intrinsic::Promise),
            (DateCtor, "prototype") => Prototype(Intrinsic::Date),
            (ErrorCtor(k), "prototype") => Prototype(Intrinsic::Error(k)),
            (MathObj, "floor") => MathFloor,
            (MathObj, "ceil") => MathCeil,
            (MathObj, "round") => MathRound,
            (MathObj, "trunc") => MathTrunc,
            (MathObj, "abs") => MathAbs,
            (MathObj, "max") => MathMax,
            (MathObj, "min") => MathMin,
            (MathObj, "sqrt") => MathSqrt,
            (MathObj, "pow") => MathPow,
            (MathObj, "sign") => MathSign,
            (MathObj, "PI") => return Some(Value::num(std::f64::consts::PI)),
            (JsonObj, "stringify") => JsonStringify,
            (GlobalObj, k) => return Global::from_es_name(k).and_then(es_global_value),
            (b, "name") if b.is_callable::<X>() => return Some(Value::str(b.name::<X>())),
            (b, "length") if b.is_callable::<X>() => {
                return own::length(b).map(|n| Value::num(f64::from(n)));
            }
            (b, "bind") if b.is_callable::<X>() => FunctionBind,
            (b, "call") if b.is_callable::<X>() => FunctionCall,
            (b, "apply") if b.is_callable::<X>() => FunctionApply,
            (_, "toString") => ToStringMethod,
            _ => return None,
        };
        Some(Value::Builtin(b))
    }
}

/// The value of a global binding ECMA-262 defines (§19); `None` for a host-defined one.
pub fn es_global_value(g: Global) -> Option<Value> {
    let b = match g {
        Global::Host(_) => return None,
        Global::Promise => Builtin::PromiseCtor,
        Global::Date => Builtin::DateCtor,
        Global::Math => Builtin::MathObj,
        Global::Json => Builtin::JsonObj,
        Global::Error => Builtin::ErrorCtor(ErrorKind::Error),
        Global::TypeError => Builtin::ErrorCtor(ErrorKind::TypeError),
        Global::RangeError => Builtin::ErrorCtor(ErrorKind::RangeError),
        Global::ReferenceError => Builtin::ErrorCtor(ErrorKind::ReferenceError),
        Global::SyntaxError => Builtin::ErrorCtor(ErrorKind::SyntaxError),
        Global::AggregateError => Builtin::ErrorCtor(ErrorKind::AggregateError),
        Global::StringCtor => Builtin::StringCtor,
        Global::NumberCtor => Builtin::NumberCtor,
        Global::BooleanCtor => Builtin::BooleanCtor,
        Global::ArrayCtor => Builtin::ArrayCtor,
        Global::ObjectCtor => Builtin::ObjectCtor,
        Global::FunctionCtor => Builtin::FunctionCtor,
        Global::GlobalThis => Builtin::GlobalObj,
        Global::Reflect => Builtin::ReflectObj,
    };
    Some(Value::Builtin(b))
}

/// Array.prototype methods by name.
pub fn array_method(key: &str) -> Option<Builtin> {
    use Builtin::*;
    Some(match key {
        "push" => ArrayPush,
        "pop" => ArrayPop,
        "shift" => ArrayShift,
        "unshift" => ArrayUnshift,
        "join" => ArrayJoin,
        "forEach" => ArrayForEach,
        "map" => ArrayMap,
        "filter" => ArrayFilter,
        "indexOf" => ArrayIndexOf,
        "includes" => ArrayIncludes,
        "slice" => ArraySlice,
        "concat" => ArrayConcat,
        "reduce" => ArrayReduce,
        "some" => ArraySome,
        "every" => ArrayEvery,
        "find" => ArrayFind,
        "findIndex" => ArrayFindIndex,
        "reverse" => ArrayReverse,
        "toString" => ToStringMethod,
        _ => return None,
    })
}

/// String.prototype methods by name.
pub fn string_method(key: &str) -> Option<Builtin> {
    use Builtin::*;
    Some(match key {
        "toUpperCase" => StrToUpperCase,
        "toLowerCase" => StrToLowerCase,
        "slice" | "substring" => StrSlice,
        "indexOf" => StrIndexOf,
        "includes" => StrIncludes,
        "split" => StrSplit,
        "trim" => StrTrim,
        "padStart" => StrPadStart,
        "padEnd" => StrPadEnd,
        "repeat" => StrRepeat,
        "startsWith" => StrStartsWith,
        "endsWith" => StrEndsWith,
        "charAt" => StrCharAt,
        "concat" => StrConcat,
        "toString" => ToStringMethod,
        _ => return None,
    })
}

/// The functions of the Reflect object (§28.1) by name.
pub fn reflect_method(key: &str) -> Option<Builtin> {
    use Builtin::*;
    Some(match key {
        "apply" => ReflectApply,
        "construct" => ReflectConstruct,
        "defineProperty" => ReflectDefineProperty,
        "deleteProperty" => ReflectDeleteProperty,
        "get" => ReflectGet,
        "getOwnPropertyDescriptor" => ReflectGetOwnPropertyDescriptor,
        "getPrototypeOf" => ReflectGetPrototypeOf,
        "has" => ReflectHas,
        "isExtensible" => ReflectIsExtensible,
        "ownKeys" => ReflectOwnKeys,
        "preventExtensions" => ReflectPreventExtensions,
        "set" => ReflectSet,
        "setPrototypeOf" => ReflectSetPrototypeOf,
        _ => return None,
    })
}
