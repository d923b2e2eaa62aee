//! The heap: objects, environments, suspended frames and the internal records that
//! ECMA-262 algorithms share (AlreadyResolved, Promise.all's remainingElements, …).

use std::sync::Arc;

use crate::builtins::{Builtin, Intrinsic};
use crate::elements::Elements;
use crate::es::native::NativeFn;
use crate::es::promise::PromiseData;
use crate::ir::FuncId;
use crate::unmodelled::Unmodelled;
use crate::value::{ObjId, Value};
use crate::vm::frame::Frame;

/// The Boolean attributes of a property (ECMA-262 §6.1.7.1, Table 3 and Table 4) as a
/// bitset: [[Writable]] (data properties only), [[Enumerable]] and [[Configurable]].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Attrs(u8);

impl Attrs {
    const WRITABLE: u8 = 1;
    const ENUMERABLE: u8 = 2;
    const CONFIGURABLE: u8 = 4;

    /// `{ [[Writable]], [[Enumerable]], [[Configurable]] }`.
    pub const fn new(writable: bool, enumerable: bool, configurable: bool) -> Attrs {
        Attrs(
            if writable { Attrs::WRITABLE } else { 0 }
                | if enumerable { Attrs::ENUMERABLE } else { 0 }
                | if configurable { Attrs::CONFIGURABLE } else { 0 },
        )
    }
    /// CreateDataProperty's attributes (§7.3.5): all true.
    pub const ALL: Attrs = Attrs::new(true, true, true);
    /// The built-in methods' (§18 ECMAScript Standard Built-in Objects, and MakeConstructor's
    /// `constructor`): writable, not enumerable, configurable.
    pub const HIDDEN: Attrs = Attrs::new(true, false, true);
    /// A built-in function's `length` and `name` (§10.2.9 SetFunctionName, §10.2.10
    /// SetFunctionLength): only configurable.
    pub const CONFIGURABLE_ONLY: Attrs = Attrs::new(false, false, true);
    /// Every attribute false (a built-in constructor's `prototype`, §18).
    pub const NONE: Attrs = Attrs::new(false, false, false);

    pub fn writable(self) -> bool {
        self.0 & Attrs::WRITABLE != 0
    }
    pub fn enumerable(self) -> bool {
        self.0 & Attrs::ENUMERABLE != 0
    }
    pub fn configurable(self) -> bool {
        self.0 & Attrs::CONFIGURABLE != 0
    }
}

/// A property (ECMA-262 §6.1.7.1): a data value or an accessor pair, with its attributes.
///
/// The attributes nearly every property has are carried by the variant, so that a common
/// object stores nothing more than its values: `Data` is writable, enumerable and
/// configurable (CreateDataProperty, an assignment), `Hidden` is writable and configurable
/// but not enumerable (MakeConstructor's `prototype`, a `constructor`), `Accessor` is
/// configurable. Any other combination (a property `Object.defineProperty` or
/// `Object.freeze` made non-writable or non-configurable) is `Fixed` or `FixedAccessor`,
/// with the attributes as a bitset beside the value. [`Prop::data`] and [`Prop::accessor`]
/// choose the variant, so that one property has one representation (equality and hashing
/// of states are by content).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Prop {
    Data(Value),
    Accessor {
        get: Option<Value>,
        set: Option<Value>,
        enumerable: bool,
    },
    /// `{ [[Value]], [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }`:
    /// MakeConstructor's `prototype` (§10.2.5 step 6) and the prototype's `constructor`
    /// (step 5.b).
    Hidden(Value),
    /// A data property that is not writable or not configurable: its attributes beside it.
    Fixed(Value, Attrs),
    /// An accessor whose [[Configurable]] is false.
    FixedAccessor {
        get: Option<Value>,
        set: Option<Value>,
        enumerable: bool,
    },
}

impl Prop {
    /// The data property `{ [[Value]]: value }` with `attrs`, in its one representation.
    pub fn data(value: Value, attrs: Attrs) -> Prop {
        match attrs {
            Attrs::ALL => Prop::Data(value),
            Attrs::HIDDEN => Prop::Hidden(value),
            _ => Prop::Fixed(value, attrs),
        }
    }

