//! evloop-conformance: conformance vectors (programs with, per host, the outcomes the model
//! allows) and runners that execute them on real runtimes — Node.js, Deno, Bun, Chromium and
//! Firefox — and judge every observed outcome against the runtime's own host profile.
//! The vector format and the harness protocol are documented in conformance/README.md.
//! [`fuzz`] is differential testing on the same runtimes ([`Runtime`]) and the same process
//! runner ([`process::run`]): generated programs instead of vectors (tools/fuzz/README.md).
#![forbid(unsafe_code)]

pub mod browser;
pub mod fuzz;
pub mod input;
pub mod process;
pub mod report;
pub mod runner;
pub mod runtime;
pub mod vector;

pub use report::{Cell, Report, Verdict, judge};
pub use runner::{Config, Job, Observed, plan, run_all};
pub use runtime::Runtime;
pub use vector::{AllowedOutcome, HostOutcomes, LitmusInput, ModuleKind, Provenance, Vector};
