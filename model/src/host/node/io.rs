//! Thread-pool I/O (UV-6): `fs.readFile/writeFile/stat` and `crypto.pbkdf2/scrypt/randomBytes`
//! requests stay in flight until the host completes them (a `Choice`, in any order); the poll
//! phase delivers completed requests' callbacks in completion order. The file system is
//! virtual: it holds the program's own file (`__filename`) and whatever the program writes.

use std::sync::Arc;

use crate::heap::{ErrorKind, ObjKind, Prop};
use crate::value::Value;
use crate::vm::{Cx, JsResult};

/// What a request does.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IoOp {
    ReadFile {
        path: Arc<str>,
        utf8: bool,
    },
    WriteFile {
        path: Arc<str>,
        data: Arc<str>,
    },
    Stat {
        path: Arc<str>,
    },
    /// `fetch(url)` in Node (undici): network I/O, not the thread pool, but it completes the
    /// same way — when the host says — and is delivered in the poll phase.
    Fetch {
        url: Arc<str>,
    },
    /// `dns.lookup(host, cb)` (UV-6: `getaddrinfo` on the thread pool). The model's network
    /// is loopback only: `localhost` resolves to 127.0.0.1, other names fail with ENOTFOUND.
    Lookup {
        host: Arc<str>,
    },
    /// `crypto.pbkdf2` / `crypto.scrypt` (UV-6: one `CryptoJob` queued with `uv_queue_work`);
    /// the worker derives the key.
    Derive(super::crypto::Derivation),
    /// `crypto.randomBytes(size, cb)` (UV-6: a `RandomBytesJob`). The model's bytes are zeros.
    RandomBytes {
        size: u32,
    },
    /// `crypto.randomFill(buf, offset, size, cb)` (UV-6: a `RandomBytesJob` that writes into
    /// `buf`; the callback gets the same Buffer).
    RandomFill {
        buf: Value,
        offset: u32,
        size: u32,
    },
    /// NODE-13 on Deno (RT-3, `signals_delivered_by_an_op`): a signal the process sent itself,
    /// waiting for the async op (`op_signal_poll`) that delivers it; completing it emits the
    /// signal in a poll phase.
    Signal {
        name: Arc<str>,
    },
}

/// What a completed request produced for the program.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IoData {
    /// A file's content, a resolved address.
    Text(Arc<str>),
    /// A derived key or random bytes.
    Bytes(Arc<[u8]>),
}

/// A request and, once completed, its result (`Err(code)` for a failed one).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IoRequest {
    pub id: u32,
    pub op: IoOp,
    pub callback: Value,
    /// Whether `callback` is a promise to settle (`fs.promises`, `fetch`) rather than a
    /// function to call.
    pub promise: bool,
    /// Which of the operation's thread-pool steps this is (0-based); see [`IoOp::steps`].
    pub step: u8,
    pub result: Option<Result<Option<IoData>, &'static str>>,
}

impl IoOp {
    /// RT-3 (Deno): an async op deno_core may complete at its first poll, at the call: the
    /// file-system and crypto jobs (not `fetch`, not `dns.lookup`, not a signal).
    pub fn may_complete_eagerly(&self) -> bool {
        matches!(
            self,
            IoOp::ReadFile { .. }
                | IoOp::WriteFile { .. }
                | IoOp::Stat { .. }
                | IoOp::Derive(_)
                | IoOp::RandomFill { .. }
        )
    }

    /// The thread-pool requests one call makes, in sequence, each submitted from the previous
    /// one's callback (Node 20 `lib/fs.js`, `internal/fs/read/context.js`): `readFile` is open,
    /// fstat, read, close; `writeFile` is open, write, close; `stat`, `fetch` and the crypto
    /// jobs are one.
    pub fn steps(&self) -> &'static [&'static str] {
        match self {
            IoOp::ReadFile { .. } => &["open", "fstat", "read", "close"],
            IoOp::WriteFile { .. } => &["open", "write", "close"],
            IoOp::Stat { .. } => &["stat"],
            IoOp::Fetch { .. } => &["response"],
            IoOp::Lookup { .. } => &["getaddrinfo"],
            IoOp::Derive(_) | IoOp::RandomBytes { .. } | IoOp::RandomFill { .. } => &["crypto job"],
            IoOp::Signal { .. } => &["signal op"],
        }
    }
}

