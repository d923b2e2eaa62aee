//! evloop-model: the pure semantics of the JavaScript event loop.
//!
//! No I/O, no threads, no wall clock: a [`State`] is a value, [`State::choices`] lists the
//! host's nondeterministic options and [`State::apply`] takes one. Functions that execute a
//! rule carry its ID (spec/) and the normative source's step numbers in their doc comments.
#![forbid(unsafe_code)]

pub mod builtins;
pub mod canon;
pub mod es;
pub mod explore;
pub mod format;
pub mod heap;
pub mod host;
pub mod ir;
pub mod number;
pub mod run;
pub mod setup;
pub mod state;
pub mod trace;
pub mod value;
pub mod vm;

pub use host::Host;
pub use ir::Program;
pub use run::{Outcome, RunResult, Scheduler, Status, run, run_set_up, run_traced};
pub use setup::{Setup, Timing};
pub use state::{Choice, State};
