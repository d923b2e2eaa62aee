//! The Node.js globals and modules the subset offers: `process`, `setImmediate`,
//! `require('fs')`, `require('crypto')`, and the methods of Timeout objects and Buffers.

use crate::host::object::HostObj;
use std::sync::Arc;

use crate::builtins::Builtin;
use crate::heap::{ErrorKind, ObjKind};
use crate::host::builtin::NodeGlobal;
use crate::value::Value;
use crate::vm::{Cx, JsResult, Unwind};

use super::io::IoOp;

/// A Node.js built-in function or object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::FromRepr)]
#[repr(u8)]
pub enum NodeFn {
    ProcessObj,
    NextTick,
    ProcessOn,
    ProcessOnce,
    ProcessOff,
    ProcessEmit,
    ProcessExit,
    SetImmediate,
    ClearImmediate,
    Require,
    FsModule,
    FsReadFile,
    FsWriteFile,
    FsStat,
    TimeoutRef,
    TimeoutUnref,
    TimeoutHasRef,
    TimeoutRefresh,
    BufferToString,
    ProcessKill,
    /// `require('fs').promises` / `require('fs/promises')`.
    FsPromises,
    FsPromisesReadFile,
    FsPromisesWriteFile,
    FsPromisesStat,
    /// `fetch` in the Node hosts.
    Fetch,
    /// `require('dns')` and its `lookup`.
    DnsModule,
    DnsLookup,
    /// `require('events')`: the EventEmitter constructor.
    EventEmitter,
    EmitterOn,
    EmitterOnce,
    EmitterOff,
    EmitterEmit,
    EmitterListenerCount,
    EmitterRemoveAllListeners,
    /// `require('crypto')` and its thread-pool functions (UV-6).
    CryptoModule,
    CryptoPbkdf2,
    CryptoPbkdf2Sync,
    CryptoScrypt,
    CryptoScryptSync,
    CryptoRandomBytes,
    CryptoRandomFill,
    CryptoRandomFillSync,
    /// `EventEmitter.prototype` (Node `lib/events.js`): the methods an emitter inherits, and
    /// the [[Prototype]] of a subclass's prototype (`class MyEmitter extends EventEmitter`).
    EmitterPrototype,
}

impl NodeFn {
    pub fn is_callable(self) -> bool {
        !matches!(
            self,
            NodeFn::ProcessObj
                | NodeFn::FsModule
                | NodeFn::FsPromises
                | NodeFn::CryptoModule
                | NodeFn::EmitterPrototype
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            NodeFn::ProcessObj => "process",
            NodeFn::NextTick => "nextTick",
            NodeFn::ProcessOn => "on",
            NodeFn::ProcessOnce => "once",
            NodeFn::ProcessOff => "off",
            NodeFn::ProcessEmit => "emit",
            NodeFn::ProcessExit => "exit",
            NodeFn::SetImmediate => "setImmediate",
            NodeFn::ClearImmediate => "clearImmediate",
            NodeFn::Require => "require",
            NodeFn::FsModule => "fs",
            NodeFn::FsReadFile => "readFile",
            NodeFn::FsWriteFile => "writeFile",
            NodeFn::FsStat => "stat",
            NodeFn::TimeoutRef => "ref",
            NodeFn::TimeoutUnref => "unref",
            NodeFn::TimeoutHasRef => "hasRef",
            NodeFn::TimeoutRefresh => "refresh",
            NodeFn::BufferToString => "toString",
            NodeFn::ProcessKill => "kill",
            NodeFn::FsPromises => "promises",
            NodeFn::FsPromisesReadFile => "readFile",
            NodeFn::FsPromisesWriteFile => "writeFile",
            NodeFn::FsPromisesStat => "stat",
            NodeFn::Fetch => "fetch",
            NodeFn::DnsModule => "dns",
            NodeFn::DnsLookup => "lookup",
            NodeFn::EventEmitter => "EventEmitter",
            NodeFn::EmitterOn => "on",
            NodeFn::EmitterOnce => "once",
            NodeFn::EmitterOff => "off",
            NodeFn::EmitterEmit => "emit",
            NodeFn::EmitterListenerCount => "listenerCount",
            NodeFn::EmitterRemoveAllListeners => "removeAllListeners",
            NodeFn::CryptoModule => "crypto",
            NodeFn::CryptoPbkdf2 => "pbkdf2",
            NodeFn::CryptoPbkdf2Sync => "pbkdf2Sync",
            NodeFn::CryptoScrypt => "scrypt",
            NodeFn::CryptoScryptSync => "scryptSync",
            NodeFn::CryptoRandomBytes => "randomBytes",
            NodeFn::CryptoRandomFill => "randomFill",
            NodeFn::CryptoRandomFillSync => "randomFillSync",
            NodeFn::EmitterPrototype => "EventEmitter.prototype",
        }
    }

