//! evloop-wasm: evloop in the browser. The frontend (evloop-js), the model (evloop-model) and
//! the checker (evloop-checker, exploring on one thread: no threads on
//! `wasm32-unknown-unknown`) behind a JSON API that `wasm-bindgen --target web` exports to
//! the playground (`web/site/`, run in a Web Worker by `web/site/worker.js`).
//!
//! - [`run`]: one schedule, as `evloop run --json --trace`.
//! - [`check`]: every schedule, as `evloop check --json`, with the same limits and the same
//!   "incomplete" when a limit is hit.
//! - [`last_panic`]: the message of a panic (a bug in evloop), which on wasm32 ends the call
//!   with a trap the worker catches.
//!
//! The functions are plain Rust in [`api`] (tested natively, and compared with the CLI on
//! every litmus file by `tests/playground.rs` at the repository root); this file only
//! exports them.
#![forbid(unsafe_code)]

pub mod api;
pub mod load;

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `source` on `host` with `schedule`; JSON (see [`api::run`]).
#[wasm_bindgen]
pub fn run(source: &str, host: &str, schedule: &str, options: &str) -> String {
    remember_panics();
    api::run(source, host, schedule, options)
}

/// Explores every schedule and judges `claims` (a JSON array); JSON (see [`api::check`]).
#[wasm_bindgen]
pub fn check(source: &str, host: &str, claims: &str, options: &str) -> String {
    remember_panics();
    api::check(source, host, claims, options)
}

/// The message of the last panic, if one happened (the call that panicked trapped).
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow().clone())
}

/// Installs (once) a panic hook that keeps the message for [`last_panic`].
fn remember_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let msg = info.to_string();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
        }));
    });
}

#[cfg(test)]
mod tests;
