//! `require('crypto')`: `pbkdf2`, `scrypt`, `randomBytes` and `randomFill` as thread-pool requests (UV-6),
//! their synchronous forms, and the bytes they produce.
//!
//! Node runs each asynchronous call as one `CryptoJob` in `kCryptoJobAsync` mode: the job is
//! queued with `uv_queue_work` and its `ondone` callback (`lib/internal/crypto/pbkdf2.js`,
//! `scrypt.js`, `random.js`) calls the user's callback with `(null, buf)` from the poll phase,
//! exactly like an `fs` request. The model computes the derived keys for real (RustCrypto
//! `pbkdf2`, `scrypt`, `hmac`, `sha1`, `sha2`); random bytes are zeros, since the real ones
//! are nondeterministic and a program printing them is outside the subset.

use crate::host::object::HostObj;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use hmac::Hmac;

use crate::heap::{ErrorKind, ObjKind, Prop};
use crate::value::Value;
use crate::vm::{Cx, JsResult, Unwind};

use super::io::IoOp;

/// The digests the model computes PBKDF2 with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Digest {
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Digest {
    /// OpenSSL's `EVP_get_digestbyname`, for the digests the model implements: names are
    /// case-insensitive and have aliases (`SHA256`, `sha-256`, `RSA-SHA256`,
    /// `sha256WithRSAEncryption`).
    pub fn from_name(name: &str) -> Option<Digest> {
        let n = name.to_ascii_lowercase();
        let n = n.strip_prefix("rsa-").unwrap_or(&n);
        let n = n.strip_suffix("withrsaencryption").unwrap_or(n);
        Some(match n {
            "sha1" | "sha-1" | "ssl3-sha1" => Digest::Sha1,
            "sha224" | "sha-224" | "sha2-224" => Digest::Sha224,
            "sha256" | "sha-256" | "sha2-256" => Digest::Sha256,
            "sha384" | "sha-384" | "sha2-384" => Digest::Sha384,
            "sha512" | "sha-512" | "sha2-512" => Digest::Sha512,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Digest::Sha1 => "sha1",
            Digest::Sha224 => "sha224",
            Digest::Sha256 => "sha256",
            Digest::Sha384 => "sha384",
            Digest::Sha512 => "sha512",
        }
    }
}

/// Whether OpenSSL might know `name` as a digest the model does not implement (MD5, SHA-3,
/// RIPEMD, BLAKE2, SM3, SHA-512/256, …): such a call is outside the subset rather than an
/// invalid digest.
fn other_openssl_digest(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "md4",
        "md5",
        "mdc2",
        "sha",
        "ripemd",
        "rmd",
        "blake",
        "sm3",
        "shake",
        "whirlpool",
        "keccak",
    ]
    .iter()
    .any(|f| n.contains(f))
}

/// The most PRF invocations one derivation may take (iterations × output blocks for PBKDF2,
/// N × r × p for scrypt): the model computes keys for real, so a key that takes seconds in
/// Node is outside the subset.
const MAX_WORK: u64 = 4_000_000;

/// The largest key or buffer the model produces.
const MAX_LEN: u32 = 1 << 20;

/// A key derivation's inputs: the cache key of [`derive`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Derivation {
    Pbkdf2 {
        password: Arc<[u8]>,
        salt: Arc<[u8]>,
        iterations: u32,
        keylen: u32,
        digest: Digest,
    },
    Scrypt {
        password: Arc<[u8]>,
        salt: Arc<[u8]>,
        keylen: u32,
        log_n: u8,
        r: u32,
        p: u32,
    },
}