    /// Properties of the `process` and `fs` objects.
    pub fn static_prop(self, key: &str) -> Option<Value> {
        let f = match (self, key) {
            (NodeFn::ProcessObj, "nextTick") => NodeFn::NextTick,
            (NodeFn::ProcessObj, "on" | "addListener") => NodeFn::ProcessOn,
            (NodeFn::ProcessObj, "once") => NodeFn::ProcessOnce,
            (NodeFn::ProcessObj, "off" | "removeListener") => NodeFn::ProcessOff,
            (NodeFn::ProcessObj, "emit") => NodeFn::ProcessEmit,
            (NodeFn::ProcessObj, "exit") => NodeFn::ProcessExit,
            (NodeFn::ProcessObj, "platform") => return Some(Value::str("linux")),
            (NodeFn::ProcessObj, "pid") => return Some(Value::num(f64::from(super::PID))),
            (NodeFn::ProcessObj, "kill") => NodeFn::ProcessKill,
            (NodeFn::EventEmitter, "EventEmitter") => NodeFn::EventEmitter,
            (NodeFn::EventEmitter, "prototype") => NodeFn::EmitterPrototype,
            (NodeFn::EmitterPrototype, "constructor") => NodeFn::EventEmitter,
            (NodeFn::EmitterPrototype, "on" | "addListener") => NodeFn::EmitterOn,
            (NodeFn::EmitterPrototype, "once") => NodeFn::EmitterOnce,
            (NodeFn::EmitterPrototype, "off" | "removeListener") => NodeFn::EmitterOff,
            (NodeFn::EmitterPrototype, "emit") => NodeFn::EmitterEmit,
            (NodeFn::EmitterPrototype, "listenerCount") => NodeFn::EmitterListenerCount,
            (NodeFn::EmitterPrototype, "removeAllListeners") => NodeFn::EmitterRemoveAllListeners,
            (NodeFn::FsModule, "readFile") => NodeFn::FsReadFile,
            (NodeFn::FsModule, "writeFile") => NodeFn::FsWriteFile,
            (NodeFn::FsModule, "stat") => NodeFn::FsStat,
            (NodeFn::FsModule, "promises") => NodeFn::FsPromises,
            (NodeFn::FsPromises, "readFile") => NodeFn::FsPromisesReadFile,
            (NodeFn::FsPromises, "writeFile") => NodeFn::FsPromisesWriteFile,
            (NodeFn::FsPromises, "stat") => NodeFn::FsPromisesStat,
            (NodeFn::DnsModule, "lookup") => NodeFn::DnsLookup,
            (NodeFn::CryptoModule, "pbkdf2") => NodeFn::CryptoPbkdf2,
            (NodeFn::CryptoModule, "pbkdf2Sync") => NodeFn::CryptoPbkdf2Sync,
            (NodeFn::CryptoModule, "scrypt") => NodeFn::CryptoScrypt,
            (NodeFn::CryptoModule, "scryptSync") => NodeFn::CryptoScryptSync,
            (NodeFn::CryptoModule, "randomBytes") => NodeFn::CryptoRandomBytes,
            (NodeFn::CryptoModule, "randomFill") => NodeFn::CryptoRandomFill,
            (NodeFn::CryptoModule, "randomFillSync") => NodeFn::CryptoRandomFillSync,
            _ => return None,
        };
        Some(Value::Builtin(Builtin::from(f)))
    }
}

/// The builtin modules the subset models, for messages.
pub const BUILTIN_MODULES: &str = "fs, fs/promises, dns, crypto, events, timers and process";