impl IoRequest {
    /// The request in words, for schedules.
    pub fn describe(&self) -> String {
        let what = match &self.op {
            IoOp::ReadFile { path, .. } => format!("fs.readFile {path}"),
            IoOp::WriteFile { path, .. } => format!("fs.writeFile {path}"),
            IoOp::Stat { path } => format!("fs.stat {path}"),
            IoOp::Fetch { url } => format!("fetch {url}"),
            IoOp::Lookup { host } => format!("dns.lookup {host}"),
            IoOp::Derive(super::crypto::Derivation::Pbkdf2 {
                iterations,
                keylen,
                digest,
                ..
            }) => format!("crypto.pbkdf2 {} {iterations} {keylen}", digest.name()),
            IoOp::Derive(super::crypto::Derivation::Scrypt { keylen, log_n, .. }) => {
                format!("crypto.scrypt N=2^{log_n} {keylen}")
            }
            IoOp::RandomBytes { size } => format!("crypto.randomBytes {size}"),
            IoOp::RandomFill { offset, size, .. } => {
                format!("crypto.randomFill {offset}+{size}")
            }
            IoOp::Signal { name } => format!("signal {name}"),
        };
        match self.op.steps() {
            [_] => what,
            steps => format!(
                "{what} ({})",
                steps.get(usize::from(self.step)).unwrap_or(&"")
            ),
        }
    }
}

impl Cx<'_, '_> {
    /// UV-6: submit a request to the thread pool.
    pub fn submit_io(&mut self, op: IoOp, callback: Value) {
        self.submit(op, callback, false);
    }

    /// UV-6 for the promise APIs (`fs.promises`, `fetch`): returns the pending promise.
    pub fn submit_io_promise(&mut self, op: IoOp) -> Value {
        let p = Value::Object(self.new_promise());
        self.submit(op, p.clone(), true);
        p
    }

    fn submit(&mut self, op: IoOp, callback: Value, promise: bool) {
        self.st.node.next_io_id += 1;
        let id = self.st.node.next_io_id;
        // RT-1 (Bun, `fs_calls_one_request`): `readFile`/`writeFile` are one task: the request
        // starts at its last step.
        let one = self.st.profile().fs_calls_one_request
            && matches!(op, IoOp::ReadFile { .. } | IoOp::WriteFile { .. });
        let step = if one { op.steps().len() - 1 } else { 0 };
        let req = IoRequest {
            id,
            op,
            callback,
            promise,
            step: u8::try_from(step).unwrap_or(0),
            result: None,
        };
        let what = req.describe();
        if self.st.profile().eager_ops && !promise && req.op.may_complete_eagerly() {
            self.host_step.eager_ops += 1;
            if self.st.node.eager_at == Some(self.host_step.eager_ops) {
                return self.complete_eagerly(req);
            }
        }
        self.trace("UV-6", || {
            format!("{what}: request {id} submitted to the thread pool")
        });
        self.st.node.in_flight.push(req);
    }

    /// RT-3 (Deno, `eager_ops`): the op completed when deno_core first polled it, at the call:
    /// its callback is a promise job queued now (`eager:K`).
    fn complete_eagerly(&mut self, mut req: IoRequest) {
        let what = req.describe();
        self.trace("RT-3", || {
            format!(
                "Deno: {what} completes at the call (an eager op): its callback is a promise job"
            )
        });
        req.step = u8::try_from(req.op.steps().len() - 1).unwrap_or(0);
        let id = req.id;
        self.st.node.in_flight.push(req);
        self.complete_io(id);
        let Some(i) = self.st.node.completed.iter().position(|r| r.id == id) else {
            return;
        };
        let Some(req) = self.st.node.completed.remove(i) else {
            return;
        };
        let args = match self.callback_args(&req) {
            Ok(a) => a,
            Err(_) => return,
        };
        let bound = crate::es::native::NativeFn::Bound {
            target: req.callback.clone(),
            this: Value::Undefined,
            args,
        };
        let mut callback = Value::Object(self.alloc(ObjKind::Native(bound)));
        if matches!(
            req.op,
            IoOp::ReadFile { .. } | IoOp::WriteFile { .. } | IoOp::Stat { .. }
        ) {
            // The `node:fs` wrappers resolve one promise more: the callback runs one job later
            // (measured: `readFile`/`stat` ENOENT between the first and second job of a chain
            // started after the call, 5/30 and 6/30; the crypto callbacks run in the job
            // itself, before a job queued after the call).
            let again = crate::es::native::NativeFn::Bound {
                target: Value::Builtin(crate::host::builtin::SharedFn::QueueMicrotask.into()),
                this: Value::Undefined,
                args: vec![callback],
            };
            callback = Value::Object(self.alloc(ObjKind::Native(again)));
        }
        self.host_enqueue_promise_job(crate::es::promise::Job::Callback { callback }, "RT-3");
    }

