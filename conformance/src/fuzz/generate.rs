//! Random programs in the supported subset (proptest strategies) and their JavaScript.
//!
//! A program is a tree of [`Node`]s: each node schedules some work, and every callback it
//! schedules logs a unique label (a plain string, so FORMAT-1 is the identity) before running
//! its own nested nodes. Labels are assigned when the program is rendered, in source order, so
//! a shrunk program keeps them unique. Rejections are always handled (a chain ends with a
//! `.catch`, an awaited rejection sits in `try`/`catch`, a combinator has a rejection handler):
//! every program is meant to complete. [`Features`] picks the host APIs: Node.js
//! (`process.nextTick`, `setImmediate`, `fs.readFile`), none (portable), or the browser's
//! (`requestAnimationFrame`, `MessageChannel`, `fetch` on the virtual network `/net/NAME`).

use std::fmt::Write;

use proptest::prelude::*;

/// Timer delays: small, so that runs are fast, and distinct enough to order.
pub const DELAYS: [u32; 5] = [0, 1, 2, 5, 10];

/// Which host APIs a generated program may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features {
    /// `process.nextTick` and `setImmediate`.
    pub node: bool,
    /// `fs.readFile(__filename, cb)` (needs a CommonJS main).
    pub fs: bool,
    /// The browser's APIs: `requestAnimationFrame`, `MessageChannel` and `fetch('/net/NAME')`
    /// (the virtual network of HTML-15 and of the browser runner).
    pub html: bool,
    /// `console.log` of generated values and format strings ([`super::values`]): FORMAT-1 and
    /// FORMAT-2 against the runtimes' consoles.
    pub values: bool,
}

impl Features {
    /// Node.js programs: `process.nextTick`, `setImmediate`, and `fs.readFile` if `fs`.
    pub fn node(fs: bool) -> Features {
        Features {
            node: true,
            fs,
            html: false,
            values: false,
        }
    }

    /// ECMAScript, `queueMicrotask` and timers only.
    pub fn portable() -> Features {
        Features {
            node: false,
            fs: false,
            html: false,
            values: false,
        }
    }

    /// Browser programs: the portable APIs, `requestAnimationFrame`, `MessageChannel`, `fetch`.
    pub fn html() -> Features {
        Features {
            node: false,
            fs: false,
            html: true,
            values: false,
        }
    }
}

/// How big generated programs are, and which timer delays they use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Size {
    /// Most top-level statements.
    pub top: usize,
    /// Most nested statements in one callback.
    pub inner: usize,
    /// Nesting depth of callbacks that schedule more work.
    pub depth: u32,
    /// Timer delays to pick from (default [`DELAYS`]).
    pub delays: Vec<u32>,
}

impl Default for Size {
    fn default() -> Size {
        Size {
            top: 4,
            inner: 2,
            depth: 2,
            delays: DELAYS.to_vec(),
        }
    }
}

/// How a promise chain starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// `Promise.resolve(1)`
    Resolved,
    /// `Promise.reject(new Error("r"))`
    Rejected,
    /// `Promise.resolve(thenable)` whose `then` logs and resolves.
    Thenable,
    /// `new Promise(r => { log; r(1) })`: resolved in the executor.
    Now,
    /// `new Promise(r => setTimeout(() => { log; r(1) }, d))`
    Later(u32),
    /// `new Promise((_, j) => setTimeout(() => { log; j(err) }, d))`
    RejectLater(u32),
}

/// One step of a promise chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Then(Vec<Node>),
    /// `.then(() => { log; throw … })`
    ThenThrow,
    /// `.then(() => { log; return <thenable> })`
    ThenReturnThenable,
    Catch(Vec<Node>),
    Finally(Vec<Node>),
}

/// What an async function awaits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Await {
    Value,
    Resolved,
    /// `try { await Promise.reject(…) } catch { log }`
    Rejected,
    Thenable,
    /// `await new Promise(r => setTimeout(r, d))`
    Timer(u32),
    /// `await` an async function's promise that itself awaits a value.
    Nested,
}