    /// The accessor property `{ [[Get]], [[Set]], [[Enumerable]], [[Configurable]] }`.
    pub fn accessor(
        get: Option<Value>,
        set: Option<Value>,
        enumerable: bool,
        configurable: bool,
    ) -> Prop {
        if configurable {
            Prop::Accessor {
                get,
                set,
                enumerable,
            }
        } else {
            Prop::FixedAccessor {
                get,
                set,
                enumerable,
            }
        }
    }

    /// The property's Boolean attributes ([[Writable]] is false for an accessor).
    pub fn attrs(&self) -> Attrs {
        match self {
            Prop::Data(_) => Attrs::ALL,
            Prop::Hidden(_) => Attrs::HIDDEN,
            Prop::Fixed(_, a) => *a,
            Prop::Accessor { enumerable, .. } => Attrs::new(false, *enumerable, true),
            Prop::FixedAccessor { enumerable, .. } => Attrs::new(false, *enumerable, false),
        }
    }

    /// [[Enumerable]] (§6.1.7.1).
    pub fn is_enumerable(&self) -> bool {
        self.attrs().enumerable()
    }

    /// [[Configurable]] (§6.1.7.1).
    pub fn is_configurable(&self) -> bool {
        self.attrs().configurable()
    }

    /// A data property's [[Value]]; `None` for an accessor.
    pub fn value(&self) -> Option<&Value> {
        match self {
            Prop::Data(v) | Prop::Hidden(v) | Prop::Fixed(v, _) => Some(v),
            Prop::Accessor { .. } | Prop::FixedAccessor { .. } => None,
        }
    }

    /// An accessor property's [[Get]] and [[Set]]; `None` for a data property.
    pub fn get_set(&self) -> Option<(&Option<Value>, &Option<Value>)> {
        match self {
            Prop::Accessor { get, set, .. } | Prop::FixedAccessor { get, set, .. } => {
                Some((get, set))
            }
            _ => None,
        }
    }
}

/// An object's [[Prototype]] internal slot (§10.1, Table 4 / §10.1.1).
///
/// Nearly every object's prototype is the intrinsic of its kind (%Object.prototype% for an
/// ordinary object, %Array.prototype% for an array, %Function.prototype% for a function, …);
/// that is `Default`, resolved by kind when a property is looked up, so these objects store no
/// reference and their cells are what they were before prototypes existed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Proto {
    /// The intrinsic prototype of the object's kind.
    #[default]
    Default,
    /// `null`: the chain ends here (`Object.create(null)`).
    Null,
    /// A user-visible object on the heap (`new F` with `F.prototype`, `Object.create(p)`).
    Object(ObjId),
    /// An intrinsic named explicitly (`Object.create(Error.prototype)`).
    Intrinsic(Intrinsic),
    /// Another built-in object: a derived class constructor's parent when it extends a
    /// built-in constructor (`class P extends Promise`: P.[[Prototype]] is %Promise%,
    /// §15.7.14 step 8.g), or a host's prototype object (`EventEmitter.prototype`).
    Builtin(Builtin),
}

/// The kinds of errors the model creates (ECMA-262 §20.5.5 NativeError types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    Error,
    TypeError,
    RangeError,
    ReferenceError,
    SyntaxError,
    AggregateError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Error => "Error",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::RangeError => "RangeError",
            ErrorKind::ReferenceError => "ReferenceError",
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::AggregateError => "AggregateError",
        }
    }
}

/// A user function object: compiled code plus its captured environment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Closure {
    pub func: FuncId,
    pub env: ObjId,
    /// For arrows: the `this` of the context that created them.
    pub this: Value,
}

/// An arguments exotic object's [[ParameterMap]] (ECMA-262 §10.4.4, §10.4.4.7
/// CreateMappedArgumentsObject step 17): index `i` with `mapped[i]` aliases slot `i` of the
/// function environment `env` (parameter `i`'s binding). The spec's map holds a getter and a
/// setter closure per index; here the arguments object and the environment write through to
/// each other (`crate::es::arguments`), so both always hold the same value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ParameterMap {
    pub env: ObjId,
    pub mapped: Vec<bool>,
}

