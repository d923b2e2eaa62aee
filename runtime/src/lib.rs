//! evloop-runtime: a real threaded event loop for the model's programs.
//!
//! - [`pool`]: the thread-pool-to-loop handoff after libuv's (UV-6): work queue, completion
//!   queue, coalescing async wake-up, verified with loom (`cfg(loom)`) and shuttle
//!   (`cfg(shuttle)`) through [`sync`].
//! - [`exec`]: runs a Node-host program with real threads: the model's [`evloop_model::State`]
//!   carries out the JavaScript semantics on the loop thread; the real pool and the wall clock
//!   decide the nondeterministic choices (which request completes next, when a timer is due).
#![forbid(unsafe_code)]

#[cfg(not(any(loom, shuttle)))]
pub mod exec;
pub mod pool;
#[cfg(not(any(loom, shuttle)))]
pub mod server;
pub mod sync;

#[cfg(all(test, loom))]
mod loom_tests;
#[cfg(all(test, shuttle, not(loom)))]
mod shuttle_tests;

pub use pool::{AsyncWake, Pool, Shutdown};
