//! evloop-model: the pure semantics of the JavaScript event loop.
//!
//! No I/O, no threads, no wall clock: a [`State`] is a value, [`State::choices`] lists the
//! host's nondeterministic options and [`State::apply`] takes one. Functions that execute a
//! rule carry its ID (spec/) and the normative source's step numbers in their doc comments.
#![forbid(unsafe_code)]

pub mod canon;
pub mod cycle;
pub mod explore;
pub mod host;
pub mod limits;
pub mod run;
pub mod setup;
pub mod state;

pub use evloop_engine::{builtins, es, format, ir, number, trace, value};

/// The engine's heap holding the hosts' objects ([`host::object::HostObj`]).
pub mod heap {
    pub use evloop_engine::heap::{Closure, ErrorKind, Prop, Proto, Record};
    pub type ObjKind = evloop_engine::heap::ObjKind<crate::host::object::HostObj>;
    pub type Obj = evloop_engine::heap::Obj<crate::host::object::HostObj>;
    pub type Heap = evloop_engine::heap::Heap<crate::host::object::HostObj>;
}

/// The engine's agent running over [`State`], and the hosts' view of it ([`vm::Cx`]).
pub mod vm {
    pub use crate::host::cx::{Agent, Cx};
    pub use evloop_engine::vm::{FrameExit, JsResult, MAX_CALL_DEPTH, Resume, Unwind, frame, ops};
}

pub use host::Host;
pub use ir::Program;
pub use run::{Outcome, RunResult, Scheduler, Status, run, run_traced};
pub use setup::{Setup, Timing};
pub use state::{Choice, State};