/// A PrivateElement (§6.2.10): what an object holds under a Private Name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PrivateElement {
    /// A private field (`#x = v`).
    Field(Value),
    /// A private method (`#m() {}`): not writable.
    Method(Value),
    /// A private accessor (`get #a() {}` / `set #a(v) {}`).
    Accessor {
        get: Option<Value>,
        set: Option<Value>,
    },
}

/// Internal records: spec "Records" and Lists that several closures share.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Record {
    /// `{ [[Value]]: bool }`, e.g. the AlreadyResolved record of ES-5.
    Flag(bool),
    /// `{ [[Value]]: n }`, e.g. remainingElements of ES-11.
    Counter(u32),
    /// A List of values (ES-11 values/errors).
    List(Vec<Value>),
    /// A Private Name (§6.2.12): a new one for each `#x` a class evaluation declares; its
    /// identity is this cell, its [[Description]] the text.
    PrivateName(Arc<str>),
}

/// What a heap cell is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ObjKind<X> {
    Ordinary,
    /// An Array exotic object (§10.4.2): its elements and `length`.
    Array(Elements),
    Function(Closure),
    /// A built-in function with captured data (resolve functions, await continuations, …).
    Native(NativeFn),
    Promise(PromiseData),
    Error(ErrorKind),
    /// A `Date` object with its time value in ms.
    Date(u64),
    /// An arguments exotic object (§10.4.4): its [[ParameterMap]], `None` for an unmapped
    /// one (§10.4.4.6, [[ParameterMap]] undefined). Its indices, `length` and `callee` are
    /// ordinary own properties.
    Arguments(Option<ParameterMap>),
    /// A declarative environment: `parent` and the binding slots. A function environment
    /// whose parameters a mapped arguments object aliases names it in `arguments`, so that a
    /// write to a parameter binding also reaches the object (§10.4.4.7.2 MakeArgSetter).
    Env {
        parent: Option<ObjId>,
        slots: Vec<Value>,
        arguments: Option<ObjId>,
        /// Whether a closure has captured the environment: one was created (`MakeClosure`)
        /// while it was the running environment or an outer one of it. Only then can anything
        /// but the running frame reach it (`crate::vm::env`). Not modelled state: a state
        /// reached by two schedules keeps the record of the first, which is right for the
        /// other too (a closure that captured the environment in one is in the other's heap
        /// as well, or has become garbage).
        captured: Unmodelled<bool>,
    },
    /// A suspended async function (ES-9 step 8 "suspend"), resumed by its await reactions.
    Frame(Box<Frame>),
    /// A taken frame: the one running now (placeholder while it is off the heap).
    FrameTaken,
    Record(Record),
    /// A host-defined exotic object (a Node `Timeout`, a DOM element, …).
    Host(X),
}

/// A heap cell: its kind, its [[Prototype]], its own properties in insertion order and
/// whether [[PreventExtensions]] (§10.1.4) ran on it (the [[Extensible]] slot, negated so
/// that a fresh cell is all defaults).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Obj<X> {
    pub kind: ObjKind<X>,
    pub proto: Proto,
    pub props: Vec<(Arc<str>, Prop)>,
    pub non_extensible: bool,
    /// [[PrivateElements]] (§10.1 Table 4 footnote, §7.3.31–§7.3.33): by Private Name
    /// (a `Record::PrivateName` cell), in the order they were added.
    pub private: Vec<(ObjId, PrivateElement)>,
}

impl<X> Obj<X> {
    pub fn new(kind: ObjKind<X>) -> Obj<X> {
        Obj {
            kind,
            proto: Proto::Default,
            props: Vec::new(),
            non_extensible: false,
            private: Vec::new(),
        }
    }
    /// OrdinaryOwnPropertyKeys (§10.1.11.1) over the string-keyed properties: step 2, every
    /// array index in ascending numeric order; step 3, the other strings in creation order.
    pub fn ordinary_own_property_keys(&self) -> Vec<&(Arc<str>, Prop)> {
        let mut indices: Vec<(u32, &(Arc<str>, Prop))> = self
            .props
            .iter()
            .filter_map(|e| crate::vm::props::array_index(&e.0).map(|i| (i, e)))
            .collect();
        indices.sort_by_key(|(i, _)| *i);
        let mut keys: Vec<&(Arc<str>, Prop)> = indices.into_iter().map(|(_, e)| e).collect();
        keys.extend(
            self.props
                .iter()
                .filter(|e| crate::vm::props::array_index(&e.0).is_none()),
        );
        keys
    }

