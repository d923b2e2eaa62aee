//! Node's `util.inspect` (FORMAT-2), as `console.log` uses it for every argument that is
//! not a string: a port of `lib/internal/util/inspect.js` of Node.js 20/22/24 (the three
//! agree on everything this file covers) over the engine's heap, with the options
//! `console.log` passes when stdout is not a terminal — `depth: 2`, `breakLength: 80`,
//! `compact: 3`, `maxArrayLength: 100`, `maxStringLength: 10000`, no colours. Deno's console
//! is a port of the same algorithm; its differences are [`Style::Deno`].
//!
//! Each function is named as its counterpart in `inspect.js`. Reading a value runs no
//! JavaScript, as in Node (getters print as `[Getter]`, no `toString` is called). What the
//! engine cannot print as the runtime does (a host object whose runtime prints internals,
//! the global object, an intrinsic prototype) is a [`Refusal`] that names it.
//!
//! An error prints as the first line of its stack: evloop does not model stack frames. The
//! frames still shape the layout in the runtime (a stack contains line breaks, so an object
//! holding an error never fits on one line), so the port formats a stand-in frame line
//! ([`FRAME`]) and removes the frame lines at the end, as the conformance harness removes
//! them from the runtime's output ([`strip_frames`]).

use std::collections::HashMap;

use evloop_engine::builtins::{Builtin, Intrinsic};
use evloop_engine::es::promise::PromiseState;
use evloop_engine::heap::{Attrs, Heap, Obj, ObjKind, Prop, Proto};
use evloop_engine::ir::{FunctionKind, Program};
use evloop_engine::number::number_to_string;
use evloop_engine::value::{ObjId, Value};
use evloop_engine::vm::proto::default_intrinsic;

use crate::host::object::HostObj;

/// Whose console: Node's options, or Deno's port of the same algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Node,
    /// Deno 2: `depth: 4`; strings quoted with the first of `"`, `'`, `` ` `` they do not
    /// contain (Node: `'` first).
    Deno,
}

/// A value the port does not print as the runtime does, named for the diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

type R<T> = Result<T, Refusal>;

/// The stand-in stack frame of an error (see the module comment).
const FRAME: &str = "\n    at \u{0}evloop-frame";

const BREAK_LENGTH: usize = 80;
const COMPACT: usize = 3;
const MAX_ARRAY_LENGTH: u32 = 100;
const MAX_STRING_LENGTH: usize = 10_000;
/// `kMinLineLength`.
const MIN_LINE_LENGTH: usize = 16;

/// `util.inspect(value)` with the console's options.
pub fn inspect(heap: &Heap<HostObj>, program: &Program, style: Style, v: &Value) -> R<String> {
    Inspector::new(heap, program, style).inspect(v)
}

/// `inspect(value, { depth: 0 })` (util.format's `%s` of an object with a built-in
/// `toString`).
pub fn inspect_depth0(
    heap: &Heap<HostObj>,
    program: &Program,
    style: Style,
    v: &Value,
) -> R<String> {
    let mut i = Inspector::new(heap, program, style);
    i.depth = 0;
    i.inspect(v)
}

impl<'a> Inspector<'a> {
    /// A fresh inspection context (`ctx`). Node makes one per value; Deno's `inspectArgs` one
    /// per `console.log` call, so its circular references are numbered across the arguments.
    pub fn new(heap: &'a Heap<HostObj>, program: &'a Program, style: Style) -> Inspector<'a> {
        Inspector {
            heap,
            program,
            style,
            depth: match style {
                Style::Node => 2,
                Style::Deno => 4,
            },
            indentation_lvl: 0,
            current_depth: 0,
            seen: Vec::new(),
            circular: HashMap::new(),
        }
    }

    /// `formatValue(ctx, value, 0)`, without the stand-in frames.
    pub fn inspect(&mut self, v: &Value) -> R<String> {
        let s = self.format_value(v, 0)?;
        Ok(strip_frames(&s))
    }
}

/// Removes the stand-in frame lines ([`FRAME`]: a line break, spaces, `at ` and the
/// marker). The conformance harness gives each error it prints the same stand-in stack and
/// removes it the same way (conformance/harness/node-prelude.js).
pub fn strip_frames(s: &str) -> String {
    const MARK: &str = "at \u{0}evloop-frame";
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(MARK) {
        let before = rest[..i].trim_end_matches(' ');
        match before.strip_suffix('\n') {
            Some(kept) => out.push_str(kept),
            None => out.push_str(&rest[..i + MARK.len()]),
        }
        rest = &rest[i + MARK.len()..];
    }
    out.push_str(rest);
    out
}

