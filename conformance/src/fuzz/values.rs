//! Random values to log (proptest strategies) and their JavaScript: the corpus that compares
//! FORMAT-2 (the runtime's console text) and FORMAT-1 with real runtimes, value by value.
//!
//! A value is a tree of [`Val`]s: primitives chosen for the formatter's edge cases (`-0`,
//! quotes of every kind, control characters, long strings that break lines), arrays (with
//! holes, long runs of numbers that Node groups in columns), objects (keys that need quotes),
//! functions, errors, promises in each state, null-prototype objects, instances of a named
//! constructor, objects with accessors and circular references. [`Log`] is one `console.log`
//! call: a label first (so outcomes stay ordered by label), then values, or a format string
//! with `%s %d %i %f %j %O %c %%` and its arguments. Errors are never the result of a promise:
//! the conformance harness cannot reach a promise's result to give its error the stand-in
//! stack (FORMAT-2).

use std::fmt::Write;

use proptest::prelude::*;

/// A value expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val {
    /// A number literal from [`NUMBERS`].
    Number(usize),
    /// A string literal from [`STRINGS`].
    Str(usize),
    /// `"x".repeat(n)`: a long string.
    Long(u8),
    True,
    False,
    Null,
    Undefined,
    /// An array literal; `None` is a hole.
    Array(Vec<Option<Val>>),
    /// An array of the numbers `0..n` times `k`, built by a loop (Node groups these).
    Numbers(u8, u8),
    /// An object literal with keys from [`KEYS`].
    Object(Vec<(usize, Val)>),
    /// `Object.assign(Object.create(null), {…})`.
    NullProto(Vec<(usize, Val)>),
    /// `new (function Foo() { this.k = v; … })()`.
    Instance(Vec<(usize, Val)>),
    /// An object literal with a getter, a setter or both for key `k`.
    Accessor(u8),
    /// An object that refers to itself.
    Circular(Vec<(usize, Val)>),
    /// From [`FUNCTIONS`].
    Function(usize),
    /// `new E("message")` for E from [`ERRORS`], message from [`STRINGS`].
    Error(usize, usize),
    /// `Promise.resolve(v)` (never an error: see the module comment).
    Resolved(Box<Val>),
    /// A rejected promise whose rejection is handled.
    Rejected(Box<Val>),
    Pending,
}

impl Val {
    /// Whether an accessor property is this value's or inside it.
    pub fn holds_accessor(&self) -> bool {
        let keyed = |kv: &[(usize, Val)]| kv.iter().any(|(_, v)| v.holds_accessor());
        match self {
            Val::Accessor(_) => true,
            Val::Array(items) => items.iter().flatten().any(Val::holds_accessor),
            Val::Object(kv) | Val::NullProto(kv) | Val::Instance(kv) | Val::Circular(kv) => {
                keyed(kv)
            }
            Val::Resolved(v) | Val::Rejected(v) => v.holds_accessor(),
            _ => false,
        }
    }

    /// Whether an error is this value or inside it: such a value is never a promise's result
    /// (see the module comment).
    pub fn holds_error(&self) -> bool {
        let keyed = |kv: &[(usize, Val)]| kv.iter().any(|(_, v)| v.holds_error());
        match self {
            Val::Error(..) => true,
            Val::Array(items) => items.iter().flatten().any(Val::holds_error),
            Val::Object(kv) | Val::NullProto(kv) | Val::Instance(kv) | Val::Circular(kv) => {
                keyed(kv)
            }
            Val::Resolved(v) | Val::Rejected(v) => v.holds_error(),
            _ => false,
        }
    }
}

/// One `console.log` call after its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Log {
    Values(Vec<Val>),
    /// A format string of the specifiers (as indices into [`SPECIFIERS`]) and the arguments.
    Format(Vec<usize>, Vec<Val>),
}

pub const NUMBERS: [&str; 14] = [
    "0",
    "-0",
    "1",
    "-1",
    "42",
    "1.5",
    "-2.25",
    "1e21",
    "1e-7",
    "0.1",
    "NaN",
    "Infinity",
    "-Infinity",
    "123456789",
];

pub const STRINGS: [&str; 14] = [
    "",
    "a",
    "hello world",
    "it's",
    "say \"hi\"",
    "both ' and \"",
    "all ' \" `",
    "tab\there",
    "line\nbreak",
    "back\\slash",
    "caf\u{e9}",
    "\u{1}ctl",
    "12abc",
    "3.5e2x",
];

