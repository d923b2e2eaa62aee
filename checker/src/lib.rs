//! evloop-checker: every schedule of a program, on stateright.
//!
//! [`EventLoop`] is a stateright [`Model`](stateright::Model) whose states are the model's
//! [`State`](evloop_model::State)s and whose actions are the host's
//! [`Choice`](evloop_model::Choice)s. [`explore`] runs stateright's depth-first checker over
//! it and returns the distinct outcomes, each with the shortest schedule producing it (on
//! `wasm32`, which has no threads, [`explore`] walks the same graph breadth-first on one
//! thread instead: `src/bfs.rs`);
//! [`check`] also judges [claims](claims) over them, with the shortest counterexample for a
//! claim that fails. [`serve`] runs stateright's Explorer web UI.
//!
//! Rules (documented in the README's "Checking" section): CHECK-1 outcome enumeration,
//! CHECK-2 claim semantics, CHECK-3 counterexamples.
#![forbid(unsafe_code)]

mod bfs;
pub mod check;
pub mod claims;
#[cfg(not(target_arch = "wasm32"))]
mod dfs;
mod graph;
#[cfg(not(target_arch = "wasm32"))]
mod model;

#[cfg(not(target_arch = "wasm32"))]
use std::net::ToSocketAddrs;
use std::sync::Arc;

use evloop_model::{Choice, Host, Program, State};
#[cfg(not(target_arch = "wasm32"))]
use stateright::Model;

pub use check::{
    CheckError, Exploration, Explorer, Found, Judgement, Limit, Limits, Options, Progress,
    ProgressFn, Report, check, check_with, explore, explore_single_threaded,
};
pub use claims::{Claim, ClaimError, Verdict};
#[cfg(not(target_arch = "wasm32"))]
pub use model::{EventLoop, Fingerprinted};

/// Each step of `schedule` in words ("fetch a.com completes", "clock advances to 10 ms"),
/// replayed from the start of `program` on `host` set up as `setup`. Steps that are not
/// options where they are taken are described without their state.
pub fn describe_schedule(
    program: Arc<Program>,
    host: Host,
    setup: &evloop_model::Setup,
    schedule: &[Choice],
) -> Vec<String> {
    let mut st = State::new(program, host, setup);
    schedule
        .iter()
        .map(|c| {
            let words = c.describe_in(&st);
            if st.choices().contains(c) {
                st = st.apply(*c);
            }
            words
        })
        .collect()
}

/// Serves stateright's Explorer (not on `wasm32`: no sockets, no threads) for `program` on `host` at `address` (blocks; the process
/// ends the server). Fails only if the address cannot be bound.
#[cfg(not(target_arch = "wasm32"))]
pub fn serve(
    program: Arc<Program>,
    host: Host,
    setup: &evloop_model::Setup,
    address: impl ToSocketAddrs,
) -> std::io::Result<()> {
    let addrs: Vec<_> = address.to_socket_addrs()?.collect();
    // stateright's server panics when it cannot bind: check first.
    drop(std::net::TcpListener::bind(&addrs[..])?);
    let _ = EventLoop::new(program, host, setup)
        .checker()
        .serve(&addrs[..]);
    Ok(())
}
