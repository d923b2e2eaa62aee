//! Calling built-in functions.

use std::sync::Arc;

use super::Builtin;
use crate::es::combinators::Combinator;
use crate::es::native::NativeFn;
use crate::heap::{ErrorKind, ObjKind, Prop};
use crate::value::Value;
use crate::vm::{Agent, JsResult};

pub(super) fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Undefined)
}

/// Calls built-in `b` with `this` and `args`.
pub fn call(agent: &mut Agent<'_>, b: Builtin, this: Value, args: Vec<Value>) -> JsResult<Value> {
    use Builtin::*;
    match b {
        ConsoleLog | ConsoleInfo | ConsoleWarn | ConsoleError | ConsoleDebug => {
            let line = crate::format::log_line(&agent.st.heap, &agent.program, &args);
            agent.trace("LOG", || format!("console.{}: {line}", b.name()));
            agent.st.log.push(line);
            Ok(Value::Undefined)
        }
        SetTimeout | SetInterval => {
            let handler = arg(&args, 0);
            let timeout = arg(&args, 1);
            let rest = args.get(2..).map(<[Value]>::to_vec).unwrap_or_default();
            if agent.st.host.is_node() {
                if !agent.is_callable(&handler) {
                    return agent.throw(
                        ErrorKind::TypeError,
                        "The \"callback\" argument must be of type function.",
                    );
                }
                return agent.node_set_timer(handler, timeout, rest, b == SetInterval);
            }
            agent.set_timer(handler, timeout, rest, b == SetInterval)
        }
        ClearTimeout | ClearInterval => {
            if agent.st.host.is_node() {
                agent.node_clear_timer(&arg(&args, 0));
            } else {
                agent.clear_timer(&arg(&args, 0))?;
            }
            Ok(Value::Undefined)
        }
        Node(f) => crate::host::node::builtins::call(agent, f, this, args),
        Web(f) => crate::host::web::call(agent, f, this, args),
        QueueMicrotask => {
            let cb = arg(&args, 0);
            if !agent.is_callable(&cb) {
                return agent.throw(
                    ErrorKind::TypeError,
                    "Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.",
                );
            }
            agent.host_enqueue_promise_job(
                crate::es::promise::Job::Callback { callback: cb },
                "HTML-8",
            );
            Ok(Value::Undefined)
        }
        Fetch => {
            let url = agent.to_string(&arg(&args, 0))?;
            if agent.st.host.is_node() {
                return Ok(agent.submit_io_promise(crate::host::node::IoOp::Fetch { url }));
            }
            Ok(agent.fetch(url))
        }
        PromiseCtor => agent.throw(
            ErrorKind::TypeError,
            "Promise constructor cannot be invoked without 'new'",
        ),
        PromiseResolve => {
            if !matches!(this, Value::Builtin(PromiseCtor)) {
                return agent.throw(ErrorKind::TypeError, "PromiseResolve called on non-object");
            }
            let p = agent.promise_resolve_intrinsic(arg(&args, 0))?;
            Ok(Value::Object(p))
        }
        PromiseReject => {
            if !matches!(this, Value::Builtin(PromiseCtor)) {
                return agent.throw(ErrorKind::TypeError, "PromiseReject called on non-object");
            }
            let cap = agent.new_promise_capability();
            agent.call(&cap.reject, Value::Undefined, vec![arg(&args, 0)])?;
            Ok(cap.promise)
        }
        PromiseAll => agent.promise_combinator(Combinator::All, this, arg(&args, 0)),
        PromiseAllSettled => agent.promise_combinator(Combinator::AllSettled, this, arg(&args, 0)),
        PromiseAny => agent.promise_combinator(Combinator::Any, this, arg(&args, 0)),
        PromiseRace => agent.promise_combinator(Combinator::Race, this, arg(&args, 0)),
        PromiseThen => agent.promise_then(this, arg(&args, 0), arg(&args, 1)),
        PromiseCatch => agent.invoke(&this, "then", vec![Value::Undefined, arg(&args, 0)]),
        PromiseFinally => agent.promise_finally(this, arg(&args, 0)),
        DateCtor => {
            agent.clock_read = true;
            Ok(Value::String(Arc::from(crate::format::date_string(
                agent.st.clock,
            ))))
        }
        DateNow => {
            agent.clock_read = true;
            Ok(Value::num(agent.st.clock as f64))
        }
        DateGetTime => match this
            .as_object()
            .map(|id| agent.st.heap.get(id).kind.clone())
        {
            Some(ObjKind::Date(t)) => Ok(Value::num(t as f64)),
            _ => agent.throw(ErrorKind::TypeError, "this is not a Date object."),
        },
        ErrorCtor(_) => agent.construct(&Value::Builtin(b), args),
        ArrayCtor | ObjectCtor => agent.construct(&Value::Builtin(b), args),
        ArrayIsArray => {
            Ok(Value::Bool(arg(&args, 0).as_object().is_some_and(|id| {
                matches!(agent.st.heap.get(id).kind, ObjKind::Array(_))
            })))
        }
        ArrayFrom => {
            let items = agent.iterate_to_list(&arg(&args, 0))?;
            let f = arg(&args, 1);
            let items = if agent.is_callable(&f) {
                let mut out = Vec::new();
                for (i, it) in items.into_iter().enumerate() {
                    out.push(agent.call(&f, Value::Undefined, vec![it, Value::num(i as f64)])?);
                }
                out
            } else {
                items
            };
            Ok(Value::Object(agent.alloc(ObjKind::Array(items))))
        }
        StringCtor => {
            Ok(Value::String(agent.to_string(&arg(&args, 0)).map(|s| {
                if args.is_empty() { Arc::from("") } else { s }
            })?))
        }
        NumberCtor => Ok(Value::num(if args.is_empty() {
            0.0
        } else {
            agent.to_number(&arg(&args, 0))?
        })),
        BooleanCtor => Ok(Value::Bool(arg(&args, 0).to_boolean())),
        ObjectKeys | ObjectValues | ObjectEntries => {
            let o = arg(&args, 0);
            let keys = agent.own_keys(&o);
            let mut out = Vec::new();
            for k in keys {
                let v = match b {
                    ObjectKeys => Value::String(k),
                    ObjectValues => agent.get_v(&o, &k)?,
                    _ => {
                        let v = agent.get_v(&o, &k)?;
                        Value::Object(agent.alloc(ObjKind::Array(vec![Value::String(k), v])))
                    }
                };
                out.push(v);
            }
            Ok(Value::Object(agent.alloc(ObjKind::Array(out))))
        }
        ObjectAssign => {
            let target = arg(&args, 0);
            for src in args.iter().skip(1) {
                for k in agent.own_keys(src) {
                    let v = agent.get_v(src, &k)?;
                    agent.set_v(&target, &k, v)?;
                }
            }
            Ok(target)
        }
        ArrayPush | ArrayPop | ArrayShift | ArrayUnshift | ArrayJoin | ArrayForEach | ArrayMap
        | ArrayFilter | ArrayIndexOf | ArrayIncludes | ArraySlice | ArrayConcat | ArrayReduce
        | ArraySome | ArrayEvery | ArrayFind | ArrayFindIndex | ArrayReverse => {
            super::array::call(agent, b, this, args)
        }
        StrToUpperCase | StrToLowerCase | StrSlice | StrIndexOf | StrIncludes | StrSplit
        | StrTrim | StrPadStart | StrPadEnd | StrRepeat | StrStartsWith | StrEndsWith
        | StrCharAt | StrConcat => super::string::call(agent, b, this, args),
        NumToFixed => {
            let n = agent.to_number(&this)?;
            let d = agent.to_number(&arg(&args, 0))?;
            let d = if d.is_nan() {
                0
            } else {
                d.clamp(0.0, 100.0) as usize
            };
            Ok(Value::String(Arc::from(format!("{n:.d$}"))))
        }
        ToStringMethod => {
            if let Value::Object(id) = &this
                && matches!(agent.st.heap.get(*id).kind, ObjKind::Ordinary)
            {
                return Ok(Value::str("[object Object]"));
            }
            Ok(Value::String(agent.to_string(&this)?))
        }
        HasOwnProperty => {
            let k = agent.to_property_key(&arg(&args, 0))?;
            Ok(Value::Bool(agent.own_keys(&this).contains(&k)))
        }
        FunctionBind => {
            if !agent.is_callable(&this) {
                return agent.throw(ErrorKind::TypeError, "Bind must be called on a function");
            }
            let mut args = args.into_iter();
            let bound_this = args.next().unwrap_or(Value::Undefined);
            let f = NativeFn::Bound {
                target: this,
                this: bound_this,
                args: args.collect(),
            };
            Ok(Value::Object(agent.alloc(ObjKind::Native(f))))
        }
        FunctionCall => {
            let mut args = args.into_iter();
            let t = args.next().unwrap_or(Value::Undefined);
            agent.call(&this, t, args.collect())
        }
        FunctionApply => {
            let t = arg(&args, 0);
            let list = match arg(&args, 1) {
                Value::Undefined | Value::Null => Vec::new(),
                v => agent.iterate_to_list(&v)?,
            };
            agent.call(&this, t, list)
        }
        MathFloor | MathCeil | MathRound | MathTrunc | MathAbs | MathSqrt | MathSign => {
            let x = agent.to_number(&arg(&args, 0))?;
            Ok(Value::num(match b {
                MathFloor => x.floor(),
                MathCeil => x.ceil(),
                MathRound => (x + 0.5).floor(),
                MathTrunc => x.trunc(),
                MathAbs => x.abs(),
                MathSqrt => x.sqrt(),
                _ => {
                    if x.is_nan() || x == 0.0 {
                        x
                    } else {
                        x.signum()
                    }
                }
            }))
        }
        MathPow => {
            let x = agent.to_number(&arg(&args, 0))?;
            let y = agent.to_number(&arg(&args, 1))?;
            Ok(Value::num(x.powf(y)))
        }
        MathMax | MathMin => {
            let mut acc = if b == MathMax {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
            for a in &args {
                let x = agent.to_number(a)?;
                if x.is_nan() {
                    return Ok(Value::num(f64::NAN));
                }
                acc = if b == MathMax { acc.max(x) } else { acc.min(x) };
            }
            Ok(Value::num(acc))
        }
        JsonStringify => {
            let v = arg(&args, 0);
            Ok(match crate::format::json_stringify(&agent.st.heap, &v) {
                Some(s) => Value::String(Arc::from(s)),
                None => Value::Undefined,
            })
        }
        ConsoleObj | MathObj | JsonObj | GlobalObj => agent.throw(
            ErrorKind::TypeError,
            &format!("{} is not a function", b.name()),
        ),
    }
}

impl Agent<'_> {
    /// The own enumerable string keys of an object (arrays: indices, then properties).
    pub fn own_keys(&self, v: &Value) -> Vec<Arc<str>> {
        let Value::Object(id) = v else {
            return Vec::new();
        };
        let obj = self.st.heap.get(*id);
        let mut keys: Vec<Arc<str>> = match &obj.kind {
            ObjKind::Array(items) => (0..items.len()).map(|i| Arc::from(i.to_string())).collect(),
            _ => Vec::new(),
        };
        keys.extend(
            obj.props
                .iter()
                .filter(|(_, p)| matches!(p, Prop::Data(_) | Prop::Accessor { .. }))
                .map(|(k, _)| k.clone()),
        );
        keys
    }
}
