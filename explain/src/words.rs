//! The model's values, functions and jobs in words, for people: a callback is its function's
//! name and where it is defined, a promise job says which handler it runs.

use evloop_model::es::native::NativeFn;
use evloop_model::es::promise::{Job, ReactionType};
use evloop_model::heap::{Heap, ObjKind};
use evloop_model::ir::{FuncId, Program};
use evloop_model::value::Value;

/// The longest a value is shown inside a queue entry before it is cut with `…`.
const VALUE_WIDTH: usize = 40;

/// A function of the program by id: its name (or `(anonymous)`; the script's top level is
/// `(top level)`).
pub fn function_name(program: &Program, func: FuncId) -> String {
    match program.functions.get(func as usize) {
        Some(_) if func == 0 => "(top level)".into(),
        Some(f) => match &f.name {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => "(anonymous)".into(),
        },
        None => format!("function #{func}"),
    }
}

/// Where a function is defined: its first instruction's line, if known.
fn function_line(program: &Program, func: FuncId) -> Option<u32> {
    let f = program.functions.get(func as usize)?;
    f.positions.iter().map(|p| p.line).find(|l| *l > 0)
}

/// A callable value in words: `async1 (line 3)`, `resume async1 after await`, `resolve
/// function of a promise`, or the value as FORMAT-1 prints it.
pub fn callable(heap: &Heap, program: &Program, v: &Value) -> String {
    let Value::Object(id) = v else {
        return value(heap, program, v);
    };
    match &heap.get(*id).kind {
        ObjKind::Function(c) => {
            let name = function_name(program, c.func);
            match function_line(program, c.func) {
                Some(l) => format!("{name} (line {l})"),
                None => name,
            }
        }
        ObjKind::Native(n) => native(heap, program, n),
        _ => value(heap, program, v),
    }
}

/// The function a suspended async frame runs.
fn frame_function(heap: &Heap, program: &Program, frame: evloop_model::value::ObjId) -> String {
    match &heap.get(frame).kind {
        ObjKind::Frame(f) => function_name(program, f.func),
        // The frame is running (or about to suspend at this very `await`).
        _ => "the running async function".into(),
    }
}

/// A built-in function with captured data (ES-5, ES-9, ES-11, ES-12).
fn native(heap: &Heap, program: &Program, n: &NativeFn) -> String {
    match n {
        NativeFn::PromiseResolveFunction { .. } => "a promise's resolve function".into(),
        NativeFn::PromiseRejectFunction { .. } => "a promise's reject function".into(),
        NativeFn::AwaitFulfilled { frame } => {
            format!(
                "resume {} after await",
                frame_function(heap, program, *frame)
            )
        }
        NativeFn::AwaitRejected { frame } => format!(
            "resume {} after await, throwing",
            frame_function(heap, program, *frame)
        ),
        NativeFn::ThenFinally { on_finally } | NativeFn::CatchFinally { on_finally } => {
            format!("finally handler {}", callable(heap, program, on_finally))
        }
        NativeFn::ValueThunk { .. } => "finally's value thunk".into(),
        NativeFn::Thrower { .. } => "finally's thrower".into(),
        NativeFn::Element { index, .. } => format!("combinator element function #{index}"),
        NativeFn::JscFinally { on_finally, .. } => format!(
            "finally handler {} (JavaScriptCore, RT-2)",
            callable(heap, program, on_finally)
        ),
        NativeFn::SettleWith { rejected, .. } => format!(
            "settle the promise finally made ({}, RT-2)",
            if *rejected { "rejected" } else { "fulfilled" }
        ),
        NativeFn::ModuleEvaluationRejected => "report the module's rejected evaluation".into(),
        NativeFn::GetCapabilitiesExecutor { .. } => {
            "a promise subclass's capability executor".into()
        }
        NativeFn::Bound { target, .. } => format!("bound {}", callable(heap, program, target)),
    }
}

/// A value as FORMAT-1 prints it, cut to [`VALUE_WIDTH`] characters.
pub fn value(heap: &Heap, program: &Program, v: &Value) -> String {
    let s = evloop_model::format::inspect(heap, program, v);
    if s.chars().count() > VALUE_WIDTH {
        let cut: String = s.chars().take(VALUE_WIDTH - 1).collect();
        format!("{cut}…")
    } else {
        s
    }
}

/// A microtask in words: the kind of job (as `--trace` names it) and what it runs.
pub fn job(heap: &Heap, program: &Program, job: &Job) -> String {
    match job {
        Job::Reaction { reaction, argument } => {
            let arg = value(heap, program, argument);
            match &reaction.handler {
                Some(h) => {
                    let side = match reaction.kind {
                        ReactionType::Fulfill => "fulfilled",
                        ReactionType::Reject => "rejected",
                    };
                    format!(
                        "PromiseReactionJob: {side} handler {} with {arg}",
                        callable(heap, program, h)
                    )
                }
                None => {
                    let what = match reaction.kind {
                        ReactionType::Fulfill => "value",
                        ReactionType::Reject => "reason",
                    };
                    format!("PromiseReactionJob: no handler, pass the {what} {arg} through")
                }
            }
        }
        Job::ResolveThenable { thenable, .. } => format!(
            "PromiseResolveThenableJob: call then of {}",
            value(heap, program, thenable)
        ),
        Job::Callback { .. } | Job::CallThen { .. } => {
            let kind = evloop_model::host::describe_job(job);
            match job {
                Job::Callback { callback } if kind == "queueMicrotask callback" => {
                    format!("{kind} {}", callable(heap, program, callback))
                }
                _ => kind.to_string(),
            }
        }
    }
}