pub const KEYS: [&str; 10] = [
    "a",
    "b",
    "k_1",
    "$d",
    "a-b",
    "1",
    "10",
    "with space",
    "x",
    "\u{e9}",
];

pub const FUNCTIONS: [&str; 5] = [
    "function named() {}",
    "function () {}",
    "() => 1",
    "async function af() {}",
    "async () => {}",
];

pub const ERRORS: [&str; 4] = ["Error", "TypeError", "RangeError", "SyntaxError"];

pub const SPECIFIERS: [&str; 9] = ["%s", "%d", "%i", "%f", "%j", "%O", "%c", "%%", "%x"];

fn keyed(inner: BoxedStrategy<Val>) -> impl Strategy<Value = Vec<(usize, Val)>> + Clone {
    proptest::collection::vec((0..KEYS.len(), inner), 0..=4).prop_map(|mut kv| {
        // Later duplicates of a key would overwrite earlier ones: keep the first.
        let mut seen = Vec::new();
        kv.retain(|(k, _)| {
            let new = !seen.contains(k);
            seen.push(*k);
            new
        });
        kv
    })
}

/// Values nested at most `depth` deep.
pub fn val(depth: u32) -> BoxedStrategy<Val> {
    let leaf = prop_oneof![
        4 => (0..NUMBERS.len()).prop_map(Val::Number),
        4 => (0..STRINGS.len()).prop_map(Val::Str),
        1 => (10u8..90).prop_map(Val::Long),
        1 => Just(Val::True),
        1 => Just(Val::False),
        1 => Just(Val::Null),
        1 => Just(Val::Undefined),
        1 => (0..FUNCTIONS.len()).prop_map(Val::Function),
        1 => (0..ERRORS.len(), 0..STRINGS.len()).prop_map(|(e, m)| Val::Error(e, m)),
        1 => Just(Val::Pending),
        1 => (0u8..3).prop_map(Val::Accessor),
        1 => (5u8..40, 1u8..4).prop_map(|(n, k)| Val::Numbers(n, k)),
    ];
    leaf.prop_recursive(depth, 24, 6, |inner| {
        let plain = inner
            .clone()
            .prop_filter("no error in a promise", |v| !v.holds_error());
        prop_oneof![
            3 => proptest::collection::vec(proptest::option::weighted(0.85, inner.clone()), 0..=8)
                .prop_map(Val::Array),
            3 => keyed(inner.clone()).prop_map(Val::Object),
            1 => keyed(inner.clone()).prop_map(Val::NullProto),
            1 => keyed(inner.clone()).prop_map(Val::Instance),
            1 => keyed(inner.clone()).prop_map(Val::Circular),
            1 => plain.clone().prop_map(|v| Val::Resolved(Box::new(v))),
            1 => plain.prop_map(|v| Val::Rejected(Box::new(v))),
        ]
    })
    .boxed()
}

/// One call's arguments.
pub fn log() -> impl Strategy<Value = Log> {
    prop_oneof![
        3 => proptest::collection::vec(val(3), 1..=3).prop_map(Log::Values),
        1 => (
            proptest::collection::vec(0..SPECIFIERS.len(), 1..=3),
            proptest::collection::vec(val(2), 0..=4),
        )
            .prop_filter("within the model's subset", |(s, a)| format_is_modelled(s, a))
            .prop_map(|(s, a)| Log::Format(s, a)),
    ]
}

/// Whether the model prints this format call rather than refusing it by name (FORMAT-2):
/// `%j` of a value with an accessor (JSON.stringify would run the getter) and Node's `%s` of a
/// function (its source text) are refused, so they are not generated.
fn format_is_modelled(specs: &[usize], args: &[Val]) -> bool {
    let has = |spec: &str| specs.iter().any(|&i| SPECIFIERS[i] == spec);
    !(has("%j") && args.iter().any(Val::holds_accessor)
        || has("%s") && args.iter().any(|a| matches!(a, Val::Function(_))))
}

/// A string literal in JavaScript.
fn js_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn render_keyed(out: &mut String, kv: &[(usize, Val)]) {
    out.push('{');
    for (i, (k, v)) in kv.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&js_string(KEYS[*k]));
        out.push_str(": ");
        render(out, v);
    }
    out.push('}');
}