/// UV-6 step 2 (crypto jobs): derives the key, as the worker thread does. Each distinct derivation is computed
/// once per process: the checker reaches the same completion along many schedules.
pub fn derive(d: &Derivation) -> Arc<[u8]> {
    static CACHE: OnceLock<Mutex<HashMap<Derivation, Arc<[u8]>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some(k) = cache.lock().ok().and_then(|c| c.get(d).cloned()) {
        return k;
    }
    let key: Arc<[u8]> = match d {
        Derivation::Pbkdf2 {
            password,
            salt,
            iterations,
            keylen,
            digest,
        } => {
            let mut out = vec![0u8; *keylen as usize];
            let r = match digest {
                Digest::Sha1 => {
                    pbkdf2::pbkdf2::<Hmac<sha1::Sha1>>(password, salt, *iterations, &mut out)
                }
                Digest::Sha224 => {
                    pbkdf2::pbkdf2::<Hmac<sha2::Sha224>>(password, salt, *iterations, &mut out)
                }
                Digest::Sha256 => {
                    pbkdf2::pbkdf2::<Hmac<sha2::Sha256>>(password, salt, *iterations, &mut out)
                }
                Digest::Sha384 => {
                    pbkdf2::pbkdf2::<Hmac<sha2::Sha384>>(password, salt, *iterations, &mut out)
                }
                Digest::Sha512 => {
                    pbkdf2::pbkdf2::<Hmac<sha2::Sha512>>(password, salt, *iterations, &mut out)
                }
            };
            // HMAC takes keys of any length, so this cannot fail; an empty key if it did.
            if r.is_err() {
                out.clear();
            }
            out.into()
        }
        Derivation::Scrypt {
            password,
            salt,
            keylen,
            log_n,
            r,
            p,
        } => {
            let mut out = vec![0u8; *keylen as usize];
            // The parameters were checked when the call was made (`scrypt_params`).
            let ok = scrypt::Params::new(*log_n, *r, *p, 10)
                .ok()
                .and_then(|params| scrypt::scrypt(password, salt, &params, &mut out).ok());
            if ok.is_none() {
                out.clear();
            }
            out.into()
        }
    };
    if let Ok(mut c) = cache.lock() {
        // A bound on what a long run (the fuzzer) keeps.
        if c.len() >= 1024 {
            c.clear();
        }
        c.insert(d.clone(), key.clone());
    }
    key
}

/// Node's `ERR_INVALID_ARG_TYPE` / `ERR_OUT_OF_RANGE` wording for the received value.
fn received(agent: &mut Cx<'_, '_>, v: &Value) -> JsResult<String> {
    Ok(match v {
        Value::Undefined | Value::Hole => "Received undefined".into(),
        Value::Null => "Received null".into(),
        Value::String(s) => format!("Received type string ('{s}')"),
        Value::Number(_) => format!("Received type number ({})", agent.to_string(v)?),
        Value::Bool(b) => format!("Received type boolean ({b})"),
        _ if agent.is_callable(v) => "Received function".into(),
        _ => "Received an instance of Object".into(),
    })
}

/// A Node-style error: `kind` with `message` and its `code` property.
fn node_error(agent: &mut Cx<'_, '_>, kind: ErrorKind, code: &str, message: &str) -> Unwind {
    let e = agent.make_error(kind, message);
    if let Value::Object(o) = &e {
        agent
            .st
            .heap
            .get_mut(*o)
            .set_own("code", Prop::Data(Value::str(code)));
    }
    Unwind::Throw(e)
}

/// `validateInt32(value, name, min)` (`lib/internal/validators.js`).
fn int32(agent: &mut Cx<'_, '_>, v: &Value, name: &str, min: i64) -> JsResult<i64> {
    let Value::Number(n) = v else {
        let got = received(agent, v)?;
        return Err(node_error(
            agent,
            ErrorKind::TypeError,
            "ERR_INVALID_ARG_TYPE",
            &format!("The \"{name}\" argument must be of type number. {got}"),
        ));
    };
    let x = n.get();
    if x.fract() != 0.0 || !x.is_finite() {
        let shown = agent.to_string(v)?;
        return Err(node_error(
            agent,
            ErrorKind::RangeError,
            "ERR_OUT_OF_RANGE",
            &format!(
                "The value of \"{name}\" is out of range. It must be an integer. Received {shown}"
            ),
        ));
    }
    if x < min as f64 || x > f64::from(i32::MAX) {
        let shown = agent.to_string(v)?;
        return Err(node_error(
            agent,
            ErrorKind::RangeError,
            "ERR_OUT_OF_RANGE",
            &format!(
                "The value of \"{name}\" is out of range. It must be >= {min} && <= 2147483647. Received {shown}"
            ),
        ));
    }
    Ok(x as i64)
}