/// NODE-4: the value of the builtin module `specifier` (`fs` or `node:fs`, …), that is its
/// `module.exports`: what `require(specifier)` returns and what an `import` of it binds
/// (Node `lib/internal/modules/esm/translators.js`, the `builtin` translator: a builtin's
/// default export is its `module.exports`, its named exports are that object's own
/// properties). `None` for a module the subset does not model.
pub fn builtin_module(specifier: &str) -> Option<Value> {
    let name = specifier.strip_prefix("node:").unwrap_or(specifier);
    let f = match name {
        "fs" => NodeFn::FsModule,
        "dns" => NodeFn::DnsModule,
        "crypto" => NodeFn::CryptoModule,
        "fs/promises" => NodeFn::FsPromises,
        "timers" => return Some(Value::Builtin(Builtin::GlobalObj)),
        "process" => NodeFn::ProcessObj,
        "events" => NodeFn::EventEmitter,
        _ => return None,
    };
    Some(Value::Builtin(Builtin::from(f)))
}

/// NODE-4: whether the builtin module `specifier` has the named export `name` in the model
/// (an own property of its `module.exports`; `default` is the whole object). `timers`
/// (modelled as the global object) exports Node's timer functions.
pub fn builtin_module_has_export(specifier: &str, name: &str) -> bool {
    let Some(module) = builtin_module(specifier) else {
        return false;
    };
    if name == "default" {
        return true;
    }
    match module {
        v if let Some(f) = crate::host::builtin::node_fn(&v) => f.static_prop(name).is_some(),
        Value::Builtin(Builtin::GlobalObj) => matches!(
            name,
            "setTimeout"
                | "clearTimeout"
                | "setInterval"
                | "clearInterval"
                | "setImmediate"
                | "clearImmediate"
        ),
        _ => false,
    }
}

/// The named exports of the builtin module `specifier` the model has, for messages.
pub fn builtin_module_exports(specifier: &str) -> Vec<&'static str> {
    const CANDIDATES: &[&str] = &[
        "readFile",
        "writeFile",
        "stat",
        "promises",
        "lookup",
        "pbkdf2",
        "pbkdf2Sync",
        "scrypt",
        "scryptSync",
        "randomBytes",
        "randomFill",
        "randomFillSync",
        "setTimeout",
        "clearTimeout",
        "setInterval",
        "clearInterval",
        "setImmediate",
        "clearImmediate",
        "nextTick",
        "on",
        "addListener",
        "once",
        "off",
        "removeListener",
        "emit",
        "exit",
        "platform",
        "pid",
        "kill",
        "EventEmitter",
    ];
    CANDIDATES
        .iter()
        .copied()
        .filter(|n| builtin_module_has_export(specifier, n))
        .collect()
}

/// Inherited properties of Node objects (their prototypes).
pub fn prototype_prop(obj: &HostObj, key: &str) -> Option<Value> {
    let f = match (obj, key) {
        (HostObj::Timeout(_) | HostObj::Immediate(_), "ref") => NodeFn::TimeoutRef,
        (HostObj::Timeout(_) | HostObj::Immediate(_), "unref") => NodeFn::TimeoutUnref,
        (HostObj::Timeout(_) | HostObj::Immediate(_), "hasRef") => NodeFn::TimeoutHasRef,
        (HostObj::Timeout(_), "refresh") => NodeFn::TimeoutRefresh,
        (HostObj::Buffer(s), "length") => return Some(Value::num(s.len() as f64)),
        (HostObj::Buffer(_), "toString") => NodeFn::BufferToString,
        (HostObj::Emitter(_), "on" | "addListener") => NodeFn::EmitterOn,
        (HostObj::Emitter(_), "once") => NodeFn::EmitterOnce,
        (HostObj::Emitter(_), "off" | "removeListener") => NodeFn::EmitterOff,
        (HostObj::Emitter(_), "emit") => NodeFn::EmitterEmit,
        (HostObj::Emitter(_), "listenerCount") => NodeFn::EmitterListenerCount,
        (HostObj::Emitter(_), "removeAllListeners") => NodeFn::EmitterRemoveAllListeners,
        _ => return None,
    };
    Some(Value::Builtin(Builtin::from(f)))
}

/// The value of a Node global.
pub fn global_value(g: NodeGlobal, program: &crate::ir::Program) -> Value {
    let f = match g {
        NodeGlobal::Process => NodeFn::ProcessObj,
        NodeGlobal::SetImmediate => NodeFn::SetImmediate,
        NodeGlobal::ClearImmediate => NodeFn::ClearImmediate,
        NodeGlobal::Require => NodeFn::Require,
        NodeGlobal::Filename => return Value::str(&program.source_name),
        NodeGlobal::Dirname => {
            let dir = std::path::Path::new(&program.source_name)
                .parent()
                .map(|p| p.display().to_string())
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| ".".into());
            return Value::str(&dir);
        }
    };
    Value::Builtin(Builtin::from(f))
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Undefined)
}

