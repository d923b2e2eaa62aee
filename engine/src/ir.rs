//! The program IR: functions in a flat, await-friendly form.
//!
//! Every function body is a list of [`Instr`] for a small stack machine. Each `await` and each
//! call is its own instruction, so a suspended async function is just a [`crate::vm::Frame`]
//! (function, program counter, operand stack, environment, handler stack) stored on the heap.
//!
//! Conventions the frontend must follow (and the VM relies on):
//! - `functions[0]` is the script's top level (kind [`FunctionKind::Script`]); its environment
//!   holds the top-level `var`/`let`/`const`/function bindings named in `script_bindings`.
//! - Variables are resolved at compile time to `(depth, slot)`: `depth` counts environments
//!   outward from the current one (0 = innermost), `slot` indexes that environment.
//! - A call of a function creates one environment with `env_size` slots whose parent is the
//!   closure's captured environment; argument `i` goes to slot `i` (missing ones are undefined;
//!   with `rest`, slot `params` receives an array of the remaining arguments).
//! - Block scopes with `let`/`const` use `PushEnv`/`PopEnv`; `for (let …)` loops use `CopyEnv`
//!   at the end of each iteration (ECMA-262 CreatePerIterationEnvironment).
//! - `let`/`const` slots start as the hole (temporal dead zone): reading them throws a
//!   ReferenceError until initialised with `StoreVar`.
//! - Statement expressions leave nothing on the stack: the frontend emits `Pop` after them.
//! - Every instruction has a source position in `Function::positions` (same index).

use std::sync::Arc;

/// An index into [`Program::functions`].
pub type FuncId = u32;
/// An index into a function's code.
pub type Addr = u32;

/// A compiled program: the input the model runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// The file the program came from (for messages, and Node's `__filename`).
    pub source_name: String,
    /// The source text (the content of `__filename` in Node's virtual file system).
    pub source: Arc<str>,
    /// `functions[0]` is the top-level script.
    pub functions: Vec<Function>,
    /// Names of the top-level bindings, by slot of the script environment (for final values).
    pub script_bindings: Vec<Arc<str>>,
    /// Whether the source is an ES module (Node's `node-esm` entry, NODE-4).
    pub is_module: bool,
    /// The builtin modules an ES-module main imports (NODE-4), by name without `node:`, in
    /// source order.
    pub imports: Vec<Arc<str>>,
}

/// The kind of a function, which decides `this` binding and async behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FunctionKind {
    /// The top-level script.
    Script,
    /// `function f() {}` and function expressions, object methods, getters and setters.
    Normal,
    /// `() => …`: `this` is lexical (captured when the closure is made).
    Arrow,
    /// `async function` and async methods.
    Async,
    /// `async () => …`.
    AsyncArrow,
    /// A method, getter, setter or class field initialiser (§15.4 MethodDefinition, §15.7
    /// ClassFieldDefinition): a normal function that is not a constructor (DefineMethod,
    /// §15.4.4, makes it with OrdinaryFunctionCreate and no MakeConstructor).
    Method,
    /// A base class's constructor (MakeClassConstructor §10.2.6: [[IsClassConstructor]]
    /// true; [[ConstructorKind]] base).
    ClassConstructor,
    /// A derived class's constructor ([[ConstructorKind]] derived, §15.7.14 step 14): its
    /// `this` is uninitialised until `super(…)` binds it.
    DerivedConstructor,
}

impl FunctionKind {
    /// ECMA-262 §15.8: async functions and async arrows.
    pub fn is_async(self) -> bool {
        matches!(self, FunctionKind::Async | FunctionKind::AsyncArrow)
    }
    /// Arrow functions take `this` from where they are created.
    pub fn is_arrow(self) -> bool {
        matches!(self, FunctionKind::Arrow | FunctionKind::AsyncArrow)
    }
    /// Whether a function of this kind has a [[Construct]] (§10.2.5 MakeConstructor):
    /// `function` declarations and expressions, and class constructors.
    pub fn is_constructor(self) -> bool {
        matches!(
            self,
            FunctionKind::Normal
                | FunctionKind::ClassConstructor
                | FunctionKind::DerivedConstructor
        )
    }
    /// [[IsClassConstructor]] (§10.2.6 MakeClassConstructor): [[Call]] throws.
    pub fn is_class_constructor(self) -> bool {
        matches!(
            self,
            FunctionKind::ClassConstructor | FunctionKind::DerivedConstructor
        )
    }
}

