//! Running one test in one mode: the source as INTERPRETING.md composes it (the strict
//! directive, the harness files, the test), compiled by the frontend and run by the engine on
//! the [`TestHost`], then the job queue drained. The result is a [`Completion`]; whether it
//! passes is [`crate::verdict`]'s question.

use std::collections::HashMap;
use std::sync::Arc;

use evloop_engine::heap::ObjKind;
use evloop_engine::ir::Program;
use evloop_engine::trace::NoTrace;
use evloop_engine::value::Value;
use evloop_engine::vm::{Agent, Unwind};
use evloop_js::{CompileOptions, Diagnostic};

use crate::frontmatter::Frontmatter;
use crate::host::TestHost;

/// The directive a strict run starts with (INTERPRETING.md, "Strict Mode").
pub const USE_STRICT: &str = "\"use strict\";\n";

/// Strict or non-strict: a test runs in one or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    NonStrict,
    Strict,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::NonStrict => "non-strict",
            Mode::Strict => "strict",
        }
    }

    pub fn from_name(name: &str) -> Option<Mode> {
        [Mode::NonStrict, Mode::Strict]
            .into_iter()
            .find(|m| m.name() == name)
    }

    /// The runs the flags ask for: `onlyStrict` strict, `noStrict` and `raw` non-strict,
    /// otherwise both.
    pub fn runs_of(meta: &Frontmatter) -> &'static [Mode] {
        if meta.has_flag("raw") || meta.has_flag("noStrict") {
            &[Mode::NonStrict]
        } else if meta.has_flag("onlyStrict") {
            &[Mode::Strict]
        } else {
            &[Mode::NonStrict, Mode::Strict]
        }
    }
}

/// How one run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completion {
    /// The source did not compile, and every diagnostic is a syntax (early) error.
    SyntaxError(String),
    /// The source did not compile because of a construct the frontend does not support (or
    /// a harness include is missing).
    Unsupported(String),
    /// The script and every job ran to completion.
    Normal { printed: Vec<String> },
    /// An exception escaped the script or a job: its constructor's name and its message.
    Threw {
        name: String,
        message: String,
        printed: Vec<String>,
    },
    /// The step budget ran out.
    Timeout,
    /// The engine or the frontend panicked (a bug of theirs).
    Panic(String),
}

/// The harness files by name (`assert.js`, `doneprintHandle.js`, …).
pub type Harness = HashMap<String, String>;

/// One piece of a composed source, for telling where a diagnostic is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// `harness/NAME` or `test`.
    pub name: String,
    /// Its byte offset in the composed source.
    pub start: usize,
}

/// The source a run compiles, and where each file starts in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub text: String,
    pub segments: Vec<Segment>,
}

/// INTERPRETING.md: `raw` runs the test unchanged; otherwise the strict directive (strict
/// runs), `assert.js`, `sta.js`, `doneprintHandle.js` (`async`), the `includes` in order,
/// then the test.
///
/// # Errors
/// An include that is not in the harness folder.
pub fn compose(
    meta: &Frontmatter,
    test: &str,
    harness: &Harness,
    mode: Mode,
) -> Result<Composed, String> {
    let mut c = Composed {
        text: String::new(),
        segments: Vec::new(),
    };
    if meta.has_flag("raw") {
        c.segments.push(Segment {
            name: "test".into(),
            start: 0,
        });
        c.text.push_str(test);
        return Ok(c);
    }
    if mode == Mode::Strict {
        c.text.push_str(USE_STRICT);
    }
    let mut files: Vec<&str> = vec!["assert.js", "sta.js"];
    if meta.has_flag("async") {
        files.push("doneprintHandle.js");
    }
    files.extend(meta.includes.iter().map(String::as_str));
    for name in files {
        let text = harness
            .get(name)
            .ok_or_else(|| format!("missing harness include {name}"))?;
        c.segments.push(Segment {
            name: format!("harness/{name}"),
            start: c.text.len(),
        });
        c.text.push_str(text);
        c.text.push('\n');
    }
    c.segments.push(Segment {
        name: "test".into(),
        start: c.text.len(),
    });
    c.text.push_str(test);
    Ok(c)
}

impl Composed {
    /// The file a byte offset of the composed source belongs to.
    pub fn file_at(&self, offset: usize) -> &str {
        self.segments
            .iter()
            .rev()
            .find(|s| s.start <= offset)
            .map_or("test", |s| s.name.as_str())
    }
}