/// Calls a Node built-in.
pub fn call(agent: &mut Cx<'_, '_>, f: NodeFn, this: Value, args: Vec<Value>) -> JsResult<Value> {
    match f {
        NodeFn::NextTick => {
            let cb = arg(&args, 0);
            if !agent.is_callable(&cb) {
                return agent.throw(
                    ErrorKind::TypeError,
                    "The \"callback\" argument must be of type function.",
                );
            }
            agent.next_tick(cb, args.get(1..).map(<[Value]>::to_vec).unwrap_or_default());
            Ok(Value::Undefined)
        }
        NodeFn::ProcessOn | NodeFn::ProcessOnce => {
            let event = agent.to_string(&arg(&args, 0))?;
            agent.st.node.listeners.push(super::Listener {
                event,
                callback: arg(&args, 1),
                once: f == NodeFn::ProcessOnce,
            });
            Ok(Value::Builtin(Builtin::from(NodeFn::ProcessObj)))
        }
        NodeFn::ProcessOff => {
            let event = agent.to_string(&arg(&args, 0))?;
            let cb = arg(&args, 1);
            if let Some(i) = agent
                .st
                .node
                .listeners
                .iter()
                .position(|l| l.event == event && l.callback == cb)
            {
                agent.st.node.listeners.remove(i);
            }
            Ok(Value::Builtin(Builtin::from(NodeFn::ProcessObj)))
        }
        NodeFn::ProcessEmit => {
            let event = agent.to_string(&arg(&args, 0))?;
            let rest = args.get(1..).map(<[Value]>::to_vec).unwrap_or_default();
            Ok(Value::Bool(agent.process_emit(&event, rest)?))
        }
        NodeFn::ProcessExit => {
            let code = match arg(&args, 0) {
                Value::Undefined => 0.0,
                v => agent.to_number(&v)?,
            };
            agent.process_exit(code as i32)
        }
        NodeFn::SetImmediate => {
            let cb = arg(&args, 0);
            if !agent.is_callable(&cb) {
                return agent.throw(
                    ErrorKind::TypeError,
                    "The \"callback\" argument must be of type function.",
                );
            }
            Ok(agent.set_immediate(cb, args.get(1..).map(<[Value]>::to_vec).unwrap_or_default()))
        }
        NodeFn::ClearImmediate => {
            if let Some(ObjKind::Host(HostObj::Immediate(id))) = arg(&args, 0)
                .as_object()
                .map(|o| agent.st.realm.heap.get(o).kind.clone())
            {
                agent.clear_immediate(id);
            }
            Ok(Value::Undefined)
        }
        NodeFn::Require => {
            let name = agent.to_string(&arg(&args, 0))?;
            match builtin_module(&name) {
                Some(module) => Ok(module),
                None => agent.throw(
                    ErrorKind::Error,
                    &format!(
                        "Cannot find module '{name}' (evloop models the modules {BUILTIN_MODULES})"
                    ),
                ),
            }
        }
        NodeFn::FsReadFile | NodeFn::FsWriteFile | NodeFn::FsStat => {
            let path = agent.to_string(&arg(&args, 0))?;
            let (op, rest_from) = match f {
                NodeFn::FsReadFile => (IoOp::ReadFile { path, utf8: false }, 1),
                NodeFn::FsWriteFile => {
                    let data = agent.to_string(&arg(&args, 1))?;
                    (IoOp::WriteFile { path, data }, 2)
                }
                _ => (IoOp::Stat { path }, 1),
            };
            // The callback is the last argument; an encoding (string or {encoding}) may precede it.
            let rest = args
                .get(rest_from..)
                .map(<[Value]>::to_vec)
                .unwrap_or_default();
            let Some(callback) = rest.last().cloned().filter(|c| agent.is_callable(c)) else {
                return agent.throw(
                    ErrorKind::TypeError,
                    "The \"cb\" argument must be of type function.",
                );
            };
            let mut op = op;
            if let (IoOp::ReadFile { utf8, .. }, Some(enc)) = (&mut op, rest.first()) {
                let enc = match enc {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(_) => match agent.get_v(enc, "encoding")? {
                        Value::String(s) => Some(s),
                        _ => None,
                    },
                    _ => None,
                };
                *utf8 = enc.is_some_and(|e| matches!(&*e, "utf8" | "utf-8"));
            }
            agent.submit_io(op, callback);
            Ok(Value::Undefined)
        }
        NodeFn::TimeoutRef
        | NodeFn::TimeoutUnref
        | NodeFn::TimeoutHasRef
        | NodeFn::TimeoutRefresh => agent.timeout_method(f, this),
        NodeFn::BufferToString => agent.buffer_to_string(this, &args),
        NodeFn::CryptoPbkdf2 | NodeFn::CryptoPbkdf2Sync => {
            agent.crypto_pbkdf2(&args, f == NodeFn::CryptoPbkdf2Sync)
        }
        NodeFn::CryptoScrypt | NodeFn::CryptoScryptSync => {
            agent.crypto_scrypt(&args, f == NodeFn::CryptoScryptSync)
        }
        NodeFn::CryptoRandomBytes => agent.crypto_random_bytes(&args),
        NodeFn::CryptoRandomFill | NodeFn::CryptoRandomFillSync => {
            agent.crypto_random_fill(&args, f == NodeFn::CryptoRandomFillSync)
        }
        NodeFn::FsPromisesReadFile | NodeFn::FsPromisesWriteFile | NodeFn::FsPromisesStat => {
            let path = agent.to_string(&arg(&args, 0))?;
            let op = match f {
                NodeFn::FsPromisesReadFile => {
                    let enc = match arg(&args, 1) {
                        Value::String(s) => Some(s),
                        v @ Value::Object(_) => match agent.get_v(&v, "encoding")? {
                            Value::String(s) => Some(s),
                            _ => None,
                        },
                        _ => None,
                    };
                    IoOp::ReadFile {
                        path,
                        utf8: enc.is_some_and(|e| matches!(&*e, "utf8" | "utf-8")),
                    }
                }
                NodeFn::FsPromisesWriteFile => {
                    let data = agent.to_string(&arg(&args, 1))?;
                    IoOp::WriteFile { path, data }
                }
                _ => IoOp::Stat { path },
            };
            Ok(agent.submit_io_promise(op))
        }
        NodeFn::DnsLookup => {
            let host = agent.to_string(&arg(&args, 0))?;
            let Some(callback) = args.last().cloned().filter(|c| agent.is_callable(c)) else {
                return agent.throw(
                    ErrorKind::TypeError,
                    "The \"callback\" argument must be of type function.",
                );
            };
            agent.submit_io(IoOp::Lookup { host }, callback);
            Ok(Value::Undefined)
        }
        NodeFn::Fetch => {
            let url = agent.to_string(&arg(&args, 0))?;
            Ok(agent.submit_io_promise(IoOp::Fetch { url }))
        }
        NodeFn::ProcessKill => {
            let pid = agent.to_number(&arg(&args, 0))?;
            let signal = match arg(&args, 1) {
                Value::Undefined => Arc::from("SIGTERM"),
                v => agent.to_string(&v)?,
            };
            if pid != f64::from(super::PID) {
                return agent.throw(
                    ErrorKind::Error,
                    "kill ESRCH (evloop models signals to the process itself)",
                );
            }
            agent.trace("NODE-13", || {
                format!("process.kill: {signal} pending for the poll phase")
            });
            agent.st.node.signals.push(signal);
            Ok(Value::Bool(true))
        }
        NodeFn::EventEmitter => agent.construct(&Value::Builtin(Builtin::from(f)), args),
        NodeFn::EmitterOn
        | NodeFn::EmitterOnce
        | NodeFn::EmitterOff
        | NodeFn::EmitterEmit
        | NodeFn::EmitterListenerCount
        | NodeFn::EmitterRemoveAllListeners => agent.emitter_method(f, this, args),
        NodeFn::ProcessObj
        | NodeFn::FsModule
        | NodeFn::FsPromises
        | NodeFn::DnsModule
        | NodeFn::CryptoModule
        | NodeFn::EmitterPrototype => agent.throw(
            ErrorKind::TypeError,
            &format!("{} is not a function", f.name()),
        ),
    }
}