/// A combinator's input promise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Resolved,
    Rejected,
    Thenable,
    Later(u32),
    RejectLater(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Combinator {
    All,
    Race,
    Any,
    AllSettled,
}

impl Combinator {
    fn name(self) -> &'static str {
        match self {
            Combinator::All => "all",
            Combinator::Race => "race",
            Combinator::Any => "any",
            Combinator::AllSettled => "allSettled",
        }
    }
}

/// A statement of a generated program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// `console.log(label)` synchronously.
    Log,
    /// `console.log(label, values…)` or a format string with its arguments, synchronously.
    Inspect(super::values::Log),
    Timeout(u32, Vec<Node>),
    /// `setInterval` cleared after `count` runs; each run logs `label:n`.
    Interval(u32, u8),
    Microtask(Vec<Node>),
    Chain(Start, Vec<Step>),
    Async(Vec<Await>, Vec<Node>),
    Combine(Combinator, Vec<Input>, Vec<Node>),
    /// `try { log; throw } catch { log; body }`
    TryCatch(Vec<Node>),
    NextTick(Vec<Node>),
    Immediate(Vec<Node>),
    ReadFile(Vec<Node>),
    /// `requestAnimationFrame(() => { log; body })` (HTML-3).
    Raf(Vec<Node>),
    /// A fresh `MessageChannel` whose `port1.onmessage` logs and runs the body, and one
    /// `port2.postMessage` (HTML-11).
    Message(Vec<Node>),
    /// `fetch("/net/LABEL")` then a callback logging the label and the status, or with `json`
    /// `.then((r) => r.json())` then one logging the label and the body's `path` (HTML-15).
    Fetch(bool, Vec<Node>),
}

impl Node {
    /// How many nodes this tree has (for reports).
    pub fn count(&self) -> usize {
        let body = |b: &[Node]| b.iter().map(Node::count).sum::<usize>();
        1 + match self {
            Node::Log | Node::Inspect(_) | Node::Interval(..) => 0,
            Node::Timeout(_, b)
            | Node::Microtask(b)
            | Node::Async(_, b)
            | Node::Combine(_, _, b)
            | Node::TryCatch(b)
            | Node::NextTick(b)
            | Node::Immediate(b)
            | Node::ReadFile(b)
            | Node::Raf(b)
            | Node::Message(b)
            | Node::Fetch(_, b) => body(b),
            Node::Chain(_, steps) => steps
                .iter()
                .map(|s| match s {
                    Step::Then(b) | Step::Catch(b) | Step::Finally(b) => body(b),
                    _ => 0,
                })
                .sum(),
        }
    }
}

/// A generated program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub features: Features,
    pub body: Vec<Node>,
}

fn delay(d: &[u32]) -> impl Strategy<Value = u32> + Clone + use<> {
    let d = if d.is_empty() {
        DELAYS.to_vec()
    } else {
        d.to_vec()
    };
    proptest::sample::select(d)
}

fn start(d: &[u32]) -> impl Strategy<Value = Start> + use<> {
    prop_oneof![
        Just(Start::Resolved),
        Just(Start::Rejected),
        Just(Start::Thenable),
        Just(Start::Now),
        delay(d).prop_map(Start::Later),
        delay(d).prop_map(Start::RejectLater),
    ]
}

fn await_(d: &[u32]) -> impl Strategy<Value = Await> + use<> {
    prop_oneof![
        Just(Await::Value),
        Just(Await::Resolved),
        Just(Await::Rejected),
        Just(Await::Thenable),
        delay(d).prop_map(Await::Timer),
        Just(Await::Nested),
    ]
}

fn input(d: &[u32]) -> impl Strategy<Value = Input> + use<> {
    prop_oneof![
        Just(Input::Resolved),
        Just(Input::Rejected),
        Just(Input::Thenable),
        delay(d).prop_map(Input::Later),
        delay(d).prop_map(Input::RejectLater),
    ]
}

fn combinator() -> impl Strategy<Value = Combinator> {
    prop_oneof![
        Just(Combinator::All),
        Just(Combinator::Race),
        Just(Combinator::Any),
        Just(Combinator::AllSettled),
    ]
}