/// What a class element or object-literal method defines (§15.4.4 MethodDefinitionEvaluation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MethodKind {
    /// `m() {}`: DefineMethodProperty, a data property.
    Method,
    /// `get m() {}`: an accessor's [[Get]].
    Getter,
    /// `set m(v) {}`: an accessor's [[Set]].
    Setter,
}

/// A source position, 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// One function's code.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    /// The name used when the function is formatted (`[Function f]`) and in traces.
    pub name: Option<Arc<str>>,
    pub kind: FunctionKind,
    /// Number of declared parameters (before a rest parameter).
    pub params: u32,
    /// Whether the last parameter is `...rest` (goes into slot `params`).
    pub rest: bool,
    /// Slots in the function's own environment (parameters first).
    pub env_size: u32,
    /// The function's `arguments` binding, when its code refers to it (a non-arrow function
    /// whose `arguments` is not shadowed by a parameter, function or lexical declaration).
    pub arguments: Option<ArgumentsBinding>,
    /// Whether the function's code is strict mode code (§11.2.2): an assignment whose
    /// [[Set]] fails throws (PutValue §6.2.5.6 step 3.e).
    pub strict: bool,
    /// The slot of its environment that receives NewTarget (§9.1.1.3 [[NewTarget]]:
    /// `undefined` for [[Call]], the constructor for [[Construct]]), when its code (or an
    /// arrow in it) uses `new.target` or `super(…)`.
    pub new_target: Option<u32>,
    /// A derived constructor's this binding (§9.1.1.3 [[ThisValue]] with
    /// [[ThisBindingStatus]] uninitialized until `super(…)`): the slot that holds it.
    pub derived_this: Option<u32>,
    pub code: Vec<Instr>,
    /// `positions[i]` is the source position of `code[i]`.
    pub positions: Vec<Pos>,
    /// [[SourceText]] (ECMA-262 §10.2, Table 30; §15.2.4 InstantiateOrdinaryFunctionObject
    /// step 4): the byte range of [`Program::source`] the function was compiled from; empty
    /// for the script.
    pub source_text: (u32, u32),
}

/// How a function binds `arguments` (ECMA-262 §10.2.11 FunctionDeclarationInstantiation
/// steps 15–22): the slot of its environment that holds the arguments object, and whether
/// the object is mapped.
#[derive(Debug, Clone, PartialEq)]
pub struct ArgumentsBinding {
    pub slot: u32,
    /// `None`: unmapped (§10.4.4.6; a strict function, or parameters that are not simple).
    /// `Some(last)`: mapped (§10.4.4.7), with `last[i]` true when formal parameter `i` is
    /// the last parameter of its name (step 17.b maps only that one).
    pub mapped: Option<Vec<bool>>,
}

/// A constant operand.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    String(Arc<str>),
}

/// Binary operators (ECMA-262 §13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Exp,
    StrictEq,
    StrictNe,
    LooseEq,
    LooseNe,
    Lt,
    Le,
    Gt,
    Ge,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    UShr,
    /// `x instanceof C`, for the built-in constructors and user functions.
    InstanceOf,
    /// `key in obj`.
    In,
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnOp {
    Neg,
    Plus,
    Not,
    BitNot,
    TypeOf,
    /// `void x`.
    Void,
}