    /// Whether an array keeps elements among its stored properties (an accessor element, or
    /// one whose attributes are not all true) or a non-writable `length` there, or is not
    /// extensible: then its [`Elements`] alone do not say what its indices hold or may hold.
    pub fn has_stored_elements(&self) -> bool {
        matches!(self.kind, ObjKind::Array(_))
            && (self.non_extensible
                || self
                    .props
                    .iter()
                    .any(|(k, _)| &**k == "length" || crate::vm::props::array_index(k).is_some()))
    }

    pub fn get_own(&self, key: &str) -> Option<&Prop> {
        self.props.iter().find(|(k, _)| &**k == key).map(|(_, p)| p)
    }
    pub fn set_own(&mut self, key: &str, prop: Prop) {
        match self.props.iter_mut().find(|(k, _)| &**k == key) {
            Some((_, p)) => *p = prop,
            None => self.props.push((Arc::from(key), prop)),
        }
    }
}

/// The heap. Cells are allocated in execution order; an id is reused only after nothing refers
/// to its cell any more ([`Heap::free_last`]).
///
/// Each cell is shared copy-on-write between the states of an exploration ([`Arc`]): cloning a
/// heap copies one pointer per cell, and a cell is copied only when a state writes to it
/// ([`Heap::get_mut`]). Equality and hashing are by content.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Heap<X> {
    cells: Vec<Arc<Obj<X>>>,
}

impl<X> Default for Heap<X> {
    fn default() -> Self {
        Heap { cells: Vec::new() }
    }
}

impl<X: Clone> Heap<X> {
    pub fn alloc(&mut self, obj: Obj<X>) -> ObjId {
        let id = ObjId(self.cells.len() as u32);
        self.cells.push(Arc::new(obj));
        id
    }
    pub fn alloc_kind(&mut self, kind: ObjKind<X>) -> ObjId {
        self.alloc(Obj::new(kind))
    }
    pub fn get(&self, id: ObjId) -> &Obj<X> {
        &self.cells[id.0 as usize]
    }
    /// The cell to write to (copied first if another state shares it).
    pub fn get_mut(&mut self, id: ObjId) -> &mut Obj<X> {
        Arc::make_mut(&mut self.cells[id.0 as usize])
    }
    /// Frees the last cell, if it is `id`, which nothing refers to any more (the caller
    /// knows): garbage collected at once instead of at the next canonicalization.
    pub fn free_last(&mut self, id: ObjId) {
        if id.0 as usize + 1 == self.cells.len() {
            self.cells.pop();
        }
    }
    /// Takes all cells out, leaving the heap empty (canonicalization).
    pub fn take_cells(&mut self) -> Vec<Arc<Obj<X>>> {
        std::mem::take(&mut self.cells)
    }
    /// A heap of these cells, in this order (canonicalization).
    pub fn from_cells(cells: Vec<Arc<Obj<X>>>) -> Heap<X> {
        Heap { cells }
    }
    pub fn len(&self) -> usize {
        self.cells.len()
    }
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

crate::heap_refs!(enum [] Prop {
    Data(v),
    Accessor { get, set, .. },
    Hidden(v),
    Fixed(v, _),
    FixedAccessor { get, set, .. },
});
crate::heap_refs!(struct [] ParameterMap { env });
crate::heap_refs!(enum [] Proto { Default, Null, Object(id), Intrinsic(_), Builtin(_) });
crate::heap_refs!(struct [] Closure { env, this });
crate::heap_refs!(enum [] Record { Flag(_), Counter(_), List(l), PrivateName(_) });
crate::heap_refs!(enum [] PrivateElement { Field(v), Method(v), Accessor { get, set } });
crate::heap_refs!(enum [X: crate::refs::HeapRefs] ObjKind<X> {
    Ordinary,
    Array(items),
    Function(c),
    Native(n),
    Promise(p),
    Error(_),
    Date(_),
    Arguments(m),
    Env { parent, slots, arguments, .. },
    Frame(frame),
    FrameTaken,
    Record(r),
    Host(x),
});
crate::heap_refs!(struct [X: crate::refs::HeapRefs] Obj<X> { kind, proto, props, private });