    /// UV-6: a worker finishes request `id` (it performs the operation now) and queues it
    /// for the loop.
    pub fn complete_io(&mut self, id: u32) {
        let Some(i) = self.st.node.in_flight.iter().position(|r| r.id == id) else {
            return;
        };
        // The rule fires, then the request leaves the pool (a trace announces the step).
        let what = self.st.node.in_flight[i].describe();
        self.trace("UV-6", || {
            format!("{what} completes (worker done, uv_async_send)")
        });
        let mut req = self.st.node.in_flight.remove(i);
        let files = &mut self.st.node.files;
        let last = usize::from(req.step) + 1 >= req.op.steps().len();
        let missing = match &req.op {
            IoOp::ReadFile { path, .. } | IoOp::Stat { path } => !files.contains_key(path),
            _ => false,
        };
        req.result = Some(if !last && !missing {
            // An intermediate step: nothing for the program yet.
            Ok(None)
        } else {
            match &req.op {
                IoOp::ReadFile { path, .. } | IoOp::Stat { path } => files
                    .get(path)
                    .cloned()
                    .map(|c| Some(IoData::Text(c)))
                    .ok_or("ENOENT"),
                IoOp::WriteFile { path, data } => {
                    files.insert(path.clone(), data.clone());
                    Ok(None)
                }
                IoOp::Fetch { .. } | IoOp::Signal { .. } => Ok(None),
                IoOp::Lookup { host } => match &**host {
                    "localhost" | "127.0.0.1" => Ok(Some(IoData::Text(Arc::from("127.0.0.1")))),
                    _ => Err("ENOTFOUND"),
                },
                IoOp::Derive(d) => Ok(Some(IoData::Bytes(super::crypto::derive(d)))),
                IoOp::RandomBytes { size } => {
                    Ok(Some(IoData::Bytes(Arc::from(vec![0u8; *size as usize]))))
                }
                IoOp::RandomFill { .. } => Ok(None),
            }
        });
        self.st.node.completed.push_back(req);
    }

    /// UV-6 `uv__work_done` in the poll phase: every completed request's callback, in
    /// completion order, each followed by the tick and microtask drain (NODE-2).
    pub fn deliver_completed_io(&mut self) -> JsResult<()> {
        // Each rule fires before its request leaves the queue (a trace announces the step).
        while let Some(front) = self.st.node.completed.front() {
            let what = front.describe();
            let steps = front.op.steps();
            let next = usize::from(front.step) + 1;
            if next < steps.len() && matches!(front.result, Some(Ok(_))) {
                // The step's internal callback submits the next step.
                let (id, step) = (self.st.node.next_io_id + 1, steps[next]);
                self.trace("UV-6", || {
                    format!("poll: {what} continues: request {id} ({step})")
                });
                let Some(mut req) = self.st.node.completed.pop_front() else {
                    break;
                };
                req.step += 1;
                req.result = None;
                self.st.node.next_io_id = id;
                req.id = id;
                self.st.node.in_flight.push(req);
                continue;
            }
            if !matches!(front.op, IoOp::Signal { .. }) {
                self.trace("UV-6", || format!("poll: callback of {what}"));
            }
            let Some(req) = self.st.node.completed.pop_front() else {
                break;
            };
            if let IoOp::Signal { name } = &req.op {
                // RT-3 (Deno): the signal op completed: the signal is emitted now.
                self.st.node.signals.push(name.clone());
                self.deliver_signals()?;
                continue;
            }
            let args = self.callback_args(&req)?;
            if req.promise {
                // The promise is settled from the completion callback; the drain follows.
                let Some(p) = req.callback.as_object() else {
                    continue;
                };
                let mut args = args.into_iter();
                let err = args.next().unwrap_or(Value::Null);
                let r = if err == Value::Null {
                    self.resolve_promise(p, args.next().unwrap_or(Value::Undefined))
                } else {
                    self.reject_promise(p, err);
                    Ok(())
                };
                self.after_callback(r)?;
            } else if self.st.profile().io_callbacks_in_promise_job {
                // RT-3 (Deno): the callback runs from a promise resolution, so the promise
                // jobs it queues run before its nextTicks.
                let r = self.call(&req.callback, Value::Undefined, args).map(|_| ());
                let r = match r {
                    Ok(()) => self.run_microtasks(),
                    e => e,
                };
                self.after_callback(r)?;
            } else {
                self.node_callback(&req.callback, args)?;
            }
        }
        Ok(())
    }