/// A name the frontend resolved to a host or ECMAScript global (not a user binding).
/// A host resolves the names of its own globals to [`Global::Host`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Global {
    Promise,
    Date,
    Math,
    Json,
    Error,
    TypeError,
    RangeError,
    ReferenceError,
    SyntaxError,
    AggregateError,
    StringCtor,
    NumberCtor,
    BooleanCtor,
    ArrayCtor,
    ObjectCtor,
    FunctionCtor,
    GlobalThis,
    Reflect,
    /// A host-defined global (console, timers, `process`, `document`, …).
    Host(crate::host::HostGlobal),
}

impl Global {
    /// The JavaScript name of a global ECMA-262 defines (`None` for a host-defined one,
    /// whose name only its host knows).
    pub fn es_name(self) -> Option<&'static str> {
        Some(match self {
            Global::Promise => "Promise",
            Global::Date => "Date",
            Global::Math => "Math",
            Global::Json => "JSON",
            Global::Error => "Error",
            Global::TypeError => "TypeError",
            Global::RangeError => "RangeError",
            Global::ReferenceError => "ReferenceError",
            Global::SyntaxError => "SyntaxError",
            Global::AggregateError => "AggregateError",
            Global::StringCtor => "String",
            Global::NumberCtor => "Number",
            Global::BooleanCtor => "Boolean",
            Global::ArrayCtor => "Array",
            Global::ObjectCtor => "Object",
            Global::FunctionCtor => "Function",
            Global::GlobalThis => "globalThis",
            Global::Reflect => "Reflect",
            Global::Host(_) => return None,
        })
    }

    /// Every global ECMA-262 defines that the engine has, for lookup by name and for
    /// messages listing what is supported.
    pub const ES: [Global; 18] = [
        Global::Promise,
        Global::Date,
        Global::Math,
        Global::Json,
        Global::Error,
        Global::TypeError,
        Global::RangeError,
        Global::ReferenceError,
        Global::SyntaxError,
        Global::AggregateError,
        Global::StringCtor,
        Global::NumberCtor,
        Global::BooleanCtor,
        Global::ArrayCtor,
        Global::ObjectCtor,
        Global::FunctionCtor,
        Global::GlobalThis,
        Global::Reflect,
    ];

    /// The global names ECMA-262 defines (§19.1–§19.4, and Annex B.2.1), whether the engine
    /// has them or not.
    pub const ES_NAMES: [&'static str; 62] = [
        "globalThis",
        "Infinity",
        "NaN",
        "undefined",
        "eval",
        "isFinite",
        "isNaN",
        "parseFloat",
        "parseInt",
        "decodeURI",
        "decodeURIComponent",
        "encodeURI",
        "encodeURIComponent",
        "AggregateError",
        "Array",
        "ArrayBuffer",
        "BigInt",
        "BigInt64Array",
        "BigUint64Array",
        "Boolean",
        "DataView",
        "Date",
        "Error",
        "EvalError",
        "FinalizationRegistry",
        "Float16Array",
        "Float32Array",
        "Float64Array",
        "Function",
        "Int8Array",
        "Int16Array",
        "Int32Array",
        "Iterator",
        "Map",
        "Number",
        "Object",
        "Promise",
        "Proxy",
        "RangeError",
        "ReferenceError",
        "RegExp",
        "Set",
        "SharedArrayBuffer",
        "String",
        "Symbol",
        "SyntaxError",
        "TypeError",
        "Uint8Array",
        "Uint8ClampedArray",
        "Uint16Array",
        "Uint32Array",
        "URIError",
        "WeakMap",
        "WeakRef",
        "WeakSet",
        "Atomics",
        "JSON",
        "Math",
        "Reflect",
        "escape",
        "unescape",
        "Intl",
    ];

    /// Whether `name` is a global ECMA-262 defines (every host has it) that the engine does
    /// not have: a program that uses it is refused by name, never told it is undefined.
    pub fn is_unmodelled_es_name(name: &str) -> bool {
        Global::ES_NAMES.contains(&name)
            && Global::from_es_name(name).is_none()
            && !matches!(name, "undefined" | "NaN" | "Infinity")
    }

    /// Resolves the name of a global ECMA-262 defines.
    pub fn from_es_name(name: &str) -> Option<Global> {
        Global::ES
            .iter()
            .copied()
            .find(|g| g.es_name() == Some(name))
    }
}