/// `getArrayBufferOrView(value, name)`: a string's UTF-8 bytes or a Buffer's bytes.
fn bytes_arg(agent: &mut Cx<'_, '_>, v: &Value, name: &str) -> JsResult<Arc<[u8]>> {
    match v {
        Value::String(s) => Ok(Arc::from(s.as_bytes())),
        Value::Object(o) => match &agent.st.realm.heap.get(*o).kind {
            ObjKind::Host(HostObj::Buffer(b)) => Ok(b.clone()),
            _ => {
                let got = received(agent, v)?;
                Err(node_error(
                    agent,
                    ErrorKind::TypeError,
                    "ERR_INVALID_ARG_TYPE",
                    &format!(
                        "The \"{name}\" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView. {got}"
                    ),
                ))
            }
        },
        _ => {
            let got = received(agent, v)?;
            Err(node_error(
                agent,
                ErrorKind::TypeError,
                "ERR_INVALID_ARG_TYPE",
                &format!(
                    "The \"{name}\" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView. {got}"
                ),
            ))
        }
    }
}

/// A call outside the subset: a thrown Error that says so (the real runtime would not throw).
fn outside(agent: &mut Cx<'_, '_>, what: &str) -> Unwind {
    Unwind::Throw(agent.make_error(
        ErrorKind::Error,
        &format!("evloop: {what} is outside the modelled subset of node:crypto"),
    ))
}

/// `validateFunction(callback, 'callback')`.
fn callback_arg(agent: &mut Cx<'_, '_>, v: &Value) -> JsResult<Value> {
    if agent.is_callable(v) {
        return Ok(v.clone());
    }
    let got = received(agent, v)?;
    Err(node_error(
        agent,
        ErrorKind::TypeError,
        "ERR_INVALID_ARG_TYPE",
        &format!("The \"callback\" argument must be of type function. {got}"),
    ))
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Undefined)
}

impl Cx<'_, '_> {
    /// `crypto.pbkdf2(password, salt, iterations, keylen, digest, callback)` and
    /// `pbkdf2Sync` (Node `lib/internal/crypto/pbkdf2.js`): `check` validates the arguments
    /// (digest a string, then password, salt, `iterations >= 1`, `keylen >= 0`), the
    /// `PBKDF2Job` constructor rejects an unknown digest (`ERR_CRYPTO_INVALID_DIGEST`) — UV-6
    /// step 1 for crypto jobs — and the asynchronous form submits one thread-pool request
    /// (step 2).
    pub fn crypto_pbkdf2(&mut self, args: &[Value], sync: bool) -> JsResult<Value> {
        let mut digest = arg(args, 4);
        let mut callback = arg(args, 5);
        if !sync && self.is_callable(&digest) {
            callback = digest;
            digest = Value::Undefined;
        }
        let Value::String(digest_name) = digest.clone() else {
            let got = received(self, &digest)?;
            return Err(node_error(
                self,
                ErrorKind::TypeError,
                "ERR_INVALID_ARG_TYPE",
                &format!("The \"digest\" argument must be of type string. {got}"),
            ));
        };
        let password = bytes_arg(self, &arg(args, 0), "password")?;
        let salt = bytes_arg(self, &arg(args, 1), "salt")?;
        let iterations = int32(self, &arg(args, 2), "iterations", 1)?;
        let keylen = int32(self, &arg(args, 3), "keylen", 0)?;
        let callback = if sync {
            None
        } else {
            Some(callback_arg(self, &callback)?)
        };
        let Some(digest) = Digest::from_name(&digest_name) else {
            if other_openssl_digest(&digest_name) {
                return Err(outside(
                    self,
                    &format!(
                        "PBKDF2 with digest '{digest_name}' (the model implements sha1, sha224, sha256, sha384, sha512)"
                    ),
                ));
            }
            return Err(node_error(
                self,
                ErrorKind::TypeError,
                "ERR_CRYPTO_INVALID_DIGEST",
                &format!("Invalid digest: {digest_name}"),
            ));
        };
        let blocks = (keylen as u64).div_ceil(match digest {
            Digest::Sha1 => 20,
            Digest::Sha224 => 28,
            Digest::Sha256 => 32,
            Digest::Sha384 => 48,
            Digest::Sha512 => 64,
        });
        if keylen > i64::from(MAX_LEN) || iterations as u64 * blocks.max(1) > MAX_WORK {
            return Err(outside(
                self,
                &format!(
                    "a PBKDF2 key of {keylen} bytes with {iterations} iterations (the model computes at most {MAX_WORK} HMAC blocks)"
                ),
            ));
        }
        let d = Derivation::Pbkdf2 {
            password,
            salt,
            iterations: iterations as u32,
            keylen: keylen as u32,
            digest,
        };
        self.crypto_finish(d, callback)
    }