impl Cx<'_, '_> {
    /// Methods of Timeout objects (`lib/internal/timers.js` `Timeout.prototype`).
    fn timeout_method(&mut self, f: NodeFn, this: Value) -> JsResult<Value> {
        let Some(ObjKind::Host(HostObj::Timeout(id))) = this
            .as_object()
            .map(|o| self.st.realm.heap.get(o).kind.clone())
        else {
            return Err(Unwind::Throw(
                self.make_error(ErrorKind::TypeError, "not a Timeout"),
            ));
        };
        match f {
            NodeFn::TimeoutRef | NodeFn::TimeoutUnref => {
                if let Some(t) = self.st.node.timers.iter_mut().find(|t| t.id == id) {
                    t.refed = f == NodeFn::TimeoutRef;
                }
                Ok(this)
            }
            NodeFn::TimeoutHasRef => Ok(Value::Bool(
                self.st.node.timers.iter().any(|t| t.id == id && t.refed),
            )),
            _ => {
                self.refresh_timer(id);
                Ok(this)
            }
        }
    }

    /// A Buffer holding `s`'s UTF-8 bytes (for `fs.readFile` without an encoding).
    pub fn make_buffer(&mut self, s: Arc<str>) -> Value {
        self.make_bytes_buffer(Arc::from(s.as_bytes()))
    }