/// One instruction of the stack machine. Stack effects are written `[before] -> [after]`,
/// top of stack last.
#[derive(Debug, Clone, PartialEq)]
pub enum Instr {
    /// `[] -> [c]`
    Const(Constant),
    /// `[] -> [value of (depth, slot)]`; throws ReferenceError if the slot is in its TDZ.
    LoadVar {
        depth: u32,
        slot: u32,
    },
    /// `[v] -> []`: assigns (also initialises a `let`/`const` slot).
    StoreVar {
        depth: u32,
        slot: u32,
    },
    /// `[] -> [global]`
    LoadGlobal(Global),
    /// `[] -> [this]`
    LoadThis,
    /// `[v] -> []`
    Pop,
    /// `[v] -> [v, v]`
    Dup,
    /// `[a, b] -> [a, b, a, b]`
    Dup2,
    /// `[o, k] -> [o, key]`: a computed member's key converted once, for a read-modify-write
    /// (`o[k] += v`, `o[k]++`): ToObject(o) is checked first (a null or undefined base
    /// throws before the key's `toString` runs), then ToPropertyKey(k) (§6.2.5.5 step 3).
    ToPropertyKey,
    /// `[a, b] -> [b, a]`
    Swap,
    /// `[a, b, c] -> [c, a, b]` (moves the top below the next two).
    Rot3,
    /// `[obj] -> [obj.name]` (ECMA-262 GetV: getters run; primitives use their prototype).
    GetProp(Arc<str>),
    /// `[obj, v] -> [v]`: `obj.name = v` (setters run).
    SetProp(Arc<str>),
    /// `[obj, key] -> [obj[key]]`
    GetIndex,
    /// `[obj, key, v] -> [v]`
    SetIndex,
    /// `[f, a1..an] -> [result]`: call with `this` undefined.
    Call {
        argc: u32,
    },
    /// `[this, f, a1..an] -> [result]`: call with a receiver (`o.m(…)`).
    CallMethod {
        argc: u32,
    },
    /// `[f, args_array] -> [result]`: a call with spread arguments.
    CallSpread,
    /// `[this, f, args_array] -> [result]`: a method call with spread arguments.
    CallMethodSpread,
    /// `[ctor, a1..an] -> [object]`: `new ctor(…)`.
    New {
        argc: u32,
    },
    /// `[] -> [closure]`: a closure over the current environment (and `this` for arrows).
    MakeClosure(FuncId),
    /// `[] -> [{}]`
    NewObject,
    /// `[obj, v] -> [obj]`: defines an own data property (object literal field or method).
    DefineField(Arc<str>),
    /// `[obj, key, v] -> [obj]`: a computed-key field.
    DefineIndex,
    /// `[obj, f] -> [obj]`: `get name() {…}`.
    DefineGetter(Arc<str>),
    /// `[obj, f] -> [obj]`: `set name(v) {…}`.
    DefineSetter(Arc<str>),
    /// `[v1..vn] -> [array]`
    NewArray {
        len: u32,
    },
    /// `[array, v] -> [array]`
    ArrayPush,
    /// `[array] -> [array]`: an Elision in an array literal (§13.2.4.1 ArrayAccumulation:
    /// `length` grows by one, leaving a hole).
    ArrayElision,
    /// `[array, iterable] -> [array]`: `...iterable` (arrays and strings).
    ArraySpread,
    /// `[a, b] -> [a op b]`
    Binary(BinOp),
    /// `[a] -> [op a]`
    Unary(UnOp),
    /// `[v] -> [v + 1]` / `[v - 1]` after ToNumber, for `++`/`--`.
    Inc,
    Dec,
    /// `[v] -> [ToNumber(v)]` (postfix `x++` keeps the old value as a number).
    ToNumber,
    /// `[v] -> [ToString(v)]` (template literal substitutions).
    ToStr,
    /// Unconditional forward jump.
    Jump(Addr),
    /// A backward jump closing a loop iteration. Also where the model's clock advances in
    /// clock-watching loops (rule MODEL-1).
    Loop(Addr),
    /// `[v] -> []`, jump if falsy.
    JumpIfFalse(Addr),
    /// `[v] -> []`, jump if truthy.
    JumpIfTrue(Addr),
    /// `[v] -> [v]` and jump if falsy, else `[v] -> []` (for `&&`).
    JumpIfFalseKeep(Addr),
    /// `[v] -> [v]` and jump if truthy, else `[v] -> []` (for `||`).
    JumpIfTrueKeep(Addr),
    /// `[v] -> [v]` and jump if not null/undefined, else `[v] -> []` (for `??`).
    JumpIfNotNullishKeep(Addr),
    /// Pushes a block environment with `size` slots (all in their TDZ).
    PushEnv {
        size: u32,
    },
    /// Pops the innermost block environment.
    PopEnv,
    /// Replaces the innermost environment with a copy of it (per-iteration `let` bindings).
    CopyEnv,
    /// `[iterable] -> [iterable, 0]`: starts a `for…of` over an array or string.
    IterInit,
    /// `[iterable, i] -> [iterable, i+1, value]`, or pops both and jumps to `exit` when done.
    IterNext {
        exit: Addr,
    },
    /// `[v] -> [list, 1]`: starts a `for…in` over `v` (§14.7.5.6 step 6): `list` holds
    /// ToObject(v) and then its enumerable keys (EnumerateObjectProperties, §14.7.5.9).
    ForInInit,
    /// `[list, i] -> [list, i', key]`: the next key the object still has, or pops both and
    /// jumps to `exit` when done.
    ForInNext {
        exit: Addr,
    },
    /// `[iter, i, x1..xdepth] -> [iter, i', x1..xdepth, value]`: IteratorStepValue
    /// (§7.4.10) of the iteration state `depth` values down, for an array destructuring
    /// pattern: the next value, or `undefined` once the iterator is done (after which `i'`
    /// marks it done and it is not stepped again, §8.6.3 IteratorBindingInitialization).
    IterStep {
        depth: u32,
    },
    /// `[iter, i, x1..xdepth] -> [iter, done, x1..xdepth, array]`: a rest element — the
    /// remaining values in a new array (§8.6.3 BindingRestElement steps 2–4).
    IterRest {
        depth: u32,
    },
    /// `[v] -> [v]`: RequireObjectCoercible (§7.2.1) before an object pattern, a TypeError
    /// on `undefined` and `null`.
    RequireObjectCoercible,
    /// `[x, a1..an] -> [x, a1..an, x]`: copies the value `n` below the top.
    Pick(u32),
    /// `[excluded, source] -> [object]`: an object rest element: a new object and
    /// CopyDataProperties(object, source, excluded) (§7.3.25), `excluded` an array of keys.
    ObjectRest,
    /// `[object, source] -> [object]`: `{...source}` in an object literal (§13.2.5.5
    /// PropertyDefinitionEvaluation: CopyDataProperties(object, source, « »)).
    ObjectSpread,
    /// `[ctor, args_array] -> [object]`: `new ctor(...args)`.
    NewSpread,
    /// `[base, key] -> [bool]`: `delete base[key]` (§13.5.1.2 step 5, a property reference;
    /// `strict`: the reference's [[Strict]], a TypeError when the property stays).
    Delete {
        strict: bool,
    },
    /// `[superclass] -> [F, proto]` (or `[] -> [F, proto]` without `extends`):
    /// ClassDefinitionEvaluation (§15.7.14) steps 8–18: the prototype's parent and the
    /// constructor's parent from the heritage, the prototype object, the constructor
    /// closure `ctor` over the current (class) environment, MakeConstructor and the
    /// prototype's `constructor`.
    MakeClass {
        ctor: FuncId,
        heritage: bool,
    },
    /// `[obj, f] -> [obj]` (`key` given) or `[obj, key, f] -> [obj]` (computed):
    /// DefineMethodProperty / an accessor half (§15.4.4, §10.2.8 DefineMethodProperty),
    /// with SetFunctionName of a computed key; class elements are not enumerable.
    DefineMethod {
        key: Option<Arc<str>>,
        kind: MethodKind,
        enumerable: bool,
    },
    /// `[] -> [this]`: a derived constructor's this binding (§9.1.1.3.4 GetThisBinding),
    /// a ReferenceError while it is uninitialised.
    LoadThisChecked {
        depth: u32,
        slot: u32,
    },
    /// `[v] -> [v]`: BindThisValue (§9.1.1.3.1) after `super(…)`, a ReferenceError if
    /// the binding is already initialised.
    BindThis {
        depth: u32,
        slot: u32,
    },
    /// `[F] -> [F.[[GetPrototypeOf]]()]`: GetSuperConstructor (§13.3.7.2).
    GetSuperConstructor,
    /// `[func, newTarget, a1..an] -> [result]`: SuperCall (§13.3.7.1) steps 5–6: a
    /// TypeError unless IsConstructor(func), then Construct(func, args, newTarget).
    SuperConstruct {
        argc: u32,
    },
    /// `[func, newTarget, args_array] -> [result]`: `super(...args)`.
    SuperConstructSpread,
    /// `[this, key, home] -> [value]`: `super[key]` (§13.3.7.3 MakeSuperPropertyReference:
    /// the base is home.[[GetPrototypeOf]](), read with `this` as the receiver).
    SuperGet,
    /// `[this, key, home, v] -> [v]`: `super[key] = v` (base.[[Set]](key, v, this)).
    SuperSet,
    /// `[] -> [name]`: a new Private Name (§15.7.14 step 7, one per `#x` the class body
    /// declares), described by the text.
    NewPrivateName(Arc<str>),
    /// `[obj, name] -> [v]`: PrivateGet (§7.3.32).
    PrivateGet,
    /// `[obj, name, v] -> [v]`: PrivateSet (§7.3.33).
    PrivateSet,
    /// `[obj, name, v] -> [obj]`: PrivateFieldAdd (§7.3.31).
    PrivateFieldAdd,
    /// `[obj, name, f] -> [obj]`: PrivateMethodOrAccessorAdd (§7.3.30) of a method or one
    /// half of an accessor.
    PrivateMethodAdd(MethodKind),
    /// `[name, obj] -> [bool]`: `#x in obj` (§13.10.1 RelationalExpression : PrivateIdentifier
    /// `in` ShiftExpression, step 5 PrivateElementFind).
    PrivateIn,
    /// `[] -> !`: GetValue / PutValue of an unresolvable reference (§6.2.5.5 step 3,
    /// §6.2.5.6 step 3.a): throws a ReferenceError `name is not defined`.
    ThrowReferenceError(Arc<str>),
    /// `[] -> !`: SetMutableBinding of an immutable binding (§9.1.1.1.5 step 5: a `const`,
    /// or a named function expression's own name in strict code): throws a TypeError.
    ThrowConstAssignment(Arc<str>),
    /// `[v] -> !`: throws `v`.
    Throw,
    /// `[v] -> !`: returns `v` (running enclosing `finally` blocks first).
    Return,
    /// `[v] -> [result]`: ECMA-262 Await (ES-9); only in async functions.
    Await,
    /// Enters a `try`: where to go on a throw (`catch`, with the exception pushed) and the
    /// `finally` block (entered with an abrupt completion). Records stack and env depth.
    PushHandler {
        catch: Option<Addr>,
        finally: Option<Addr>,
    },
    /// Leaves a `try` or `catch` block normally.
    PopHandler,
    /// Records a normal completion before falling into a `finally` block.
    EnterFinally,
    /// Ends a `finally` block: resumes the completion that entered it (normal: continue,
    /// throw: rethrow, return: return through outer `finally` blocks).
    EndFinally,
}
