//! evloop-engine: the ECMAScript language, and nothing else.
//!
//! The IR the frontend compiles to ([`ir`]), language values ([`value`]) and the heap
//! ([`heap`]), the interpreter ([`vm`]), the built-ins by spec chapter ([`builtins`]),
//! promise jobs and async functions ([`es`]). It knows no host: everything a host decides —
//! where a promise job is queued, what happens to an unhandled rejection, which globals
//! exist beyond ECMA-262's, what the current time is — enters through the host hooks of
//! [`host::HostHooks`], named as ECMA-262 §9.5 and §27.2.1.9 name them. The hosts (HTML,
//! Node.js and its Deno/Bun profiles) live in the `evloop-model` crate above this one.
#![forbid(unsafe_code)]

pub mod builtins;
pub mod elements;
pub mod es;
pub mod format;
pub mod heap;
pub mod host;
pub mod ir;
pub mod limits;
pub mod number;
pub mod refs;
pub mod strings;
pub mod trace;
pub mod unmodelled;
pub mod value;
pub mod vm;

pub use host::{HostData, HostHooks, Realm};
pub use ir::Program;
pub use vm::{Agent, JsResult, Unwind};