/// JavaScript's `.length` of a string: UTF-16 code units.
fn js_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// `getStringWidth`: columns on a terminal (full-width characters count two).
fn string_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `ctx` of inspect.js: the options and the state of one inspection.
pub struct Inspector<'a> {
    heap: &'a Heap<HostObj>,
    program: &'a Program,
    style: Style,
    depth: usize,
    indentation_lvl: usize,
    current_depth: usize,
    seen: Vec<ObjId>,
    circular: HashMap<ObjId, usize>,
}

/// `kObjectType`, `kArrayType`, `kArrayExtrasType`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Extras {
    Object,
    Array,
}

/// What `formatRaw` lists after its own entries.
enum Formatter {
    Empty,
    Array(ObjId),
    Promise(ObjId),
}

impl Inspector<'_> {
    fn obj(&self, id: ObjId) -> &Obj<HostObj> {
        self.heap.get(id)
    }

    /// `formatValue`.
    fn format_value(&mut self, v: &Value, recurse_times: usize) -> R<String> {
        match v {
            Value::Object(id) => {
                if self.seen.contains(id) {
                    let next = self.circular.len() + 1;
                    let index = *self.circular.entry(*id).or_insert(next);
                    return Ok(format!("[Circular *{index}]"));
                }
                self.format_raw(*id, recurse_times)
            }
            Value::Builtin(b) => self.format_builtin(*b),
            v => Ok(self.format_primitive(v)),
        }
    }

    /// A built-in function or namespace object (no heap cell).
    fn format_builtin(&mut self, b: Builtin) -> R<String> {
        match b {
            Builtin::MathObj => Ok("Object [Math] {}".into()),
            Builtin::JsonObj => Ok("Object [JSON] {}".into()),
            b if b.is_callable::<HostObj>() && !matches!(b, Builtin::Host(_)) => {
                let name = b.name::<HostObj>();
                Ok(if name.is_empty() {
                    "[Function (anonymous)]".into()
                } else {
                    format!("[Function: {name}]")
                })
            }
            b => Err(Refusal(format!(
                "the built-in object {}",
                b.name::<HostObj>()
            ))),
        }
    }

    /// `formatPrimitive`.
    fn format_primitive(&self, v: &Value) -> String {
        match v {
            Value::String(s) => {
                let mut value: &str = s;
                let mut trailer = String::new();
                let len = js_len(value);
                if len > MAX_STRING_LENGTH {
                    let remaining = len - MAX_STRING_LENGTH;
                    value = utf16_prefix(value, MAX_STRING_LENGTH);
                    let s = if remaining > 1 { "s" } else { "" };
                    trailer = format!("... {remaining} more character{s}");
                }
                let len = js_len(value);
                if len > MIN_LINE_LENGTH && len + self.indentation_lvl + 4 > BREAK_LENGTH {
                    // `value.split(/(?<=\n)/)`: each line keeps its line break.
                    let pieces: Vec<String> = value
                        .split_inclusive('\n')
                        .map(|l| self.str_escape(l))
                        .collect();
                    let sep = format!(" +\n{}", " ".repeat(self.indentation_lvl + 2));
                    return pieces.join(&sep) + &trailer;
                }
                self.str_escape(value) + &trailer
            }
            Value::Number(n) => format_number(n.get()),
            Value::Bool(b) => b.to_string(),
            Value::Undefined | Value::Hole => "undefined".into(),
            Value::Null => "null".into(),
            Value::Object(_) | Value::Builtin(_) => unreachable!("objects are not primitives"),
        }
    }

    /// `strEscape` (Node) or `quoteString` (Deno).
    fn str_escape(&self, s: &str) -> String {
        match self.style {
            Style::Node => str_escape(s),
            Style::Deno => deno_quote_string(s),
        }
    }

    /// A property key as it prints: bare when it matches `keyStrRegExp`, quoted otherwise.
    fn key_name(&self, key: &str, enumerable: bool) -> String {
        if key == "__proto__" {
            return "['__proto__']".into();
        }
        if !enumerable {
            return format!("[{key}]");
        }
        let mut chars = key.chars();
        let ident = matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
        if ident {
            key.to_string()
        } else {
            self.str_escape(key)
        }
    }

    /// The intrinsic prototype an object of this kind has by default.
    fn proto_of(&self, id: ObjId) -> ProtoRef {
        let obj = self.obj(id);
        match obj.proto {
            Proto::Null => ProtoRef::Null,
            Proto::Object(p) => ProtoRef::Object(p),
            Proto::Intrinsic(i) => ProtoRef::Intrinsic(i),
            // A built-in constructor (a class's heritage, `class A extends Error`): a
            // function, whose own properties hold no `constructor`, on %Function.prototype%.
            Proto::Builtin(_) => ProtoRef::Intrinsic(Intrinsic::Function),
            Proto::Default => ProtoRef::Intrinsic(default_intrinsic(&obj.kind)),
        }
    }

    /// Whether `proto` is on the prototype chain of `id` (`id instanceof C` for the
    /// constructor `C` whose `prototype` is `proto`).
    fn chain_contains(&self, id: ObjId, proto: ProtoRef) -> bool {
        let mut p = self.proto_of(id);
        for _ in 0..10_000 {
            if p == proto {
                return true;
            }
            p = match p {
                ProtoRef::Null => return false,
                ProtoRef::Object(o) => self.proto_of(o),
                ProtoRef::Intrinsic(i) => i.parent().map_or(ProtoRef::Null, ProtoRef::Intrinsic),
            };
        }
        false
    }

    /// `getConstructorName`: the `name` of the first `constructor` on the prototype chain
    /// (own data property, a named function the object is an instance of); `None` for a
    /// chain that ends without one (a null prototype).
    fn get_constructor_name(&self, id: ObjId) -> R<Option<String>> {
        let mut obj = ProtoRef::Object(id);
        let mut first_proto: Option<ProtoRef> = None;
        for _ in 0..10_000 {
            match obj {
                ProtoRef::Null => break,
                ProtoRef::Intrinsic(i) => {
                    // The intrinsic prototypes' `constructor`s cannot be changed in the
                    // engine, and an object whose chain reaches one is an instance of it.
                    return Ok(Some(intrinsic_constructor_name(i).to_string()));
                }
                ProtoRef::Object(o) => {
                    if let Some(c) = self.obj(o).get_own("constructor").and_then(Prop::value)
                        && let Some((name, proto)) = self.constructor_of(c)
                        && !name.is_empty()
                        && self.chain_contains(id, proto)
                    {
                        return Ok(Some(name));
                    }
                    obj = self.proto_of(o);
                    if first_proto.is_none() {
                        first_proto = Some(obj);
                    }
                }
            }
        }
        if first_proto == Some(ProtoRef::Null) {
            return Ok(None);
        }
        Err(Refusal(
            "an object whose prototype chain has no named constructor".into(),
        ))
    }

    /// A function's `name` and its `prototype` (for the instance check), when `c` is one.
    fn constructor_of(&self, c: &Value) -> Option<(String, ProtoRef)> {
        match c {
            Value::Builtin(b) if b.is_callable::<HostObj>() => {
                let proto = match b {
                    Builtin::ObjectCtor => Intrinsic::Object,
                    Builtin::FunctionCtor => Intrinsic::Function,
                    Builtin::ArrayCtor => Intrinsic::Array,
                    Builtin::PromiseCtor => Intrinsic::Promise,
                    Builtin::DateCtor => Intrinsic::Date,
                    Builtin::ErrorCtor(k) => Intrinsic::Error(*k),
                    _ => return None,
                };
                Some((b.name::<HostObj>().to_string(), ProtoRef::Intrinsic(proto)))
            }
            Value::Object(f) => {
                let name = self.function_name(*f)?;
                let proto = match self.obj(*f).get_own("prototype").and_then(Prop::value) {
                    Some(Value::Object(p)) => ProtoRef::Object(*p),
                    _ => return None,
                };
                Some((name, proto))
            }
            _ => None,
        }
    }

    /// A function object's `name` (`None` when `f` is not a function).
    fn function_name(&self, f: ObjId) -> Option<String> {
        let obj = self.obj(f);
        match &obj.kind {
            ObjKind::Function(_) | ObjKind::Native(_) => {}
            _ => return None,
        }
        match obj.get_own("name").map(Prop::value) {
            Some(Some(Value::String(s))) => return Some(s.to_string()),
            Some(_) => return Some(String::new()),
            None => {}
        }
        Some(match &obj.kind {
            ObjKind::Function(c) => self
                .program
                .functions
                .get(c.func as usize)
                .and_then(|f| f.name.as_ref())
                .map(|n| n.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        })
    }

    /// `getKeys` (without `showHidden`): the own enumerable string keys, in
    /// OrdinaryOwnPropertyKeys order. For an array, only those that are not indices
    /// (`getOwnNonIndexProperties`).
    fn keys(&self, id: ObjId) -> Vec<(String, Prop)> {
        self.obj(id)
            .ordinary_own_property_keys()
            .into_iter()
            .filter(|(_, p)| p.is_enumerable())
            .map(|(k, p)| (k.to_string(), p.clone()))
            .collect()
    }

    /// `formatRaw`.
    fn format_raw(&mut self, id: ObjId, mut recurse_times: usize) -> R<String> {
        if let ObjKind::Host(h) = &self.obj(id).kind {
            return self.format_host(h);
        }
        let constructor = self.get_constructor_name(id)?;
        let mut keys = self.keys(id);
        let mut base = String::new();
        let mut braces = ["{".to_string(), "}".to_string()];
        let mut formatter = Formatter::Empty;
        let mut extras = Extras::Object;
        let kind = &self.obj(id).kind;
        match kind {
            ObjKind::Array(items) => {
                let len = items.len();
                let prefix = if constructor.as_deref() != Some("Array") {
                    get_prefix(constructor.as_deref(), "Array", &format!("({len})"))
                } else {
                    String::new()
                };
                braces = [format!("{prefix}["), "]".into()];
                if len == 0 && keys.is_empty() {
                    return Ok(format!("{}]", braces[0]));
                }
                extras = Extras::Array;
                formatter = Formatter::Array(id);
            }
            ObjKind::Function(_) | ObjKind::Native(_) => {
                base = self.get_function_base(id, constructor.as_deref());
                if keys.is_empty() {
                    return Ok(base);
                }
            }
            ObjKind::Arguments(_) if constructor.as_deref() == Some("Object") => {
                braces[0] = "[Arguments] {".into();
                if keys.is_empty() {
                    return Ok("[Arguments] {}".into());
                }
            }
            ObjKind::Date(_) => {
                let ObjKind::Date(t) = kind else {
                    unreachable!()
                };
                base = evloop_engine::builtins::date::date_string(*t);
                if constructor.as_deref() != Some("Date") {
                    base = format!("{}{base}", get_prefix(constructor.as_deref(), "Date", ""));
                }
                if keys.is_empty() {
                    return Ok(base);
                }
            }
            ObjKind::Error(k) => {
                let k = *k;
                base = self.format_error(id, k, constructor.as_deref(), &mut keys)?;
                if keys.is_empty() {
                    return Ok(base);
                }
            }
            ObjKind::Promise(_) => {
                // `Promise.prototype[Symbol.toStringTag]` is "Promise": a subclass's
                // instance shows it after its constructor (`P [Promise] { 1 }`).
                let prefix = match constructor.as_deref() {
                    Some(c) if c != "Promise" => format!("{c} [Promise] "),
                    c => get_prefix(c, "Promise", ""),
                };
                braces[0] = format!("{prefix}{{");
                formatter = Formatter::Promise(id);
            }
            ObjKind::Ordinary if constructor.as_deref() == Some("Object") => {
                if keys.is_empty() {
                    return Ok("{}".into());
                }
            }
            ObjKind::Ordinary => {
                let style = get_prefix(constructor.as_deref(), "Object", "");
                if keys.is_empty() {
                    return Ok(format!("{style}{{}}"));
                }
                braces[0] = format!("{style}{{");
            }
            _ => return Err(Refusal("an internal object".into())),
        }
        if recurse_times > self.depth {
            let style = get_prefix(
                constructor.as_deref(),
                fallback_name(&self.obj(id).kind),
                "",
            );
            let name = &style[..style.len() - 1];
            return Ok(if constructor.is_some() {
                format!("[{name}]")
            } else {
                name.to_string()
            });
        }
        recurse_times += 1;
        self.seen.push(id);
        self.current_depth = recurse_times;
        let mut output = match formatter {
            Formatter::Empty => Vec::new(),
            Formatter::Array(a) => self.format_array(a, recurse_times)?,
            Formatter::Promise(p) => self.format_promise(p, recurse_times)?,
        };
        for (k, p) in &keys {
            output.push(self.format_property(k, p, recurse_times, Extras::Object)?);
        }
        if let Some(index) = self.circular.get(&id) {
            let reference = format!("<ref *{index}>");
            base = if base.is_empty() {
                reference
            } else {
                format!("{reference} {base}")
            };
        }
        self.seen.pop();
        Ok(self.reduce_to_single_string(output, &base, &braces, extras, recurse_times, Some(id)))
    }

    /// A host object: only those the runtime prints the way the model's host does.
    fn format_host(&self, h: &HostObj) -> R<String> {
        match (h, self.style) {
            (HostObj::Buffer(_), Style::Node) => Ok(evloop_engine::HostData::inspect(h)),
            _ => Err(Refusal(format!(
                "a host object ({}), whose runtime prints its internal fields",
                evloop_engine::HostData::inspect(h)
            ))),
        }
    }

    /// `getFunctionBase`.
    fn get_function_base(&self, id: ObjId, constructor: Option<&str>) -> String {
        let kind = match &self.obj(id).kind {
            ObjKind::Function(c) => self
                .program
                .functions
                .get(c.func as usize)
                .map(|f| f.kind)
                .unwrap_or(FunctionKind::Normal),
            _ => FunctionKind::Normal,
        };
        if matches!(
            kind,
            FunctionKind::ClassConstructor | FunctionKind::DerivedConstructor
        ) {
            return self.get_class_base(id, constructor);
        }
        let ty = if kind.is_async() {
            "AsyncFunction"
        } else {
            "Function"
        };
        let mut base = format!("[{ty}");
        if constructor.is_none() {
            base.push_str(" (null prototype)");
        }
        match self.function_name(id).unwrap_or_default().as_str() {
            "" => base.push_str(" (anonymous)"),
            name => {
                base.push_str(": ");
                base.push_str(name);
            }
        }
        base.push(']');
        // An async function's constructor is %AsyncFunction% (§27.7.3), whose name is the
        // type; the engine keeps such functions on %Function.prototype%.
        let constructor = match constructor {
            Some("Function") if kind.is_async() => Some("AsyncFunction"),
            c => c,
        };
        if let Some(c) = constructor
            && c != ty
        {
            base.push(' ');
            base.push_str(c);
        }
        base
    }

    /// `getClassBase`: `[class A]`, `[class B extends A]`, `[class (anonymous)]`.
    fn get_class_base(&self, id: ObjId, constructor: Option<&str>) -> String {
        let name = match self.function_name(id).unwrap_or_default() {
            n if n.is_empty() => "(anonymous)".to_string(),
            n => n,
        };
        let mut base = format!("class {name}");
        match constructor {
            None => base.push_str(" extends [null prototype]"),
            Some(c) => {
                if c != "Function" {
                    base.push_str(&format!(" [{c}]"));
                }
                // `Object.getPrototypeOf(value).name`, when it is not empty.
                let super_name = match self.obj(id).proto {
                    Proto::Object(p) => self.function_name(p).unwrap_or_default(),
                    Proto::Builtin(b) => b.name::<HostObj>().to_string(),
                    _ => String::new(),
                };
                if !super_name.is_empty() {
                    base.push_str(&format!(" extends {super_name}"));
                }
            }
        }
        format!("[{base}]")
    }

    /// `formatError`: the stack's first line (the error's `name: message`), with `cause` and
    /// AggregateError's `errors` added as keys.
    fn format_error(
        &mut self,
        id: ObjId,
        kind: evloop_engine::heap::ErrorKind,
        constructor: Option<&str>,
        keys: &mut Vec<(String, Prop)>,
    ) -> R<String> {
        let name = match self.lookup(id, "name") {
            Some(Value::String(s)) => s.to_string(),
            None => kind.name().to_string(),
            Some(_) => return Err(Refusal("an error whose name is not a string".into())),
        };
        let message = match self.lookup(id, "message") {
            Some(Value::String(s)) => s.to_string(),
            None => String::new(),
            Some(_) => return Err(Refusal("an error whose message is not a string".into())),
        };
        // The stack's first line, as V8 writes it when the error is created
        // (ErrorUtils::ToString: `name`, `: message` when there is one).
        let first = match (name.as_str(), message.as_str()) {
            (n, "") => n.to_string(),
            ("", m) => m.to_string(),
            (n, m) => format!("{n}: {m}"),
        };
        // removeDuplicateErrorKeys: an own enumerable name/message/stack already in the
        // stack's text is not listed again.
        keys.retain(|(k, p)| {
            !(matches!(k.as_str(), "name" | "message" | "stack")
                && matches!(p.value(), Some(Value::String(s)) if first.contains(&**s)))
        });
        let obj = self.obj(id);
        if obj.get_own("cause").is_some() && !keys.iter().any(|(k, _)| k == "cause") {
            let p = obj.get_own("cause").cloned().expect("checked");
            keys.push(("cause".into(), hidden(p)));
        }
        if kind == evloop_engine::heap::ErrorKind::AggregateError
            && let Some(p) = obj.get_own("errors")
            && !keys.iter().any(|(k, _)| k == "errors")
        {
            keys.push(("errors".into(), hidden(p.clone())));
        }
        let mut stack = improve_stack(first, constructor, &name)?;
        stack.push_str(FRAME);
        if self.indentation_lvl != 0 {
            stack = stack.replace('\n', &format!("\n{}", " ".repeat(self.indentation_lvl)));
        }
        Ok(stack)
    }

    /// A data property's value found on the object or its prototype chain (no getters).
    fn lookup(&self, id: ObjId, key: &str) -> Option<Value> {
        let mut p = ProtoRef::Object(id);
        for _ in 0..10_000 {
            match p {
                ProtoRef::Object(o) => {
                    if let Some(p) = self.obj(o).get_own(key) {
                        return Some(p.value().cloned().unwrap_or(Value::Undefined));
                    }
                    p = self.proto_of(o);
                }
                ProtoRef::Intrinsic(Intrinsic::Error(k)) if key == "name" => {
                    return Some(Value::str(k.name()));
                }
                ProtoRef::Intrinsic(Intrinsic::Error(_)) if key == "message" => {
                    return Some(Value::str(""));
                }
                ProtoRef::Intrinsic(i) => {
                    p = i.parent().map_or(ProtoRef::Null, ProtoRef::Intrinsic);
                }
                ProtoRef::Null => return None,
            }
        }
        None
    }

    /// `formatArray` and `formatSpecialArray`.
    fn format_array(&mut self, id: ObjId, recurse_times: usize) -> R<Vec<String>> {
        let ObjKind::Array(items) = &self.obj(id).kind else {
            unreachable!("formatArray on an array")
        };
        let items = items.clone();
        let val_len = items.len();
        let max_length = val_len.min(MAX_ARRAY_LENGTH);
        let mut output = Vec::new();
        let mut index = 0u32;
        for (i, v) in items.iter() {
            if output.len() as u32 >= max_length {
                break;
            }
            if i != index {
                output.push(empty_items(i - index));
                index = i;
                if output.len() as u32 == max_length {
                    break;
                }
            }
            output.push(self.format_property(
                "",
                &Prop::Data(v.clone()),
                recurse_times,
                Extras::Array,
            )?);
            index += 1;
        }
        let remaining = val_len - index;
        if output.len() as u32 != max_length {
            if remaining > 0 {
                output.push(empty_items(remaining));
            }
        } else if remaining > 0 {
            output.push(remaining_text(remaining));
        }
        Ok(output)
    }

    /// `formatPromise`.
    fn format_promise(&mut self, id: ObjId, recurse_times: usize) -> R<Vec<String>> {
        let ObjKind::Promise(p) = &self.obj(id).kind else {
            unreachable!("formatPromise on a promise")
        };
        let (rejected, result) = match &p.state {
            PromiseState::Pending => return Ok(vec!["<pending>".into()]),
            PromiseState::Fulfilled(v) => (false, v.clone()),
            PromiseState::Rejected(v) => (true, v.clone()),
        };
        self.indentation_lvl += 2;
        let s = self.format_value(&result, recurse_times);
        self.indentation_lvl -= 2;
        let s = s?;
        Ok(vec![if rejected {
            format!("<rejected> {s}")
        } else {
            s
        }])
    }

    /// `formatProperty`.
    fn format_property(
        &mut self,
        key: &str,
        p: &Prop,
        recurse_times: usize,
        ty: Extras,
    ) -> R<String> {
        let str = match (p.value(), p.get_set()) {
            (Some(v), _) => {
                self.indentation_lvl += 2;
                let s = self.format_value(v, recurse_times);
                self.indentation_lvl -= 2;
                s?
            }
            (None, Some((Some(_), Some(_)))) => "[Getter/Setter]".into(),
            (None, Some((Some(_), None))) => "[Getter]".into(),
            (None, Some((None, Some(_)))) => "[Setter]".into(),
            (None, _) => "undefined".into(),
        };
        if ty == Extras::Array {
            return Ok(str);
        }
        Ok(format!("{}: {str}", self.key_name(key, p.is_enumerable())))
    }

    /// `reduceToSingleString` with `compact: 3`.
    fn reduce_to_single_string(
        &self,
        mut output: Vec<String>,
        base: &str,
        braces: &[String; 2],
        extras: Extras,
        recurse_times: usize,
        value: Option<ObjId>,
    ) -> String {
        let entries = output.len();
        if extras == Extras::Array && entries > 6 {
            output = self.group_array_elements(output, value);
        }
        if self.current_depth - recurse_times < COMPACT && entries == output.len() {
            let start =
                output.len() + self.indentation_lvl + js_len(&braces[0]) + js_len(base) + 10;
            if is_below_break_length(&output, start, base) {
                let joined = output.join(", ");
                if !joined.contains('\n') {
                    let base = if base.is_empty() {
                        String::new()
                    } else {
                        format!("{base} ")
                    };
                    return format!("{base}{} {joined} {}", braces[0], braces[1]);
                }
            }
        }
        let indentation = format!("\n{}", " ".repeat(self.indentation_lvl));
        let base = if base.is_empty() {
            String::new()
        } else {
            format!("{base} ")
        };
        format!(
            "{base}{}{indentation}  {}{indentation}{}",
            braces[0],
            output.join(&format!(",{indentation}  ")),
            braces[1]
        )
    }

    /// `groupArrayElements`: more than six short entries in columns.
    fn group_array_elements(&self, output: Vec<String>, value: Option<ObjId>) -> Vec<String> {
        let mut total_length = 0usize;
        let mut max_length = 0usize;
        let mut output_length = output.len();
        if (MAX_ARRAY_LENGTH as usize) < output.len() {
            // The "... n more items" entry is not grouped.
            output_length -= 1;
        }
        let separator_space = 2;
        let data_len: Vec<usize> = output[..output_length]
            .iter()
            .map(|s| string_width(s))
            .collect();
        for &len in &data_len {
            total_length += len + separator_space;
            max_length = max_length.max(len);
        }
        let actual_max = max_length + separator_space;
        if actual_max * 3 + self.indentation_lvl < BREAK_LENGTH
            && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)
        {
            let approx_char_heights = 2.5;
            let average_bias =
                (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
            let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
            let columns = [
                js_round(
                    (approx_char_heights * biased_max * output_length as f64).sqrt() / biased_max,
                ),
                ((BREAK_LENGTH - self.indentation_lvl) as f64 / actual_max as f64).floor(),
                (COMPACT * 4) as f64,
                15.0,
            ]
            .into_iter()
            .fold(f64::INFINITY, f64::min);
            if columns <= 1.0 {
                return output;
            }
            let columns = columns as usize;
            let mut max_line_length = Vec::new();
            for i in 0..columns {
                let mut line_max_length = 0;
                let mut j = i;
                while j < output.len() {
                    // `dataLen[j]` past the grouped entries is undefined: not greater.
                    if let Some(&l) = data_len.get(j)
                        && l > line_max_length
                    {
                        line_max_length = l;
                    }
                    j += columns;
                }
                max_line_length.push(line_max_length + separator_space);
            }
            let pad_start = value.is_some_and(|id| self.all_numbers(id, output.len()));
            let mut tmp = Vec::new();
            let mut i = 0;
            while i < output_length {
                let max = (i + columns).min(output_length);
                let mut s = String::new();
                let mut j = i;
                while j < max - 1 {
                    let padding = max_line_length[j - i];
                    let cell = format!("{}, ", output[j]);
                    s.push_str(&pad(&cell, padding, pad_start));
                    j += 1;
                }
                if pad_start {
                    let padding = max_line_length[j - i] - separator_space;
                    s.push_str(&pad(&output[j], padding, true));
                } else {
                    s.push_str(&output[j]);
                }
                tmp.push(s);
                i += columns;
            }
            if (MAX_ARRAY_LENGTH as usize) < output.len() {
                tmp.push(output[output_length].clone());
            }
            return tmp;
        }
        output
    }

    /// Whether `value[i]` is a number for every `i < n` (the grouped entries are then
    /// right-aligned).
    fn all_numbers(&self, id: ObjId, n: usize) -> bool {
        let ObjKind::Array(items) = &self.obj(id).kind else {
            return false;
        };
        (0..n as u32).all(|i| matches!(items.get(i), Some(Value::Number(_))))
    }
}