    /// UV-6: the arguments a completed request's callback gets (`err`, then the result).
    fn callback_args(&mut self, req: &IoRequest) -> JsResult<Vec<Value>> {
        Ok(match req.result.clone() {
            Some(Ok(content)) => match (&req.op, content) {
                (IoOp::ReadFile { utf8, .. }, Some(IoData::Text(c))) => {
                    let data = if *utf8 {
                        Value::String(c)
                    } else {
                        self.make_buffer(c)
                    };
                    vec![Value::Null, data]
                }
                // `job.ondone`: `callback.call(job, null, Buffer.from(result))`.
                (IoOp::Derive(d), Some(IoData::Bytes(b)))
                    if matches!(d, super::crypto::Derivation::Scrypt { .. })
                        && self.st.profile().scrypt_error_undefined =>
                {
                    // RT-1 (Bun): a successful scrypt calls back with `undefined`.
                    vec![Value::Undefined, self.make_bytes_buffer(b)]
                }
                (IoOp::Derive(_) | IoOp::RandomBytes { .. }, Some(IoData::Bytes(b))) => {
                    vec![Value::Null, self.make_bytes_buffer(b)]
                }
                // `onJobDone(buf, callback)`: `callback(null, buf)`, the Buffer filled.
                (IoOp::RandomFill { buf, offset, size }, _) => {
                    let (buf, offset, size) = (buf.clone(), *offset, *size);
                    self.random_fill(&buf, offset, size);
                    vec![Value::Null, buf]
                }
                (IoOp::Fetch { url }, _) => {
                    let r = Value::Object(self.alloc(ObjKind::Ordinary));
                    self.set_v(&r, "ok", Value::Bool(true))?;
                    self.set_v(&r, "status", Value::num(200.0))?;
                    self.set_v(&r, "url", Value::String(url.clone()))?;
                    vec![Value::Null, r]
                }
                (IoOp::Lookup { .. }, Some(IoData::Text(address))) => {
                    vec![Value::Null, Value::String(address), Value::num(4.0)]
                }
                (IoOp::Stat { .. }, Some(IoData::Text(c))) => {
                    let s = Value::Object(self.alloc(ObjKind::Ordinary));
                    self.set_v(&s, "size", Value::num(c.len() as f64))?;
                    vec![Value::Null, s]
                }
                _ => vec![Value::Null],
            },
            other => {
                let code = match other {
                    Some(Err(c)) => c,
                    _ => "EIO",
                };
                let (path, syscall) = match &req.op {
                    IoOp::Stat { path } => (path.clone(), "stat"),
                    IoOp::ReadFile { path, .. } | IoOp::WriteFile { path, .. } => {
                        (path.clone(), "open")
                    }
                    IoOp::Fetch { url } => (url.clone(), "fetch"),
                    IoOp::Lookup { host } => (host.clone(), "getaddrinfo"),
                    IoOp::Derive(_) | IoOp::RandomBytes { .. } | IoOp::RandomFill { .. } => {
                        (Arc::from("crypto"), "crypto")
                    }
                    IoOp::Signal { name } => (name.clone(), "signal"),
                };
                let msg = if code == "ENOTFOUND" {
                    format!("{syscall} {code} {path}")
                } else {
                    format!("{code}: no such file or directory, {syscall} '{path}'")
                };
                let e = self.make_error(ErrorKind::Error, &msg);
                if let Value::Object(o) = &e {
                    self.st
                        .heap
                        .get_mut(*o)
                        .set_own("code", Prop::Data(Value::str(code)));
                }
                vec![e]
            }
        })
    }
}

evloop_engine::heap_refs!(enum [] IoOp {
    ReadFile { .. },
    WriteFile { .. },
    Stat { .. },
    Fetch { .. },
    Lookup { .. },
    Derive(_),
    RandomBytes { .. },
    RandomFill { buf, .. },
    Signal { .. },
});
evloop_engine::heap_refs!(struct [] IoRequest { callback, op });