    /// A Buffer holding `bytes` (a derived key, random bytes).
    pub fn make_bytes_buffer(&mut self, bytes: Arc<[u8]>) -> Value {
        Value::Object(self.alloc(ObjKind::Host(HostObj::Buffer(bytes))))
    }

    /// `buf.toString([encoding[, start[, end]]])` (Node `lib/buffer.js`): decodes the bytes
    /// `start..end` as `utf8` (the default; invalid sequences become U+FFFD), `hex`, `base64`,
    /// `base64url`, `latin1`/`binary` or `ascii`; an unknown encoding throws
    /// `ERR_UNKNOWN_ENCODING`.
    fn buffer_to_string(&mut self, this: Value, args: &[Value]) -> JsResult<Value> {
        let Some(ObjKind::Host(HostObj::Buffer(bytes))) = this
            .as_object()
            .map(|o| self.st.realm.heap.get(o).kind.clone())
        else {
            return self.throw(ErrorKind::TypeError, "toString called on a non-Buffer");
        };
        let len = bytes.len() as f64;
        // `start`/`end` are clamped to 0..=length (undefined: 0 and length).
        let mut bound = |i: usize, default: f64| -> JsResult<usize> {
            Ok(match arg(args, i) {
                Value::Undefined => default,
                v => {
                    let x = self.to_number(&v)?;
                    if x.is_nan() {
                        0.0
                    } else {
                        x.trunc().clamp(0.0, len)
                    }
                }
            } as usize)
        };
        let start = bound(1, 0.0)?;
        let end = bound(2, len)?.max(start);
        let b = &bytes[start..end];
        let enc = match arg(args, 0) {
            Value::Undefined => Arc::from("utf8"),
            v => self.to_string(&v)?,
        };
        let s = match &*enc.to_ascii_lowercase() {
            "utf8" | "utf-8" => String::from_utf8_lossy(b).into_owned(),
            "hex" => b.iter().map(|x| format!("{x:02x}")).collect(),
            "base64" => base64(b, false),
            "base64url" => base64(b, true),
            "latin1" | "binary" => b.iter().map(|&x| char::from(x)).collect(),
            "ascii" => b.iter().map(|&x| char::from(x & 0x7f)).collect(),
            _ => {
                let e = self.make_error(ErrorKind::TypeError, &format!("Unknown encoding: {enc}"));
                if let Value::Object(o) = &e {
                    self.st.realm.heap.get_mut(*o).set_own(
                        "code",
                        crate::heap::Prop::Data(Value::str("ERR_UNKNOWN_ENCODING")),
                    );
                }
                return Err(Unwind::Throw(e));
            }
        };
        Ok(Value::str(&s))
    }
}

/// Base64 (RFC 4648 §4, with `=` padding) or base64url (§5, unpadded, as Node prints it).
fn base64(b: &[u8], url: bool) -> String {
    let alphabet: &[u8; 64] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    };
    let mut out = String::new();
    for chunk in b.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &x)| n | u32::from(x) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(alphabet[(n >> (18 - 6 * i) & 63) as usize]));
        }
        if !url {
            for _ in chunk.len()..3 {
                out.push('=');
            }
        }
    }
    out
}