/// Pads `s` to `width` columns, at the start or the end.
fn pad(s: &str, width: usize, start: bool) -> String {
    let w = string_width(s);
    if w >= width {
        return s.to_string();
    }
    let fill = " ".repeat(width - w);
    if start {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

/// JavaScript's `Math.round` (halves round up).
fn js_round(x: f64) -> f64 {
    (x + 0.5).floor()
}

/// A prototype on a chain: a heap object, an intrinsic prototype, or the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ProtoRef {
    Null,
    Object(ObjId),
    Intrinsic(Intrinsic),
}

/// The `name` of the constructor of an intrinsic prototype (its `constructor`).
fn intrinsic_constructor_name(i: Intrinsic) -> &'static str {
    i.constructor().map_or("Object", |b| b.name::<HostObj>())
}

/// `internalGetConstructorName` for the kinds that print with braces.
fn fallback_name(kind: &ObjKind<HostObj>) -> &'static str {
    match kind {
        ObjKind::Array(_) => "Array",
        ObjKind::Promise(_) => "Promise",
        ObjKind::Error(_) => "Error",
        ObjKind::Date(_) => "Date",
        ObjKind::Function(_) | ObjKind::Native(_) => "Function",
        _ => "Object",
    }
}

/// An own property listed though not enumerable (`cause`, `errors`): printed `[cause]`.
fn hidden(p: Prop) -> Prop {
    let a = p.attrs();
    match (p.value(), p.get_set()) {
        (Some(v), _) => Prop::data(v.clone(), Attrs::new(a.writable(), false, a.configurable())),
        (None, Some((get, set))) => {
            Prop::accessor(get.clone(), set.clone(), false, a.configurable())
        }
        (None, None) => p,
    }
}