/// Whether a frontend diagnostic is a syntax (early) error of the language, as opposed to a
/// construct outside the frontend's subset or a limit of it.
pub fn is_syntax_error(d: &Diagnostic) -> bool {
    d.construct == "syntax error"
        || d.construct == "`await` outside an async function"
        || d.message == "Cannot use import statement outside a module"
}

/// Compiles `source` as a script with the test host's globals.
pub fn compile(c: &Composed) -> Result<Program, Completion> {
    let options = CompileOptions {
        is_module: false,
        resolve_global: crate::host::resolve_global,
    };
    evloop_js::compile(&c.text, "test.js", &options).map_err(|diags| {
        let describe = |d: &Diagnostic| {
            let file = c.file_at(d.offset.0 as usize);
            format!("{} ({file})", d.message)
        };
        match diags.0.iter().find(|d| !is_syntax_error(d)) {
            Some(d) => Completion::Unsupported(describe(d)),
            None => Completion::SyntaxError(diags.0.first().map(describe).unwrap_or_default()),
        }
    })
}

/// Runs `program` as the global code of a new realm, then drains the job queue (FIFO), with
/// `fuel` interpreter steps for the whole run.
pub fn execute(program: Program, fuel: u64) -> Completion {
    let program = Arc::new(program);
    let size = program.functions.first().map_or(0, |f| f.env_size) as usize;
    let mut st = TestHost::default();
    let env = st.realm.heap.alloc_kind(ObjKind::Env {
        parent: None,
        slots: vec![Value::Hole; size],
        arguments: None,
        captured: Default::default(),
    });
    let mut tracer = NoTrace;
    let budget = Arc::new(evloop_engine::limits::Budget::new(
        evloop_engine::limits::Limits::steps(fuel),
        None,
    ));
    let mut agent = Agent::new(&mut st, program, &mut tracer, budget);
    let mut result = agent.run_script(env).map(drop);
    while result.is_ok() {
        let Some(job) = agent.st.jobs.pop_front() else {
            break;
        };
        result = agent.run_job(job);
    }
    if result.is_ok()
        && let Some(e) = agent.st.reported.first().cloned()
    {
        result = Err(Unwind::Throw(e));
    }
    match result {
        Ok(()) => Completion::Normal {
            printed: std::mem::take(&mut agent.st.printed),
        },
        Err(Unwind::Throw(v)) => {
            let (name, message) = describe_error(&mut agent, &v);
            Completion::Threw {
                name,
                message,
                printed: std::mem::take(&mut agent.st.printed),
            }
        }
        Err(Unwind::Diverge(_) | Unwind::Limit(_)) => Completion::Timeout,
        Err(Unwind::Exit(code)) => Completion::Threw {
            name: "exit".into(),
            message: format!("exit code {code}"),
            printed: std::mem::take(&mut agent.st.printed),
        },
    }
}

/// The name of a thrown value's constructor (the engine's error kind, else
/// `value.constructor.name`) and its `message`, without failing: what cannot be read is
/// reported as such.
fn describe_error(agent: &mut Agent<'_, TestHost>, v: &Value) -> (String, String) {
    let kind = match v {
        Value::Object(id) => match &agent.st.realm.heap.get(*id).kind {
            ObjKind::Error(k) => Some(k.name().to_string()),
            _ => None,
        },
        _ => None,
    };
    let name = kind.unwrap_or_else(|| {
        if !matches!(v, Value::Object(_)) {
            return format!("(a thrown {})", agent.type_of(v));
        }
        agent
            .get_v(v, "constructor")
            .and_then(|c| agent.get_v(&c, "name"))
            .and_then(|n| agent.to_string(&n))
            .map_or_else(|_| "(unknown constructor)".into(), |n| n.to_string())
    });
    let message = match v {
        Value::Object(_) => agent
            .get_v(v, "message")
            .and_then(|m| agent.to_string(&m))
            .map_or_else(|_| String::new(), |m| m.to_string()),
        _ => agent
            .to_string(v)
            .map_or_else(|_| String::new(), |s| s.to_string()),
    };
    (name, message)
}