/// Nodes nested at most `depth` callbacks deep.
pub fn node(depth: u32, size: &Size, f: Features) -> BoxedStrategy<Node> {
    let d = &size.delays[..];
    let body: BoxedStrategy<Vec<Node>> = if depth == 0 {
        Just(Vec::new()).boxed()
    } else {
        proptest::collection::vec(node(depth - 1, size, f), 0..=size.inner).boxed()
    };
    let step = prop_oneof![
        4 => body.clone().prop_map(Step::Then),
        1 => Just(Step::ThenThrow),
        1 => Just(Step::ThenReturnThenable),
        2 => body.clone().prop_map(Step::Catch),
        1 => body.clone().prop_map(Step::Finally),
    ];
    let mut options: Vec<(u32, BoxedStrategy<Node>)> = vec![
        (2, Just(Node::Log).boxed()),
        (
            4,
            (delay(d), body.clone())
                .prop_map(|(d, b)| Node::Timeout(d, b))
                .boxed(),
        ),
        (
            1,
            (delay(d), 1u8..=3)
                .prop_map(|(d, n)| Node::Interval(d, n))
                .boxed(),
        ),
        (3, body.clone().prop_map(Node::Microtask).boxed()),
        (
            4,
            (start(d), proptest::collection::vec(step, 1..=3))
                .prop_map(|(s, st)| Node::Chain(s, st))
                .boxed(),
        ),
        (
            3,
            (proptest::collection::vec(await_(d), 1..=3), body.clone())
                .prop_map(|(a, b)| Node::Async(a, b))
                .boxed(),
        ),
        (
            2,
            (
                combinator(),
                proptest::collection::vec(input(d), 1..=3),
                body.clone(),
            )
                .prop_map(|(c, i, b)| Node::Combine(c, i, b))
                .boxed(),
        ),
        (1, body.clone().prop_map(Node::TryCatch).boxed()),
    ];
    if f.node {
        options.push((3, body.clone().prop_map(Node::NextTick).boxed()));
        options.push((3, body.clone().prop_map(Node::Immediate).boxed()));
    }
    if f.values {
        options.push((4, super::values::log().prop_map(Node::Inspect).boxed()));
    }
    if f.fs {
        options.push((1, body.clone().prop_map(Node::ReadFile).boxed()));
    }
    if f.html {
        options.push((3, body.clone().prop_map(Node::Raf).boxed()));
        options.push((3, body.clone().prop_map(Node::Message).boxed()));
        options.push((
            2,
            (any::<bool>(), body)
                .prop_map(|(j, b)| Node::Fetch(j, b))
                .boxed(),
        ));
    }
    proptest::strategy::Union::new_weighted(options).boxed()
}

/// Programs of at most `size.top` top-level statements.
pub fn program(size: &Size, f: Features) -> impl Strategy<Value = Program> + use<> {
    proptest::collection::vec(node(size.depth, size, f), 1..=size.top.max(1))
        .prop_map(move |body| Program { features: f, body })
}

/// Renders programs as JavaScript with unique labels.
struct Render {
    out: String,
    next: usize,
}

impl Render {
    fn label(&mut self) -> String {
        self.next += 1;
        format!("L{}", self.next)
    }