/// `improveStack`: an error whose constructor's name is not in its stack's first line (a
/// subclass that keeps `Error`'s name) shows the constructor: `MyError: m`, or
/// `Foo [TypeError]: m` when the names share nothing.
fn improve_stack(stack: String, constructor: Option<&str>, name: &str) -> R<String> {
    let Some(prefix) = constructor else {
        return Err(Refusal("an error with a null prototype".into()));
    };
    let len = name.len();
    let regular = name.ends_with("Error")
        && stack.starts_with(name)
        && (stack.len() == len || matches!(stack.as_bytes()[len], b':' | b'\n'));
    if !regular || name == prefix {
        return Ok(stack);
    }
    Ok(if prefix.contains(name) {
        if len == 0 {
            format!("{prefix}: {stack}")
        } else {
            format!("{prefix}{}", &stack[len..])
        }
    } else {
        format!("{prefix} [{name}]{}", &stack[len..])
    })
}

/// `getPrefix` (no `Symbol.toStringTag` in the engine).
fn get_prefix(constructor: Option<&str>, fallback: &str, size: &str) -> String {
    match constructor {
        None => format!("[{fallback}{size}: null prototype] "),
        Some(c) => format!("{c}{size} "),
    }
}

/// `isBelowBreakLength`.
fn is_below_break_length(output: &[String], start: usize, base: &str) -> bool {
    let mut total_length = output.len() + start;
    if total_length + output.len() > BREAK_LENGTH {
        return false;
    }
    for o in output {
        total_length += js_len(o);
        if total_length > BREAK_LENGTH {
            return false;
        }
    }
    base.is_empty() || !base.contains('\n')
}