    /// `crypto.scrypt(password, salt, keylen[, options], callback)` and `scryptSync` (Node
    /// `lib/internal/crypto/scrypt.js`): options `N`/`cost` (a power of two, default 16384),
    /// `r`/`blockSize` (8), `p`/`parallelization` (1); invalid ones throw
    /// `ERR_CRYPTO_INVALID_SCRYPT_PARAMS` (UV-6 step 1 for crypto jobs). The asynchronous form
    /// is one thread-pool request (step 2).
    pub fn crypto_scrypt(&mut self, args: &[Value], sync: bool) -> JsResult<Value> {
        let mut options = arg(args, 3);
        let mut callback = arg(args, 4);
        if !sync && self.is_callable(&options) {
            callback = options;
            options = Value::Undefined;
        }
        let password = bytes_arg(self, &arg(args, 0), "password")?;
        let salt = bytes_arg(self, &arg(args, 1), "salt")?;
        let keylen = int32(self, &arg(args, 2), "keylen", 0)?;
        let mut params = [16384.0, 8.0, 1.0];
        if let Value::Object(_) = options {
            for (i, names) in [["N", "cost"], ["r", "blockSize"], ["p", "parallelization"]]
                .iter()
                .enumerate()
            {
                for name in names {
                    match self.get_v(&options, name)? {
                        Value::Undefined => {}
                        v => params[i] = self.to_number(&v)?,
                    }
                }
            }
            if self.get_v(&options, "maxmem")? != Value::Undefined {
                return Err(outside(self, "scrypt's maxmem option"));
            }
        }
        let callback = if sync {
            None
        } else {
            Some(callback_arg(self, &callback)?)
        };
        let [n, r, p] = params;
        let valid = n > 1.0
            && n.fract() == 0.0
            && (n as u64).is_power_of_two()
            && n < 2f64.powi(63)
            && r >= 1.0
            && r.fract() == 0.0
            && p >= 1.0
            && p.fract() == 0.0
            && r * p < f64::from(1u32 << 30)
            // OpenSSL `EVP_PBE_scrypt_ex`: N < 2^(16·r).
            && (16.0 * r >= 64.0 || n < 2f64.powf(16.0 * r));
        // OpenSSL's memory bound with Node's default `maxmem` (32 MiB): 128·r·(N + 2 + p).
        if !valid || 128.0 * r * (n + 2.0 + p) > 32.0 * 1024.0 * 1024.0 {
            return Err(node_error(
                self,
                ErrorKind::RangeError,
                "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
                "Invalid scrypt params",
            ));
        }
        let (n, r, p) = (n as u64, r as u32, p as u32);
        if keylen > i64::from(MAX_LEN) || n * u64::from(r) * u64::from(p) > MAX_WORK {
            return Err(outside(
                self,
                &format!(
                    "scrypt with N={n}, r={r}, p={p} (the model computes at most N·r·p = {MAX_WORK})"
                ),
            ));
        }
        let d = Derivation::Scrypt {
            password,
            salt,
            keylen: keylen as u32,
            log_n: n.trailing_zeros() as u8,
            r,
            p,
        };
        self.crypto_finish(d, callback)
    }

    /// UV-6 step 2: a derivation's callback form submits the request (its callback runs in
    /// the poll phase, step 3); the sync form derives now.
    fn crypto_finish(&mut self, d: Derivation, callback: Option<Value>) -> JsResult<Value> {
        match callback {
            Some(cb) => {
                self.submit_io(IoOp::Derive(d), cb);
                Ok(Value::Undefined)
            }
            None => {
                let key = derive(&d);
                Ok(self.make_bytes_buffer(key))
            }
        }
    }