/// Composes, compiles and runs one test in one mode.
pub fn run(meta: &Frontmatter, test: &str, harness: &Harness, mode: Mode, fuel: u64) -> Completion {
    let composed = match compose(meta, test, harness, mode) {
        Ok(c) => c,
        Err(e) => return Completion::Unsupported(e),
    };
    match compile(&composed) {
        Ok(program) => execute(program, fuel),
        Err(c) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn harness() -> Harness {
        [
            ("assert.js", "function assert(b) { if (!b) throw new Error('assert'); }"),
            ("sta.js", "function Test262Error(m) { this.message = m; }"),
            ("doneprintHandle.js", "function $DONE(e) { if (e) print('Test262:AsyncTestFailure:' + e); else print('Test262:AsyncTestComplete'); }"),
            ("extra.js", "var extra = 1;"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    fn meta(yaml: &str) -> Frontmatter {
        Frontmatter::parse(&format!("/*---\n{yaml}\n---*/")).unwrap()
    }

    #[test]
    fn composes_in_interpreting_order() {
        let m = meta("flags: [async]\nincludes: [extra.js]");
        let c = compose(&m, "TEST", &harness(), Mode::Strict).unwrap();
        assert!(c.text.starts_with(USE_STRICT));
        let names: Vec<&str> = c.segments.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "harness/assert.js",
                "harness/sta.js",
                "harness/doneprintHandle.js",
                "harness/extra.js",
                "test"
            ]
        );
        assert!(c.text.ends_with("TEST"));
        assert_eq!(c.file_at(c.text.len() - 1), "test");
        assert_eq!(c.file_at(USE_STRICT.len()), "harness/assert.js");
        let raw = compose(&meta("flags: [raw]"), "TEST", &harness(), Mode::NonStrict).unwrap();
        assert_eq!(raw.text, "TEST");
        assert!(compose(&meta("includes: [nope.js]"), "", &harness(), Mode::Strict).is_err());
    }

    #[test]
    fn modes_follow_the_flags() {
        assert_eq!(
            Mode::runs_of(&meta("flags: []")),
            [Mode::NonStrict, Mode::Strict]
        );
        assert_eq!(Mode::runs_of(&meta("flags: [onlyStrict]")), [Mode::Strict]);
        assert_eq!(Mode::runs_of(&meta("flags: [noStrict]")), [Mode::NonStrict]);
        assert_eq!(Mode::runs_of(&meta("flags: [raw]")), [Mode::NonStrict]);
    }

    #[test]
    fn runs_jobs_in_order_and_records_print() {
        let src = "Promise.resolve(1).then(function (v) { print('a' + v); }); print('sync');";
        let c = run(
            &meta("flags: [raw]"),
            src,
            &harness(),
            Mode::NonStrict,
            100_000,
        );
        assert_eq!(
            c,
            Completion::Normal {
                printed: vec!["sync".into(), "a1".into()]
            }
        );
    }

    #[test]
    fn thrown_errors_name_their_constructor() {
        let c = run(
            &meta("flags: [raw]"),
            "throw new TypeError('t');",
            &harness(),
            Mode::NonStrict,
            100_000,
        );
        assert!(
            matches!(c, Completion::Threw { ref name, ref message, .. } if name == "TypeError" && message == "t"),
            "{c:?}"
        );
        let c = run(
            &meta("flags: [raw]"),
            // What `new E('x')` inherits from `E.prototype`, spelled out.
            "throw { constructor: { name: 'E' }, message: 'x' };",
            &harness(),
            Mode::NonStrict,
            100_000,
        );
        assert!(
            matches!(c, Completion::Threw { ref name, .. } if name == "E"),
            "{c:?}"
        );
    }

    #[test]
    fn syntax_errors_unsupported_constructs_and_timeouts() {
        let m = meta("flags: [raw]");
        assert!(matches!(
            run(&m, "var = 1;", &harness(), Mode::NonStrict, 1000),
            Completion::SyntaxError(_)
        ));
        assert!(matches!(
            run(&m, "typeof Symbol;", &harness(), Mode::NonStrict, 1000),
            Completion::Unsupported(_)
        ));
        assert!(matches!(
            run(&m, "undeclaredName;", &harness(), Mode::NonStrict, 1000),
            Completion::Threw { ref name, .. } if name == "ReferenceError"
        ));
        assert_eq!(
            run(&m, "while (true) {}", &harness(), Mode::NonStrict, 1000),
            Completion::Timeout
        );
    }
}