/// Writes `v` as a JavaScript expression.
pub fn render(out: &mut String, v: &Val) {
    match v {
        Val::Number(i) => out.push_str(&format!("({})", NUMBERS[*i])),
        Val::Str(i) => out.push_str(&js_string(STRINGS[*i])),
        Val::Long(n) => {
            let _ = write!(out, "\"ab\\n\".repeat({n})");
        }
        Val::True => out.push_str("true"),
        Val::False => out.push_str("false"),
        Val::Null => out.push_str("null"),
        Val::Undefined => out.push_str("undefined"),
        Val::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if let Some(x) = x {
                    render(out, x);
                }
            }
            // A trailing hole needs its own comma.
            if matches!(items.last(), Some(None)) {
                out.push(',');
            }
            out.push(']');
        }
        Val::Numbers(n, k) => {
            let _ = write!(
                out,
                "(function () {{ var a = []; for (var i = 0; i < {n}; i++) a.push(i * {k}); return a; }})()"
            );
        }
        Val::Object(kv) => {
            out.push('(');
            render_keyed(out, kv);
            out.push(')');
        }
        Val::NullProto(kv) => {
            out.push_str("Object.assign(Object.create(null), ");
            render_keyed(out, kv);
            out.push(')');
        }
        Val::Instance(kv) => {
            out.push_str("(function () { var v = ");
            render_keyed(out, kv);
            out.push_str(
                "; function Foo() { for (var k in v) this[k] = v[k]; } return new Foo(); })()",
            );
        }
        Val::Accessor(which) => out.push_str(match which {
            0 => "({ get g() { return 1; } })",
            1 => "({ set s(v) {} })",
            _ => "({ get gs() { return 1; }, set gs(v) {}, n: 1 })",
        }),
        Val::Circular(kv) => {
            out.push_str("(function () { var o = ");
            render_keyed(out, kv);
            out.push_str("; o.self = o; return o; })()");
        }
        Val::Function(i) => {
            out.push('(');
            out.push_str(FUNCTIONS[*i]);
            out.push(')');
        }
        Val::Error(e, m) => {
            let _ = write!(out, "new {}({})", ERRORS[*e], js_string(STRINGS[*m]));
        }
        Val::Resolved(v) => {
            out.push_str("Promise.resolve(");
            render(out, v);
            out.push(')');
        }
        Val::Rejected(v) => {
            out.push_str("(function () { var p = Promise.reject(");
            render(out, v);
            out.push_str("); p.catch(function () {}); return p; })()");
        }
        Val::Pending => out.push_str("new Promise(function () {})"),
    }
}

/// The `console.log` statement of `log` after the label `label`.
pub fn render_log(label: &str, log: &Log) -> String {
    let mut out = String::from("console.log(");
    match log {
        Log::Values(vs) => {
            out.push_str(&js_string(label));
            for v in vs {
                out.push_str(", ");
                render(&mut out, v);
            }
        }
        Log::Format(specs, args) => {
            let mut f = label.to_string();
            for s in specs {
                f.push(' ');
                f.push_str(SPECIFIERS[*s]);
            }
            out.push_str(&js_string(&f));
            for a in args {
                out.push_str(", ");
                render(&mut out, a);
            }
        }
    }
    out.push_str(");");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_promise_is_generated_with_an_error_inside_its_result() {
        use proptest::strategy::ValueTree;
        use proptest::test_runner::TestRunner;
        fn check(v: &Val) {
            match v {
                Val::Resolved(x) | Val::Rejected(x) => assert!(!x.holds_error(), "{v:?}"),
                Val::Array(items) => items.iter().flatten().for_each(check),
                Val::Object(kv) | Val::NullProto(kv) | Val::Instance(kv) | Val::Circular(kv) => {
                    kv.iter().for_each(|(_, x)| check(x))
                }
                _ => {}
            }
        }
        let mut runner = TestRunner::deterministic();
        for _ in 0..2000 {
            check(&val(3).new_tree(&mut runner).expect("a value").current());
        }
        assert!(Val::Array(vec![Some(Val::Error(0, 0))]).holds_error());
    }

    #[test]
    fn a_log_renders_as_one_console_log_call() {
        let log = Log::Values(vec![
            Val::Array(vec![Some(Val::Number(1)), None]),
            Val::Object(vec![(4, Val::Str(3))]),
        ]);
        assert_eq!(
            render_log("L1", &log),
            r#"console.log("L1", [(-0), ,], ({"a-b": "it's"}));"#
        );
        let log = Log::Format(vec![0, 7], vec![Val::Str(1)]);
        assert_eq!(render_log("L2", &log), r#"console.log("L2 %s %%", "a");"#);
    }
}