/// `<n empty item(s)>`.
fn empty_items(n: u32) -> String {
    let s = if n > 1 { "s" } else { "" };
    format!("<{n} empty item{s}>")
}

/// `remainingText`.
fn remaining_text(n: u32) -> String {
    let s = if n > 1 { "s" } else { "" };
    format!("... {n} more item{s}")
}

/// `formatNumber` without numeric separators: `-0` for negative zero, else
/// Number::toString.
pub fn format_number(x: f64) -> String {
    if x == 0.0 && x.is_sign_negative() {
        "-0".into()
    } else {
        number_to_string(x)
    }
}

/// The longest prefix of `s` of at most `n` UTF-16 code units.
fn utf16_prefix(s: &str, n: usize) -> &str {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > n {
            return &s[..i];
        }
    }
    s
}

/// Node's `meta` table: how `strEscape` writes a code unit below 0xa0 that it escapes.
fn meta(c: char) -> Option<String> {
    let u = c as u32;
    Some(match c {
        '\u{8}' => "\\b".into(),
        '\t' => "\\t".into(),
        '\n' => "\\n".into(),
        '\u{b}' => "\\x0B".into(),
        '\u{c}' => "\\f".into(),
        '\r' => "\\r".into(),
        '\\' => "\\\\".into(),
        _ if u < 0x20 || (0x7f..0xa0).contains(&u) => format!("\\x{u:02X}"),
        _ => return None,
    })
}

/// `strEscape`: single quotes unless the string contains one (then double quotes, or
/// backticks when it contains both), control characters escaped.
pub fn str_escape(s: &str) -> String {
    let quote = if s.contains('\'') {
        if !s.contains('"') {
            '"'
        } else if !s.contains('`') && !s.contains("${") {
            '`'
        } else {
            '\''
        }
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        if c == '\'' && quote == '\'' {
            out.push_str("\\'");
        } else if let Some(m) = meta(c) {
            out.push_str(&m);
        } else {
            out.push(c);
        }
    }
    out.push(quote);
    out
}

/// Deno's `quoteString`: the first of `"`, `'`, `` ` `` the string does not contain (else
/// `"`), that quote and `\` escaped, then `replaceEscapeSequences`.
pub fn deno_quote_string(s: &str) -> String {
    let quote = ['"', '\'', '`']
        .into_iter()
        .find(|q| !s.contains(*q))
        .unwrap_or('"');
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            c if c == quote || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