    fn line(&mut self, indent: usize, s: &str) {
        for _ in 0..indent {
            self.out.push_str("  ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn log(&mut self, indent: usize) {
        let l = self.label();
        self.line(indent, &format!("console.log(\"{l}\");"));
    }

    /// A callback body: its own label, then the nested nodes.
    fn callback(&mut self, indent: usize, head: &str, body: &[Node], tail: &str) {
        self.line(indent, head);
        self.log(indent + 1);
        for n in body {
            self.node(indent + 1, n);
        }
        self.line(indent, tail);
    }

    fn start(&mut self, s: &Start) -> String {
        match s {
            Start::Resolved => "Promise.resolve(1)".into(),
            Start::Rejected => "Promise.reject(new Error(\"r\"))".into(),
            Start::Thenable => {
                let l = self.label();
                format!("Promise.resolve({{ then(r) {{ console.log(\"{l}\"); r(1); }} }})")
            }
            Start::Now => {
                let l = self.label();
                format!("new Promise((r) => {{ console.log(\"{l}\"); r(1); }})")
            }
            Start::Later(d) => {
                let l = self.label();
                format!(
                    "new Promise((r) => setTimeout(() => {{ console.log(\"{l}\"); r(1); }}, {d}))"
                )
            }
            Start::RejectLater(d) => {
                let l = self.label();
                format!(
                    "new Promise((_, j) => setTimeout(() => {{ console.log(\"{l}\"); j(new Error(\"r\")); }}, {d}))"
                )
            }
        }
    }

    fn input(&mut self, i: &Input) -> String {
        match i {
            Input::Resolved => self.start(&Start::Resolved),
            Input::Rejected => self.start(&Start::Rejected),
            Input::Thenable => {
                let l = self.label();
                format!("{{ then(r) {{ console.log(\"{l}\"); r(2); }} }}")
            }
            Input::Later(d) => self.start(&Start::Later(*d)),
            Input::RejectLater(d) => self.start(&Start::RejectLater(*d)),
        }
    }

    fn node(&mut self, ind: usize, n: &Node) {
        match n {
            Node::Log => self.log(ind),
            Node::Inspect(log) => {
                let l = self.label();
                self.line(ind, &super::values::render_log(&l, log));
            }
            Node::Timeout(d, body) => {
                self.callback(ind, "setTimeout(() => {", body, &format!("}}, {d});"))
            }
            Node::Interval(d, count) => {
                let l = self.label();
                let v = format!("n{}", self.next);
                let h = format!("h{}", self.next);
                self.line(ind, &format!("let {v} = 0;"));
                self.line(
                    ind,
                    &format!(
                        "const {h} = setInterval(() => {{ {v}++; console.log(\"{l}:\" + {v}); if ({v} === {count}) clearInterval({h}); }}, {d});"
                    ),
                );
            }
            Node::Microtask(body) => self.callback(ind, "queueMicrotask(() => {", body, "});"),
            Node::Chain(s, steps) => {
                let head = self.start(s);
                self.line(ind, &head);
                for st in steps {
                    match st {
                        Step::Then(b) => self.callback(ind + 1, ".then(() => {", b, "})"),
                        Step::Catch(b) => self.callback(ind + 1, ".catch(() => {", b, "})"),
                        Step::Finally(b) => self.callback(ind + 1, ".finally(() => {", b, "})"),
                        Step::ThenThrow => {
                            let l = self.label();
                            self.line(
                                ind + 1,
                                &format!(
                                    ".then(() => {{ console.log(\"{l}\"); throw new Error(\"t\"); }})"
                                ),
                            );
                        }
                        Step::ThenReturnThenable => {
                            let l = self.label();
                            let m = self.label();
                            self.line(
                                ind + 1,
                                &format!(
                                    ".then(() => {{ console.log(\"{l}\"); return {{ then(r) {{ console.log(\"{m}\"); r(3); }} }}; }})"
                                ),
                            );
                        }
                    }
                }
                if !matches!(steps.last(), Some(Step::Catch(_))) {
                    self.line(ind + 1, ".catch(() => {});");
                } else {
                    self.line(ind + 1, ";");
                }
            }
            Node::Async(awaits, body) => {
                self.line(ind, "(async () => {");
                self.log(ind + 1);
                for a in awaits {
                    match a {
                        Await::Value => self.line(ind + 1, "await 1;"),
                        Await::Resolved => self.line(ind + 1, "await Promise.resolve(1);"),
                        Await::Rejected => {
                            let l = self.label();
                            self.line(
                                ind + 1,
                                &format!(
                                    "try {{ await Promise.reject(new Error(\"a\")); }} catch (e) {{ console.log(\"{l}\"); }}"
                                ),
                            );
                        }
                        Await::Thenable => {
                            let l = self.label();
                            self.line(
                                ind + 1,
                                &format!("await {{ then(r) {{ console.log(\"{l}\"); r(4); }} }};"),
                            );
                        }
                        Await::Timer(d) => self.line(
                            ind + 1,
                            &format!("await new Promise((r) => setTimeout(r, {d}));"),
                        ),
                        Await::Nested => {
                            let l = self.label();
                            self.line(
                                ind + 1,
                                &format!(
                                    "await (async () => {{ await 0; console.log(\"{l}\"); }})();"
                                ),
                            );
                        }
                    }
                    self.log(ind + 1);
                }
                for n in body {
                    self.node(ind + 1, n);
                }
                self.line(ind, "})();");
            }
            Node::Combine(c, inputs, body) => {
                let parts: Vec<String> = inputs.iter().map(|i| self.input(i)).collect();
                self.line(
                    ind,
                    &format!("Promise.{}([{}])", c.name(), parts.join(", ")),
                );
                let l = self.label();
                self.callback(
                    ind + 1,
                    ".then(() => {",
                    body,
                    &format!("}}, () => {{ console.log(\"{l}\"); }});"),
                );
            }
            Node::TryCatch(body) => {
                let l = self.label();
                self.line(
                    ind,
                    &format!("try {{ console.log(\"{l}\"); throw new Error(\"c\"); }}"),
                );
                self.callback(ind, "catch (e) {", body, "}");
            }
            Node::NextTick(body) => self.callback(ind, "process.nextTick(() => {", body, "});"),
            Node::Immediate(body) => self.callback(ind, "setImmediate(() => {", body, "});"),
            Node::ReadFile(body) => {
                self.callback(ind, "fs.readFile(__filename, () => {", body, "});")
            }
            Node::Raf(body) => self.callback(ind, "requestAnimationFrame(() => {", body, "});"),
            Node::Message(body) => {
                let c = format!("c{}", self.next + 1);
                self.line(ind, &format!("const {c} = new MessageChannel();"));
                self.callback(ind, &format!("{c}.port1.onmessage = () => {{"), body, "};");
                self.line(ind, &format!("{c}.port2.postMessage(0);"));
            }
            Node::Fetch(json, body) => {
                let l = self.label();
                self.line(ind, &format!("fetch(\"/net/{l}\")"));
                if *json {
                    self.line(ind + 1, ".then((r) => r.json())");
                    self.line(ind + 1, ".then((j) => {");
                    self.line(ind + 2, &format!("console.log(\"{l}\", j.path);"));
                } else {
                    self.line(ind + 1, ".then((r) => {");
                    self.line(ind + 2, &format!("console.log(\"{l}\", r.status);"));
                }
                for n in body {
                    self.node(ind + 2, n);
                }
                self.line(ind + 1, "});");
            }
        }
    }
}

fn uses_fs(nodes: &[Node]) -> bool {
    fn any(n: &Node) -> bool {
        match n {
            Node::ReadFile(_) => true,
            Node::Log | Node::Inspect(_) | Node::Interval(..) => false,
            Node::Timeout(_, b)
            | Node::Microtask(b)
            | Node::Async(_, b)
            | Node::Combine(_, _, b)
            | Node::TryCatch(b)
            | Node::NextTick(b)
            | Node::Immediate(b)
            | Node::Raf(b)
            | Node::Message(b)
            | Node::Fetch(_, b) => uses_fs(b),
            Node::Chain(_, steps) => steps.iter().any(|s| match s {
                Step::Then(b) | Step::Catch(b) | Step::Finally(b) => uses_fs(b),
                _ => false,
            }),
        }
    }
    nodes.iter().any(any)
}

impl Program {
    /// The program as JavaScript.
    pub fn source(&self) -> String {
        let mut r = Render {
            out: String::new(),
            next: 0,
        };
        if uses_fs(&self.body) {
            r.line(0, "const fs = require(\"fs\");");
        }
        for n in &self.body {
            r.node(0, n);
        }
        r.out
    }

    /// Nodes in the program.
    pub fn size(&self) -> usize {
        self.body.iter().map(Node::count).sum()
    }
}

impl std::fmt::Display for Program {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.source())
    }
}

/// `s` as a YAML/JSON double-quoted string.
pub fn quoted(s: &str) -> String {
    let mut out = String::new();
    let _ = write!(out, "{}", serde_json::Value::String(s.to_string()));
    out
}