    /// `crypto.randomBytes(size[, callback])` (Node `lib/internal/crypto/random.js`):
    /// `size` a number in 0..=2³¹−1 (UV-6 step 1); with a callback one thread-pool request
    /// (step 2), otherwise the buffer at once. The model's bytes are zeros.
    pub fn crypto_random_bytes(&mut self, args: &[Value]) -> JsResult<Value> {
        let size = arg(args, 0);
        let Value::Number(n) = size else {
            let got = received(self, &size)?;
            return Err(node_error(
                self,
                ErrorKind::TypeError,
                "ERR_INVALID_ARG_TYPE",
                &format!("The \"size\" argument must be of type number. {got}"),
            ));
        };
        let x = n.get();
        if !(0.0..=f64::from(i32::MAX)).contains(&x) {
            let shown = self.to_string(&size)?;
            return Err(node_error(
                self,
                ErrorKind::RangeError,
                "ERR_OUT_OF_RANGE",
                &format!(
                    "The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received {shown}"
                ),
            ));
        }
        // Node truncates a fractional size (`size >>> 0` after validation).
        let size = x as u32;
        if size > MAX_LEN {
            return Err(outside(
                self,
                &format!(
                    "randomBytes({size}) (the model makes buffers of at most {MAX_LEN} bytes)"
                ),
            ));
        }
        match args.get(1) {
            None | Some(Value::Undefined) => {
                Ok(self.make_bytes_buffer(Arc::from(vec![0u8; size as usize])))
            }
            Some(cb) => {
                let cb = callback_arg(self, cb)?;
                if self.st.profile().random_bytes_callback_as_tick {
                    // RT-3 (Deno): the bytes are made at once and the callback queued with
                    // `process.nextTick`.
                    self.trace("RT-3", || {
                        "Deno: randomBytes makes the bytes now and queues its callback as a nextTick".into()
                    });
                    let buf = self.make_bytes_buffer(Arc::from(vec![0u8; size as usize]));
                    self.next_tick(cb, vec![Value::Null, buf]);
                    return Ok(Value::Undefined);
                }
                self.submit_io(IoOp::RandomBytes { size }, cb);
                Ok(Value::Undefined)
            }
        }
    }

    /// `crypto.randomFill(buf[, offset[, size]], callback)` and `crypto.randomFillSync(buf[,
    /// offset[, size]])` (Node `lib/internal/crypto/random.js`, UV-6): after the argument
    /// validation of `randomFill` (steps: `buf` must be a Buffer; a function in the `offset`
    /// or `size` position is the callback, else `validateFunction(callback)`;
    /// `assertOffset`; `assertSize` or `byteLength - offset`), a zero `size` calls
    /// `callback(null, buf)` synchronously and any other is one `RandomBytesJob`
    /// on the thread pool whose `ondone` calls `callback(null, buf)` from the poll phase,
    /// the same Buffer, filled. The synchronous form fills and returns `buf`. The model's
    /// random bytes are zeros.
    pub fn crypto_random_fill(&mut self, args: &[Value], sync: bool) -> JsResult<Value> {
        let buf = arg(args, 0);
        let len = match &buf {
            Value::Object(o) => match &self.st.realm.heap.get(*o).kind {
                ObjKind::Host(HostObj::Buffer(b)) => Some(b.len()),
                _ => None,
            },
            _ => None,
        };
        let Some(len) = len else {
            let got = received(self, &buf)?;
            return Err(node_error(
                self,
                ErrorKind::TypeError,
                "ERR_INVALID_ARG_TYPE",
                &format!(
                    "The \"buf\" argument must be an instance of ArrayBuffer or ArrayBufferView. {got}"
                ),
            ));
        };
        let (mut offset, mut size) = (arg(args, 1), arg(args, 2));
        let callback = if sync {
            if offset == Value::Undefined {
                offset = Value::num(0.0);
            }
            None
        } else if self.is_callable(&offset) {
            let cb = offset;
            offset = Value::num(0.0);
            size = Value::Undefined;
            Some(cb)
        } else if self.is_callable(&size) {
            let cb = size;
            size = Value::Undefined;
            Some(cb)
        } else {
            Some(callback_arg(self, &arg(args, 3))?)
        };
        let len_f = len as f64;
        // assertOffset: validateNumber, then 0 <= offset <= byteLength (NaN fails).
        let Value::Number(o) = offset else {
            let got = received(self, &offset)?;
            return Err(node_error(
                self,
                ErrorKind::TypeError,
                "ERR_INVALID_ARG_TYPE",
                &format!("The \"offset\" argument must be of type number. {got}"),
            ));
        };
        let o = o.get();
        if o.is_nan() || o > len_f || o < 0.0 {
            let shown = self.to_string(&offset)?;
            return Err(node_error(
                self,
                ErrorKind::RangeError,
                "ERR_OUT_OF_RANGE",
                &format!(
                    "The value of \"offset\" is out of range. It must be >= 0 && <= {len}. Received {shown}"
                ),
            ));
        }
        // `offset >>> 0`.
        let offset = o as usize;
        let size = match size {
            Value::Undefined => len - offset,
            Value::Number(n) => {
                let x = n.get();
                if x.is_nan() || x > f64::from(i32::MAX) || x < 0.0 {
                    let shown = self.to_string(&size)?;
                    return Err(node_error(
                        self,
                        ErrorKind::RangeError,
                        "ERR_OUT_OF_RANGE",
                        &format!(
                            "The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received {shown}"
                        ),
                    ));
                }
                if x + offset as f64 > len_f {
                    let shown = self.to_string(&Value::num(x + offset as f64))?;
                    return Err(node_error(
                        self,
                        ErrorKind::RangeError,
                        "ERR_OUT_OF_RANGE",
                        &format!(
                            "The value of \"size + offset\" is out of range. It must be <= {len}. Received {shown}"
                        ),
                    ));
                }
                x as usize
            }
            other => {
                let got = received(self, &other)?;
                return Err(node_error(
                    self,
                    ErrorKind::TypeError,
                    "ERR_INVALID_ARG_TYPE",
                    &format!("The \"size\" argument must be of type number. {got}"),
                ));
            }
        };
        let (offset, size) = (
            u32::try_from(offset).unwrap_or(u32::MAX),
            u32::try_from(size).unwrap_or(u32::MAX),
        );
        match callback {
            None => {
                self.random_fill(&buf, offset, size);
                Ok(buf)
            }
            Some(cb) if size == 0 => {
                // `if (size === 0) { callback(null, buf); return; }`: synchronously.
                self.call(&cb, Value::Undefined, vec![Value::Null, buf])?;
                Ok(Value::Undefined)
            }
            Some(cb) => {
                self.submit_io(IoOp::RandomFill { buf, offset, size }, cb);
                Ok(Value::Undefined)
            }
        }
    }

