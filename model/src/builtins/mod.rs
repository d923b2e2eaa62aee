//! Built-in functions and namespace objects that carry no data of their own, so they are
//! immediate [`Value::Builtin`]s rather than heap cells.

mod array;
mod call;
mod string;

pub use call::call;

use crate::heap::ErrorKind;
use crate::ir::Global;
use crate::value::Value;

/// A built-in function or namespace object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Builtin {
    // Namespace objects (not callable).
    ConsoleObj,
    MathObj,
    JsonObj,
    GlobalObj,
    // console
    ConsoleLog,
    ConsoleInfo,
    ConsoleWarn,
    ConsoleError,
    ConsoleDebug,
    // HTML timers and microtasks (HTML-8, HTML-9)
    SetTimeout,
    ClearTimeout,
    SetInterval,
    ClearInterval,
    QueueMicrotask,
    /// `fetch(url)` (Fetch standard): network I/O whose completion is a host choice.
    Fetch,
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
    ObjectKeys,
    ObjectValues,
    ObjectEntries,
    ObjectAssign,
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
    // Shared
    ToStringMethod,
    HasOwnProperty,
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
    /// Node.js built-ins (hosts `node`, `node-esm`).
    Node(crate::host::node::builtins::NodeFn),
    /// HTML-host built-ins (rendering, messaging, idle callbacks, events).
    Web(crate::host::web::WebFn),
}

impl Builtin {
    pub fn is_callable(self) -> bool {
        if let Builtin::Node(f) = self {
            return f.is_callable();
        }
        if let Builtin::Web(f) = self {
            return f.is_callable();
        }
        !matches!(
            self,
            Builtin::ConsoleObj | Builtin::MathObj | Builtin::JsonObj | Builtin::GlobalObj
        )
    }

    /// The function's `name`.
    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            ConsoleObj => "console",
            MathObj => "Math",
            JsonObj => "JSON",
            GlobalObj => "globalThis",
            ConsoleLog => "log",
            ConsoleInfo => "info",
            ConsoleWarn => "warn",
            ConsoleError => "error",
            ConsoleDebug => "debug",
            SetTimeout => "setTimeout",
            ClearTimeout => "clearTimeout",
            SetInterval => "setInterval",
            ClearInterval => "clearInterval",
            QueueMicrotask => "queueMicrotask",
            Fetch => "fetch",
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
            ObjectKeys => "keys",
            ObjectValues => "values",
            ObjectEntries => "entries",
            ObjectAssign => "assign",
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
            ToStringMethod => "toString",
            HasOwnProperty => "hasOwnProperty",
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
            Node(f) => f.name(),
            Web(f) => f.name(),
        }
    }

    /// Static properties of constructors and namespace objects (`Promise.all`, `Math.max`…).
    pub fn static_prop(self, key: &str) -> Option<Value> {
        use Builtin::*;
        let b = match (self, key) {
            (ConsoleObj, "log") => ConsoleLog,
            (ConsoleObj, "info") => ConsoleInfo,
            (ConsoleObj, "warn") => ConsoleWarn,
            (ConsoleObj, "error") => ConsoleError,
            (ConsoleObj, "debug") => ConsoleDebug,
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
            (Node(f), k) if f.static_prop(k).is_some() => return f.static_prop(k),
            (Web(f), k) if f.static_prop(k).is_some() => return f.static_prop(k),
            (GlobalObj, k) => {
                return Global::from_name(k)
                    .filter(|g| !matches!(g, Global::Node(_)))
                    .map(|g| global_value(g, &EMPTY_PROGRAM));
            }
            (b, "name") if b.is_callable() => return Some(Value::str(b.name())),
            (b, "bind") if b.is_callable() => FunctionBind,
            (b, "call") if b.is_callable() => FunctionCall,
            (b, "apply") if b.is_callable() => FunctionApply,
            (_, "toString") => ToStringMethod,
            _ => return None,
        };
        Some(Value::Builtin(b))
    }
}

/// Shared-global lookups that need no program (every global but Node's `__filename`).
static EMPTY_PROGRAM: std::sync::LazyLock<crate::ir::Program> =
    std::sync::LazyLock::new(|| crate::ir::Program {
        source_name: String::new(),
        source: std::sync::Arc::from(""),
        functions: Vec::new(),
        script_bindings: Vec::new(),
        is_module: false,
        page: None,
        imports: Vec::new(),
    });

/// The value a resolved global name denotes.
pub fn global_value(g: Global, program: &crate::ir::Program) -> Value {
    let b = match g {
        Global::Node(n) => return crate::host::node::builtins::global_value(n, program),
        Global::Web(w) => return crate::host::web::global_value(w),
        Global::Console => Builtin::ConsoleObj,
        Global::Promise => Builtin::PromiseCtor,
        Global::SetTimeout => Builtin::SetTimeout,
        Global::ClearTimeout => Builtin::ClearTimeout,
        Global::SetInterval => Builtin::SetInterval,
        Global::ClearInterval => Builtin::ClearInterval,
        Global::QueueMicrotask => Builtin::QueueMicrotask,
        Global::Fetch => Builtin::Fetch,
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
        Global::GlobalThis => Builtin::GlobalObj,
    };
    Value::Builtin(b)
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