    /// The `RandomBytesJob` of `randomFill`: bytes `offset..offset + size` of `buf` become
    /// the model's random bytes (zeros).
    pub fn random_fill(&mut self, buf: &Value, offset: u32, size: u32) {
        let Value::Object(o) = buf else { return };
        let obj = self.st.realm.heap.get_mut(*o);
        if let ObjKind::Host(HostObj::Buffer(b)) = &obj.kind {
            let mut bytes = b.to_vec();
            let end = (offset as usize + size as usize).min(bytes.len());
            for x in bytes.get_mut(offset as usize..end).into_iter().flatten() {
                *x = 0;
            }
            obj.kind = ObjKind::Host(HostObj::Buffer(Arc::from(bytes)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    /// RFC 6070 (PBKDF2-HMAC-SHA1) and RFC 7914 §12 (scrypt) test vectors.
    #[test]
    fn derivations_match_the_rfc_vectors() {
        let pbkdf2 = |iterations, keylen, digest| {
            derive(&Derivation::Pbkdf2 {
                password: Arc::from(&b"password"[..]),
                salt: Arc::from(&b"salt"[..]),
                iterations,
                keylen,
                digest,
            })
        };
        assert_eq!(
            hex(&pbkdf2(4096, 20, Digest::Sha1)),
            "4b007901b765489abead49d926f721d065a429c1"
        );
        assert_eq!(
            hex(&pbkdf2(1, 32, Digest::Sha256)),
            "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        );
        let scrypt = derive(&Derivation::Scrypt {
            password: Arc::from(&b"password"[..]),
            salt: Arc::from(&b"NaCl"[..]),
            keylen: 64,
            log_n: 10,
            r: 8,
            p: 16,
        });
        assert_eq!(hex(&scrypt[..16]), "fdbabe1c9d3472007856e7190d01e9fe");
    }

    #[test]
    fn digest_names_are_openssl_aliases() {
        for n in [
            "sha256",
            "SHA256",
            "sha-256",
            "RSA-SHA256",
            "sha256WithRSAEncryption",
        ] {
            assert_eq!(Digest::from_name(n), Some(Digest::Sha256), "{n}");
        }
        assert_eq!(Digest::from_name("nope"), None);
        assert!(other_openssl_digest("md5") && !other_openssl_digest("nope"));
    }
}
